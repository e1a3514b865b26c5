"""The window fits rugged tablets (1024x600) and laptops (1366x768): nothing cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from fieldapp.ui.app import PALETTES, TEXT_COLOURS, apply_theme
from fieldapp.ui.demo import open_demo_window
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.widgets import STATE_COLOURS

SIZES = [(1024, 600), (1366, 768)]


def _pump(qtbot, ms: int = 200) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(ms)


def _scroller(w: QWidget) -> QScrollArea | None:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return p
        p = p.parentWidget()
    return None


def _cut_off(window: MainWindow) -> list[str]:
    """Visible widgets that reach outside the window, or need sideways scrolling to be seen."""
    frame = QRect(QPoint(0, 0), window.size())
    bad = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or w.width() <= 0 or w.height() <= 0:
            continue
        if _scroller(w) is not None:
            continue  # judged by its scroll area below
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not frame.contains(rect):
            bad.append(f"{type(w).__name__} {w.objectName()} at {rect.getRect()}")
    for area in window.findChildren(QScrollArea):
        inner = area.widget()
        # Tall content may scroll down; content wider than the tab is cut off sideways.
        visible = area.isVisible() and inner is not None and _scroller(area) is None
        if visible and inner.width() > area.viewport().width() + 1:
            owner = type(inner).__name__
            bad.append(f"{owner} needs {inner.width()} px, the tab has {area.viewport().width()}")
    return bad


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_window_chrome_and_every_tab_fit(qtbot, demo_job: Path, fast_sim, indonesian, size) -> None:  # type: ignore[no-untyped-def]
    window = open_demo_window(demo_job, size, connect=False)
    qtbot.addWidget(window)
    assert window.session is not None
    # Live readouts filled in: their longest texts are what must fit.
    window.adapter.connect_source(fast_sim(window.session.store, "1"))
    window.show()
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    _pump(qtbot)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, hint
    assert window.minimumSize().width() <= 1024 and window.minimumSize().height() <= 600
    assert (window.width(), window.height()) == size
    status = window.statusBar()
    assert QRect(QPoint(0, 0), window.size()).contains(
        QRect(status.mapTo(window, QPoint(0, 0)), status.size())
    )
    problems = {}
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        _pump(qtbot)
        assert (window.width(), window.height()) == size, window.tabs.tabText(i)
        bad = _cut_off(window)
        if bad:
            problems[window.tabs.tabText(i)] = bad
    window.adapter.disconnect_device()
    window.close()
    assert not problems, problems


def _luminance(colour: str) -> float:
    c = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_of_near_and_disabled_text_in_both_themes() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    # "Dekat": white text on the near colour of the stake-out state.
    assert contrast(STATE_COLOURS["near"], "#ffffff") >= 4.5
    for i, theme in enumerate(("light", "dark")):
        pal = PALETTES[theme]
        warn = TEXT_COLOURS["warn"][i]
        for background in ("bg", "panel", "button"):
            assert contrast(pal["disabled"], pal[background]) >= 4.5, (theme, background)
            assert contrast(warn, pal[background]) >= 4.5, (theme, background)


def test_list_and_dropdown_rows_are_finger_sized(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QComboBox,
        QListWidget,
        QTableWidget,
        QTreeWidget,
        QTreeWidgetItem,
    )

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    combo = QComboBox()
    combo.addItems(["4800", "9600", "115200"])
    listing = QListWidget()
    listing.addItems(["1", "2", "3"])
    qtbot.addWidget(combo)
    qtbot.addWidget(listing)
    listing.show()
    combo.show()
    combo.showPopup()
    _pump(qtbot, 100)
    view = combo.view()
    assert view.visualRect(view.model().index(0, 0)).height() >= 48
    assert listing.visualItemRect(listing.item(0)).height() >= 48
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    top = QTreeWidgetItem(["direncanakan (2)"])
    tree.addTopLevelItem(top)
    top.addChild(QTreeWidgetItem(["4A"]))
    top.setExpanded(True)
    tree.show()
    assert tree.visualItemRect(top).height() >= 48
    assert tree.visualItemRect(top.child(0)).height() >= 48
    table = QTableWidget(3, 2)
    qtbot.addWidget(table)
    table.show()
    assert all(table.rowHeight(r) >= 48 for r in range(3))
    assert combo.height() >= 48
    combo.hidePopup()
