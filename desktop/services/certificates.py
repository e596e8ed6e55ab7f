"""Certificates of volunteer service (志愿服务证明): drafting, issuing with a register number, reprinting."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import select

from desktop.domain.id_number import mask_id_number
from desktop.domain.regions import Level
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text
from desktop.domain.volunteering import parse_period, round_hours
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.identities import Identities, volunteer_row
from desktop.services.settings import load_settings
from desktop.services.station import station_info, village_code
from desktop.storage.models import Certificate, ServiceHours, Station
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class ServiceLine:
    """One line of a certificate: a day, what was done, its hours (a line kept whole has no day or hours)."""

    served_on: str
    content: str
    hours: float | None

    def stored(self) -> str:
        """The line as the certificate register keeps it (its ``content`` text, one line per service)."""
        if self.hours is None:
            return self.content
        return f"{self.served_on}{_SEPARATOR}{self.content}{_SEPARATOR}{self.hours:.1f}"

    @classmethod
    def read(cls, text: str) -> ServiceLine:
        """A stored line back as its parts: tab-separated, or as registers wrote it before ("day  what  h")."""
        parts = text.split(_SEPARATOR)
        if len(parts) != 3:
            day, _, rest = text.partition(_OLD_SEPARATOR)
            what, _, amount = rest.rpartition(_OLD_SEPARATOR)
            parts = [day, what, amount]
        day, what, amount = parts
        try:
            return cls(date.fromisoformat(day).isoformat(), what, float(amount))
        except ValueError:
            return cls("", text, None)


# Stored texts never hold a tab (clean_text takes control characters out of what people type).
_SEPARATOR, _OLD_SEPARATOR = "\t", "  "


@dataclass(frozen=True)
class CertificateDraft:
    volunteer_id: str
    name: str
    id_shown: str
    volunteer_number: str
    period_from: str
    period_to: str
    hours: float
    content: tuple[ServiceLine, ...]
    issuer: str


@dataclass(frozen=True)
class CertificateInfo:
    id: str
    number: str
    volunteer_id: str
    name: str
    id_shown: str
    volunteer_number: str
    issued_on: str
    period_from: str
    period_to: str
    hours: float
    content: tuple[ServiceLine, ...]
    issuer: str
    reprint_of: str
    issued_by_name: str

    @property
    def is_reprint(self) -> bool:
        return bool(self.reprint_of)


class Paper(Protocol):
    """Where an issued certificate goes on paper (a PDF file the person chose): the register keeps a number
    only for a certificate that is on paper, and no paper carries a number the register has not got."""

    def write(self, certificate: CertificateInfo) -> None:
        """Make the paper, not yet where it goes; raises (a ``UserError`` saying why) when it cannot."""

    def keep(self) -> None:
        """Put the paper where it goes: the register has kept its number."""

    def discard(self) -> None:
        """Take the paper away again: the register could not keep its number."""


def _info(row: Certificate) -> CertificateInfo:
    lines = tuple(ServiceLine.read(line) for line in (row.content or "").split("\n") if line)
    return CertificateInfo(row.id, row.number, row.volunteer_id, row.name, row.id_shown, row.volunteer_number,
                           row.issued_on, row.period_from, row.period_to, row.hours, lines, row.issuer,
                           row.reprint_of, row.issued_by_name)


def default_issuer(uow: UnitOfWork) -> str:
    village = station_info(uow).village
    suffix = "居民委员会" if village.level == Level.COMMUNITY else "村民委员会"
    return f"{village.name}{suffix}"


def _draft(uow: UnitOfWork, volunteer_id: str, period_from: str | date, period_to: str | date,
           issuer: str | None) -> CertificateDraft:
    volunteer = volunteer_row(uow, volunteer_id, follow_merge=True)
    start, end = parse_period(period_from, period_to, fields=("period_from", "period_to"), required=True)
    ids = Identities.load(uow.session).counted_ids(volunteer.id)
    rows = uow.session.scalars(select(ServiceHours).where(
        ServiceHours.volunteer_id.in_(ids), ServiceHours.deleted.is_(False),
        ServiceHours.served_on >= start, ServiceHours.served_on <= end)).all()
    total = round_hours(sum(row.hours for row in rows))
    if total <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{name} has no service hours between {start} and {end}. Choose another period."),
            field="period_from", name=volunteer.name, start=start, end=end)
    by_content: dict[tuple[str, str], float] = defaultdict(float)
    for row in rows:
        by_content[(row.served_on, row.content)] += row.hours
    lines = tuple(ServiceLine(day, content, round_hours(amount))
                  for (day, content), amount in sorted(by_content.items()) if round_hours(amount) > 0)
    masked = load_settings(uow).certificate_masks_id or not uow.actor.can(Permission.VIEW_ID_NUMBERS)
    id_shown = mask_id_number(volunteer.id_number) if masked and volunteer.id_number else volunteer.id_number
    return CertificateDraft(volunteer.id, volunteer.name, id_shown, volunteer.volunteer_number, start, end, total,
                            lines, clean_text(issuer or "") or default_issuer(uow))


def draft_certificate(uow: UnitOfWork, *, volunteer_id: str, period_from: str | date,
                      period_to: str | date) -> CertificateDraft:
    """What the certificate would say, to show before it is issued."""
    uow.require(Permission.VIEW_DATA)
    return _draft(uow, volunteer_id, period_from, period_to, None)


def number_prefix(village: str, station_id: str, year: int) -> str:
    """The start of a certificate number: the year, the village code and this PC's station (two PCs of a
    village keep their own registers), so no two stations of the city issue the same number.  Numbers
    issued before the village code was in them (``2026-A1B2-0001``) stay as they were."""
    return f"{year:04d}-{village}-{station_id[:6].upper()}-"


def _next_number(uow: UnitOfWork, year: int) -> str:
    station_id = uow.session.scalars(select(Station.station_id)).one()
    prefix = number_prefix(village_code(uow), station_id, year)
    used = uow.session.scalars(select(Certificate.number).where(
        Certificate.number.like(f"{prefix}%"), Certificate.reprint_of == "")).all()
    seq = max((int(n[len(prefix):]) for n in used if n[len(prefix):].isdigit()), default=0) + 1
    return f"{prefix}{seq:04d}"


def _on_paper(uow: UnitOfWork, row: Certificate, paper: Paper | None) -> CertificateInfo:
    """Enter ``row`` in the register, and with ``paper``, put it on paper: the paper is made first but takes
    its place only once the register has kept the row.  A paper that cannot be made leaves nothing in the
    register and no number used (the unit of work rolls back), a register that cannot keep the row takes its
    paper away, and a crash in between leaves no paper where the person looks for it."""
    uow.session.add(row)
    uow.session.flush()
    info = _info(row)
    if paper is not None:
        paper.write(info)
        uow.on_commit(paper.keep, undone=paper.discard)
    return info


class IssuedAlready(InvalidInput):
    """The volunteer has a certificate for this very period: another copy is a reprint of it, not a new number
    (``params`` has ``number`` and ``issued_on``); ``again=True`` issues a new one all the same."""


def _issued_for(uow: UnitOfWork, draft: CertificateDraft) -> Certificate | None:
    """The latest certificate (not a reprint) issued to the volunteer for the draft's very period."""
    ids = Identities.load(uow.session).counted_ids(draft.volunteer_id)
    return uow.session.scalars(select(Certificate).where(
        Certificate.volunteer_id.in_(ids), Certificate.deleted.is_(False), Certificate.reprint_of == "",
        Certificate.period_from == draft.period_from, Certificate.period_to == draft.period_to)
        .order_by(Certificate.issued_on.desc(), Certificate.created_at.desc())).first()


def issue_certificate(uow: UnitOfWork, *, volunteer_id: str, period_from: str | date, period_to: str | date,
                      issuer: str | None = None, paper: Paper | None = None, again: bool = False) -> CertificateInfo:
    """Issue a certificate: it gets the next number of this station's register for the year, kept only once
    it is on ``paper`` when one is given.  A second certificate for a period already certified is refused
    (``IssuedAlready``: a copy is a reprint) unless ``again``."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    draft = _draft(uow, volunteer_id, period_from, period_to, issuer)
    earlier = None if again else _issued_for(uow, draft)
    if earlier is not None:
        raise IssuedAlready(QT_TRANSLATE_NOOP(
            "desktop", "{name} was given a certificate for {start} to {end} on {issued_on}, number {number}. For "
                       "another copy of it, choose it in the issue register and press Reprint."),
            field="period_from", name=draft.name, start=draft.period_from, end=draft.period_to,
            issued_on=earlier.issued_on, number=earlier.number)
    today = uow.today()
    row = Certificate(village_code=village_code(uow), volunteer_id=draft.volunteer_id,
                      number=_next_number(uow, today.year), issued_on=today.isoformat(),
                      period_from=draft.period_from, period_to=draft.period_to, hours=draft.hours,
                      content="\n".join(line.stored() for line in draft.content), issuer=draft.issuer[:200],
                      name=draft.name,
                      id_shown=draft.id_shown, volunteer_number=draft.volunteer_number, reprint_of="",
                      issued_by_name=uow.actor.display_name)
    return _on_paper(uow, row, paper)


def _get(uow: UnitOfWork, certificate_id: str) -> Certificate:
    row = uow.session.get(Certificate, certificate_id) if certificate_id else None
    if row is None or row.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This certificate is not in the register. Refresh the list."), field="certificate_id")
    return row


def reprint_certificate(uow: UnitOfWork, *, certificate_id: str, paper: Paper | None = None) -> CertificateInfo:
    """A copy of an issued certificate, same number and wording, noted in the register as a reprint (once it
    is on ``paper`` when one is given)."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    original = _get(uow, certificate_id)
    if original.reprint_of:
        original = _get(uow, original.reprint_of)
    row = Certificate(village_code=village_code(uow), volunteer_id=original.volunteer_id, number=original.number,
                      issued_on=uow.today().isoformat(), period_from=original.period_from,
                      period_to=original.period_to, hours=original.hours, content=original.content,
                      issuer=original.issuer, name=original.name, id_shown=original.id_shown,
                      volunteer_number=original.volunteer_number, reprint_of=original.id,
                      issued_by_name=uow.actor.display_name)
    return _on_paper(uow, row, paper)


def list_certificates(uow: UnitOfWork, *, volunteer_id: str | None = None) -> list[CertificateInfo]:
    """The certificate register, newest first."""
    uow.require(Permission.VIEW_DATA)
    query = select(Certificate).where(Certificate.deleted.is_(False))
    if volunteer_id:
        # a deleted volunteer's certificates stay in the register
        identities = Identities.load(uow.session)
        ids = identities.counted_ids(identities.kept_id(volunteer_id))
        query = query.where(Certificate.volunteer_id.in_(ids))
    rows = uow.session.scalars(query.order_by(Certificate.issued_on.desc(), Certificate.created_at.desc(),
                                              Certificate.number.desc())).all()
    return [_info(row) for row in rows]
