"""An index of the few merged volunteer records, so the identities of merged duplicates are read by
a seek instead of a scan of every volunteer on each page of the list."""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('volunteers', schema=None) as batch_op:
        batch_op.create_index('ix_volunteers_merged', ['merged_into'], unique=False,
                              sqlite_where=sa.text("merged_into != ''"))


def downgrade() -> None:
    with op.batch_alter_table('volunteers', schema=None) as batch_op:
        batch_op.drop_index('ix_volunteers_merged', sqlite_where=sa.text("merged_into != ''"))
