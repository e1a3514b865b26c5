"""The job's stake-out quality profile as the surveyor edits it: tolerance, required fix, σH."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QWidget,
)

from fieldapp.gnss.fix import GgaQuality
from fieldapp.survey.stake_quality import MAX_TOLERANCE_M, QualityProfile, RequiredFix
from fieldapp.ui import texts

FIX_CODES = {
    RequiredFix.RTK_FIXED: GgaQuality.RTK_FIXED,
    RequiredFix.RTK_FLOAT: GgaQuality.RTK_FLOAT,
    RequiredFix.DGPS: GgaQuality.DGPS,
    RequiredFix.AUTONOMOUS: GgaQuality.AUTONOMOUS,
}


def required_fix_text(req: RequiredFix) -> str:
    return texts.fix_type(FIX_CODES[req])


def _metres_box(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(3)
    box.setRange(0.001, MAX_TOLERANCE_M)
    box.setSingleStep(0.01)
    box.setSuffix(" m")
    box.setValue(value)
    box.setMinimumHeight(48)
    return box


class QualityProfileDialog(QDialog):
    """OK gives ``profile()``; the caller saves it to the job."""

    def __init__(self, profile: QualityProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stake-out quality"))
        self.tolerance = _metres_box(profile.tolerance_m)
        self.fix = QComboBox()
        self.fix.setMinimumHeight(48)
        for req in RequiredFix:
            self.fix.addItem(required_fix_text(req), req.value)
        self.fix.setCurrentIndex(self.fix.findData(profile.required_fix.value))
        self.follow = QCheckBox(self.tr("σH limit = tolerance"))
        self.follow.setMinimumHeight(48)
        self.follow.setChecked(profile.max_sigma_h_m is None)
        self.sigma = _metres_box(profile.sigma_limit_m)
        self.sigma.setEnabled(profile.max_sigma_h_m is not None)
        self.follow.toggled.connect(lambda on: self.sigma.setEnabled(not on))
        self.tolerance.valueChanged.connect(self._follow_tolerance)
        form = QFormLayout(self)
        form.addRow(self.tr("Tolerance"), self.tolerance)
        form.addRow(self.tr("Required fix"), self.fix)
        form.addRow(self.follow)
        form.addRow(self.tr("Largest measured σH"), self.sigma)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _follow_tolerance(self, value: float) -> None:
        if self.follow.isChecked():
            self.sigma.setValue(value)

    def profile(self) -> QualityProfile:
        return QualityProfile(
            round(self.tolerance.value(), 3),
            RequiredFix(self.fix.currentData()),
            None if self.follow.isChecked() else round(self.sigma.value(), 3),
        )
