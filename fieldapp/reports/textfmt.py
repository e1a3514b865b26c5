"""Numbers, angles and dates written the way Indonesian survey documents write them."""

from __future__ import annotations

import datetime as dt

from fieldapp.reports.terbilang import BULAN
from fieldapp.store.equipment import EquipmentKind
from fieldapp.survey.dms import format_dms
from fieldapp.survey.installation import WitnessCategory

WITNESS_ID = {
    WitnessCategory.DISTRICT_VILLAGE_OFFICER: "Aparat kecamatan/desa",
    WitnessCategory.NEIGHBOUR_PERMIT_HOLDER: "Pemegang izin berbatasan",
    WitnessCategory.OTHER_SECTOR_PERMIT_HOLDER: "Pemegang izin sektor lain",
    WitnessCategory.LAND_RIGHT_HOLDER: "Pemegang hak atas tanah",
    WitnessCategory.FORESTRY_OFFICER: "Petugas kehutanan",
    WitnessCategory.OTHER_COMMODITY_PERMIT_HOLDER: "Pemegang izin komoditas lain",
}
EQUIPMENT_ID = {
    EquipmentKind.GNSS_RECEIVER: "Receiver GNSS",
    EquipmentKind.TOTAL_STATION: "Total Station",
    EquipmentKind.OTHER: "Lainnya",
}
DIRECTION_ID = {
    "utara": "Utara",
    "timur": "Timur",
    "selatan": "Selatan",
    "barat": "Barat",
    "detail": "Detail (dekat)",
}


def num(value: float | None, decimals: int = 3, signed: bool = False) -> str:
    """Decimal comma, no thousands separator (coordinates are read digit by digit)."""
    if value is None:
        return "-"
    text = f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
    return text.replace("-", "−").replace(".", ",")


def lat_dms(value: float, decimals: int = 3) -> str:
    return format_dms(value, "lat", decimals, unicode_marks=True)


def lon_dms(value: float, decimals: int = 3) -> str:
    return format_dms(value, "lon", decimals, unicode_marks=True)


def azimuth_dms(deg: float) -> str:
    """An azimuth 0..360 as ``123° 45′ 06″``."""
    total = round((deg % 360.0) * 3600)
    d, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{d % 360:d}° {m:02d}′ {s:02d}″"


def date_id(day: dt.date) -> str:
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def date_short(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def iso_date(text: str | None) -> str:
    """An ISO date (as SK dates are stored) in words of the month; the text as is if not ISO."""
    if not text:
        return "-"
    try:
        return date_id(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text
