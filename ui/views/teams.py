"""The volunteer groups area (志愿服务队): the village group and specialist teams, their members and leaders."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.domain.volunteering import MemberRole, TeamKind, team_kind_in_name
from desktop.services import teams
from desktop.services.teams import MemberInfo, TeamInfo
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.export import export_rows
from ui.forms import FormMessage, save_cancel_buttons
from ui.i18n import translate
from ui.layouts import FlowLayout
from ui.operations import Form, read, write
from ui.programme import label, today
from ui.table import (
    ROW_ID_ROLE,
    Column,
    RecordTableModel,
    selected_object,
    selected_objects,
    sortable_table,
)
from ui.views.lists import ListArea
from ui.volunteer_picker import pick_many


class TeamDialog(QDialog):
    """Start a team, or change its name, kind, description or whether it is active."""

    def __init__(self, context: AppContext, team: TeamInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.team = context, team
        self.saved: TeamInfo | None = None
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("New team") if team is None else self.tr("Change team"))
        form = QFormLayout(self)
        self.name = QLineEdit(objectName="name")
        self.kind = QComboBox(objectName="kind")
        for kind in TeamKind:
            self.kind.addItem(translate("desktop", kind.label), kind.value)
        self.description = QLineEdit(objectName="description")
        self.active = QCheckBox(self.tr("Active"), objectName="active")
        self.active.setChecked(True)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Description"), self.description)
        if team is not None:
            self.name.setText(team.name)
            self.kind.setCurrentIndex(max(self.kind.findData(team.kind), 0))
            self.description.setText(team.description)
            self.active.setChecked(team.active)
            form.addRow("", self.active)
        else:
            # A new team's kind is chosen, or read from its name (医疗队: medical) until the person chooses one;
            # never the first in the list, the village's own group, by a slip.
            self.kind.setPlaceholderText(self.tr("Choose the kind"))
            self.kind.setCurrentIndex(-1)
            self._kind_chosen = False
            self.name.textEdited.connect(self._kind_from_name)
            self.kind.activated.connect(self._choose_kind)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    def _kind_from_name(self, name: str) -> None:
        if not self._kind_chosen:
            kind = team_kind_in_name(name)
            self.kind.setCurrentIndex(self.kind.findData(kind.value) if kind is not None else -1)

    def _choose_kind(self) -> None:
        self._kind_chosen = True

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"name": self.name, "kind": self.kind, "description": self.description, "active": self.active}

    def save(self) -> None:
        name, kind, description = self.name.text(), self.kind.currentData() or "", self.description.text()
        active, team = self.active.isChecked(), self.team

        def work(uow) -> TeamInfo:
            if team is None:
                return teams.create_team(uow, name=name, kind=kind, description=description)
            return teams.update_team(uow, team_id=team.id, name=name, kind=kind, description=description,
                                     active=active)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, team: TeamInfo) -> None:
        self.saved = team
        self.accept()


class TeamsView(ListArea):
    shows = frozenset({"teams", "team_members", "volunteers"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="teamsView", title=self.tr("Volunteer teams"), table_name="teamsTable",
                         columns=[
            Column(self.tr("Team"), lambda t: t.name),
            Column(self.tr("Kind"), lambda t: label(TeamKind, t.kind)),
            Column(self.tr("Members"), lambda t: t.member_count, align_right=True),
            Column(self.tr("Leaders"), lambda t: "、".join(t.leaders), names=True),
            Column(self.tr("Active"), lambda t: self.tr("Yes") if t.active else self.tr("No")),
        ])
        self.may_edit = context.can(Permission.EDIT_VOLUNTEER_WORK)
        self.team_columns, self.team_model, self.team_proxy, self.team_table = (
            self.columns, self.model, self.proxy, self.table)
        self.team_table.doubleClicked.connect(lambda *_: self.edit_team())
        self.new_team_button = self.add_button(self.tr("New team…"), "newTeam", self.new_team, allowed=self.may_edit)
        self.edit_team_button = self.add_button(self.tr("Change team…"), "editTeam", self.edit_team,
                                                allowed=self.may_edit)
        self.show_inactive = QCheckBox(self.tr("Show inactive teams"), objectName="showInactive")
        self.buttons.addWidget(self.show_inactive)
        self.show_inactive.toggled.connect(lambda *_: self.read_list())
        self.finish()
        self.export_teams_button = QPushButton(self.tr("Export to Excel…"), objectName="exportTeams")
        self.export_teams_button.clicked.connect(self.export_teams)
        self.buttons.addWidget(self.export_teams_button)

        members_box = QWidget()
        members_layout = QVBoxLayout(members_box)
        members_layout.setContentsMargins(0, 0, 0, 0)
        self.members_title = QLabel(objectName="membersTitle")
        members_layout.addWidget(self.members_title)
        self.member_columns = [
            Column(self.tr("Name"), lambda m: m.name, names=True),
            Column(self.tr("Phone"), lambda m: m.phone),
            Column(self.tr("Role"), lambda m: label(MemberRole, m.role)),
            Column(self.tr("Joined"), lambda m: m.joined_on),
        ]
        self.member_model = RecordTableModel(self.member_columns, row_id=lambda m: m.id, parent=self)
        self.member_proxy, self.member_table = sortable_table(self.member_model, name="membersTable", parent=self,
                                                              single=False)
        members_layout.addWidget(self.member_table)
        member_buttons = FlowLayout()
        self.add_members_button = QPushButton(self.tr("Add members…"), objectName="addMembers")
        self.make_leader_button = QPushButton(self.tr("Make leader"), objectName="makeLeader")
        self.make_member_button = QPushButton(self.tr("Make member"), objectName="makeMember")
        self.remove_button = QPushButton(self.tr("Remove from team…"), objectName="removeMember")
        self.export_members_button = QPushButton(self.tr("Export to Excel…"), objectName="exportMembers")
        for widget in (self.add_members_button, self.make_leader_button, self.make_member_button,
                       self.remove_button):
            member_buttons.addWidget(widget)
            widget.setVisible(self.may_edit)
        member_buttons.addStretch()
        member_buttons.addWidget(self.export_members_button)
        members_layout.addLayout(member_buttons)
        # The teams above, a team's members below, the border between them the person's to move.
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.layout().removeWidget(self.list_box)
        splitter.addWidget(self.list_box)
        splitter.addWidget(members_box)
        self.layout().addWidget(splitter, 1)

        self.add_members_button.clicked.connect(self.add_members)
        self.make_leader_button.clicked.connect(lambda: self.set_role(MemberRole.LEADER.value))
        self.make_member_button.clicked.connect(lambda: self.set_role(MemberRole.MEMBER.value))
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_members_button.clicked.connect(self.export_members)
        self._choosing_team = False
        self.team_table.selectionModel().selectionChanged.connect(lambda *_: self._team_chosen())
        self.member_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    # -- loading -------------------------------------------------------------------------------

    def rows_loader(self) -> Callable[[UnitOfWork], list[TeamInfo]]:
        include = self.show_inactive.isChecked()
        return lambda uow: teams.list_teams(uow, include_inactive=include)

    def _show_rows(self, reading: int, rows) -> None:
        self._choosing_team = True  # the members are read once, below, not for each selection change
        try:
            super()._show_rows(reading, rows)
        finally:
            self._choosing_team = False

    def rows_shown(self, rows) -> None:
        if self.selected_team() is None and rows:
            self.team_table.selectRow(0)
        self.reload_members()

    def _team_chosen(self) -> None:
        if not self._choosing_team:
            self.reload_members()

    def reload_members(self) -> None:
        team = self.selected_team()
        chosen = {member.id for member in self.selected_members()}
        if team is None:
            self.member_model.set_rows([])
            self.members_title.setText(self.tr("Choose a team to see its members."))
            self._update_buttons()
        else:
            read(self.context, self, lambda uow: teams.list_members(uow, team_id=team.id),
                 done=lambda members: self._show_members(team, members, chosen))

    def _show_members(self, team: TeamInfo, members: list[MemberInfo], chosen: set[str]) -> None:
        if (self.selected_team() or team).id != team.id:
            return  # another team was chosen meanwhile; its members are on their way
        self.member_model.set_rows(members)
        self.members_title.setText(self.tr("Members of {team}").format(team=team.name))
        selection = self.member_table.selectionModel()
        for row in range(self.member_proxy.rowCount()):
            index = self.member_proxy.index(row, 0)
            if index.data(ROW_ID_ROLE) in chosen:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        self._update_buttons()

    def selected_team(self) -> TeamInfo | None:
        return selected_object(self.team_table)

    def selected_members(self) -> list[MemberInfo]:
        return selected_objects(self.member_table)

    def _update_buttons(self) -> None:
        team, members = self.selected_team(), self.selected_members()
        self.edit_team_button.setEnabled(team is not None)
        self.add_members_button.setEnabled(team is not None)
        self.export_members_button.setEnabled(team is not None)
        self.make_leader_button.setEnabled(any(m.role != MemberRole.LEADER.value for m in members))
        self.make_member_button.setEnabled(any(m.role != MemberRole.MEMBER.value for m in members))
        self.remove_button.setEnabled(bool(members))

    # -- actions -------------------------------------------------------------------------------

    def new_team(self) -> QDialog | None:
        if not self.may_edit:
            return None
        dialog = TeamDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self.select_next(dialog.saved.id) if dialog.saved else None)
        return open_dialog(dialog)

    def edit_team(self) -> QDialog | None:
        team = self.selected_team()
        if team is None or not self.may_edit:
            return None
        return open_dialog(TeamDialog(self.context, team, self))

    def add_members(self) -> QDialog | None:
        team = self.selected_team()
        if team is None or not self.may_edit:
            return None
        members = [self.member_model.row_object(row) for row in range(self.member_model.rowCount())]
        return pick_many(self, self.context, lambda ids: self._add(team, ids),
                         exclude_ids=[member.volunteer_id for member in members],
                         title=self.tr("Add members to {team}").format(team=team.name))

    def _add(self, team: TeamInfo, volunteer_ids: list[str]) -> None:
        def work(uow) -> None:
            for volunteer_id in volunteer_ids:
                teams.add_member(uow, team_id=team.id, volunteer_id=volunteer_id)

        write(self.context, self, work)

    def set_role(self, role: str) -> None:
        members = [m for m in self.selected_members() if m.role != role]
        if not members or not self.may_edit:
            return
        def work(uow) -> None:
            for member in members:
                teams.set_member_role(uow, member_id=member.id, role=role)

        write(self.context, self, work)

    def remove_selected(self) -> None:
        team, members = self.selected_team(), self.selected_members()
        if team is None or not members or not self.may_edit:
            return
        names = "、".join(member.name for member in members)
        if not confirm(self, self.tr("Remove from team"),
                       self.tr("Remove {names} from {team}? Their hours stay; they can be added again later.")
                       .format(names=names, team=team.name), action=self.tr("Remove")):
            return
        def work(uow) -> None:
            for member in members:
                teams.remove_member(uow, member_id=member.id)

        self.member_table.clearSelection()
        write(self.context, self, work)

    def export_teams(self):
        day = today(self.context).isoformat()
        return self.export(self.tr("teams-{day}").format(day=day), self.tr("Volunteer teams"))

    def export_members(self):
        team = self.selected_team()
        if team is None:
            return None
        def load(uow) -> list[MemberInfo]:
            return teams.list_members(uow, team_id=team.id)

        day = today(self.context).isoformat()
        return export_rows(self, self.context, suggested_name=f"{team.name}-{day}", title=team.name,
                           columns=self.member_columns, rows_loader=load)
