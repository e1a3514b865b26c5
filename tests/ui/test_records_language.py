"""A live language switch rewords the occupation and installation views; nothing stops."""

from __future__ import annotations

from pathlib import Path

from fieldapp.ui.app import install_language
from fieldapp.ui.main_window import MainWindow


def test_switch_to_indonesian_mid_occupation(qtbot, qapp, demo_job: Path, fast_sim) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    assert window.session is not None
    view = window.occupation
    inst = window.installation
    inst.description.fields["desa"].setText("Loa Janan")  # typed, not saved yet
    window.adapter.connect_source(fast_sim(window.session.store, "1", offset_deg=0.0))
    qtbot.waitUntil(lambda: view.liveness().live, timeout=10000)
    view.auto_finish.setChecked(False)
    assert view.start()
    qtbot.waitUntil(lambda: view.epochs_saved >= 3, timeout=10000)
    writer = view.writer
    try:
        install_language(qapp, "id")  # Qt posts LanguageChange: it arrives with the event loop
        qtbot.waitUntil(lambda: view.start_btn.text() == "Mulai pengamatan", timeout=5000)
        assert inst.pages.tabText(0) == "Foto"
        # The same occupation runs on, the link stays up, and its counts come reworded.
        assert view.running and view.writer is writer and window.adapter.connected
        saved = view.epochs_saved
        qtbot.waitUntil(lambda: view.epochs_saved >= saved + 3, timeout=10000)
        qtbot.waitUntil(lambda: view.counts.text().startswith("Dipakai"), timeout=10000)
        assert inst.description.fields["desa"].text() == "Loa Janan"  # typed text kept
    finally:
        install_language(qapp, "en")
    qtbot.waitUntil(lambda: view.start_btn.text() == "Start occupation", timeout=5000)
    assert inst.pages.tabText(0) == "Photos"
    view.after_edit.setText("1,800")
    view.stop()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    window.close()
