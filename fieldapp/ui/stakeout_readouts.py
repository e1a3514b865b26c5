"""The stake-out tab's readouts: state, distance, deltas, quality, orientation, target, progress.

Numbers are in fixed-width digits (monospace, right-aligned in a fixed number of places) so
nothing moves as they change, and in the locale's decimal separator (a comma in Indonesian).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from fieldapp.survey.stake_quality import QualityProblem, QualityProfile, QualityVerdict, SigmaKind
from fieldapp.survey.stakeout import ToleranceState
from fieldapp.ui import texts
from fieldapp.ui.live import set_style
from fieldapp.ui.numbers import fixed
from fieldapp.ui.widgets import STATE_COLOURS

NBSP = "\u00a0"  # padding that QLabel never collapses
# Why the position is not precise enough: in the colour of that state while live.
REASON_STYLE = f"color: {STATE_COLOURS['quality']}; font-weight: bold;"


def num(value: float, decimals: int, width: int = 0) -> str:
    """A number in the UI's decimal sign, ungrouped, right-aligned in ``width`` characters."""
    return fixed(value, decimals).rjust(width, NBSP)


def metres(value: float, decimals: int = 2, width: int = 6) -> str:
    return f"{num(value, decimals, width)} m"


def centimetres(value_m: float, width: int = 3) -> str:
    return f"{num(value_m * 100, 0, width)} cm"


def mono(font: QFont) -> QFont:
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    out = QFont(font)
    out.setFamilies([fixed.family(), "DejaVu Sans Mono", "Consolas", "Courier New"])
    out.setStyleHint(QFont.StyleHint.Monospace)
    out.setFixedPitch(True)
    return out


def state_text(state: ToleranceState) -> str:
    if state is ToleranceState.QUALITY:
        return QCoreApplication.translate("Stakeout", "Not precise enough")
    return texts.tolerance_state(state)


def sigma_text(kind: SigmaKind, sigma_h: float | None) -> str:
    """σH with where it comes from: "σH 0,014 m measured", "σH 0,35 m estimated", "no σH"."""
    if kind is SigmaKind.MISSING or sigma_h is None:
        return QCoreApplication.translate("Stakeout", "no σH")
    if sigma_h != sigma_h or sigma_h in (float("inf"), float("-inf")):
        return QCoreApplication.translate("Stakeout", "σH invalid")
    label = (
        QCoreApplication.translate("Stakeout", "measured")
        if kind is SigmaKind.MEASURED
        else QCoreApplication.translate("Stakeout", "estimated")
    )
    return f"σH {num(sigma_h, 3)} m {label}"


def quality_reason(v: QualityVerdict) -> str:
    """The words of a failed check: "Position not precise enough: RTK Float, σH 0,35 m"."""
    q = v.quality
    sigma = sigma_text(q.sigma_kind, q.sigma_h_m)
    if QualityProblem.SIGMA_TOO_LARGE in v.problems:
        sigma += f" > {num(v.profile.sigma_limit_m, 3)} m"
    return QCoreApplication.translate("Stakeout", "Position not precise enough: {0}, {1}").format(
        texts.fix_type(q.fix_quality), sigma
    )


def profile_text(p: QualityProfile) -> str:
    from fieldapp.ui.quality_dialog import required_fix_text

    return QCoreApplication.translate("Stakeout", "Tolerance {0} m · {1} · σH ≤ {2} m").format(
        num(p.tolerance_m, 2), required_fix_text(p.required_fix), num(p.sigma_limit_m, 2)
    )


class Readouts(QWidget):
    """Labels only: the view decides what they say; ``grey`` and ``paint`` colour them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel("–")
        self.state_label.setProperty("role", "big")
        self.state_label.setWordWrap(True)  # "Tidak ada data sejak 13:21:40" on a 1024 px tablet
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.distance = QLabel("–")
        self.distance.setProperty("role", "huge")
        self.delta_a = QLabel("–")
        self.delta_b = QLabel("–")
        self.dh = QLabel("–")
        self.ground = QLabel("–")
        self.heights = QLabel("")  # the design's h and H, the pole's, the geoid named
        self.heights.setWordWrap(True)
        self.quality = QLabel("")  # fix type, σH and its source, age of the epoch
        self.orient = QLabel("")
        self.target_line = QLabel("")
        self.target_line.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress_text = QLabel("")
        self.progress_text.setWordWrap(True)
        for w in (self.delta_a, self.delta_b):
            w.setProperty("role", "big")
            w.setWordWrap(True)  # "direction of travel not known yet — move a little"
        for w in (self.distance, self.delta_a, self.delta_b, self.dh, self.ground):
            w.setFont(mono(w.font()))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        # What the surveyor reads first comes first: the page is ~300 px high on a tablet.
        grid.addWidget(self.progress, 0, 0)
        grid.addWidget(self.progress_text, 0, 1)
        rows = (self.state_label, self.reason, self.distance, self.delta_a, self.delta_b,
                self.quality, self.orient, self.target_line)  # fmt: skip
        for i, w in enumerate(rows, start=1):
            grid.addWidget(w, i, 0, 1, 2)
        grid.addWidget(self.dh, 9, 0)
        grid.addWidget(self.ground, 9, 1)
        grid.addWidget(self.heights, 10, 0, 1, 2)
        grid.addWidget(self.detail, 11, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(12, 1)
        self.show_progress(False)

    @property
    def live_labels(self) -> tuple[QLabel, ...]:
        """Every label that shows a live figure (greyed when the data is not live)."""
        return (self.distance, self.delta_a, self.delta_b, self.dh, self.ground, self.quality,
                self.orient, self.target_line, self.reason, self.detail,
                self.heights)  # fmt: skip

    # Called for every epoch drawn: styles are set only when they change (see live.set_style).
    def paint_state(self, text: str, colour: str) -> None:
        self.state_label.setText(text)  # QLabel skips an unchanged text itself
        set_style(self.state_label, f"background: {colour}; color: white; padding: 4px;")

    def grey(self, text: str) -> None:
        grey = STATE_COLOURS[""]
        self.paint_state(text, grey)
        for w in self.live_labels:
            set_style(w, f"color: {grey};")

    def ungrey(self) -> None:
        for w in self.live_labels:
            set_style(w, REASON_STYLE if w is self.reason else "")

    def show_progress(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.progress_text.setVisible(on or bool(self.progress_text.text()))
        set_style(self.progress_text, "font-weight: bold;")
