"""Camera: the no-camera state, and a captured QImage stored as a marker photo like a file."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from fieldapp.gnss.fix import Fix
from fieldapp.store import JobStore
from fieldapp.store.installation import load_installation
from fieldapp.store.photos import verify_photo
from fieldapp.survey.installation import PhotoDirection
from fieldapp.ui.camera_dialog import (
    CameraButton,
    CameraDialog,
    camera_problem,
    store_captured_image,
)
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.installation_view import InstallationView
from fieldapp.ui.session import JobSession


def _machine_cameras() -> int:
    from PySide6.QtMultimedia import QMediaDevices

    return len(QMediaDevices.videoInputs())


def _frame(width: int = 641, height: int = 479) -> QImage:
    """Odd width: RGB888 rows are padded to 4 bytes, which the conversion must honour."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(30, 120, 200))
    p = QPainter(image)
    p.fillRect(0, 0, width // 2, height // 2, QColor(230, 40, 20))
    p.end()
    return image


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_camera_button_says_when_there_is_no_camera(qtbot: QtBot, demo_job: Path) -> None:
    with JobStore.open(demo_job) as store:
        session = JobSession(store)
        view = InstallationView(session, DeviceAdapter())
        qtbot.addWidget(view)
        assert not view.camera_btn.checked  # no QtMultimedia work before the view is shown
        view.show()
        qtbot.waitUntil(lambda: view.camera_btn.checked)
        has_camera = _machine_cameras() > 0
        assert view.camera_btn.isEnabled() == has_camera
        if not has_camera:
            # The slot's narrow button keeps its word; disabled, its tooltip says why.
            assert view.camera_btn.text() == "Camera"
            assert "No camera was found" in view.camera_btn.toolTip()
            dialog = CameraDialog(session, view.adapter, folder=Path("unused"))
            qtbot.addWidget(dialog)
            assert "No camera was found" in dialog.placeholder.text()
            assert not dialog.capture_btn.isEnabled() and dialog.capture_btn.isHidden()


def test_qtmultimedia_missing_disables_the_button_without_a_crash(
    qtbot: QtBot, demo_job: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import now fails
    assert camera_problem() == "No camera support: QtMultimedia is not installed."
    button = CameraButton("Camera")
    qtbot.addWidget(button)
    button.show()
    assert button.checked and not button.isEnabled()
    assert "QtMultimedia is not installed" in button.toolTip()
    with JobStore.open(demo_job) as store:
        dialog = CameraDialog(JobSession(store), DeviceAdapter(), folder=Path("unused"))
        qtbot.addWidget(dialog)
        assert "QtMultimedia is not installed" in dialog.placeholder.text()
        assert dialog.capture_btn.isHidden()


def test_captured_image_becomes_a_photo_with_direction_and_hash(
    qtbot: QtBot, demo_job: Path, tmp_path: Path
) -> None:
    roll = tmp_path / "roll"
    with JobStore.open(demo_job) as store:
        session = JobSession(store)
        marker = session.selected
        assert marker is not None
        adapter = DeviceAdapter()
        adapter.latest_fix = Fix(time_of_day=None, lat=-0.912345678, lon=116.987654321)
        dialog = CameraDialog(session, adapter, PhotoDirection.BARAT.value, folder=roll)
        qtbot.addWidget(dialog)
        assert dialog.direction.currentData() == "barat"
        with qtbot.waitSignal(session.layers_changed):
            shot = dialog.on_image_captured(1, _frame())
        assert shot is not None
        saved = shot.saved_to
        assert saved.parent == roll and saved.suffix == ".jpg" and saved.is_file()
        assert str(saved) in dialog.status.text() and shot.photo.file_name in dialog.status.text()

        photos = [p for p in load_installation(store.db, marker).photos if p.withdrawn is None]
        assert [p.id for p in photos] == [shot.photo.id]
        row = photos[0]
        assert row.direction == PhotoDirection.BARAT and row.original_name == saved.name
        in_job = store.photos_dir / row.file_name
        assert row.sha256 == _sha(in_job) == _sha(saved) and verify_photo(store, row)
        assert (row.image_format, row.width, row.height) == ("JPEG", 641, 479)
        assert row.exif_time is not None
        assert row.exif_lat == pytest.approx(-0.912345678, abs=1e-7)
        assert row.exif_lon == pytest.approx(116.987654321, abs=1e-7)
        with Image.open(in_job) as img:
            rgb = img.convert("RGB")
            for xy, want in (((10, 10), (230, 40, 20)), ((600, 400), (30, 120, 200))):
                got = rgb.getpixel(xy)
                assert all(abs(a - b) < 12 for a, b in zip(got, want, strict=True)), (xy, got)

        # A second capture in the same second keeps both files; a direction the form
        # does not know is refused like a bad photo file, with nothing stored.
        again = store_captured_image(store, marker, _frame(300, 200), "utara", roll)
        assert again.saved_to != saved and again.photo.direction == PhotoDirection.UTARA
        with pytest.raises(ValueError, match="direction"):
            store_captured_image(store, marker, _frame(), "atas", roll)
        assert len(load_installation(store.db, marker).photos) == 2


def test_capture_with_no_marker_selected_stores_nothing(
    qtbot: QtBot, demo_job: Path, tmp_path: Path
) -> None:
    with JobStore.open(demo_job) as store:
        session = JobSession(store)
        session.selected = None
        dialog = CameraDialog(session, DeviceAdapter(), folder=tmp_path / "roll")
        qtbot.addWidget(dialog)
        assert dialog.on_image_captured(1, _frame()) is None
        assert dialog.status.text() == "Choose a marker first."
        assert not (tmp_path / "roll").exists()
