"""The sign-in screen of a shared PC: pick your name, type your password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.sign_in_card import SignInCard
from ui.forms import FormMessage, clear_problems, report
from ui.i18n import translate

if TYPE_CHECKING:
    from desktop.domain.actor import Actor
    from desktop.storage.database import Database
    from ui.operations import Place

VISIBLE_PEOPLE = 6


class SignInWindow(QWidget):
    """Built from a ``SignInCard`` so it can show before the database layer has loaded; signing in
    waits for ``attach(place)`` (the open database and the task runner), which comes a moment later."""

    signed_in = Signal(object)
    sized_in_constructor = True  # placed at once (ui/dialogs.py fit_to_screen)

    def __init__(self, card: SignInCard, *, place: Place | None = None, demo: bool = False) -> None:
        super().__init__()
        self.place: Place | None = None
        self.setObjectName("signInWindow")
        self.setWindowTitle(self.tr("Village Station — sign in"))
        profile_name, place_name, people = card.station_name, card.place, card.people

        outer = QVBoxLayout(self)
        outer.addStretch()
        card = QFrame()
        card.setObjectName("signInCard")
        layout = QVBoxLayout(card)
        title = QLabel(profile_name)
        title.setObjectName("title")  # centred by the style sheet: the Qt namespace costs a start-up
        place_label = QLabel(place_name)
        place_label.setObjectName("signInPlace")
        layout.addWidget(title)
        layout.addWidget(place_label)

        layout.addWidget(QLabel(self.tr("Who are you?")))
        self.people = QListWidget()
        self.people.setObjectName("people")
        # Styled before the rows are laid out, so each row is as high as the style sheet's padding makes it
        # and the highlight of one never covers the next.
        self.people.ensurePolished()
        self._usernames = [person.username for person in people]  # row by row, in the card's (pinyin) order
        for person in people:
            self.people.addItem(QListWidgetItem(f"{person.display_name}（{translate('desktop', person.role.label)}）"))
        # As high as its rows (up to VISIBLE_PEOPLE of them; more scroll) and as wide as the longest, whatever
        # the type size: no row is cut, and no sideways scroll bar takes a row's place.
        frame = 2 * self.people.frameWidth()
        row_height = self.people.sizeHintForRow(0) if people else self.people.fontMetrics().height()
        self.people.setFixedHeight(row_height * min(max(len(people), 1), VISIBLE_PEOPLE) + frame)
        scroll_bar = self.people.verticalScrollBar().sizeHint().width() if len(people) > VISIBLE_PEOPLE else 0
        self.people.setMinimumWidth(max(self.people.sizeHintForColumn(0), 0) + frame + scroll_bar)
        layout.addWidget(self.people)

        form = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(self.tr("Password"))
        label.setBuddy(self.password)
        form.addWidget(label)
        form.addWidget(self.password, 1)
        layout.addLayout(form)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        buttons.addWidget(self.sign_in_button)
        layout.addLayout(buttons)

        if demo:
            from desktop.domain.demo import DEMO_ACCOUNTS

            # One line: the demo's people are in the list above with their roles, and a longer hint would take
            # the window past a small screen's foot at the largest text size.
            hint = QLabel(self.tr("Demo station: every account's password is {password}.").format(
                password=DEMO_ACCOUNTS[0].password))
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            layout.addWidget(hint)

        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()

        # Another name is another person: what was typed for the last one goes, and a click goes on to the
        # password. Arrow keys stay in the list (Tab or Enter goes on), so nothing typed lands in the list.
        self.people.currentRowChanged.connect(self._other_person)
        self.people.itemClicked.connect(lambda _item: self.password.setFocus())
        self.people.itemActivated.connect(lambda _item: self.password.setFocus())
        self.password.returnPressed.connect(self.try_sign_in)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.password.setFocus()
        self.resize(720, 560)
        self.sign_in_button.setEnabled(False)
        if place is not None:
            self.attach(place)

    @property
    def db(self) -> Database | None:
        return self.place.db if self.place is not None else None

    def attach(self, place: Place) -> None:
        """The database is open: signing in can go ahead (and does, if Enter was already pressed)."""
        self.place = place
        self.sign_in_button.setEnabled(True)
        if self._waiting:
            self._waiting = False
            self.try_sign_in()

    _waiting = False

    def select_user(self, username: str) -> None:
        if username in self._usernames:
            self.people.setCurrentRow(self._usernames.index(username))

    def _other_person(self, _row: int) -> None:
        self.password.clear()
        clear_problems(self.message, {"password": self.password})

    def try_sign_in(self) -> None:
        if self.place is None:
            self._waiting = True  # the database is still opening; sign in as soon as it is open
            return
        from desktop.services import accounts
        from ui.operations import write

        clear_problems(self.message, {"password": self.password})
        row = self.people.currentRow()
        if row < 0:
            self.message.show_problem(self.tr("Choose your name in the list first."))
            return
        username, password = self._usernames[row], self.password.text()
        write(self.place, self, lambda uow: accounts.sign_in(uow, username=username, password=password),
              done=self._accepted, failed=self._refused)

    def _refused(self, error: BaseException) -> None:
        self.password.selectAll()
        report(error, message=self.message, fields={"password": self.password}, parent=self)

    def _accepted(self, actor: Actor) -> None:
        from desktop.services import accounts
        from ui.operations import Place, read

        assert self.place is not None
        self.password.clear()
        place = Place(self.place.db, actor, self.place.runner)
        read(place, self, accounts.must_choose_new_password,
             done=lambda must_change: self._enter(place, must_change))

    def _enter(self, place: Place, must_change: bool) -> None:
        if must_change and not self._choose_own_password(place):
            return
        self.signed_in.emit(place.actor)

    def _choose_own_password(self, place: Place) -> bool:
        from ui.windows.password import ChangePasswordDialog

        dialog = ChangePasswordDialog(place, self, forced=True)
        return bool(dialog.exec())
