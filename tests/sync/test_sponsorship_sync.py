"""Sponsorships between two PCs of one village through a real server on SQLite and PostgreSQL: the sponsor, the
pairing, its visits and hand-overs and a note answering a wrong entry reach the other PC as they were written,
and a sponsorship ended on the other PC sends its household back to the households waiting for a sponsor."""

from __future__ import annotations

import pytest
from helpers import enroll_at, sync
from stations import VILLAGE_A, make_station

from desktop.services import households, sponsorships
from desktop.services.households import HouseholdForm
from desktop.services.sponsorships import PledgeForm, SponsorForm


@pytest.fixture
def pcs(tmp_path, city):
    made = [make_station(tmp_path, name, VILLAGE_A) for name in ("office", "hall")]
    for station in made:
        enroll_at(city, station)
        sync(station)
    yield made
    for station in made:
        station.close()


def _log(station, sponsorship_id: str) -> list[tuple]:
    with station.db.reading(station.admin) as uow:
        return [(e.id, e.kind, e.happened_on, e.what, e.amount, e.answers_id, e.answered)
                for e in sponsorships.sponsorship_log(uow, sponsorship_id=sponsorship_id)]


def test_a_sponsorship_and_its_log_reach_the_villages_other_pc_and_ending_it_there_counts_here(pcs):
    office, hall = pcs
    with office.db.unit_of_work(office.admin) as uow:
        today = uow.today().isoformat()
        household = households.register_household(uow, form=HouseholdForm(
            head_name="王桂兰", address="幸福村三组", categories=("poor_women",))).id
        sponsor = sponsorships.add_sponsor(uow, form=SponsorForm(kind="organisation", name="县妇联")).id
        paired = sponsorships.pair_sponsorship(uow, household_id=household, sponsor_id=sponsor, project="poor_women",
                                               pledge=PledgeForm(pledge_kind="money", amount=1200, start_on=today,
                                                                 end_on="2099-12-31", instalments=12))
        wrong = sponsorships.record_event(uow, sponsorship_id=paired.id, kind="handover", amount=500, what="补助")
        sponsorships.record_event(uow, sponsorship_id=paired.id, kind="visit", what="入户走访")
        sponsorships.add_note(uow, sponsorship_id=paired.id, answers_id=wrong.id, what="实际交付100元")
    sync(office)
    sync(hall)

    assert _log(hall, paired.id) == _log(office, paired.id)
    assert {entry[0]: entry[6] for entry in _log(hall, paired.id)}[wrong.id] is True  # answered by the note
    with hall.db.reading(hall.admin) as uow:
        there = sponsorships.get_sponsorship(uow, sponsorship_id=paired.id)
        assert sponsorships.households_waiting(uow) == []
    assert (there.head_name, there.sponsor_name, there.amount, there.instalments, there.handovers_made) == (
        "王桂兰", "县妇联", 1200.0, 12, 1)

    with hall.db.unit_of_work(hall.admin) as uow:
        sponsorships.change_sponsorship_status(uow, sponsorship_id=paired.id, status="ended", reason="认领人搬走")
    sync(hall)
    sync(office)
    with office.db.reading(office.admin) as uow:
        ended = sponsorships.get_sponsorship(uow, sponsorship_id=paired.id)
        waiting = sponsorships.households_waiting(uow)
        coverage = sponsorships.sponsorship_coverage(uow)
    assert (ended.status, ended.end_reason) == ("ended", "认领人搬走")
    assert [(row.head_name, row.project, row.ended_on) for row in waiting] == [("王桂兰", "poor_women", today)]
    assert coverage.projects[0].sponsored == 0
