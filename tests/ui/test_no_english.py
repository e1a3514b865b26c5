"""In Bahasa Indonesia, the window shows no English word (the views of the window helper).

An English word is one that appears in the English source of our messages and in none of
their Indonesian translations ("Receiver", "not", "found"); proper names, units and data
(marker names, file paths) never match. Every tab is built with a receiver connected, so the
live texts are there too.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.retranslate import _messages

WORD = re.compile(r"[A-Za-z]{3,}")
# Terms Indonesian surveyors use as they are.
ALLOWED = {"stake", "out", "fix", "fixed", "float", "rtk", "gnss", "ntrip", "pdop", "dgps"}


def _english_words() -> set[str]:
    english: set[str] = set()
    indonesian: set[str] = set()
    for _ctx, src, ind in _messages():
        english |= {w.lower() for w in WORD.findall(src)}
        indonesian |= {w.lower() for w in WORD.findall(ind)}
    return english - indonesian - ALLOWED


def _texts(w: QWidget) -> list[str]:
    out = [w.toolTip()]
    if isinstance(w, (QLabel, QAbstractButton)):
        out.append(w.text())
    elif isinstance(w, QGroupBox):
        out.append(w.title())
    elif isinstance(w, QLineEdit):
        out.append(w.placeholderText())
    elif isinstance(w, QComboBox):
        out += [w.itemText(i) for i in range(w.count())]
    elif isinstance(w, QTabWidget):
        out += [w.tabText(i) for i in range(w.count())]
    elif isinstance(w, QTreeWidget):
        out += [w.headerItem().text(c) for c in range(w.columnCount())]
    elif isinstance(w, QTableWidget):
        heads = [w.horizontalHeaderItem(c) for c in range(w.columnCount())]
        out += [h.text() for h in heads if h is not None]
    return [t for t in out if t]


def english_in(root: QWidget, skip: tuple[type, ...] = ()) -> dict[str, list[str]]:
    """Texts under ``root`` with English words, by the widget class showing them."""
    words = _english_words()
    found: dict[str, list[str]] = {}
    for w in [root, *root.findChildren(QWidget)]:
        if any(isinstance(p, skip) for p in _lineage(w)):
            continue
        for text in _texts(w):
            hits = sorted({x for x in WORD.findall(text) if x.lower() in words})
            if hits:
                found.setdefault(type(w).__name__, []).append(f"{text!r} ({', '.join(hits)})")
    return found


def _lineage(w: QWidget) -> list[QWidget]:
    out = []
    p: QWidget | None = w
    while p is not None:
        out.append(p)
        p = p.parentWidget()
    return out


def test_window_helper_views_have_no_english(qtbot, demo_job: Path, fast_sim, indonesian) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.gnss_panel import GnssPanel
    from fieldapp.ui.installation_view import InstallationView
    from fieldapp.ui.occupation_view import OccupationView
    from fieldapp.ui.stakeout_view import StakeoutView

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    window.show()
    assert window.session is not None
    window.adapter.connect_source(fast_sim(window.session.store, "1"))
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(100)
    # Views other helpers are rewriting now are checked in their own tests.
    others = (StakeoutView, OccupationView, InstallationView, GnssPanel)
    found = english_in(window, skip=others)
    window.adapter.disconnect_device()
    window.close()
    assert not found, found
