"""Taking a marker photo with a camera through QtMultimedia, stored like an added photo file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Slot
from PySide6.QtGui import QImage, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gnss.fix import Fix
from fieldapp.store import JobStore
from fieldapp.store.camera import CameraFrame, CameraShot, save_camera_frame
from fieldapp.store.photos import PhotoError
from fieldapp.survey.installation import PhotoDirection
from fieldapp.ui import texts
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.session import JobSession


def camera_problem() -> str | None:
    """None when a camera can be used; otherwise why not, in words for the window."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return QCoreApplication.translate(
            "Camera", "No camera support: QtMultimedia is not installed."
        )
    try:
        if QMediaDevices.videoInputs():
            return None
    except Exception:  # a broken multimedia backend must not break the view
        return QCoreApplication.translate(
            "Camera", "No camera support: the multimedia backend failed."
        )
    return QCoreApplication.translate(
        "Camera", "No camera was found on this machine. Add photo files instead."
    )


def camera_roll_dir(job: Path) -> Path:
    """Where captured JPEGs are written before import: Pictures/fieldapp/<job name>."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    base = Path(pictures) if pictures else Path.home()
    return base / "fieldapp" / job.stem


def frame_from_image(image: QImage) -> CameraFrame:
    """The image's pixels as 8-bit RGB rows for the core (Qt stays on this side)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return CameraFrame(rgb.width(), rgb.height(), rgb.bytesPerLine(), bytes(rgb.constBits()))


def store_captured_image(
    store: JobStore,
    marker: str,
    image: QImage,
    direction: PhotoDirection | str,
    folder: Path,
    fix: Fix | None = None,
) -> CameraShot:
    """imageCaptured's QImage -> JPEG in ``folder`` -> the marker's photo (import_photo)."""
    position = None
    if fix is not None and fix.lat is not None and fix.lon is not None:
        position = (fix.lat, fix.lon)
    return save_camera_frame(
        store, marker, frame_from_image(image), direction, folder,
        taken_at=dt.datetime.now(), position=position,
    )  # fmt: skip


class CameraButton(QPushButton):
    """Looks for a camera when first shown (QtMultimedia loads FFmpeg: not at start-up)."""

    def __init__(self, text: str, parent: QWidget | None = None, say_missing: bool = True) -> None:
        super().__init__(text, parent)
        self.label = text
        self.checked = False
        # False: a narrow button keeps its label; disabled, its tooltip says why.
        self.say_missing = say_missing

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.checked:
            self.refresh()

    def refresh(self) -> None:
        self.checked = True
        problem = camera_problem()
        self.setEnabled(problem is None)
        missing = problem is not None and self.say_missing
        self.setText(self.tr("No camera") if missing else self.label)
        self.setToolTip(problem or "")


class CameraDialog(QDialog):
    """Live preview, a direction, and Capture; every capture is stored before it says so."""

    def __init__(
        self,
        session: JobSession,
        adapter: DeviceAdapter,
        direction: str = PhotoDirection.UTARA.value,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.folder = folder or camera_roll_dir(session.path)
        self.shots: list[CameraShot] = []
        self.setWindowTitle(self.tr("Camera – marker {0}").format(session.selected or "–"))
        self.camera: Any = None  # QCamera when QtMultimedia and a device are there
        self.capture: Any = None
        self.session_av: Any = None

        self.direction = QComboBox()
        for d in PhotoDirection:
            self.direction.addItem(texts.photo_direction(d), d.value)
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
        self.devices = QComboBox()
        self.capture_btn = QPushButton(self.tr("Capture"))
        self.capture_btn.setProperty("accent", True)
        self.capture_btn.setEnabled(False)
        self.close_btn = QPushButton(self.tr("Close"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_box = QVBoxLayout()

        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("role", "big")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_box.addWidget(self.placeholder, 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Camera"), self.devices)
        self.form.addRow(self.tr("Direction"), self.direction)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.capture_btn)
        buttons.addWidget(self.close_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(self.preview_box, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.capture_btn.clicked.connect(self.take)
        self.close_btn.clicked.connect(self.accept)
        self.finished.connect(self._stop)
        self._start()

    # -- camera ------------------------------------------------------------------------
    def _start(self) -> None:
        problem = camera_problem()
        if problem is not None:
            self.placeholder.setText(problem)
            self.form.setRowVisible(self.devices, False)
            self.capture_btn.hide()
            return
        from PySide6.QtMultimedia import QMediaDevices

        for dev in QMediaDevices.videoInputs():
            self.devices.addItem(dev.description(), dev)
        default = QMediaDevices.defaultVideoInput()
        self.devices.setCurrentIndex(max(0, self.devices.findText(default.description())))
        self.devices.currentIndexChanged.connect(lambda _i: self._open_camera())
        self._open_camera()

    def _open_camera(self) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._stop()
        device = self.devices.currentData()
        if device is None:
            return
        if self.session_av is None:
            self.preview = QVideoWidget()
            self.preview.setMinimumSize(480, 320)
            self.placeholder.hide()
            self.preview_box.addWidget(self.preview, 1)
            self.session_av = QMediaCaptureSession(self)
            self.capture = QImageCapture(self)
            self.session_av.setImageCapture(self.capture)
            self.session_av.setVideoOutput(self.preview)
            self.capture.imageCaptured.connect(self.on_image_captured)
            self.capture.errorOccurred.connect(self._capture_error)
            self.capture.readyForCaptureChanged.connect(self.capture_btn.setEnabled)
        self.camera = QCamera(device, self)
        self.camera.errorOccurred.connect(self._camera_error)
        self.session_av.setCamera(self.camera)
        self.camera.start()
        self.status.setText(self.tr("Point the camera and press Capture."))

    @Slot()
    def _stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera = None

    def take(self) -> None:
        if self.capture is None or not self.capture.isReadyForCapture():
            self.status.setText(self.tr("The camera is not ready yet."))
            return
        self.capture_btn.setEnabled(False)
        self.status.setText(self.tr("Capturing…"))
        self.capture.capture()

    def _camera_error(self, _error: object, text: str) -> None:
        self.status.setText(self.tr("Camera error: {0}").format(text))

    def _capture_error(self, _id: int, _error: object, text: str) -> None:
        self.status.setText(self.tr("Capture failed: {0}").format(text))

    # -- storing -----------------------------------------------------------------------
    @Slot(int, QImage)
    def on_image_captured(self, _id: int, image: QImage) -> CameraShot | None:
        """Store the frame for the selected marker; the message comes after the commit."""
        marker = self.session.selected
        if not marker:
            self.status.setText(self.tr("Choose a marker first."))
            return None
        try:
            shot = store_captured_image(
                self.session.store, marker, image, str(self.direction.currentData()),
                self.folder, self.adapter.latest_fix,
            )  # fmt: skip
        except (PhotoError, OSError) as exc:
            self.status.setText(self.tr("Photo not saved: {0}").format(str(exc)))
            return None
        self.shots.append(shot)
        said = self.tr("Saved {0} ({1}) as photo {2} of marker {3}.")
        where, facing = str(shot.saved_to), texts.photo_direction(shot.photo.direction)
        self.status.setText(said.format(where, facing, shot.photo.file_name, marker))
        self.session.message.emit(self.tr("Photo saved: {0}").format(str(shot.saved_to)))
        self.session.reload()
        return shot
