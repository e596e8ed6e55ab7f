"""Opening the volunteer list on 30,000 volunteers: time to the first painted rows, and memory.

A child process (Qt offscreen) signs in to a station holding 30,000 volunteers and, in each round,
constructs the ``VolunteersView`` and runs the event loop until the table has rows and its viewport
has painted them (``open_ms``; target p95 ≤ 200 ms), and until the count of all 30,000 is shown
(``count_shown_ms``: a long list counts just after its first rows paint). One unmeasured round comes
first. Baseline in the same rounds: the two service calls the list makes on opening, alone
(``search_volunteers`` first page, ``count_volunteers``), so ``view_over_service_p50_ms`` is what the
widgets add. The data comes from ``bench_volunteer_search``'s builder (teams and hours included).

Memory is the child's peak resident size (VmHWM; ``ru_maxrss`` where there is no /proc) signed in
without the list, over one opening of the list (the high-water mark is reset just before it, where
Linux allows; otherwise it is the peak of every round, and the result says so), and after scrolling
to the end (all 30,000 rows fetched),
beside the peak of a bare QApplication showing an empty QTableView, measured in the same run; the
resident size at those moments (VmRSS) is given too.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import ROOT, child_env, rounds

VOLUNTEERS = 30_000
TARGET_P95_MS = 200.0

# Both child programs measure memory the same way.
PEAK = r"""
import resource


def peak_mb():
    # The peak resident size of this program. On Linux ru_maxrss also counts the parent's size at the
    # fork that started us (exec keeps that high-water mark), so read VmHWM, which exec resets.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def reset_peak():
    # Start the high-water mark again from the present size (Linux: "5" to clear_refs resets VmHWM),
    # so the next peak_mb() is the peak of what follows alone.  False where that cannot be done.
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
        return True
    except OSError:
        return False
"""

# The child: sign in the way the app does, then open the list round after round.
CHILD = PEAK + r"""
import json, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication



def resident_mb():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None


app = QApplication(sys.argv[:1])
from desktop.domain.actor import SYSTEM
from desktop.paths import DataFolder
from desktop.services import accounts, volunteers
from ui.app import StationApp
from ui.context import AppContext
from ui.i18n import install_language

install_language("en")
controller = StationApp(DataFolder(Path(sys.argv[1])), language="en")
controller.start()
controller.runner.wait()
with controller.db.unit_of_work(SYSTEM) as uow:
    actor = accounts.sign_in(uow, username=sys.argv[3], password=sys.argv[4])
controller.changes.follow(controller.db)
context = AppContext(controller.db, controller.folder, actor, controller.runner, controller.changes, controller.sync,
                     controller)
signed_in_mb, signed_in_rss = peak_mb(), resident_mb()
from ui.views.volunteers import VolunteersView


class FirstPaint(QObject):
    def __init__(self, model):
        super().__init__()
        self.model, self.at = model, None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.at is None and self.model.rowCount():
            self.at = time.perf_counter()
        return False


def open_list():
    started = time.perf_counter()
    view = VolunteersView(context)
    painted = FirstPaint(view.model)
    view.table.viewport().installEventFilter(painted)
    view.resize(1100, 700)
    view.show()
    deadline = started + 10
    while painted.at is None and time.perf_counter() < deadline:
        app.processEvents()
    if painted.at is None:
        raise SystemExit("the list never painted its rows")
    view.table.viewport().removeEventFilter(painted)
    while view.count_label.text() == "Counting…" and time.perf_counter() < deadline:
        app.processEvents()
    if view.count_label.text() == "Counting…":
        raise SystemExit("the count of all volunteers never showed")
    return view, (painted.at - started) * 1000, (time.perf_counter() - started) * 1000


def service_only():
    # What the list asks of the core when it opens: the first page, then the count.
    started = time.perf_counter()
    with context.db.reading(context.actor) as uow:
        volunteers.search_volunteers(uow, offset=0, limit=200)
    with context.db.reading(context.actor) as uow:
        volunteers.count_volunteers(uow)
    return (time.perf_counter() - started) * 1000


def close(view):
    view.close()
    view.deleteLater()
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


view, _, _ = open_list()  # unmeasured: first use of the view's code and of the database pages
close(view)
service_only()
samples, counted, service = [], [], []
for _ in range(int(sys.argv[2])):
    view, ms, count_ms = open_list()
    samples.append(ms)
    counted.append(count_ms)
    close(view)
    service.append(service_only())
# The list's own peak: from the size just before this one opening (the rounds above are closed and gone).
app.processEvents()
one_opening = reset_peak()
view, _, _ = open_list()
shown = view.model.rowCount()
total = view.count_label.text()
open_mb, open_rss = peak_mb(), resident_mb()
from ui.tasks import TaskRunner

started = time.perf_counter()
# Pages are read off the screen's thread: scroll, and wait for each page, until none is left to read.
while view.model.canFetchMore() or not TaskRunner.idle_everywhere():
    view.table.scrollToBottom()
    app.processEvents()
view.table.scrollToBottom()
app.processEvents()
scroll_ms = (time.perf_counter() - started) * 1000
print(json.dumps({"samples": samples, "counted": counted, "service": service, "first_page_rows": shown,
                  "count_label": total, "rows_after_scroll": view.model.rowCount(),
                  "scroll_to_end_ms": round(scroll_ms, 1),
                  "signed_in_mb": signed_in_mb, "list_open_mb": open_mb, "scrolled_mb": peak_mb(),
                  "list_open_peak_of": "one opening" if one_opening else "every round so far",
                  "rss_mb": {"signed_in_no_list": signed_in_rss, "list_open": open_rss,
                             "after_scrolling_to_end": resident_mb()}}))
close(view)
controller.shutdown()
sys.stdout.flush()
import os
os._exit(0)  # skip the interpreter's teardown of Qt objects: its order is not ours to fix here
"""

BARE = PEAK + r"""
import json, resource, sys
from PySide6.QtWidgets import QApplication, QTableView
from PySide6.QtGui import QStandardItemModel
app = QApplication(sys.argv[:1])
table = QTableView()
table.setModel(QStandardItemModel(0, 11))
table.resize(1100, 700)
table.show()
for _ in range(20):
    app.processEvents()
print(json.dumps({"peak_mb": peak_mb()}))
"""


def prepare_station(root: Path) -> tuple[Path, str, str]:
    """A station with 30,000 volunteers (with teams and hours), made by the search benchmark's builder;
    returns its folder and the coordinator's user name and password."""
    import bench_volunteer_search

    db, _viewer, people = bench_volunteer_search.build_station(root)
    db.close()
    assert len(people) == VOLUNTEERS
    from conftest import PASSWORD  # tests/desktop/conftest.py, put on the path by bench_volunteer_search

    return root / "station", "coordinator", PASSWORD


def _child(code: str, *args: str, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _percentile(samples: list[float], q: int) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(sorted(samples), n=100, method="inclusive")[q - 1]


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        env = child_env(Path(tmp) / "bytecode")
        station, username, password = prepare_station(Path(tmp))
        count = rounds(15)
        bare = _child(BARE, env=env)
        app = _child(CHILD, str(station), str(count), username, password, env=env)
        bare_again = _child(BARE, env=env)
    samples = app["samples"]
    p50, p95 = statistics.median(samples), _percentile(samples, 95)

    def figures(values: list[float]) -> dict:
        return {"p50": round(statistics.median(values), 1), "p95": round(_percentile(values, 95), 1),
                "samples": [round(value, 1) for value in values]}

    baseline_mb = min(bare["peak_mb"], bare_again["peak_mb"])
    return {
        "volunteers": VOLUNTEERS,
        "rounds": len(samples),
        "open_ms": figures(samples),
        "count_shown_ms": figures(app["counted"]),
        "baseline_service_only_ms": figures(app["service"]),
        "view_over_service_p50_ms": round(p50 - statistics.median(app["service"]), 1),
        "target_p95_ms": TARGET_P95_MS,
        "met": p95 <= TARGET_P95_MS,
        "first_page_rows": app["first_page_rows"],
        "count_label": app["count_label"],
        "rows_after_scroll": app["rows_after_scroll"],
        "scroll_to_end_ms": app["scroll_to_end_ms"],
        "peak_mb": {
            "bare_qt_table": baseline_mb,
            "signed_in_no_list": app["signed_in_mb"],
            "list_open": app["list_open_mb"],
            "list_open_is_the_peak_of": app["list_open_peak_of"],
            "after_scrolling_to_end": app["scrolled_mb"],
        },
        "resident_now_mb": app["rss_mb"],  # VmRSS at the same moments: what stays, not the peak
        "list_open_over_bare_mb": round(app["list_open_mb"] - baseline_mb, 1),
        "all_rows_over_list_open_mb": round(app["scrolled_mb"] - app["list_open_mb"], 1),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
