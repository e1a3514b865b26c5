"""Kontrol tab, raw logging: a receiver on a real pty sends UBX; "Rekam data mentah" counts its
bytes and epochs live, the file is the stream byte for byte, and stopping offers the session."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from fieldapp.gnss.rawframes import RawFramer, scan_raw_file
from fieldapp.gnss.sources import SerialSource
from fieldapp.ui.control_dialogs import AddSessionDialog
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.rawobs_panel import size_text

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only"),
    pytest.mark.timeout(60),
]

CHUNK = 2048


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def test_raw_logging_counts_a_ubx_stream_from_a_pty(
    qtbot, demo_job: Path, shared_data: Path
) -> None:  # type: ignore[no-untyped-def]
    data = (shared_data / "gnss-raw" / "ubx_20080526.ubx").read_bytes()[: 96 * 1024]
    import tty  # POSIX only, like the test

    master, slave = os.openpty()
    tty.setraw(slave)
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        assert window.open_job(demo_job)
        view = window.control
        panel = view.raw
        assert not panel.start_btn.isEnabled()  # no receiver yet
        window.adapter.connect_source(SerialSource(os.ttyname(slave), 115200))
        qtbot.waitUntil(lambda: panel.start_btn.isEnabled(), timeout=5000)
        qtbot.waitUntil(lambda: "opened" in (window.adapter.status.reason or ""), timeout=5000)
        assert panel.start()
        assert panel.recording and panel.stop_btn.isEnabled() and not panel.start_btn.isEnabled()
        shown: list[tuple[str, str]] = []
        half = len(data) // 2
        for i in range(0, half, CHUNK):
            _write_all(master, data[i : i + CHUNK])
            time.sleep(0.002)
        # The panel refreshes from the log's state() on its 1 Hz timer, while bytes flow.
        qtbot.waitUntil(lambda: panel.log.state().received_bytes == half, timeout=10000)
        mid = panel.log.state()
        assert mid.bytes > 0 and mid.epochs > 0
        qtbot.waitUntil(lambda: panel.bytes_label.text() == size_text(mid.bytes), timeout=3000)
        shown.append((panel.bytes_label.text(), panel.epochs_label.text()))
        assert shown[0][1] == f"{mid.epochs} (UBX)"
        for i in range(half, len(data), CHUNK):
            _write_all(master, data[i : i + CHUNK])
            time.sleep(0.002)
        qtbot.waitUntil(lambda: panel.log.state().received_bytes == len(data), timeout=10000)
        qtbot.wait(1100)  # one timer tick shows the final counts
        shown.append((panel.bytes_label.text(), panel.epochs_label.text()))
        state = panel.log.state()
        assert "Recording" in panel.state_label.text()
        assert panel.file_label.text() == Path(state.path).name

        offered: list[Path] = []
        view.offer_session = offered.append  # the question dialog, answered in the other test
        path = panel.stop()
        assert path is not None and not panel.recording and panel.start_btn.isEnabled()

        # Yes to the offer: the session dialog opens with the file; the surveyor types the
        # point and the heights (decimal comma or point), and the session is stored.
        def fill() -> None:
            dialog = next(w for w in QApplication.topLevelWidgets()
                          if isinstance(w, AddSessionDialog) and w.isVisible())  # fmt: skip
            assert dialog.files == [path]
            dialog.point.setCurrentText("BM-01")
            dialog.before.setText("1,512")
            dialog.after.setText("1.514")
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        QTimer.singleShot(0, fill)
        assert view.add_session([path]) is not None
        assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == "BM-01"
        assert view.table.item(0, 8).text() == str(scan_raw_file(path).observation_epochs)
        assert not view.table.item(0, 4).text().startswith("⚠")  # 2 mm apart: within 5 mm
    finally:
        window.close()
        os.close(master)
        os.close(slave)

    assert path is not None and offered == [path]
    assert path.parent == demo_job / "raw"
    # Every whole UBX frame of the stream once, in order (a frame cut by the end is left out).
    framer = RawFramer()
    frames = framer.feed(data) + framer.flush()
    expected = b"".join(f.data for f in frames)
    assert len(expected) > 20_000  # the capture mixes NMEA (left to the evidence log) with UBX
    assert path.read_bytes() == expected
    scan = scan_raw_file(path)
    assert scan.protocol == "ubx" and scan.observation_epochs > 10
    assert state.epochs == scan.observation_epochs
    # What the panel showed grew while recording, and ended at the file's own counts.
    assert shown[0] != shown[1]
    assert shown[1] == (size_text(len(expected)), f"{scan.observation_epochs} (UBX)")


def test_the_window_switches_a_ublox_to_raw_output_and_records_it(
    qtbot, demo_job: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from fake_ublox import FakeUblox

    window = MainWindow()
    qtbot.addWidget(window)
    with FakeUblox(tmp_path / "ttyUBX", "m8") as receiver:
        try:
            assert window.open_job(demo_job)
            panel = window.control.raw
            window.adapter.connect_source(SerialSource(str(receiver.path), 115200))
            qtbot.waitUntil(lambda: window.adapter.write(b""), timeout=5000)  # the port is open
            panel.configure.setChecked(True)
            panel.interval.setCurrentIndex(panel.interval.findData(1.0))
            with qtbot.waitSignal(panel.configured, timeout=15_000) as blocker:
                assert panel.start()
            results = blocker.args[0]
            # "auto": the M8 refuses the generation-9 VALSET, then takes CFG-MSG and CFG-RATE.
            answers = [(r.name, r.answer) for r in results]
            assert answers[0] == ("CFG-VALSET", "NAK") and ("CFG-MSG RXM-RAWX", "ACK") in answers
            assert panel.configured_label.text().startswith("Receiver set up for raw output")
            rate = next(m for m in receiver.received if m.identity == "CFG-RATE")
            assert rate.measRate == 1000  # the interval chosen in the panel, in ms
            qtbot.waitUntil(lambda: panel.log.state().epochs >= 5, timeout=10_000)
            window.control.offer_session = lambda path: None  # type: ignore[method-assign]
            path = panel.stop()
        finally:
            window.close()
    assert path is not None
    scan = scan_raw_file(path)
    assert scan.protocol == "ubx" and scan.observation_epochs >= 5 and scan.bad_frames == 0
