"""The earliest expiry of what is on a hut's shelf is read off an index of the movements by item and expiry, never
the rows themselves."""

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movements_expiry', ['item_id', 'expires_on', 'quantity', 'deleted'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_movements_expiry')
