"""Papers to print: certificates, sign-in sheets, good-people lists, a household's visit summary, the micro-wish
report, the report on sponsorships and the love hut's intake slips, thank-you letters, distribution papers and the
paper of each other posted document, written as A4 PDF files with Qt (the hut's papers also straight to a printer,
through Qt's print dialog)."""

from __future__ import annotations

import datetime as dt
import html
import io
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QTranslator, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from desktop.domain.households import HouseholdStatus, Relation, TimelineKind
from desktop.domain.hut import quantity_text
from desktop.domain.id_number import hide_id_numbers
from desktop.domain.phone import mask_phone
from desktop.domain.sponsorships import Project
from desktop.domain.volunteering import HOURS_UNIT_CHINESE, ActivityKind, GoodDeedCategory, hours_with_unit
from desktop.domain.wishes import WishStatus
from desktop.errors import Term, UserError
from desktop.i18n import QT_TRANSLATE_NOOP
from resources import resource_path
from ui.i18n import translation_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.paths import DataFolder

log = logging.getLogger(__name__)

# Chinese fonts first: the common Windows ones, then the one Linux machines have, so the PDF carries
# real Chinese text (not boxes) wherever it is made.
FONT_FAMILIES = ["Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"]
RESOLUTION = 300
MARGINS_MM = QMarginsF(20, 18, 20, 18)
WALK_IN_ROWS = 5      # blank lines at least, for people who come without being on the roster
SHEET_MIN_ROWS = 18   # the sheet fills up to this many lines so a short roster still leaves room

# The papers are official Chinese documents whatever the interface language, so their words live here
# and in the templates, not in tr(); the names of stored codes (an activity's kind, a kind of good deed)
# are the core's labels in Chinese, the very words the lists show.
_chinese: list[QTranslator] = []
_chinese_lock = threading.Lock()  # papers are made on the screen's thread and on workers


def chinese_label(enum_type: Any, code: str) -> str:
    """The Chinese label of a stored code, whatever the interface language (an unknown code as it is)."""
    try:
        source = enum_type(code).label
    except ValueError:
        return code
    return chinese_text(source)


def chinese_text(source: str) -> str:
    """The core's words (the ``desktop`` context) in Chinese, whatever the interface language."""
    with _chinese_lock:
        if not _chinese:
            translator = QTranslator()
            if not translator.load(str(translation_file("zh_CN"))):
                log.error("the Chinese translation %s could not be loaded for printing", translation_file("zh_CN"))
            _chinese.append(translator)
    return _chinese[0].translate("desktop", source) or source


# ---- filling templates ----

def template(name: str) -> Template:
    return Template(resource_path("templates", name).read_text(encoding="utf-8"))


def fill(template_name: str, /, **values: Any) -> str:
    """The template filled in, every value escaped except ``Markup`` this module built itself."""
    return template(template_name).substitute({key: _html(value) for key, value in values.items()})


class Markup(str):
    """HTML this module built itself from escaped parts; goes into a template as it is."""


def _html(value: Any) -> str:
    if isinstance(value, Markup):
        return value
    return html.escape("" if value is None else str(value), quote=True)


def chinese_date(value: str | dt.date) -> str:
    """``2026-11-29`` → ``2026年11月29日``; text that is no date stays as it is."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.year}年{value.month}月{value.day}日"


def category_text(category: str) -> str:
    return chinese_label(GoodDeedCategory, category)


def kind_text(kind: str) -> str:
    return chinese_label(ActivityKind, kind)


def paper_hours(value: float) -> str:
    """Hours on paper: the figure and 小时, as everywhere else."""
    return hours_with_unit(value, unit=HOURS_UNIT_CHINESE)


def _unbroken(text: str | Markup) -> Markup:
    """Text kept on one line inside running Chinese text (a date, some hours, an ID number): a line may
    break before or after it, never inside.  Qt breaks between any two Chinese characters whatever the
    style says, so a word joiner (U+2060, not printed) holds each pair together."""
    if isinstance(text, Markup):
        return text
    return Markup(_WORD_JOINER.join(_html(character) for character in text))


_WORD_JOINER = "\u2060"


def _rows(cells_per_row: Iterable[Sequence[Any]], *, cell_class: str = "cell") -> Markup:
    attribute = f' class="{cell_class}"'
    return Markup("\n".join(
        "<tr>" + "".join(f"<td{attribute}>{_html(cell) or '&nbsp;'}</td>" for cell in cells) + "</tr>"
        for cells in cells_per_row))


# ---- writing the PDF ----

def default_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(12)
    return font


def layout_document(markup: str, device: Any, page: QSizeF, *,
                    images: dict[str, QImage] | None = None) -> QTextDocument:
    """The paper laid out in pages of ``page`` device pixels, at ``device``'s resolution."""
    document = QTextDocument()
    # Lay out at the printer's resolution, so point sizes and image sizes come out right on paper.
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(default_font())
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(resource_path("templates", "print.css").read_text(encoding="utf-8"))
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(markup)
    document.setPageSize(page)
    return document


@dataclass(frozen=True)
class Fit:
    """How a paper that fills its page came to fill it: the room spread in it (in CSS pixels) and how far its
    type grew.  ``Fit()`` is a paper laid out as it is (one longer than a page)."""

    room: float = 0
    growth: float = 1


def _pdf_writer(target: str | QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Village Station")
    return writer


def _page(writer: QPdfWriter) -> QSizeF:
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    return QSizeF(float(page.width()), float(page.height()))


def write_pdf(markup: str | Callable[[float, float], str], path: Path, *, title: str,
              images: dict[str, QImage] | None = None, fit: Fit | None = None) -> None:
    """Lay ``markup`` out on A4 pages and write them to ``path``; OSError when the file cannot be written.

    A paper that fills its page gives ``markup`` as a function of the room to spare on a one-page paper
    (in CSS pixels; 0 at first) and of how far its type may grow (1 at first): it is laid out again with
    the room spread where it wants it, and larger type when there is much room — or once, as ``fit`` says,
    when ``page_fit`` found it before (and it still fits)."""
    writer = _pdf_writer(str(path), title)
    page = _page(writer)
    if callable(markup):
        document, _fit = _filling_the_page(markup, writer, page, images=images, fit=fit)
    else:
        document = layout_document(markup, writer, page, images=images)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    width, height = page.width(), page.height()
    try:
        for number in range(document.pageCount()):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
    finally:
        painter.end()
    if not path.exists():
        raise OSError(f"cannot write {path}")


def page_fit(markup: Callable[[float, float], str], *, images: dict[str, QImage] | None = None) -> Fit:
    """How a paper that fills its page fills it, found without writing anything: laid out at once, it is
    written later with one layout (``write_pdf``'s ``fit``)."""
    buffer = QBuffer()
    writer = _pdf_writer(buffer, "")
    return _filling_the_page(markup, writer, _page(writer), images=images)[1]


# Type grows up to this much on a short paper; the room left is spread by the paper's own markup.
MOST_GROWTH = 1.3


def _filling_the_page(markup: Callable[[float, float], str], device: Any, page: QSizeF, *,
                      images: dict[str, QImage] | None, fit: Fit | None = None) -> tuple[QTextDocument, Fit]:
    """The layout of a paper that fills its one page: the largest type (up to MOST_GROWTH) that still fits,
    then the room left handed to the markup.  A paper longer than a page is laid out as it is.  A ``fit``
    found before is laid out alone while it still gives one page."""
    def layout(room: float, growth: float) -> QTextDocument:
        return layout_document(markup(room, growth), device, page, images=images)

    if fit is not None and fit != Fit():
        document = layout(fit.room, fit.growth)
        if document.pageCount() == 1:
            return document, fit
    document = layout(0, 1)
    if document.pageCount() > 1:
        return document, Fit()
    growth = 1.0
    for step in (MOST_GROWTH, 1.2, 1.1):
        bigger = layout(0, step)
        if bigger.pageCount() == 1:
            document, growth = bigger, step
            break
    pixels_per_css_pixel = RESOLUTION / 96
    room = (page.height() - document.size().height()) / pixels_per_css_pixel
    for share in (0.97, 0.9, 0.8):  # what a line's rounding takes is left over
        filled = layout(max(room * share, 0), growth)
        if filled.pageCount() == 1:
            return filled, Fit(max(room * share, 0), growth)
    return document, Fit(0, growth)


def qr_image(text: str) -> QImage:
    """A QR code of ``text`` as a crisp black-and-white image (segno draws it, Qt reads the PNG)."""
    import segno  # only when a sheet is printed

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=12, border=2)
    image = QImage.fromData(buffer.getvalue(), "PNG")
    if image.isNull():
        raise RuntimeError("the QR code image could not be made")
    return image


def seal_image() -> QImage:
    """A dashed circle marking where the seal goes."""
    size = 600
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor("#888888"), 6, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - 8, size / 2 - 8)
    font = default_font()
    font.setPixelSize(60)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "盖章处")
    painter.end()
    return image


# ---- the papers ----

def certificate_pdf(info: Any, path: Path, *, reprint: bool, today: str | dt.date = "",
                    sample: bool = False, fit: Fit | None = None) -> None:
    """志愿服务证明 for a ``CertificateInfo`` (or, ``sample``, a ``CertificateDraft`` to look at before it is
    issued: no number, marked as a sample, dated ``today``, the station's date; with neither, a blank date
    to write in by hand).  It fills its A4 page: the room a short one leaves goes above the title, above the
    list of services and above the signature (as ``fit`` says, when it was found before)."""
    number = getattr(info, "number", "")
    markup = certificate_markup(info, reprint=reprint, sample=sample, number=number,
                                issued_on=getattr(info, "issued_on", "") or today)
    write_pdf(markup, path, title=f"志愿服务证明 {number}".strip(), images=_certificate_images(), fit=fit)


def certificate_markup(info: Any, *, reprint: bool, sample: bool, number: str,
                       issued_on: str | dt.date) -> Callable[[float, float], str]:
    """The certificate's HTML as a function of the room to spread in it and of its type's growth."""
    content = [line for line in info.content if line.content.strip() or line.hours is not None]
    mark = "sample_mark.html" if sample else "reprint_mark.html" if reprint else ""
    values = dict(
        mark=Markup(template(mark).template if mark else ""),
        number=Markup(fill("certificate_number.html", number=number) if number else ""),
        name=info.name, identity=_identity(info.id_shown, info.volunteer_number),
        period_from=_unbroken(chinese_date(info.period_from)), period_to=_unbroken(chinese_date(info.period_to)),
        hours=_unbroken(paper_hours(info.hours)),
        content_rows=_rows([_content_cells(index, line) for index, line in enumerate(content, start=1)]
                           or [("", "", "", "")]),
        issuer=info.issuer, issued_on=chinese_date(issued_on) if issued_on else _BLANK_DATE)

    def markup(room: float, growth: float) -> str:
        return fill("certificate.html", style=Markup(_grown(growth)), space_above=_space(room * 0.3),
                    space_between=_space(room * 0.15), space_below=_space(room * 0.55), **values)

    return markup


def _certificate_images() -> dict[str, QImage]:
    return {"seal.png": seal_image()}


def _identity(id_shown: str, volunteer_number: str) -> Markup:
    """（身份证号 …，志愿者编号 …）after the name, leaving out what the volunteer has not got."""
    given = (("身份证号", id_shown), ("志愿者编号", volunteer_number))
    parts = [_unbroken(f"{label} {value}") for label, value in given if value]
    return Markup("（" + "，".join(parts) + "）") if parts else Markup("")


def _space(css_pixels: float) -> Markup:
    return Markup(f'<p class="space" style="margin-top: {css_pixels:.0f}px">&nbsp;</p>')


# The certificate's type at its usual size; a short certificate prints it larger (``growth``).
_CERTIFICATE_TYPE = {"h1.certificate": 26, "p.body": 15, "p.signature": 14}


def _grown(growth: float) -> str:
    return " ".join(f"{selector} {{ font-size: {size * growth:.1f}pt; }}"
                    for selector, size in _CERTIFICATE_TYPE.items())


def sign_in_sheet_pdf(sheet: Any, path: Path) -> None:
    """志愿服务活动签到表 for a ``SignInSheet``: the roster, blank lines for walk-ins, a QR code to check it."""
    activity = sheet.activity
    whole = _shift(activity.start_time, activity.end_time)
    lines = [(index, row.name, mask_phone(row.phone), _shift(row.start_time, row.end_time) or whole, "", "", "")
             for index, row in enumerate(sheet.rows, start=1)]
    blanks = max(WALK_IN_ROWS, SHEET_MIN_ROWS - len(lines))
    lines += [(len(lines) + extra, "", "", "", "", "", "") for extra in range(1, blanks + 1)]
    markup = fill(
        "sign_in_sheet.html",
        title=activity.title, kind=kind_text(activity.kind),
        team=activity.team_name or "—", date=chinese_date(activity.date), time=whole,
        place=activity.place or "—", village=sheet.village_name,
        rows=_rows(lines, cell_class="box"))
    write_pdf(markup, path, title=f"签到表 {activity.title}", images={"qr.png": qr_image(sign_in_qr_text(sheet))})


def sign_in_qr_text(sheet: Any) -> str:
    """What the sign-in sheet's QR code holds: the activity as a phone shows it to a person, in plain words
    (its name, kind, day and time, place and village), nothing only this program could read."""
    activity = sheet.activity
    lines = [f"活动名称：{_cut(activity.title)}", f"活动类型：{kind_text(activity.kind)}",
             f"时间：{chinese_date(activity.date)} {_shift(activity.start_time, activity.end_time)}".rstrip()]
    if activity.place:
        lines.append(f"地点：{_cut(activity.place)}")
    lines.append(f"村（社区）：{sheet.village_name}")
    return "\n".join(lines)


# A long title or place is cut in the QR code, so its squares stay large enough for an old phone's camera.
QR_MOST_CHARACTERS = 30


def _cut(text: str) -> str:
    return text if len(text) <= QR_MOST_CHARACTERS else text[:QR_MOST_CHARACTERS - 1] + "…"


def honour_list_pdf(title: str, nominations: Sequence[Any], path: Path, *, today: str | dt.date = "") -> None:
    """好人榜: each person's name, kind of good deed and what they did, dated ``today`` (the station's date;
    blank to write in by hand when not given)."""
    people = Markup("\n".join(
        fill("honour_person.html", name=item.name, category=category_text(item.category),
             deeds=hide_id_numbers(item.deeds))
        for item in nominations))
    markup = fill("honour_list.html", title=title, people=people, date=chinese_date(today) if today else _BLANK_DATE)
    write_pdf(markup, path, title=title)


def notice_pdf(nominations: Sequence[Any], path: Path, *, today: str | dt.date = "") -> None:
    """公示 of the people on notice: name, kind of good deed and deeds; never an ID number.  Dated ``today``
    (the station's date; blank to write in by hand when not given)."""
    starts = sorted(item.notice_from for item in nominations if item.notice_from)
    ends = sorted(item.notice_to for item in nominations if item.notice_to)
    markup = fill(
        "notice.html",
        notice_from=chinese_date(starts[0]) if starts else _BLANK_DATE,
        notice_to=chinese_date(ends[-1]) if ends else _BLANK_DATE,
        rows=_rows((index, item.name, category_text(item.category), hide_id_numbers(item.deeds))
                   for index, item in enumerate(nominations, start=1)),
        date=chinese_date(today) if today else _BLANK_DATE)
    write_pdf(markup, path, title="好人榜人选公示")


def household_summary_pdf(summary: Any, path: Path) -> None:
    """帮扶对象入户走访情况表 for a ``VisitSummary``: the household, its members, its categories and status, and
    everything it received, with room to write down the visit.  ID numbers masked (as the summary has them);
    the health, disability and income notes are not in a summary and never printed."""
    info = summary.household
    row = info.row
    categories = "、".join(_chinese_term(name) for name in row.category_names) or "—"
    members = [(index, member.name, chinese_label(Relation, member.relation), member.birth_date or "",
                member.id_masked) for index, member in enumerate(info.members, start=1)]
    timeline = [(entry.on, chinese_label(TimelineKind, entry.kind), entry.what, entry.by,
                 f"{entry.amount:g} 元" if entry.amount else "") for entry in summary.timeline]
    status = chinese_label(HouseholdStatus, row.status) + (f"（{chinese_date(row.status_on)}起）" if row.status_on
                                                            else "")
    markup = fill(
        "household_summary.html", village=summary.village_name, printed_on=chinese_date(summary.printed_on),
        head=row.head_name, id_masked=row.id_masked or "—", phone=row.phone or "—", size=row.size or "—",
        group=row.group_name or "—", address=row.address or "—", categories=categories,
        cause=row.poverty_cause or "—", status=status, recheck_on=chinese_date(row.recheck_on) if row.recheck_on
        else "—", members=_rows(members or [("", "", "", "", "")]),
        timeline=_rows(timeline or [("", "", "尚无记录", "", "")]), blank_date=_BLANK_DATE)
    write_pdf(markup, path, title=f"帮扶对象入户走访情况表 {row.head_name}")


def wish_report_pdf(report: Any, path: Path) -> None:
    """微心愿统计表 for a ``WishReport``: the year at a glance, each month's wishes by their status and what was
    fulfilled, and the wishes waiting longest, shown by the text on the board (no household is named)."""
    def days(taken: Any) -> str:
        return f"{taken.average:g} 天／{taken.longest} 天" if taken.count else "—"

    statuses = [status.value for status in WishStatus]
    months = [(f"{line.month}月", line.collected, *(line.by_status.get(code, 0) for code in statuses),
               line.fulfilled, f"{line.value_fulfilled:g}") for line in report.months]
    waiting = [(index, item.public_text, item.band, chinese_date(item.published_on), f"{item.waited_days} 天")
               for index, item in enumerate(report.waiting_longest, start=1)]
    markup = fill(
        "wish_report.html", year=report.year, village=report.village_name, made_on=chinese_date(report.made_on),
        collected=f"{sum(line.collected for line in report.months)} 个", fulfilled=f"{report.fulfilled} 个",
        value=f"{report.value_fulfilled:g} 元", waiting=f"{report.waiting} 个",
        to_claim=days(report.publish_to_claim), to_fulfil=days(report.claim_to_fulfilment),
        status_heads=Markup("".join(f"<th>{_html(chinese_label(WishStatus, code))}</th>" for code in statuses)),
        months=_rows(months), waiting_rows=_rows(waiting or [("", "没有等待认领的心愿", "", "", "")]))
    write_pdf(markup, path, title=f"{report.year}年微心愿统计表")


def yuan(amount: float) -> str:
    """An amount of money on paper: 1,200 元, 120.5 元."""
    return f"{amount:,.2f}".rstrip("0").rstrip(".") + " 元"


def sponsorship_report_pdf(report: Any, path: Path) -> None:
    """认领认捐（“5个100”）情况报表 for a ``SponsorshipReport``: each project's households sponsored and waiting
    against the city's target with the village's Lei Feng posts, the sponsorships overdue for a visit or a
    hand-over, and the hand-overs of the period with the notes that correct them.  Heads and sponsors by name
    only; nothing sensitive is in a report."""
    coverage = [(chinese_label(Project, item.project), item.households, item.sponsored, item.waiting, item.target)
                for item in report.coverage.projects]
    overdue = [(row.head_name, row.sponsor_name, chinese_label(Project, row.project),
                Markup(_unbroken(row.last_visit or "尚未走访") + ("（逾期）" if row.visit_overdue else "")),
                f"{row.handovers_made}/{row.handovers_due}" + (f"（缺{row.handovers_missed}次）"
                                                               if row.handovers_missed else "")
                if row.instalments else str(row.handovers_made))
               for row in report.overdue]
    handovers = [(_unbroken(row.happened_on), row.head_name, row.sponsor_name, chinese_label(Project, row.project),
                  row.what, _unbroken(yuan(row.amount)) if row.amount else "", row.notes) for row in report.handovers]
    period = f"{chinese_date(report.period_from)}至{chinese_date(report.period_to)}"
    markup = fill(
        "sponsorship_report.html", village=report.village_name, period=period,
        printed_on=chinese_date(report.printed_on), coverage=_rows(coverage),
        posts=report.coverage.leifeng_posts, posts_target=report.coverage.leifeng_target,
        visit_days=report.visit_days, overdue=_rows(overdue or [("", "", "无", "", "")]),
        handovers=_rows(handovers or [("", "", "", "", "本期无交付", "", "")]), total=yuan(report.handed_over),
        blank_date=_BLANK_DATE)
    write_pdf(markup, path, title=f"认领认捐情况报表 {report.village_name} {period}")


def hut_notice_pdf(notice: Any, path: Path, *, today: str | dt.date = "") -> None:
    """爱心扶贫小屋物资接收和发放公示 for a ``MonthNotice``: what came in (donors as they chose to be named, or
    爱心人士) and what went out (households masked as the notice has them), with the month's corrections.  No ID
    number, no health reason is in a notice."""
    def lines(found: Sequence[Any], empty: str) -> Markup:
        rows = [(_unbroken(line.happened_on), line.number, line.who,
                 line.what + (f"；现金 {yuan(line.cash_amount)} 已转交{line.cash_charity}" if line.cash_amount else "")
                 + (f"（更正 {line.corrects}）" if line.corrects else ""),
                 f"{line.value:g}" if line.value else "") for line in found]
        return _rows(rows or [("", "", "", empty, "")])

    corrections = Markup("")
    if notice.corrections:
        corrections = Markup(
            "<h2>三、更正</h2>\n<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">"
            "<thead><tr><th width=\"14%\">日期</th><th width=\"16%\">单号</th><th width=\"16%\">对象</th>"
            "<th>物资</th><th width=\"13%\">估价（元）</th></tr></thead>\n"
            + lines(notice.corrections, "") + "</table>")
    state = f"已于{chinese_date(notice.published_on)}公示" if notice.published_on else ""
    markup = fill("hut_notice.html", hut=notice.hut_name or "爱心扶贫小屋", village=notice.village_name,
                  month=_month_text(notice.month), state=state, came_in=lines(notice.came_in, "本月无接收"),
                  went_out=lines(notice.went_out, "本月无发放"), corrections=corrections,
                  date=chinese_date(today) if today else _BLANK_DATE)
    write_pdf(markup, path, title=f"物资接收和发放公示 {notice.month}")


def points_list_pdf(rows: Sequence[Any], path: Path, *, month: str, hut_name: str = "",
                    today: str | dt.date = "") -> None:
    """爱心超市积分公示 for a month's ``PointsNoticeRow``s: each household's head masked, its points earned and
    spent in the month and its balance at the month's end."""
    cells = [(index, row.name, row.earned, row.spent, row.balance) for index, row in enumerate(rows, start=1)]
    markup = fill("points_list.html", hut=hut_name or "爱心超市", month=_month_text(month),
                  rows=_rows(cells or [("", "本月无积分记录", "", "", "")]),
                  date=chinese_date(today) if today else _BLANK_DATE)
    write_pdf(markup, path, title=f"积分公示 {month}")


def count_sheet_pdf(sheet: Any, path: Path, *, hut_name: str = "", scope: str = "") -> None:
    """盘点表 for a ``StocktakeSheet``: each item with its unit and shelf, the figure the ledger expects (none on a
    blind count), a blank column for the count and one for the reason, and lines for the signatures."""
    cells = [(index, line.name, line.unit, line.shelf,
              "" if sheet.blind or line.expected is None else quantity_text(line.expected), "", "")
             for index, line in enumerate(sheet.lines, start=1)]
    markup = fill("count_sheet.html", hut=hut_name or "爱心扶贫小屋", scope=scope or "全部物品",
                  started=chinese_date(sheet.started_on), blind="盲盘（不列账面数量）" if sheet.blind else "",
                  rows=_rows(cells), blank_date=_BLANK_DATE)
    write_pdf(markup, path, title=f"盘点表 {sheet.started_on}")


def _month_text(month: str) -> str:
    """``2026-11`` → ``2026年11月``."""
    year, _, number = month.partition("-")
    return f"{year}年{int(number)}月" if number.isdigit() else month


def _chinese_term(name: str) -> str:
    """A category's name on paper: a built-in one in the Chinese of the lists, one the station added as it is."""
    return chinese_text(name) if isinstance(name, Term) else name


# A date to write in by hand when none was set.
_BLANK_DATE = Markup("&nbsp;" * 8 + "年" + "&nbsp;" * 4 + "月" + "&nbsp;" * 4 + "日")


def _content_cells(index: int, line: Any) -> tuple[Any, ...]:
    """A ``ServiceLine`` as the table's cells: number, day, what was done, hours (a line kept whole spans)."""
    if line.hours is None:
        return index, "", line.content, ""
    return index, line.served_on, line.content, paper_hours(line.hours)


def _shift(start: str, end: str) -> str:
    return f"{start}–{end}" if start and end else ""


# ---- saving and opening ----

def choose_pdf_path(parent: QWidget | None, title: str, suggested_name: str) -> Path | None:
    """Ask where to save the PDF; None when the person cancels.  Tests replace this function."""
    from ui.files import choose_save_path

    return choose_save_path(parent, title, suggested_name, ".pdf",
                            QCoreApplication.translate("Printing", "PDF files (*.pdf)"))


def open_pdf(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save a paper for printing; None when the person cancels."""
    return choose_pdf_path(parent, QCoreApplication.translate("Printing", "Save for printing"), suggested_name)


def open_saved_pdf(parent: QWidget | None, path: Path) -> None:
    """Open a saved paper in the system's PDF viewer to print; say where it is when it cannot be opened."""
    if not open_pdf(path):
        text = QCoreApplication.translate(
            "Printing", "Saved {file}, but it could not be opened. Open it from that folder to print it.")
        _show_problem(parent, text.format(file=path))


def save_and_open_pdf(parent: QWidget | None, context: Any, suggested_name: str,
                      write: Callable[[Path], None]) -> Path | None:
    """Ask where to save, write the PDF there and open it in the system's PDF viewer to print.

    Returns the path, or None when the person cancelled or the file could not be written (they are told).
    """
    path = ask_pdf_path(parent, suggested_name)
    if path is None:
        return None
    try:
        write(path)
    except OSError as exc:
        log.warning("could not write %s: %s", path, exc)
        text = QCoreApplication.translate(
            "Printing", "Could not save {file}. Choose another folder, or close the file if it is open in "
                        "another program, and try again.")
        _show_problem(parent, text.format(file=path))
        return None
    open_saved_pdf(parent, path)
    return path


class PaperNotSaved(UserError):
    """A register's paper (a certificate) could not be written where the person chose."""

    context = "Printing"


class CertificatePaper:
    """An issued or reprinted certificate as a PDF at ``path``, for the register, which keeps a number only
    for a certificate on paper (``desktop.services.certificates.Paper``).  Made off the screen's thread.

    ``prepare`` lays the paper out before the register is locked (it fills its page by laying out up to seven
    times; a sync waits for the lock meanwhile); ``write`` then writes it with one layout, to a file of its
    own beside ``path``; ``keep``, once the register has kept the certificate, puts it at ``path``, and
    ``discard`` takes it away when the register could not: no paper at ``path`` carries a number the
    register has not got, even after a power cut."""

    def __init__(self, path: Path, *, reprint: bool, today: str | dt.date) -> None:
        self.path, self.reprint, self.today = path, reprint, today
        self._written: Path | None = None
        self._fit: tuple[str, Fit] | None = None  # the layout found for a certificate's words, but its number

    def prepare(self, certificate: Any) -> None:
        """Find the layout of ``certificate`` (an issue's ``CertificateDraft``, a reprint's register entry) as
        it will be printed today, before its number is known: a number takes one line, whatever its digits."""
        markup = self._markup(certificate, number=_NUMBER_TO_COME)
        self._fit = (markup(0, 1), page_fit(markup, images=_certificate_images()))

    def _markup(self, certificate: Any, *, number: str) -> Callable[[float, float], str]:
        return certificate_markup(certificate, reprint=self.reprint, sample=False, number=number,
                                  issued_on=self.today)

    def write(self, certificate: Any) -> None:
        """Write the certificate beside ``path``, under a name of its own until ``keep``; a file that cannot be
        written, or a ``path`` held open by another program, is refused before the register keeps anything."""
        fit = None
        if self._fit is not None and self._markup(certificate, number=_NUMBER_TO_COME)(0, 1) == self._fit[0]:
            fit = self._fit[1]  # the words prepared are the words issued
        try:
            if self.path.exists():
                with self.path.open("r+b"):  # held by a PDF viewer: it could not be put in its place
                    pass
            # Named as unfinished (no viewer opens it as a PDF) until the register has kept its number.
            handle, name = tempfile.mkstemp(prefix=f"{self.path.name}.", suffix=".part", dir=self.path.parent)
            os.close(handle)
            self._written = Path(name)
            certificate_pdf(certificate, self._written, reprint=self.reprint, today=self.today, fit=fit)
        except OSError as exc:
            log.warning("could not write %s: %s", self.path, exc)
            self.discard()  # nothing half-written stays behind
            raise PaperNotSaved(QT_TRANSLATE_NOOP(
                "Printing", "Could not save {file}, so nothing was entered in the register and no number was "
                            "used. Choose another folder, or close the file if it is open in another program, "
                            "and try again."), file=str(self.path)) from exc

    def keep(self) -> None:
        """Put the written certificate at ``path``; should that fail now, it stays where it was written,
        and ``path`` says so."""
        if self._written is None:
            return
        try:
            os.replace(self._written, self.path)
        except OSError as exc:
            log.warning("could not move %s to %s: %s", self._written, self.path, exc)
            self.path = self._written
        self._written = None

    def discard(self) -> None:
        if self._written is None:
            return
        try:
            self._written.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self._written, exc)
        self._written = None


# Stands for a certificate's number while the paper is laid out before the number is given.
_NUMBER_TO_COME = "0000-000000000000-000000-0000"


# The one sample of a certificate, written over by the next (a sample is looked at, then forgotten).
CERTIFICATE_SAMPLE = "志愿服务证明（样张）.pdf"


def certificate_sample(draft: Any, *, today: str | dt.date, folder: DataFolder) -> Path:
    """A certificate not issued yet, as it would print (marked as a sample, without a number), to look at
    before a number is used: the one sample file in the data folder's samples, which the app empties when
    it starts and when it closes, for it names a person (and shows the full ID number when certificates
    do).  OSError when it cannot be written (the last sample still open in a PDF viewer that holds it)."""
    folder.samples.mkdir(parents=True, exist_ok=True)
    path = folder.samples / CERTIFICATE_SAMPLE
    certificate_pdf(draft, path, reprint=False, today=today, sample=True)
    return path


def _show_problem(parent: QWidget | None, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("Printing", "Printing")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing else holds a parentless box: keep it until it is closed
        _open_boxes.add(box)
        box.finished.connect(lambda *_: _open_boxes.discard(box))
    box.open()


_open_boxes: set[Any] = set()


# ---- the love hut's papers ----

def _quantity(line: Any) -> str:
    return _figure(line.quantity, line)


def intake_slip_markup(slip: Any) -> tuple[str, str]:
    """接收凭证 for an ``IntakeSlip``: the donor's copy and the hut's on one page, each with its signature lines and
    the words that it is not an official donation receipt.  Returns the markup and the paper's title."""
    from desktop.domain.hut import Condition

    lines = _rows([(index, line.name, _quantity(line), chinese_label(Condition, line.condition) if line.condition
                    else "", f"{line.value:g}" if line.value else "", line.expires_on)
                   for index, line in enumerate(slip.lines, start=1)] or [("", "（无物品）", "", "", "", "")])
    cash = (f"；现金 {yuan(slip.cash_amount)}，已转交{slip.cash_charity}（收据号 {slip.cash_receipt}），小屋不留存现金"
            if slip.cash_amount else "")
    copies = [fill("intake_slip_copy.html", hut_name=slip.hut_name or "爱心扶贫小屋", copy=copy, number=slip.number,
                   happened_on=chinese_date(slip.happened_on), donor=slip.donor_name,
                   contact=slip.donor_contact or "—", lines=lines, total=yuan(slip.total_value), cash=cash,
                   notes=f"备注：{slip.notes}" if slip.notes else "", village=slip.village_name,
                   hut_address=slip.hut_address, recorded_by=slip.recorded_by_name)
              for copy in ("第一联 捐赠人留存", "第二联 小屋留存")]
    markup = fill("intake_slip.html", copies=Markup('<hr/>'.join(copies)))
    return markup, f"接收凭证 {slip.number}"


def thank_you_markup(slip: Any) -> tuple[str, str]:
    """感谢信 to the donor of an ``IntakeSlip``."""
    from desktop.domain.hut import goods_text

    goods = goods_text((line.name, line.quantity, line.unit) for line in slip.lines) or "爱心物品"
    cash = f"及现金{yuan(slip.cash_amount)}（已转交{slip.cash_charity}）" if slip.cash_amount else ""
    markup = fill("thank_you.html", donor=slip.donor_name, happened_on=chinese_date(slip.happened_on),
                  hut_name=slip.hut_name or "爱心扶贫小屋", goods=goods, cash=cash, village=slip.village_name,
                  printed_on=chinese_date(slip.printed_on), number=slip.number)
    return markup, f"感谢信 {slip.donor_name}"


def distribution_markup(slip: Any) -> tuple[str, str]:
    """物品发放单 for a ``DistributionSlip``, with the recipient's signature line."""
    lines = _rows([(index, line.name, _quantity(line), f"{line.value:g}" if line.value else "")
                   for index, line in enumerate(slip.lines, start=1)] or [("", "（无物品）", "", "")])
    markup = fill("distribution.html", hut_name=slip.hut_name or "爱心扶贫小屋", number=slip.number,
                  happened_on=chinese_date(slip.happened_on),
                  recipient_caption="户主" if slip.recipient_kind == "household" else "活动",
                  recipient=slip.recipient_name, address=slip.household_address or "—", lines=lines,
                  total=yuan(slip.total_value), notes=f"备注：{slip.notes}" if slip.notes else "",
                  blank_date=_BLANK_DATE, village=slip.village_name, recorded_by=slip.recorded_by_name,
                  printed_on=chinese_date(slip.printed_on))
    return markup, f"物品发放单 {slip.number}"


# Each kind's paper (other than the intake slip and the distribution paper): its title and the two people who sign.
_DOCUMENT_PAPERS = {
    "exchange": ("积分兑换单", "兑换人（户主签字）", "小屋管理员（签字）"),
    "transfer_out": ("物资调拨单", "调出方经手人（签字）", "调入方接收人（签字）"),
    "transfer_in": ("调拨接收单", "调出方经手人（签字）", "调入方接收人（签字）"),
    "stocktake": ("盘点调整单", "盘点人（签字）", "复核人（签字）"),
    "opening": ("期初库存单", "盘点人（签字）", "复核人（签字）"),
    "reversal": ("冲销单", "经办人（签字）", "审核人（签字）"),
}


def _parties(pairs: Sequence[tuple[str, Any]]) -> Markup:
    """A header table's rows, two captions and their values to a row."""
    cells = [f'<th width="16%">{_html(caption)}</th><td class="cell" width="34%">{_html(value) or "&nbsp;"}</td>'
             for caption, value in pairs]
    return Markup("\n".join("<tr>" + "".join(cells[start:start + 2]) + "</tr>" for start in range(0, len(cells), 2)))


def _figure(number: float | None, line: Any, *, signed: bool = False) -> str:
    if number is None:
        return ""
    return f"{quantity_text(number, signed=signed)}{line.unit}"


def _document_columns(kind: str) -> list[tuple[str, Callable[[Any], str]]]:
    """The headings of a document's lines on paper, as its kind has them, and what each shows of a line."""
    from desktop.domain.hut import AdjustmentReason, Condition

    named = [("物品", lambda line: line.name), ("类别", lambda line: _chinese_term(line.category_name))]
    valued = [("估价（元）", lambda line: f"{line.value:g}" if line.value else "")]
    if kind in ("transfer_out", "transfer_in"):
        return [*named, ("调出数量", lambda line: _figure(line.sent, line)),
                ("实收数量", lambda line: _figure(line.received, line)),
                ("差异", lambda line: _figure(line.difference, line, signed=True)),
                ("差异原因", lambda line: line.received_reason), *valued, ("有效期", lambda line: line.expires_on)]
    if kind == "stocktake":
        return [*named, ("调整数量", lambda line: _figure(line.quantity, line, signed=True)),
                ("原因", lambda line: chinese_label(AdjustmentReason, line.reason) if line.reason else ""), *valued]
    return [*named, ("数量", lambda line: _figure(line.quantity, line, signed=kind == "reversal")),
            ("新旧", lambda line: chinese_label(Condition, line.condition) if line.condition else ""), *valued,
            ("有效期", lambda line: line.expires_on)]


def document_markup(paper: Any) -> tuple[str, str]:
    """A posted document of any kind but an intake or a distribution (a ``PostedDocument``) on A4: who it concerns,
    each line, and the signature lines its paper needs — an exchange the household's and the hut manager's, a
    transfer the sender's and the receiver's, a count who counted and who checked it."""
    from desktop.domain.hut import DocumentKind

    title, first, second = _DOCUMENT_PAPERS[paper.kind]
    kind = paper.kind
    columns = _document_columns(kind)
    headings = Markup('<th width="6%">序号</th>' + "".join(f"<th>{_html(heading)}</th>" for heading, _ in columns))
    lines = _rows([(index, *(cell(line) for _, cell in columns)) for index, line in enumerate(paper.lines, start=1)]
                  or [("", "（无物品）", *[""] * (len(columns) - 1))])
    parties: list[tuple[str, Any]] = []
    if kind == "exchange":
        parties = [("户主", paper.counterpart), ("住址", paper.household_address or "—")]
    elif kind in ("transfer_out", "transfer_in"):
        parties = [("调出小屋", paper.from_hut), ("调入小屋", paper.to_hut)]
    elif kind == "reversal":
        parties = [("冲销单据", f"{paper.corrects_number} {chinese_label(DocumentKind, paper.corrects_kind)}".strip()),
                   ("冲销原因", paper.notes)]
    else:
        parties = [("小屋", paper.hut_name or "爱心扶贫小屋"), ("村", paper.village_name)]
    notes = paper.notes if kind != "reversal" else ""
    markup = fill("hut_document.html", hut_name=paper.hut_name or "爱心扶贫小屋", title=title, number=paper.number,
                  happened_on=chinese_date(paper.happened_on), parties=_parties(parties), headings=headings,
                  lines=lines, total=yuan(paper.total_value),
                  points=f"；使用积分 {paper.points} 分" if paper.points else "",
                  notes=f"备注：{notes}" if notes else "", first=first, second=second, blank_date=_BLANK_DATE,
                  village=paper.village_name, recorded_by=paper.recorded_by_name,
                  printed_on=chinese_date(paper.printed_on))
    return markup, f"{title} {paper.number}"


def print_on_paper(parent: QWidget | None, markup: str, *, title: str) -> bool:
    """Send a paper to a printer the person chooses in Qt's print dialog; False when they cancel."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document = layout_document(markup, printer, QSizeF(printer.pageLayout().paintRectPixels(printer.resolution())
                                                       .size()))
    document.print_(printer)
    return True
