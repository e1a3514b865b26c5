"""NTRIP profile editor: caster logins kept per machine (QSettings), mountpoints from the caster."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gnss.ntrip import NtripError, NtripProfile, StreamEntry, fetch_sourcetable
from fieldapp.gnss.ntrip_setup import (
    InputProblem,
    MountpointChoice,
    ProfileInputError,
    caster_from_input,
    profile_from_input,
    rank_mountpoints,
    replace_profile,
)
from fieldapp.sync.secrets import (
    SecretError,
    delete_secret,
    get_secret,
    ntrip_password_name,
    set_secret,
)
from fieldapp.ui.app import settings, text_style
from fieldapp.ui.errors import error_text
from fieldapp.ui.numbers import fixed

PROFILES_KEY = "ntrip/profiles"
CHOICE_KEY = "device/ntrip"  # DeviceChoice.ntrip: the profile the receiver setup uses


def _stored_profiles() -> list[NtripProfile]:
    try:
        data = json.loads(str(settings().value(PROFILES_KEY, "[]")))
        return [NtripProfile.from_json(p) for p in data]
    except (ValueError, TypeError, AttributeError):
        return []


def ntrip_profiles() -> list[NtripProfile]:
    """The profiles saved on this machine: fields in the INI (ntrip/profiles, a JSON list),
    passwords in the credential store (fieldapp.sync.secrets)."""
    stored = _stored_profiles()
    if any(p.password for p in stored):
        # Written by an older fieldapp, passwords in plain text: move them out of the INI.
        # Where they cannot be stored safely yet they stay as they are: never lost.
        with contextlib.suppress(SecretError):
            save_ntrip_profiles(stored)
        return stored
    profiles = []
    for p in stored:
        try:
            password = get_secret(ntrip_password_name(p.name)) or ""
        except SecretError:
            password = ""
        profiles.append(replace(p, password=password))
    return profiles


def save_ntrip_profiles(profiles: Sequence[NtripProfile]) -> None:
    """Save the profiles; raises SecretError when a password cannot be stored safely."""
    gone = {p.name for p in _stored_profiles()} - {p.name for p in profiles}
    for p in profiles:
        set_secret(ntrip_password_name(p.name), p.password)
    for name in gone:
        delete_secret(ntrip_password_name(name))
    s = settings()
    s.setValue(PROFILES_KEY, json.dumps([{**p.to_json(), "password": ""} for p in profiles]))
    s.sync()


class SourcetableFetch(QObject):
    """Downloads a source table in a Python thread; results come back as queued signals."""

    loaded = Signal(int, object)  # request number, list[StreamEntry]
    failed = Signal(int, str)  # request number, reason

    def start(self, number: int, profile: NtripProfile) -> None:
        def run() -> None:
            try:
                table = fetch_sourcetable(profile)
            except (OSError, NtripError) as exc:
                self.failed.emit(number, error_text(exc))
            else:
                self.loaded.emit(number, table)

        threading.Thread(target=run, name="ntrip-sourcetable", daemon=True).start()


class NtripDialog(QDialog):
    """List of profiles on the left, the selected one's fields and its caster's mountpoints."""

    def __init__(
        self, position: tuple[float, float] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("NTRIP profiles"))
        self.position = position
        self.profiles = ntrip_profiles()
        self.editing: str | None = None  # name of the saved profile in the form; None = new
        self._request = 0  # source-table request whose answer we still want
        self.choices: list[MountpointChoice] = []
        self.last_saved: str | None = None
        self._fetch = SourcetableFetch(self)
        self._fetch.loaded.connect(self._on_table, Qt.ConnectionType.QueuedConnection)
        self._fetch.failed.connect(self._on_table_failed, Qt.ConnectionType.QueuedConnection)

        self.list = QListWidget()
        self.add_btn = QPushButton(self.tr("New profile"))
        self.delete_btn = QPushButton(self.tr("Delete"))
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Saved profiles")))
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_btn)
        buttons.addWidget(self.delete_btn)
        left.addLayout(buttons)

        self.name = QLineEdit()
        self.host = QLineEdit()
        self.host.setPlaceholderText("nrtk.big.go.id")
        self.port = QLineEdit("2101")
        self.mountpoint = QLineEdit()
        self.load_btn = QPushButton(self.tr("Load mountpoints"))
        mount_row = QHBoxLayout()
        mount_row.addWidget(self.mountpoint, 1)
        mount_row.addWidget(self.load_btn)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.version = QComboBox()
        self.version.addItem(self.tr("2 (HTTP/1.1)"), "2")
        self.version.addItem(self.tr("1 (old casters)"), "1")
        self.send_gga = QCheckBox(self.tr("Send my position (GGA): needed for VRS"))
        self.labels = {
            "name": self.tr("Name"), "host": self.tr("Caster host"), "port": self.tr("Port"),
            "mountpoint": self.tr("Mountpoint"), "username": self.tr("User"),
            "password": self.tr("Password"), "version": self.tr("NTRIP version"),
        }  # fmt: skip
        # Two fields per row: the mountpoint table below needs the height on a 768-px screen.
        form = QGridLayout()
        form.setColumnStretch(1, 3)
        form.setColumnStretch(3, 2)
        self.port.setMaximumWidth(160)
        for row, key in enumerate(("name", "host", "mountpoint", "username", "version")):
            form.addWidget(QLabel(self.labels[key]), row, 0)
        form.addWidget(self.name, 0, 1, 1, 3)
        form.addWidget(self.host, 1, 1)
        form.addWidget(QLabel(self.labels["port"]), 1, 2)
        form.addWidget(self.port, 1, 3)
        form.addLayout(mount_row, 2, 1, 1, 3)
        form.addWidget(self.user, 3, 1)
        form.addWidget(QLabel(self.labels["password"]), 3, 2)
        form.addWidget(self.password, 3, 3)
        form.addWidget(self.version, 4, 1)
        form.addWidget(self.send_gga, 5, 1, 1, 3)
        self.inputs: dict[str, QWidget] = {
            "name": self.name, "host": self.host, "port": self.port,
            "mountpoint": self.mountpoint, "version": self.version,
        }  # fmt: skip

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mountpoint"), self.tr("Format"), self.tr("Distance"), self.tr("GGA")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table_status = QLabel(self.tr("Press “Load mountpoints” to ask the caster."))
        self.table_status.setProperty("role", "caption")
        self.table_status.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_btn = QPushButton(self.tr("Save profile"))
        self.save_btn.setProperty("accent", True)
        self.close_btn = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_btn)
        bottom.addWidget(self.close_btn)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.table_status)
        right.addWidget(self.table, 1)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 5)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addLayout(bottom)

        self.list.currentRowChanged.connect(self._show_row)
        self.add_btn.clicked.connect(self.new_profile)
        self.delete_btn.clicked.connect(self._confirm_delete)
        self.load_btn.clicked.connect(self.load_mountpoints)
        self.table.cellClicked.connect(self._pick_mountpoint)
        self.save_btn.clicked.connect(self.save_profile)
        self.close_btn.clicked.connect(self.accept)
        self._fill_list(None)
        if not self.profiles:
            self.new_profile()

    # -- list --------------------------------------------------------------------------
    def _fill_list(self, select: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.profiles:
            self.list.addItem(p.name)
        self.list.blockSignals(False)
        names = [p.name for p in self.profiles]
        row = names.index(select) if select in names else (0 if names else -1)
        self.list.setCurrentRow(row)
        self._show_row(row)

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.profiles):
            self.show_profile(self.profiles[row])

    def show_profile(self, p: NtripProfile) -> None:
        self.editing = p.name
        self.name.setText(p.name)
        self.host.setText(p.host)
        self.port.setText(str(p.port))
        self.mountpoint.setText(p.mountpoint)
        self.user.setText(p.username)
        self.password.setText(p.password)
        self.version.setCurrentIndex(max(0, self.version.findData(str(p.version))))
        self.send_gga.setChecked(p.send_gga)
        self._clear_message()

    def new_profile(self) -> None:
        self.list.clearSelection()
        self.editing = None
        for edit in (self.name, self.host, self.mountpoint, self.user, self.password):
            edit.clear()
        self.port.setText("2101")
        self.version.setCurrentIndex(0)
        self.send_gga.setChecked(False)
        self._clear_message()
        self.name.setFocus()

    def _confirm_delete(self) -> None:
        if self.editing is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete the profile “{0}”?").format(self.editing)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_profile()

    def delete_profile(self) -> None:
        if self.editing is None:
            return
        self.profiles = [p for p in self.profiles if p.name != self.editing]
        try:
            save_ntrip_profiles(self.profiles)
        except SecretError as exc:
            self._say(error_text(exc), error=True)
        if str(settings().value(CHOICE_KEY, "")) == self.editing:
            settings().setValue(CHOICE_KEY, "")
        self._fill_list(None)
        if not self.profiles:
            self.new_profile()

    # -- saving ------------------------------------------------------------------------
    def save_profile(self) -> bool:
        """Check the fields, store the profile; a wrong field gets a message naming it."""
        try:
            profile = profile_from_input(
                name=self.name.text(), host=self.host.text(), port=self.port.text(),
                mountpoint=self.mountpoint.text(), username=self.user.text(),
                password=self.password.text(), version=str(self.version.currentData()),
                send_gga=self.send_gga.isChecked(),
            )  # fmt: skip
            profiles = replace_profile(self.profiles, self.editing, profile)
        except ProfileInputError as exc:
            self._show_input_error(exc)
            return False
        try:
            save_ntrip_profiles(profiles)
        except SecretError as exc:
            self._say(error_text(exc), error=True)
            return False
        renamed = self.editing is not None and self.editing != profile.name
        if renamed and str(settings().value(CHOICE_KEY, "")) == self.editing:
            settings().setValue(CHOICE_KEY, profile.name)  # the receiver setup follows a rename
        self.profiles = profiles
        self.last_saved = profile.name
        self._fill_list(profile.name)
        self._say(self.tr("Profile “{0}” saved.").format(profile.name), error=False)
        return True

    def _show_input_error(self, exc: ProfileInputError) -> None:
        label = self.labels.get(exc.field, exc.field)
        texts = {
            InputProblem.EMPTY: self.tr("{0}: this field is empty; fill it in."),
            InputProblem.NOT_A_NUMBER: self.tr("{0}: type a whole number, not “{1}”."),
            InputProblem.OUT_OF_RANGE: self.tr("{0}: type a number from {2} to {3}, not “{1}”."),
            InputProblem.BAD_CHARACTERS: self.tr(
                "{0}: only the name, without spaces, “/” or “http://” (you typed “{1}”)."
            ),
            InputProblem.DUPLICATE: self.tr("{0}: another profile is already called “{1}”."),
        }
        self._say(texts[exc.problem].format(label, exc.value.strip(), exc.low, exc.high))
        widget = self.inputs.get(exc.field)
        if widget is not None:
            widget.setFocus()

    def _say(self, text: str, error: bool = True) -> None:
        self.message.setProperty("error", error)
        self.message.setStyleSheet(text_style("bad") if error else "")
        self.message.setText(text)

    def _clear_message(self) -> None:
        self.message.clear()

    # -- mountpoints ---------------------------------------------------------------------
    def load_mountpoints(self) -> None:
        """Ask the caster for its source table in a thread; pressing again cancels."""
        if self.load_btn.property("busy"):
            self._request += 1  # the answer still on its way is dropped
            self._loading(False)
            self.table_status.setText(self.tr("Cancelled."))
            return
        try:
            caster = caster_from_input(
                host=self.host.text(), port=self.port.text(), username=self.user.text(),
                password=self.password.text(), version=str(self.version.currentData()),
            )  # fmt: skip
        except ProfileInputError as exc:
            self._show_input_error(exc)
            return
        self._clear_message()
        self._request += 1
        self._loading(True)
        self.table_status.setText(
            self.tr("Asking {0}:{1} for its mountpoints…").format(caster.host, caster.port)
        )
        self._fetch.start(self._request, caster)

    def _loading(self, busy: bool) -> None:
        self.load_btn.setProperty("busy", busy)
        self.load_btn.setText(self.tr("Cancel") if busy else self.tr("Load mountpoints"))

    @Slot(int, object)
    def _on_table(self, number: int, table: list[StreamEntry]) -> None:
        if number != self._request:
            return
        self._loading(False)
        self.show_mountpoints(rank_mountpoints(table, self.position))

    @Slot(int, str)
    def _on_table_failed(self, number: int, reason: str) -> None:
        if number != self._request:
            return
        self._loading(False)
        self.table_status.setText("")
        self._say(self.tr("Mountpoints not loaded: {0}").format(reason))

    def show_mountpoints(self, choices: list[MountpointChoice]) -> None:
        self.choices = choices
        self.table.setRowCount(len(choices))
        yes, no = self.tr("yes"), self.tr("no")
        for row, c in enumerate(choices):
            e = c.entry
            km = c.distance_km
            dist = "–" if km is None else self.tr("{0} km").format(fixed(km, 1))
            cells = [
                f"{e.mountpoint}  ({e.identifier})" if e.identifier else e.mountpoint,
                e.format,
                dist,
                yes if e.needs_gga else no,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{e.format_details}\n{e.nav_system} {e.network} {e.country}")
                self.table.setItem(row, col, item)
        if not choices:
            self.table_status.setText(self.tr("The caster lists no mountpoints."))
        elif self.position is None:
            self.table_status.setText(
                self.tr("{0} mountpoints; no position yet, so no distances. Tap one to use it.")
                .format(len(choices))
            )  # fmt: skip
        else:
            self.table_status.setText(
                self.tr("{0} mountpoints, nearest first. Tap one to use it.").format(len(choices))
            )

    @Slot(int, int)
    def _pick_mountpoint(self, row: int, _col: int) -> None:
        entry = self.choices[row].entry
        self.mountpoint.setText(entry.mountpoint)
        if entry.needs_gga:
            self.send_gga.setChecked(True)  # a VRS stream sends nothing without our position
