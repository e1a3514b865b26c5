"""A marker's heights on the Pemasangan tab: the design (given as h or H, editable) and the
mark as measured, each with h and H and the geoid named."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import parse_metres
from fieldapp.store.design_heights import set_design_height
from fieldapp.survey.geoid import GeoidError
from fieldapp.survey.installation import MarkerInstallation
from fieldapp.survey.models import HeightSystem
from fieldapp.ui.app import text_style
from fieldapp.ui.heights import height_pair
from fieldapp.ui.numbers import fixed
from fieldapp.ui.session import JobSession


class DesignHeightPage(QWidget):
    """Shows the selected marker's heights; Save gives its design height in the chosen system."""

    def __init__(self, session: JobSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.inst: MarkerInstallation | None = None
        self.design = QLabel("")
        self.design.setWordWrap(True)
        self.measured = QLabel("")
        self.measured.setWordWrap(True)
        self.value = QLineEdit()
        self.value.setMaximumWidth(140)
        self.system = QComboBox()  # the choice beside the field
        self.system.addItem("", HeightSystem.ORTHOMETRIC.value)
        self.system.addItem("", HeightSystem.ELLIPSOIDAL.value)
        self.save_btn = QPushButton()
        self.save_btn.setEnabled(not session.store.read_only)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.value)
        row.addWidget(self.system)
        row.addWidget(self.save_btn)
        row.addStretch(1)
        self.form = QFormLayout()
        self.design_label, self.measured_label, self.edit_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.design_label, self.design)
        self.form.addRow(self.measured_label, self.measured)
        self.form.addRow(self.edit_label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.save_btn.clicked.connect(self.save)
        self.retranslate()

    def retranslate(self) -> None:
        self.design_label.setText(self.tr("Design height"))
        self.measured_label.setText(self.tr("Mark as measured"))
        self.edit_label.setText(self.tr("Give the design height"))
        self.system.setItemText(0, self.tr("H orthometric (above the geoid)"))
        self.system.setItemText(1, self.tr("h ellipsoidal"))
        self.value.setPlaceholderText(self.tr("metres"))
        self.save_btn.setText(self.tr("Save design height"))
        self.show_installation(self.inst)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_installation(self, inst: MarkerInstallation | None) -> None:
        self.inst = inst
        point = self.session.layers.marker(inst.marker) if inst is not None else None
        if inst is None or point is None:
            self.design.setText("–")
            self.measured.setText("–")
            return
        heights = self.session.heights
        text = height_pair(heights, point.lat, point.lon, point.h)
        if point.h is not None:
            given = (
                self.tr("given as orthometric H")
                if point.h_system == HeightSystem.ORTHOMETRIC.value
                else self.tr("given as ellipsoidal h")
            )
            text += f" · {given}"
        self.design.setText(text)
        self.system.setCurrentIndex(max(0, self.system.findData(point.h_system)))
        mark = next(
            (o.result for o in reversed(inst.occupations) if o.result and o.result.passed), None
        )
        if mark is None or mark.lat is None or mark.lon is None:
            self.measured.setText(self.tr("no passing occupation yet"))
        else:
            self.measured.setText(
                self.tr("{0}°, {1}° · {2}").format(
                    fixed(mark.lat, 8), fixed(mark.lon, 8),
                    height_pair(heights, mark.lat, mark.lon, mark.mark_h))
            )  # fmt: skip

    def save(self) -> bool:
        """Store the typed height in the chosen system (h = H + N with the job's geoid)."""
        name = self.inst.marker if self.inst is not None else None
        if not name:
            return False
        try:
            value = parse_metres(self.value.text())
        except ValueError:
            return self._say(self.tr("Type the height in metres, e.g. 12,5."), "bad")
        system = HeightSystem(str(self.system.currentData()))
        heights = self.session.heights
        if heights is None:
            return self._say(self.tr("The job's geoid grid is missing: import it again."), "bad")
        try:
            set_design_height(self.session.store.db, name, value, system, heights.geoid)
        except (ValueError, LookupError, GeoidError, sqlite3.Error) as exc:
            return self._say(self.tr("Not saved: {0}").format(str(exc)), "bad")
        self.value.clear()
        self._say(self.tr("Design height of {0} saved.").format(name), "good")
        self.session.reload()
        return True

    def _say(self, text: str, meaning: str) -> bool:
        self.status.setText(text)
        self.status.setStyleSheet(text_style(meaning))
        return meaning == "good"
