"""Sync that no record can break: pulled records set aside when they cannot be applied, the problems
reported to the city, and the record a replacement of service hours replaces."""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('service_hours', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replaces_id', sa.String(length=36), nullable=False, server_default=''))

    op.create_table('sync_not_applied',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('set_aside_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_not_applied', schema=None) as batch_op:
        batch_op.create_index('ix_sync_not_applied_record', ['entity', 'row_id', 'seq'], unique=True)

    op.create_table('sync_problems',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('station_id', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('noticed_on', sa.String(length=10), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('field_hlc', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('sync_problems')
    with op.batch_alter_table('sync_not_applied', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_not_applied_record')
    op.drop_table('sync_not_applied')
    with op.batch_alter_table('service_hours', schema=None) as batch_op:
        batch_op.drop_column('replaces_id')
