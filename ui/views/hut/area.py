"""The love hut area (爱心扶贫小屋): its stock, its documents, household points, transfers between huts, stocktakes,
the monthly public notice, and its catalogue and donors, each a tab.  Until the
village's hut is set up, the hut manager is asked for its name and address instead.

A tab is a widget that reads what it shows when it is shown (``LoadsWhenShown``); ``HutView.add_tab`` puts one
more in the area."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop.domain.roles import Permission
from desktop.services import hut
from desktop.services.hut import HutInfo
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, heading, save_cancel_buttons, scrolling_form
from ui.layouts import PageTabs
from ui.operations import Form, read, write
from ui.views import LoadsWhenShown
from ui.views.hut.catalogue import CatalogueTab
from ui.views.hut.documents import DocumentsTab
from ui.views.hut.notice import NoticeTab
from ui.views.hut.points import PointsTab
from ui.views.hut.stock import StockTab
from ui.views.hut.stocktake import StocktakeTab
from ui.views.hut.transfers import TransfersTab


class SetUpHutDialog(QDialog):
    """The hut's name and address: asked on first use, changed later."""

    def __init__(self, context: AppContext, info: HutInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: HutInfo | None = None
        self.setObjectName("setUpHutDialog")
        self.resize(560, 10)
        self.setWindowTitle(self.tr("Set up the love hut") if info is None else self.tr("The love hut"))
        form, below = scrolling_form(self)
        intro = QLabel(self.tr("Before the first goods are taken in, give the hut its name and say where it is."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit(objectName="hutName")
        self.name.setPlaceholderText(self.tr("For example: 向阳村爱心扶贫小屋"))
        self.address = QLineEdit(objectName="hutAddress")
        self.address.setPlaceholderText(self.tr("For example: 村委会一楼东屋"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        if info is not None:
            self.name.setText(info.name)
            self.address.setText(info.address)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.name.setFocus()

    def save(self) -> None:
        name, address = self.name.text(), self.address.text()
        write(self.context, self, lambda uow: hut.set_up_hut(uow, name=name, address=address),
              form=Form(self.message, {"name": self.name, "address": self.address}), done=self._saved)

    def _saved(self, info: HutInfo) -> None:
        self.saved = info
        self.accept()


class HutView(LoadsWhenShown, QWidget):
    """The love hut (see the module's text)."""

    shows = frozenset({"huts"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("hutView")
        self.info: HutInfo | None = None
        self.last_dialog: QDialog | None = None
        self._asked = False
        self.may_edit = context.can(Permission.EDIT_HUT)
        layout = QVBoxLayout(self)
        self.title = heading(self.tr("Love hut"))
        layout.addWidget(self.title)
        self.pages = QStackedWidget(objectName="hutPages")
        layout.addWidget(self.pages, 1)
        # before the hut is set up
        self.not_set_up = QWidget(objectName="hutNotSetUp")
        waiting = QVBoxLayout(self.not_set_up)
        self.not_set_up_text = QLabel(objectName="hutNotSetUpText")
        self.not_set_up_text.setWordWrap(True)
        waiting.addWidget(self.not_set_up_text)
        self.set_up_button = QPushButton(self.tr("Set up the hut…"), objectName="setUpHut")
        self.set_up_button.setVisible(self.may_edit)
        self.set_up_button.clicked.connect(self.set_up)
        waiting.addWidget(self.set_up_button)
        waiting.addStretch()
        self.pages.addWidget(self.not_set_up)
        # the hut's tabs
        self.tabs = PageTabs(objectName="hutTabs")
        self.stock = self.add_tab(StockTab(context), self.tr("Stock"))
        self.documents = self.add_tab(DocumentsTab(context), self.tr("Documents"))
        self.points = self.add_tab(PointsTab(context), self.tr("Household points"))
        self.transfers = self.add_tab(TransfersTab(context), self.tr("Transfers"))
        self.stocktake = self.add_tab(StocktakeTab(context), self.tr("Stocktake"))
        self.notice = self.add_tab(NoticeTab(context), self.tr("Monthly notice"))
        self.catalogue = self.add_tab(CatalogueTab(context), self.tr("Items and donors"))
        self.pages.addWidget(self.tabs)
        self.pages.setCurrentWidget(self.not_set_up)
        self.follow_changes(context)

    def add_tab(self, page: QWidget, title: str) -> QWidget:
        """One more tab of the hut (it reads what it shows when it comes to the front)."""
        self.tabs.addTab(page, title)
        return page

    def reload(self) -> None:
        read(self.context, self, hut.hut_info, done=self._show)

    def _show(self, info: HutInfo | None) -> None:
        self.info = info
        if info is None:
            self.title.setText(self.tr("Love hut"))
            self.not_set_up_text.setText(
                self.tr("The village's love hut is not set up yet. Set it up with its name and address to take "
                        "in the first goods.") if self.may_edit else
                self.tr("The village's love hut is not set up yet. The hut manager sets it up."))
            self.pages.setCurrentWidget(self.not_set_up)
            if self.may_edit and not self._asked:
                self._asked = True  # asked once; the button asks again
                self.set_up()
            return
        self.title.setText(self.tr("Love hut: {name}").format(name=info.name))
        self.documents.set_hut_actions(info.actions)
        self.pages.setCurrentWidget(self.tabs)

    def set_up(self) -> QDialog | None:
        if not self.may_edit:
            return None
        self.last_dialog = open_dialog(SetUpHutDialog(self.context, self.info, self))
        return self.last_dialog

