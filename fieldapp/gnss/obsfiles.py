"""What a GNSS observation file is: UBX or RTCM 3 raw log, RINEX observation or navigation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.gnss.rawframes import scan_raw_file
from fieldapp.gnss.rinex import RinexError, RinexNav, gpst_iso, rinex_type, scan_rinex

KINDS = ("ubx", "rtcm3", "rinex-obs", "rinex-nav")


class ObsFileError(ValueError):
    """A file that is no usable GNSS observation: "FILE: what is wrong"."""


@dataclass(frozen=True, slots=True)
class ObsFile:
    """One file as the app sees it; the header fields are those of a RINEX observation file."""

    path: Path
    kind: str  # one of KINDS
    epochs: int  # observation epochs; 0 for navigation files
    first_gpst: str | None  # ISO 8601, GPS time
    last_gpst: str | None
    interval_s: float | None
    marker_name: str | None = None
    receiver: str | None = None
    antenna_type: str | None = None
    approx_xyz: tuple[float, float, float] | None = None  # ECEF metres
    antenna_delta_hen: tuple[float, float, float] | None = None
    rinex_version: str | None = None
    nav_records: int = 0  # broadcast ephemeris records (RINEX navigation files)
    truncated: bool = False  # a raw log whose last frame was cut (the frames before are whole)


def identify(path: Path) -> ObsFile:
    """Reads the file through once; raises ObsFileError for empty, truncated or non-GNSS files."""
    try:
        with path.open("rb") as f:
            head = f.read(200)
    except OSError as exc:
        raise ObsFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not head:
        raise ObsFileError(f"{path}: empty file")
    first_line = head.split(b"\n", 1)[0].decode("ascii", "replace").rstrip("\r")
    if "CRINEX VERS" in first_line:
        raise ObsFileError(
            f"{path}: Hatanaka-compressed RINEX: expand it with CRX2RNX first (RTKLIB reads "
            "plain RINEX)"
        )
    if rinex_type(first_line) is not None:
        return _rinex(path)
    return _raw(path)


def _rinex(path: Path) -> ObsFile:
    try:
        scan = scan_rinex(path)
    except RinexError as exc:
        raise ObsFileError(str(exc)) from None
    if isinstance(scan, RinexNav):
        if scan.records == 0:
            raise ObsFileError(f"{path}: navigation file with no ephemeris records")
        return ObsFile(
            path=path,
            kind="rinex-nav",
            epochs=0,
            # For navigation files: the first and last ephemeris epoch.
            first_gpst=gpst_iso(scan.first),
            last_gpst=gpst_iso(scan.last),
            interval_s=None,
            rinex_version=scan.version,
            nav_records=scan.records,
        )
    if scan.epochs == 0:
        raise ObsFileError(f"{path}: RINEX observation file with no observation epochs")
    return ObsFile(
        path=path,
        kind="rinex-obs",
        epochs=scan.epochs,
        first_gpst=gpst_iso(scan.first),
        last_gpst=gpst_iso(scan.last),
        interval_s=scan.interval_s,
        marker_name=scan.marker_name,
        receiver=scan.receiver,
        antenna_type=scan.antenna_type,
        approx_xyz=scan.approx_xyz,
        antenna_delta_hen=scan.antenna_delta_hen,
        rinex_version=scan.version,
    )


def _raw(path: Path) -> ObsFile:
    try:
        scan = scan_raw_file(path)
    except OSError as exc:
        raise ObsFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if scan.protocol is None:
        raise ObsFileError(
            f"{path}: not a GNSS observation file (no RINEX header, no UBX or RTCM 3 frames)"
        )
    if scan.observation_epochs == 0:
        what = "RXM-RAWX/RXM-RAW" if scan.protocol == "ubx" else "MSM or 1002/1004/1010/1012"
        cut = " (its last frame is cut: truncated)" if scan.truncated else ""
        raise ObsFileError(f"{path}: {scan.protocol.upper()} log with no {what} observations{cut}")
    return ObsFile(
        path=path,
        kind=scan.protocol,
        epochs=scan.observation_epochs,
        first_gpst=scan.first_gpst,
        last_gpst=scan.last_gpst,
        interval_s=scan.interval_s,
        # A log whose link dropped or that was copied mid-write ends in a cut frame (both raw
        # files of RTKLIB's test set do); the frames before it are whole and convbin skips
        # the cut one, so the file is used, and says so.
        truncated=scan.truncated,
    )
