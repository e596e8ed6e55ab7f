"""Certificates of service: what they say, their register numbers, reprints."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import certificates, hours, settings, station
from desktop.services.certificates import ServiceLine
from desktop.services.station import village_code
from desktop.storage.models import AuditEntry, ServiceHours, Volunteer


def add_volunteer(st, name: str, n: int) -> tuple[str, str]:
    first17 = f"22080219900101{n:03d}"
    number = first17 + check_character(first17)
    with st.db.unit_of_work(st.coordinator) as uow:
        row = Volunteer(village_code=village_code(uow), name=name, id_number=number, volunteer_number=f"BC{n:04d}",
                        registered_on="2026-01-01")
        uow.session.add(row)
        uow.session.flush()
        return row.id, number


def credit(st, volunteer_id: str, amount: float, served_on: str, content: str) -> str:
    with st.db.unit_of_work(st.coordinator) as uow:
        row = ServiceHours(village_code=village_code(uow), volunteer_id=volunteer_id, kind="credit", hours=amount,
                           served_on=served_on, content=content, recorded_by_name="李秀英")
        uow.session.add(row)
        uow.session.flush()
        return row.id


@pytest.fixture
def zhang(setup_station, fake_now):
    st = setup_station
    st.db.now = fake_now
    volunteer_id, number = add_volunteer(st, "张伟", 1)
    credit(st, volunteer_id, 3, "2026-11-20", "志愿服务日")
    wrong = credit(st, volunteer_id, 2, "2026-10-09", "雷锋岗值守")
    credit(st, volunteer_id, 4, "2026-03-06", "送教下乡")
    credit(st, volunteer_id, 5, "2025-12-26", "志愿服务日")
    with st.db.unit_of_work(st.coordinator) as uow:
        hours.correct_hours(uow, record_id=wrong, reason="记错了", new_hours=1.5)
    return volunteer_id, number


def test_the_draft_lists_what_was_served_in_the_period_with_the_net_hours(setup_station, zhang):
    st = setup_station
    volunteer_id, number = zhang
    with st.db.reading(st.viewer) as uow:
        draft = certificates.draft_certificate(uow, volunteer_id=volunteer_id, period_from="2026-01-01",
                                               period_to="2026-12-31")
    assert draft.hours == 8.5
    assert draft.content == (ServiceLine("2026-03-06", "送教下乡", 4.0), ServiceLine("2026-10-09", "雷锋岗值守", 1.5),
                             ServiceLine("2026-11-20", "志愿服务日", 3.0))
    assert draft.name == "张伟" and draft.volunteer_number == "BC0001"
    assert draft.id_shown != number and draft.id_shown.endswith(number[-4:])  # masked by default
    assert draft.issuer == "幸福村村民委员会"


def test_no_certificate_for_a_period_without_hours(setup_station, zhang):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-04-01", period_to="2026-09-30")
    assert "张伟" in refused.value.text() and "another period" in refused.value.text()
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-12-31", period_to="2026-01-01")
    assert refused.value.field == "period_to"


def test_certificates_are_numbered_per_station_and_year_and_a_reprint_keeps_the_number(setup_station, zhang,
                                                                                       fake_now):
    st = setup_station
    with st.db.reading(st.viewer) as uow:
        info = station.station_info(uow)
        tag = f"{info.village.code}-{info.station_id[:6].upper()}"
    with st.db.unit_of_work(st.coordinator) as uow:
        first = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                               period_to="2026-12-31")
        second = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2025-01-01",
                                                period_to="2025-12-31", issuer="平安镇志愿服务中心")
    assert (first.number, second.number) == (f"2026-{tag}-0001", f"2026-{tag}-0002")
    assert (first.issued_on, first.issued_by_name, first.hours) == ("2026-11-29", "李秀英", 8.5)
    assert second.issuer == "平安镇志愿服务中心" and not second.is_reprint
    fake_now.advance(86400)
    with st.db.unit_of_work(st.coordinator) as uow:
        again = certificates.reprint_certificate(uow, certificate_id=first.id)
        again_of_again = certificates.reprint_certificate(uow, certificate_id=again.id)
    assert again.number == first.number and again.is_reprint and again.reprint_of == first.id
    assert again_of_again.reprint_of == first.id  # a reprint of a reprint points at the original
    assert again.content == first.content and again.issued_on == "2026-11-30"
    fake_now.current = datetime(2027, 1, 4, 9, 0)
    with st.db.unit_of_work(st.coordinator) as uow:
        next_year = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                                   period_to="2026-12-31", again=True)
    assert next_year.number == f"2027-{tag}-0001"
    with st.db.reading(st.viewer) as uow:
        register = certificates.list_certificates(uow, volunteer_id=zhang[0])
        audited = uow.session.query(AuditEntry).filter_by(entity="certificates").count()
    assert [c.id for c in register][:1] == [next_year.id]  # newest first
    assert len(register) == 5 and audited == 5
    with st.db.unit_of_work(st.coordinator) as uow:  # the register outlives the volunteer's record
        uow.session.get(Volunteer, zhang[0]).deleted = True
    with st.db.reading(st.viewer) as uow:
        assert len(certificates.list_certificates(uow, volunteer_id=zhang[0])) == 5


def test_the_full_id_number_is_printed_only_when_the_station_says_so(setup_station, zhang):
    st = setup_station
    with st.db.unit_of_work(st.admin) as uow:
        settings.save_settings(uow, settings=replace(settings.load_settings(uow), certificate_masks_id=False))
    with st.db.unit_of_work(st.coordinator) as uow:
        issued = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                                period_to="2026-12-31")
    assert issued.id_shown == zhang[1]
    with st.db.reading(st.viewer) as uow:  # a viewer may not see full ID numbers, even in a draft
        draft = certificates.draft_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                               period_to="2026-12-31")
    assert draft.id_shown != zhang[1]


def test_a_viewer_cannot_issue_a_certificate(setup_station, zhang):
    st = setup_station
    with st.db.unit_of_work(st.viewer) as uow, pytest.raises(PermissionDenied):
        certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01", period_to="2026-12-31")


def test_stations_of_two_villages_whose_ids_begin_alike_issue_different_numbers():
    # Four hex digits of the station id alone made about six pairs of the city's stations share numbers.
    first = certificates.number_prefix("220802101201", "a1b2c3d4-0000-4000-8000-000000000001", 2026)
    second = certificates.number_prefix("220802101202", "a1b2c3d4-0000-4000-8000-000000000002", 2026)
    assert first != second
    assert first == "2026-220802101201-A1B2C3-"
    assert len(first) + 4 <= 40  # the number column and its record kind hold 40 characters


def test_a_register_line_keeps_its_parts_whatever_its_text_holds_and_old_lines_still_read():
    line = ServiceLine("2026-05-01", "环境整治  村口到小学", 4.0)  # two spaces inside what was done
    assert ServiceLine.read(line.stored()) == line
    assert ServiceLine.read("2026-03-06  送教下乡  4.0") == ServiceLine("2026-03-06", "送教下乡", 4.0)  # as before
    assert ServiceLine.read("手写的一行") == ServiceLine("", "手写的一行", None)


class Paper:
    """A paper that is written (or fails to be) where a person chose, as the screen's PDF file is."""

    def __init__(self, *, fails: bool = False) -> None:
        self.fails = fails
        self.written: list[certificates.CertificateInfo] = []
        self.kept = self.discarded = False

    def write(self, certificate) -> None:
        if self.fails:
            raise InvalidInput("The folder cannot be written.")
        self.written.append(certificate)

    def keep(self) -> None:
        self.kept = True

    def discard(self) -> None:
        self.discarded = True


def _register(st) -> list[tuple[str, str]]:
    with st.db.reading(st.viewer) as uow:
        return [(c.number, c.reprint_of) for c in certificates.list_certificates(uow)]


def test_a_second_certificate_for_a_period_certified_already_is_a_reprint_unless_asked_for(setup_station, zhang):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow:
        first = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                               period_to="2026-12-31")
        certificates.reprint_certificate(uow, certificate_id=first.id)
    with pytest.raises(certificates.IssuedAlready) as refused, st.db.unit_of_work(st.coordinator) as uow:
        certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01", period_to="2026-12-31")
    assert refused.value.params["number"] == first.number and refused.value.params["issued_on"] == "2026-11-29"
    assert "Reprint" in refused.value.text()
    assert sorted(_register(st)) == [(first.number, ""), (first.number, first.id)]  # no second number
    with st.db.unit_of_work(st.coordinator) as uow:  # another period, or asked for all the same: a new number
        part = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                              period_to="2026-06-30")
        again = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                               period_to="2026-12-31", again=True)
    assert len({first.number, part.number, again.number}) == 3


def test_a_certificate_that_cannot_go_on_paper_uses_no_number(setup_station, zhang):
    st = setup_station
    with pytest.raises(InvalidInput, match="cannot be written"), st.db.unit_of_work(st.coordinator) as uow:
        certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01", period_to="2026-12-31",
                                       paper=Paper(fails=True))
    assert _register(st) == []  # no row without its paper
    paper = Paper()
    with st.db.unit_of_work(st.coordinator) as uow:
        issued = certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01",
                                                period_to="2026-12-31", paper=paper)
    assert issued.number.endswith("-0001")  # the number the failed paper would have had
    assert [c.number for c in paper.written] == [issued.number] and paper.kept and not paper.discarded
    assert _register(st) == [(issued.number, "")]

    with pytest.raises(InvalidInput), st.db.unit_of_work(st.coordinator) as uow:
        certificates.reprint_certificate(uow, certificate_id=issued.id, paper=Paper(fails=True))
    assert _register(st) == [(issued.number, "")]  # no reprint without its paper


def test_a_paper_whose_issue_cannot_be_kept_is_taken_away(setup_station, zhang):
    from sqlalchemy import event

    st = setup_station
    paper = Paper()
    with pytest.raises(OSError, match="disk full"), st.db.unit_of_work(st.coordinator) as uow:
        def refuse(_session) -> None:
            assert paper.written and not paper.kept, "the paper waits for the register"
            raise OSError("disk full")

        event.listen(uow.session, "before_commit", refuse)  # the register cannot keep it, after the paper was made
        certificates.issue_certificate(uow, volunteer_id=zhang[0], period_from="2026-01-01", period_to="2026-12-31",
                                       paper=paper)
    assert len(paper.written) == 1 and paper.discarded and not paper.kept
    assert _register(st) == []
