"""A note in a sponsorship's log names the entry it answers: a wrong visit or hand-over stays as it was
recorded, answered by a note, never edited."""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sponsorship_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answers_id', sa.String(length=36), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('sponsorship_events', schema=None) as batch_op:
        batch_op.drop_column('answers_id')
