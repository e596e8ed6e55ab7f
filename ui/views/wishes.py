"""The micro-wishes areas: the village's wishes (微心愿) from collection to fulfilment, each step a dialog, with the
report; and the city's wish board (心愿墙), where any village's published wish is claimed, with the claims made
here and how each stands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLocale, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.domain.wishes import (
    BoardState,
    ClaimantKind,
    ClaimOutcome,
    WishAction,
    WishCategory,
    WishStatus,
    band_text,
)
from desktop.services import wishes
from desktop.services.wishes import (
    BoardPlaces,
    BoardRow,
    ClaimInfo,
    Photo,
    PhotoInfo,
    WishForm,
    WishInfo,
    WishReport,
)
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.export import export_bytes, export_rows
from ui.files import choose_open_path
from ui.forms import FormMessage, save_cancel_buttons, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read, write
from ui.programme import label, today
from ui.table import Column, RecordTableModel, record_table
from ui.tasks import Progress, Task
from ui.views.lists import ListArea

NOTE_HEIGHT = 70
PHOTO_SIDE = 1600  # a larger photo is made this size before it is kept: enough to see, small to keep
# The bands the board's value filter offers: (low, high), high None for "and above".
VALUE_CHOICES: tuple[tuple[int, int | None], ...] = ((0, 100), (100, 200), (200, 300), (300, 500), (500, None))
WAITED_CHOICES = (7, 30, 90)


def _note_edit(name: str, height: int = NOTE_HEIGHT) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _intro(text: str) -> QLabel:
    shown = QLabel(text)
    shown.setWordWrap(True)
    return shown


def money(value: float) -> str:
    return QCoreApplication.translate("WishesView", "¥{amount}").format(amount=f"{value:g}")


def hold_text(info: WishInfo) -> str:
    """Who holds a wish, from which village, and until when (once in contact, until it is fulfilled)."""
    hold = info.hold
    if hold is None:
        return ""
    if info.board_state == BoardState.CONTACTED:
        return QCoreApplication.translate("WishesView", "{name} ({village}), in contact since {day}").format(
            name=hold.claimant_name, village=hold.village_name, day=info.contacted_on)
    return QCoreApplication.translate("WishesView", "{name} ({village}), held until {day}").format(
        name=hold.claimant_name, village=hold.village_name, day=hold.held_until)


def board_text(info: WishInfo) -> str:
    """Where the wish stands on the city's board, as the village's list says it."""
    if info.hold is not None and info.status == WishStatus.PUBLISHED:
        return hold_text(info)
    return label(BoardState, info.board_state) if info.board_state else ""


# -- writing a wish down ------------------------------------------------------------------------------------------

class WishDialog(QDialog):
    """Collect a household's wish in its own words, or change one not yet published."""

    def __init__(self, context: AppContext, info: WishInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.saved: WishInfo | None = None
        self.household_id = info.household_id if info else ""
        self.setObjectName("wishDialog")
        self.setWindowTitle(self.tr("Collect a wish") if info is None else self.tr("Change wish"))
        form, below = scrolling_form(self)
        household = QHBoxLayout()
        self.household_name = QLabel(objectName="householdName")
        self.pick_button = QPushButton(self.tr("Choose a household…"), objectName="pickHousehold")
        household.addWidget(self.household_name, 1)
        household.addWidget(self.pick_button)
        self.words = _note_edit("words", 90)
        self.words.setPlaceholderText(self.tr("As the household said it; this stays in the village"))
        self.category = QComboBox(objectName="category")
        for category in WishCategory:
            self.category.addItem(translate("desktop", category.label), category.value)
        self.value = QLineEdit(objectName="estimatedValue")
        self.value.setPlaceholderText(self.tr("In yuan, like 120"))
        self.wanted_by = QLineEdit(objectName="wantedBy")
        self.wanted_by.setPlaceholderText(self.tr("2026-12-31 or 2026年12月31日; may be left empty"))
        self.notes = QLineEdit(objectName="notes")
        form.addRow(self.tr("Household"), household)
        form.addRow(self.tr("The wish, in the household's words"), self.words)
        form.addRow(self.tr("Kind of wish"), self.category)
        form.addRow(self.tr("Worth about"), self.value)
        form.addRow(self.tr("Wanted by"), self.wanted_by)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(_intro(self.tr("A micro-wish is worth at most ¥{cap}; one worth more is not taken up when it is "
                                   "vetted.").format(cap=context.settings.wish_value_cap)))
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.pick_button.clicked.connect(self.pick)
        self.household_name.setText(info.head_name if info else self.tr("None chosen yet"))
        if info is not None:
            self.words.setPlainText(info.words)
            self.category.setCurrentIndex(max(self.category.findData(info.category), 0))
            self.value.setText(f"{info.estimated_value:g}")
            self.wanted_by.setText(info.wanted_by)
            self.notes.setText(info.notes)
        self.words.setFocus()

    def pick(self) -> QDialog:
        from ui.household_picker import pick_one
        return pick_one(self, self.context, lambda row: self.set_household(row.id, row.head_name))

    def set_household(self, household_id: str, name: str) -> None:
        self.household_id = household_id
        self.household_name.setText(name)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"household_id": self.pick_button, "words": self.words, "category": self.category,
                "estimated_value": self.value, "wanted_by": self.wanted_by, "notes": self.notes}

    def save(self) -> None:
        form = WishForm(household_id=self.household_id, words=self.words.toPlainText(),
                        category=self.category.currentData(), estimated_value=self.value.text(),
                        wanted_by=self.wanted_by.text(), notes=self.notes.text())
        info = self.info

        def work(uow: UnitOfWork) -> WishInfo:
            if info is None:
                return wishes.collect_wish(uow, form=form)
            return wishes.update_wish(uow, wish_id=info.id, form=form)

        if not self.household_id:
            self.message.show_problem(self.tr("Choose the household whose wish it is."))
            self.pick_button.setFocus()
            return
        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, info: WishInfo) -> None:
        self.saved = info
        self.accept()


def _wish_summary(info: WishInfo) -> str:
    return QCoreApplication.translate("WishesView", "{name}'s household: “{words}”, worth about {value}.").format(
        name=info.head_name, words=info.words, value=money(info.estimated_value))


class StepDialog(QDialog):
    """One step of a wish that takes a few words (vet, reject, withdraw, reopen, let a claim go): what it does,
    a note, and the button that does it."""

    def __init__(self, context: AppContext, info: WishInfo, *, name: str, title: str, explanation: str,
                 note_label: str, action: str, work: Callable[[UnitOfWork, str], WishInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info, self.work = context, info, work
        self.saved: WishInfo | None = None
        self.setObjectName(name)
        self.setWindowTitle(title)
        form, below = scrolling_form(self)
        form.addRow(_intro(_wish_summary(info)))
        form.addRow(_intro(explanation))
        self.note = _note_edit("note")
        form.addRow(note_label, self.note)
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(action)
        below.addWidget(buttons)
        self.note.setFocus()

    def save(self) -> None:
        note, work = self.note.toPlainText(), self.work
        write(self.context, self, lambda uow: work(uow, note),
              form=Form(self.message, {"note": self.note, "reason": self.note, "estimated_value": self.note,
                                       "wish_id": self.note}), done=self._saved)

    def _saved(self, info: WishInfo) -> None:
        self.saved = info
        self.accept()


class PublishDialog(QDialog):
    """Write the wish for the city's board: no name, no ID or phone number (the check names what it finds); the
    board shows the band of its value, its kind and its village and township."""

    def __init__(self, context: AppContext, info: WishInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.saved: WishInfo | None = None
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish on the wish board"))
        form, below = scrolling_form(self)
        words = QLabel(info.words, objectName="householdWords")
        words.setWordWrap(True)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("In the household's words (stays in the village)"), words)
        form.addRow(_intro(self.tr(
            "Every village's station will see the text below on the city's wish board, with the kind of wish, "
            "{band} and the village and township. Write it so nobody can tell who the household is: no names, no "
            "ID or phone numbers.").format(band=info.band)))
        self.public_text = _note_edit("publicText", 90)
        self.public_text.setPlaceholderText(self.tr("For example: 本村一名小学生想要一个新书包。"))
        form.addRow(self.tr("Text on the board"), self.public_text)
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Publish"))
        below.addWidget(buttons)
        self.public_text.setFocus()

    def save(self) -> None:
        wish_id, text = self.info.id, self.public_text.toPlainText()
        write(self.context, self, lambda uow: wishes.publish_wish(uow, wish_id=wish_id, public_text=text),
              form=Form(self.message, {"public_text": self.public_text, "wish_id": self.public_text}),
              done=self._saved)

    def _saved(self, info: WishInfo) -> None:
        self.saved = info
        self.accept()


class ContactDialog(QDialog):
    """The claimant has been in touch: from then on the claim holds the wish until it is fulfilled."""

    def __init__(self, context: AppContext, info: WishInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.saved: WishInfo | None = None
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Record contact"))
        form, below = scrolling_form(self)
        form.addRow(_intro(_wish_summary(info)))
        hold = info.hold
        if hold is not None:
            form.addRow(self.tr("Claimed by"), _intro(self.tr("{name} ({village}), reached at {contact}").format(
                name=hold.claimant_name, village=hold.village_name, contact=hold.claimant_contact or "—")))
            form.addRow(_intro(self.tr("The claim holds the wish until {day}. Once contact is recorded it holds it "
                                       "until the wish is fulfilled.").format(day=hold.held_until)))
        self.on = QLineEdit(today(context).isoformat(), objectName="contactedOn")
        self.note = _note_edit("note")
        form.addRow(self.tr("In touch on"), self.on)
        form.addRow(self.tr("Note"), self.note)
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Record contact"))
        below.addWidget(buttons)

    def save(self) -> None:
        wish_id, on, note = self.info.id, self.on.text(), self.note.toPlainText()
        write(self.context, self, lambda uow: wishes.record_contact(uow, wish_id=wish_id, contacted_on=on, note=note),
              form=Form(self.message, {"contacted_on": self.on, "note": self.note, "wish_id": self.on}),
              done=self._saved)

    def _saved(self, info: WishInfo) -> None:
        self.saved = info
        self.accept()


def photo_bytes(path: Path) -> Photo | None:
    """A photo read from its file, made at most PHOTO_SIDE on a side (as a JPEG) when larger; None when the file
    is no picture Qt can read."""
    image = QImage(str(path))
    if image.isNull():
        return None
    if max(image.width(), image.height()) <= PHOTO_SIDE and path.suffix.lower() in (".jpg", ".jpeg", ".png"):
        return Photo(path.name, path.read_bytes())
    image = image.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    buffer.close()
    return Photo(path.with_suffix(".jpg").name, bytes(data.data()))


def choose_photo_file(parent: QWidget | None) -> Path | None:
    """Ask for the photo of the hand-over; None when the person cancels.  Tests replace this function."""
    return choose_open_path(parent, QCoreApplication.translate("WishesView", "Choose the photo of the hand-over"),
                            QCoreApplication.translate("WishesView", "Pictures (*.jpg *.jpeg *.png *.bmp)"))


class FulfilDialog(QDialog):
    """The wish was handed over: the day, what was given and by whom, a photo kept at this station only, and the
    household's confirmation."""

    def __init__(self, context: AppContext, info: WishInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.saved: WishInfo | None = None
        self.photo: Photo | None = None
        self.setObjectName("fulfilDialog")
        self.setWindowTitle(self.tr("Record the fulfilment"))
        form, below = scrolling_form(self)
        form.addRow(_intro(_wish_summary(info)))
        self.on = QLineEdit(today(context).isoformat(), objectName="fulfilledOn")
        self.given = _note_edit("given")
        self.given.setPlaceholderText(self.tr("What the household received, like 书包一个、文具一套"))
        self.given_by = QLineEdit(info.hold.claimant_name if info.hold else "", objectName="givenBy")
        photo = QHBoxLayout()
        self.photo_name = QLabel(self.tr("No photo"), objectName="photoName")
        self.photo_button = QPushButton(self.tr("Choose photo…"), objectName="choosePhoto")
        self.no_photo_button = QPushButton(self.tr("No photo"), objectName="removePhoto")
        self.no_photo_button.setVisible(False)
        photo.addWidget(self.photo_name, 1)
        photo.addWidget(self.photo_button)
        photo.addWidget(self.no_photo_button)
        self.confirmed = QCheckBox(self.tr("The household confirmed it received the wish"), objectName="confirmed")
        self.confirmation_note = QLineEdit(objectName="confirmationNote")
        self.confirmation_note.setPlaceholderText(self.tr("For example: 户主签字确认"))
        form.addRow(self.tr("Handed over on"), self.on)
        form.addRow(self.tr("What was given"), self.given)
        form.addRow(self.tr("Given by"), self.given_by)
        form.addRow(self.tr("Photo (kept at this station only)"), photo)
        form.addRow(self.confirmed)
        form.addRow(self.tr("How it was confirmed"), self.confirmation_note)
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Record fulfilment"))
        below.addWidget(buttons)
        self.photo_button.clicked.connect(self.choose_photo)
        self.no_photo_button.clicked.connect(lambda: self.set_photo(None))
        self.given.setFocus()

    def choose_photo(self) -> None:
        path = choose_photo_file(self)
        if path is not None:
            self.set_photo(path)

    def set_photo(self, path: Path | None) -> None:
        """Take the photo at ``path`` (None: no photo); a file that is no picture is said so at once."""
        if path is None:
            self.photo = None
        else:
            photo = photo_bytes(path)
            if photo is None:
                self.message.show_problem(self.tr("{file} is not a picture. Choose a photo (JPEG or PNG).").format(
                    file=path.name))
                return
            self.message.clear()
            self.photo = photo
        self.photo_name.setText(self.photo.file_name if self.photo else self.tr("No photo"))
        self.no_photo_button.setVisible(self.photo is not None)

    def save(self) -> None:
        wish_id, on, given, given_by = self.info.id, self.on.text(), self.given.toPlainText(), self.given_by.text()
        confirmed, note, photo = self.confirmed.isChecked(), self.confirmation_note.text(), self.photo
        write(self.context, self, lambda uow: wishes.fulfil_wish(
            uow, wish_id=wish_id, fulfilled_on=on, given=given, given_by=given_by, confirmed=confirmed,
            confirmation_note=note, photo=photo),
            form=Form(self.message, {"fulfilled_on": self.on, "given": self.given, "given_by": self.given_by,
                                     "photo": self.photo_button, "confirmed": self.confirmed,
                                     "confirmation_note": self.confirmation_note, "wish_id": self.given}),
            done=self._saved)

    def _saved(self, info: WishInfo) -> None:
        self.saved = info
        self.accept()


class WishDetailsDialog(QDialog):
    """Everything about a wish: the household's words, the board's text, its steps, the claim that holds it and
    the photo of the hand-over."""

    def __init__(self, context: AppContext, info: WishInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.setObjectName("wishDetailsDialog")
        self.setWindowTitle(self.tr("Wish details"))
        form, below = scrolling_form(self)
        lines = [
            (self.tr("Household"), info.head_name),
            (self.tr("The wish, in the household's words"), info.words),
            (self.tr("Kind of wish"), label(WishCategory, info.category)),
            (self.tr("Worth about"), money(info.estimated_value)),
            (self.tr("Wanted by"), info.wanted_by),
            (self.tr("Status"), label(WishStatus, info.status)),
            (self.tr("Collected"), f"{info.collected_on} {info.collected_by}".strip()),
            (self.tr("Vetted on"), info.vetted_on),
            (self.tr("Decision note"), info.decision_note),
            (self.tr("Published on"), info.published_on),
            (self.tr("Text on the board"), info.public_text),
            (self.tr("On the board"), board_text(info)),
            (self.tr("Handed over on"), info.fulfilled_on),
            (self.tr("What was given"), info.given),
            (self.tr("Given by"), info.given_by),
            (self.tr("How it was confirmed"), info.confirmation_note if info.confirmed else ""),
            (self.tr("Notes"), info.notes),
        ]
        for caption, value in lines:
            if value:
                shown = _intro(value)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(caption, shown)
        self.photo = QLabel(objectName="photo")
        self.photo.setVisible(False)
        form.addRow(self.photo)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        below.addWidget(close)
        if info.has_photo:
            wish_id = info.id
            read(context, self, lambda uow: wishes.wish_photo(uow, wish_id=wish_id), done=self._show_photo)

    def _show_photo(self, photo: PhotoInfo | None) -> None:
        if photo is None:
            return
        image = QPixmap()
        if image.loadFromData(photo.data):
            self.photo.setPixmap(image.scaled(320, 240, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            self.photo.setToolTip(photo.file_name)
            self.photo.setVisible(True)


# -- the report -----------------------------------------------------------------------------------------------------

class WishReportDialog(QDialog):
    """The village's micro-wishes over a year, read in the background: by status and month, the value fulfilled,
    how long claims and fulfilments took and the wishes waiting longest; printed on A4 or saved to Excel."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: WishReport | None = None
        self.setObjectName("wishReportDialog")
        self.setWindowTitle(self.tr("Micro-wish report"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        choice = FlowLayout()
        self.year = QSpinBox(objectName="reportYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today(context).year)
        self.show_button = QPushButton(self.tr("Show"), objectName="showReport")
        choice.addWidget(QLabel(self.tr("Year")))
        choice.addWidget(self.year)
        choice.addWidget(self.show_button)
        choice.addStretch()
        layout.addLayout(choice)
        content = scrolling_part(layout)
        self.summary = _intro("")
        self.summary.setObjectName("reportSummary")
        content.addWidget(self.summary)
        self.month_columns = [Column(self.tr("Month"), lambda m: m.month, align_right=True),
                              Column(self.tr("Collected"), lambda m: m.collected, align_right=True)]
        self.month_columns += [Column(translate("desktop", status.label),
                                      lambda m, code=status.value: m.by_status.get(code, 0), align_right=True)
                               for status in WishStatus]
        self.month_columns += [Column(self.tr("Fulfilled in the month"), lambda m: m.fulfilled, align_right=True),
                               Column(self.tr("Value fulfilled"), lambda m: money(m.value_fulfilled),
                                      align_right=True, sort_value=lambda m: m.value_fulfilled)]
        self.months = RecordTableModel(self.month_columns, row_id=lambda m: m.month, parent=self)
        self.months_table = record_table(self.months, name="monthsTable")
        self.months_table.setMinimumHeight(self.months_table.verticalHeader().defaultSectionSize() * 6)
        content.addWidget(QLabel(self.tr("Wishes collected each month, by their status now")))
        content.addWidget(self.months_table, 1)
        self.waiting_columns = [
            Column(self.tr("Waited (days)"), lambda w: w.waited_days, align_right=True),
            Column(self.tr("Household"), lambda w: w.head_name),
            Column(self.tr("Wish"), lambda w: w.words),
            Column(self.tr("Value"), lambda w: w.band),
            Column(self.tr("Published on"), lambda w: w.published_on),
        ]
        self.waiting = RecordTableModel(self.waiting_columns, row_id=lambda w: w.id, parent=self)
        self.waiting_table = record_table(self.waiting, name="waitingTable")
        self.waiting_table.setMinimumHeight(self.waiting_table.verticalHeader().defaultSectionSize() * 4)
        content.addWidget(QLabel(self.tr("Wishes waiting longest on the board, today")))
        content.addWidget(self.waiting_table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printReport")
        self.export_button = buttons.addButton(self.tr("Export to Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportReport")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_button.clicked.connect(self.load)
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self.export)
        self._update()
        self.load()

    def _work(self) -> Callable[[UnitOfWork, Progress], WishReport]:
        year = self.year.value()

        def work(uow: UnitOfWork, progress: Progress) -> WishReport:
            def step(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total, "")

            return wishes.wish_report(uow, year=year, progress=step)

        return work

    def load(self) -> Task:
        return read(self.context, self, self._work(), done=self._show, progress=True,
                    title=self.tr("Reading the micro-wish report…"))

    def _show(self, report: WishReport) -> None:
        self.report = report
        self.months.set_rows(list(report.months))
        self.waiting.set_rows(list(report.waiting_longest))
        self.months_table.resizeColumnsToContents()
        self.summary.setText(self.tr(
            "{year}: {collected} wishes collected, {fulfilled} fulfilled, worth {value} in all. From the board to a "
            "claim took {claim} days on average (at most {claim_most}); from the claim to the hand-over {fulfil} "
            "days (at most {fulfil_most}).").format(
            year=report.year, collected=sum(line.collected for line in report.months), fulfilled=report.fulfilled,
            value=money(report.value_fulfilled), claim=QLocale().toString(report.publish_to_claim.average, "f", 1),
            claim_most=report.publish_to_claim.longest,
            fulfil=QLocale().toString(report.claim_to_fulfilment.average, "f", 1),
            fulfil_most=report.claim_to_fulfilment.longest))
        self._update()

    def _update(self) -> None:
        self.print_button.setEnabled(self.report is not None)

    def print_report(self) -> None:
        from ui import printing

        report = self.report
        if report is None:
            return
        printing.save_and_open_pdf(self, self.context, self.tr("Micro-wish report {year}.pdf").format(
            year=report.year), lambda path: printing.wish_report_pdf(report, path))

    def export(self) -> Task | None:
        from desktop.spreadsheets import Sheet, workbook_bytes
        from ui.export import table_rows

        year = self.year.value()
        months, waiting = list(self.month_columns), list(self.waiting_columns)
        titles = (self.tr("By month"), self.tr("Waiting longest"), self.tr("Summary"))
        summary_heads = [self.tr("What"), self.tr("Figure")]
        summary_lines = [self.tr("Wishes fulfilled"), self.tr("Value fulfilled (yuan)"),
                         self.tr("Days from the board to a claim, on average"),
                         self.tr("Days from the claim to the hand-over, on average")]

        def make(uow: UnitOfWork) -> bytes:
            report = wishes.wish_report(uow, year=year)
            figures = [report.fulfilled, report.value_fulfilled, report.publish_to_claim.average,
                       report.claim_to_fulfilment.average]
            return workbook_bytes([
                Sheet(titles[0], [c.title for c in months], table_rows(months, report.months)),
                Sheet(titles[1], [c.title for c in waiting], table_rows(waiting, report.waiting_longest)),
                Sheet(titles[2], summary_heads, [[line, figure] for line, figure in zip(summary_lines, figures,
                                                                                        strict=True)])])

        return export_bytes(self, self.context, suggested_name=self.tr("micro-wishes-{year}").format(year=year),
                            title=self.tr("Micro-wish report"), make_bytes=make)


# -- the village's wishes -----------------------------------------------------------------------------------------

class WishesView(ListArea):
    """The village's micro-wishes, newest first, each step a button enabled by what the service says may be done
    next with the chosen wish."""

    shows = frozenset({"wishes", "wish_board", "wish_claims", "wish_photos", "households"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="wishesView", title=self.tr("Micro-wishes"), table_name="wishesTable",
                         columns=[
            Column(self.tr("Collected on"), lambda w: w.collected_on),
            Column(self.tr("Household"), lambda w: w.head_name, names=True),
            Column(self.tr("Wish"), lambda w: w.words),
            Column(self.tr("Kind"), lambda w: label(WishCategory, w.category)),
            Column(self.tr("Worth about"), lambda w: money(w.estimated_value), align_right=True,
                   sort_value=lambda w: w.estimated_value),
            Column(self.tr("Wanted by"), lambda w: w.wanted_by),
            Column(self.tr("Status"), lambda w: label(WishStatus, w.status)),
            Column(self.tr("On the board"), board_text),
            Column(self.tr("Text on the board"), lambda w: w.public_text),
        ])
        self.may_edit = context.can(Permission.EDIT_HOUSEHOLDS)
        self.last_dialog: QDialog | None = None
        self.add_search(self.tr("Search: household, or words of the wish"))
        status = QComboBox(objectName="statusFilter")
        status.addItem(self.tr("Any status"), "")
        for choice in WishStatus:
            status.addItem(translate("desktop", choice.label), choice.value)
        self.status_filter = self.add_filter(self.tr("Status"), status)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(2, 240)
        self.table.doubleClicked.connect(lambda *_: self.open_details())

        steps = [
            ("collect", self.tr("Collect a wish…"), "collectWish", self.collect, None),
            ("edit", self.tr("Change…"), "editWish", self.edit, WishAction.EDIT),
            ("vet", self.tr("Vet…"), "vetWish", self.vet, WishAction.VET),
            ("reject", self.tr("Reject…"), "rejectWish", self.reject_wish, WishAction.REJECT),
            ("publish", self.tr("Publish…"), "publishWish", self.publish, WishAction.PUBLISH),
            ("contact", self.tr("Record contact…"), "recordContact", self.record_contact, WishAction.RECORD_CONTACT),
            ("fulfil", self.tr("Fulfilled…"), "fulfilWish", self.fulfil, WishAction.FULFIL),
            ("release", self.tr("Let the claim go…"), "releaseClaim", self.release, WishAction.RELEASE),
            ("withdraw", self.tr("Withdraw…"), "withdrawWish", self.withdraw, WishAction.WITHDRAW),
            ("expire", self.tr("Expired…"), "expireWish", self.expire, WishAction.EXPIRE),
            ("reopen", self.tr("Reopen…"), "reopenWish", self.reopen, WishAction.REOPEN),
        ]
        self.step_buttons: dict[WishAction, QPushButton] = {}
        for _key, text, name, slot, action in steps:
            button = self.add_button(text, name, slot, allowed=self.may_edit)
            if action is not None:
                self.step_buttons[action] = button
        self.details_button = self.add_button(self.tr("Details…"), "wishDetails", self.open_details)
        self.report_button = self.add_button(self.tr("Report…"), "wishReport", self.open_report)
        self.finish(export=(self.tr("micro-wishes-{day}").format(day=today(context).isoformat()),
                            self.tr("Micro-wishes")))

    def rows_loader(self) -> Callable[[UnitOfWork], list[WishInfo]]:
        status, text = self.status_filter.currentData() or "", self.search.text()
        return lambda uow: wishes.list_wishes(uow, status=status, text=text)

    def rows_shown(self, rows) -> None:
        self.count_label.setVisible(True)
        self.count_label.setText(counted(len(rows), self.tr("1 wish"), self.tr("{count} wishes"),
                                         count=QLocale().toString(len(rows))))

    def update_actions(self) -> None:
        chosen = self.selected()
        actions = chosen.actions if chosen is not None else frozenset()
        for action, button in self.step_buttons.items():
            button.setEnabled(action in actions)
        self.details_button.setEnabled(chosen is not None)

    # -- the steps -----------------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        """Open a step's dialog; once saved, the wish stays chosen in the list its change reloads."""
        def saved() -> None:
            info = getattr(dialog, "saved", None)
            if info is not None:
                self.select_next(info.id)

        dialog.accepted.connect(saved)
        self.last_dialog = open_dialog(dialog)
        return dialog

    def _chosen(self, action: WishAction) -> WishInfo | None:
        chosen = self.selected()
        return chosen if chosen is not None and action in chosen.actions else None

    def collect(self) -> QDialog | None:
        return self._open(WishDialog(self.context, None, self)) if self.may_edit else None

    def edit(self) -> QDialog | None:
        info = self._chosen(WishAction.EDIT)
        return self._open(WishDialog(self.context, info, self)) if info else None

    def _step(self, action: WishAction, *, name: str, title: str, explanation: str, note_label: str,
              button: str, work: Callable[[UnitOfWork, str, str], WishInfo]) -> QDialog | None:
        info = self._chosen(action)
        if info is None:
            return None
        wish_id = info.id
        return self._open(StepDialog(self.context, info, name=name, title=title, explanation=explanation,
                                     note_label=note_label, action=button,
                                     work=lambda uow, note: work(uow, wish_id, note), parent=self))

    def vet(self) -> QDialog | None:
        return self._step(WishAction.VET, name="vetDialog", title=self.tr("Vet the wish"), explanation=self.tr(
            "A vetted wish is within the cap of ¥{cap} and fit to publish on the city's wish board.").format(
            cap=self.context.settings.wish_value_cap), note_label=self.tr("Note"), button=self.tr("Vet"),
            work=lambda uow, wish_id, note: wishes.vet_wish(uow, wish_id=wish_id, note=note))

    def reject_wish(self) -> QDialog | None:
        return self._step(WishAction.REJECT, name="rejectDialog", title=self.tr("Reject the wish"),
                          explanation=self.tr("Say why the wish is not taken up, so the household can be told."),
                          note_label=self.tr("Why"), button=self.tr("Reject"),
                          work=lambda uow, wish_id, note: wishes.reject_wish(uow, wish_id=wish_id, reason=note))

    def publish(self) -> QDialog | None:
        info = self._chosen(WishAction.PUBLISH)
        return self._open(PublishDialog(self.context, info, self)) if info else None

    def record_contact(self) -> QDialog | None:
        info = self._chosen(WishAction.RECORD_CONTACT)
        return self._open(ContactDialog(self.context, info, self)) if info else None

    def fulfil(self) -> QDialog | None:
        info = self._chosen(WishAction.FULFIL)
        return self._open(FulfilDialog(self.context, info, self)) if info else None

    def release(self) -> QDialog | None:
        return self._step(WishAction.RELEASE, name="releaseDialog", title=self.tr("Let the claim go"),
                          explanation=self.tr("The claimant gave up. The wish goes back on the city's board for "
                                              "another claim."), note_label=self.tr("Why"),
                          button=self.tr("Let the claim go"),
                          work=lambda uow, wish_id, note: wishes.release_claim(uow, wish_id=wish_id, reason=note))

    def withdraw(self) -> QDialog | None:
        return self._step(WishAction.WITHDRAW, name="withdrawDialog", title=self.tr("Withdraw the wish"),
                          explanation=self.tr("The household no longer needs it: the wish comes off the city's "
                                              "board. It can be reopened later."), note_label=self.tr("Why"),
                          button=self.tr("Withdraw"),
                          work=lambda uow, wish_id, note: wishes.withdraw_wish(uow, wish_id=wish_id, reason=note))

    def reopen(self) -> QDialog | None:
        return self._step(WishAction.REOPEN, name="reopenDialog", title=self.tr("Reopen the wish"),
                          explanation=self.tr("The wish is collected again, to be vetted and published anew."),
                          note_label=self.tr("Note"), button=self.tr("Reopen"),
                          work=lambda uow, wish_id, note: wishes.reopen_wish(uow, wish_id=wish_id, note=note))

    def expire(self) -> Task | None:
        info = self._chosen(WishAction.EXPIRE)
        if info is None or not confirm(self, self.tr("Wish expired"), self.tr(
                "Take “{words}” off the city's board as expired? It can be reopened later.").format(
                words=info.words), action=self.tr("Mark expired")):
            return None
        wish_id = info.id
        self.select_next(wish_id)
        return write(self.context, self, lambda uow: wishes.expire_wish(uow, wish_id=wish_id), form=Form(
            self.message, {}))

    def open_details(self) -> QDialog | None:
        info = self.selected()
        if info is None:
            return None
        self.last_dialog = open_dialog(WishDetailsDialog(self.context, info, self))
        return self.last_dialog

    def open_report(self) -> QDialog:
        self.last_dialog = open_dialog(WishReportDialog(self.context, self))
        return self.last_dialog


# -- the city's board and the claims made here --------------------------------------------------------------------

class ClaimDialog(QDialog):
    """Claim a wish of the board for one of this village's volunteers, or for a donor or work unit from outside
    (by name and a way to reach them); the claim waits for the city server, which gives the wish to the first
    claim that reaches it."""

    def __init__(self, context: AppContext, row: BoardRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.saved: ClaimInfo | None = None
        self.volunteer_id = ""
        self.setObjectName("claimDialog")
        self.setWindowTitle(self.tr("Claim a wish"))
        form, below = scrolling_form(self)
        form.addRow(_intro(self.tr("{village}, {township}: “{text}” ({band})").format(
            village=row.village_name, township=row.township_name, text=row.public_text, band=row.band)))
        self.kind = QComboBox(objectName="claimantKind")
        for kind in ClaimantKind:
            self.kind.addItem(translate("desktop", kind.label), kind.value)
        volunteer = QHBoxLayout()
        self.volunteer_name = QLabel(self.tr("None chosen yet"), objectName="volunteerName")
        self.pick_button = QPushButton(self.tr("Choose a volunteer…"), objectName="pickVolunteer")
        volunteer.addWidget(self.volunteer_name, 1)
        volunteer.addWidget(self.pick_button)
        self.volunteer_row = QWidget()
        self.volunteer_row.setLayout(volunteer)
        volunteer.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(objectName="claimantName")
        self.name.setPlaceholderText(self.tr("The donor's or work unit's name"))
        self.contact = QLineEdit(objectName="claimantContact")
        self.contact.setPlaceholderText(self.tr("A phone number; for a volunteer, their phone unless given"))
        self.note = _note_edit("note")
        form.addRow(self.tr("Claimed for"), self.kind)
        form.addRow(self.tr("Volunteer"), self.volunteer_row)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(_intro(self.tr("The claim waits for the city server: the first claim to reach it gets the wish. "
                                   "After the next sync this station shows whether it holds.")))
        self.form = form
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Claim"))
        below.addWidget(buttons)
        self.pick_button.clicked.connect(self.pick)
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_chosen())
        self._kind_chosen()

    def _kind_chosen(self) -> None:
        volunteer = self.kind.currentData() == ClaimantKind.VOLUNTEER
        self.form.setRowVisible(self.volunteer_row, volunteer)
        self.form.setRowVisible(self.name, not volunteer)

    def pick(self) -> QDialog:
        from ui.volunteer_picker import pick_one
        return pick_one(self, self.context, lambda row: self.set_volunteer(row.id, row.name))

    def set_volunteer(self, volunteer_id: str, name: str) -> None:
        self.volunteer_id = volunteer_id
        self.volunteer_name.setText(name)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"claimant_kind": self.kind, "volunteer_id": self.pick_button, "claimant_name": self.name,
                "claimant_contact": self.contact, "note": self.note, "board_id": self.kind}

    def save(self) -> None:
        board_id, kind, volunteer_id = self.row.id, self.kind.currentData(), self.volunteer_id
        name, contact, note = self.name.text(), self.contact.text(), self.note.toPlainText()
        if kind == ClaimantKind.VOLUNTEER:
            name = ""
        write(self.context, self, lambda uow: wishes.claim_wish(
            uow, board_id=board_id, claimant_kind=kind, claimant_name=name, claimant_contact=contact,
            volunteer_id=volunteer_id, note=note), form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, claim: ClaimInfo) -> None:
        self.saved = claim
        self.accept()


class ClaimsDialog(QDialog):
    """The claims made at this station and how each stands: waiting for the city server, held, claimed by
    another village first, run out, let go or fulfilled."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("claimsDialog")
        self.setWindowTitle(self.tr("Claims made here"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.columns = [
            Column(self.tr("Claimed on"), lambda c: c.claimed_on),
            Column(self.tr("Village"), lambda c: c.village_name),
            Column(self.tr("Township"), lambda c: c.township_name),
            Column(self.tr("Wish"), lambda c: c.public_text),
            Column(self.tr("Value"), lambda c: c.band),
            Column(self.tr("Claimed for"), lambda c: c.claimant_name),
            Column(self.tr("Contact"), lambda c: c.claimant_contact),
            Column(self.tr("How it stands"), lambda c: label(ClaimOutcome, c.outcome)),
            Column(self.tr("Held until"), lambda c: c.held_until),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda c: c.id, parent=self)
        self.table = record_table(self.model, name="claimsTable")
        layout.addWidget(self.table, 1)
        self.empty = _intro(self.tr("No wish has been claimed at this station yet. Choose one on the wish board "
                                    "and claim it."))
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export to Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportClaims")
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)
        read(context, self, lambda uow: wishes.list_claims(uow), done=self._show)

    def _show(self, claims: list[ClaimInfo]) -> None:
        self.model.set_rows(claims)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not claims)

    def export(self) -> Task | None:
        name = self.tr("wish-claims-{day}").format(day=today(self.context).isoformat())
        return export_rows(self, self.context, suggested_name=name, title=self.tr("Claims made here"),
                           columns=self.columns, rows_loader=lambda uow: wishes.list_claims(uow))


def claim_text(row: BoardRow) -> str:
    """Where a wish of the board stands for this station: how this station's claim stands, held for a claimant while
    it is still on the board, or its state (in contact, fulfilled, taken off), which a claim holding it does not
    hide."""
    if row.our_claim:
        return label(ClaimOutcome, row.our_claim)
    if row.held and row.state == BoardState.OPEN:
        return QCoreApplication.translate("WishBoardView", "Held for a claimant")
    return label(BoardState, row.state)


class WishBoardView(ListArea):
    """The city's wish board (心愿墙): every village's published wishes this station has, those waiting longest
    first, filtered by county, township, kind, value and how long they have waited; read a page at a time."""

    shows = frozenset({"wish_board", "wish_claims", "regions"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="wishBoardView", title=self.tr("Wish board"), table_name="boardTable",
                         paged=True, columns=[
            Column(self.tr("Waited (days)"), lambda r: r.waited_days, align_right=True),
            Column(self.tr("Village"), lambda r: r.village_name),
            Column(self.tr("Township"), lambda r: r.township_name),
            Column(self.tr("County"), lambda r: r.county_name),
            Column(self.tr("Kind"), lambda r: label(WishCategory, r.category)),
            Column(self.tr("Value"), lambda r: r.band, sort_value=lambda r: r.value_low),
            Column(self.tr("Wish"), lambda r: r.public_text),
            Column(self.tr("Published on"), lambda r: r.published_on),
            Column(self.tr("Wanted by"), lambda r: r.wanted_by),
            Column(self.tr("Claim"), claim_text),
        ])
        self.may_claim = context.can(Permission.EDIT_HOUSEHOLDS)
        self.last_dialog: QDialog | None = None
        self._places = BoardPlaces((), {})
        self.county = QComboBox(objectName="countyFilter")
        self.county.addItem(self.tr("Any county"), "")
        # A county chosen offers its townships, then reads the list once (_fill_townships).
        self.filters.addWidget(pair(QLabel(self.tr("County")), self.county))
        self.county.currentIndexChanged.connect(lambda *_: self._fill_townships())
        township = QComboBox(objectName="townshipFilter")
        township.addItem(self.tr("Any township"), "")
        category = QComboBox(objectName="categoryFilter")
        category.addItem(self.tr("Any kind"), "")
        for choice in WishCategory:
            category.addItem(translate("desktop", choice.label), choice.value)
        value = QComboBox(objectName="valueFilter")
        value.addItem(self.tr("Any value"), -1)
        for number, band in enumerate(VALUE_CHOICES):  # by its place in VALUE_CHOICES: a Qt item keeps no tuple
            value.addItem(band_text(band), number)
        waited = QComboBox(objectName="waitedFilter")
        waited.addItem(self.tr("Any time"), 0)
        for days in WAITED_CHOICES:
            waited.addItem(self.tr("{days} days or more").format(days=days), days)
        self.township = self.add_filter(self.tr("Township"), township)
        self.category = self.add_filter(self.tr("Kind"), category)
        self.value = self.add_filter(self.tr("Value"), value)
        self.waited = self.add_filter(self.tr("Waited"), waited)
        self.include_taken = QCheckBox(self.tr("Claimed and fulfilled ones too"), objectName="includeTaken")
        self.include_taken.toggled.connect(lambda *_: self.read_list())
        self.add_filter(None, self.include_taken)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(6, 280)
        self.claim_button = self.add_button(self.tr("Claim…"), "claimWish", self.claim, allowed=self.may_claim)
        self.claims_button = self.add_button(self.tr("Claims made here…"), "ourClaims", self.open_claims)
        self.finish(export=(self.tr("wish-board-{day}").format(day=today(context).isoformat()),
                            self.tr("Wish board")))

    def where(self) -> dict:
        return {"county": self.county.currentData() or "", "township": self.township.currentData() or "",
                "category": self.category.currentData() or "", "value_band": self.value_band(),
                "waited_days": self.waited.currentData() or 0, "include_taken": self.include_taken.isChecked()}

    def value_band(self) -> tuple[int, int | None] | None:
        chosen = self.value.currentData()
        return VALUE_CHOICES[chosen] if isinstance(chosen, int) and chosen >= 0 else None

    def page_loader(self) -> Callable[[UnitOfWork, int, int], list[BoardRow]]:
        where = self.where()
        return lambda uow, offset, limit: wishes.board(uow, offset=offset, limit=limit, **where)

    def count_loader(self) -> Callable[[UnitOfWork], int]:
        where = self.where()
        return lambda uow: wishes.count_board(uow, **where)

    def rows_loader(self) -> Callable[[UnitOfWork], list[BoardRow]]:
        where = self.where()
        return lambda uow: wishes.board(uow, **where)

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 wish on the board"), self.tr("{count} wishes on the board"),
                       count=QLocale().toString(total))

    def reload(self) -> None:
        super().reload()
        read(self.context, self, lambda uow: wishes.board_places(uow), done=self._fill_places)

    def _fill_places(self, places: BoardPlaces) -> None:
        """The counties the board's wishes come from, the one chosen kept (a change reads the list again)."""
        self._places = places
        current = self.county.currentData()
        self.county.blockSignals(True)
        self.county.clear()
        self.county.addItem(self.tr("Any county"), "")
        for code, name in places.counties:
            self.county.addItem(name, code)
        self.county.setCurrentIndex(max(self.county.findData(current), 0))
        self.county.blockSignals(False)
        self._fill_townships(read_again=self.county.currentData() != current)

    def _fill_townships(self, *, read_again: bool = True) -> None:
        current = self.township.currentData()
        self.township.blockSignals(True)
        self.township.clear()
        self.township.addItem(self.tr("Any township"), "")
        for code, name in self._places.townships.get(self.county.currentData() or "", ()):
            self.township.addItem(name, code)
        self.township.setCurrentIndex(max(self.township.findData(current), 0))
        self.township.blockSignals(False)
        if read_again or self.township.currentData() != current:
            self.read_list()

    def update_actions(self) -> None:
        row = self.selected()
        self.claim_button.setEnabled(row is not None and row.state == BoardState.OPEN and not row.held
                                     and row.our_claim != ClaimOutcome.PENDING)

    def claim(self) -> QDialog | None:
        row = self.selected()
        if row is None or not self.may_claim:
            return None
        dialog = ClaimDialog(self.context, row, self)
        dialog.accepted.connect(lambda: self.select_next(row.id))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def open_claims(self) -> QDialog:
        self.last_dialog = open_dialog(ClaimsDialog(self.context, self))
        return self.last_dialog

