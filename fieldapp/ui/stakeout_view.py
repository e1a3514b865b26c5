"""Stake-out view: pick a target, big distance and direction, deltas, bullseye, tolerance cue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gnss.fix import Fix
from fieldapp.survey.stakeout import (
    Guidance,
    StakeoutError,
    StakeTarget,
    ToleranceState,
    TravelHeading,
    guidance,
    nearest_unstaked,
    position_from_fix,
    position_from_geographic,
)
from fieldapp.ui import texts
from fieldapp.ui.session import JobSession
from fieldapp.ui.widgets import STATE_COLOURS, ArrowWidget, Bullseye

try:  # QtMultimedia is optional (not in every build or machine)
    from PySide6.QtMultimedia import QSoundEffect  # noqa: F401

    HAVE_SOUND = True
except ImportError:  # pragma: no cover
    HAVE_SOUND = False


class StakeoutView(QWidget):
    """Built from a session; ``update_fix`` runs from the main window's redraw timer."""

    state_changed = Signal(str)

    def __init__(self, session: JobSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tolerance_m = 0.10
        self.guidance: Guidance | None = None
        self._heading = TravelHeading()
        self._state: ToleranceState | None = None
        self._station: str | None = None

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Target")))
        self.target_box = QComboBox()
        self.target_box.setMinimumWidth(140)
        top.addWidget(self.target_box, 1)
        self.nearest_btn = QPushButton(self.tr("Nearest"))
        top.addWidget(self.nearest_btn)
        self.mode_travel = QRadioButton(self.tr("Forward/right"))
        self.mode_grid = QRadioButton(self.tr("North/east"))
        self.mode_travel.setChecked(True)
        top.addWidget(self.mode_travel)
        top.addWidget(self.mode_grid)
        self.ts_mode = QCheckBox(self.tr("Total station"))
        self.station_box = QComboBox()
        self.station_box.setEnabled(False)
        top.addWidget(self.ts_mode)
        top.addWidget(self.station_box)

        self.distance = QLabel("–")
        self.distance.setProperty("role", "huge")
        self.state_label = QLabel("–")
        self.state_label.setProperty("role", "big")
        self.delta_a = QLabel("–")
        self.delta_b = QLabel("–")
        self.ground = QLabel("–")
        self.dh = QLabel("–")
        self.instrument = QLabel("")
        for w in (self.delta_a, self.delta_b, self.dh, self.instrument):
            w.setProperty("role", "big")
        readouts = QGridLayout()
        readouts.addWidget(self.distance, 0, 0, 1, 2)
        readouts.addWidget(self.state_label, 1, 0, 1, 2)
        readouts.addWidget(self.delta_a, 2, 0)
        readouts.addWidget(self.delta_b, 2, 1)
        readouts.addWidget(self.dh, 3, 0)
        readouts.addWidget(self.ground, 3, 1)
        readouts.addWidget(self.instrument, 4, 0, 1, 2)
        readouts.setRowStretch(5, 1)
        self.arrow = ArrowWidget()
        self.bullseye = Bullseye()
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(readouts)
        left.addWidget(self.arrow, 1)
        body.addLayout(left, 1)
        body.addWidget(self.bullseye, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.target_box.currentTextChanged.connect(self._on_target_chosen)
        self.nearest_btn.clicked.connect(self.choose_nearest)
        self.ts_mode.toggled.connect(self.station_box.setEnabled)
        self.station_box.currentTextChanged.connect(self._on_station)
        self.ts_mode.toggled.connect(lambda on: self._on_station(self.station_box.currentText()))
        session.layers_changed.connect(self.refresh)
        session.marker_selected.connect(self._on_selected)
        self.refresh()

    # -- model -----------------------------------------------------------------------
    def refresh(self) -> None:
        layers = self.session.layers
        self.target_box.blockSignals(True)
        self.target_box.clear()
        self.target_box.addItems([m.name for m in layers.markers])
        if self.session.selected:
            self.target_box.setCurrentText(self.session.selected)
        self.target_box.blockSignals(False)
        self.station_box.blockSignals(True)
        self.station_box.clear()
        self.station_box.addItems([c.name for c in layers.control])
        self.station_box.blockSignals(False)

    @property
    def target(self) -> str | None:
        return self.target_box.currentText() or None

    def _targets(self) -> list[StakeTarget]:
        return [
            StakeTarget(m.name, m.lat, m.lon, m.h, m.status != "planned")
            for m in self.session.layers.markers
        ]

    def _on_target_chosen(self, name: str) -> None:
        if name:
            self.session.select(name)
            self._state = None

    def _on_selected(self, name: str) -> None:
        if name != self.target_box.currentText():
            self.target_box.setCurrentText(name)

    def _on_station(self, name: str) -> None:
        self._station = name if self.ts_mode.isChecked() and name else None

    def choose_nearest(self) -> None:
        fix = self.session_fix
        if fix is None or not fix.has_position:
            self.session.message.emit(self.tr("No position yet: connect the receiver first."))
            return
        grid = self.session.layers.grid
        near = nearest_unstaked(grid, position_from_fix(grid, fix), self._targets())
        if near is None:
            self.session.message.emit(self.tr("Every marker is staked."))
            return
        self.target_box.setCurrentText(near.name)

    session_fix: Fix | None = None

    # -- live ------------------------------------------------------------------------
    def update_fix(self, fix: Fix | None) -> None:
        self.session_fix = fix
        target = next((t for t in self._targets() if t.name == self.target), None)
        if fix is None or not fix.has_position or target is None:
            self.guidance = None
            self.distance.setText(self.tr("No position") if target else self.tr("No target"))
            return
        grid = self.session.layers.grid
        try:
            pos = position_from_fix(grid, fix)
            station = None
            if self._station:
                c = next(c for c in self.session.layers.control if c.name == self._station)
                station = position_from_geographic(grid, c.lat, c.lon, c.h)
            g = guidance(grid, pos, target, heading_deg=self._heading.update(pos),
                         station=station, tolerance_m=self.tolerance_m)  # fmt: skip
        except (StakeoutError, StopIteration, ValueError) as exc:
            self.session.message.emit(str(exc))
            return
        self.guidance = g
        self._show(g)

    def _show(self, g: Guidance) -> None:
        colour = STATE_COLOURS.get(g.state.value, STATE_COLOURS[""])
        self.distance.setText(f"{g.target}: {g.ground_distance_m:.2f} m")
        self.state_label.setText(texts.tolerance_state(g.state))
        self.state_label.setStyleSheet(f"background: {colour}; color: white; padding: 4px;")
        self.ground.setText(self.tr("Ground {0} m (grid {1} m)").format(
            f"{g.ground_distance_m:.3f}", f"{g.grid_distance_m:.3f}"))  # fmt: skip
        self.dh.setText("dH –" if g.dh_m is None else f"dH {g.dh_m:+.3f} m")
        if self.mode_travel.isChecked() and g.forward_m is not None and g.right_m is not None:
            fwd = self.tr("Forward") if g.forward_m >= 0 else self.tr("Back")
            side = self.tr("Right") if g.right_m >= 0 else self.tr("Left")
            self.delta_a.setText(f"{fwd} {abs(g.forward_m):.2f} m")
            self.delta_b.setText(f"{side} {abs(g.right_m):.2f} m")
            self.bullseye.set_offset(-g.right_m, -g.forward_m, g.tolerance_m, colour)
            self.arrow.set_angle(g.grid_azimuth_deg - (g.heading_deg or 0.0), colour)
        else:
            north = self.tr("North") if g.d_n >= 0 else self.tr("South")
            east = self.tr("East") if g.d_e >= 0 else self.tr("West")
            self.delta_a.setText(f"{north} {abs(g.d_n):.2f} m")
            self.delta_b.setText(f"{east} {abs(g.d_e):.2f} m")
            self.bullseye.set_offset(-g.d_e, -g.d_n, g.tolerance_m, colour)
            self.arrow.set_angle(g.grid_azimuth_deg, colour)
        ins = g.instrument
        if ins is not None:
            inout = self.tr("Out") if ins.out_m >= 0 else self.tr("In")
            lr = self.tr("Right") if ins.right_m >= 0 else self.tr("Left")
            self.instrument.setText(self.tr("Turn {0}°  {1} {2} m  {3} {4} m").format(
                f"{ins.angle_to_turn_deg:+.4f}", inout, f"{abs(ins.out_m):.2f}", lr,
                f"{abs(ins.right_m):.2f}"))  # fmt: skip
        else:
            self.instrument.setText("")
        if g.state != self._state:
            self._state = g.state
            self.state_changed.emit(g.state.value)
            if g.state is ToleranceState.WITHIN:
                QApplication.beep()
