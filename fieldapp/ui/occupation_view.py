"""Occupation view: start/stop averaging a marker, live used/rejected counts, result, stored."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import parse_metres
from fieldapp.gnss.fix import Fix
from fieldapp.store.installation import record_stake_from_occupation
from fieldapp.store.occupations import OccupationRecorder, begin_occupation
from fieldapp.survey.installation import OccupationRecord
from fieldapp.survey.occupation import PROFILES, AntennaHeight, RejectReason
from fieldapp.ui import texts
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.session import JobSession


class OccupationView(QWidget):
    """Feeds every epoch from the adapter to the core recorder; the store commits each batch."""

    finished = Signal(object)  # OccupationRecord, after it is committed

    def __init__(
        self, session: JobSession, adapter: DeviceAdapter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.recorder: OccupationRecorder | None = None
        self.record: OccupationRecord | None = None
        self._antenna: AntennaHeight | None = None

        self.marker = QLabel()
        self.marker.setProperty("role", "big")
        self.antenna = QLineEdit("1,800")
        self.profile = QComboBox()
        self.profile.addItems(list(PROFILES))
        self.auto_finish = QCheckBox(self.tr("Finish when the requirement is met"))
        self.auto_finish.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Marker"), self.marker)
        form.addRow(self.tr("Antenna height (m)"), self.antenna)
        form.addRow(self.tr("Profile"), self.profile)
        form.addRow("", self.auto_finish)
        self.start_btn = QPushButton(self.tr("Start occupation"))
        self.start_btn.setProperty("accent", "true")
        self.stop_btn = QPushButton(self.tr("Stop and save"))
        self.stop_btn.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_btn)
        buttons.addWidget(self.stop_btn)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.counts = QLabel("–")
        self.counts.setProperty("role", "big")
        self.reasons = QLabel("")
        self.reasons.setWordWrap(True)
        self.result = QLabel("")
        self.result.setProperty("role", "big")
        self.result.setWordWrap(True)
        self.saved = QLabel("")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.counts)
        layout.addWidget(self.reasons)
        layout.addWidget(self.result)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        self.start_btn.clicked.connect(self.start)
        self.stop_btn.clicked.connect(self.stop)
        session.marker_selected.connect(self._show_marker)
        session.layers_changed.connect(lambda: self._show_marker(session.selected or ""))
        self._show_marker(session.selected or "")

    def _show_marker(self, name: str) -> None:
        if self.recorder is None:
            self.marker.setText(name or self.tr("(no marker)"))

    @property
    def running(self) -> bool:
        return self.recorder is not None

    def start(self) -> bool:
        name = self.session.selected
        if not name:
            self.session.message.emit(self.tr("Choose a marker first."))
            return False
        try:
            self._antenna = AntennaHeight(parse_metres(self.antenna.text()))
        except ValueError:
            self.session.message.emit(
                self.tr("Antenna height: type a number of metres, e.g. 1,800")
            )
            self.antenna.setFocus()
            return False
        if not self.adapter.connected:
            self.session.message.emit(self.tr("No receiver connected."))
            return False
        src = self.adapter.source
        self.recorder = begin_occupation(
            self.session.store.db, name, PROFILES[self.profile.currentText()], self._antenna,
            device=src.label if src else None, source=src.device if src else None, batch=5,
        )  # fmt: skip
        self.record = None
        self.result.setText("")
        self.saved.setText("")
        self.marker.setText(name)
        self.adapter.fix_received.connect(self._on_fix)
        self.start_btn.setEnabled(False)
        self.stop_btn.setEnabled(True)
        return True

    def _on_fix(self, fix: Fix) -> None:
        if self.recorder is None:
            return
        self.recorder.add(fix)
        p = self.recorder.occupation.progress
        self.progress.setValue(round(100 * p.fraction))
        self.counts.setText(
            self.tr("Used {0} / {1} epochs, {2} / {3} s, rejected {4}").format(
                p.epochs_used, p.epochs_required, f"{p.seconds:.0f}",
                f"{p.seconds_required:.0f}", p.epochs_rejected,
            )
        )  # fmt: skip
        reasons: dict[RejectReason, int] = {}
        for r in self.recorder.occupation.epochs():
            if r.verdict.reason is not None:
                reasons[r.verdict.reason] = reasons.get(r.verdict.reason, 0) + 1
        self.reasons.setText(
            ", ".join(f"{texts.reject_reason(k)}: {v}" for k, v in reasons.items())
        )
        if p.complete and self.auto_finish.isChecked():
            self.stop()

    def stop(self) -> OccupationRecord | None:
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            return None
        self.adapter.fix_received.disconnect(self._on_fix)
        self.start_btn.setEnabled(True)
        self.stop_btn.setEnabled(False)
        record = recorder.finish(self._antenna)  # committed when this returns
        self.record = record
        r = record.result
        if r is not None and r.passed:
            stake = record_stake_from_occupation(self.session.store.db, record.id)
            std = r.std_h_m or 0.0
            self.result.setText(self.tr("PASSED: {0} epochs, σH {1} m, {2} m from design").format(
                r.epochs_used, f"{std:.3f}", f"{stake.delta.horizontal_m:.3f}"))  # fmt: skip
            self.result.setStyleSheet("background: #1b5e20; color: white; padding: 6px;")
        else:
            why = ", ".join(texts.fail_reason(f) for f in r.failures) if r else "–"
            self.result.setText(self.tr("FAILED: {0}").format(why))
            self.result.setStyleSheet("background: #b71c1c; color: white; padding: 6px;")
        self.saved.setText(self.tr("Saved in the job (occupation {0}).").format(record.id))
        self.session.message.emit(self.saved.text())
        self.session.reload()
        self.finished.emit(record)
        return record
