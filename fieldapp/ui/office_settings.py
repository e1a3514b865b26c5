"""Office settings of this laptop (address, device token, automatic sending) and their group box."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from fieldapp.sync.identity import config_dir
from fieldapp.sync.secrets import OFFICE_TOKEN, SecretError, get_secret, set_secret
from fieldapp.sync.status import office_url_problem
from fieldapp.ui.app import settings
from fieldapp.ui.errors import error_text

URL_KEY = "office/url"
TOKEN_KEY = "office/token"  # only read, to move a token older versions kept here
AUTO_KEY = "office/auto_push"
# The token as read from the credential store, by config folder. The outbox checks the
# settings every few seconds on the GUI thread, and the store is a D-Bus call on Linux: it is
# read once, and this window is the only program that changes it (save, migration).
_tokens: dict[str, str] = {}
# On by default: the laptop sits offline for days and the weak link at camp comes and goes
# while nobody watches the screen; only sealed revisions travel (sealing is the surveyor's
# deliberate act), a check costs nothing offline, and nothing moves until an office address
# and token are set. The switch is for links paid by the megabyte.
AUTO_DEFAULT = True


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    url: str
    token: str
    auto_push: bool

    @classmethod
    def load(cls) -> OfficeSettings:
        s = settings()
        _migrate_token(s)
        home = str(config_dir())
        token = _tokens.get(home)
        if token is None:
            try:
                token = _tokens[home] = get_secret(OFFICE_TOKEN) or ""
            except SecretError:
                token = ""  # the secrets file cannot be read: sending asks for the token again
        return cls(
            url=str(s.value(URL_KEY, "") or "").strip(),
            token=token.strip(),
            auto_push=bool(s.value(AUTO_KEY, AUTO_DEFAULT, type=bool)),
        )

    def save(self) -> None:
        """The address and switch into the INI; the token into the credential store only.

        Raises SecretError when the token cannot be stored anywhere safe.
        """
        s = settings()
        s.setValue(URL_KEY, self.url)
        s.setValue(AUTO_KEY, self.auto_push)
        s.remove(TOKEN_KEY)
        s.sync()
        _tokens.pop(str(config_dir()), None)
        if (get_secret(OFFICE_TOKEN) or "") != self.token:
            set_secret(OFFICE_TOKEN, self.token)

    @property
    def problem(self) -> str | None:
        """Why sending cannot start with these settings (core words), or None."""
        reason = office_url_problem(self.url)
        if reason is not None:
            return reason
        return None if self.token else "no device token"


def _migrate_token(s: QSettings) -> None:
    """A token an older fieldapp left in plain text in the INI moves to the credential store."""
    legacy = str(s.value(TOKEN_KEY, "") or "").strip()
    if not legacy:
        return
    _tokens.pop(str(config_dir()), None)
    try:
        set_secret(OFFICE_TOKEN, legacy)
    except SecretError:
        return  # kept where it is until it can be stored safely: never lost
    s.remove(TOKEN_KEY)
    s.sync()


class OfficeBox(QGroupBox):
    """Edits OfficeSettings in place; every change is saved at once and announced."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Office"), parent)
        current = OfficeSettings.load()
        self.url_edit = QLineEdit(current.url)
        self.url_edit.setPlaceholderText("https://kantor.example.co.id:8443")
        self.token_edit = QLineEdit(current.token)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("from the office"))
        self.auto_check = QCheckBox(self.tr("Send automatically when there is signal"))
        self.auto_check.setChecked(current.auto_push)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Office address")), 0, 0)
        grid.addWidget(self.url_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("Device token")), 0, 2)
        grid.addWidget(self.token_edit, 0, 3)
        grid.addWidget(self.auto_check, 0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.url_edit.textChanged.connect(self._save)
        self.token_edit.textChanged.connect(self._save)
        self.auto_check.toggled.connect(self._save)

    def values(self) -> OfficeSettings:
        return OfficeSettings(
            self.url_edit.text().strip(),
            self.token_edit.text().strip(),
            self.auto_check.isChecked(),
        )

    def _save(self) -> None:
        try:
            self.values().save()
        except SecretError as exc:
            self.token_edit.setToolTip(error_text(exc))  # kept for this session only
        self.changed.emit()
