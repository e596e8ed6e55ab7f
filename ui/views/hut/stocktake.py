"""The love hut's stocktakes (盘点): a count started for every item, a category or a shelf (blind if wished), its
count sheet on A4, the counts entered line by line (an uncounted line flagged, a reason for each difference), what
moved while the count went on, posting and abandoning it; the opening stock imported from an Excel sheet with its
row-by-row report, and the stock on hand exported to Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.hut import AdjustmentReason, parse_quantity, quantity_text
from desktop.domain.roles import Permission
from desktop.errors import InvalidInput
from desktop.services import hut, hut_stocktake, stock_excel
from desktop.services.hut import ItemCategoryRow
from desktop.services.hut_stocktake import CountEntry, StocktakeSheet
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.export import export_bytes
from ui.forms import FormMessage, save_cancel_buttons, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read, write
from ui.programme import label, today
from ui.tasks import Progress, Task
from ui.views import LoadsWhenShown
from ui.views.volunteers import ImportReportDialog, choose_import_file


class StartCountDialog(QDialog):
    """Begin a count: of every item, of a category or of a shelf; a blind count hides the figures the ledger
    expects until every line is counted."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.started: StocktakeSheet | None = None
        self.setObjectName("startCountDialog")
        self.setWindowTitle(self.tr("Start a count"))
        self.resize(520, 10)
        form, below = scrolling_form(self)
        self.scope = QComboBox(objectName="scope")
        self.scope.addItem(self.tr("Every item"), "all")
        self.scope.addItem(self.tr("One category"), "category")
        self.scope.addItem(self.tr("One shelf"), "shelf")
        self.category = QComboBox(objectName="category")
        self.shelf = QLineEdit(objectName="shelf")
        self.shelf.setPlaceholderText(self.tr("For example: A1"))
        self.blind = QCheckBox(self.tr("Blind count: hide what the list expects until every line is counted"),
                               objectName="blind")
        form.addRow(self.tr("Count"), self.scope)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Shelf"), self.shelf)
        form.addRow("", self.blind)
        self._form = form
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Start"))
        below.addWidget(buttons)
        self.scope.currentIndexChanged.connect(lambda *_: self._scope_chosen())
        self._scope_chosen()
        read(context, self, lambda uow: hut.list_item_categories(uow), done=self._show_categories)

    def _show_categories(self, categories: list[ItemCategoryRow]) -> None:
        for category in categories:
            self.category.addItem(translate("desktop", category.name) if category.built_in else category.name,
                                  category.code)

    def _scope_chosen(self) -> None:
        scope = self.scope.currentData()
        self._form.setRowVisible(self.category, scope == "category")
        self._form.setRowVisible(self.shelf, scope == "shelf")

    def save(self) -> None:
        scope = self.scope.currentData()
        category = self.category.currentData() or "" if scope == "category" else ""
        shelf = self.shelf.text() if scope == "shelf" else ""
        blind = self.blind.isChecked()
        write(self.context, self, lambda uow: hut_stocktake.start_stocktake(uow, category=category, shelf=shelf,
                                                                             blind=blind),
              form=Form(self.message, {"category": self.category, "shelf": self.shelf, "stocktake": self.scope}),
              done=self._started)

    def _started(self, sheet: StocktakeSheet) -> None:
        self.started = sheet
        self.accept()


class StockImportReportDialog(ImportReportDialog):
    """What an import of goods did, row by row; where rows were refused and so nothing was kept, the choice to
    import only the valid rows."""

    def __init__(self, result: stock_excel.StockImportReport, source: Path, *, import_valid=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(result, source, parent)
        self.setObjectName("stockImportReportDialog")
        self.only_valid_button = self.buttons.addButton(self.tr("Import only the valid rows"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.only_valid_button.setObjectName("importOnlyValid")
        self.only_valid_button.setVisible(import_valid is not None and not result.kept)
        if import_valid is not None:
            self.only_valid_button.clicked.connect(lambda: (self.accept(), import_valid()))

    def summary_text(self, result, source: Path) -> str:
        if not result.kept:
            # each figure after its words, which then read right for one as for more
            return self.tr("Nothing was imported from {file}. Rows refused: {refused}. Correct them in the workbook "
                           "and import it again, or import only the valid rows.").format(
                file=source.name, refused=len(result.refused))
        text = self.tr("Rows imported from {file}: {added}. New items in the catalogue: {made}; items found there "
                       "already: {matched}.").format(added=result.added, file=source.name, made=len(result.items_made),
                                                matched=result.items_matched)
        if result.document_number:
            text += " " + self.tr("The goods are on the shelf by the opening document {number}.").format(
                number=result.document_number)
        if result.refused:
            text += " " + self.tr("Rows left out: {refused}.").format(refused=len(result.refused))
        return text

    def passed_over_text(self, count: int) -> str:
        return counted(count, self.tr("1 line was passed over as not being goods: the form's footer (制表人, 合计 …) "
                                      "or a numbered line nobody filled in."),
                       self.tr("{count} lines were passed over as not being goods: the form's footer (制表人, 合计 …) "
                               "or numbered lines nobody filled in."))


class StocktakeTab(LoadsWhenShown, QWidget):
    """The count in progress at this PC, line by line, and the hut's stock sheet in and out of Excel."""

    shows = frozenset({"stocktakes", "stocktake_lines", "stock_movements", "items", "hut_documents"})
    ITEM, UNIT, SHELF, EXPECTED, COUNTED, DIFFERENCE, REASON, MOVED = range(8)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("stocktakeTab")
        self.may_edit = context.can(Permission.EDIT_HUT)
        self.last_dialog: QDialog | None = None
        self.import_report: QDialog | None = None
        self.sheet: StocktakeSheet | None = None
        self.counts: list[StocktakeSheet] = []
        self.typed: dict[str, tuple[str, str]] = {}  # item id: (count, reason) typed and not saved yet
        self.category_names: dict[str, str] = {}
        self._filling = False
        layout = QVBoxLayout(self)
        top = FlowLayout()
        self.count_choice = QComboBox(objectName="countChoice")
        self.start_button = QPushButton(self.tr("Start a count…"), objectName="startCount")
        top.addWidget(pair(QLabel(self.tr("Count in progress")), self.count_choice))
        top.addWidget(self.start_button)
        top.addStretch()
        layout.addLayout(top)
        self.state = QLabel(objectName="countState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        inner = scrolling_part(layout)
        self.lines = QTableWidget(0, 8, objectName="countLines")
        self.lines.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Unit"), self.tr("Shelf"), self.tr("Expected"), self.tr("Counted"),
            self.tr("Difference"), self.tr("Why it differs"), self.tr("Moved during the count")])
        self.lines.horizontalHeader().setSectionResizeMode(self.ITEM, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        inner.addWidget(self.lines, 1)
        self.moved = QLabel(objectName="movedDuringCount")
        self.moved.setWordWrap(True)
        inner.addWidget(self.moved)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = FlowLayout()
        self.save_button = QPushButton(self.tr("Save the counts"), objectName="saveCounts")
        self.print_button = QPushButton(self.tr("Print the count sheet…"), objectName="printCountSheet")
        self.post_button = QPushButton(self.tr("Post the count…"), objectName="postCount")
        self.abandon_button = QPushButton(self.tr("Abandon the count…"), objectName="abandonCount")
        self.import_button = QPushButton(self.tr("Opening stock from Excel…"), objectName="importStock")
        self.export_button = QPushButton(self.tr("Stock on hand to Excel…"), objectName="exportStock")
        for button in (self.save_button, self.print_button, self.post_button, self.abandon_button,
                       self.import_button, self.export_button):
            button.setVisible(self.may_edit or button in (self.print_button, self.export_button))
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.start_button.setVisible(self.may_edit)
        self.start_button.clicked.connect(self.start)
        self.save_button.clicked.connect(lambda: self.save_counts())
        self.print_button.clicked.connect(self.print_sheet)
        self.post_button.clicked.connect(self.post)
        self.abandon_button.clicked.connect(self.abandon)
        self.import_button.clicked.connect(lambda: self.import_excel())
        self.export_button.clicked.connect(self.export_excel)
        self.count_choice.currentIndexChanged.connect(lambda *_: self._count_chosen())
        self.lines.itemChanged.connect(self._typed)
        self.follow_changes(context)
        self._update()

    # -- reading ------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        def load(uow: UnitOfWork):
            names = {row.code: translate("desktop", row.name) if row.built_in else row.name
                     for row in hut.list_item_categories(uow, include_inactive=True)}
            return hut_stocktake.current_stocktakes(uow), names

        read(self.context, self, load, done=self._show_counts)

    def _show_counts(self, found: tuple[list[StocktakeSheet], dict[str, str]]) -> None:
        counts, self.category_names = found
        chosen = self.sheet.id if self.sheet is not None else ""
        self.counts = counts
        self.count_choice.blockSignals(True)
        self.count_choice.clear()
        for sheet in counts:
            self.count_choice.addItem(self.count_title(sheet), sheet.id)
        index = self.count_choice.findData(chosen)
        self.count_choice.setCurrentIndex(index if index >= 0 else 0 if counts else -1)
        self.count_choice.blockSignals(False)
        self._count_chosen()

    def count_title(self, sheet: StocktakeSheet) -> str:
        if sheet.category:
            scope = self.tr("category {name}").format(name=self.category_names.get(sheet.category, sheet.category))
        elif sheet.shelf:
            scope = self.tr("shelf {shelf}").format(shelf=sheet.shelf)
        else:
            scope = self.tr("every item")
        text = self.tr("Count of {scope}, begun {day}").format(scope=scope, day=sheet.started_on)
        return text + (self.tr(" (blind)") if sheet.blind else "")

    def _count_chosen(self) -> None:
        wanted = self.count_choice.currentData()
        sheet = next((sheet for sheet in self.counts if sheet.id == wanted), None)
        if sheet is not None and (self.sheet is None or self.sheet.id != sheet.id):
            self.typed = {}
        self.show_sheet(sheet)

    def show_sheet(self, sheet: StocktakeSheet | None) -> None:
        """The count's lines, with what was typed and not saved yet kept over them."""
        self.sheet = sheet
        self._filling = True
        lines = sheet.lines if sheet is not None else ()
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            counted, reason = self.typed.get(line.item_id, (
                "" if line.counted is None else quantity_text(line.counted), line.reason))
            values = {self.ITEM: line.name, self.UNIT: line.unit, self.SHELF: line.shelf,
                      self.EXPECTED: self.tr("hidden") if line.expected is None else quantity_text(line.expected),
                      self.COUNTED: counted,
                      self.DIFFERENCE: self._difference(line, counted),
                      self.MOVED: quantity_text(line.moved_since) if line.moved_since else ""}
            for column, text in values.items():
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, line.item_id)
                if column != self.COUNTED or not self.may_edit:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column in (self.EXPECTED, self.COUNTED, self.DIFFERENCE, self.MOVED):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == self.DIFFERENCE and counted == "":
                    cell.setForeground(QBrush(QColor("#b00000")))
                self.lines.setItem(row, column, cell)
            choice = QComboBox(objectName="reason")
            choice.addItem("", "")
            for code in AdjustmentReason:
                choice.addItem(label(AdjustmentReason, code.value), code.value)
            choice.setCurrentIndex(max(choice.findData(reason), 0))
            choice.setEnabled(self.may_edit)
            choice.currentIndexChanged.connect(lambda *_, item=line.item_id, row=row: self._reason_chosen(row, item))
            self.lines.setCellWidget(row, self.REASON, choice)
        self.lines.resizeColumnsToContents()
        self.lines.horizontalHeader().setSectionResizeMode(self.ITEM, QHeaderView.ResizeMode.Stretch)
        self._filling = False
        self._show_state()
        self._update()

    def _difference(self, line, counted: str) -> str:
        if counted == "":
            return self.tr("Not counted")
        if line.expected is None:
            return ""
        try:
            number = parse_quantity(counted, field="counted", zero=True)  # as the count is read when saved
        except InvalidInput:
            return ""
        return quantity_text(number - line.expected, signed=True)

    def _show_state(self) -> None:
        sheet = self.sheet
        if sheet is None:
            self.state.setText(self.tr("No count is in progress at this PC. Start a count to check the shelves "
                                       "against the list."))
            self.moved.setText("")
            return
        uncounted = sum(self.counted_text(row) == "" for row in range(self.lines.rowCount()))
        self.state.setText(self.tr("{lines} items to count, {uncounted} not counted yet. A line left empty is not "
                                   "counted; write 0 for an empty shelf.").format(lines=len(sheet.lines),
                                                                                   uncounted=uncounted))
        if sheet.moved:
            moved = "；".join(self.tr("{item} {quantity}{unit} ({documents})").format(
                item=m.name, quantity=quantity_text(m.quantity, signed=True), unit=m.unit,
                documents="、".join(m.documents)) for m in sheet.moved)
            self.moved.setText(self.tr("Moved since the count began (kept as it was, the count does not undo it): "
                                       "{moved}").format(moved=moved))
        else:
            self.moved.setText(self.tr("Nothing has moved since the count began."))

    def counted_text(self, row: int) -> str:
        cell = self.lines.item(row, self.COUNTED)
        return cell.text().strip() if cell is not None else ""

    def reason_box(self, row: int) -> QComboBox:
        return self.lines.cellWidget(row, self.REASON)

    def row_of(self, name: str) -> int:
        return next(row for row in range(self.lines.rowCount()) if self.lines.item(row, self.ITEM).text() == name)

    def _typed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != self.COUNTED:
            return
        row = cell.row()
        item_id = cell.data(Qt.ItemDataRole.UserRole)
        self.typed[item_id] = (cell.text().strip(), self.reason_box(row).currentData() or "")
        line = self.sheet.lines[row] if self.sheet is not None else None
        if line is not None:
            self._filling = True
            difference = self.lines.item(row, self.DIFFERENCE)
            difference.setText(self._difference(line, cell.text().strip()))
            difference.setForeground(QBrush(QColor("#b00000" if cell.text().strip() == "" else "#000000")))
            self._filling = False
        self._show_state()

    def _reason_chosen(self, row: int, item_id: str) -> None:
        if not self._filling:
            self.typed[item_id] = (self.counted_text(row), self.reason_box(row).currentData() or "")

    def _update(self) -> None:
        counting = self.sheet is not None
        for button in (self.save_button, self.print_button, self.post_button, self.abandon_button):
            button.setEnabled(counting)

    # -- counting -----------------------------------------------------------------------------------------------

    def entries(self) -> list[CountEntry]:
        if self.sheet is None:
            return []
        return [CountEntry(line.item_id, self.counted_text(row), self.reason_box(row).currentData() or "")
                for row, line in enumerate(self.sheet.lines)]

    def _form(self) -> Form:
        return Form(self.message, {"counts": self.lines, "reason": self.lines, "stocktake_id": self.count_choice})

    def start(self) -> QDialog | None:
        if not self.may_edit:
            return None
        dialog = StartCountDialog(self.context, self)
        dialog.accepted.connect(lambda: self._started(dialog.started))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def _started(self, sheet: StocktakeSheet | None) -> None:
        if sheet is not None:
            self.sheet = sheet  # chosen once the list of counts is read again (the change event)
            self.typed = {}

    def save_counts(self) -> Task | None:
        sheet = self.sheet
        if sheet is None:
            return None
        entries = self.entries()

        def saved(new: StocktakeSheet) -> None:
            self.typed = {}
            self.message.show_done(self.tr("The counts are saved."))
            self.show_sheet(new)

        return write(self.context, self, lambda uow: hut_stocktake.enter_counts(uow, stocktake_id=sheet.id,
                                                                                 counts=entries),
                     form=self._form(), done=saved)

    def post(self) -> Task | None:
        sheet = self.sheet
        if sheet is None or not self.may_edit:
            return None
        entries = self.entries()
        uncounted = [line.name for line, entry in zip(sheet.lines, entries, strict=True) if entry.counted == ""]
        skip = False
        if uncounted:
            names = "、".join(uncounted[:hut_stocktake.NAMED_IN_A_MESSAGE]) + (
                " …" if len(uncounted) > hut_stocktake.NAMED_IN_A_MESSAGE else "")
            if not confirm(self, self.tr("Post the count"), counted(len(uncounted), self.tr(
                    "1 item is not counted: {items}. Post the count leaving it as the list has it? Otherwise count it "
                    "first (0 for an empty shelf)."), self.tr(
                    "{count} items are not counted: {items}. Post the count leaving them as the list has them? "
                    "Otherwise count them first (0 for an empty shelf)."), items=names),
                    action=self.tr("Post, leaving them as they are")):
                return None
            skip = True
        elif not confirm(self, self.tr("Post the count"), self.tr(
                "Post the count? Each difference goes on the ledger with its reason, and the count is finished."),
                action=self.tr("Post the count")):
            return None

        def work(uow: UnitOfWork) -> StocktakeSheet:
            hut_stocktake.enter_counts(uow, stocktake_id=sheet.id, counts=entries)
            return hut_stocktake.post_stocktake(uow, stocktake_id=sheet.id, skip_uncounted=skip)

        def posted(done: StocktakeSheet) -> None:
            self.typed = {}
            self.sheet = None
            self.message.show_done(self.tr("The count is posted as {number}.").format(number=done.document_number)
                                   if done.document_number else
                                   self.tr("The count is posted: the shelves agree with the list."))

        return write(self.context, self, work, form=self._form(), done=posted)

    def abandon(self) -> Task | None:
        sheet = self.sheet
        if sheet is None or not self.may_edit:
            return None
        if not confirm(self, self.tr("Abandon the count"), self.tr(
                "Abandon this count? Nothing of it is posted; the counts typed are given up."),
                action=self.tr("Abandon the count")):
            return None

        def abandoned(_: StocktakeSheet) -> None:
            self.typed = {}
            self.sheet = None
            self.message.show_done(self.tr("The count is abandoned; the list is as it was."))

        return write(self.context, self, lambda uow: hut_stocktake.abandon_stocktake(uow, stocktake_id=sheet.id),
                     form=self._form(), done=abandoned)

    def print_sheet(self) -> Task | None:
        sheet = self.sheet
        if sheet is None:
            return None
        scope = self.count_title(sheet)

        def load(uow: UnitOfWork):
            found = hut.hut_info(uow)
            return hut_stocktake.count_sheet(uow, stocktake_id=sheet.id), found.name if found else ""

        def print_it(found) -> None:
            from ui import printing

            paper, hut_name = found
            printing.save_and_open_pdf(self, self.context, self.tr("Count sheet {day}.pdf").format(
                day=paper.started_on), lambda path: printing.count_sheet_pdf(paper, path, hut_name=hut_name,
                                                                              scope=scope))

        return read(self.context, self, load, done=print_it)

    # -- the stock sheet ----------------------------------------------------------------------------------------

    def import_excel(self, path: Path | None = None, *, only_valid: bool = False) -> Task | None:
        if not self.may_edit:
            return None
        path = path or choose_import_file(self, self.tr("Import opening stock from Excel"))
        if path is None:
            return None

        def work(uow, progress: Progress):
            data = path.read_bytes()

            def step(done: int, total: int) -> None:
                progress.check()  # a cancel rolls the whole import back: nothing half-imported
                progress.report(done, total, "")

            return stock_excel.import_stock(uow, data=data, only_valid=only_valid, progress=step)

        def done(result: stock_excel.StockImportReport) -> None:
            again = None if only_valid else (lambda: self.import_excel(path, only_valid=True))
            self.import_report = open_dialog(StockImportReportDialog(result, path, import_valid=again, parent=self))

        return write(self.context, self, work, title=self.tr("Importing the stock sheet…"), progress=True,
                     done=done)

    def export_excel(self) -> Task | None:
        name = self.tr("stock-{day}").format(day=today(self.context).isoformat())
        return export_bytes(self, self.context, suggested_name=name, title=self.tr("Export stock on hand to Excel"),
                            make_bytes=stock_excel.export_stock)
