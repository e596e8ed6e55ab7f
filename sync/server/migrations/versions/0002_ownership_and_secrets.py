"""Change outcomes kept per station, keyed hashes of sensitive values, and enrollment attempts per address."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_APPLIED_COLUMNS = "station_id, change_id, batch_id, received_at, outcome, code, reason"


def _applied_table(name: str, *key: str) -> None:
    op.create_table(
        name,
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint(*key, name=f"{name}_pkey"),
    )


def _rebuild_applied(*key: str) -> None:
    _applied_table("applied_changes_new", *key)
    op.execute(f"INSERT INTO applied_changes_new ({_APPLIED_COLUMNS}) SELECT {_APPLIED_COLUMNS} FROM applied_changes")
    op.drop_table("applied_changes")
    op.rename_table("applied_changes_new", "applied_changes")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE applied_changes RENAME CONSTRAINT applied_changes_new_pkey TO applied_changes_pkey")


def upgrade() -> None:
    _rebuild_applied("station_id", "change_id")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reenroll_allowed", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "lookups",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", "field"),
    )
    with op.batch_alter_table("lookups", schema=None) as batch_op:
        batch_op.create_index("ix_lookups_digest", ["entity", "field", "digest"], unique=False)
    op.create_table(
        "enroll_attempts",
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("address"),
    )


def downgrade() -> None:
    op.drop_table("enroll_attempts")
    with op.batch_alter_table("lookups", schema=None) as batch_op:
        batch_op.drop_index("ix_lookups_digest")
    op.drop_table("lookups")
    # Outcomes of equal change ids from different stations cannot share one key: the later ones go.
    op.execute("DELETE FROM applied_changes WHERE EXISTS (SELECT 1 FROM applied_changes AS other "
               "WHERE other.change_id = applied_changes.change_id AND other.received_at < applied_changes.received_at)")
    _rebuild_applied("change_id")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_column("reenroll_allowed")
