"""Enrollment and one sync run: push the outbox, pull pages until none are left, then check both sides agree.

Every step that changes the station database is one transaction, so stopping between any two steps
(a cut cable, a crash, the user's cancel) loses nothing: the outbox is removed only for change ids the
server acknowledged, and the pull cursor moves only with the page it belongs to.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

import desktop
from desktop.domain.actor import SYSTEM, Actor
from desktop.errors import Cancelled, UserError
from desktop.paths import DataFolder
from desktop.services import sync as sync_service
from desktop.services.sync import (
    EnrollCodeForOtherVillage,
    Enrollment,
    NotEnrolled,
    SyncBroke,
    SyncCancelled,
    SyncFailed,
    TooLarge,
)
from desktop.storage import sync_store
from desktop.storage.database import Database, open_database
from sync import protocol
from sync.client.http import SyncHttp

log = logging.getLogger(__name__)

TOO_LARGE_REASON = ("This change is larger than the city server takes in one request, so it can never be sent. "
                    "It is kept here; shorten the record's long texts and save it again.")

Progress = Callable[[int, int, str], None]

# Named points of a run, in order; ``on_step`` is called at each (tests stop the run there).
STEPS = ("start", "push_sending", "push_answered", "push_acknowledged", "pull_sending", "pull_received",
         "pull_applied", "summary_checked", "finished")


@dataclass
class SyncResult:
    sent: int = 0
    received: int = 0
    set_aside: int = 0
    conflicts_open: int = 0
    refetched: bool = False
    mismatch: bool = False
    clock_offset_ms: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Hooks:
    progress: Progress | None
    cancelled: Callable[[], bool] | None
    on_step: Callable[[str], None] | None

    def step(self, name: str) -> None:
        if self.on_step is not None:
            self.on_step(name)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()

    def report(self, done: int, total: int, text: str) -> None:
        if self.progress is not None:
            self.progress(done, total, text)


# -- enrollment ---------------------------------------------------------------------------------

def enroll(target: Database | DataFolder, server_url: str, code: str, *, actor: Actor = SYSTEM,
           session: requests.Session | None = None, sleep: Callable[[float], None] | None = None) -> Enrollment:
    """Enroll a set-up station (the code must be for its village) or a fresh data folder (made for the village)."""
    db = open_database(target) if isinstance(target, DataFolder) else target
    try:
        with db.reading(actor) as uow:
            me = sync_service.identity(uow)
        http = _http(server_url, session=session, sleep=sleep)
        before = db.clock.pc_ms()
        request = {"code": code.strip(), "station_id": me.station_id, "app_version": desktop.__version__}
        if me.village_code:
            request["village_code"] = me.village_code  # a code for another village is refused, not used up
        try:
            answer = http.post("/api/v1/enroll", request)
        except EnrollCodeForOtherVillage as other:
            with db.reading(actor) as uow:
                raise sync_service.code_for_other_village(uow, other.village) from None
        after = db.clock.pc_ms()
        token, village, regions = answer.get("token"), answer.get("village"), answer.get("regions", [])
        if not isinstance(token, str) or not isinstance(village, dict) or not isinstance(regions, list) \
                or not village.get("code"):
            raise http.bad_answer("enrollment answer lacks token or village")
        with db.unit_of_work(actor) as uow:
            result = sync_service.record_enrollment(
                uow, server_url=server_url.rstrip("/"), token=token, station_id=me.station_id,
                village=village, regions=[item for item in regions if isinstance(item, dict)])
            _record_clock(uow, http, before, after)
        db.reload_station()
        return result
    finally:
        if db is not target:
            db.close()


# -- one sync run ---------------------------------------------------------------------------------

def sync_once(db: Database, progress: Progress | None = None, *, cancelled: Callable[[], bool] | None = None,
              on_step: Callable[[str], None] | None = None, session: requests.Session | None = None,
              sleep: Callable[[float], None] | None = None, pull_limit: int = protocol.DEFAULT_PULL_LIMIT,
              push_limit: int = protocol.MAX_PUSH_CHANGES) -> SyncResult:
    """Push all waiting changes, pull every new page, check both sides agree; record how it went."""
    hooks = _Hooks(progress, cancelled, on_step)
    with db.reading(SYSTEM) as uow:
        connection = sync_service.connection(uow)
    if connection is None:
        raise NotEnrolled()
    server_url, token, generation = connection
    http = _http(server_url, token=token, generation=generation, session=session, sleep=sleep)
    result = SyncResult()
    try:
        hooks.step("start")
        new_generation, refetch = _push(db, http, hooks, result, push_limit)
        if refetch:
            log.warning("the city server says this database is an older copy; fetching everything again")
            result.refetched = True
            result.warnings.append("refetch")
            with db.unit_of_work(SYSTEM) as uow:
                sync_store.restart_from_scratch(uow.session)
        _pull(db, http, hooks, result, pull_limit, include_own=refetch)
        if not _agrees(db, http, hooks) and not refetch:
            log.warning("this station and the city server disagree after a sync; fetching everything again")
            result.refetched = True
            with db.unit_of_work(SYSTEM) as uow:
                sync_store.restart_from_scratch(uow.session)
            _pull(db, http, hooks, result, pull_limit, include_own=True)
            result.mismatch = not _agrees(db, http, hooks)
        hooks.step("summary_checked")
        with db.unit_of_work(SYSTEM) as uow:
            sync_service.ensure_village_profile(uow)
            sync_service.record_sync(uow, ok=True, generation=new_generation, refetched=result.refetched)
            status = sync_service.sync_status(uow)
        result.conflicts_open = status.conflicts_open
        result.clock_offset_ms = status.clock_offset_ms
        if status.clock_warning:
            result.warnings.append("clock")
        hooks.step("finished")
    except (UserError, Cancelled) as exc:
        _record_failure(db, exc)
        raise
    except Exception as exc:
        # A bug, or an answer nobody foresaw: the sync still failed, and the status line must say so.
        log.exception("the sync failed unexpectedly")
        _record_failure(db, exc)
        raise
    finally:
        result.bytes_sent, result.bytes_received = http.sent_bytes, http.received_bytes
    return result


def _http(server_url: str, **kwargs: Any) -> SyncHttp:
    extra = {name: value for name, value in kwargs.items() if value is not None}
    return SyncHttp(server_url, **extra)


def _record_failure(db: Database, exc: BaseException) -> None:
    """Keep why the sync failed as a message to show later in the interface's language (a fault of the
    program as a plain sentence: its details are in the log)."""
    if isinstance(exc, UserError):
        error = exc
    elif isinstance(exc, Cancelled):
        error = SyncCancelled()
    else:
        error = SyncBroke()
    try:
        with db.unit_of_work(SYSTEM) as uow:
            sync_service.record_sync(uow, ok=False, error=error)
    except Exception:  # the failure being reported matters more than recording it
        log.exception("could not record the failed sync")


def _record_clock(uow: Any, http: SyncHttp, before_ms: int, after_ms: int) -> None:
    if not http.last_server_time:
        return
    try:
        server = protocol.parse_wire_time(http.last_server_time)
    except ValueError:
        try:
            from datetime import datetime
            server = datetime.fromisoformat(http.last_server_time.replace("Z", "+00:00"))
        except ValueError:
            return
    server_ms = int(server.timestamp() * 1000)
    sync_service.record_clock(uow, offset_ms=server_ms - (before_ms + after_ms) // 2)


def _push(db: Database, http: SyncHttp, hooks: _Hooks, result: SyncResult, limit: int) -> tuple[int | None, bool]:
    """Send the outbox in batches; an empty outbox still asks once, to learn the generation."""
    generation: int | None = None
    refetch = False
    with db.reading(SYSTEM) as uow:
        total = sync_store.outbox_count(uow.session)
    done = 0
    first = True
    stamped_again = False  # changes stamped too far ahead are stamped again once per run, then sent
    while True:
        hooks.check()
        with db.reading(SYSTEM) as uow:
            batch = sync_store.outbox_batch(uow.session, limit)
        if not batch and not first:
            break
        first = False
        hooks.report(done, total, sync_service.SENDING)
        hooks.step("push_sending")
        before = db.clock.pc_ms()
        try:
            answer = http.post("/api/v1/push", {"batch_id": str(uuid.uuid4()), "changes": batch})
        except TooLarge:
            if len(batch) > 1:
                limit = max(1, len(batch) // 2)
                continue
            # One change the server will never take whole: keep it aside with the reason, and go on.
            with db.unit_of_work(SYSTEM) as uow:
                sync_store.set_outbox_aside(uow.session, batch[0]["change_id"], code=protocol.TOO_LARGE,
                                            reason=TOO_LARGE_REASON, now=uow.now())
            result.set_aside += 1
            done += 1
            continue
        after = db.clock.pc_ms()
        accepted, rejected = _push_answer(http, answer)
        hooks.step("push_answered")
        ids = {change["change_id"] for change in batch}
        with db.unit_of_work(SYSTEM) as uow:
            _record_clock(uow, http, before, after)  # first: stamps refused as too far ahead are made again
            removed, aside, restamped = sync_store.acknowledge(
                uow, accepted=[cid for cid in accepted if cid in ids],
                rejected=[item for item in rejected if item.get("change_id") in ids], now=uow.now())
        hooks.step("push_acknowledged")
        result.sent += removed
        result.set_aside += aside
        done += removed + aside
        if isinstance(answer.get("generation"), int):
            generation = answer["generation"]
        refetch = refetch or bool(answer.get("refetch"))
        if batch and removed + aside == 0 and not (restamped and not stamped_again):
            break  # the server took nothing of this batch; the next run tries again
        stamped_again = stamped_again or bool(restamped)
    hooks.report(done, max(total, done), sync_service.SENDING)
    return generation, refetch


def _push_answer(http: SyncHttp, answer: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    accepted = answer.get("accepted")
    rejected = answer.get("rejected", [])
    if not isinstance(accepted, list) or not isinstance(rejected, list) \
            or not all(isinstance(item, dict) for item in rejected):
        raise http.bad_answer("push answer of the wrong shape")
    return [str(item) for item in accepted], rejected


def _pull(db: Database, http: SyncHttp, hooks: _Hooks, result: SyncResult, limit: int, *, include_own: bool) -> None:
    with db.reading(SYSTEM) as uow:
        after = sync_store.pull_cursor(uow.session)
    text = sync_service.REFETCHING if include_own else sync_service.RECEIVING
    while True:
        hooks.check()
        params: dict[str, Any] = {"after": after, "limit": limit}
        if include_own:
            params["include_own"] = 1
        hooks.report(result.received, 0, text)
        hooks.step("pull_sending")
        before = db.clock.pc_ms()
        page = http.get("/api/v1/pull", params)
        after_ms = db.clock.pc_ms()
        changes, last_seq, more = page.get("changes"), page.get("last_seq"), page.get("more")
        if not isinstance(changes, list) or not isinstance(more, bool) \
                or not (last_seq is None or isinstance(last_seq, int)) \
                or not all(isinstance(change, dict) for change in changes):
            raise http.bad_answer("pull answer of the wrong shape")
        hooks.step("pull_received")
        cursor = last_seq if isinstance(last_seq, int) else after
        with db.unit_of_work(SYSTEM) as uow:
            sync_store.apply_page(uow, changes, cursor=cursor)
            _record_clock(uow, http, before, after_ms)
        hooks.step("pull_applied")
        result.received += len(changes)
        if not more or (cursor <= after and not changes):
            break
        after = cursor


def _agrees(db: Database, http: SyncHttp, hooks: _Hooks) -> bool:
    """Compare record counts and checksums with the server's, for the kinds both sides keep with stamps."""
    hooks.report(0, 0, sync_service.CHECKING)
    answer = http.get("/api/v1/summary")
    counts, checksums = answer.get("counts"), answer.get("checksums")
    if not isinstance(counts, dict) or not isinstance(checksums, dict):
        raise http.bad_answer("summary answer of the wrong shape")
    with db.reading(SYSTEM) as uow:
        if sync_store.outbox_count(uow.session):
            return True  # changes made during this run: they reach the server at the next sync
        mine_counts, mine_sums = sync_store.summary(uow.session, set(counts) | set(sync_store.MODELS))
        # Records waiting for a parent are not here yet, and those that could not be applied are not here at
        # all (they are listed in the Sync area and reported to the city): their kinds cannot agree.
        waiting = sync_store.held_entities(uow.session) | sync_store.not_applied_entities(uow.session)
    agree = True
    for entity, count in mine_counts.items():
        if entity in waiting:
            continue
        theirs = int(counts.get(entity, 0) or 0)
        if theirs != count or (theirs and checksums.get(entity) != mine_sums[entity]):
            log.warning("summary of %s differs: here %d rows, server %d rows", entity, count, theirs)
            agree = False
    return agree


__all__ = ["STEPS", "SyncFailed", "SyncResult", "enroll", "sync_once"]
