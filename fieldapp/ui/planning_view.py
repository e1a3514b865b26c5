"""Planning view: run the planner with the job's neighbours and zones, preview on a map, accept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import apply_plan, plan_job, to_grid
from fieldapp.survey.edges import BoundaryError
from fieldapp.survey.naming import MarkerNameError
from fieldapp.survey.neighbors import AreaError
from fieldapp.survey.planning import Plan
from fieldapp.ui import texts
from fieldapp.ui.errors import error_text
from fieldapp.ui.map_view import MapView
from fieldapp.ui.session import JobSession


class PlanningView(QWidget):
    """The plan is computed by the core planner; this view only shows and stores it."""

    def __init__(self, session: JobSession, dark: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.plan: Plan | None = None
        self.run_btn = QPushButton(self.tr("Run planner"))
        self.accept_btn = QPushButton(self.tr("Accept plan"))
        self.accept_btn.setProperty("accent", "true")
        self.accept_btn.setEnabled(False)
        self.summary = QLabel(self.tr("Corners, ≤ 500 m along neighbours, ≤ 100 m near pits."))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Line"), self.tr("Status")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.map = MapView(dark=dark)
        self.map.set_layers(session.layers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_btn)
        buttons.addWidget(self.accept_btn)
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.summary)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.map, 3)
        self.run_btn.clicked.connect(self.run)
        self.accept_btn.clicked.connect(self.accept)
        session.layers_changed.connect(lambda: self.map.set_layers(session.layers, fit=False))

    def run(self) -> Plan | None:
        try:
            plan = plan_job(self.session.store)
        except (BoundaryError, AreaError, ValueError) as exc:
            self.session.message.emit(self.tr("Planning failed: {0}").format(error_text(exc)))
            return None
        self.plan = plan
        grid = self.session.layers.grid
        self.map.set_proposal([to_grid(grid, m.lat, m.lon) for m in plan.markers])
        self.table.setRowCount(len(plan.markers))
        for i, m in enumerate(plan.markers):
            kind = self.tr("corner") if m.kind.value == "corner" else self.tr("infill")
            cells = (m.name, kind, "-".join(m.edge) if m.edge else "–",
                     texts.marker_status(m.status.value))  # fmt: skip
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        corners = sum(1 for m in plan.markers if m.kind.value == "corner")
        lines = [self.tr("{0} markers ({1} corners, {2} infill)").format(
            len(plan.markers), corners, len(plan.markers) - corners)]  # fmt: skip
        lines += [f"⚠ {w}" for w in plan.warnings]
        self.summary.setText("\n".join(lines))
        self.accept_btn.setEnabled(True)
        return plan

    def accept(self) -> None:
        if self.plan is None:
            return
        try:
            apply_plan(self.session.store, self.plan)
        except MarkerNameError as exc:  # a name outside the SK rule: nothing was stored
            self.session.message.emit(self.tr("Planning failed: {0}").format(error_text(exc)))
            return
        self.session.message.emit(
            self.tr("Plan stored: {0} markers.").format(len(self.plan.markers))
        )
        self.accept_btn.setEnabled(False)
        self.map.set_proposal([])
        self.session.reload()
