"""GNSS status panel: link state, fix type in words, satellites, sigma (measured/estimated)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from fieldapp.gnss.fix import Fix, GgaQuality
from fieldapp.gnss.link import LinkState, LinkStatus
from fieldapp.gnss.ntrip_client import NtripState
from fieldapp.ui import texts
from fieldapp.ui.app import text_style
from fieldapp.ui.device_adapter import CorrectionLink

FIX_COLOURS = {
    GgaQuality.RTK_FIXED: "#1b5e20",
    GgaQuality.RTK_FLOAT: "#e65100",
    GgaQuality.DGPS: "#b71c1c",
    GgaQuality.AUTONOMOUS: "#b71c1c",
}


class GnssPanel(QGroupBox):
    """Shows the latest Fix and link state; ``show_fix`` is called from the redraw timer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("GNSS receiver"), parent)
        form = QFormLayout(self)
        form.setVerticalSpacing(4)
        self.link = QLabel()
        self.fix_type = QLabel()
        self.fix_type.setProperty("role", "big")
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
        form.addRow(self.tr("Satellites"), self.sats)
        form.addRow(self.tr("Sigma"), self.sigma)
        form.addRow(self.tr("PDOP"), self.pdop)
        form.addRow(self.tr("Corr. age"), self.age)
        form.addRow(self.tr("NTRIP"), self.ntrip)
        form.addRow("", self.ntrip_reason)
        form.addRow(self.tr("Raw log"), self.rawlog)
        self.show_status(None, raw_logging=False)
        self.show_fix(None)
        self.show_corrections(None)

    def show_status(self, status: LinkStatus | None, raw_logging: bool) -> None:
        state = status.state if status else LinkState.STOPPED
        self.link.setText(texts.link_state(state))
        self.link.setToolTip(status.reason if status else "")
        self.link.setStyleSheet(
            text_style({LinkState.LIVE: "good", LinkState.LOST: "bad"}.get(state, ""))
        )
        self.rawlog.setText(self.tr("● recording") if raw_logging else self.tr("off"))

    def show_corrections(self, link: CorrectionLink | None) -> None:
        """The NTRIP link in words; the reason (caster, error) in small print below."""
        if link is None:
            self.ntrip.setText(self.tr("not used"))
            self.ntrip.setStyleSheet("")
            self.ntrip_reason.setText("")
            self.ntrip_reason.hide()
            return
        state = link.status.state
        kb = f"{link.bytes_received / 1024:.1f}"
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
        self.ntrip.setStyleSheet(text_style(meaning))
        show_reason = state in (NtripState.OFFLINE, NtripState.REFUSED, NtripState.CONNECTING)
        self.ntrip_reason.setText(link.status.reason if show_reason else link.status.profile)
        self.ntrip_reason.setToolTip(link.status.reason)
        self.ntrip_reason.show()

    def show_fix(self, fix: Fix | None) -> None:
        dash = "–"
        if fix is None:
            for label in (self.fix_type, self.sats, self.sigma, self.pdop, self.age):
                label.setText(dash)
            self.fix_type.setStyleSheet("")
            return
        self.fix_type.setText(texts.fix_type(fix.quality))
        colour = (
            FIX_COLOURS.get(GgaQuality(fix.quality)) if fix.quality in set(GgaQuality) else None
        )
        self.fix_type.setStyleSheet(
            f"background: {colour}; color: white; padding: 2px 6px;" if colour else ""
        )
        if fix.sats_used_by_system:
            parts = [f"{k} {v}" for k, v in sorted(fix.sats_used_by_system.items())]
            self.sats.setText(f"{fix.sats_used or sum(fix.sats_used_by_system.values())}: "
                              + ", ".join(parts))  # fmt: skip
        else:
            self.sats.setText(dash if fix.sats_used is None else str(fix.sats_used))
        sh = fix.sigma_horizontal
        if sh is None:
            self.sigma.setText(dash)
        else:
            v = f" V {fix.sigma_alt:.3f}" if fix.sigma_alt is not None else ""
            self.sigma.setText(
                self.tr("H {0} m{1} ({2})").format(
                    f"{sh:.3f}", v, texts.sigma_source(fix.sigma_source)
                )
            )
        self.pdop.setText(dash if fix.pdop is None else f"{fix.pdop:.1f}")
        self.age.setText(dash if fix.correction_age_s is None else f"{fix.correction_age_s:.0f} s")
