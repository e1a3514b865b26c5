"""The status strip under every tab: fix type, satellites, sigma, corrections, link, epoch age."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from fieldapp.gnss.fix import Fix, SigmaSource
from fieldapp.gnss.link import LinkState
from fieldapp.ui import texts
from fieldapp.ui.gnss_panel import fix_badge_style, number
from fieldapp.ui.live import Liveness, age_text, set_style, stale_colour, stale_text

MIN_HEIGHT_PX = 48
SPACING_PX = 18


class StatusStrip(QFrame):
    """One compact line a surveyor reads from any tab; grey with "no data since" when not live.

    Parts are dropped from the least important (correction age, link, satellites, sigma) when
    the window is too narrow for all of them; the fix type and the age of the data always stay.
    Texts are set only when they change and colours only when the liveness or the fix type
    changes, so the 10 Hz redraw costs next to nothing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(MIN_HEIGHT_PX)
        self.setMinimumWidth(1)  # never widens the window: parts are dropped instead
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        row.setSpacing(SPACING_PX)
        self.fix_type = QLabel()
        font = self.fix_type.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.fix_type.setFont(font)
        self.freshness = QLabel()
        self.sigma = QLabel()
        self.sats = QLabel()
        self.link = QLabel()
        self.corr = QLabel()
        # In the order they are dropped last to first when the strip is too narrow.
        self.parts = (self.fix_type, self.freshness, self.sigma, self.sats, self.link, self.corr)
        for label in self.parts:
            label.setMinimumWidth(1)
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(label)
        row.addStretch(1)
        self.live = False
        self._quality: int | None = None
        self._link_state: LinkState | None = None
        self.show_link(None)
        self.show_fix(None)
        self._set(self.freshness, self.tr("No data"))
        self._restyle()

    # -- content ---------------------------------------------------------------------
    def _set(self, label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
            self._fit()

    def show_fix(self, fix: Fix | None) -> None:
        quality = fix.quality if fix is not None else None
        if quality != self._quality:
            self._quality = quality
            self._restyle()
        dash = "–"
        if fix is None:
            self._set(self.fix_type, texts.fix_type(None))
            self._set(self.sats, self.tr("Satellites {0}").format(dash))
            self._set(self.sigma, self.tr("σH {0}").format(dash))
            self._set(self.corr, self.tr("Corr. {0}").format(dash))
            return
        self._set(self.fix_type, texts.fix_type(fix.quality))
        used = fix.sats_used
        if used is None and fix.sats_used_by_system:
            used = sum(fix.sats_used_by_system.values())
        self._set(self.sats, self.tr("Satellites {0}").format(dash if used is None else used))
        sh, sv = fix.sigma_horizontal, fix.sigma_alt
        # Measured only from GST; anything else is an estimate and says so.
        source = texts.sigma_source(
            SigmaSource.GST if fix.sigma_source is SigmaSource.GST else SigmaSource.ESTIMATED
        )
        if sh is None:
            self._set(self.sigma, self.tr("σH {0}").format(dash))
        elif sv is None:
            self._set(self.sigma, self.tr("σH {0} m ({1})").format(number(sh, 3), source))
        else:
            self._set(
                self.sigma,
                self.tr("σH {0} m · σV {1} m ({2})").format(number(sh, 3), number(sv, 3), source),
            )
        age = fix.correction_age_s
        self._set(
            self.corr,
            self.tr("Corr. {0}").format(dash if age is None else f"{number(age, 0)} s"),
        )

    def show_link(self, state: LinkState | None) -> None:
        self._set(self.link, self.tr("Link: {0}").format(texts.link_state(state)))
        if state != self._link_state:
            self._link_state = state
            self._restyle()

    def show_liveness(self, state: Liveness) -> None:
        """Time and age of the latest epoch; everything grey when it is not live."""
        if state.live and state.since is not None:
            text = self.tr("Epoch {0}, {1}").format(
                state.since.strftime("%H:%M:%S"), age_text(state)
            )
        elif state.age_s is None:
            text = stale_text(state)
        else:
            text = f"{stale_text(state)} ({age_text(state)})"
        self._set(self.freshness, text)
        if state.live != self.live:
            self.live = state.live
            self._restyle()

    # -- looks -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._restyle()  # day/night switched: the greys and greens of the other theme

    def _restyle(self) -> None:
        grey = f"color: {stale_colour()};"
        set_style(self.fix_type, fix_badge_style(self._quality, self.live, "2px 8px"))
        for label in (self.sigma, self.sats, self.corr):
            set_style(label, "" if self.live else grey)
        set_style(self.freshness, "" if self.live else f"{grey} font-weight: bold;")
        lost = self._link_state is LinkState.LOST
        set_style(self.link, "" if self.live else grey + (" font-weight: bold;" if lost else ""))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show parts in priority order while they fit; the first two always stay."""
        margins = self.contentsMargins()
        lm = self._row.contentsMargins()
        room = self.width() - margins.left() - margins.right() - lm.left() - lm.right()
        used = 0
        for i, label in enumerate(self.parts):
            need = label.sizeHint().width() + (SPACING_PX if i else 0)
            fits = used + need <= room
            if i < 2 or fits:
                used += need
            label.setVisible(i < 2 or fits)

    def shown_parts(self) -> list[str]:
        """The texts on show (for tests and for reading the strip aloud)."""
        return [label.text() for label in self.parts if not label.isHidden()]
