"""Widgets built from a model (napari style) and bad input reported in the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.gnss.simulator import SimConfig, SimulatorSource
from fieldapp.gnss.sources import SerialSource
from fieldapp.store import JobStore
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.gnss_panel import GnssPanel
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.map_view import MapView, nice_length
from fieldapp.ui.session import JobSession


def test_gnss_panel_words(qtbot) -> None:
    panel = GnssPanel()
    qtbot.addWidget(panel)
    fix = Fix(time_of_day=dt.time(1, 0), lat=-0.5, lon=117.0, quality=5, pdop=1.4,
              sats_used=14, sats_used_by_system={"GPS": 8, "Galileo": 6}, sigma_lat=0.03,
              sigma_lon=0.04, sigma_source=SigmaSource.ESTIMATED, correction_age_s=2.0)  # fmt: skip
    panel.show_fix(fix)
    assert panel.fix_type.text() in ("RTK Float", "RTK Float")
    assert "0.050" in panel.sigma.text()
    assert "GPS 8" in panel.sats.text() and "Galileo 6" in panel.sats.text()
    panel.show_fix(None)
    assert panel.fix_type.text() == "–"


def test_map_from_layers(qtbot, demo_job: Path) -> None:
    session = JobSession(JobStore.open(demo_job))
    view = MapView()
    qtbot.addWidget(view)
    view.set_layers(session.layers)
    assert len(view.markers_item.data) == len(session.layers.markers) == 23
    first = session.layers.markers[0]
    view.set_position(first.e, first.n, ([first.e], [first.n]))
    view.set_position(first.e + 1, first.n, None)
    assert len(view.track_item.xData) == 2
    assert nice_length(730) == 500 and nice_length(0.3) == 0.2
    session.close()


def test_adapter_delivers_in_gui_thread(qtbot) -> None:
    adapter = DeviceAdapter()
    with qtbot.waitSignal(adapter.fix_received, timeout=5000):
        adapter.connect_source(SimulatorSource(SimConfig(rate_hz=10.0), realtime=True))
    assert adapter.latest_fix is not None and adapter.latest_fix.has_position
    adapter.disconnect_device()


def test_bad_input_gives_messages(qtbot, demo_job: Path, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(demo_job)
    # non-numeric antenna height
    window.occupation.antenna.setText("satu koma delapan")
    assert not window.occupation.start()
    assert window.statusBar().currentMessage()
    # unreadable photo
    bad = tmp_path / "rusak.jpg"
    bad.write_bytes(b"not a jpeg")
    assert window.installation.add_photos([bad], "utara") == 0
    assert "rusak.jpg" in window.statusBar().currentMessage()
    # a port that does not exist: the link reports LOST, the window shows why
    window.adapter.connect_source(SerialSource("/dev/ttyDOES_NOT_EXIST", 115200))
    qtbot.waitUntil(
        lambda: "ttyDOES_NOT_EXIST" in window.statusBar().currentMessage(), timeout=5000
    )
    window.adapter.disconnect_device()
    # not a job folder
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not window.open_job(tmp_path / "nothing-here")
    assert shown and "not a fieldapp job" in shown[0]
    window.close()


def test_receiver_dialog_sets_the_total_station_in_the_one_shared_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from fieldapp.ui.device_dialog import DeviceDialog
    from fieldapp.ui.instrument_link import InstrumentChoice
    from fieldapp.ui.station_panel import InstrumentDialog

    dialog = DeviceDialog()
    qtbot.addWidget(dialog)

    def fill() -> None:
        inner = dialog.findChild(InstrumentDialog)
        assert inner is not None
        inner.port.setCurrentText("/dev/ttyUSB7")
        inner.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(dialog.ts_button, Qt.MouseButton.LeftButton)
    # The stake-out view's instrument link reads the same settings.
    assert InstrumentChoice.load().port == "/dev/ttyUSB7"
