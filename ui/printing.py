"""Papers to print: certificates, sign-in sheets and good-people lists, written as A4 PDF files with Qt."""

from __future__ import annotations

import datetime as dt
import html
import io
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
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

from desktop.domain.id_number import mask_id_number
from desktop.domain.phone import mask_phone
from desktop.domain.volunteering import HOURS_UNIT_CHINESE, hours_text
from resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# Chinese fonts first: the common Windows ones, then the one Linux machines have, so the PDF carries
# real Chinese text (not boxes) wherever it is made.
FONT_FAMILIES = ["Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"]
RESOLUTION = 300
MARGINS_MM = QMarginsF(20, 18, 20, 18)
WALK_IN_ROWS = 5      # blank lines at least, for people who come without being on the roster
SHEET_MIN_ROWS = 18   # the sheet fills up to this many lines so a short roster still leaves room

# The papers are official Chinese documents whatever the interface language, so their words live here
# and in the templates, not in tr().
ACTIVITY_KINDS = {
    "volunteer_day": "志愿服务日",
    "leifeng_post": "学雷锋志愿服务岗",
    "training": "培训",
    "five_hundred": "“5个100”项目",
    "wish_delivery": "微心愿送达",
    "other": "其他",
}
GOOD_DEED_CATEGORIES = {
    "helping": "助人为乐",
    "bravery": "见义勇为",
    "honesty": "诚实守信",
    "dedication": "敬业奉献",
    "filial": "孝老爱亲",
}


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


_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")


def hide_id_numbers(text: str) -> str:
    """Mask anything that looks like an ID number typed into free text (deeds are posted in public)."""
    return _ID_NUMBER.sub(lambda found: mask_id_number(found.group(0)), text)


def category_text(category: str) -> str:
    return GOOD_DEED_CATEGORIES.get(category, category)


def paper_hours(value: float) -> str:
    """Hours on paper: the figure and 小时, as everywhere else."""
    return hours_text(value, unit=HOURS_UNIT_CHINESE)


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


def write_pdf(markup: str, path: Path, *, title: str, images: dict[str, QImage] | None = None) -> None:
    """Lay ``markup`` out on A4 pages and write them to ``path``; OSError when the file cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Village Station")

    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(page.width()), float(page.height())
    document = layout_document(markup, writer, QSizeF(width, height), images=images)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
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

def certificate_pdf(info: Any, path: Path, *, reprint: bool, today: str | dt.date = "") -> None:
    """志愿服务证明 for a ``CertificateInfo`` (or a ``CertificateDraft`` for a preview: no number, dated
    ``today``, the station's date; with neither, a blank date to write in by hand)."""
    number = getattr(info, "number", "")
    issued_on = getattr(info, "issued_on", "") or today
    content = [line for line in info.content if line.content.strip() or line.hours is not None]
    markup = fill(
        "certificate.html",
        reprint_mark=Markup(template("reprint_mark.html").template if reprint else ""),
        number=number, name=info.name, id_shown=info.id_shown or "—",
        volunteer_number=info.volunteer_number or "—",
        period_from=chinese_date(info.period_from), period_to=chinese_date(info.period_to),
        hours=paper_hours(info.hours),
        content_rows=_rows([_content_cells(index, line) for index, line in enumerate(content, start=1)]
                           or [("", "", "", "")]),
        issuer=info.issuer, issued_on=chinese_date(issued_on) if issued_on else _BLANK_DATE)
    write_pdf(markup, path, title=f"志愿服务证明 {number}".strip(), images={"seal.png": seal_image()})


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
        title=activity.title, kind=ACTIVITY_KINDS.get(activity.kind, activity.kind),
        team=activity.team_name or "—", date=chinese_date(activity.date), time=whole,
        place=activity.place or "—", village=sheet.village_name,
        rows=_rows(lines, cell_class="box"))
    write_pdf(markup, path, title=f"签到表 {activity.title}", images={"qr.png": qr_image(sheet.qr_text)})


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


def save_and_open_pdf(parent: QWidget | None, context: Any, suggested_name: str,
                      write: Callable[[Path], None]) -> Path | None:
    """Ask where to save, write the PDF there and open it in the system's PDF viewer to print.

    Returns the path, or None when the person cancelled or the file could not be written (they are told).
    """
    path = choose_pdf_path(parent, QCoreApplication.translate("Printing", "Save for printing"), suggested_name)
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
    if not open_pdf(path):
        text = QCoreApplication.translate(
            "Printing", "Saved {file}, but it could not be opened. Open it from that folder to print it.")
        _show_problem(parent, text.format(file=path))
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
