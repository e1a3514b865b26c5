"""Liveness of the receiver's data: how old the latest epoch is and whether it may look live."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldapp.ui.app import is_dark, settings

DEFAULT_STALE_S = 3.0
MIN_STALE_S, MAX_STALE_S = 0.5, 60.0
STALE_COLOUR = "#616161"  # the grey of every readout that is not live
STALE_COLOUR_DARK = "#9e9e9e"  # the same grey on the night theme (7:1 on its background)


@dataclass(frozen=True, slots=True)
class Liveness:
    """What every live readout needs to know before it colours anything.

    ``live`` is True only while the link is up and the latest epoch is younger than the
    stale time; a readout that is not live is drawn grey and says since when.
    """

    live: bool
    link_up: bool
    age_s: float | None  # seconds since the latest epoch arrived; None when none has
    since: dt.datetime | None  # local wall-clock time the latest epoch arrived
    stale_after_s: float


def stale_after_s() -> float:
    """The stale time set on this machine (settings key ``gnss/stale_s``), default 3 s."""
    try:
        value = float(settings().value("gnss/stale_s", DEFAULT_STALE_S))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_STALE_S
    if not MIN_STALE_S <= value <= MAX_STALE_S:
        return DEFAULT_STALE_S
    return value


def liveness(
    received_monotonic: float | None,
    received_wall: dt.datetime | None,
    link_up: bool,
    *,
    now_monotonic: float | None = None,
    stale_s: float | None = None,
) -> Liveness:
    """Liveness from when the latest epoch arrived (monotonic and wall clock) and the link."""
    limit = stale_after_s() if stale_s is None else stale_s
    now = time.monotonic() if now_monotonic is None else now_monotonic
    age = None if received_monotonic is None else max(0.0, now - received_monotonic)
    live = link_up and age is not None and age <= limit
    return Liveness(live, link_up, age, received_wall, limit)


def stale_text(state: Liveness) -> str:
    """The words a grey readout shows: no data since when, or no data at all."""
    if state.since is None:
        return QCoreApplication.translate("Live", "No data")
    return QCoreApplication.translate("Live", "No data since {0}").format(
        state.since.strftime("%H:%M:%S")
    )


def age_text(state: Liveness) -> str:
    """The age of the latest epoch in words for a readout's corner ("2 s ago")."""
    if state.age_s is None:
        return "–"
    return QCoreApplication.translate("Live", "{0} s ago").format(f"{state.age_s:.0f}")


def stale_colour() -> str:
    """The grey of a readout that is not live, for the current theme (>= 4.5:1 contrast)."""
    return STALE_COLOUR_DARK if is_dark() else STALE_COLOUR


def set_style(widget: QWidget, css: str) -> None:
    """``setStyleSheet`` only when the style differs from the one the widget has now.

    Setting a style sheet re-polishes the widget and its children (style, fonts, size hints,
    a layout pass): at the receiver's rate that alone kept a core busy. Comparing with the
    widget's own sheet, not a cache of ours, stays right after a theme switch rewrote it.
    """
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)
