"""Initial schema: regions (with the city and its five counties), stations, enrollment codes, records,
changelog, applied changes and claims."""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
SEQUENCE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    regions = op.create_table(
        "regions",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.ForeignKeyConstraint(["parent_code"], ["regions.code"]),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "stations",
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("app_version", sa.String(length=32), nullable=True),
        sa.Column("protocol_version", sa.Integer(), nullable=True),
        sa.Column("schema_version", sa.String(length=32), nullable=True),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["village_code"], ["regions.code"]),
        sa.PrimaryKeyConstraint("station_id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stations_village_code"), ["village_code"], unique=False)

    op.create_table(
        "enroll_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["village_code"], ["regions.code"]),
        sa.PrimaryKeyConstraint("code_hash"),
    )

    op.create_table(
        "records",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("to_village_code", sa.String(length=12), nullable=True),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("stamps", JSON, nullable=False),
        sa.Column("updated_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_records_to_village_code"), ["to_village_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_village_code"), ["village_code"], unique=False)

    op.create_table(
        "changelog",
        sa.Column("seq", SEQUENCE, autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("to_village_code", sa.String(length=12), nullable=True),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("stamps", JSON, nullable=False),
        sa.Column("origin_station", sa.String(length=36), nullable=True),
        sa.Column("change_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("changelog", schema=None) as batch_op:
        batch_op.create_index("ix_changelog_to_village_seq", ["to_village_code", "seq"], unique=False)
        batch_op.create_index("ix_changelog_village_seq", ["village_code", "seq"], unique=False)

    op.create_table(
        "applied_changes",
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("change_id"),
    )

    op.create_table(
        "claims",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "target"),
    )

    # The city and its counties are built in, as at the stations; the CSV adds townships and villages.
    op.bulk_insert(regions, [
        {"code": "220800", "name": "白城市", "level": "city", "parent_code": None},
        {"code": "220802", "name": "洮北区", "level": "county", "parent_code": "220800"},
        {"code": "220821", "name": "镇赉县", "level": "county", "parent_code": "220800"},
        {"code": "220822", "name": "通榆县", "level": "county", "parent_code": "220800"},
        {"code": "220881", "name": "洮南市", "level": "county", "parent_code": "220800"},
        {"code": "220882", "name": "大安市", "level": "county", "parent_code": "220800"},
    ])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("applied_changes")
    with op.batch_alter_table("changelog", schema=None) as batch_op:
        batch_op.drop_index("ix_changelog_village_seq")
        batch_op.drop_index("ix_changelog_to_village_seq")
    op.drop_table("changelog")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_village_code"))
        batch_op.drop_index(batch_op.f("ix_records_to_village_code"))
    op.drop_table("records")
    op.drop_table("enroll_codes")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stations_village_code"))
    op.drop_table("stations")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_code"))
    op.drop_table("regions")
