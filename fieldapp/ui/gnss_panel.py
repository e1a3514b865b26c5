"""GNSS status panel: link state, fix type in words, satellites, sigma (measured/estimated), age."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from fieldapp.gnss.fix import Fix, GgaQuality
from fieldapp.gnss.link import LinkState, LinkStatus
from fieldapp.gnss.ntrip_client import NtripState
from fieldapp.ui import texts
from fieldapp.ui.app import text_style
from fieldapp.ui.device_adapter import CorrectionLink
from fieldapp.ui.errors import error_text
from fieldapp.ui.live import Liveness, age_text, set_style, stale_colour, stale_text

FIX_COLOURS = {
    GgaQuality.RTK_FIXED: "#1b5e20",
    GgaQuality.RTK_FLOAT: "#e65100",
    GgaQuality.DGPS: "#b71c1c",
    GgaQuality.AUTONOMOUS: "#b71c1c",
}
DASH = "–"


def fix_colour(quality: int | None) -> str | None:
    """The background of a fix type shown live (green only for RTK fixed), or None."""
    try:
        return FIX_COLOURS.get(GgaQuality(quality)) if quality is not None else None
    except ValueError:
        return None


def fix_badge_style(quality: int | None, live: bool, padding: str) -> str:
    """The fix type's badge: its colour while live, a grey dashed frame when not."""
    colour = fix_colour(quality) if live else None
    if colour:
        return f"background: {colour}; color: white; padding: {padding};"
    if live:
        return f"padding: {padding};"
    grey = stale_colour()
    return f"color: {grey}; border: 2px dashed {grey}; padding: {padding};"


def number(value: float, decimals: int) -> str:
    """A number as the UI language writes it (decimal comma in Indonesian)."""
    return QLocale().toString(float(value), "f", decimals)


class GnssPanel(QGroupBox):
    """Shows the latest Fix and link state, grey with its age when the data is not live.

    The main window calls ``show_liveness`` on every redraw tick and ``show_fix`` when a new
    epoch is there; colours change only when the liveness or the fix type changes, and the
    panel starts grey: nothing is coloured before the window says the data is live.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("GNSS receiver"), parent)
        form = QFormLayout(self)
        form.setVerticalSpacing(4)
        self.link = QLabel()
        self.fix_type = QLabel()
        self.fix_type.setProperty("role", "big")
        self.freshness = QLabel()
        self.freshness.setWordWrap(True)
        self.sats = QLabel()
        self.sats.setWordWrap(True)
        self.sigma = QLabel()
        self.sigma.setWordWrap(True)
        self.pdop = QLabel()
        self.age = QLabel()
        self.ntrip = QLabel()
        self.ntrip.setWordWrap(True)
        self.ntrip_reason = QLabel()
        self.ntrip_reason.setWordWrap(True)
        self.ntrip_reason.setProperty("role", "caption")
        self.rawlog = QLabel()
        form.addRow(self.tr("Link"), self.link)
        form.addRow(self.tr("Fix"), self.fix_type)
        form.addRow(self.tr("Latest epoch"), self.freshness)
        form.addRow(self.tr("Satellites"), self.sats)
        form.addRow(self.tr("Sigma"), self.sigma)
        form.addRow(self.tr("PDOP"), self.pdop)
        form.addRow(self.tr("Corr. age"), self.age)
        form.addRow(self.tr("NTRIP"), self.ntrip)
        form.addRow("", self.ntrip_reason)
        form.addRow(self.tr("Raw log"), self.rawlog)
        self.live = False
        self._quality: int | None = None
        self._link_state = LinkState.STOPPED
        self.show_status(None, raw_logging=False)
        self.show_fix(None)
        self.show_corrections(None)
        self.freshness.setText(self.tr("No data"))
        self._restyle()

    @property
    def readouts(self) -> tuple[QLabel, ...]:
        """The labels that show the latest epoch: grey together when it is not live."""
        return (self.fix_type, self.freshness, self.sats, self.sigma, self.pdop, self.age)

    def show_liveness(self, state: Liveness) -> None:
        """Age of the latest epoch; grey readouts and "no data since" when it is not live."""
        if state.live:
            text = age_text(state)
        elif state.age_s is None:
            text = stale_text(state)
        else:
            text = f"{stale_text(state)} ({age_text(state)})"
        if self.freshness.text() != text:
            self.freshness.setText(text)
        if state.live != self.live:
            self.live = state.live
            self._restyle()

    def show_status(self, status: LinkStatus | None, raw_logging: bool) -> None:
        state = status.state if status else LinkState.STOPPED
        self.link.setText(texts.link_state(state))
        self.link.setToolTip(error_text(status.reason) if status else "")
        if state != self._link_state:
            self._link_state = state
            self._style_link()
        self.rawlog.setText(self.tr("● recording") if raw_logging else self.tr("off"))

    def _style_link(self) -> None:
        # Green only while epochs really arrive: a link state alone says nothing of the data.
        state = self._link_state
        meaning = "bad" if state is LinkState.LOST else ""
        if state is LinkState.LIVE and self.live:
            meaning = "good"
        set_style(self.link, text_style(meaning))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._restyle()  # day/night switched: the greys and greens of the other theme

    def _restyle(self) -> None:
        grey = f"color: {stale_colour()};"
        set_style(self.fix_type, fix_badge_style(self._quality, self.live, "2px 6px"))
        for label in (self.sats, self.sigma, self.pdop, self.age):
            set_style(label, "" if self.live else grey)
        set_style(self.freshness, "" if self.live else f"{grey} font-weight: bold;")
        self._style_link()

    def show_corrections(self, link: CorrectionLink | None) -> None:
        """The NTRIP link in words; the reason (caster, error) in small print below."""
        if link is None:
            self.ntrip.setText(self.tr("not used"))
            set_style(self.ntrip, "")
            self.ntrip_reason.setText("")
            self.ntrip_reason.hide()
            return
        state = link.status.state
        kb = number(link.bytes_received / 1024, 1)
        words = {
            NtripState.OFFLINE: self.tr("offline, retrying"),
            NtripState.CONNECTING: self.tr("connecting…"),
            NtripState.STREAMING: self.tr("streaming, {0} kB").format(kb),
            NtripState.REFUSED: self.tr("refused by the caster"),
            NtripState.STOPPED: self.tr("off"),
        }
        self.ntrip.setText(words.get(state, str(state)))
        meaning = {
            NtripState.STREAMING: "good",
            NtripState.REFUSED: "bad",
            NtripState.OFFLINE: "warn",
        }.get(state, "")
        set_style(self.ntrip, text_style(meaning))
        show_reason = state in (NtripState.OFFLINE, NtripState.REFUSED, NtripState.CONNECTING)
        reason = error_text(link.status.reason)
        self.ntrip_reason.setText(reason if show_reason else link.status.profile)
        self.ntrip_reason.setToolTip(reason)
        self.ntrip_reason.show()

    def show_fix(self, fix: Fix | None) -> None:
        quality = fix.quality if fix is not None else None
        if quality != self._quality:
            self._quality = quality
            self._restyle()
        if fix is None:
            for label in (self.fix_type, self.sats, self.sigma, self.pdop, self.age):
                label.setText(DASH)
            return
        self.fix_type.setText(texts.fix_type(fix.quality))
        if fix.sats_used_by_system:
            parts = [f"{k} {v}" for k, v in sorted(fix.sats_used_by_system.items())]
            self.sats.setText(f"{fix.sats_used or sum(fix.sats_used_by_system.values())}: "
                              + ", ".join(parts))  # fmt: skip
        else:
            self.sats.setText(DASH if fix.sats_used is None else str(fix.sats_used))
        sh = fix.sigma_horizontal
        if sh is None:
            self.sigma.setText(DASH)
        else:
            v = f" V {number(fix.sigma_alt, 3)} m" if fix.sigma_alt is not None else ""
            self.sigma.setText(
                self.tr("H {0} m{1} ({2})").format(
                    number(sh, 3), v, texts.sigma_source(fix.sigma_source)
                )
            )
        self.pdop.setText(DASH if fix.pdop is None else number(fix.pdop, 1))
        age = fix.correction_age_s
        self.age.setText(DASH if age is None else f"{number(age, 0)} s")
