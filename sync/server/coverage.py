"""The city's coverage of "5个100" (``GET /api/v1/coverage``): households sponsored in each of the four sponsor
projects, and the Lei Feng posts, city-wide, by county and by township, against the city's targets.

Computed from the village records the server holds, reading only the fields it counts by: a sponsorship's village,
project, status and household id (an id, counted, never sent), an activity's village, kind, status, title and
place.  Nothing of a household is read, and the answer carries counts only.  The rules are the station's own
(desktop/domain/sponsorships.py): a household counts once per project however many sponsors it has, a post once
per village however many duty days it holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from desktop.domain.regions import Level
from desktop.domain.sponsorships import CITY_TARGETS, LEIFENG_POSTS_TARGET, Project, SponsorshipStatus, leifeng_post
from desktop.domain.volunteering import ActivityKind, ActivityStatus
from sync.server.database import is_postgresql
from sync.server.models import Record
from sync.server.regions import known_regions

records_t = Record.__table__
PROJECTS = tuple(project.value for project in Project)


@dataclass
class _Counts:
    """What one area (the city, a county, a township) holds: households sponsored per project, posts."""

    households: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sponsorships: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    posts: set[tuple[str, str]] = field(default_factory=set)

    def as_wire(self, code: str, name: str) -> dict[str, Any]:
        return {"code": code, "name": name,
                "households": {project: len(self.households.get(project, ())) for project in PROJECTS},
                "sponsorships": {project: self.sponsorships.get(project, 0) for project in PROJECTS},
                "leifeng_posts": len(self.posts)}


def _field(name: str):
    return records_t.c.fields[name]


def city_coverage(engine: Engine) -> dict[str, Any]:
    """The coverage answer: the targets, the city's counts, and each county's with its townships'."""
    if is_postgresql(engine):
        engine = engine.execution_options(isolation_level="REPEATABLE READ")  # one snapshot for every read
    with engine.connect() as connection:
        regions = known_regions(connection)
        sponsorships = connection.execute(
            select(records_t.c.village_code, _field("project").as_string(), _field("status").as_string(),
                   _field("household_id").as_string(), _field("deleted").as_json())
            .where(records_t.c.entity == "sponsorship",
                   _field("status").as_string() == SponsorshipStatus.ACTIVE.value)).all()
        duties = connection.execute(
            select(records_t.c.village_code, _field("title").as_string(), _field("place").as_string(),
                   _field("deleted").as_json())
            .where(records_t.c.entity == "activity",
                   _field("kind").as_string() == ActivityKind.LEIFENG_POST.value,
                   _field("status").as_string() != ActivityStatus.CANCELLED.value)).all()

    def areas(village_code: str | None) -> list[str]:
        """The city, the county and the township a village is in (as far as the region list knows them)."""
        found = []
        region = regions.get(village_code or "")
        while region is not None and region.parent_code:
            region = regions.get(region.parent_code)
            if region is not None and region.level in (Level.TOWNSHIP, Level.COUNTY):
                found.append(region.code)
        return ["city", *found]

    counts: dict[str, _Counts] = defaultdict(_Counts)
    for village_code, project, _status, household_id, deleted in sponsorships:
        if deleted is True or project not in PROJECTS:
            continue
        for area in areas(village_code):
            counts[area].sponsorships[project] += 1
            counts[area].households[project].add(household_id or "")
    for village_code, title, place, deleted in duties:
        if deleted is True:
            continue
        post = (village_code or "", leifeng_post(title or "", place or ""))
        for area in areas(village_code):
            counts[area].posts.add(post)

    city = next((region for region in regions.values() if region.level == Level.CITY), None)
    counties = sorted((region for region in regions.values() if region.level == Level.COUNTY),
                      key=lambda region: region.code)
    townships: dict[str, list] = defaultdict(list)
    for region in sorted(regions.values(), key=lambda region: region.code):
        if region.level == Level.TOWNSHIP and region.parent_code:
            townships[region.parent_code].append(region)
    return {
        "targets": {**{project.value: target for project, target in CITY_TARGETS.items()},
                    "leifeng_posts": LEIFENG_POSTS_TARGET},
        "city": counts["city"].as_wire(city.code if city else "", city.name if city else ""),
        "counties": [{**counts[county.code].as_wire(county.code, county.name),
                      "townships": [counts[township.code].as_wire(township.code, township.name)
                                    for township in townships[county.code]]} for county in counties],
    }
