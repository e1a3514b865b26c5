"""Stake-out view: pick a target, then guidance from GNSS or a total station, with colour and cue.

GNSS mode: big distance, forward/right or north/east deltas, arrow and bullseye from each epoch.
Total-station mode: the station panel orients the instrument; each shot on the prism gives the
angle to turn, in/out and left/right as the instrument sees them (ground metres), and dH.
"""

from __future__ import annotations

import math
import sqlite3

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gnss.fix import Fix
from fieldapp.store.installation import record_stake
from fieldapp.survey.installation import StakeSource
from fieldapp.survey.local import Position
from fieldapp.survey.stakeout import (
    GridPosition,
    Guidance,
    StakeoutError,
    StakeTarget,
    ToleranceState,
    TravelHeading,
    guidance,
    nearest_unstaked,
    position_from_fix,
)
from fieldapp.survey.station import StationSetup
from fieldapp.survey.ts_stakeout import (
    TsGuidance,
    TsInputError,
    TsShot,
    aim,
    describe_shot,
    format_angle,
    station_position,
    ts_guidance,
)
from fieldapp.ui import texts
from fieldapp.ui.app import settings
from fieldapp.ui.instrument_link import InstrumentLink
from fieldapp.ui.session import JobSession
from fieldapp.ui.sound import ToleranceCue
from fieldapp.ui.station_panel import StationPanel
from fieldapp.ui.widgets import STATE_COLOURS, ArrowWidget, Bullseye

GNSS, TOTAL_STATION = "gnss", "ts"
PANEL_WIDTH = 430


class StakeoutView(QWidget):
    """Built from a session; ``update_fix`` runs from the main window's redraw timer."""

    state_changed = Signal(str)

    def __init__(
        self, session: JobSession, link: InstrumentLink | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tolerance_m = 0.10
        self.guidance: Guidance | None = None
        self.ts: TsGuidance | None = None
        self.last_shot: TsShot | None = None
        self._heading = TravelHeading()
        self._state: ToleranceState | None = None
        self.cue = ToleranceCue(self)
        # When the view is built (its tab opened), not mid-guidance on the first state change.
        QTimer.singleShot(0, self, self.cue.prepare)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Target")))
        self.target_box = QComboBox()
        self.target_box.setMinimumWidth(120)
        top.addWidget(self.target_box, 1)
        self.nearest_btn = QPushButton(self.tr("Nearest"))
        top.addWidget(self.nearest_btn)
        top.addWidget(_separator())
        self.mode_gnss = QRadioButton(self.tr("GNSS"))
        self.mode_ts = QRadioButton(self.tr("Total station"))
        modes = QButtonGroup(self)
        for b in (self.mode_gnss, self.mode_ts):
            modes.addButton(b)
            top.addWidget(b)
        top.addWidget(_separator())
        self.mode_travel = QRadioButton(self.tr("Forward/right"))
        self.mode_grid = QRadioButton(self.tr("North/east"))
        self.mode_travel.setChecked(True)
        top.addWidget(self.mode_travel)
        top.addWidget(self.mode_grid)
        self.sound = QCheckBox(self.tr("Sound"))
        self.sound.setChecked(not self.cue.muted)
        top.addWidget(self.sound)

        self.distance = QLabel("–")
        self.distance.setProperty("role", "huge")
        self.state_label = QLabel("–")
        self.state_label.setProperty("role", "big")
        self.delta_a = QLabel("–")
        self.delta_b = QLabel("–")
        self.dh = QLabel("–")
        self.ground = QLabel("–")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        for w in (self.delta_a, self.delta_b, self.dh, self.ground):
            w.setProperty("role", "big")
        readouts = QGridLayout()
        readouts.addWidget(self.distance, 0, 0, 1, 2)
        readouts.addWidget(self.state_label, 1, 0, 1, 2)
        readouts.addWidget(self.delta_a, 2, 0)
        readouts.addWidget(self.delta_b, 2, 1)
        readouts.addWidget(self.dh, 3, 0)
        readouts.addWidget(self.ground, 3, 1)
        readouts.addWidget(self.detail, 4, 0, 1, 2)
        readouts.setColumnStretch(0, 1)
        readouts.setColumnStretch(1, 1)
        self.arrow = ArrowWidget()
        self.bullseye = Bullseye()

        self.panel = StationPanel(session, link)
        self.save_btn = QPushButton(self.tr("Save stake"))
        self.save_btn.setEnabled(False)
        self.ts_actions = QWidget()
        actions = QHBoxLayout(self.ts_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        for b in (self.panel.measure_btn, self.panel.track_btn, self.save_btn):
            actions.addWidget(b, 1)
        self.panel_area = QScrollArea()
        self.panel_area.setWidget(self.panel)
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_area.setFixedWidth(PANEL_WIDTH)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.ts_actions)
        left.addWidget(self.panel.status)  # instrument messages where the eyes are
        left.addLayout(readouts)
        left.addWidget(self.arrow, 1)
        body.addWidget(self.panel_area)
        body.addLayout(left, 3)
        body.addWidget(self.bullseye, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        # The saved mode is checked before toggled is connected, so _on_mode runs once, below.
        ts = str(settings().value("stakeout/mode", GNSS)) == TOTAL_STATION
        (self.mode_ts if ts else self.mode_gnss).setChecked(True)
        self.target_box.currentTextChanged.connect(self._on_target_chosen)
        self.nearest_btn.clicked.connect(self.choose_nearest)
        self.mode_ts.toggled.connect(self._on_mode)
        self.mode_travel.toggled.connect(self._redraw)
        self.sound.toggled.connect(lambda on: self.cue.set_muted(not on))
        self.panel.setup_changed.connect(self._on_setup)
        self.panel.shot_measured.connect(self.show_shot)
        self.panel.link_lost.connect(self._on_link_lost)
        self.panel.message.connect(session.message)
        self.save_btn.clicked.connect(self.save_stake)
        session.layers_changed.connect(self.refresh)
        session.marker_selected.connect(self._on_selected)
        self.refresh()
        self._on_mode(ts)

    # -- model -----------------------------------------------------------------------
    def refresh(self) -> None:
        layers = self.session.layers
        self.target_box.blockSignals(True)
        self.target_box.clear()
        self.target_box.addItems([m.name for m in layers.markers])
        if self.session.selected:
            self.target_box.setCurrentText(self.session.selected)
        self.target_box.blockSignals(False)

    @property
    def target(self) -> str | None:
        return self.target_box.currentText() or None

    @property
    def total_station(self) -> bool:
        return self.mode_ts.isChecked()

    def _targets(self) -> list[StakeTarget]:
        return [
            StakeTarget(m.name, m.lat, m.lon, m.h, m.status != "planned")
            for m in self.session.layers.markers
        ]

    def _target(self) -> StakeTarget | None:
        return next((t for t in self._targets() if t.name == self.target), None)

    def _on_target_chosen(self, name: str) -> None:
        if name:
            self.session.select(name)
            self._state = None
            self._redraw()

    def _on_selected(self, name: str) -> None:
        if name != self.target_box.currentText():
            self.target_box.setCurrentText(name)

    def _on_mode(self, ts: bool) -> None:
        settings().setValue("stakeout/mode", TOTAL_STATION if ts else GNSS)
        self.panel_area.setVisible(ts)
        self.ts_actions.setVisible(ts)
        self.panel.status.setVisible(ts)
        self.mode_travel.setVisible(not ts)
        self.mode_grid.setVisible(not ts)
        if not ts:
            self.panel.track_btn.setChecked(False)
        self.guidance = None
        self.ts = None
        self._state = None
        self._clear()
        self._redraw()

    def _on_setup(self, setup: StationSetup | None) -> None:
        self.last_shot = None
        self.ts = None
        self._clear()
        self._redraw()

    def _current_position(self) -> GridPosition | None:
        """Where the surveyor is: the last prism (TS mode) or the latest epoch."""
        grid = self.session.layers.grid
        if self.total_station:
            if self.ts is not None:
                return self.ts.prism.position
            setup = self.panel.setup
            return station_position(grid, setup) if setup is not None else None
        fix = self.session_fix
        if fix is None or not fix.has_position:
            return None
        return position_from_fix(grid, fix)

    def choose_nearest(self) -> None:
        here = self._current_position()
        if here is None:
            self.session.message.emit(
                self.tr("No position yet: orient the instrument and measure first.")
                if self.total_station
                else self.tr("No position yet: connect the receiver first.")
            )
            return
        near = nearest_unstaked(self.session.layers.grid, here, self._targets())
        if near is None:
            self.session.message.emit(self.tr("Every marker is staked."))
            return
        self.target_box.setCurrentText(near.name)

    session_fix: Fix | None = None

    # -- GNSS --------------------------------------------------------------------------
    def update_fix(self, fix: Fix | None) -> None:
        self.session_fix = fix
        if self.total_station:
            return
        target = self._target()
        if fix is None or not fix.has_position or target is None:
            self.guidance = None
            self.distance.setText(self.tr("No position") if target else self.tr("No target"))
            return
        grid = self.session.layers.grid
        try:
            pos = position_from_fix(grid, fix)
            g = guidance(grid, pos, target, heading_deg=self._heading.update(pos),
                         tolerance_m=self.tolerance_m)  # fmt: skip
        except (StakeoutError, ValueError) as exc:
            self.session.message.emit(str(exc))
            return
        self.guidance = g
        self._show_gnss(g)

    def _show_gnss(self, g: Guidance) -> None:
        colour = self._show_state(g.state)
        self.distance.setText(f"{g.target}: {g.ground_distance_m:.2f} m")
        self.ground.setText(self.tr("Ground {0} m (grid {1} m)").format(
            f"{g.ground_distance_m:.3f}", f"{g.grid_distance_m:.3f}"))  # fmt: skip
        self.dh.setText("dH –" if g.dh_m is None else f"dH {g.dh_m:+.3f} m")
        self.detail.setText("")
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

    # -- total station -------------------------------------------------------------------
    def show_shot(self, shot: TsShot) -> None:
        """A shot on the prism arrived: guidance from it to the target."""
        self.last_shot = shot
        self._redraw()

    def _redraw(self, *_args: object) -> None:
        if not self.total_station:
            if self.guidance is not None and self.guidance.target == self.target:
                self._show_gnss(self.guidance)
            return
        setup, target = self.panel.setup, self._target()
        if setup is None or target is None:
            self.save_btn.setEnabled(False)
            return
        grid = self.session.layers.grid
        try:
            if self.last_shot is None:
                a = aim(grid, setup, target)
                self.distance.setText(self.tr("Set Hz {0}").format(format_angle(a.target_hz_deg)))
                self.state_label.setText(self.tr("Not measured yet"))
                self.delta_a.setText(self.tr("HD {0} m").format(f"{a.ground_hd_m:.3f}"))
                for label in (self.delta_b, self.dh, self.ground):
                    label.setText("")
                self.detail.setText(self.tr("{0}: azimuth {1}, ground distance {2} m").format(
                    target.name, format_angle(a.azimuth_deg), f"{a.ground_hd_m:.3f}"))  # fmt: skip
                return
            tg = ts_guidance(grid, setup, self.last_shot, target, tolerance_m=self.tolerance_m)
        except (StakeoutError, TsInputError, ValueError) as exc:
            self.panel.show_error(str(exc))
            return
        self.ts = tg
        self.guidance = tg.guidance
        self._show_ts(tg)

    def _show_ts(self, tg: TsGuidance) -> None:
        colour = self._show_state(tg.state)
        # + is clockwise, as the instrument's Hz counts; the glyph says it without reading.
        turn = tg.angle_to_turn_deg
        self.distance.setText(self.tr("Turn {0}").format(
            f"{format_angle(turn, signed=True)} {'↻' if turn >= 0 else '↺'}"))  # fmt: skip
        inout = self.tr("Out") if tg.out_m >= 0 else self.tr("In")
        side = self.tr("Right") if tg.right_m >= 0 else self.tr("Left")
        self.delta_a.setText(f"{inout} {abs(tg.out_m):.3f} m")
        self.delta_b.setText(f"{side} {abs(tg.right_m):.3f} m")
        self.dh.setText("dH –" if tg.dh_m is None else f"dH {tg.dh_m:+.3f} m")
        self.ground.setText(self.tr("Off {0} m").format(f"{tg.guidance.ground_distance_m:.3f}"))
        h = tg.prism.position.h
        self.detail.setText(
            self.tr("{0}: Hz {1}, HD {2} m (ground; grid = ground × {3}). Prism H {4}").format(
                tg.aim.target, format_angle(tg.aim.target_hz_deg), f"{tg.aim.ground_hd_m:.3f}",
                f"{tg.aim.scale_factor:.6f}", "–" if h is None else f"{h:.3f} m",
            )
        )  # fmt: skip
        # Up is away from the instrument, right is the instrument's right.
        self.arrow.set_angle(math.degrees(math.atan2(tg.right_m, tg.out_m)), colour)
        self.bullseye.set_offset(-tg.right_m, -tg.out_m, self.tolerance_m, colour)
        self.save_btn.setEnabled(True)

    def _on_link_lost(self, _reason: str) -> None:
        """Keep the last numbers but grey, and say plainly that they are not live."""
        grey = STATE_COLOURS[""]
        self._state = None  # the cue sounds again when shots come back
        self.state_label.setText(self.tr("Instrument link lost"))
        self.state_label.setStyleSheet(f"background: {grey}; color: white; padding: 4px;")
        self.arrow.set_angle(self.arrow.angle_deg, grey)
        if self.bullseye.offset is not None:
            self.bullseye.set_offset(*self.bullseye.offset, self.tolerance_m, grey)

    def save_stake(self) -> None:
        """The last shot becomes the stake of the target, committed before we say so."""
        tg, shot, setup = self.ts, self.last_shot, self.panel.setup
        if tg is None or shot is None or setup is None:
            self.panel.show_error(self.tr("Measure the prism first."))
            return
        p = tg.prism.position
        try:
            rec = record_stake(self.session.store.db, tg.aim.target, Position(p.lat, p.lon, p.h),
                               StakeSource.TOTAL_STATION, ts_shot=describe_shot(setup, shot),
                               tolerance_m=self.tolerance_m)  # fmt: skip
        except (ValueError, LookupError, sqlite3.Error) as exc:
            self.panel.show_error(self.tr("Stake not saved: {0}").format(str(exc)))
            return
        text = self.tr("Stake of {0} saved: {1} m from the design position.").format(
            rec.marker, f"{rec.delta.horizontal_m:.3f}"
        )
        self.panel.show_info(text)
        self.session.message.emit(text)
        self.session.reload()

    # -- shared --------------------------------------------------------------------------
    def _show_state(self, state: ToleranceState) -> str:
        colour = STATE_COLOURS.get(state.value, STATE_COLOURS[""])
        self.state_label.setText(texts.tolerance_state(state))
        self.state_label.setStyleSheet(f"background: {colour}; color: white; padding: 4px;")
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)
            self.cue.play(state)
        return colour

    def _clear(self) -> None:
        for w in (
            self.distance,
            self.state_label,
            self.delta_a,
            self.delta_b,
            self.dh,
            self.ground,
        ):
            w.setText("–")
        self.state_label.setStyleSheet("")
        self.detail.setText("")
        self.arrow.set_angle(None, STATE_COLOURS[""])
        self.bullseye.set_offset(None, None, self.tolerance_m, STATE_COLOURS[""])
        self.save_btn.setEnabled(False)

    def shutdown(self) -> None:
        self.panel.shutdown()


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    return line
