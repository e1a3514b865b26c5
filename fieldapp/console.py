"""The CLI's standard streams in UTF-8, also where Windows would give them its ANSI code page."""

from __future__ import annotations

import codecs
import os
import sys
from typing import TextIO


def utf8_console(streams: tuple[TextIO, ...] | None = None) -> list[str]:
    """Reconfigure stdout and stderr to UTF-8 when they are not; return the names changed.

    On Windows a pipe or a redirect gets the ANSI code page (cp1252): ``°`` arrives as one
    foreign byte and ``′`` or ``–`` stop the command with UnicodeEncodeError. A console window
    is already UTF-8 (Python writes it as wide characters) and so is ``-X utf8``; an explicit
    PYTHONIOENCODING is the user's choice and is kept.
    """
    if os.environ.get("PYTHONIOENCODING"):
        return []
    changed = []
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None or _is_utf8(encoding):
            continue
        reconfigure(encoding="utf-8", errors="replace")
        changed.append(getattr(stream, "name", "?"))
    return changed


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False
