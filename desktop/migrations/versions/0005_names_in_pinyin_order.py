"""Names in pinyin order with surnames read as surnames (曾 under Z): accounts get the sort key the sign-in
list is read in, and the stored sort keys of volunteers whose surname reads otherwise are worked out again."""

import sqlalchemy as sa
from alembic import op

from desktop.domain.pinyin_search import sort_key, surnames_read_otherwise

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_key', sa.String(length=200), nullable=False, server_default=''))

    connection = op.get_bind()
    _set_sort_keys(connection, "users", connection.execute(
        sa.text("SELECT id, display_name FROM users")).all())
    _set_sort_keys(connection, "volunteers", connection.execute(
        sa.text("SELECT id, name FROM volunteers WHERE substr(name, 1, 1) IN :firsts")
        .bindparams(sa.bindparam("firsts", expanding=True)), {"firsts": sorted(surnames_read_otherwise())}).all())


def _set_sort_keys(connection, table: str, rows) -> None:
    if rows:
        connection.execute(sa.text(f"UPDATE {table} SET sort_key = :key WHERE id = :id"),
                           [{"id": row_id, "key": sort_key(name or "")[:200]} for row_id, name in rows])


def downgrade() -> None:
    # The volunteers' sort keys stay as they are: the older release reads them as it reads any order.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('sort_key')
