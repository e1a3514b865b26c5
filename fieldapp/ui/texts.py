"""Translated words for core enums: fix types, marker status, reject reasons, directions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fieldapp.gnss.fix import GgaQuality, SigmaSource
from fieldapp.gnss.link import LinkState
from fieldapp.survey.models import MarkerStatus
from fieldapp.survey.stakeout import ToleranceState

if TYPE_CHECKING:
    # Imported in the functions below: the window opens without the installation and
    # occupation modules, which come with their views.
    from fieldapp.survey.installation import PhotoDirection, WitnessCategory
    from fieldapp.survey.occupation import FailReason, RejectReason


def local_time(iso: str) -> str:
    """A stored UTC time as this machine's local time (what the surveyor's watch says)."""
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def fix_type(quality: int | None) -> str:
    words = {
        GgaQuality.RTK_FIXED: QCoreApplication.translate("Texts", "RTK Fixed"),
        GgaQuality.RTK_FLOAT: QCoreApplication.translate("Texts", "RTK Float"),
        GgaQuality.DGPS: QCoreApplication.translate("Texts", "DGPS"),
        GgaQuality.AUTONOMOUS: QCoreApplication.translate("Texts", "Autonomous"),
        GgaQuality.PPS: QCoreApplication.translate("Texts", "PPS"),
        GgaQuality.DEAD_RECKONING: QCoreApplication.translate("Texts", "Dead reckoning"),
        GgaQuality.MANUAL: QCoreApplication.translate("Texts", "Manual"),
        GgaQuality.SIMULATION: QCoreApplication.translate("Texts", "Simulation"),
    }
    if quality is None or quality == GgaQuality.INVALID:
        return QCoreApplication.translate("Texts", "No fix")
    try:
        return words[GgaQuality(quality)]
    except (ValueError, KeyError):
        return QCoreApplication.translate("Texts", "Unknown ({0})").format(quality)


def sigma_source(src: SigmaSource | None) -> str:
    if src is SigmaSource.GST:
        return QCoreApplication.translate("Texts", "measured")
    if src is SigmaSource.ESTIMATED:
        return QCoreApplication.translate("Texts", "estimated")
    return QCoreApplication.translate("Texts", "unknown")


def link_state(state: LinkState | None) -> str:
    return (
        {
            LinkState.CONNECTING: QCoreApplication.translate("Texts", "Connecting"),
            LinkState.LIVE: QCoreApplication.translate("Texts", "Live"),
            LinkState.STALE: QCoreApplication.translate("Texts", "No data"),
            LinkState.LOST: QCoreApplication.translate("Texts", "Lost"),
            LinkState.STOPPED: QCoreApplication.translate("Texts", "Disconnected"),
        }.get(state, QCoreApplication.translate("Texts", "Disconnected"))
        if state
        else QCoreApplication.translate("Texts", "Disconnected")
    )


def marker_status(status: str) -> str:
    return {
        MarkerStatus.PLANNED: QCoreApplication.translate("Texts", "planned"),
        MarkerStatus.STAKED: QCoreApplication.translate("Texts", "staked"),
        MarkerStatus.INSTALLED: QCoreApplication.translate("Texts", "installed"),
        MarkerStatus.DOCUMENTED: QCoreApplication.translate("Texts", "documented"),
    }.get(MarkerStatus(status), status)


def tolerance_state(state: ToleranceState) -> str:
    return {
        ToleranceState.FAR: QCoreApplication.translate("Texts", "Far"),
        ToleranceState.NEAR: QCoreApplication.translate("Texts", "Near"),
        ToleranceState.WITHIN: QCoreApplication.translate("Texts", "Within tolerance"),
    }.get(state, str(state))


def reject_reason(reason: RejectReason) -> str:
    from fieldapp.survey.occupation import RejectReason

    return {
        RejectReason.NO_TIME: QCoreApplication.translate("Texts", "no time"),
        RejectReason.NO_POSITION: QCoreApplication.translate("Texts", "no position"),
        RejectReason.IMPLAUSIBLE: QCoreApplication.translate(
            "Texts", "position or height not a plausible number"
        ),
        RejectReason.NOT_FIXED: QCoreApplication.translate("Texts", "not RTK fixed"),
        RejectReason.NO_HEIGHT: QCoreApplication.translate("Texts", "no height"),
        RejectReason.NO_SIGMA: QCoreApplication.translate("Texts", "no sigma"),
        RejectReason.SIGMA_ESTIMATED: QCoreApplication.translate("Texts", "sigma only estimated"),
        RejectReason.SIGMA_H: QCoreApplication.translate("Texts", "horizontal sigma too large"),
        RejectReason.SIGMA_V: QCoreApplication.translate("Texts", "vertical sigma too large"),
        RejectReason.NO_PDOP: QCoreApplication.translate("Texts", "no PDOP"),
        RejectReason.PDOP: QCoreApplication.translate("Texts", "PDOP too high"),
        RejectReason.DUPLICATE_TIME: QCoreApplication.translate("Texts", "duplicate time"),
        RejectReason.OUTLIER: QCoreApplication.translate("Texts", "outlier"),
    }.get(reason, str(reason))


def fail_reason(reason: FailReason) -> str:
    from fieldapp.survey.occupation import FailReason

    return {
        FailReason.NO_EPOCHS: QCoreApplication.translate("Texts", "no usable epochs"),
        FailReason.TOO_FEW_EPOCHS: QCoreApplication.translate("Texts", "too few epochs"),
        FailReason.TOO_SHORT: QCoreApplication.translate("Texts", "too short"),
        FailReason.SCATTER_H: QCoreApplication.translate("Texts", "horizontal scatter too large"),
        FailReason.SCATTER_V: QCoreApplication.translate("Texts", "vertical scatter too large"),
    }.get(reason, str(reason))


def photo_direction(d: PhotoDirection) -> str:
    from fieldapp.survey.installation import PhotoDirection

    return {
        PhotoDirection.UTARA: QCoreApplication.translate("Texts", "North"),
        PhotoDirection.TIMUR: QCoreApplication.translate("Texts", "East"),
        PhotoDirection.SELATAN: QCoreApplication.translate("Texts", "South"),
        PhotoDirection.BARAT: QCoreApplication.translate("Texts", "West"),
        PhotoDirection.DETAIL: QCoreApplication.translate("Texts", "Close-up"),
    }[d]


def witness_category(c: WitnessCategory) -> str:
    from fieldapp.survey.installation import WitnessCategory

    return {
        WitnessCategory.DISTRICT_VILLAGE_OFFICER: QCoreApplication.translate(
            "Texts", "District/village officer"
        ),
        WitnessCategory.NEIGHBOUR_PERMIT_HOLDER: QCoreApplication.translate(
            "Texts", "Neighbouring permit holder"
        ),
        WitnessCategory.OTHER_SECTOR_PERMIT_HOLDER: QCoreApplication.translate(
            "Texts", "Other-sector permit holder"
        ),
        WitnessCategory.LAND_RIGHT_HOLDER: QCoreApplication.translate("Texts", "Land-right holder"),
        WitnessCategory.FORESTRY_OFFICER: QCoreApplication.translate("Texts", "Forestry officer"),
        WitnessCategory.OTHER_COMMODITY_PERMIT_HOLDER: QCoreApplication.translate(
            "Texts", "Other-commodity permit holder"
        ),
    }[c]
