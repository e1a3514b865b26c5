"""The stake-out tab's two rows of controls: target, mode, "Ukur & simpan", sound and speech;
the job's quality profile with its Change button, and the orientation reference."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.app import settings


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    return line


class StakeoutBar(QWidget):
    """Widgets only; the view connects them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Target")))
        self.target_box = QComboBox()
        self.target_box.setMinimumWidth(100)
        top.addWidget(self.target_box, 1)
        self.nearest_btn = QPushButton(self.tr("Nearest"))
        top.addWidget(self.nearest_btn)
        top.addWidget(separator())
        self.mode_gnss = QRadioButton(self.tr("GNSS"))
        self.mode_ts = QRadioButton(self.tr("Total station"))
        modes = QButtonGroup(self)
        for b in (self.mode_gnss, self.mode_ts):
            modes.addButton(b)
            top.addWidget(b)
        top.addWidget(separator())
        self.measure_btn = QPushButton(self.tr("Measure && save"))
        self.measure_btn.setProperty("accent", True)
        top.addWidget(self.measure_btn)
        self.sound = QCheckBox(self.tr("Sound"))
        top.addWidget(self.sound)
        self.speak = QCheckBox(self.tr("Speak"))
        top.addWidget(self.speak)

        second = QHBoxLayout()
        self.profile_label = QLabel("")
        self.profile_label.setWordWrap(True)
        self.profile_btn = QPushButton(self.tr("Change…"))
        second.addWidget(self.profile_label, 1)
        second.addWidget(self.profile_btn)
        second.addWidget(separator())
        self.mode_travel = QRadioButton(self.tr("Forward/right"))
        self.mode_grid = QRadioButton(self.tr("North/east"))
        orient = QButtonGroup(self)
        for b in (self.mode_travel, self.mode_grid):
            orient.addButton(b)
            second.addWidget(b)
        grid = settings().value("stakeout/orient") == "grid"
        (self.mode_grid if grid else self.mode_travel).setChecked(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)
