"""The base of an occupation: one of the job's control points, or a name typed (a mountpoint)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from fieldapp.gnss.station_arp import AnnouncedStation
from fieldapp.reports.base_words import point_label
from fieldapp.store.base_point import AmbiguousBase, find_base_point
from fieldapp.store.database import JobDatabase
from fieldapp.survey.base_point import ANNOUNCED_LIMIT_M, announced_shift
from fieldapp.survey.models import ControlKind, ControlPoint
from fieldapp.ui.numbers import fixed


class BaseChoice(QWidget):
    """An editable list of the job's control points; what the typed name is, said below it.

    The occupation writer matches the text to the job's control the same way (the store's
    ``find_base_point``), so what is said here is what is recorded.
    """

    def __init__(self, db: JobDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.announced: AnnouncedStation | None = None  # what the correction stream says
        self.warning: str | None = None  # the announced position is far from the point
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(10)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.meaning)
        self.combo.editTextChanged.connect(lambda _t: self.explain())
        self.reload()

    def text(self) -> str | None:
        return " ".join(self.combo.currentText().split()) or None

    def reload(self) -> None:
        """The job's control points as choices (after an accepted baseline, a new point)."""
        typed = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        for name, kind in self.db.execute("SELECT name, kind FROM control_point ORDER BY id"):
            self.combo.addItem(point_label(str(name), ControlKind(kind)), name)
        self.combo.setEditText(typed)
        self.combo.blockSignals(False)
        self.explain()

    def set_announced(self, station: AnnouncedStation | None) -> None:
        """The base position the corrections announce (RTCM 1005/1006), checked on change."""
        if station is not self.announced:
            self.announced = station
            self.explain()

    def _announced_words(self, point: ControlPoint, label: str) -> str:
        """The announced base position against the point's coordinate ("" when none)."""
        self.warning = None
        if self.announced is None:
            return ""
        lat, lon, h = self.announced.marker_geodetic
        shift = announced_shift(point, lat, lon, h)
        metres = fixed(shift.horizontal_m, 3)
        if shift.horizontal_m > ANNOUNCED_LIMIT_M:
            self.warning = self.tr("The base station announces a position {0} m from {1}").format(
                metres, label
            )
            return "\n" + self.warning
        return "\n" + self.tr("The base station announces {1}, {0} m apart: it agrees").format(
            metres, label
        )

    def explain(self) -> None:
        self.warning = None
        typed = self.text()
        self.combo.setToolTip(
            self.tr("A control point of the job (BM, Titik Bantu, JKHN) or an NTRIP mountpoint")
        )
        if typed is None:
            self.meaning.setText(self.tr("No base named: the NTRIP mountpoint is recorded"))
            return
        try:
            name = find_base_point(self.db, typed)
        except AmbiguousBase:
            self.meaning.setText(self.tr("{0} fits more than one control point").format(typed))
            return
        if name is None:
            self.meaning.setText(self.tr("{0}: not a control point of the job").format(typed))
            return
        row = self.db.execute(
            "SELECT kind, baseline_id, sigma_h, lat, lon, h FROM control_point WHERE name = ?",
            [name],
        ).fetchone()
        label = point_label(name, ControlKind(row[0]))
        if row[1] is not None:
            origin = self.tr("from static baseline #{0}").format(row[1])
        else:
            origin = self.tr("imported coordinate")
        sigma = "" if row[2] is None else f", σH {fixed(row[2] * 1000, 1)} mm"
        point = ControlPoint(name, ControlKind(row[0]), row[3], row[4], row[5], "SRGI2013",
                             row[3], row[4])  # fmt: skip
        words = self.tr("Job control point {0} ({1}): its coordinate now is recorded").format(
            label, origin + sigma
        )
        words += self._announced_words(point, label)
        self.meaning.setText(words)
        self.meaning.setStyleSheet("color: #b71c1c; font-weight: bold;" if self.warning else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.explain()
        super().changeEvent(event)
