""" "Ukur & simpan": a short averaged occupation from the live epochs, stored as the stake.

The epochs go to an :class:`~fieldapp.store.occupation_writer.OccupationWriter` (its own
thread and connection; every epoch kept, rejected ones with their reason) whose gates are the
job's quality profile: only epochs with the required fix and a measured σH within the limit
count. When enough have counted the occupation is finished, and its mean becomes the stake
with its deltas to design and the quality it had, committed before ``saved`` is emitted.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from fieldapp.gnss.fix import Fix
from fieldapp.store.installation import record_stake
from fieldapp.store.occupation_writer import (
    EpochsSaved,
    OccupationWriter,
    WriterAbandoned,
    WriterClosed,
    WriterEvent,
    WriterFailed,
    WriterFinished,
)
from fieldapp.store.quality import occupation_quality
from fieldapp.survey.installation import StakeRecord, StakeSource
from fieldapp.survey.occupation import GateProfile
from fieldapp.survey.stake_quality import QualityProfile
from fieldapp.survey.stakeout import Guidance, ToleranceState
from fieldapp.ui import texts
from fieldapp.ui.app import settings
from fieldapp.ui.session import JobSession
from fieldapp.ui.stakeout_readouts import num

DEFAULT_EPOCHS = 5
MIN_EPOCHS, MAX_EPOCHS = 3, 60


def stake_epochs() -> int:
    """Epochs averaged per stake on this machine (settings key ``stakeout/epochs``)."""
    try:
        n = int(settings().value("stakeout/epochs", DEFAULT_EPOCHS))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_EPOCHS
    return n if MIN_EPOCHS <= n <= MAX_EPOCHS else DEFAULT_EPOCHS


def stake_gates(profile: QualityProfile, epochs: int) -> GateProfile:
    """The occupation gates of a stake: the job's profile, measured σH only, no minimum time."""
    return GateProfile(
        name="stake",
        allowed_qualities=profile.allowed_qualities,
        max_sigma_h_m=profile.sigma_limit_m,
        min_epochs=epochs,
        min_seconds=0.0,
        require_measured_sigma=True,
        outlier_warmup=max(3, min(10, epochs)),
    )


class StakeMeasurement(QObject):
    """One measurement of one marker; build, ``start``, then ``add`` every live epoch."""

    progress = Signal(int, int, int)  # epochs counted, required, rejected
    saved = Signal(object)  # StakeRecord, committed
    failed = Signal(str)
    _event = Signal(object)  # from the writer thread, delivered queued in the GUI thread

    def __init__(
        self, session: JobSession, marker: str, profile: QualityProfile, epochs: int,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.session = session
        self.marker = marker
        self.profile = profile
        self.epochs = epochs
        self.running = False
        self.stake: StakeRecord | None = None
        self._finishing = False
        self._event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self.writer = OccupationWriter(
            session.path, marker, stake_gates(profile, epochs), on_event=self._event.emit,
            source="stakeout", stake_when_passed=False,
        )  # fmt: skip

    def start(self) -> None:
        self.running = True
        self.writer.start()

    def add(self, fix: Fix) -> None:
        if self.running and not self._finishing:
            self.writer.add(fix)

    def cancel(self, reason: str) -> None:
        if self.running and not self._finishing:
            self._finishing = True
            self.writer.abandon(reason)

    def _on_event(self, event: WriterEvent) -> None:
        if isinstance(event, EpochsSaved):
            p = event.progress
            self.progress.emit(p.epochs_used, p.epochs_required, p.epochs_rejected)
            if p.complete and not self._finishing:
                self._finishing = True
                self.writer.finish()
        elif isinstance(event, WriterFinished):
            self._finished(event)
        elif isinstance(event, WriterAbandoned | WriterClosed):
            self._stop(self.tr("Measurement cancelled."))
        elif isinstance(event, WriterFailed) and event.fatal:
            self._stop(self.tr("Measurement failed: {0}").format(event.message))

    def _finished(self, event: WriterFinished) -> None:
        result = event.record.result
        if result is None or not result.passed or result.mark_position is None:
            why = ", ".join(texts.fail_reason(f) for f in result.failures) if result else ""
            self._stop(self.tr("Measurement did not pass: {0}").format(why))
            return
        db = self.session.store.db
        try:
            quality = occupation_quality(db, event.record.id, self.profile)
            self.stake = record_stake(db, self.marker, result.mark_position, StakeSource.GNSS,
                                      occupation_id=event.record.id, quality=quality)  # fmt: skip
        except (ValueError, LookupError, sqlite3.Error) as exc:
            self._stop(self.tr("Stake not saved: {0}").format(str(exc)))
            return
        self.running = False
        self.saved.emit(self.stake)

    def _stop(self, message: str) -> None:
        self.running = False
        self.failed.emit(message)


class MeasureControl(QObject):
    """The "Ukur & simpan" button and its inline progress on the stake-out tab."""

    stake_saved = Signal(object)  # StakeRecord, committed

    def __init__(
        self, session: JobSession, button: QPushButton, progress: QProgressBar, text: QLabel,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.session = session
        self.button = button
        self.bar = progress
        self.text = text
        self.measurement: StakeMeasurement | None = None
        self._show(False)

    @property
    def running(self) -> bool:
        return self.measurement is not None and self.measurement.running

    def add(self, fix: Fix) -> None:
        if self.measurement is not None:
            self.measurement.add(fix)

    def cancel(self, reason: str) -> None:
        if self.measurement is not None:
            self.measurement.cancel(reason)

    def start(
        self, marker: str | None, guidance: Guidance | None, live: bool, profile: QualityProfile
    ) -> bool:
        """Start the averaged measurement of ``marker``; False (with a message) if refused."""
        if marker is None:
            return self._refuse(self.tr("Choose a target first."))
        if not live or guidance is None or guidance.target != marker:
            return self._refuse(self.tr("No live position: connect the receiver first."))
        if guidance.state is ToleranceState.FAR:
            return self._refuse(self.tr("Too far from {0} ({1} m) to store its stake.").format(
                marker, num(guidance.ground_distance_m, 1)))  # fmt: skip
        epochs = stake_epochs()
        m = StakeMeasurement(self.session, marker, profile, epochs, self)
        m.progress.connect(self._on_progress)
        m.saved.connect(self._on_saved)
        m.failed.connect(self._on_failed)
        self.measurement = m
        self.bar.setRange(0, epochs)
        self.bar.setValue(0)
        self.text.setText(self.tr("Measuring {0}: only epochs that pass the profile count.")
                          .format(marker))  # fmt: skip
        self._show(True)
        self.button.setText(self.tr("Cancel"))
        m.start()
        return True

    def _show(self, on: bool) -> None:
        self.bar.setVisible(on)

    def _refuse(self, text: str) -> bool:
        self.text.setText(text)
        self.session.message.emit(text)
        return False

    def _on_progress(self, used: int, required: int, rejected: int) -> None:
        self.bar.setValue(min(used, required))
        text = self.tr("{0} of {1} epochs").format(used, required)
        if rejected:
            text += " · " + self.tr("{0} not precise enough").format(rejected)
        self.text.setText(text)

    def _done(self) -> None:
        self.measurement = None
        self.button.setText(self.tr("Measure && save"))
        self._show(False)

    def _on_failed(self, text: str) -> None:
        self._done()
        self.text.setText(text)
        self.session.message.emit(text)

    def _on_saved(self, stake: StakeRecord) -> None:
        self._done()
        d = stake.delta
        text = self.tr("Stake of {0} saved: dN {1} m, dE {2} m, {3} m from design.").format(
            stake.marker, num(d.dn_m, 3), num(d.de_m, 3), num(d.horizontal_m, 3))  # fmt: skip
        self.text.setText(text)
        self.session.message.emit(text)
        self.stake_saved.emit(stake)
