"""``village-station self-test``: prove this installation works end to end, then exit.

Creates a database in a temporary folder, migrates it, writes and reads records through the
services, loads the translation and builds the main window offscreen.  Also the bundle's smoke test.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    steps: list[str] = []
    try:
        from PySide6.QtWidgets import QApplication

        from desktop.domain.actor import SYSTEM
        from desktop.paths import DataFolder
        from desktop.services import accounts, station
        from desktop.services.demo import DEMO_ACCOUNTS, build_demo
        from desktop.storage.database import head_revision
        from ui.i18n import install_language, qt_own_loaded

        with tempfile.TemporaryDirectory(prefix="village-station-self-test-") as tmp:
            folder = DataFolder(Path(tmp))
            db = build_demo(folder)
            steps.append(f"database created and migrated to {head_revision()}")
            admin = DEMO_ACCOUNTS[0]
            with db.unit_of_work(SYSTEM) as uow:
                actor = accounts.sign_in(uow, username=admin.username, password=admin.password)
            with db.unit_of_work(actor) as uow:
                profile = station.village_profile(uow)
                station.update_village_profile(
                    uow, station_name=profile.station_name, contact_name="自检", contact_phone=profile.contact_phone,
                    address=profile.address, office_hours=profile.office_hours, notes=profile.notes)
            with db.reading(actor) as uow:
                if station.village_profile(uow).contact_name != "自检":
                    raise RuntimeError("a saved record did not read back")
            steps.append("records written and read back through the services")
            from desktop.domain.pinyin_search import SEPARATOR, name_search_text
            from desktop.services import certificates, volunteer_excel, volunteers
            with db.reading(actor) as uow:
                someone = volunteers.search_volunteers(uow, limit=1)[0]
                initials = name_search_text(someone.name).split(SEPARATOR)[2]
                if someone.id not in {row.id for row in volunteers.search_volunteers(uow, text=initials)}:
                    raise RuntimeError("a volunteer was not found by the initials of their name")
                workbook = volunteer_excel.export_volunteers(uow)
                issued = certificates.list_certificates(uow)
            if not workbook.startswith(b"PK"):
                raise RuntimeError("the volunteer export is not a workbook")
            steps.append("volunteers searched and exported to Excel")
            from desktop.services import household_excel, households
            with db.reading(actor) as uow:
                helped = households.search_households(uow)
                head = helped[0]
                if head.id not in {row.id for row in households.search_households(
                        uow, where=households.HouseholdFilter(text=head.head_name))}:
                    raise RuntimeError("a household was not found by the name of its head")
                timelines = [households.household_timeline(uow, household_id=row.id) for row in helped]
                summary = households.visit_summary(uow, household_id=next(
                    row.id for row, timeline in zip(helped, timelines, strict=True) if timeline))
                household_book = household_excel.export_households(uow)
            if not household_book.startswith(b"PK"):
                raise RuntimeError("the household export is not a workbook")
            steps.append(f"{len(helped)} households searched, their timelines read and exported to Excel")
            from desktop.services import wishes
            with db.reading(actor) as uow:
                village_wishes = wishes.list_wishes(uow)
                board = wishes.board(uow)
                claims = wishes.list_claims(uow)
                wish_report = wishes.wish_report(uow, year=uow.today().year)
            if not board or not any(row.own for row in board) or not claims:
                raise RuntimeError("the wish board does not show the village's published wishes and its claims")
            steps.append(f"{len(village_wishes)} micro-wishes, {len(board)} on the wish board and {len(claims)} "
                         "claims read")
            from desktop.services import sponsorships
            with db.reading(actor) as uow:
                paired = sponsorships.list_sponsorships(uow)
                overdue = [row for row in paired if row.overdue]
                logs = [sponsorships.sponsorship_log(uow, sponsorship_id=row.id) for row in paired]
                coverage = sponsorships.sponsorship_coverage(uow)
                report = sponsorships.sponsorship_report(uow, period_from=date(2000, 1, 1),
                                                         period_to=uow.today())
            if not paired or not overdue or not any(logs) or not report.handovers:
                raise RuntimeError("the demo's sponsorships, their logs and hand-overs did not read back")
            steps.append(f"{len(paired)} sponsorships read ({len(overdue)} overdue), coverage of "
                         f"{len(coverage.projects)} projects and the report with {len(report.handovers)} hand-overs")
            from desktop.services import hut, hut_drafts, hut_stock
            with db.unit_of_work(actor) as uow:
                item = hut.find_by_barcode(uow, barcode="6901234500011")
                donor = hut.list_donors(uow)[0]
                before = {row.item_id: row.on_hand for row in hut_stock.stock_on_hand(uow)}.get(item.item_id, 0.0)
                draft = hut_drafts.start_draft(uow, form=hut_drafts.DraftForm(kind="intake", donor_id=donor.id))
                hut_drafts.scan_into_draft(uow, draft_id=draft.id, barcode="6901234500011")
                hut_drafts.scan_into_draft(uow, draft_id=draft.id, barcode="6901234500011")
                posted = hut_drafts.post_draft(uow, draft_id=draft.id)
            with db.reading(actor) as uow:
                slip = hut_drafts.intake_slip(uow, document_id=posted.id)
                after = {row.item_id: row.on_hand for row in hut_stock.stock_on_hand(uow)}.get(item.item_id, 0.0)
            if after != before + 2 or [line.quantity for line in slip.lines] != [2.0]:
                raise RuntimeError("an intake posted at the love hut did not show on its shelf and its slip")
            steps.append(f"an intake posted at the love hut ({slip.number}) and its slip read back")

            app = QApplication.instance() or QApplication([sys.argv[0]])
            if not install_language("zh_CN"):
                raise RuntimeError("the Chinese translation could not be loaded")
            if not qt_own_loaded():
                raise RuntimeError("Qt's own Chinese translation (qtbase_zh_CN.qm) could not be loaded")
            steps.append("Chinese translation loaded, Qt's own too")
            from ui.printing import certificate_pdf
            certificate = Path(tmp) / "certificate.pdf"
            certificate_pdf(issued[0], certificate, reprint=False)
            if not certificate.read_bytes().startswith(b"%PDF"):
                raise RuntimeError("the certificate was not printed to PDF")
            steps.append("a certificate printed to PDF")
            from ui.printing import household_summary_pdf
            visit = Path(tmp) / "visit.pdf"
            household_summary_pdf(summary, visit)
            if not visit.read_bytes().startswith(b"%PDF"):
                raise RuntimeError("the visit summary was not printed to PDF")
            steps.append("a household's visit summary printed to PDF")
            from ui.printing import wish_report_pdf
            report_paper = Path(tmp) / "wishes.pdf"
            wish_report_pdf(wish_report, report_paper)
            if not report_paper.read_bytes().startswith(b"%PDF"):
                raise RuntimeError("the micro-wish report was not printed to PDF")
            steps.append("the micro-wish report printed to PDF")
            from ui.printing import sponsorship_report_pdf
            sponsorship_paper = Path(tmp) / "sponsorships.pdf"
            sponsorship_report_pdf(report, sponsorship_paper)
            if not sponsorship_paper.read_bytes().startswith(b"%PDF"):
                raise RuntimeError("the report on sponsorships was not printed to PDF")
            steps.append("the report on sponsorships printed to PDF")
            from ui.app import StationApp
            from ui.context import AppContext
            from ui.windows.main_window import MainWindow
            controller = StationApp(folder)
            controller.db = db
            controller.changes.follow(db)
            window = MainWindow(AppContext(db, folder, actor, controller.runner, controller.changes, controller.sync,
                                           controller))
            window.show()
            app.processEvents()
            if not window.isVisible() or window.navigation.count() == 0:
                raise RuntimeError("the main window did not show its areas")
            steps.append(f"main window built with {window.navigation.count()} areas")
            window.close()
            controller.shutdown()
            db.close()
    except Exception as exc:  # report any failure plainly; this is a diagnostic command
        for step in steps:
            print(f"ok    {step}")
        print(f"FAIL  {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for step in steps:
        print(f"ok    {step}")
    print(f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0
