"""One photo slot per direction (Utara, Timur, Selatan, Barat, Detail): thumbnail and actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.survey.installation import PhotoDirection, PhotoRecord
from fieldapp.ui import texts
from fieldapp.ui.camera_dialog import CameraButton
from fieldapp.ui.thumbnails import THUMB_H, THUMB_W


class PhotoSlot(QFrame):
    """The current photo of one direction; the buttons say what happens to it."""

    file_clicked = Signal(str)  # direction value
    camera_clicked = Signal(str)
    move_clicked = Signal(str)
    withdraw_clicked = Signal(str)

    def __init__(self, direction: PhotoDirection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = direction
        self.photo: PhotoRecord | None = None
        self.extra = 0  # further active photos of this direction (older ones)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB_W, THUMB_H)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFrameShape(QFrame.Shape.Box)
        self.action = QLabel()  # "Add:" or "Retake:" above the file and camera buttons
        self.file_btn = QPushButton()
        self.camera_btn = CameraButton("", say_missing=False)
        self.move_btn = QPushButton()
        self.withdraw_btn = QPushButton()
        self.retranslate()
        buttons = QGridLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.file_btn, 0, 0)
        buttons.addWidget(self.camera_btn, 0, 1)
        buttons.addWidget(self.move_btn, 1, 0)
        buttons.addWidget(self.withdraw_btn, 1, 1)
        for b in (self.file_btn, self.camera_btn, self.move_btn, self.withdraw_btn):
            # Five slots side by side at 1024 px: narrow buttons, still 48 px high.
            b.setStyleSheet("padding: 2px 4px;")
            b.setMinimumWidth(0)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.action)
        layout.addLayout(buttons)
        layout.addStretch(1)
        value = direction.value
        self.file_btn.clicked.connect(lambda: self.file_clicked.emit(value))
        self.camera_btn.clicked.connect(lambda: self.camera_clicked.emit(value))
        self.move_btn.clicked.connect(lambda: self.move_clicked.emit(value))
        self.withdraw_btn.clicked.connect(lambda: self.withdraw_clicked.emit(value))
        self.show_photo(None)

    def retranslate(self) -> None:
        """The fixed words; the photo's own (action, tooltip) come with show_photo."""
        self.title.setText(texts.photo_direction(self.direction))
        self.file_btn.setText(self.tr("File…"))
        self.camera_btn.label = self.tr("Camera")
        self.camera_btn.setText(self.camera_btn.label)
        self.move_btn.setText(self.tr("Move…"))
        self.withdraw_btn.setText(self.tr("Withdraw…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_photo(self, photo: PhotoRecord | None, extra: int = 0) -> None:
        self.photo = photo
        self.extra = extra
        self.move_btn.setEnabled(photo is not None)
        self.withdraw_btn.setEnabled(photo is not None)
        if photo is None:
            self.action.setText(self.tr("Add:"))
            self.file_btn.setToolTip(self.tr("Add a photo file for this direction"))
            self.thumb.setPixmap(QPixmap())
            self.thumb.setText(self.tr("No photo"))
            self.thumb.setToolTip("")
            return
        self.action.setText(self.tr("Retake:"))
        self.file_btn.setToolTip(self.tr("Replace with another file; this one is withdrawn"))
        self.thumb.setText(self.tr("Loading…"))
        info = photo.original_name
        if extra:
            info += "\n" + self.tr("+{0} older, still active").format(extra)
            self.action.setText(self.tr("Retake ({0} active):").format(extra + 1))
        self.thumb.setToolTip(info)

    def show_thumbnail(self, pixmap: QPixmap | None) -> None:
        if pixmap is None:
            self.thumb.setPixmap(QPixmap())
            self.thumb.setText(self.tr("Cannot be shown"))
        else:
            self.thumb.setPixmap(pixmap)

    @property
    def has_thumbnail(self) -> bool:
        return not self.thumb.pixmap().isNull()
