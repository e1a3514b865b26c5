"""Every text of every view, read in Bahasa Indonesia, holds no English word.

The English vocabulary is taken from our own sources: every word of every tr() source text
that never appears in any Indonesian translation (so "GNSS", "RTK", "PDOP" or "BM", used in
both languages, are not English here), plus common English words core messages use. The
window is built on the demo job with a receiver connected, every tab is opened, the
receiver dialog too, and every visible text is read: labels, buttons, tabs, group titles,
combo items, list/tree rows, headers, placeholders, tool tips, toolbar actions and menus.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QWidget,
)
from testpaths import PROJECT_ROOT

from fieldapp.ui.main_window import MainWindow

TRANSLATIONS = PROJECT_ROOT / "resources" / "translations"
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# English words core messages and Qt use that our tr() sources may lack.
COMMON_ENGLISH = {
    "the", "of", "and", "not", "no", "yet", "with", "without", "from", "into", "this", "that",
    "image", "read", "cannot", "can", "error", "unknown", "none", "true", "false", "yes",
    "cancel", "open", "save", "close", "apply", "reset", "help", "file", "name",
    "easting", "northing", "autonomous", "position", "marker", "markers", "job",
    "within", "tolerance", "near", "far", "forward", "back", "left", "right", "north", "east",
    "south", "west", "saved", "connect", "disconnect", "settings", "n/a",
}  # fmt: skip
# Proper names, units and technical terms read the same in both languages.
ALLOWED = {
    "gnss", "rtk", "fixed", "float", "dgps", "ntrip", "pdop", "hdop", "gst", "utm", "srgi",
    "dgn", "wgs", "epsg", "tm", "bm", "jkhn", "wiup", "wiupk", "iup", "sk", "nmea", "rtcm",
    "tcp", "com", "usb", "dev", "tty", "ttyusb", "ttys", "pdf", "xlsx", "dxf", "jpeg", "jpg",
    "png", "kml", "csv", "txt", "geojson", "wav", "id", "en", "fieldapp", "demo", "ok", "pt",
    "leica", "sokkia", "topcon", "trimble", "gsi", "sdr", "gts", "tcr", "ruide", "u-blox",
    "ublox", "bahasa", "english", "indonesia", "loa", "kulu", "kalimantan", "timur", "kutai",
    "kartanegara", "jembayan", "tengah", "sensor", "online", "offline", "caster", "mountpoint",
    "mm", "cm", "km", "ha", "hz", "dtk", "sigma", "simulator", "server", "port", "baud",
    "total", "station", "stake", "out", "fix", "epoch", "salinan", "asli", "draf", "f4", "a4",
    "receiver", "folder",  # loanwords Indonesian surveyors and Windows use as they are
}  # fmt: skip


def _table_values() -> tuple[set[str], set[str]]:
    spec = importlib.util.spec_from_file_location("fill_id", TRANSLATIONS / "fill_id.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table: dict[str, str] = dict(module.ID)
    english = {w.lower() for src in table for w in WORD.findall(src)}
    indonesian = {w.lower() for text in table.values() for w in WORD.findall(text)}
    return english, indonesian


def english_vocabulary() -> set[str]:
    english, indonesian = _table_values()
    return ((english - indonesian) | COMMON_ENGLISH) - ALLOWED


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a surveyor can read on a visible widget."""
    name = f"{type(widget).__name__}({widget.objectName() or hex(id(widget))})"
    if isinstance(widget, QLabel):
        yield name, widget.text()
    if isinstance(widget, QAbstractButton):
        yield name, widget.text()
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QLineEdit):
        yield name + ".placeholder", widget.placeholderText()
    if isinstance(widget, QPlainTextEdit):
        yield name + ".placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name}[{i}]", widget.itemText(i)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name}.tab[{i}]", widget.tabText(i)
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            yield f"{name}[{i}]", widget.item(i).text()
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for c in range(widget.columnCount()):
            yield f"{name}.header[{c}]", header.text(c)
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            item = stack.pop()
            for c in range(widget.columnCount()):
                yield f"{name}.item", item.text(c)
            stack.extend(item.child(i) for i in range(item.childCount()))
    if isinstance(widget, QTableWidget):
        for c in range(widget.columnCount()):
            h = widget.horizontalHeaderItem(c)
            if h is not None:
                yield f"{name}.header[{c}]", h.text()
    if isinstance(widget, QToolBar | QMenu):
        for action in widget.actions():
            yield f"{name}.action", action.text()
    if widget.toolTip():
        yield name + ".tooltip", widget.toolTip()


def english_in(root: QWidget, vocabulary: set[str]) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        for where, text in _texts(widget):
            plain = re.sub(r"<[^>]+>", " ", text or "")  # rich text tags are not words
            words = {w.lower() for w in WORD.findall(plain)}
            hits = sorted(words & vocabulary)
            if hits:
                found.append(f"{where}: {plain.strip()!r} ({', '.join(hits)})")
    return found


def test_vocabulary_finds_english() -> None:
    vocab = english_vocabulary()
    assert {"marker", "position", "the", "within"} <= vocab
    assert not {"gnss", "rtk", "pdop"} & vocab


def test_every_view_reads_indonesian(  # type: ignore[no-untyped-def]
    qtbot, indonesian, demo_job: Path, fast_sim
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    assert window.open_job(demo_job)
    window.show()
    session = window.session
    assert session is not None
    window.adapter.connect_source(fast_sim(session.store, "1"))
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    vocab = english_vocabulary()
    found: list[str] = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        page = window.tabs.widget(i)
        view = getattr(page, "view", None)
        if callable(view):
            view()
        qtbot.wait(300)  # a redraw tick or two: live texts are set
        found += [f"tab {window.tabs.tabText(i)!r}: {f}" for f in english_in(window, vocab)]
    from fieldapp.ui.device_dialog import DeviceDialog

    dialog = DeviceDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    found += [f"receiver dialog: {f}" for f in english_in(dialog, vocab)]
    dialog.reject()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMenu) and widget.isVisible():
            found += english_in(widget, vocab)
    unique = sorted(set(found))
    assert not unique, "English in the Indonesian UI:\n" + "\n".join(unique)
