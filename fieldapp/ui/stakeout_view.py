"""Stake-out view: pick a target, then guidance from GNSS or a total station, with colour and cue.

GNSS mode: the job's quality profile (tolerance, required fix, σH) on the tab; the state is
"within" only when the epoch's fix and measured σH prove it, otherwise "not precise enough"
in its own colour with the reason. Distance, forward/right or north/east deltas (the reference
always labelled), fix and σH of the epoch, target E/N, azimuth and ground distance; a fine
mode in centimetres inside 1 m; "Ukur & simpan" stores an averaged stake and offers the next
marker; spoken guidance in Indonesian. Not live (``set_liveness``): everything grey, silent.
Total-station mode: the station panel orients the instrument; each shot on the prism gives the
angle to turn, in/out and left/right as the instrument sees them (ground metres), and dH.
"""

from __future__ import annotations

import math
import sqlite3
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import MapPoint
from fieldapp.gnss.fix import Fix
from fieldapp.store.installation import record_stake
from fieldapp.store.quality import load_quality_profile, save_quality_profile
from fieldapp.survey.installation import StakeRecord, StakeSource
from fieldapp.survey.local import Position
from fieldapp.survey.spoken import SpeechPacer, guidance_phrase
from fieldapp.survey.stake_quality import PositionQuality, QualityProfile
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
from fieldapp.ui.app import settings
from fieldapp.ui.heights import design_dh, dh_text, stake_heights_text
from fieldapp.ui.instrument_link import InstrumentLink
from fieldapp.ui.live import Liveness, age_text, set_style, stale_text
from fieldapp.ui.session import JobSession
from fieldapp.ui.sound import ToleranceCue
from fieldapp.ui.speech import Speaker, set_speech_enabled, speech_enabled, speech_interval_s
from fieldapp.ui.stake_measure import MeasureControl
from fieldapp.ui.stakeout_bar import StakeoutBar
from fieldapp.ui.stakeout_gnss import GnssDisplay
from fieldapp.ui.stakeout_readouts import Readouts, num, profile_text, state_text
from fieldapp.ui.station_panel import StationPanel
from fieldapp.ui.widgets import STATE_COLOURS, ArrowWidget, Bullseye

GNSS, TOTAL_STATION = "gnss", "ts"
PANEL_WIDTH = 430


class StakeoutView(QWidget):
    """Built from a session; ``update_fix`` runs from the main window's redraw timer."""

    state_changed = Signal(str)
    stake_saved = Signal(object)  # StakeRecord of "Ukur & simpan", committed

    def __init__(
        self, session: JobSession, link: InstrumentLink | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.profile: QualityProfile = load_quality_profile(session.store.db)
        self.guidance: Guidance | None = None
        self.ts: TsGuidance | None = None
        self.last_shot: TsShot | None = None
        self.live = True
        self._heading = TravelHeading()
        self._last_heading: float | None = None
        self._state: ToleranceState | None = None
        self.cue = ToleranceCue(self)
        self.speaker = Speaker()
        self.pacer = SpeechPacer(speech_interval_s())
        # When the view is built (its tab opened), not mid-guidance on the first state change.
        QTimer.singleShot(0, self, self.cue.prepare)

        self.bar = bar = StakeoutBar()
        self.target_box, self.nearest_btn = bar.target_box, bar.nearest_btn
        self.mode_gnss, self.mode_ts, self.measure_btn = bar.mode_gnss, bar.mode_ts, bar.measure_btn
        self.sound, self.speak = bar.sound, bar.speak
        self.profile_label, self.profile_btn = bar.profile_label, bar.profile_btn
        self.mode_travel, self.mode_grid = bar.mode_travel, bar.mode_grid
        self.sound.setChecked(not self.cue.muted)
        self.speak.setChecked(speech_enabled() and self.speaker.available)

        self.readouts = r = Readouts()
        self.distance, self.state_label, self.delta_a, self.delta_b = (
            r.distance, r.state_label, r.delta_a, r.delta_b)  # fmt: skip
        self.dh, self.ground, self.detail = r.dh, r.ground, r.detail
        self.arrow = ArrowWidget()
        self.arrow.setMinimumSize(120, 120)
        self.bullseye = Bullseye()
        self.display = GnssDisplay(r, self.arrow, self.bullseye, self.mode_travel, self)
        self.measure = MeasureControl(session, self.measure_btn, r.progress, r.progress_text, self)

        self.panel = StationPanel(session, link)
        self.save_btn = QPushButton(self.tr("Save stake"))
        self.save_btn.setEnabled(False)
        self.ts_actions = QWidget()
        actions = QHBoxLayout(self.ts_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        for b in (self.panel.measure_btn, self.panel.track_btn, self.save_btn):
            actions.addWidget(b, 1)
        self.panel_area = _scroll(self.panel)
        self.panel_area.setFixedWidth(PANEL_WIDTH)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.ts_actions)
        column.addWidget(self.panel.status)  # instrument messages where the eyes are
        column.addWidget(self.readouts, 1)
        self.readout_area = _scroll(left)

        body = QHBoxLayout()
        body.addWidget(self.panel_area)
        body.addWidget(self.readout_area, 3)
        body.addWidget(self.arrow, 1)
        body.addWidget(self.bullseye, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addLayout(body, 1)

        # The saved mode is checked before toggled is connected, so _on_mode runs once, below.
        ts = str(settings().value("stakeout/mode", GNSS)) == TOTAL_STATION
        (self.mode_ts if ts else self.mode_gnss).setChecked(True)
        self.target_box.currentTextChanged.connect(self._on_target_chosen)
        self.nearest_btn.clicked.connect(self.choose_nearest)
        self.mode_ts.toggled.connect(self._on_mode)
        self.mode_travel.toggled.connect(self._on_orientation)
        self.sound.toggled.connect(lambda on: self.cue.set_muted(not on))
        self.speak.toggled.connect(self._on_speak)
        self.profile_btn.clicked.connect(self.edit_profile)
        self.measure_btn.clicked.connect(self._on_measure_clicked)
        self.measure.stake_saved.connect(self._on_stake_saved)
        self.panel.setup_changed.connect(self._on_setup)
        self.panel.shot_measured.connect(self.show_shot)
        self.panel.link_lost.connect(self._on_link_lost)
        self.panel.message.connect(session.message)
        self.save_btn.clicked.connect(self.save_stake)
        session.layers_changed.connect(self.refresh)
        session.marker_selected.connect(self._on_selected)
        self.refresh()
        self._show_profile()
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

    @property
    def tolerance_m(self) -> float:
        return self.profile.tolerance_m

    def _targets(self) -> list[StakeTarget]:
        return [_stake_target(m) for m in self.session.layers.markers]

    def _target(self) -> StakeTarget | None:
        # Every epoch: the chosen marker alone, not a target built for each of the job's.
        name = self.target
        m = self.session.layers.marker(name) if name else None
        return _stake_target(m) if m is not None else None

    def _on_target_chosen(self, name: str) -> None:
        m = self.measure.measurement
        if m is not None and m.running and m.marker != name:
            self.measure.cancel(self.tr("another target was chosen"))
        if name:
            self.session.select(name)
            self._state = None
            self.pacer.reset()
            self._redraw()

    def _on_selected(self, name: str) -> None:
        if name != self.target_box.currentText():
            self.target_box.setCurrentText(name)

    def _on_mode(self, ts: bool) -> None:
        settings().setValue("stakeout/mode", TOTAL_STATION if ts else GNSS)
        self.panel_area.setVisible(ts)
        self.ts_actions.setVisible(ts)
        self.panel.status.setVisible(ts)
        for w in (self.mode_travel, self.mode_grid, self.measure_btn, self.speak):
            w.setVisible(not ts)
        self.arrow.setVisible(not ts or self.width() >= 1200)
        if not ts:
            self.panel.track_btn.setChecked(False)
        self.guidance = None
        self.ts = None
        self._state = None
        self._clear()
        self._redraw()

    def _on_orientation(self, travel: bool) -> None:
        settings().setValue("stakeout/orient", "travel" if travel else "grid")
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
        try:
            return position_from_fix(grid, fix)
        except (StakeoutError, ValueError):
            return None  # a position that is not plausible is no position

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
    _here: tuple[float, float, float | None] | None = None  # the latest epoch's lat, lon, h

    # -- quality profile ---------------------------------------------------------------
    def _show_profile(self) -> None:
        self.profile_label.setText(profile_text(self.profile))

    def set_profile(self, profile: QualityProfile) -> None:
        """Save the job's profile (committed) and use it from the next epoch."""
        try:
            self.profile = save_quality_profile(self.session.store.db, profile)
        except sqlite3.Error as exc:
            self.session.message.emit(self.tr("Profile not saved: {0}").format(str(exc)))
            return
        self._show_profile()
        self.session.message.emit(self.tr("Stake-out quality saved in the job."))
        self.update_fix(self.session_fix)

    def edit_profile(self) -> None:
        from fieldapp.ui.quality_dialog import QualityProfileDialog

        dialog = QualityProfileDialog(self.profile, self)
        if dialog.exec():
            self.set_profile(dialog.profile())

    # -- GNSS --------------------------------------------------------------------------
    def update_fix(self, fix: Fix | None) -> None:
        self.session_fix = fix
        if fix is not None:
            self.measure.add(fix)
        if self.total_station:
            return
        target = self._target()
        if fix is None or not fix.has_position or target is None:
            # Nothing to guide from: the last guidance must not stay in colour.
            self.guidance = None
            self._grey(self.tr("No position") if target else self.tr("No target"))
            return
        grid = self.session.layers.grid
        try:
            pos = position_from_fix(grid, fix)
            self._here = (pos.lat, pos.lon, pos.h)
            heading = self._heading.update(pos)
            # Standing still loses the direction of travel: keep the last one, and say so.
            self.display.heading_frozen = heading is None and self._last_heading is not None
            if heading is not None:
                self._last_heading = heading
            g = guidance(grid, pos, target, heading_deg=self._last_heading, profile=self.profile,
                         position_quality=PositionQuality.from_fix(fix))  # fmt: skip
        except (StakeoutError, ValueError) as exc:
            self.session.message.emit(str(exc))
            return
        self.guidance = g
        self.live = True
        self.measure_btn.setEnabled(True)
        self.readouts.ungrey()
        self._show_gnss(g)
        if self.speak.isChecked() and self.pacer.due(time.monotonic(), g.state):
            self.speaker.say(guidance_phrase(g, travel=self.mode_travel.isChecked()))

    def set_liveness(self, state: Liveness) -> None:
        """Main window, 10 Hz: not live greys every readout and silences the cue."""
        if state.live:
            self.measure_btn.setEnabled(True)
            if not self.live and self.guidance is not None and not self.total_station:
                self.live = True
                self.readouts.ungrey()
                self._show_gnss(self.guidance)
            self.live = True
            if self.guidance is not None and not self.total_station and self.display.quality_text:
                self.readouts.quality.setText(f"{self.display.quality_text} · {age_text(state)}")
            return
        if self.total_station:
            return
        self.live = False
        self.measure_btn.setEnabled(self.measure.running)  # cancel stays possible
        self._grey(stale_text(state))

    def _grey(self, text: str) -> None:
        """Keep the last numbers, grey, with ``text`` in the state label; the cue is silent."""
        self._state = None  # the cue sounds again, and speech speaks at once, when data is back
        self.pacer.reset()
        grey = STATE_COLOURS[""]
        self.readouts.grey(text)
        self.arrow.set_angle(self.arrow.angle_deg, grey)
        off = self.bullseye.offset
        self.bullseye.set_offset(*(off or (None, None)), self.tolerance_m, grey)

    def _on_speak(self, on: bool) -> None:
        if on and not self.speaker.available:
            self.speak.setChecked(False)
            self.session.message.emit(
                self.tr("Spoken guidance needs espeak-ng, which is not installed.")
            )
            return
        set_speech_enabled(on)
        self.pacer.reset()

    def _show_gnss(self, g: Guidance) -> None:
        colour = self._show_state(g.state)
        self.display.show(g, colour, self.session.layers.grid, self._target())
        self._show_heights(self._here)

    def _show_heights(self, here: tuple[float, float, float | None] | None) -> None:
        """dH in the system the design was given in; h and H of the design and the pole."""
        m = self.session.layers.marker(self.target) if self.target else None
        if m is None:
            return
        heights, target = self.session.heights, (m.lat, m.lon, m.h)
        dh, system = design_dh(heights, here or (m.lat, m.lon, None), target, m.h_system)
        self.dh.setText(dh_text(dh, system))
        self.readouts.heights.setText(stake_heights_text(heights, here, target, m.h_system))

    # -- Ukur & simpan -------------------------------------------------------------------
    def _on_measure_clicked(self) -> None:
        if self.measure.running:
            self.measure.cancel(self.tr("cancelled on the stake-out tab"))
        else:
            self.measure_and_save()

    def measure_and_save(self) -> bool:
        """Store the target's stake from a short averaged occupation; False if refused."""
        return self.measure.start(self.target, self.guidance, self.live, self.profile)

    def _on_stake_saved(self, stake: StakeRecord) -> None:
        self.stake_saved.emit(stake)
        self.session.reload()
        self.choose_nearest()  # offer the next marker not staked yet, nearest first

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
        p = tg.prism.position
        self._show_heights((p.lat, p.lon, p.h))
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
        set_style(self.state_label, f"background: {grey}; color: white; padding: 4px;")
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
            rec.marker, num(rec.delta.horizontal_m, 3)
        )
        self.panel.show_info(text)
        self.session.message.emit(text)
        self.session.reload()

    # -- shared --------------------------------------------------------------------------
    def _show_state(self, state: ToleranceState) -> str:
        colour = STATE_COLOURS.get(state.value, STATE_COLOURS[""])
        self.readouts.paint_state(state_text(state), colour)
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
        set_style(self.state_label, "")
        r = self.readouts
        for w in (self.detail, r.reason, r.quality, r.orient, r.target_line, r.heights):
            w.setText("")
        self.arrow.set_angle(None, STATE_COLOURS[""])
        self.bullseye.set_offset(None, None, self.tolerance_m, STATE_COLOURS[""])
        self.bullseye.set_up_label("")
        self.save_btn.setEnabled(False)

    def shutdown(self) -> None:
        self.measure.cancel(self.tr("the job was closed"))
        self.speaker.shutdown()
        self.panel.shutdown()


def _stake_target(m: MapPoint) -> StakeTarget:
    return StakeTarget(m.name, m.lat, m.lon, m.h, m.status != "planned")


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
