"""The CLI writes UTF-8 through a pipe even where the stream was cp1252 (Windows' ANSI page)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.console import utf8_console

ROOT = Path(__file__).resolve().parents[3]
CONVERT = ["crs", "convert", "--from", "EPSG:32750", "--to", "EPSG:4326", "500000", "9944000"]
# What Windows gives a Python whose stdout is a pipe: the ANSI code page, strict errors.
AS_ON_WINDOWS = (
    "import io, sys\n"
    "sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='cp1252', newline='')\n"
    "sys.stderr = io.TextIOWrapper(sys.stderr.buffer, encoding='cp1252', newline='')\n"
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _python(code: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-c", code],
        capture_output=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout


def test_a_cp1252_pipe_really_gives_the_foreign_byte() -> None:
    # The baseline the fix answers: without it ° is the single byte B0, not UTF-8's C2 B0.
    assert _python(AS_ON_WINDOWS + "print('°')") == b"\xb0\n"


def test_the_cli_on_a_cp1252_pipe_writes_the_degree_sign_as_utf8() -> None:
    out = _python(
        AS_ON_WINDOWS + f"from fieldapp.cli import main\nraise SystemExit(main({CONVERT!r}))"
    )
    text = out.decode("utf-8")  # strict: a lone B0 byte would fail here
    assert "00° 30' 23,93796\" LS  117° 00' 00,00000\" BT" in text
    assert "°".encode() in out and b" \xb0" not in out


def test_characters_outside_cp1252_do_not_stop_the_command() -> None:
    code = (
        AS_ON_WINDOWS
        + "from fieldapp.console import utf8_console\nutf8_console()\nprint('1° 2′ 3″ – ≥')"
    )
    assert _python(code).decode("utf-8") == "1° 2′ 3″ – ≥\n"


def test_only_streams_not_in_utf8_are_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    ansi = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="UTF8")
    assert len(utf8_console((ansi, utf8))) == 1
    assert ansi.encoding == "utf-8" and utf8.encoding == "UTF8"
    ansi.write("°")
    ansi.flush()
    assert ansi.buffer.getvalue() == b"\xc2\xb0"  # type: ignore[attr-defined]


def test_an_explicit_pythonioencoding_is_the_users_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONIOENCODING", "cp1252")
    ansi = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    assert utf8_console((ansi,)) == [] and ansi.encoding == "cp1252"


@pytest.mark.skipif(sys.platform != "win32", reason="Windows: a real pipe in the ANSI code page")
def test_windows_pipe_gets_utf8_from_the_real_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "fieldapp", *CONVERT],
        capture_output=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "117° 00' 00,00000\" BT" in done.stdout.decode("utf-8")
