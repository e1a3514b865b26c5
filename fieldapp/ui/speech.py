"""Spoken guidance through espeak-ng (Indonesian voice), in a thread of its own.

The GUI only hands over text: a speaker thread runs ``espeak-ng -v id`` and waits for it, and
keeps just the latest phrase waiting, so a slow voice never queues up old guidance. Without
espeak-ng nothing crashes: the switch says so once. On/off is remembered per machine
(settings key ``speech/enabled``), and so is the interval (``speech/interval_s``).
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

from fieldapp.ui.app import settings

VOICE = "id"
WORDS_PER_MINUTE = 150  # a little slower than espeak's 175: heard over wind and engines
SPEAK_TIMEOUT_S = 15.0
DEFAULT_INTERVAL_S = 4.0  # a phrase takes ~1.5 s: room to breathe, often enough to follow


def espeak_path() -> str | None:
    return shutil.which("espeak-ng")


def espeak_command(text: str, wav: Path | None = None) -> list[str]:
    exe = espeak_path() or "espeak-ng"
    out = ["-w", str(wav)] if wav is not None else []
    # "--" so a phrase can never be read as an option.
    return [exe, "-v", VOICE, "-s", str(WORDS_PER_MINUTE), *out, "--", text]


def render_wav(text: str, wav: Path) -> None:
    """Speak ``text`` into a WAV file (for tests and for clips rendered at build time)."""
    if espeak_path() is None:
        raise FileNotFoundError("espeak-ng is not installed (Debian: apt-get install espeak-ng)")
    subprocess.run(espeak_command(text, wav), check=True, capture_output=True,
                   timeout=SPEAK_TIMEOUT_S)  # fmt: skip


def speech_interval_s() -> float:
    """Seconds between spoken guidance when the state stays the same (``speech/interval_s``)."""
    try:
        value = float(settings().value("speech/interval_s", DEFAULT_INTERVAL_S))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_INTERVAL_S
    return value if 2.0 <= value <= 60.0 else DEFAULT_INTERVAL_S


def speech_enabled() -> bool:
    return str(settings().value("speech/enabled", "false")).lower() in ("true", "1")


def set_speech_enabled(on: bool) -> None:
    settings().setValue("speech/enabled", "true" if on else "false")


class Speaker:
    """Says phrases one after the other; a new phrase replaces one not yet started."""

    def __init__(self) -> None:
        self.available = espeak_path() is not None
        self.spoken: list[str] = []  # what was handed to espeak-ng, oldest first
        self.errors: list[str] = []
        self._pending: str | None = None
        self._cond = threading.Condition()
        self._stop = False
        self._thread: threading.Thread | None = None

    def say(self, text: str) -> bool:
        """Queue ``text`` (replacing a phrase still waiting); False when there is no engine."""
        if not self.available:
            return False
        with self._cond:
            self._pending = text
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
                self._thread.start()
            self._cond.notify()
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                text, self._pending = self._pending, None
            assert text is not None
            try:
                subprocess.run(espeak_command(text), capture_output=True,
                               timeout=SPEAK_TIMEOUT_S, check=False)  # fmt: skip
                self.spoken.append(text)
            except (OSError, subprocess.SubprocessError) as exc:
                self.errors.append(str(exc))

    def idle(self) -> bool:
        with self._cond:
            return self._pending is None

    def shutdown(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout)
