"""Each hut's stock on hand of each item kept as a running balance beside the movements, filled from the movements
the server already holds, so an upgraded server answers the city's stock at once from the balances."""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ledger = sa.table("stock_ledger", sa.column("village_code", sa.String), sa.column("item_id", sa.String),
                  sa.column("quantity", sa.Float))


def upgrade() -> None:
    balances = op.create_table(
        "stock_balance",
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("movements", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("village_code", "item_id"),
    )
    # The sums as the pushes would have added them up, one row per hut and item that has a movement.
    op.execute(balances.insert().from_select(
        ["village_code", "item_id", "quantity", "movements"],
        sa.select(ledger.c.village_code, ledger.c.item_id, sa.func.sum(ledger.c.quantity), sa.func.count())
        .group_by(ledger.c.village_code, ledger.c.item_id)))


def downgrade() -> None:
    op.drop_table("stock_balance")
