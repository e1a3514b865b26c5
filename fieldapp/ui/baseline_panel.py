"""Baselines in the Kontrol tab: process on a worker thread, the rules, fixed/float, accept."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThread, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.app.control import accept_baseline
from fieldapp.gnss.baseline import BaselineSolution, GeodeticPosition
from fieldapp.gnss.rtklib_engine import EngineFailed, EngineMissing, ProcessingCancelled
from fieldapp.store import JobFileError
from fieldapp.store.baselines import StoredBaseline, load_baselines
from fieldapp.store.gnss_sessions import StaticSession
from fieldapp.store.joblock import JobBusyError
from fieldapp.ui import control_texts as words
from fieldapp.ui.app import text_style
from fieldapp.ui.base_position import header_position, parse_position
from fieldapp.ui.control_dialogs import ReasonDialog
from fieldapp.ui.control_worker import ControlWorker, Task, baseline_task, start_worker
from fieldapp.ui.errors import error_text
from fieldapp.ui.heights import height_pair
from fieldapp.ui.numbers import fixed
from fieldapp.ui.scrolling import SidePanel
from fieldapp.ui.session import JobSession

# What a job refuses (read-only, busy with another program, a full disk) and bad input: a
# message, nothing stored.
JOB_ERRORS = (ValueError, OSError, JobFileError, JobBusyError)

# The engine's expected failures (bad files are ValueErrors, no RTKLIB, a failed run, a cancel):
# a message in the window, never a crash. Anything else is a bug: the crash handler logs it.
EXPECTED_ERRORS = (*JOB_ERRORS, EngineMissing, EngineFailed, ProcessingCancelled)


class CompactTable(QTableWidget):
    """Read-only rows (nothing to touch there): as tall as their text, so all six rules show.

    The app's style gives every table finger-sized rows when it polishes one; this undoes
    that after each polish.
    """

    def event(self, e: QEvent) -> bool:
        done = super().event(e)
        if e.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            rows = self.verticalHeader()
            rows.setMinimumSectionSize(0)
            rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        return done


class BaselinePanel(QWidget):
    """Pick rover and base, process (cancellable), see each rule, accept into control."""

    processed = Signal(object)  # StoredBaseline, or None when the run failed or was cancelled

    def __init__(self, session: JobSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.baselines: list[StoredBaseline] = []
        self.sessions: list[StaticSession] = []
        self.shown: StoredBaseline | None = None  # the StoredBaseline in the detail tables
        self.last_error: str | None = None
        self.last_exception: BaseException | None = None  # of the last failed run
        self._worker: ControlWorker | None = None
        self._thread: QThread | None = None
        self.rover = QComboBox()
        self.base = QComboBox()
        self.base.currentIndexChanged.connect(lambda _i: self._base_hint())
        self.rover_label, self.base_label = QLabel(), QLabel()
        self.process_btn = QPushButton()
        self.process_btn.setProperty("accent", "true")
        self.cancel_btn = QPushButton()
        self.cancel_btn.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.step = QLabel()
        self.step.setWordWrap(True)
        # The base's mark: from the job's control when it is there; else typed, or taken from
        # the base file's header (an approximate position, good for a test, not for a tie).
        self.base_pos_label = QLabel()
        self.base_pos = QLineEdit()
        self.header_btn = QPushButton()
        self.header_btn.clicked.connect(self.position_from_header)
        self.list = QTableWidget(0, 7)
        self.rules = CompactTable(0, 4)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for t in (self.list, self.rules):
            t.verticalHeader().setVisible(False)
            t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            t.horizontalHeader().setStretchLastSection(True)
            t.setWordWrap(False)  # one line a row: a wrapped status was cut at half height
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._selected)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.accept_btn = QPushButton()
        self.accept_btn.setEnabled(False)
        self.process_btn.clicked.connect(self.start)
        self.cancel_btn.clicked.connect(self.cancel)
        self.accept_btn.clicked.connect(self.accept)
        # Controls in a narrow column that scrolls, the results beside it: on a 1024x600
        # tablet the rules table keeps the height it needs.
        controls = QWidget()
        cv = QVBoxLayout(controls)
        cv.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.rover_label, self.rover)
        form.addRow(self.base_label, self.base)
        cv.addLayout(form)
        cv.addWidget(self.base_pos_label)
        cv.addWidget(self.base_pos)
        cv.addWidget(self.header_btn)
        run = QHBoxLayout()
        run.addWidget(self.process_btn)
        run.addWidget(self.cancel_btn)
        cv.addLayout(run)
        cv.addWidget(self.progress)
        cv.addWidget(self.step)
        cv.addWidget(self.details)  # below the buttons: the rules keep the height
        cv.addStretch(1)
        detail = QWidget()
        dv = QVBoxLayout(detail)
        dv.setContentsMargins(0, 0, 0, 0)
        said = QHBoxLayout()
        said.addWidget(self.verdict, 1)
        said.addWidget(self.accept_btn)
        dv.addLayout(said)
        dv.addWidget(self.rules, 1)
        split = self.split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(detail)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 2 + 70)  # a row shows
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)  # the rules get the height
        self._sized = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(SidePanel(controls))
        layout.addWidget(split, 1)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._sized:  # once: the list as small as it may be, then the surveyor drags
            self._sized = True
            self.split.setSizes([self.list.minimumHeight(), self.split.height()])

    @property
    def running(self) -> bool:
        return self._worker is not None

    # -- texts -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.rover_label.setText(self.tr("Rover"))
        self.base_label.setText(self.tr("Base"))
        self.process_btn.setText(self.tr("Process baseline"))
        self.cancel_btn.setText(self.tr("Cancel"))
        self.accept_btn.setText(self.tr("Accept into control"))
        self.base_pos_label.setText(self.tr("Base position"))
        self._base_hint()
        self.header_btn.setText(self.tr("From the file header"))
        self.header_btn.setToolTip(
            self.tr("The approximate position in the base's RINEX header: not a control coordinate")
        )
        self.list.setHorizontalHeaderLabels([
            self.tr("Rover"), self.tr("Base"), self.tr("Solution"), self.tr("Length"),
            self.tr("σ E / N / U"), self.tr("Duration"), self.tr("Status"),
        ])  # fmt: skip
        self.rules.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Verdict"), self.tr("Result"), self.tr("Required")]
        )
        self._fill_list()
        self.show_baseline(self.shown)

    # -- lists -----------------------------------------------------------------------
    def _base_hint(self) -> None:
        """Where the base's mark comes from when nothing is typed: the job's control, or say
        that it must be typed."""
        base = self.base.currentText()
        known = next((c for c in self.session.layers.control
                      if c.name == base and c.h is not None), None)  # fmt: skip
        if known is not None:
            self.base_pos.setPlaceholderText(
                self.tr("from the job's control: {0}").format(
                    f"{fixed(known.lat, 6)} {fixed(known.lon, 6)} {fixed(known.h or 0.0, 3)}"
                )
            )
        else:
            self.base_pos.setPlaceholderText(self.tr("lat lon h, when the base is not in control"))

    def refresh(self, sessions: list[StaticSession]) -> None:
        """The points with sessions in the pickers, the stored baselines in the list."""

        def fill(combo: QComboBox, names: list[str], prefer: str) -> None:
            current = combo.currentText()
            combo.clear()
            combo.addItems(names)
            if current in names:
                combo.setCurrentText(current)
            else:
                liked = [s.point for s in sessions if s.role == prefer]
                if liked:
                    combo.setCurrentText(liked[-1])

        self.sessions = sessions
        points = list(dict.fromkeys(s.point for s in sessions))
        fill(self.rover, points, "rover")
        fill(self.base, points, "base")
        writable = not self.session.store.read_only  # a processed baseline is stored
        self.process_btn.setEnabled(writable and len(points) >= 2 and not self.running)
        self.baselines = load_baselines(self.session.store.db)
        self._fill_list()
        self._base_hint()

    def recolour(self) -> None:
        """Cells and the verdict in the colours of the theme now applied."""
        self._fill_list()
        self.show_baseline(self.shown)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.baselines))
        for i, b in enumerate(self.baselines):
            s = b.solution
            cells = (b.rover_point, b.base_point, words.fix_text(s), f"{fixed(s.baseline_m, 3)} m",
                     words.sigmas_text(s), words.duration_text(s.duration_s),
                     words.status_text(b.status, b.override_reason))  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setForeground(words.colour("good" if str(s.fix) == "fixed" else "bad"))
                if j == 6 and b.override_reason:
                    item.setForeground(words.colour("bad"))
                    item.setToolTip(self.tr("Reason: {0}").format(b.override_reason))
                self.list.setItem(i, j, item)
        self.list.blockSignals(False)

    def _selected(self) -> None:
        rows = {i.row() for i in self.list.selectedItems()}
        if len(rows) == 1:
            self.show_baseline(self.baselines[rows.pop()])

    def select(self, baseline_id: int) -> None:
        for i, b in enumerate(self.baselines):
            if b.id == baseline_id:
                self.list.selectRow(i)
                self.show_baseline(b)

    # -- one baseline ----------------------------------------------------------------
    def passes(self, baseline: StoredBaseline) -> bool:
        """Green only when every rule passes and the ambiguities are fixed."""
        return all(v.passed for v in baseline.verdicts) and str(baseline.solution.fix) == "fixed"

    def show_baseline(self, baseline: StoredBaseline | None) -> None:
        self.shown = baseline
        if baseline is None:
            self.rules.setRowCount(0)
            self.details.setText("")
            self.verdict.setText("")
            self.accept_btn.setEnabled(False)
            return
        self.rules.setRowCount(len(baseline.verdicts))
        for i, v in enumerate(baseline.verdicts):
            word = self.tr("✔ meets") if v.passed else self.tr("✘ does not meet")
            cells = (words.rule_text(v.rule), word, words.rule_figure(v.figure),
                     words.rule_figure(v.required))  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(v.message)
                if j in (1, 2):
                    item.setForeground(words.colour("good" if v.passed else "bad"))
                self.rules.setItem(i, j, item)
        self._fill_solution(baseline.solution)
        failed = [words.rule_text(v.rule) for v in baseline.verdicts if not v.passed]
        if str(baseline.solution.fix) != "fixed" and words.rule_text("fixed") not in failed:
            failed.append(words.rule_text("fixed"))
        if not failed:
            self.verdict.setText(self.tr("Meets every rule of 697/1996."))
            self.verdict.setStyleSheet(text_style("good"))
        else:
            self.verdict.setText(self.tr("Does not meet: {0}").format(", ".join(failed)))
            self.verdict.setStyleSheet(text_style("bad"))
        writable = not self.session.store.read_only
        self.accept_btn.setEnabled(writable and baseline.status == "new" and not self.running)

    def _fill_solution(self, s: BaselineSolution) -> None:
        """What the list does not show: the rover's position, the vector, epochs, the engine."""
        p = s.position
        vector = " / ".join(fixed(x, 3) for x in s.vector_enu_m)
        self.details.setText(
            self.tr("Rover {0}°, {1}° · {2} · vector E/N/U {3} m")
            .format(fixed(p.lat, 9), fixed(p.lon, 9),
                    height_pair(self.session.heights, p.lat, p.lon, p.h), vector)
        )  # fmt: skip
        every = self.tr("{0} epochs every {1} s · {2}")
        self.details.setToolTip(every.format(s.epochs, fixed(s.interval_s, 0), s.engine))

    # -- processing ------------------------------------------------------------------
    def start(self) -> bool:
        """Process the chosen rover against the chosen base on a worker thread."""
        rover, base = self.rover.currentText(), self.base.currentText()
        if self.running or not rover or not base:
            return False
        if self.session.store.read_only:  # the result could not be stored
            self._failed(error_text(self.session.store.read_only_error()))
            return False
        if rover == base:
            self._failed(self.tr("Choose two different points for rover and base."))
            return False
        try:
            position = self.base_position()
        except ValueError as exc:
            self._failed(str(exc))
            return False
        return self.start_task(baseline_task(self.session.path, rover, base, position))

    def base_position(self) -> GeodeticPosition | None:
        """The typed base position ("lat lon h", decimal point or comma), or None."""
        return parse_position(self.base_pos.text())

    def position_from_header(self) -> bool:
        """Fill the base position from the approximate position in the base's RINEX header."""
        base = self.base.currentText()
        session = next((s for s in reversed(self.sessions) if s.point == base
                        and s.role in ("base", "reference")), None)  # fmt: skip
        found = header_position(self.session.path, session) if session is not None else None
        if found is None:
            self._failed(self.tr("No position in the header of {0}'s files.").format(base))
            return False
        self.base_pos.setText(f"{found.lat:.9f} {found.lon:.9f} {found.h:.4f}")
        self.base_pos.setCursorPosition(0)
        return True

    def start_task(self, task: Task) -> bool:
        """Run ``task(progress, cancel)`` as a baseline run (the window and the tests)."""
        if self.running:
            return False
        self.last_error = None
        worker = ControlWorker(task)
        worker.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._worker, self._thread = worker, start_worker(worker)
        self._job = self.session.path
        self.process_btn.setEnabled(False)
        self.accept_btn.setEnabled(False)
        self.cancel_btn.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.step.setText(self.tr("Processing {0} against {1}…").format(
            self.rover.currentText(), self.base.currentText()))  # fmt: skip
        self.step.setStyleSheet("")
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_btn.setEnabled(False)
            self.step.setText(self.tr("Cancelling…"))

    def wait(self) -> object:
        """Wait for the running baseline and deliver its result (scripts and tests)."""
        thread = self._thread
        if thread is not None:
            thread.wait()
        while self._worker is not None:  # the queued result reaches this panel
            QCoreApplication.processEvents()
        return self.shown

    def _on_progress(self, fraction: float, step: str) -> None:
        if self.sender() is not self._worker:
            return
        self.progress.setValue(round(100 * fraction))
        if step and not (self._worker and self._worker.cancelled):
            self.step.setText(words.step_text(step))

    def _on_done(self, result: object) -> None:
        worker = self.sender()
        if worker is not self._worker or not isinstance(worker, ControlWorker):
            return  # a run this panel no longer waits for
        self._worker, self._thread = None, None
        self.cancel_btn.setEnabled(False)
        self.progress.setVisible(False)
        self.process_btn.setEnabled(not self.session.store.read_only and self.rover.count() >= 2)
        if self.session.closed or self._job != self.session.path:
            return  # another job is open now: the old result must not show
        if isinstance(result, BaseException):
            self.last_exception = result
            if worker.cancelled:  # the engine stopped at the cancel, whatever it raised then
                self._failed(self.tr("Processing cancelled; nothing was stored."), "warn")
            elif isinstance(result, EXPECTED_ERRORS):
                self._failed(self.tr("Processing failed: {0}").format(error_text(result)))
            else:
                raise result  # a bug: the crash handler logs it, as on the GUI thread
            self.processed.emit(None)
            return
        self.step.setText(self.tr("Processed and stored."))
        self.step.setStyleSheet("")
        stored_id = getattr(result, "id", None)
        self.baselines = load_baselines(self.session.store.db)
        self._fill_list()
        if stored_id is not None:
            self.select(stored_id)
        self.processed.emit(result)

    def _failed(self, text: str, meaning: str = "bad") -> None:
        self.last_error = text
        self.step.setText(text)
        self.step.setStyleSheet(text_style(meaning))
        self.session.message.emit(text)
        if self.shown is not None:
            self.show_baseline(self.shown)

    # -- accept ----------------------------------------------------------------------
    def ask_reason(self, failed: list[str]) -> str | None:
        """The surveyor's reason for accepting a baseline that fails a rule (None: cancelled)."""
        dialog = ReasonDialog(failed, self)
        return dialog.reason() if dialog.exec() else None

    def accept(self) -> bool:
        """Make the shown baseline the control point's coordinate (history kept by the core)."""
        b = self.shown
        if b is None or self.running:
            return False
        failed = [f"{words.rule_text(v.rule)}: {v.figure}" for v in b.verdicts if not v.passed]
        reason = None
        if failed or not self.passes(b):
            reason = self.ask_reason(failed or [words.rule_text("fixed")])
            if not reason:
                return False
        try:
            accept_baseline(self.session.store, b.id, override_reason=reason)
        except JOB_ERRORS as exc:
            self._failed(self.tr("Cannot accept: {0}").format(error_text(exc)))
            return False
        self.session.message.emit(self.tr("{0} accepted into control.").format(b.rover_point))
        self.session.reload()  # the control point moved: map, lists and stake-out see it
        self._base_hint()
        self.baselines = load_baselines(self.session.store.db)
        self._fill_list()
        self.select(b.id)
        return True

    def shutdown(self) -> None:
        """Cancel a running baseline and wait for it (the job is closing)."""
        worker, thread = self._worker, self._thread
        if worker is not None and thread is not None:
            worker.cancel()
            thread.wait()
        self._worker = self._thread = None
