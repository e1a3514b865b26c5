"""The device token and NTRIP passwords never sit in the settings INI: saved through the real
widgets, moved out of an INI an older fieldapp wrote, and kept in a file only this user reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from privatekit import others_with_access
from PySide6.QtCore import QSettings

from fieldapp.gnss.ntrip import NtripProfile
from fieldapp.sync import secrets
from fieldapp.ui.app import settings
from fieldapp.ui.ntrip_dialog import NtripDialog, ntrip_profiles
from fieldapp.ui.office_settings import OfficeBox, OfficeSettings

TOKEN = "tok-3f9a1c77e2b54d0e"
PASSWORD = "rahasia-caster-42"


def _ini_text() -> str:
    s = settings()
    s.sync()
    return Path(s.fileName()).read_text(encoding="utf-8")


def _fallback() -> Path:
    return secrets.config_dir() / secrets.FALLBACK_FILE


def test_token_typed_in_the_office_box_is_not_in_the_ini(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = OfficeBox()
    qtbot.addWidget(box)
    box.url_edit.setText("https://kantor.example.co.id:8443")
    box.token_edit.setText(TOKEN)
    text = _ini_text()
    assert "kantor.example.co.id" in text  # the INI was written, just not the secret
    assert TOKEN not in text and "token" not in text
    assert OfficeSettings.load().token == TOKEN
    assert others_with_access(_fallback()) == []  # 0600, or a one-user ACL on Windows
    assert json.loads(_fallback().read_text(encoding="utf-8")) == {secrets.OFFICE_TOKEN: TOKEN}


def test_ntrip_password_saved_through_the_dialog_is_not_in_the_ini(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NtripDialog()
    qtbot.addWidget(dialog)
    dialog.new_profile()
    dialog.name.setText("CORS BIG")
    dialog.host.setText("caster.example.id")
    dialog.mountpoint.setText("SMDA")
    dialog.user.setText("juru")
    dialog.password.setText(PASSWORD)
    assert dialog.save_profile()
    assert PASSWORD not in _ini_text()
    [profile] = ntrip_profiles()
    assert (profile.name, profile.username, profile.password) == ("CORS BIG", "juru", PASSWORD)
    # Deleting the profile forgets its password too.
    dialog.editing = "CORS BIG"
    dialog.delete_profile()
    assert secrets.get_secret(secrets.ntrip_password_name("CORS BIG")) is None


def test_plain_text_secrets_of_an_older_ini_move_out_on_first_read() -> None:
    s = settings()
    s.setValue("office/token", TOKEN)
    old = NtripProfile("Kantor", "caster.example.id", mountpoint="M", username="u",
                       password=PASSWORD)  # fmt: skip
    s.setValue("ntrip/profiles", json.dumps([old.to_json()]))
    s.sync()
    assert TOKEN in _ini_text() and PASSWORD in _ini_text()
    assert OfficeSettings.load().token == TOKEN
    assert ntrip_profiles()[0].password == PASSWORD
    text = _ini_text()
    assert TOKEN not in text and PASSWORD not in text
    assert "caster.example.id" in text  # the rest of the profile stays in the INI
    # Read again, from where they went.
    assert OfficeSettings.load().token == TOKEN
    assert ntrip_profiles() == [old]


class _MemoryKeyring(KeyringBackend):
    """A stand-in for the operating system's credential store (not one of our parts)."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805
        # Not viable for keyring's own choice: subclasses register themselves process-wide,
        # and only the test that sets it explicitly may use it.
        raise RuntimeError("test stand-in")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def test_a_usable_credential_store_is_preferred_to_the_file(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.delenv("FIELDAPP_SECRETS")
    store = _MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(store)
    try:
        # A token the file fallback held (no keyring before) moves into the keyring on save.
        secrets._write_fallback({secrets.OFFICE_TOKEN: "lama"})
        box = OfficeBox()
        qtbot.addWidget(box)
        assert box.token_edit.text() == "lama"
        box.token_edit.setText(TOKEN)
        assert store.items == {("fieldapp", secrets.OFFICE_TOKEN): TOKEN}
        assert json.loads(_fallback().read_text(encoding="utf-8")) == {}
        assert secrets.secret_place().keyring
        assert TOKEN not in _ini_text()
    finally:
        keyring.set_keyring(previous)


def test_no_usable_backend_falls_back_to_the_file() -> None:
    # keyring's own "fail" backend, as on a machine without any credential store.
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("FIELDAPP_SECRETS")
            assert not secrets.secret_place().keyring
            secrets.set_secret("x", "y")
            assert secrets.get_secret("x") == "y"
            assert _fallback().is_file()
    finally:
        keyring.set_keyring(previous)


def test_settings_file_is_the_isolated_one() -> None:
    # Guards the fixture: the assertions above read the test's INI, not a real user's.
    assert "cfg" in Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   "x", "y").fileName()).parts  # fmt: skip
