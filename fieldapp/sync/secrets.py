"""Secrets of this laptop (device token, NTRIP passwords): OS credential store, else a private file.

The credential store is the ``keyring`` package's: Windows Credential Manager, macOS Keychain,
Secret Service on Linux. Where no backend is usable (a Linux tablet without a keyring daemon,
a locked keyring), the secret goes into ``secrets.json`` in the config dir, readable by this
user only (mode 0600; on Windows an ACL, see owner_only.py). Never in the settings INI, which
any user of the machine may read. No Qt here: the CLI and the window use the same functions.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.sync.identity import config_dir
from fieldapp.sync.owner_only import write_private

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "fieldapp"
FALLBACK_FILE = "secrets.json"
# FIELDAPP_SECRETS=file skips the credential store (tests, portable installs on a stick).
BACKEND_ENV = "FIELDAPP_SECRETS"
TOKEN_ENV = "FIELDAPP_TOKEN"
OFFICE_TOKEN = "office/token"
MAX_TOKEN_FILE_BYTES = 4096


class SecretError(RuntimeError):
    """A secret that cannot be read or stored, with the reason in words."""


@dataclass(frozen=True, slots=True)
class SecretPlace:
    """Where this laptop keeps its secrets, for the settings page and the logs."""

    keyring: bool
    description: str


def ntrip_password_name(profile: str) -> str:
    return f"ntrip/{profile}/password"


def _backend() -> KeyringBackend | None:
    if os.environ.get(BACKEND_ENV, "").lower() == "file":
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken backend plugin must not stop the app: the file serves
        return None
    return None if isinstance(backend, fail.Keyring) else backend


def secret_place() -> SecretPlace:
    backend = _backend()
    if backend is None:
        return SecretPlace(False, f"{_fallback_path()} (this user only)")
    return SecretPlace(True, f"{type(backend).__name__} ({type(backend).__module__})")


def _fallback_path() -> Path:
    return config_dir() / FALLBACK_FILE


def _read_fallback() -> dict[str, str]:
    try:
        data = json.loads(_fallback_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError:
        return {}  # damaged: nothing in it can be used; the next save writes it whole again
    except OSError as exc:
        raise SecretError(f"{_fallback_path()}: cannot read the stored secrets: {exc}") from exc
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def _write_fallback(secrets: dict[str, str]) -> None:
    path = _fallback_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Owner-only from the moment the file exists (0600; a one-user ACL on Windows, where
        # the mode bits mean nothing): never a window where others may read it.
        write_private(path, json.dumps(secrets, indent=1, sort_keys=True))
    except OSError as exc:
        raise SecretError(f"{path}: cannot store the secret: {exc.strerror or exc}") from exc


def get_secret(name: str) -> str | None:
    """The secret stored under ``name``, or None."""
    backend = _backend()
    if backend is not None:
        from keyring.errors import KeyringError

        try:
            value = backend.get_password(SERVICE, name)
        except KeyringError:
            value = None  # locked or gone: the file may still hold it
        if value:
            return value
    return _read_fallback().get(name) or None


def set_secret(name: str, value: str) -> SecretPlace:
    """Store ``value`` under ``name`` (empty: forget it); say where it went."""
    if not value:
        delete_secret(name)
        return secret_place()
    backend = _backend()
    if backend is not None:
        from keyring.errors import KeyringError

        try:
            backend.set_password(SERVICE, name, value)
        except KeyringError:
            pass  # a locked keyring: keep it in the file rather than lose it
        else:
            _forget_in_file(name)
            return SecretPlace(True, type(backend).__name__)
    secrets = _read_fallback()
    secrets[name] = value
    _write_fallback(secrets)
    return SecretPlace(False, str(_fallback_path()))


def delete_secret(name: str) -> None:
    backend = _backend()
    if backend is not None:
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError):  # PasswordDeleteError: there was none
            backend.delete_password(SERVICE, name)
    _forget_in_file(name)


def _forget_in_file(name: str) -> None:
    if not _fallback_path().is_file():
        return
    secrets = _read_fallback()
    if name in secrets:
        del secrets[name]
        _write_fallback(secrets)


def read_token_file(path: str | Path) -> str:
    """The device token in ``path``: one line, printable, bounded; a clear error otherwise."""
    source = Path(path)
    try:
        with source.open("rb") as fh:
            data = fh.read(MAX_TOKEN_FILE_BYTES + 1)
    except OSError as exc:
        raise SecretError(f"{source}: cannot read the token file: {exc.strerror or exc}") from exc
    if len(data) > MAX_TOKEN_FILE_BYTES:
        raise SecretError(f"{source}: a token file holds one line of at most 4096 bytes")
    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise SecretError(f"{source}: the token file is not UTF-8 text") from None
    if not text:
        raise SecretError(f"{source}: the token file is empty")
    if "\n" in text or not text.isprintable():
        raise SecretError(f"{source}: a token file holds the token alone on one line")
    return text
