"""The huts' ledgers in narrow tables (stock movements, the items they name, transfer lines, their receipts), filled
from the records already held, so the city sums stock without opening every record's JSON."""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
records = sa.table("records", sa.column("entity", sa.String), sa.column("row_id", sa.String),
                   sa.column("village_code", sa.String), sa.column("to_village_code", sa.String),
                   sa.column("fields", JSON))


def _text(name: str):
    return sa.func.coalesce(records.c.fields[name].as_string(), "")


def _number(name: str):
    return sa.func.coalesce(records.c.fields[name].as_float(), 0.0)


def upgrade() -> None:
    stock = op.create_table(
        "stock_ledger",
        sa.Column("movement_id", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("movement_id"),
    )
    with op.batch_alter_table("stock_ledger", schema=None) as batch_op:
        batch_op.create_index("ix_stock_ledger_hut_item", ["village_code", "item_id", "quantity"], unique=False)
    items = op.create_table(
        "item_ledger",
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("item_id"),
    )
    with op.batch_alter_table("item_ledger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_ledger_village_code"), ["village_code"], unique=False)
    transfers = op.create_table(
        "transfer_ledger",
        sa.Column("line_id", sa.String(length=64), nullable=False),
        sa.Column("transfer_id", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("to_village_code", sa.String(length=12), nullable=False),
        sa.Column("item_name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("line_id"),
    )
    with op.batch_alter_table("transfer_ledger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfer_ledger_village_code"), ["village_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfer_ledger_to_village_code"), ["to_village_code"], unique=False)
    receipts = op.create_table(
        "receipt_ledger",
        sa.Column("receipt_id", sa.String(length=64), nullable=False),
        sa.Column("line_id", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("received", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("receipt_id"),
    )
    with op.batch_alter_table("receipt_ledger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipt_ledger_line_id"), ["line_id"], unique=False)

    # What the server holds already goes in as a push would have put it.
    op.execute(stock.insert().from_select(
        ["movement_id", "village_code", "item_id", "quantity"],
        sa.select(records.c.row_id, records.c.village_code, _text("item_id"), _number("quantity"))
        .where(records.c.entity == "stock_movement", records.c.village_code.is_not(None))))
    op.execute(items.insert().from_select(
        ["item_id", "village_code", "name", "unit", "category"],
        sa.select(records.c.row_id, records.c.village_code, _text("name"), _text("unit"), _text("category"))
        .where(records.c.entity == "item", records.c.village_code.is_not(None))))
    op.execute(transfers.insert().from_select(
        ["line_id", "transfer_id", "village_code", "to_village_code", "item_name", "category", "unit", "quantity"],
        sa.select(records.c.row_id, _text("transfer_id"), records.c.village_code, records.c.to_village_code,
                  _text("item_name"), _text("category"), _text("unit"), _number("quantity"))
        .where(records.c.entity == "transfer_line", records.c.village_code.is_not(None),
               records.c.to_village_code.is_not(None))))
    op.execute(receipts.insert().from_select(
        ["receipt_id", "line_id", "village_code", "received"],
        sa.select(records.c.row_id, _text("transfer_line_id"), records.c.village_code, _number("received"))
        .where(records.c.entity == "transfer_receipt", records.c.village_code.is_not(None))))


def downgrade() -> None:
    op.drop_table("receipt_ledger")
    op.drop_table("transfer_ledger")
    op.drop_table("item_ledger")
    op.drop_table("stock_ledger")
