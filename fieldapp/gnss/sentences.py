"""NMEA 0183 sentence writers (GGA RMC GSA GSV GST) with checksums, for the simulator and NTRIP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.gnss.fix import Fix


def checksum(body: str) -> str:
    """XOR of the characters between '$' and '*', as two upper-case hex digits."""
    value = 0
    for byte in body.encode("ascii"):
        value ^= byte
    return f"{value:02X}"


def sentence(body: str) -> bytes:
    """'GPGGA,...' -> b'$GPGGA,...*hh\\r\\n'."""
    return f"${body}*{checksum(body)}\r\n".encode("ascii")


def _opt(value: float | int | None, fmt: str) -> str:
    return "" if value is None else format(value, fmt)


def _time(t: dt.time | None) -> str:
    if t is None:
        return ""
    return f"{t.hour:02d}{t.minute:02d}{t.second:02d}.{t.microsecond // 10000:02d}"


def _lat(lat: float | None) -> tuple[str, str]:
    if lat is None:
        return "", ""
    a = abs(lat)
    deg = int(a)
    return f"{deg:02d}{(a - deg) * 60:011.8f}", "N" if lat >= 0 else "S"


def _lon(lon: float | None) -> tuple[str, str]:
    if lon is None:
        return "", ""
    a = abs(lon)
    deg = int(a)
    return f"{deg:03d}{(a - deg) * 60:011.8f}", "E" if lon >= 0 else "W"


def gga(fix: Fix, talker: str = "GN") -> bytes:
    """GGA from a Fix; altitude is MSL with the geoid separation, as receivers send it."""
    lat, ns = _lat(fix.lat)
    lon, ew = _lon(fix.lon)
    quality = fix.quality if fix.quality is not None else (1 if fix.has_position else 0)
    sep = fix.geoid_sep
    alt = fix.alt_msl
    if alt is None and fix.height is not None:
        alt = fix.height - (sep or 0.0)
    fields = [
        f"{talker}GGA",
        _time(fix.time_of_day),
        lat,
        ns,
        lon,
        ew,
        str(quality),
        _opt(fix.sats_used, "02d"),
        _opt(fix.hdop, ".1f"),
        _opt(alt, ".3f"),
        "M" if alt is not None else "",
        _opt(sep, ".3f"),
        "M" if sep is not None else "",
        _opt(fix.correction_age_s, ".1f"),
        fix.base_id or "",
    ]
    return sentence(",".join(fields))


def rmc(fix: Fix, talker: str = "GN", mode: str = "A") -> bytes:
    """RMC (NMEA 4.10 with the navigational status field)."""
    lat, ns = _lat(fix.lat)
    lon, ew = _lon(fix.lon)
    date = fix.date.strftime("%d%m%y") if fix.date else ""
    speed_kn = None if fix.speed_mps is None else fix.speed_mps / 0.514444
    status = "A" if fix.has_position else "V"
    fields = [
        f"{talker}RMC",
        _time(fix.time_of_day),
        status,
        lat,
        ns,
        lon,
        ew,
        _opt(speed_kn, ".3f"),
        _opt(fix.course_deg, ".2f"),
        date,
        "",
        "",
        mode if fix.has_position else "N",
        "V",
    ]
    return sentence(",".join(fields))


def gsa(
    prns: Sequence[int],
    pdop: float | None,
    hdop: float | None,
    vdop: float | None,
    *,
    talker: str = "GN",
    system_id: int | None = 1,
    fix_3d: bool = True,
) -> bytes:
    """GSA with up to 12 used PRNs; `system_id` is the NMEA 4.10 field (1 GPS, 2 GLONASS ...)."""
    slots = [str(p) for p in list(prns)[:12]] + [""] * (12 - min(len(prns), 12))
    fields = [f"{talker}GSA", "A", "3" if fix_3d else "1", *slots]
    fields += [_opt(pdop, ".1f"), _opt(hdop, ".1f"), _opt(vdop, ".1f")]
    if system_id is not None:
        fields.append(f"{system_id:X}")
    return sentence(",".join(fields))


@dataclass(frozen=True, slots=True)
class SkySat:
    """One satellite for a GSV sentence."""

    prn: int
    elevation_deg: int
    azimuth_deg: int
    snr_dbhz: int | None


def gsv(sats: Sequence[SkySat], talker: str = "GP", signal_id: int | None = 1) -> list[bytes]:
    """GSV group: four satellites per sentence, all sentences counted and numbered."""
    groups = [sats[i : i + 4] for i in range(0, len(sats), 4)] or [[]]
    out = []
    for n, group in enumerate(groups, start=1):
        fields = [f"{talker}GSV", str(len(groups)), str(n), f"{len(sats):02d}"]
        for s in group:
            fields += [f"{s.prn:02d}", f"{s.elevation_deg:02d}", f"{s.azimuth_deg:03d}"]
            fields.append(_opt(s.snr_dbhz, "02d"))
        if signal_id is not None:
            fields.append(f"{signal_id:X}")
        out.append(sentence(",".join(fields)))
    return out


def gst(
    t: dt.time | None,
    rms: float,
    semi_major: float,
    semi_minor: float,
    orientation_deg: float,
    sigma_lat: float,
    sigma_lon: float,
    sigma_alt: float,
    talker: str = "GN",
) -> bytes:
    """GST pseudorange error statistics, metres."""
    fields = [
        f"{talker}GST",
        _time(t),
        f"{rms:.3f}",
        f"{semi_major:.3f}",
        f"{semi_minor:.3f}",
        f"{orientation_deg:.1f}",
        f"{sigma_lat:.3f}",
        f"{sigma_lon:.3f}",
        f"{sigma_alt:.3f}",
    ]
    return sentence(",".join(fields))
