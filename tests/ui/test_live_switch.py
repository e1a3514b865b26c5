"""Day/night and Bahasa/English switch live: the job stays open, work keeps running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from fieldapp.gnss.link import LinkState
from fieldapp.ui.app import is_dark
from fieldapp.ui.main_window import MainWindow


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
    assert window.link_label.text() == "GNSS: Live"  # formatted from the link state, again
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


def _catalogue() -> tuple[set[str], set[str]]:
    """Texts that exist only in English, and only in Indonesian (messages that differ)."""
    from fieldapp.ui.retranslate import _messages

    pairs = [(src, ind) for _ctx, src, ind in _messages() if src != ind]
    english = {s for s, _ in pairs} - {i for _, i in pairs}
    indonesian = {i for _, i in pairs} - {s for s, _ in pairs}
    return english, indonesian


def _shown_texts(window: MainWindow) -> set[str]:
    from PySide6.QtWidgets import QComboBox, QGroupBox, QTabWidget

    out = set(_texts(window))
    for g in window.findChildren(QGroupBox):
        out.add(g.title())
    for t in window.findChildren(QTabWidget):
        out |= {t.tabText(i) for i in range(t.count())}
    for c in window.findChildren(QComboBox):
        out |= {c.itemText(i) for i in range(c.count())}
    return out


def test_no_screen_is_half_translated_after_a_switch(
    qtbot, demo_job: Path, fast_sim, indonesian
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_language("id")
    assert window.open_job(demo_job)
    window.show()
    assert window.session is not None
    window.adapter.connect_source(fast_sim(window.session.store, "1"))
    qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=10000)
    for i in range(window.tabs.count()):  # every view built, in Indonesian
        window.tabs.setCurrentIndex(i)
        qtbot.wait(50)
    english, indonesian_only = _catalogue()
    window.set_language("en")
    left = sorted(_shown_texts(window) & indonesian_only)
    assert not left, f"still Indonesian after switching to English: {left}"
    window.set_language("id")
    left = sorted(_shown_texts(window) & english)
    assert not left, f"still English after switching to Indonesian: {left}"
    window.adapter.disconnect_device()
    window.close()


def test_theme_switch_recolours_what_was_built_in_place(qtbot, demo_job: Path, indonesian) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.app import TEXT_COLOURS
    from fieldapp.ui.map_view import PALETTES

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    window.show()
    planning, documents = window.planning, window.documents  # built in the day theme
    session = window.session
    bad_day, bad_night = TEXT_COLOURS["bad"]
    assert bad_day in documents.error.styleSheet()
    window.set_theme("dark")
    # Same objects, nothing rebuilt, colours of the night.
    assert window.session is session and window.planning is planning
    assert window.documents is documents
    assert bad_night in documents.error.styleSheet() and bad_day not in documents.error.styleSheet()
    night = PALETTES[True]
    for view in (window.map, planning.map):
        assert view.plot.backgroundBrush().color().name() == night.background
        assert view.wiup_item.opts["pen"].color().name() == night.foreground
    window.set_theme("light")
    assert bad_day in documents.error.styleSheet()
    assert window.map.plot.backgroundBrush().color().name() == PALETTES[False].background
    window.close()
