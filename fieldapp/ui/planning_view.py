"""Planning view: run the planner with the job's neighbours and zones, preview on a map, accept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import apply_plan, plan_task, to_grid
from fieldapp.store import records as rec
from fieldapp.survey.boundary import BoundaryReport, validate_boundary
from fieldapp.survey.edges import BoundaryError
from fieldapp.survey.naming import MarkerNameError
from fieldapp.survey.neighbors import AreaError
from fieldapp.survey.planning import Plan
from fieldapp.ui import texts
from fieldapp.ui.errors import error_text
from fieldapp.ui.map_view import MapView
from fieldapp.ui.plan_worker import CHECK, Cancelled, PlanResult, PlanWorker, start_worker
from fieldapp.ui.session import JobSession

# Errors of the inputs (a boundary or area that cannot be planned): a message, not a crash.
EXPECTED = (BoundaryError, AreaError, ValueError)


class PlanningView(QWidget):
    """The core planner computes the plan off the GUI thread; this view shows and stores it."""

    planned = Signal(object)  # Plan, or None when the run failed

    def __init__(self, session: JobSession, dark: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.plan: Plan | None = None
        self.report: BoundaryReport | None = None
        self._worker: PlanWorker | None = None
        self._thread: QThread | None = None
        self.run_btn = QPushButton(self.tr("Run planner"))
        self.accept_btn = QPushButton(self.tr("Accept plan"))
        self.accept_btn.setProperty("accent", "true")
        self.accept_btn.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
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
        left.addWidget(self.progress)
        left.addWidget(self.summary)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.map, 3)
        self.run_btn.clicked.connect(self.start)
        self.accept_btn.clicked.connect(self.accept)
        session.layers_changed.connect(lambda: self.map.set_layers(session.layers, fit=False))

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self) -> bool:
        """Check the boundary and plan on a worker thread; the result shows when it is done."""
        if self._worker is not None:
            return False
        store = self.session.store
        try:
            # The job is read here, on the GUI thread that owns its database connection;
            # the worker only computes.
            plan = plan_task(store)
            points = rec.load_boundary_points(store.db)
            sk_area = rec.load_permit_area(store.db).sk_area_ha
        except EXPECTED as exc:
            self._failed(exc)
            return False

        def task(progress: PlanWorker.Report) -> PlanResult:
            report = validate_boundary(points, sk_area, lambda d, t: progress(CHECK, d, t))
            return PlanResult(report, plan(lambda d, t: progress("plan", d, t)))

        # The result belongs to this job and this run: a late one from before is dropped.
        session = self.session
        worker = PlanWorker(task, store.path, stop=lambda: session.closed)
        worker.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._worker, self._thread = worker, start_worker(worker)
        self.run_btn.setEnabled(False)
        self.accept_btn.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Checking the boundary…"))
        return True

    def run(self) -> Plan | None:
        """Plan and wait for the result (scripts and tests); the window uses :meth:`start`."""
        if not self.start():
            return None
        assert self._thread is not None
        self._thread.wait()
        while self._worker is not None:  # the queued result reaches this view
            QCoreApplication.processEvents()
        return self.plan

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if self.sender() is not self._worker:
            return
        percent = 100 * done // max(total, 1)
        if phase == CHECK:
            self.progress.setValue(percent // 10)  # the check is the small first part
            self.summary.setText(self.tr("Checking the boundary…"))
        else:
            self.progress.setValue(10 + 9 * percent // 10)  # the bar shows the percentage
            self.summary.setText(self.tr("Planning the markers…"))

    def _on_done(self, result: object) -> None:
        worker = self.sender()
        if worker is not self._worker or not isinstance(worker, PlanWorker):
            return  # a run this view no longer waits for
        self._worker, self._thread = None, None
        self.run_btn.setEnabled(True)
        self.progress.setVisible(False)
        if self.session.closed or worker.job != self.session.path or isinstance(result, Cancelled):
            return  # another job is open now (or the app quits): the old plan must not show
        if isinstance(result, BaseException):
            if not isinstance(result, EXPECTED):
                raise result  # a bug: the crash handler logs it, as on the GUI thread
            self._failed(result)
            return
        assert isinstance(result, PlanResult)
        self._show(result.report, result.plan)

    def _failed(self, exc: BaseException) -> None:
        self.accept_btn.setEnabled(self.plan is not None)  # the plan shown before still holds
        self.summary.setText(self.tr("Planning failed: {0}").format(error_text(exc)))
        self.session.message.emit(self.tr("Planning failed: {0}").format(error_text(exc)))
        self.planned.emit(None)

    def _show(self, report: BoundaryReport, plan: Plan) -> None:
        self.report, self.plan = report, plan
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
        if report.errors:
            lines.append(
                self.tr("Boundary check: {0} errors (see `fieldapp job validate`)").format(
                    len(report.errors)
                )
            )
        lines += [f"⚠ {w}" for w in plan.warnings]
        self.summary.setText("\n".join(lines))
        self.accept_btn.setEnabled(True)
        self.planned.emit(plan)

    def accept(self) -> None:
        if self.plan is None or self._worker is not None:
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
