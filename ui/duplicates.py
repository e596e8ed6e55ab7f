"""Records that look like the same person or household, two of them chosen and one folded into the other.

``DuplicatesDialog`` lists the groups a service found (each row the group's number, why its records look alike
and the record's own columns); who may merge picks two, chooses which to keep and confirms.  A registry's
dialog gives its columns, how a group's reason and a record are said, the question before merging, and the
service calls: ``find(uow)`` returns the groups (each with ``reason`` and its records), ``merge(uow, keep_id,
merge_id)`` folds one into the other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import read, write
from ui.table import Column, RecordTableModel, record_table, selected_objects


class DuplicatesDialog(QDialog):
    """Possible duplicates of a registry (see the module's text); ``merged`` counts the merges made."""

    def __init__(self, context: AppContext, *, name: str, intro: str, columns: list[Column], may_merge: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.merged = 0
        self.setObjectName(name)
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.model = RecordTableModel([
            Column(self.tr("Group"), lambda item: item[0]),
            Column(self.tr("Why"), lambda item: self.reason_text(item[1])),
            *[Column(column.title, lambda item, value=column.value: value(item[2]), align_right=column.align_right)
              for column in columns],
        ], row_id=lambda item: item[2].id, parent=self)
        self.table = record_table(self.model, name="duplicatesTable", single=False)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        keep_label = QLabel(self.tr("Keep"))
        row.addWidget(keep_label)
        self.keep = QComboBox(objectName="keep")
        row.addWidget(self.keep, 1)
        self.merge_button = QPushButton(self.tr("Merge…"), objectName="merge")
        row.addWidget(self.merge_button)
        layout.addLayout(row)
        self.empty_label = QLabel(self.tr("No possible duplicates found."), objectName="noDuplicates")
        layout.addWidget(self.empty_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.merge_button.clicked.connect(self.merge_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        for widget in (keep_label, self.keep, self.merge_button):  # only those who may merge choose what to keep
            widget.setVisible(may_merge)
        self.reload()

    # -- what a registry gives -------------------------------------------------------------------------

    def find(self, uow) -> list[Any]:
        raise NotImplementedError

    def merge(self, uow, keep_id: str, merge_id: str) -> object:
        raise NotImplementedError

    def reason_text(self, reason: str) -> str:
        raise NotImplementedError

    def keep_text(self, row: Any) -> str:
        """How a record is named in the choice of the one to keep."""
        raise NotImplementedError

    def ask(self, keep: Any, other: Any) -> bool:
        """Whether the person confirms folding ``other`` into ``keep``."""
        raise NotImplementedError

    # -- the dialog ------------------------------------------------------------------------------------

    def reload(self) -> None:
        read(self.context, self, self.find, done=self._show)

    def _show(self, groups: list[Any]) -> None:
        self.model.set_rows([(number, group.reason, row) for number, group in enumerate(groups, 1)
                             for row in self.records(group)])
        self.table.resizeColumnsToContents()
        self.empty_label.setVisible(not groups)
        self._update()

    def records(self, group: Any) -> tuple[Any, ...]:
        """The records of a group."""
        raise NotImplementedError

    def selected(self) -> list[Any]:
        return [item[2] for item in selected_objects(self.table)]

    def _update(self) -> None:
        chosen = self.selected()
        self.keep.clear()
        if len(chosen) == 2:
            for row in chosen:
                self.keep.addItem(self.keep_text(row), row.id)
        self.keep.setEnabled(len(chosen) == 2)
        self.merge_button.setEnabled(len(chosen) == 2)

    def merge_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            return
        keep = next(row for row in chosen if row.id == self.keep.currentData())
        other = next(row for row in chosen if row is not keep)
        if not self.ask(keep, other):
            return
        write(self.context, self, lambda uow: self.merge(uow, keep.id, other.id), done=self._merged)

    def _merged(self, _result: object) -> None:
        self.merged += 1
        self.reload()
