"""The "Kirim" tab: the job's outbox, seal/send/pull off the GUI thread, and automatic sending."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import JobStore
from fieldapp.sync.identity import load_or_create_identity
from fieldapp.sync.net import LinkStatus, RetryPolicy, check_link
from fieldapp.sync.outbox import OutboxEntry, OutboxState, list_outbox
from fieldapp.sync.package import SealError, SealResult, seal_job
from fieldapp.sync.pull import PullError, PullResult, pull
from fieldapp.sync.push import PushJob, PushOutcome, PushProgress, PushStatus
from fieldapp.sync.status import (
    OutboxSummary,
    ProblemKind,
    RateMeter,
    classify_problem,
    outbox_summary,
    queue_sealed,
)
from fieldapp.ui.errors import error_text
from fieldapp.ui.office_settings import OfficeBox, OfficeSettings
from fieldapp.ui.session import JobSession
from fieldapp.ui.texts import local_time

POLL_MS = 100  # progress bar refresh while a push runs
BAR_STEPS = 1000  # QProgressBar holds an int32: show per mille, keep the bytes in the label


@dataclass(frozen=True, slots=True)
class AutoTiming:
    """How often automatic sending looks for a link (seconds); tests shorten these."""

    check_s: float = 5.0  # first check after a change; also the idle re-check
    max_backoff_s: float = 60.0  # offline: 5, 10, 20, 40, 60, 60 … (with jitter)
    pull_every_s: float = 300.0  # online with packages under review: read the inbox


def state_text(state: OutboxState) -> str:
    return {
        OutboxState.DRAFT: QCoreApplication.translate("OutboxView", "Draft"),
        OutboxState.SEALED: QCoreApplication.translate("OutboxView", "Sealed"),
        OutboxState.QUEUED: QCoreApplication.translate("OutboxView", "Queued"),
        OutboxState.UPLOADING: QCoreApplication.translate("OutboxView", "Uploading"),
        OutboxState.COMMITTED: QCoreApplication.translate("OutboxView", "Sent to office"),
        OutboxState.RECEIVED: QCoreApplication.translate("OutboxView", "Received by office"),
        OutboxState.IN_REVIEW: QCoreApplication.translate("OutboxView", "In review"),
        OutboxState.ACCEPTED: QCoreApplication.translate("OutboxView", "Accepted"),
        OutboxState.RETURNED: QCoreApplication.translate("OutboxView", "Returned"),
        OutboxState.REJECTED: QCoreApplication.translate("OutboxView", "Rejected"),
    }[state]


def _mb(n: int) -> str:
    return QLocale().toString(n / 1e6, "f", 1 if n >= 1e6 else 2)


def _local_time(iso: str | None) -> str:
    return local_time(iso) if iso else "–"


def _seal_at(path: Path) -> SealResult:
    # A connection of its own: sealing copies every photo and must not hold the GUI's.
    with JobStore.open(path) as store:
        return seal_job(store, load_or_create_identity())


class _Bridge(QObject):
    """Worker threads emit here; the queued connection runs the slot in the GUI thread."""

    finished = Signal(str, object)  # task name, its result or the exception it raised


class OutboxView(QWidget):
    """Lists the outbox and runs sync jobs aside; all rules live in fieldapp.sync."""

    def __init__(
        self, session: JobSession, timing: AutoTiming | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.timing = timing or AutoTiming()
        self.entries: list[OutboxEntry] = []
        self.busy: str | None = None  # "seal", "push" or "pull": one at a time
        self.checking = False  # a link check runs aside (does not block the buttons)
        self.link_checks = 0
        self.last_progress = PushProgress()
        self.last_outcome: PushOutcome | None = None
        self._push: PushJob | None = None
        self._push_auto = False
        self._thread: threading.Thread | None = None
        self._link_thread: threading.Thread | None = None
        self._failures = 0
        self._last_pull = float("-inf")
        self._mode = "idle"
        self._closed = False
        self._rate = RateMeter()
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._build()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_push)
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.timeout.connect(self._auto_tick)
        self.office.changed.connect(self._settings_changed)
        self.refresh()
        self._schedule(0.5)

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.status_label = QLabel()
        self.status_label.setProperty("role", "big")
        self.status_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.seal_btn = QPushButton(self.tr("Seal package"))
        self.push_btn = QPushButton(self.tr("Send now"))
        self.push_btn.setProperty("accent", "true")
        self.pull_btn = QPushButton(self.tr("Get office news"))
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        self.cancel_btn.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, BAR_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        # Room for the widest figures up front: the bar must not jump as the numbers grow.
        widest = self.tr("{0} / {1} MB").format("8888,8", "8888,8") + " · "
        widest += self.tr("{0} MB/s").format("888,8")
        self.progress_label.setMinimumWidth(
            self.progress_label.fontMetrics().horizontalAdvance(widest)
        )
        self.progress_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Package"),
                self.tr("Rev."),
                self.tr("State"),
                self.tr("Size"),
                self.tr("Sealed at"),
                self.tr("Updated"),
                self.tr("Office notes"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.office = OfficeBox()

        buttons = QHBoxLayout()
        for b in (self.seal_btn, self.push_btn, self.pull_btn, self.cancel_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.progress_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.office)
        self.seal_btn.clicked.connect(self.seal)
        self.push_btn.clicked.connect(lambda: self.push())
        self.pull_btn.clicked.connect(lambda: self.pull())
        self.cancel_btn.clicked.connect(self.cancel)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # The CLI may have sealed or pushed while the tab was hidden.
        if self.busy is None:
            self.refresh()
        super().showEvent(event)

    # -- table and status line -----------------------------------------------------------
    def refresh(self) -> None:
        self._fill_table()
        self._show_status()

    def _fill_table(self) -> None:
        self.entries = [
            e for e in list_outbox(self.session.store.db) if e.state != OutboxState.DRAFT
        ]
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(reversed(self.entries)):  # newest on top
            notes = e.office_notes or ""
            if not notes and e.last_error and e.state in (OutboxState.QUEUED, OutboxState.SEALED):
                notes = "⚠ " + e.last_error
            cells = (
                e.package_id[:8],
                str(e.revision),
                state_text(e.state),
                self.tr("{0} MB").format(_mb(e.total_bytes)),
                _local_time(e.sealed_at),
                _local_time(e.updated_at),
                notes,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setToolTip(e.package_id)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def summary(self) -> OutboxSummary:
        return outbox_summary(self.session.store.db)

    def _show_status(self, known: OutboxSummary | None = None) -> None:
        # ``known``: a summary the caller just read, with nothing written since.
        s = known if known is not None else self.summary()
        texts = {
            "sealing": self.tr("Sealing the package…"),
            "pushing": self.tr("Sending…"),
            "pulling": self.tr("Getting the office's news…"),
            "checking": self.tr("Checking the link to the office…"),
            "offline": self.tr("Offline, waiting for signal ({0} to send)").format(s.pending),
            "off": self.tr("Automatic sending is off ({0} to send)").format(s.pending),
            "unset": self.tr("Enter the office address and the device token to send"),
        }
        if self._mode in texts:
            text = texts[self._mode]
        elif s.pending:
            text = self.tr("{0} package(s) waiting to be sent").format(s.pending)
        elif s.total:
            text = self.tr("All sent")
            if s.awaiting_office:
                text += " · " + self.tr("{0} awaiting review").format(s.awaiting_office)
        else:
            text = self.tr("Nothing to send yet: seal a package first")
        if s.returned and self._mode not in ("sealing", "pushing"):
            text += " · " + self.tr("{0} returned: revise and seal again").format(s.returned)
        self.status_label.setText(text)

    def _set_mode(self, mode: str, known: OutboxSummary | None = None) -> None:
        self._mode = mode
        self._show_status(known)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _problem_text(self, error: str, what: str) -> str:
        p = classify_problem(error)
        if p.kind is ProblemKind.BAD_TOKEN:
            return self.tr(
                "The office did not accept the device token ({0}). Check the token below;"
                " the office makes one with “fieldapp office device add”."
            ).format(p.status_code)
        if p.kind is ProblemKind.KEY_CONFLICT:
            return self.tr(
                "The office knows this laptop with another signing key: ask the office"
                " to register the device again. ({0})"
            ).format(p.detail)
        if p.kind is ProblemKind.REFUSED:
            return self.tr("The office refused {0}: {1}").format(what, p.detail)
        if p.kind is ProblemKind.UNREACHABLE:
            return self.tr("The office cannot be reached: {0}. Packages stay queued.").format(
                p.detail
            )
        if p.kind is ProblemKind.OFFICE_ERROR:
            return self.tr("The office had an internal error ({0}); try again later.").format(
                p.status_code
            )
        return self.tr("Failed: {0}").format(p.detail)

    # -- work aside ----------------------------------------------------------------------
    def _run_aside(self, name: str, work: Callable[[], object]) -> None:
        def run() -> None:
            try:
                result: object = work()
            except Exception as exc:  # the GUI reports it in words; never a traceback
                result = exc
            self._bridge.finished.emit(name, result)

        thread = threading.Thread(target=run, name=f"fieldapp-{name}", daemon=True)
        if name == "link":
            self._link_thread = thread
        else:
            self._thread = thread
        thread.start()

    def _set_busy(self, name: str | None) -> None:
        self.busy = name
        idle = name is None
        for b in (self.seal_btn, self.push_btn, self.pull_btn):
            b.setEnabled(idle)
        # The accent style has no disabled look of its own: drop it while a job runs.
        self.push_btn.setProperty("accent", "true" if idle else "false")
        self.push_btn.style().unpolish(self.push_btn)
        self.push_btn.style().polish(self.push_btn)
        self.cancel_btn.setEnabled(name == "push")

    @Slot(str, object)
    def _on_finished(self, name: str, result: object) -> None:
        if self._closed:
            return
        if name == "link":
            self._on_link(result)
            return
        self._set_busy(None)
        self._mode = "idle"  # shown by refresh() below: one summary query per event
        if name == "seal":
            self._on_sealed(result)
        elif name == "pull":
            self._on_pulled(result)
        self.refresh()

    # -- seal ----------------------------------------------------------------------------
    def seal(self) -> bool:
        if self.busy is not None:
            return False
        self.show_message("")
        self._set_busy("seal")
        self._set_mode("sealing")
        self._run_aside("seal", lambda: _seal_at(self.session.path))
        return True

    def _on_sealed(self, result: object) -> None:
        if isinstance(result, SealResult):
            self.show_message(
                self.tr("Sealed revision {0} of package {1}: {2} files, {3} MB.").format(
                    result.revision,
                    result.package_id[:8],
                    result.file_count,
                    _mb(result.total_bytes),
                )
            )
            self._failures = 0
            self._schedule(0.2)
        elif isinstance(result, SealError):
            self.show_message(self.tr("Not sealed: {0}").format(error_text(result)))
        else:
            self.show_message(self.tr("Sealing failed: {0}").format(error_text(result)))

    # -- push ----------------------------------------------------------------------------
    def push(self, auto: bool = False) -> bool:
        """Start sending every pending revision; progress is polled, never waited for."""
        if self.busy is not None:
            return False
        cfg = OfficeSettings.load()
        if cfg.problem is not None:
            self._set_mode("unset")
            self.show_message(self.tr("Enter the office address and the device token below."))
            return False
        if not auto:
            self.show_message("")
        self._push = PushJob(self.session.path, cfg.url, cfg.token)
        self._push_auto = auto
        self._rate.reset()
        self.last_progress = PushProgress()
        self.progress.setValue(0)
        self.progress_label.setText("")
        self._set_busy("push")
        self._set_mode("pushing")
        self._push.start()
        self._poll.start()
        return True

    def cancel(self) -> None:
        if self._push is not None:
            self._push.cancel()

    def _poll_push(self) -> None:
        job = self._push
        if job is None:
            self._poll.stop()
            return
        p = job.progress
        if (p.package_id, p.revision) != (self.last_progress.package_id,
                                          self.last_progress.revision):  # fmt: skip
            self.refresh()  # a revision moved to "uploading"
        self._show_progress(p)
        if job.done:
            self._poll.stop()
            self._push = None
            self._on_pushed(job.outcome)

    def _show_progress(self, p: PushProgress) -> None:
        self.last_progress = p
        self._rate.add(time.monotonic(), p.bytes_done)
        if p.bytes_total:
            self.progress.setValue(round(BAR_STEPS * p.bytes_done / p.bytes_total))
        text = self.tr("{0} / {1} MB").format(_mb(p.bytes_done), _mb(p.bytes_total))
        rate = self._rate.rate()
        if rate is not None and p.bytes_done < p.bytes_total:
            text += " · " + self.tr("{0} MB/s").format(_mb(int(rate)))
        self.progress_label.setText(text)

    def _on_pushed(self, outcome: PushOutcome | None) -> None:
        self.last_outcome = outcome
        self._set_busy(None)
        self._mode = "idle"  # the status line is drawn once, at the end of each branch
        status = outcome.status if outcome else PushStatus.FAILED
        error = (outcome.error if outcome else None) or ""
        if status is PushStatus.FINISHED:
            self._failures = 0
            if outcome and outcome.packages:
                self.show_message(
                    self.tr("Sent {0} package revision(s); the office has them.").format(
                        len(outcome.packages)
                    )
                )
            self._fill_table()
            # The office's first word ("received") comes by the inbox; a started pull
            # shows its own status.
            if not self.pull(auto=True):
                self._show_status()
            return
        self._failures += 1
        if status is PushStatus.CANCELLED:
            self.show_message(self.tr("Sending cancelled; it resumes where it stopped."))
        elif status is PushStatus.OFFLINE:
            self._mode = "offline"  # shown by refresh() below
            self.show_message(self.tr("No link to the office: {0}").format(error))
        else:
            self.show_message(self._problem_text(error, self.tr("the package")))
        self.refresh()
        self._schedule(self._backoff())

    # -- pull ----------------------------------------------------------------------------
    def pull(self, auto: bool = False) -> bool:
        if self.busy is not None:
            return False
        cfg = OfficeSettings.load()
        if cfg.problem is not None:
            if not auto:
                self._set_mode("unset")
                self.show_message(self.tr("Enter the office address and the device token below."))
            return False
        self._set_busy("pull")
        self._set_mode("pulling")
        path = self.session.path
        self._run_aside("pull", lambda: pull(path, cfg.url, cfg.token))
        return True

    def _on_pulled(self, result: object) -> None:
        self._last_pull = time.monotonic()
        if isinstance(result, PullResult):
            if result.changed:
                self.show_message(
                    self.tr("Office news: {0} package revision(s) changed state.").format(
                        len(result.changed)
                    )
                )
            self._schedule(self.timing.check_s)
        elif isinstance(result, PullError):
            self._failures += 1
            self.show_message(self._problem_text(str(result), self.tr("the inbox request")))
            self._schedule(self._backoff())
        else:
            self.show_message(self.tr("Failed: {0}").format(error_text(result)))

    # -- automatic sending ---------------------------------------------------------------
    def _backoff(self) -> float:
        policy = RetryPolicy(base_delay=self.timing.check_s, max_delay=self.timing.max_backoff_s)
        return policy.delay(max(1, self._failures))

    def _schedule(self, seconds: float) -> None:
        if not self._closed:
            self._auto.start(max(1, int(seconds * 1000)))

    def _settings_changed(self) -> None:
        self._failures = 0
        self._schedule(0.5)  # typing restarts this timer: one check after the last key

    def _auto_tick(self) -> None:
        if self._closed:
            return
        if self.busy is not None or self.checking:
            self._schedule(self.timing.check_s)
            return
        cfg = OfficeSettings.load()
        if not cfg.auto_push:
            self._set_mode("off")
            self._schedule(self.timing.check_s)
            return
        if cfg.problem is not None:
            self._set_mode("unset")
            self._schedule(self.timing.check_s)
            return
        s = self.summary()
        pull_due = s.awaiting_office and time.monotonic() - self._last_pull >= (
            self.timing.pull_every_s
        )
        if not s.pending and not pull_due:
            self._set_mode("idle", s)
            self._schedule(self.timing.check_s)
            return
        queued = bool(s.pending and queue_sealed(self.session.store.db))
        if queued:
            self._fill_table()  # sealed -> queued: waiting for a link
        self.checking = True
        self.link_checks += 1
        if self._mode not in ("offline",):
            self._mode = "checking"
        # After queueing, the summary read above is stale: the status reads a fresh one.
        self._show_status(None if queued else s)
        url = cfg.url
        self._run_aside("link", lambda: check_link(url))

    def _on_link(self, result: object) -> None:
        self.checking = False
        if self.busy is not None:
            self._schedule(self.timing.check_s)
            return
        online = isinstance(result, LinkStatus) and result.online
        if not online:
            self._failures += 1
            reason = result.reason if isinstance(result, LinkStatus) else str(result)
            self._set_mode("offline")
            wait = self._backoff()
            self.show_message(
                self.tr("No link to the office ({0}); next try in {1} s.").format(
                    reason, round(wait)
                )
            )
            self._schedule(wait)
            return
        self._failures = 0
        self._mode = "idle"
        s = self.summary()
        # A started push or pull shows its own status; otherwise the line says idle.
        if not (self.push(auto=True) if s.pending else self.pull(auto=True)):
            self._show_status(s)

    # -- end -----------------------------------------------------------------------------
    def shutdown(self, wait_s: float = 10.0) -> None:
        """The job closes: stop the timers, cancel a push, let running workers end."""
        self._closed = True
        self._auto.stop()
        self._poll.stop()
        if self._push is not None:
            self._push.cancel()
            self._push.wait(wait_s)
        for thread in (self._thread, self._link_thread):
            if thread is not None:
                thread.join(wait_s)
