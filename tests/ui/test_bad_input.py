"""Bad input through the real widgets: a message in the window, never a traceback or a freeze.

pytest-qt fails a test on any exception raised in a Qt slot; the ``thread_errors`` fixture
does the same for exceptions in worker threads (device readers, the occupation writer).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from fieldapp.gnss.filesource import split_epochs
from fieldapp.gnss.link import LinkState
from fieldapp.store.jobfile import DB_NAME
from fieldapp.survey.installation import PhotoDirection
from fieldapp.ui.device_dialog import DeviceChoice
from fieldapp.ui.main_window import MainWindow

UTARA = PhotoDirection.UTARA

posix_only = pytest.mark.posix(reason="pseudo-terminals and flock")


@pytest.fixture
def thread_errors() -> Iterator[list[str]]:
    """Exceptions that escaped any thread during the test; asserted empty at the end."""
    seen: list[str] = []
    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        seen.append(f"{args.thread.name if args.thread else '?'}: {args.exc_value!r}")

    threading.excepthook = hook
    yield seen
    threading.excepthook = previous
    assert seen == []


@pytest.fixture
def window(qtbot, demo_job: Path, thread_errors: list[str]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_job(demo_job)
    w.show()
    yield w
    w.close()


def _message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def _responsive(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The event loop still runs: a zero-delay timer fires and the window repaints."""
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)
    window.repaint()


def _rows(job: Path, table: str) -> int:
    conn = sqlite3.connect(job / DB_NAME)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# -- antenna height ----------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["satu koma delapan", "", "1,8,0", "-1,5", "nan", "1.8 meter"])
def test_non_numeric_antenna_height(
    qtbot, window: MainWindow, demo_job: Path, typed: str, fast_sim
) -> None:  # type: ignore[no-untyped-def]
    assert window.session is not None
    window.adapter.connect_source(fast_sim(window.session.store, "1"))
    qtbot.waitUntil(lambda: window.adapter.connected, timeout=5000)
    window.tabs.setCurrentWidget(window.occupation)
    view = window.occupation
    # The start guard needs a live epoch at the marker, standing still (the simulator walks there).
    adapter = window.adapter
    still = lambda: view.liveness().live and adapter.latest_fix.speed_mps == 0  # noqa: E731
    qtbot.waitUntil(still, timeout=10000)
    view.antenna.clear()
    qtbot.keyClicks(view.antenna, typed)
    qtbot.mouseClick(view.start_btn, Qt.MouseButton.LeftButton)
    assert "Antenna height" in _message(window) and "1,800" in _message(window)
    assert not view.running and view.start_btn.isEnabled()
    assert _rows(demo_job, "occupation") == 0  # nothing started behind the message
    # Corrected, it starts.
    view.antenna.clear()
    qtbot.keyClicks(view.antenna, "1,750")
    qtbot.mouseClick(view.start_btn, Qt.MouseButton.LeftButton)
    assert view.running
    qtbot.waitUntil(lambda: view.epochs_saved > 0, timeout=10000)
    view.abandon("test")
    qtbot.waitUntil(lambda: not view.running, timeout=10000)
    _responsive(qtbot, window)


# -- photos ------------------------------------------------------------------------------
def _bad_photos(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    text = folder / "catatan.jpg"
    text.write_text("ini bukan foto", encoding="utf-8")
    empty = folder / "kosong.jpg"
    empty.write_bytes(b"")
    a_dir = folder / "folder.jpg"
    a_dir.mkdir()
    return {
        "text": text,
        "empty": empty,
        "directory": a_dir,
        "missing": folder / "hilang.jpg",
        "png_named_jpg": _png_garbage(folder / "rusak.jpg"),
    }


def _png_garbage(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))  # a PNG signature, then noise
    return path


@pytest.mark.parametrize("kind", ["text", "empty", "directory", "missing", "png_named_jpg"])
def test_unreadable_photo(
    qtbot, window: MainWindow, demo_job: Path, tmp_path: Path, monkeypatch, kind: str
) -> None:  # type: ignore[no-untyped-def]
    bad = _bad_photos(tmp_path / "in")[kind]
    view = window.installation
    window.tabs.setCurrentWidget(view)
    view.confirmed.add("1")  # marker 1 is not staked: the surveyor said to document it anyway
    # The file dialog is Qt's, not ours: it hands the view the path the surveyor picked.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    qtbot.mouseClick(view.slots[UTARA].file_btn, Qt.MouseButton.LeftButton)
    message = _message(window)
    assert bad.name in message and "not" in message.lower(), message
    assert view.slots[UTARA].photo is None
    assert _rows(demo_job, "photo") == 0
    assert not any((demo_job / "photos").rglob("*.*"))  # nothing half-copied into the job
    # A good photo afterwards still goes in.
    good = tmp_path / "baik.jpg"
    Image.new("RGB", (64, 48), (10, 120, 40)).save(good, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good)], ""))
    qtbot.mouseClick(view.slots[UTARA].file_btn, Qt.MouseButton.LeftButton)
    assert view.slots[UTARA].photo is not None
    _responsive(qtbot, window)


def test_batch_with_bad_photos_saves_the_good_ones_and_names_the_bad(
    qtbot, window: MainWindow, demo_job: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    bad = _bad_photos(tmp_path / "in")
    good = tmp_path / "baik.jpg"
    Image.new("RGB", (64, 48), (10, 120, 40)).save(good, "JPEG")
    picked = [str(bad["text"]), str(good), str(bad["empty"])]
    view = window.installation
    window.tabs.setCurrentWidget(view)
    view.confirmed.add("1")  # marker 1 is not staked: the surveyor said to document it anyway
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked, ""))
    qtbot.mouseClick(view.slots[UTARA].file_btn, Qt.MouseButton.LeftButton)
    message = _message(window)
    # The count of saved photos does not hide which files were refused.
    assert "1" in message and "catatan.jpg" in message and "kosong.jpg" in message, message
    assert view.slots[UTARA].photo is not None and _rows(demo_job, "photo") == 1


# -- ports -------------------------------------------------------------------------------
def _connect_serial(window: MainWindow, port: str) -> None:
    """The receiver chosen in the setup dialog (saved per machine), then Connect."""
    DeviceChoice(kind="serial", port=port, baud=115200).save()
    assert window.connect_device()


def test_port_that_does_not_exist(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _connect_serial(window, "/dev/ttyGNSS_TIDAK_ADA")
    qtbot.waitUntil(lambda: "ttyGNSS_TIDAK_ADA" in _message(window), timeout=5000)
    assert "not found" in _message(window)
    assert window.adapter.state is LinkState.LOST
    assert window.link_label.text() != ""
    _responsive(qtbot, window)
    window.adapter.disconnect_device()


@posix_only
def test_port_vanishes_while_reading(
    qtbot, window: MainWindow, shared_data: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import tty  # POSIX only, like the test

    master, slave = os.openpty()
    tty.setraw(slave)
    path = tmp_path / "ttyGNSS"
    path.symlink_to(os.ttyname(slave))
    chunks = [c.data for c in split_epochs((shared_data / "nmea" / "nmea-rtk.log").read_bytes())]
    try:
        _connect_serial(window, str(path))
        qtbot.waitUntil(lambda: window.adapter.state is LinkState.CONNECTING, timeout=5000)
        for chunk in chunks[:5]:
            os.write(master, chunk)
        qtbot.waitUntil(lambda: window.adapter.latest_fix is not None, timeout=5000)
        assert window.adapter.state is LinkState.LIVE
    finally:
        # Unplugged: the pty pair closes and the device path vanishes.
        path.unlink()
        os.close(master)
        os.close(slave)
    qtbot.waitUntil(lambda: window.adapter.state is LinkState.LOST, timeout=5000)
    qtbot.waitUntil(lambda: "ttyGNSS" in _message(window), timeout=5000)
    assert "lost" in _message(window) or "not found" in _message(window)
    _responsive(qtbot, window)
    window.adapter.disconnect_device()


@posix_only
def test_port_busy(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import fcntl  # POSIX only, like the test

    master, slave = os.openpty()
    name = os.ttyname(slave)
    # Another program has the port: it holds the lock serial programs take on POSIX.
    other = os.open(name, os.O_RDWR | os.O_NOCTTY)
    fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        _connect_serial(window, name)
        qtbot.waitUntil(lambda: "busy" in _message(window), timeout=5000)
        assert name in _message(window)
        assert window.adapter.state is LinkState.LOST
        _responsive(qtbot, window)
    finally:
        window.adapter.disconnect_device()
        os.close(other)
        os.close(master)
        os.close(slave)
