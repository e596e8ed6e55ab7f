"""The city server's tables as typed SQLAlchemy models, with their own metadata.

``records`` holds the current state of every synced record (fields and a stamp per field);
``changelog`` holds every stored change in commit order, the cursor stations pull by.
``stock_ledger``, ``item_ledger``, ``transfer_ledger`` and ``receipt_ledger`` hold the few figures of the huts'
ledgers, copied from the records as a push stores them; ``stock_balance`` keeps the running sum of each hut's
movements of an item, which ``GET /api/v1/stock`` reads.
Times are naive UTC.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL (compact, indexable), plain JSON text on SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")
# SQLite numbers a table only through an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
Sequence64 = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Region(Base):
    """The region list: the built-in city and counties, townships and villages from the city's CSV."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)


class Station(Base):
    """An enrolled station: one village, a hashed token, and what it last told us about itself."""

    __tablename__ = "stations"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    last_seen_at: Mapped[datetime | None] = mapped_column()
    app_version: Mapped[str | None] = mapped_column(String(32))
    protocol_version: Mapped[int | None] = mapped_column()
    schema_version: Mapped[str | None] = mapped_column(String(32))
    # The highest sync generation the station has sent (docs/sync-protocol.md §5).
    generation: Mapped[int] = mapped_column(default=0)
    # The city office lets this (revoked or lost) station enroll again with a new code for its village.
    reenroll_allowed: Mapped[bool] = mapped_column(default=False)


class EnrollCode(Base):
    """A one-time enrollment code; only its hash is kept."""

    __tablename__ = "enroll_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    created_at: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    used_by: Mapped[str | None] = mapped_column(String(36))


class Record(Base):
    """The current state of one synced record."""

    __tablename__ = "records"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Copied out of ``fields`` so scope filters can use an index; NULL for city records.
    village_code: Mapped[str | None] = mapped_column(String(12), index=True)
    to_village_code: Mapped[str | None] = mapped_column(String(12), index=True)
    fields: Mapped[dict[str, object]] = mapped_column(Json)
    stamps: Mapped[dict[str, str]] = mapped_column(Json)
    updated_seq: Mapped[int] = mapped_column(BigInteger)


class ChangelogEntry(Base):
    """One stored change: the fields it changed, with their values and stamps, numbered in commit order."""

    __tablename__ = "changelog"
    __table_args__ = (
        Index("ix_changelog_village_seq", "village_code", "seq"),
        Index("ix_changelog_to_village_seq", "to_village_code", "seq"),
    )

    seq: Mapped[int] = mapped_column(Sequence64, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64))
    village_code: Mapped[str | None] = mapped_column(String(12))
    to_village_code: Mapped[str | None] = mapped_column(String(12))
    fields: Mapped[dict[str, object]] = mapped_column(Json)
    stamps: Mapped[dict[str, str]] = mapped_column(Json)
    # The pushing station; NULL for what the server itself wrote (region records, conflict records).
    origin_station: Mapped[str | None] = mapped_column(String(36))
    change_id: Mapped[str | None] = mapped_column(String(36))


class AppliedChange(Base):
    """The outcome of every change id ever pushed, so a resend gets the same answer.

    Keyed by the station and its change id: one station's ids neither shadow nor reveal another's.
    """

    __tablename__ = "applied_changes"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    batch_id: Mapped[str | None] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column()
    outcome: Mapped[str] = mapped_column(String(8))  # 'accepted' | 'rejected'
    code: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)


class Claim(Base):
    """Who won a scarce thing: one row per claimed target value of a claim kind."""

    __tablename__ = "claims"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    target: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64))
    change_id: Mapped[str] = mapped_column(String(36))
    station_id: Mapped[str] = mapped_column(String(36))
    village_code: Mapped[str] = mapped_column(String(12))
    claimed_at: Mapped[datetime] = mapped_column()


class Lookup(Base):
    """The keyed hash of a sensitive value (an ID number), so equal values are found without opening any."""

    __tablename__ = "lookups"
    __table_args__ = (Index("ix_lookups_digest", "entity", "field", "digest"),)

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    village_code: Mapped[str | None] = mapped_column(String(12))
    digest: Mapped[str] = mapped_column(String(64))


class EnrollAttempt(Base):
    """Enrollment attempts from one client address: how many in the current minute, and the wrong codes
    in a row, so guessing codes is slow (kept in the database: every server process sees the same)."""

    __tablename__ = "enroll_attempts"

    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime] = mapped_column()
    attempts: Mapped[int] = mapped_column(default=0)
    failures: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column()


class StockEntry(Base):
    """One movement of a hut's ledger (a ``stock_movement`` record): which hut, which item, how many.

    Written by the push that stores the record, in its transaction; an append record is stored once, so a
    movement is here once.  Stock on hand is their sum: the city reads a few narrow columns in the index
    instead of opening every record's JSON.
    """

    __tablename__ = "stock_ledger"
    __table_args__ = (Index("ix_stock_ledger_hut_item", "village_code", "item_id", "quantity"),)

    movement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    village_code: Mapped[str] = mapped_column(String(12))
    item_id: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[float] = mapped_column(Float)


class StockBalance(Base):
    """A hut's stock on hand of one item: the sum of its ``stock_ledger`` rows and how many there are.

    Added to by the push that stores each new movement, in its transaction (sync/server/ledgers.py), so it always
    equals the sum of the ledger it is kept beside; the city reads one row per item instead of summing them all.
    """

    __tablename__ = "stock_balance"

    village_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quantity: Mapped[float] = mapped_column(Float)
    movements: Mapped[int] = mapped_column(BigInteger)


class ItemEntry(Base):
    """An item of a village's catalogue (an ``item`` record) as the stock is named by: kept as the record is now,
    following every change a push stores."""

    __tablename__ = "item_ledger"

    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    village_code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(32))


class TransferEntry(Base):
    """One line of a transfer between huts (a ``transfer_line`` record): in transit until its receipt."""

    __tablename__ = "transfer_ledger"

    line_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    transfer_id: Mapped[str] = mapped_column(String(64))
    village_code: Mapped[str] = mapped_column(String(12), index=True)
    to_village_code: Mapped[str] = mapped_column(String(12), index=True)
    item_name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[float] = mapped_column(Float)


class ReceiptEntry(Base):
    """What arrived of a transfer's line (a ``transfer_receipt`` record), as the receiving village wrote it."""

    __tablename__ = "receipt_ledger"

    receipt_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    line_id: Mapped[str] = mapped_column(String(64), index=True)
    village_code: Mapped[str] = mapped_column(String(12))
    received: Mapped[float] = mapped_column(Float)
