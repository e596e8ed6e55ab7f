"""The city server's published contract: typed models of every request and answer (docs/sync-protocol.md §2–3).

FastAPI builds the OpenAPI document from these (served at ``/api/openapi.json``).  The endpoints read
their bodies themselves (gzip, size limits, one refusal per bad change rather than one for the whole
push), so the request models describe what a station sends; the answer models are what it gets back.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.sync_kinds import MAX_ID
from sync.protocol import MAX_PULL_LIMIT, MAX_PUSH_CHANGES, MAX_STOCK_LIMIT

ID_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
CHANGE_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,36}$"
STAMP_PATTERN = r"^[0-9]{15}-[0-9]{6}-[A-Za-z0-9._:-]{1,64}$"
MAX_SEQ = 2**63 - 1
MAX_GENERATION = 2**31 - 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegionWire(_Model):
    code: str
    name: str
    level: str
    parent_code: str | None


class ErrorAnswer(BaseModel):
    """Every error: a code from the table of docs/sync-protocol.md §2 and a plain sentence."""

    model_config = ConfigDict(extra="allow")
    error: str
    message: str
    server_time: str
    min_protocol: int | None = None
    max_protocol: int | None = None
    village: RegionWire | None = None


class ProtocolRange(_Model):
    min: int
    max: int


class HealthAnswer(_Model):
    status: str
    server_time: str
    protocol: ProtocolRange


class EnrollRequest(_Model):
    code: str = Field(max_length=64, description="the one-time code, e.g. FHQY-THAB-MJUJ (any case, dashes optional)")
    station_id: str = Field(pattern=CHANGE_ID_PATTERN, description="the station's own id (a UUID it made)")
    app_version: str | None = Field(default=None, max_length=32)
    village_code: str | None = Field(default=None, pattern=r"^[0-9]{6,12}$",
                                     description="the village the station is set up for, if it is")


class EnrollAnswer(_Model):
    station_id: str
    token: str
    village: RegionWire
    regions: list[RegionWire]
    server_time: str


class ChangeWire(_Model):
    change_id: str = Field(pattern=CHANGE_ID_PATTERN)
    entity: str = Field(max_length=32)
    row_id: str = Field(pattern=ID_PATTERN)
    fields: dict[str, Any] = Field(description="the fields this change sets, each of its kind's declared type")
    stamps: dict[str, str] = Field(description="a clock stamp per field")
    base: dict[str, str | None] = Field(default_factory=dict,
                                        description="each field's stamp the edit was made on (null: none)")


class PushRequest(_Model):
    batch_id: str | None = Field(default=None, pattern=CHANGE_ID_PATTERN)
    changes: list[ChangeWire] = Field(max_length=MAX_PUSH_CHANGES)


class Rejection(_Model):
    change_id: str
    code: str
    reason: str


class PushAnswer(_Model):
    accepted: list[str]
    rejected: list[Rejection]
    generation: int
    refetch: bool
    server_time: str


class PulledChange(_Model):
    seq: int
    entity: str
    row_id: str = Field(max_length=MAX_ID)
    fields: dict[str, Any]
    stamps: dict[str, str]
    origin: str | None


class PullAnswer(_Model):
    changes: list[PulledChange] = Field(max_length=MAX_PULL_LIMIT)
    last_seq: int
    more: bool
    generation: int
    refetch: bool
    server_time: str


class SummaryAnswer(_Model):
    counts: dict[str, int]
    checksums: dict[str, str]
    last_seq: int
    server_time: str


class ProjectCounts(_Model):
    """A count for each of the four sponsor projects of "5个100"."""

    poor_women: int
    schooling: int
    disability: int
    illness: int


class CoverageArea(_Model):
    code: str = Field(description="the region code (the city, a county or a township)")
    name: str
    households: ProjectCounts = Field(description="households with an active sponsorship in each project "
                                                  "(a household with two sponsors counts once)")
    sponsorships: ProjectCounts = Field(description="active sponsorships in each project")
    leifeng_posts: int = Field(description="Lei Feng posts with a duty activity not cancelled")


class CountyCoverage(CoverageArea):
    townships: list[CoverageArea]


class CoverageTargets(ProjectCounts):
    leifeng_posts: int


class CoverageAnswer(_Model):
    """``GET /api/v1/coverage``: the city's targets, and the counts city-wide, by county and by township."""

    targets: CoverageTargets
    city: CoverageArea
    counties: list[CountyCoverage]
    server_time: str


class StockLine(_Model):
    item_id: str = Field(description="the item's id in its village's catalogue")
    name: str
    unit: str
    category: str = Field(description="the category's code (clothing, bedding, grain_oil … or the village's own)")
    quantity: float = Field(description="the sum of the hut's movements of the item (below zero after two PCs "
                                        "handed out the same goods offline)")


class GoodsInTransit(_Model):
    transfer_id: str
    number: str = Field(description="the transfer's number, e.g. DB-2026-3F9A-0001")
    sent_on: str
    line_id: str
    item_name: str
    unit: str
    category: str
    quantity: float = Field(description="what was sent of the line")
    to_village_code: str | None = Field(default=None, description="where it goes (lines going out)")
    from_village_code: str | None = Field(default=None, description="where it comes from (lines coming in)")


class HutTransit(_Model):
    out: list[GoodsInTransit] = Field(description="lines this hut sent that the receiving hut has not confirmed")
    in_: list[GoodsInTransit] = Field(alias="in", description="lines sent to this hut that it has not confirmed")


class HutStock(_Model):
    village_code: str
    village_name: str
    hut_name: str
    township_code: str
    township_name: str
    county_code: str
    county_name: str
    stock: list[StockLine] = Field(description="stock on hand per item; items at zero are left out")
    in_transit: HutTransit


class StockAnswer(_Model):
    """``GET /api/v1/stock``: a page of huts' stock on hand and goods in transit, from the ledgers' balances."""

    huts: list[HutStock] = Field(max_length=MAX_STOCK_LIMIT, description="by village code")
    next_after: str | None = Field(description="the after of the next page; null on the last page")
    server_time: str


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` entry of an endpoint for these error statuses, all of the ``ErrorAnswer`` shape."""
    words = {400: "malformed request", 401: "not enrolled, or enrollment withdrawn", 404: "enrollment code unknown",
             408: "the body did not arrive in time", 409: "the station is enrolled already",
             413: "too large", 415: "unknown content encoding", 426: "protocol version not supported",
             429: "too many attempts", 500: "an error on the server",
             503: "busy: try again after Retry-After seconds"}
    return {status: {"model": ErrorAnswer, "description": words[status]} for status in statuses}


def json_body(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` documenting a JSON request body (gzip allowed) of ``model``'s shape."""
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


REQUEST_MODELS: tuple[type[BaseModel], ...] = (EnrollRequest, PushRequest)
