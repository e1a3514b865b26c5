"""Office staff accounts: argon2id passwords, server-side sessions, lockout after failures."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from fieldapp.sync.office.db import Database
from fieldapp.sync.office.service import OfficeError, _add_principal, hash_token, now_iso

IDLE = dt.timedelta(hours=12)
ABSOLUTE = dt.timedelta(days=7)
WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
# Many names from one address is guessing too; generous enough for a shared office NAT.
MAX_FAILURES_PER_CLIENT = 30
MIN_PASSWORD = 10
MAX_PASSWORD = 1024

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@functools.cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so a wrong name costs as long as a wrong password.

    Made on first use, not at import: one argon2 hash costs ~0.5 s, which every `office` command
    and every server start would otherwise pay.
    """
    return _hasher.hash(secrets.token_urlsafe(16))


def warm_up() -> None:
    """Make the unknown-name hash now (the receiver calls it beside its start-up)."""
    _dummy_hash()


@dataclass(frozen=True, slots=True)
class Staff:
    id: int
    name: str
    session_token: str  # the cookie value; the CSRF token is derived from it

    @property
    def csrf(self) -> str:
        return csrf_for(self.session_token)


@dataclass(frozen=True, slots=True)
class LoginResult:
    session_token: str | None
    locked_minutes: int  # > 0: refused without looking at the password


def csrf_for(session_token: str) -> str:
    """Per-session CSRF token: an HMAC of the session token, so nothing more is stored."""
    return hmac.new(session_token.encode(), b"fieldapp-csrf", hashlib.sha256).hexdigest()


def _iso(when: dt.datetime) -> str:
    return when.isoformat(timespec="milliseconds")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_password_rules(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise OfficeError(422, f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters")


def add_staff(db: Database, name: str, password: str) -> None:
    check_password_rules(password)
    _add_principal(db, "staff", name)  # its token is never shown: sign-in is by password
    db.query("UPDATE staff SET password_hash = ? WHERE name = ?", [_hasher.hash(password), name])


def set_password(db: Database, name: str, password: str) -> None:
    """A new password (e.g. for a staff row from schema version 2); ends its sessions."""
    check_password_rules(password)
    with db.transaction():
        row = db.one("SELECT id FROM staff WHERE name = ?", [name])
        if row is None:
            raise OfficeError(404, f"staff {name!r} does not exist")
        db.query(
            "UPDATE staff SET password_hash = ?, disabled_at = NULL WHERE id = ?",
            [_hasher.hash(password), row[0]],
        )
        db.query("DELETE FROM staff_session WHERE staff_id = ?", [row[0]])
        db.query(
            "INSERT INTO audit (at, actor, action, notes) VALUES (?, 'office-admin', ?, ?)",
            [now_iso(), "staff_password_set", name],
        )


def disable_staff(db: Database, name: str) -> None:
    with db.transaction():
        row = db.one("SELECT id FROM staff WHERE name = ?", [name])
        if row is None:
            raise OfficeError(404, f"staff {name!r} does not exist")
        db.query("UPDATE staff SET disabled_at = ? WHERE id = ?", [now_iso(), row[0]])
        db.query("DELETE FROM staff_session WHERE staff_id = ?", [row[0]])
        db.query(
            "INSERT INTO audit (at, actor, action, notes) VALUES (?, 'office-admin', ?, ?)",
            [now_iso(), "staff_disabled", name],
        )


def staff_without_password(db: Database) -> list[str]:
    rows = db.query(
        "SELECT name FROM staff WHERE password_hash IS NULL AND disabled_at IS NULL ORDER BY name"
    )
    return [str(r[0]) for r in rows]


def _locked_minutes(db: Database, column: str, value: str, limit: int) -> int:
    since = _now() - WINDOW
    rows = db.query(
        f"SELECT at FROM login_failure WHERE {column} = ? AND at > ? ORDER BY at DESC",
        [value, _iso(since)],
    )
    if len(rows) < limit:
        return 0
    # Free again when the limit-th most recent failure leaves the window.
    oldest = dt.datetime.fromisoformat(str(rows[limit - 1][0]))
    return max(1, math.ceil((oldest + WINDOW - _now()).total_seconds() / 60))


def login(db: Database, name: str, password: str, client: str) -> LoginResult:
    """A new session for the right name and password, unless the name or client is locked."""
    name, password = name[:200], password[:MAX_PASSWORD]
    locked = max(
        _locked_minutes(db, "name", name, MAX_FAILURES_PER_NAME),
        _locked_minutes(db, "client", client, MAX_FAILURES_PER_CLIENT),
    )
    if locked:
        return LoginResult(None, locked)
    row = db.one(
        "SELECT id, password_hash FROM staff WHERE name = ? AND disabled_at IS NULL", [name]
    )
    stored = str(row[1]) if row is not None and row[1] else None
    try:
        ok = _hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or row is None or stored is None:
        with db.transaction():
            db.query(
                "INSERT INTO login_failure (name, client, at) VALUES (?, ?, ?)",
                [name, client, now_iso()],
            )
            db.query("DELETE FROM login_failure WHERE at < ?", [_iso(_now() - 2 * WINDOW)])
        return LoginResult(None, 0)
    token = secrets.token_urlsafe(32)
    now = _now()
    with db.transaction():
        if _hasher.check_needs_rehash(stored):
            db.query(
                "UPDATE staff SET password_hash = ? WHERE id = ?", [_hasher.hash(password), row[0]]
            )
        db.query("DELETE FROM login_failure WHERE name = ?", [name])
        db.query("DELETE FROM staff_session WHERE expires_at < ?", [_iso(now)])
        db.query(
            "INSERT INTO staff_session (token_hash, staff_id, created_at, last_seen, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [hash_token(token), row[0], _iso(now), _iso(now), _iso(now + ABSOLUTE)],
        )
    return LoginResult(token, 0)


def staff_for_session(db: Database, token: str) -> Staff | None:
    """The signed-in staff of a live session (idle and absolute limits); touches it."""
    if not token or len(token) > 200:
        return None
    now = _now()
    row = db.one(
        "SELECT s.id, s.name FROM staff_session x JOIN staff s ON s.id = x.staff_id"
        " WHERE x.token_hash = ? AND x.expires_at > ? AND x.last_seen > ?"
        " AND s.disabled_at IS NULL",
        [hash_token(token), _iso(now), _iso(now - IDLE)],
    )
    if row is None:
        return None
    db.query(
        "UPDATE staff_session SET last_seen = ? WHERE token_hash = ?",
        [_iso(now), hash_token(token)],
    )
    return Staff(int(row[0]), str(row[1]), token)


def logout(db: Database, token: str) -> None:
    db.query("DELETE FROM staff_session WHERE token_hash = ?", [hash_token(token)])
