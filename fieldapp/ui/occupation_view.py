"""Occupation view: start/stop averaging a marker, live used/rejected counts, result, stored.

The epochs are written by a core :class:`OccupationWriter` in its own thread and SQLite
connection; its events come back here as a queued signal. The view says "saved" only for what
an event confirms is committed, so a slow disk never stalls the window and never lies.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gnss.fix import Fix
from fieldapp.gnss.station_arp import AnnouncedStation
from fieldapp.store.occupation_writer import (
    EpochsSaved,
    OccupationWriter,
    RecoveryJob,
    WriterAbandoned,
    WriterClosed,
    WriterEvent,
    WriterFailed,
    WriterFinished,
    WriterStarted,
)
from fieldapp.store.occupations import incomplete_occupations
from fieldapp.store.reinstallations import working_installation
from fieldapp.survey.installation import OccupationRecord, StakeRecord
from fieldapp.survey.local import Position
from fieldapp.survey.occupation import PROFILES, RejectReason
from fieldapp.survey.occupation_guard import DistanceFrom, GuardResult, check_start
from fieldapp.ui import texts
from fieldapp.ui.base_choice import BaseChoice
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.heights import height_pair
from fieldapp.ui.live import Liveness
from fieldapp.ui.numbers import fixed
from fieldapp.ui.occupation_panels import (
    AfterHeightRow,
    LiveReadout,
    RecoveryBox,
    SettingsForm,
    guard_limits,
    guard_text,
    number,
)
from fieldapp.ui.session import JobSession

WAIT_S = 30.0  # closing the job waits this long for the last commit (busy timeout is 30 s)
PASS_STYLE = "background: #1b5e20; color: white; padding: 6px;"
FAIL_STYLE = "background: #b71c1c; color: white; padding: 6px;"
RECENT_EPOCHS = 10  # for the speed when the receiver reports none
REDRAW_S = 0.2  # the live readout is redrawn at most this often, whatever the data rate


class OccupationView(QWidget):
    """Feeds every epoch from the adapter to the writer thread; shows what it confirms."""

    finished = Signal(object)  # OccupationRecord, after it is committed
    # (writer or recovery job, event): emitted in the worker thread, delivered queued.
    _event = Signal(object, object)

    def __init__(
        self, session: JobSession, adapter: DeviceAdapter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.writer: OccupationWriter | None = None
        self.recovery: RecoveryJob | None = None
        self.record: OccupationRecord | None = None
        self.epochs_saved = 0
        self._finishing = False
        self._attached = False  # fix_received -> _on_fix
        self.guard: GuardResult | None = None  # the latest start check
        self._recent: deque[Fix] = deque(maxlen=RECENT_EPOCHS)
        self._drawn_at = 0.0
        self._design: Position | None = None
        self._stake: Position | None = None
        self._warned: str | None = None  # the announced-base warning last said

        self.antenna_form = SettingsForm(list(PROFILES))
        self.marker = self.antenna_form.marker
        self.antenna = self.antenna_form.height_edit
        self.profile = self.antenna_form.profile
        self.auto_finish = self.antenna_form.auto_finish
        self.base = BaseChoice(session.store.db)
        self.base_label = QLabel()
        self.antenna_form.form.insertRow(self.antenna_form.form.rowCount() - 3, self.base_label,
                                         self.base)  # fmt: skip
        self.live = LiveReadout()
        self.after = AfterHeightRow()
        self.after_edit = self.after.edit
        self.after.setEnabled(False)  # measured once the session is over
        self.start_btn = QPushButton()
        self.start_btn.setProperty("accent", "true")
        self.stop_btn = QPushButton()
        self.stop_btn.setEnabled(False)
        self.abandon_btn = QPushButton()
        self.abandon_btn.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_btn)
        buttons.addWidget(self.stop_btn)
        buttons.addWidget(self.abandon_btn)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMinimumHeight(40)
        self.counts = QLabel("–")
        self.counts.setProperty("role", "big")
        self.counts.setWordWrap(True)
        self.reasons = QLabel("")
        self.reasons.setWordWrap(True)
        self.result = QLabel("")
        self.result.setProperty("role", "big")
        self.result.setWordWrap(True)
        self.mean = QLabel("")  # the mark's mean position, h and H with the geoid named
        self.mean.setWordWrap(True)
        self.saved = QLabel("")
        self.saved.setWordWrap(True)
        self._build_recovery()
        # Settings and buttons on the left, at a width a thumb reaches; readouts on the right.
        # The settings scroll: at 1024x600 the page is about 400 px high.
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(self.antenna_form)
        left.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left_box)
        left_scroll.setMaximumWidth(560)
        left_col = QVBoxLayout()
        left_col.addWidget(left_scroll, 1)
        left_col.addWidget(self.after)
        left_col.addLayout(buttons)
        right_box = QWidget()
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.live)
        right.addWidget(self.progress)
        right.addWidget(self.counts)
        right.addWidget(self.reasons)
        right.addWidget(self.result)
        right.addWidget(self.mean)
        right.addWidget(self.saved)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left_col, 2)
        columns.addSpacing(16)
        # Wrapped texts (a refusal, a failure) get their full height: the readouts scroll.
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setWidget(right_box)
        columns.addWidget(right_scroll, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.recover_box)
        layout.addLayout(columns, 1)
        self.retranslate()
        self._event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self.start_btn.clicked.connect(self.start)
        self.stop_btn.clicked.connect(lambda: self.stop())
        self.abandon_btn.clicked.connect(lambda: self.abandon(self.tr("abandoned by the surveyor")))
        adapter.fix_received.connect(self._on_live_fix)
        session.marker_selected.connect(self._show_marker)
        session.layers_changed.connect(lambda: self._show_marker(session.selected or ""))
        self._show_marker(session.selected or "")
        self.show_interrupted()
        if adapter.latest_fix is not None:  # built on first use: show what is already known
            self.live.show_fix(adapter.latest_fix, self._design, self._stake)
            self.live.set_liveness(adapter.liveness())

    def _build_recovery(self) -> None:
        self.recover_box = RecoveryBox()
        self.recover_label = self.recover_box.label
        self.recover_btn = self.recover_box.finish_btn
        self.recover_abandon_btn = self.recover_box.abandon_btn
        self.recover_btn.clicked.connect(lambda: self.recover())
        self.recover_abandon_btn.clicked.connect(
            lambda: self.recover(abandon=self.tr("interrupted, abandoned by the surveyor"))
        )
        self._interrupted: OccupationRecord | None = None

    def retranslate(self) -> None:
        """The words again in the current language; a running occupation is not touched."""
        self.start_btn.setText(self.tr("Start occupation"))
        self.base_label.setText(self.tr("Base"))
        self.stop_btn.setText(self.tr("Stop and save"))
        self.abandon_btn.setText(self.tr("Abandon"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # A view outliving its closed job (until Qt deletes it) has nothing to reread.
            if self.writer is None and self.recovery is None and not self.session.closed:
                self._show_marker(self.session.selected or "")  # stored results, reworded
                self.show_interrupted()
            # While recording, the next saved-epochs event rewords the counts.
        super().changeEvent(event)

    def _show_marker(self, name: str) -> None:
        if self.writer is None and self.recovery is None:
            self.marker.setText(name or self.tr("(no marker)"))
            self.base.reload()  # the job's control may have changed (an accepted baseline)
            self._show_stored(name)

    def _show_stored(self, name: str) -> None:
        """The latest finished occupation of the marker as stored (after a reopen, too)."""
        finished: list[OccupationRecord] = []
        stakes: tuple[StakeRecord, ...] = ()
        self._design = self._stake = None
        if name:
            try:
                # One load: the occupations and the stakes that used them come together.
                # A marker being reinstalled shows the reinstallation's records.
                stored = working_installation(self.session.store.db, name)
            except LookupError:  # a marker withdrawn by a new plan meanwhile
                pass
            else:
                finished = [o for o in stored.occupations if o.result]
                stakes = stored.stakes
                self._design = stored.design
                active = [st for st in stakes if st.withdrawn is None]
                self._stake = active[-1].position if active else None
        self.reasons.setText("")
        if not finished:
            self.record = None
            self.progress.setValue(0)
            self.counts.setText("–")
            self.result.setText("")
            self.result.setStyleSheet("")
            self.mean.setText("")
            self.saved.setText("")
            return
        record = finished[-1]
        r = record.result
        assert r is not None
        self._show_counts(
            r.epochs_used, r.profile.min_epochs, r.span_s, r.profile.min_seconds, r.epochs_rejected
        )
        self._show_reasons(r.rejected_by_reason)
        stake = next((st for st in reversed(stakes) if st.occupation_id == record.id), None)
        self._show_outcome(record, stake)

    @property
    def running(self) -> bool:
        return self.writer is not None

    # -- interrupted occupations -----------------------------------------------------
    def show_interrupted(self) -> None:
        """Offer to finish (or abandon) an occupation a crash or a closed job left running."""
        pending = [] if self.writer else incomplete_occupations(self.session.store.db)
        self._interrupted = pending[0] if pending else None
        self.recover_box.setVisible(self._interrupted is not None)
        if self._interrupted is not None:
            o = self._interrupted
            self.recover_label.setText(
                self.tr("Occupation of marker {0} was interrupted ({1} epochs saved).").format(
                    o.marker, o.epochs_on_disk
                )
            )
        self.recover_btn.setEnabled(True)
        self.recover_abandon_btn.setEnabled(True)

    def recover(self, abandon: str | None = None) -> bool:
        o = self._interrupted
        if o is None or self.recovery is not None or self.writer is not None:
            return False
        job = RecoveryJob(
            self.session.path, o.id, lambda e: self._event.emit(job, e), abandon_reason=abandon
        )
        self.recovery = job
        self.recover_btn.setEnabled(False)
        self.recover_abandon_btn.setEnabled(False)
        job.start()
        return True

    # -- recording -------------------------------------------------------------------
    def start(self) -> bool:
        name = self.session.selected
        if not name:
            self.session.message.emit(self.tr("Choose a marker first."))
            return False
        antenna = self.antenna_form.antenna()
        if isinstance(antenna, str):
            self.session.message.emit(antenna)
            return False
        if not self.adapter.connected:
            self.session.message.emit(self.tr("No receiver connected."))
            return False
        if self.writer is not None or self.recovery is not None:
            return False
        if not self._guard_allows(name):
            return False
        if self.base.warning:
            self.session.message.emit(self.base.warning)  # said, not refused: the surveyor knows
        src = self.adapter.source
        writer = OccupationWriter(
            self.session.path, name, PROFILES[str(self.profile.currentData())], antenna,
            on_event=lambda e: self._event.emit(writer, e),
            device=src.label if src else None, source=src.device if src else None,
            base_station=self._base_station(),
        )  # fmt: skip
        self.writer = writer
        self.record = None
        self.epochs_saved = 0
        self._finishing = False
        self.progress.setValue(0)
        self.counts.setText(self.tr("Starting…"))
        self.reasons.setText("")
        self.result.setText("")
        self.result.setStyleSheet("")
        self.mean.setText("")
        self.saved.setText("")
        self.marker.setText(name)
        self.recover_box.setVisible(False)
        self.after_edit.clear()
        self.after.setEnabled(True)
        writer.start()
        self.adapter.fix_received.connect(self._on_fix)
        self._attached = True
        self.start_btn.setEnabled(False)
        self.stop_btn.setEnabled(True)
        self.abandon_btn.setEnabled(True)
        self._settings_enabled(False)  # recorded at the start: not changed mid-way
        return True

    def _base_station(self) -> str | None:
        """The base named (a control point of the job is recorded with its coordinate now);
        else the NTRIP mountpoint the corrections come from; otherwise the epochs' station ID
        (kept per epoch) names the base in the documents."""
        typed = self.base.text()
        if typed is not None:
            return typed
        client = self.adapter.ntrip_client
        if client is None:
            return None
        p = client.profile
        return f"NTRIP {p.host}/{p.mountpoint}"

    def _settings_enabled(self, on: bool) -> None:
        self.antenna_form.setEnabled(on)
        if on:
            self.base.reload()  # a baseline accepted meanwhile: the point's coordinate now

    # -- guards and live readout -----------------------------------------------------
    def liveness(self) -> Liveness:
        """How old the receiver's latest epoch is, and whether the link is up."""
        return self.adapter.liveness()

    def _guard_allows(self, name: str) -> bool:
        """Check distance, speed and liveness; say why in the status bar when refused."""
        if self._design is None:
            self._show_stored(name)
        if self._design is None:
            self.session.message.emit(self.tr("Choose a marker first."))
            return False
        reference = self._stake or self._design
        kind = DistanceFrom.STAKE if self._stake is not None else DistanceFrom.DESIGN
        state = self.liveness()
        latest = self.adapter.latest_fix
        self.guard = check_start(
            latest, state.live, reference, kind, tuple(self._recent), guard_limits()
        )
        text = guard_text(self.guard, name)
        if text:
            self.saved.setText(text)
            self.session.message.emit(text)
            return False
        return True

    @Slot(object)
    def _on_live_fix(self, fix: Fix) -> None:
        if fix.has_position:
            self._recent.append(fix)
        client = self.adapter.ntrip_client
        self.check_announced(client.station.latest if client is not None else None)
        # Redrawn at most every REDRAW_S (the receiver may send 20 Hz); the first stale
        # readout is restored by the next epoch at once.
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_S or not self.live.live:
            self._drawn_at = now
            self.live.show_fix(fix, self._design, self._stake)

    def check_announced(self, station: AnnouncedStation | None) -> None:
        """The base position the corrections announce against the base chosen (a reference
        compare, cheap per epoch): a base on the wrong point is said once in the status bar,
        before anything is recorded, and stays red under the Base field."""
        self.base.set_announced(station)
        warning = self.base.warning
        if warning and warning != self._warned:
            self.session.message.emit(warning)
        self._warned = warning

    def set_liveness(self, state: Liveness) -> None:
        """Not live: the readouts go grey and say since when; the occupation keeps running."""
        self.live.set_liveness(state)

    @Slot(object)
    def _on_fix(self, fix: Fix) -> None:
        if self.writer is not None:
            self.writer.add(fix)  # a queue put: never waits for the disk

    def _detach(self) -> None:
        if self._attached:
            self.adapter.fix_received.disconnect(self._on_fix)
            self._attached = False

    def stop(self, wait: bool = False) -> OccupationRecord | None:
        """Finish: the writer commits what is queued, then the result.

        The antenna height after the session must be typed first (the occupation runs on
        until it is). Without ``wait`` this returns at once and the result shows when the
        writer confirms it; ``wait=True`` (closing the job) blocks until then and returns the
        record, stored without the after height when none was typed: never lose epochs.
        """
        writer = self.writer
        if writer is None:
            return None
        after = self.after.value()
        if isinstance(after, str):
            if not wait:
                self.saved.setText(after)
                self.session.message.emit(after)
                return None
            after = None
        self._detach()
        if not self._finishing:
            self._finishing = True
            self.after.setEnabled(False)
            writer.finish(antenna_after_m=after)
        self.stop_btn.setEnabled(False)
        self.abandon_btn.setEnabled(False)
        self.saved.setText(self.tr("Saving the result…"))
        if wait:
            return self._wait(writer)
        return None

    def abandon(self, reason: str, wait: bool = False) -> None:
        writer = self.writer
        if writer is None:
            return
        self._detach()
        self._finishing = True
        writer.abandon(reason)
        self.stop_btn.setEnabled(False)
        self.abandon_btn.setEnabled(False)
        if wait:
            self._wait(writer)

    def _wait(self, writer: OccupationWriter) -> OccupationRecord | None:
        if not writer.join(WAIT_S) or writer.outcome is None:
            self.session.message.emit(
                self.tr("The occupation is still being saved; it can be recovered later.")
            )
            return None
        self._on_event(writer, writer.outcome)
        return self.record

    # -- events from the writer (GUI thread) -----------------------------------------
    @Slot(object, object)
    def _on_event(self, origin: object, event: WriterEvent) -> None:
        if origin is self.recovery:
            self._on_recovery(event)
            return
        if origin is not self.writer:
            return  # a late event of a writer already handled (closing waited for it)
        if isinstance(event, WriterStarted):
            self.counts.setText(self.tr("Recording: waiting for epochs…"))
        elif isinstance(event, EpochsSaved):
            self._show_progress(event)
        elif isinstance(event, WriterFinished):
            self._end()
            self._show_result(event)
        elif isinstance(event, WriterAbandoned):
            self._end()
            self.session.reload()  # the views re-read the job first; then the news
            self.saved.setText(self.tr("Occupation {0} abandoned.").format(event.occupation_id))
            self.session.message.emit(self.saved.text())
        elif isinstance(event, WriterClosed):
            self._end()
        elif isinstance(event, WriterFailed):
            self._failed(event)

    def _show_progress(self, e: EpochsSaved) -> None:
        p = e.progress
        self.epochs_saved = e.epochs_on_disk
        self.progress.setValue(round(100 * p.fraction))
        self._show_counts(
            p.epochs_used, p.epochs_required, p.seconds, p.seconds_required, p.epochs_rejected
        )
        self._show_reasons(e.rejected_by_reason)
        if p.scatter_h_m is not None and p.scatter_v_m is not None:
            # The scatter gates decide pass/fail at the end: the crew sees them coming.
            scatter = self.tr("Scatter so far: σH {0} m, σV {1} m").format(
                number(p.scatter_h_m, 3), number(p.scatter_v_m, 3)
            )
            self.reasons.setText("\n".join(filter(None, (scatter, self.reasons.text()))))
        if not self._finishing:
            self.saved.setText(self.tr("{0} epochs saved in the job.").format(e.epochs_on_disk))
        if p.complete and self.auto_finish.isChecked():
            # Finishes once the after height is typed; until then it says what is missing.
            self.stop()

    def _show_result(self, e: WriterFinished) -> None:
        self._show_outcome(e.record, e.stake)
        self.session.message.emit(self.saved.text())
        self.session.reload()
        self.finished.emit(e.record)

    def _show_counts(self, used: int, need: int, s: float, s_need: float, rejected: int) -> None:
        self.counts.setText(
            self.tr("Used {0} / {1} epochs, {2} / {3} s, rejected {4}").format(
                used, need, f"{s:.0f}", f"{s_need:.0f}", rejected
            )
        )

    def _show_reasons(self, counts: Mapping[RejectReason, int]) -> None:
        self.reasons.setText(", ".join(f"{texts.reject_reason(k)}: {v}" for k, v in counts.items()))

    def _show_outcome(self, record: OccupationRecord, stake: StakeRecord | None) -> None:
        self.record = record
        r = record.result
        if r is not None and r.passed:
            std = r.std_h_m or 0.0
            off = number(stake.delta.horizontal_m, 3) if stake else "–"
            self.result.setText(self.tr("PASSED: {0} epochs, σH {1} m, {2} m from design").format(
                r.epochs_used, number(std, 3), off))  # fmt: skip
            self.result.setStyleSheet(PASS_STYLE)
        else:
            why = ", ".join(texts.fail_reason(f) for f in r.failures) if r else "–"
            self.result.setText(self.tr("FAILED: {0}").format(why))
            self.result.setStyleSheet(FAIL_STYLE)
        self.mean.setText("")
        if r is not None and r.lat is not None and r.lon is not None:
            self.mean.setText(self.tr("Mean position of the mark: {0}°, {1}° · {2}").format(
                fixed(r.lat, 8), fixed(r.lon, 8),
                height_pair(self.session.heights, r.lat, r.lon, r.mark_h)))  # fmt: skip
        if r is not None:
            self.progress.setValue(round(100 * min(1.0, r.epochs_used / r.profile.min_epochs)))
        saved = self.tr("Saved in the job (occupation {0}).").format(record.id)
        change = record.antenna_change_m
        if record.antenna_changed and change is not None:
            # The pole sank or was knocked: the inspector sees it flagged, so does the crew.
            saved += " " + self.tr(
                "Antenna height after differs from before by {0} mm: check the setup."
            ).format(number(change * 1000, 0))
        self.saved.setText(saved)

    def _failed(self, e: WriterFailed) -> None:
        text = self.tr("Not saved: {0}").format(e.message)
        if e.fatal:
            self._end()  # shows what is stored; the failure is said below, last
            self.show_interrupted()
        self.saved.setText(text)
        self.session.message.emit(text)
        if not e.fatal and self._finishing:
            # The finish did not commit; the epochs are kept: let the surveyor try again.
            self._finishing = False
            self.stop_btn.setEnabled(True)
            self.abandon_btn.setEnabled(True)

    def _end(self) -> None:
        self._detach()
        self.writer = None
        self._finishing = False
        self.after.setEnabled(False)
        self._settings_enabled(True)
        self.start_btn.setEnabled(True)
        self.stop_btn.setEnabled(False)
        self.abandon_btn.setEnabled(False)
        self._show_marker(self.session.selected or "")

    def _on_recovery(self, event: WriterEvent) -> None:
        self.recovery = None
        if isinstance(event, WriterFinished):
            self.session.select(event.record.marker)  # show the result beside its marker
            self._show_result(event)
        elif isinstance(event, WriterAbandoned):
            self.saved.setText(self.tr("Occupation {0} abandoned.").format(event.occupation_id))
            self.session.message.emit(self.saved.text())
        elif isinstance(event, WriterFailed):
            self.session.message.emit(self.tr("Not saved: {0}").format(event.message))
        self.show_interrupted()
