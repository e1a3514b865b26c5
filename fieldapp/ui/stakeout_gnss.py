"""GNSS guidance on the stake-out tab: one epoch's guidance drawn into the readouts, arrow and
bullseye, with the quality of the epoch, the orientation reference always named, and a fine
mode in centimetres inside 1 m where the arrow is hidden inside the tolerance."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QRadioButton

from fieldapp.survey.crs import GridSpec
from fieldapp.survey.dms import format_angle
from fieldapp.survey.stakeout import Guidance, StakeTarget, ToleranceState, target_position
from fieldapp.ui import texts
from fieldapp.ui.live import set_style
from fieldapp.ui.stakeout_readouts import (
    REASON_STYLE,
    Readouts,
    centimetres,
    metres,
    num,
    quality_reason,
    sigma_text,
)
from fieldapp.ui.widgets import FINE_M, ArrowWidget, Bullseye

INSIDE = (ToleranceState.WITHIN, ToleranceState.QUALITY)
WORD_WIDTH = 7  # "Forward", "Mundur", "Selatan": padded so the numbers never move


def _word(word: str) -> str:
    return f"{word:<{WORD_WIDTH}}".replace(" ", "\u00a0")


class GnssDisplay(QObject):
    """Draws guidance; the view owns the widgets and decides when."""

    def __init__(
        self, readouts: Readouts, arrow: ArrowWidget, bullseye: Bullseye, travel: QRadioButton,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.r = readouts
        self.arrow = arrow
        self.bullseye = bullseye
        self.travel = travel
        self.heading_frozen = False  # the heading is the last one seen (standing still)
        self.quality_text = ""  # fix type and σH of the epoch shown; the view adds its age

    def show(self, g: Guidance, colour: str, grid: GridSpec, target: StakeTarget | None) -> None:
        r = self.r
        v = g.quality
        fine = g.ground_distance_m < FINE_M
        r.reason.setText(quality_reason(v) if v is not None and not v.ok else "")
        r.reason.setVisible(bool(r.reason.text()))  # no empty row above the distance
        set_style(r.reason, REASON_STYLE)
        dist = centimetres(g.ground_distance_m, 4) if fine else metres(g.ground_distance_m, 2, 7)
        r.distance.setText(f"{g.target}: {dist}")
        r.ground.setText(self.tr("Ground {0} m (grid {1} m)").format(
            num(g.ground_distance_m, 3), num(g.grid_distance_m, 3)))  # fmt: skip
        r.dh.setText("dH –" if g.dh_m is None else f"dH {num(g.dh_m, 3, 7)} m")
        if v is not None:
            q = v.quality
            self.quality_text = (f"{self.tr('Fix')}: {texts.fix_type(q.fix_quality)} · "
                                 f"{sigma_text(q.sigma_kind, q.sigma_h_m)}")  # fmt: skip
            r.quality.setText(self.quality_text)
        if target is not None:
            tp = target_position(grid, target)
            r.target_line.setText(self.tr("Target {0}: E {1}  N {2} · azimuth {3} · {4}").format(
                g.target, num(tp.e, 3), num(tp.n, 3), format_angle(g.true_azimuth_deg),
                metres(g.ground_distance_m, 2, 0)))  # fmt: skip

        def size(x: float) -> str:
            return centimetres(x) if fine else metres(x, 2, 6)

        arrow: float | None
        if self.travel.isChecked() and g.forward_m is not None and g.right_m is not None:
            ref = self.tr("last direction of travel") if self.heading_frozen else self.tr(
                "direction of travel")  # fmt: skip
            r.orient.setText(self.tr("Reference: {0}").format(ref))
            fwd = self.tr("Forward") if g.forward_m >= 0 else self.tr("Back")
            side = self.tr("Right") if g.right_m >= 0 else self.tr("Left")
            r.delta_a.setText(f"{_word(fwd)}{size(abs(g.forward_m))}")
            r.delta_b.setText(f"{_word(side)}{size(abs(g.right_m))}")
            self.bullseye.set_offset(-g.right_m, -g.forward_m, g.tolerance_m, colour)
            self.bullseye.set_up_label(self.tr("direction of travel"))
            arrow = g.grid_azimuth_deg - (g.heading_deg or 0.0)
        elif self.travel.isChecked():
            # Never fall back to north/east words silently while forward/right is chosen.
            r.orient.setText(self.tr("Reference: north (direction of travel not known yet)"))
            r.delta_a.setText(self.tr("Direction of travel not known yet — move a little"))
            r.delta_b.setText("")
            self.bullseye.set_offset(-g.d_e, -g.d_n, g.tolerance_m, colour)
            self.bullseye.set_up_label(self.tr("north"))
            arrow = None
        else:
            r.orient.setText(self.tr("Reference: {0}").format(self.tr("north")))
            north = self.tr("North") if g.d_n >= 0 else self.tr("South")
            east = self.tr("East") if g.d_e >= 0 else self.tr("West")
            r.delta_a.setText(f"{_word(north)}{size(abs(g.d_n))}")
            r.delta_b.setText(f"{_word(east)}{size(abs(g.d_e))}")
            self.bullseye.set_offset(-g.d_e, -g.d_n, g.tolerance_m, colour)
            self.bullseye.set_up_label(self.tr("north"))
            arrow = g.grid_azimuth_deg
        # Inside the tolerance the direction is noise: no arrow to follow.
        self.arrow.set_angle(None if g.state in INSIDE else arrow, colour)
