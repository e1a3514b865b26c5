"""Day/night and Bahasa/English switch live: the job stays open, work keeps running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from fieldapp.gnss.link import LinkState
from fieldapp.ui.app import apply_theme, install_language, is_dark
from fieldapp.ui.main_window import MainWindow


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_language(qapp, "id")
    yield
    install_language(qapp, "en")
    QLocale.setDefault(before)
    apply_theme(qapp, "light")


def _texts(root: QWidget) -> list[str]:
    out = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    out += [b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)]
    return [t for t in out if t]


def test_theme_and_language_switch_mid_occupation(  # type: ignore[no-untyped-def]
    qtbot, demo_job: Path, fast_sim, indonesian
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_language("id")
    assert window.open_job(demo_job)
    window.show()
    session = window.session
    assert session is not None
    window.adapter.connect_source(fast_sim(session.store, "1", offset_deg=0.0))
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    occ = window.occupation
    window.tabs.setCurrentWidget(window.occupation_page)
    occ.auto_finish.setChecked(False)
    assert occ.start()
    qtbot.waitUntil(lambda: occ.epochs_saved >= 3, timeout=10000)
    writer, store = occ.writer, session.store
    assert window.tabs.tabText(2) == "Pengamatan"
    assert occ.stop_btn.text() == "Berhenti dan simpan"

    window.set_theme("dark")
    assert is_dark()
    assert window.map._dark
    saved = occ.epochs_saved
    qtbot.waitUntil(lambda: occ.epochs_saved >= saved + 5, timeout=10000)

    window.set_language("en")
    QApplication.processEvents()
    assert window.tabs.tabText(2) == "Occupation"
    assert occ.stop_btn.text() == "Stop and save"
    assert occ.start_btn.text() == "Start occupation"
    assert window.actions_["theme"].text() == "Day / night"
    assert window.map.nav.zoom_in_btn.toolTip() == "Zoom in"
    saved = occ.epochs_saved
    qtbot.waitUntil(lambda: occ.epochs_saved >= saved + 5, timeout=10000)
    # Counters re-set per epoch speak the new language too.
    qtbot.waitUntil(lambda: occ.counts.text().startswith("Used"), timeout=10000)

    window.set_language("id")
    window.set_theme("light")
    assert window.tabs.tabText(2) == "Pengamatan"
    assert occ.stop_btn.text() == "Berhenti dan simpan"
    assert window.actions_["language"].text() == "Bahasa / English"
    assert window.map.nav.zoom_in_btn.toolTip() == "Perbesar"
    assert "Stop and save" not in _texts(window)

    # Same job, same writer, still counting; the receiver link never dropped.
    assert window.session is session and session.store is store
    assert occ.running and occ.writer is writer
    saved = occ.epochs_saved
    qtbot.waitUntil(lambda: occ.epochs_saved >= saved + 5, timeout=10000)
    assert window.adapter.status is not None
    assert window.adapter.status.state is LinkState.LIVE
    occ.stop(wait=True)
    window.close()
