"""The hut's documents being written: an intake (goods in from a donor, or a cash gift passed on) or a
distribution (goods out to a household or at an activity), kept on this PC as a draft — changed, its lines added
and removed, a barcode scanned into it — until it is posted through the ledger, which numbers it and keeps the
shelf from going below zero; the draft is gone in the same unit of work.  What a posted document of any kind shows
when it is opened and printed, line by line; what an intake slip, the donor's thank-you letter and a distribution's
paper show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.hut import (
    MAX_QUANTITY,
    UNNAMED_DONOR,
    Condition,
    DocumentKind,
    HutAction,
    PointsKind,
    RecipientKind,
    quantity,
)
from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import ActivityStatus, parse_date
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import hut_ledger
from desktop.services.hut import (
    actions_of,
    adopt_city_item,
    category_names,
    donor_record,
    find_by_barcode,
    hut_names,
    item_record,
    typed_number,
    typed_text,
)
from desktop.services.hut_ledger import Header, Line
from desktop.services.station import station_info
from desktop.storage.models import (
    Activity,
    Donor,
    Household,
    Hut,
    HutDocument,
    HutDraft,
    HutDraftLine,
    Item,
    PointsEntry,
    Transfer,
    TransferLine,
    TransferReceipt,
)
from desktop.storage.uow import UnitOfWork

DRAFT_KINDS = (DocumentKind.INTAKE.value, DocumentKind.DISTRIBUTION.value)


@dataclass(frozen=True)
class DraftForm:
    """A document's header as typed.  An intake names its donor (and a cash gift passed on: the amount, the
    charity that received it and its receipt number); a distribution its household or its activity."""

    kind: str
    happened_on: str | date = ""
    donor_id: str = ""
    recipient_kind: str = ""
    household_id: str = ""
    activity_id: str = ""
    cash_amount: float | str = 0
    cash_charity: str = ""
    cash_receipt: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LineForm:
    """A line as typed: how many (a positive number, as the document moves it), the item's estimated value each
    (left empty: an intake's is 0, a distribution's what the item is worth as it goes out), new or used, and the
    expiry where the item tracks one."""

    item_id: str
    quantity: float | str = 1
    unit_value: float | str = ""
    condition: str = ""
    expires_on: str | date = ""


@dataclass(frozen=True)
class DraftLineRow:
    id: str
    position: int
    item_id: str
    name: str
    unit: str
    tracks_expiry: bool
    quantity: float
    unit_value: float
    condition: str
    expires_on: str
    on_hand: float


@dataclass(frozen=True)
class DraftRow:
    id: str
    kind: str
    happened_on: str
    donor_id: str
    donor_name: str
    recipient_kind: str
    household_id: str
    household_name: str
    activity_id: str
    activity_title: str
    cash_amount: float
    cash_charity: str
    cash_receipt: str
    notes: str
    lines: tuple[DraftLineRow, ...]
    actions: frozenset[HutAction] = frozenset()


def _draft(uow: UnitOfWork, draft_id: str) -> HutDraft:
    draft = uow.session.get(HutDraft, draft_id) if draft_id else None
    if draft is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This draft is no longer here: it was posted or discarded. "
                                                        "Look for it in the list of documents."), field="draft_id")
    return draft


def _lines(uow: UnitOfWork, draft_id: str) -> list[HutDraftLine]:
    return list(uow.session.scalars(select(HutDraftLine).where(HutDraftLine.draft_id == draft_id)
                                    .order_by(HutDraftLine.position, HutDraftLine.id)))


def _row(uow: UnitOfWork, draft: HutDraft) -> DraftRow:
    session = uow.session
    lines = _lines(uow, draft.id)
    items = {item.id: item for item in session.scalars(select(Item).where(Item.id.in_([ln.item_id for ln in lines])))}
    stock = hut_ledger.on_hand(session, list(items)) if items else {}
    donor = session.get(Donor, draft.donor_id) if draft.donor_id else None
    household = session.get(Household, draft.household_id) if draft.household_id else None
    activity = session.get(Activity, draft.activity_id) if draft.activity_id else None
    rows = []
    for line in lines:
        item = items.get(line.item_id)
        rows.append(DraftLineRow(line.id, line.position, line.item_id, item.name if item else "",
                                 item.unit if item else "", bool(item and item.tracks_expiry), line.quantity,
                                 line.unit_value, line.condition, line.expires_on, stock.get(line.item_id, 0.0)))
    return DraftRow(draft.id, draft.kind, draft.happened_on, draft.donor_id,
                    (donor.name or UNNAMED_DONOR) if donor else "", draft.recipient_kind, draft.household_id,
                    household.head_name if household else "", draft.activity_id, activity.title if activity else "",
                    draft.cash_amount, draft.cash_charity, draft.cash_receipt, draft.notes, tuple(rows),
                    actions_of(uow))


def _check_header(uow: UnitOfWork, form: DraftForm) -> dict:
    if form.kind not in DRAFT_KINDS:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose an intake or a distribution."), field="kind")
    day = parse_date(form.happened_on, field="happened_on").isoformat() if form.happened_on else ""
    values = {"kind": form.kind, "happened_on": day, "donor_id": "", "recipient_kind": "", "household_id": "",
              "activity_id": "", "cash_amount": 0.0, "cash_charity": "", "cash_receipt": "",
              "notes": clean_text(form.notes)}
    if form.kind == DocumentKind.INTAKE:
        if form.donor_id:
            values["donor_id"] = donor_record(uow, form.donor_id).id
        values["cash_amount"] = round(typed_number(form.cash_amount, field="cash_amount"), 2)
        values["cash_charity"] = typed_text(form.cash_charity, 200, "cash_charity")
        values["cash_receipt"] = typed_text(form.cash_receipt, 64, "cash_receipt")
        return values
    if form.recipient_kind == RecipientKind.HOUSEHOLD:
        household = uow.session.get(Household, form.household_id) if form.household_id else None
        if household is None or household.deleted:
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose the household the goods go to."),
                               field="household_id")
        values.update(recipient_kind=RecipientKind.HOUSEHOLD.value, household_id=household.id)
    elif form.recipient_kind == RecipientKind.ACTIVITY:
        activity = uow.session.get(Activity, form.activity_id) if form.activity_id else None
        if activity is None or activity.deleted or activity.status == ActivityStatus.CANCELLED.value:
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose the activity the goods were handed out at."),
                               field="activity_id")
        values.update(recipient_kind=RecipientKind.ACTIVITY.value, activity_id=activity.id)
    elif form.recipient_kind:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose a household or an activity."), field="recipient_kind")
    return values


def line_quantity(value: float | str, *, line: int, field: str = "quantity") -> float:
    """Line ``line``'s quantity: a number above zero."""
    text = value if isinstance(value, int | float) else compact_text(str(value))
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if number != number or quantity(number) <= 0 or number > MAX_QUANTITY:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Line {line}: enter how many as a number above 0, e.g. 2 or 2.5."), field=field, line=line)
    return quantity(number)


def _check_line(uow: UnitOfWork, line: LineForm, position: int, kind: str) -> dict:
    item = item_record(uow, line.item_id)
    if line.condition and line.condition not in {c.value for c in Condition}:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose new or used."), field="condition")
    expires = parse_date(line.expires_on, field="expires_on").isoformat() if line.expires_on else ""
    if expires and expires < uow.today().isoformat():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{item} expired on {day}: goods past their date are not taken in. Check the date on the "
            "package."), field="expires_on", item=item.name, day=expires)
    return {"item_id": item.id, "quantity": line_quantity(line.quantity, line=position),
            "unit_value": _unit_value(uow, line, item.id, kind), "condition": line.condition,
            "expires_on": expires}


def _unit_value(uow: UnitOfWork, line: LineForm, item_id: str, kind: str) -> float:
    """A line's value each as typed; a distribution's left empty is what the item is worth as it goes out."""
    if kind == DocumentKind.DISTRIBUTION and not compact_text(str(line.unit_value)):
        return hut_ledger.going_out_worth(uow, [item_id])[item_id].unit_value
    return round(typed_number(line.unit_value, field="unit_value"), 2)


def list_drafts(uow: UnitOfWork) -> list[DraftRow]:
    """The drafts on this PC, the latest changed first."""
    uow.require(Permission.VIEW_DATA)
    drafts = uow.session.scalars(select(HutDraft).order_by(HutDraft.updated_at.desc()))
    return [_row(uow, draft) for draft in drafts]


def get_draft(uow: UnitOfWork, *, draft_id: str) -> DraftRow:
    uow.require(Permission.VIEW_DATA)
    return _row(uow, _draft(uow, draft_id))


def start_draft(uow: UnitOfWork, *, form: DraftForm) -> DraftRow:
    uow.require(Permission.EDIT_HUT)
    draft = HutDraft(**_check_header(uow, form))
    uow.session.add(draft)
    uow.session.flush()
    return _row(uow, draft)


def change_draft(uow: UnitOfWork, *, draft_id: str, form: DraftForm) -> DraftRow:
    uow.require(Permission.EDIT_HUT)
    draft = _draft(uow, draft_id)
    if form.kind != draft.kind:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A draft stays the kind it was started as. Start a new "
                                                        "one."), field="kind")
    for key, value in _check_header(uow, form).items():
        if getattr(draft, key) != value:
            setattr(draft, key, value)
    uow.session.flush()
    return _row(uow, draft)


def add_draft_line(uow: UnitOfWork, *, draft_id: str, line: LineForm) -> DraftRow:
    uow.require(Permission.EDIT_HUT)
    draft = _draft(uow, draft_id)
    position = (uow.session.scalar(select(func.max(HutDraftLine.position)).where(
        HutDraftLine.draft_id == draft.id)) or 0) + 1
    checked = _check_line(uow, line, len(_lines(uow, draft.id)) + 1, draft.kind)
    uow.session.add(HutDraftLine(draft_id=draft.id, position=position, **checked))
    uow.session.flush()
    return _row(uow, draft)


def _line(uow: UnitOfWork, line_id: str) -> HutDraftLine:
    line = uow.session.get(HutDraftLine, line_id) if line_id else None
    if line is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This line is no longer in the draft. Reload the draft."),
                           field="line_id")
    return line


def change_draft_line(uow: UnitOfWork, *, line_id: str, line: LineForm) -> DraftRow:
    uow.require(Permission.EDIT_HUT)
    row = _line(uow, line_id)
    number = [other.id for other in _lines(uow, row.draft_id)].index(row.id) + 1
    for key, value in _check_line(uow, line, number, _draft(uow, row.draft_id).kind).items():
        if getattr(row, key) != value:
            setattr(row, key, value)
    uow.session.flush()
    return _row(uow, _draft(uow, row.draft_id))


def remove_draft_line(uow: UnitOfWork, *, line_id: str) -> DraftRow:
    uow.require(Permission.EDIT_HUT)
    row = _line(uow, line_id)
    draft = _draft(uow, row.draft_id)
    uow.session.delete(row)
    uow.session.flush()
    return _row(uow, draft)


def scan_into_draft(uow: UnitOfWork, *, draft_id: str, barcode: str) -> DraftRow:
    """A scanned barcode: one more of the item if the draft has it, else a line of one.  An item of the city's
    catalogue is adopted; an unknown code is refused plainly (``find_by_barcode``)."""
    uow.require(Permission.EDIT_HUT)
    draft = _draft(uow, draft_id)
    found = find_by_barcode(uow, barcode=barcode)
    item_id = found.item_id or adopt_city_item(uow, city_item_id=found.city_item_id).id
    for line in _lines(uow, draft.id):
        if line.item_id == item_id:
            line.quantity = quantity(line.quantity + 1)
            uow.session.flush()
            return _row(uow, draft)
    return add_draft_line(uow, draft_id=draft.id, line=LineForm(item_id=item_id, quantity=1))


def discard_draft(uow: UnitOfWork, *, draft_id: str) -> None:
    uow.require(Permission.EDIT_HUT)
    draft = _draft(uow, draft_id)
    uow.session.execute(delete(HutDraftLine).where(HutDraftLine.draft_id == draft.id))
    uow.session.delete(draft)
    uow.session.flush()


def post_draft(uow: UnitOfWork, *, draft_id: str) -> HutDocument:
    """Post the draft through the ledger (numbered, never changed after); the draft is gone with it.  Every line
    is checked again, naming the line at fault; a distribution above what is on hand is refused by the ledger,
    naming the item and what is there."""
    uow.require(Permission.EDIT_HUT)
    draft = _draft(uow, draft_id)
    today = uow.today().isoformat()
    lines = _lines(uow, draft.id)
    sign = 1 if draft.kind == DocumentKind.INTAKE else -1
    if draft.kind == DocumentKind.INTAKE:
        if not draft.donor_id:
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose who gave the goods (an anonymous donor if they "
                                                            "would not say)."), field="donor_id")
        if draft.cash_amount > 0 and not (draft.cash_charity and draft.cash_receipt):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Cash is never kept at the hut: enter the charity it was passed to and the number of "
                "its receipt."), field="cash_charity" if not draft.cash_charity else "cash_receipt")
    elif not draft.recipient_kind:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose the household or the activity the goods go to."),
                           field="recipient_kind")
    posted = []
    for position, line in enumerate(lines, start=1):
        item = uow.session.get(Item, line.item_id)
        if item is None or item.deleted:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line} names an item this hut does not have. Choose the item again."),
                field="lines", line=position)
        moved = line_quantity(line.quantity, line=position, field="lines")
        if sign > 0 and item.tracks_expiry and not line.expires_on:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line}: {item} keeps an expiry date. Enter the date on the package."),
                field="lines", line=position, item=item.name)
        if sign > 0 and line.expires_on and line.expires_on < today:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line}: {item} expired on {day}: goods past their date are not taken in."),
                field="lines", line=position, item=item.name, day=line.expires_on)
        posted.append(Line(item.id, sign * moved, line.unit_value, line.condition,
                           line.expires_on if sign > 0 else ""))
    header = Header(DocumentKind(draft.kind), happened_on=draft.happened_on, donor_id=draft.donor_id,
                    recipient_kind=draft.recipient_kind, household_id=draft.household_id,
                    activity_id=draft.activity_id, cash_amount=draft.cash_amount, cash_charity=draft.cash_charity,
                    cash_receipt=draft.cash_receipt, notes=draft.notes)
    document = hut_ledger.post(uow, header, posted)
    uow.session.execute(delete(HutDraftLine).where(HutDraftLine.draft_id == draft.id))
    uow.session.delete(draft)
    uow.session.flush()
    return document


# -- what a posted document's papers show --------------------------------------------------------------------

# Kinds whose lines take goods off the shelf: their papers show what went out as a plain quantity.
_OUT_KINDS = (DocumentKind.DISTRIBUTION.value, DocumentKind.EXCHANGE.value, DocumentKind.TRANSFER_OUT.value)
# Kinds whose lines may go either way (a count found more or less; a reversal undoes goods in or out): signed.
SIGNED_KINDS = (DocumentKind.STOCKTAKE.value, DocumentKind.REVERSAL.value)


@dataclass(frozen=True)
class SlipLine:
    """A line of a posted document as its papers and its window show it."""

    name: str
    unit: str
    quantity: float       # what the line moved: in or out as the document's kind says (a count's or a
                          # reversal's signed as it moved the shelf: + in, − out)
    condition: str
    unit_value: float
    value: float
    expires_on: str
    category_name: str = ""   # a built-in category's as a ``Term`` to translate
    reason: str = ""          # a stocktake's: an ``AdjustmentReason`` code
    sent: float | None = None          # a transfer's line: what was sent
    received: float | None = None      # what arrived, once the receiving hut confirmed it
    received_reason: str = ""          # why what arrived differs from what was sent

    @property
    def difference(self) -> float | None:
        """What arrived less what was sent (below zero: fewer arrived); None while in transit or for no transfer."""
        if self.sent is None or self.received is None:
            return None
        return quantity(self.received - self.sent)


def _paper_lines(uow: UnitOfWork, document: HutDocument) -> tuple[SlipLine, ...]:
    """A document's lines from its movements, each with its item and category, and a transfer's line with what
    was sent and what arrived of it; by name, then expiry (the ledger keeps no order of the lines)."""
    session = uow.session
    moved = hut_ledger.movements_of(session, document.id)
    items = {item.id: item for item in session.scalars(select(Item).where(Item.id.in_({m.item_id for m in moved})))}
    categories = category_names(session)
    line_ids = [m.transfer_line_id for m in moved if m.transfer_line_id]
    sent = {line.id: line for line in session.scalars(select(TransferLine).where(TransferLine.id.in_(line_ids)))}
    receipts = {receipt.transfer_line_id: receipt for receipt in session.scalars(select(TransferReceipt).where(
        TransferReceipt.transfer_line_id.in_(line_ids), TransferReceipt.deleted.is_(False)))}
    sign = -1 if document.kind in _OUT_KINDS else 1
    lines = [] if document.kind != DocumentKind.TRANSFER_IN else _lines_none_arrived(session, document.id, categories)
    for movement in moved:
        item = items.get(movement.item_id)
        line = sent.get(movement.transfer_line_id)
        receipt = receipts.get(movement.transfer_line_id)
        number = sign * movement.quantity
        lines.append(SlipLine(
            item.name if item else "", item.unit if item else "", number, movement.condition, movement.unit_value,
            round(abs(number) * movement.unit_value, 2), movement.expires_on,
            categories.get(item.category, item.category) if item else "", movement.reason,
            line.quantity if line is not None else None, receipt.received if receipt is not None else None,
            receipt.reason if receipt is not None else ""))
    return tuple(sorted(lines, key=lambda line: (text_sort_key(line.name), line.expires_on)))


def _lines_none_arrived(session: Session, document_id: str, categories: dict[str, str]) -> list[SlipLine]:
    """The lines of a transfer-in document of which nothing arrived: a receipt, no movement, and on paper what was
    sent, the nought that arrived and why."""
    return [SlipLine(line.item_name, line.unit, 0, line.condition, line.unit_value, 0, line.expires_on,
                     categories.get(line.category, line.category), "", line.quantity, 0, receipt.reason)
            for receipt, line in session.execute(
                select(TransferReceipt, TransferLine)
                .join(TransferLine, TransferLine.id == TransferReceipt.transfer_line_id)
                .where(TransferReceipt.document_id == document_id, TransferReceipt.received == 0,
                       TransferReceipt.deleted.is_(False)))]


def _document(uow: UnitOfWork, document_id: str, kind: DocumentKind | None, missing: str) -> HutDocument:
    document = uow.session.get(HutDocument, document_id) if document_id else None
    if document is None or document.deleted or (kind is not None and document.kind != kind):
        raise InvalidInput(missing, field="document_id")
    return document


def _total(lines: tuple[SlipLine, ...]) -> float:
    return round(sum(line.value for line in lines), 2)


@dataclass(frozen=True)
class PostedDocument:
    """A posted document of any kind as it is opened and printed: who it concerns, and each of its lines."""

    document_id: str
    number: str
    kind: str
    happened_on: str
    posted_on: str
    village_name: str
    hut_name: str
    counterpart: str         # the donor (as on paper), the household's head, the activity, or the other hut
    household_address: str
    from_hut: str            # a transfer's: the hut that sent the goods
    to_hut: str              # and the hut they went to
    corrects_number: str     # a reversal's: the document it undoes
    corrects_kind: str
    reversed_by: str         # the number of the reversal that undid this document, "" if none did
    points: int              # an exchange's: the household points it took
    cash_amount: float
    cash_charity: str
    cash_receipt: str
    notes: str               # a reversal's: why
    recorded_by_name: str
    printed_on: str
    lines: tuple[SlipLine, ...]
    total_value: float


def posted_document(uow: UnitOfWork, *, document_id: str) -> PostedDocument:
    """A posted document of any kind with its lines: item, category, quantity, condition, value, expiry, and as its
    kind has them a count's reasons, a transfer's sent and arrived figures with why they differ, the document a
    reversal undoes."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    document = _document(uow, document_id, None, QT_TRANSLATE_NOOP(
        "desktop", "This document is no longer here. Reload the list."))
    donor = session.get(Donor, document.donor_id) if document.donor_id else None
    household = session.get(Household, document.household_id) if document.household_id else None
    activity = session.get(Activity, document.activity_id) if document.activity_id else None
    transfer = session.get(Transfer, document.transfer_id) if document.transfer_id else None
    own = document.village_code
    sender = transfer.village_code if transfer is not None else own
    receiver = document.to_village_code or (transfer.to_village_code if transfer is not None else "")
    huts = hut_names(session, {own, sender, receiver} - {""})
    from_hut, to_hut = (huts.get(sender, ""), huts.get(receiver, "")) if receiver else ("", "")
    if donor is not None or document.kind == DocumentKind.INTAKE:
        counterpart = (donor.name or UNNAMED_DONOR) if donor else UNNAMED_DONOR
    elif household is not None or activity is not None:
        counterpart = household.head_name if household is not None else activity.title
    else:
        counterpart = to_hut if document.kind == DocumentKind.TRANSFER_OUT else (
            from_hut if document.kind == DocumentKind.TRANSFER_IN else "")
    corrects = session.get(HutDocument, document.corrects_id) if document.corrects_id else None
    reversal = session.scalars(select(HutDocument.number).where(
        HutDocument.corrects_id == document.id, HutDocument.kind == DocumentKind.REVERSAL.value,
        HutDocument.deleted.is_(False))).first()
    points = -(session.scalar(select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
        PointsEntry.document_id == document.id, PointsEntry.kind == PointsKind.SPEND.value,
        PointsEntry.deleted.is_(False))) or 0)
    hut = session.get(Hut, own)
    lines = _paper_lines(uow, document)
    return PostedDocument(
        document.id, document.number, document.kind, document.happened_on, document.posted_on,
        station_info(uow).village.name, hut.name if hut else "", counterpart,
        household.address if household is not None else "", from_hut, to_hut,
        corrects.number if corrects is not None else "", corrects.kind if corrects is not None else "",
        reversal or "", points, document.cash_amount, document.cash_charity, document.cash_receipt, document.notes,
        document.recorded_by_name, uow.today().isoformat(), lines, _total(lines))


# -- the intake slip and the thank-you letter ----------------------------------------------------------------

@dataclass(frozen=True)
class IntakeSlip:
    """What an intake slip (接收凭证: the donor's copy and the hut's, with signature lines — not an official
    donation receipt) and the thank-you letter show."""

    document_id: str
    number: str
    happened_on: str
    village_name: str
    hut_name: str
    hut_address: str
    donor_kind: str
    donor_name: str      # as the donor is called on paper: their name, or 爱心人士
    donor_contact: str
    lines: tuple[SlipLine, ...]
    total_value: float
    cash_amount: float
    cash_charity: str
    cash_receipt: str
    notes: str
    recorded_by_name: str
    printed_on: str


def intake_slip(uow: UnitOfWork, *, document_id: str) -> IntakeSlip:
    uow.require(Permission.VIEW_DATA)
    document = _document(uow, document_id, DocumentKind.INTAKE, QT_TRANSLATE_NOOP(
        "desktop", "This intake is no longer here. Reload the list."))
    donor = uow.session.get(Donor, document.donor_id) if document.donor_id else None
    hut = uow.session.get(Hut, document.village_code)
    lines = _paper_lines(uow, document)
    return IntakeSlip(document.id, document.number, document.happened_on, station_info(uow).village.name,
                      hut.name if hut else "", hut.address if hut else "", donor.kind if donor else "",
                      (donor.name or UNNAMED_DONOR) if donor else UNNAMED_DONOR, donor.contact if donor else "",
                      lines, _total(lines), document.cash_amount, document.cash_charity, document.cash_receipt,
                      document.notes, document.recorded_by_name, uow.today().isoformat())


@dataclass(frozen=True)
class DistributionSlip:
    """What a distribution's paper shows: the goods, and a line for the recipient to sign that they received
    them (a household by its head's name, an activity by its title)."""

    document_id: str
    number: str
    happened_on: str
    village_name: str
    hut_name: str
    recipient_kind: str
    recipient_name: str
    household_address: str
    lines: tuple[SlipLine, ...]
    total_value: float
    notes: str
    recorded_by_name: str
    printed_on: str


def distribution_slip(uow: UnitOfWork, *, document_id: str) -> DistributionSlip:
    uow.require(Permission.VIEW_DATA)
    document = _document(uow, document_id, DocumentKind.DISTRIBUTION, QT_TRANSLATE_NOOP(
        "desktop", "This distribution is no longer here. Reload the list."))
    household = uow.session.get(Household, document.household_id) if document.household_id else None
    activity = uow.session.get(Activity, document.activity_id) if document.activity_id else None
    hut = uow.session.get(Hut, document.village_code)
    lines = _paper_lines(uow, document)
    return DistributionSlip(document.id, document.number, document.happened_on, station_info(uow).village.name,
                            hut.name if hut else "", document.recipient_kind,
                            household.head_name if household else (activity.title if activity else ""),
                            household.address if household else "", lines, _total(lines), document.notes,
                            document.recorded_by_name, uow.today().isoformat())
