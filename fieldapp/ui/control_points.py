"""The job's control points on the Kontrol tab: position, h and H with the geoid named, origin."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import records as rec
from fieldapp.survey.models import ControlPoint
from fieldapp.ui.heights import orthometric
from fieldapp.ui.numbers import fixed
from fieldapp.ui.session import JobSession

NUMBERS = (2, 3, 4, 5)  # latitude, longitude, h, H: right-aligned
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ControlPointsPage(QWidget):
    """Read-only list; it reads the job again when the session says the job changed."""

    def __init__(self, session: JobSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.points: list[ControlPoint] = []
        self.geoid_label = QLabel("")
        self.geoid_label.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.geoid_label)
        layout.addWidget(self.table, 1)
        session.layers_changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        heights = self.session.heights
        geoid = heights.name if heights is not None else self.tr("no geoid grid")
        self.geoid_label.setText(
            self.tr("h is the ellipsoidal height; H = h − N is the orthometric height above the "
                    "geoid {0}.").format(geoid)
        )  # fmt: skip
        self.table.setHorizontalHeaderLabels([
            self.tr("Point"), self.tr("Kind"), self.tr("Latitude"), self.tr("Longitude"),
            self.tr("h ellipsoid (m)"), self.tr("H orthometric (m)"), self.tr("Origin"),
        ])  # fmt: skip
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.points = rec.load_control_points(self.session.store.db)
        self.retranslate()

    def kind_text(self, kind: str) -> str:
        return {"BM": self.tr("BM"), "TITIK_BANTU": self.tr("Titik Bantu"),
                "JKHN": self.tr("JKHN")}.get(kind, kind)  # fmt: skip

    def _fill(self) -> None:
        heights = self.session.heights
        self.table.setRowCount(len(self.points))
        for row, p in enumerate(self.points):
            origin = p.source or (self.tr("tied to {0}").format(p.tied_to) if p.tied_to else "–")
            cells = (
                p.name, self.kind_text(p.kind.value), fixed(p.lat, 9), fixed(p.lon, 9),
                "–" if p.h is None else fixed(p.h, 3), orthometric(heights, p.lat, p.lon, p.h),
                origin,
            )  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in NUMBERS:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, col, item)
