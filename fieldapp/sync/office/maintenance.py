"""A package's pemeliharaan.json and kind, checked field by field: a device's JSON is untrusted."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.sync.maintenance_export import FORMAT, KIND_FIELD, MAINTENANCE_FILE, PackageKind
from fieldapp.sync.office.blobs import BlobStore

MAX_FILE_BYTES = 16 << 20
MAX_RECORDS = 20_000  # per list: markers, inspections, reinstallations
MAX_PHOTOS = 50  # per inspection
MAX_NAME = 80
MAX_TEXT = 2_000
MAX_METRES = 1e7  # a coordinate delta or tolerance past this is no measurement
CONDITIONS = ("baik", "rusak", "tercabut", "hilang", "bergeser")
DAMAGED = ("rusak", "tercabut", "hilang", "bergeser")
DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail", "vegetasi")
REINSTALL_STATES = ("terbuka", "selesai", "dibatalkan")
MARKER_STATES = ("planned", "staked", "installed", "documented")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHA = re.compile(r"[0-9a-f]{64}")


class MaintenanceDataError(ValueError):
    """The package's maintenance data is unusable; the message names the file and field."""


@dataclass(frozen=True, slots=True)
class MarkerRow:
    name: str
    status: str
    installed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class CheckRow:
    source: str
    horizontal_m: float
    tolerance_m: float
    passed: bool | None


@dataclass(frozen=True, slots=True)
class PhotoRef:
    file: str  # the bag path, checked against the package's manifest
    sha256: str
    direction: str
    caption: str | None


@dataclass(frozen=True, slots=True)
class InspectionRow:
    uuid: str
    marker: str
    inspected_on: dt.date
    surveyor: str | None
    condition: str
    vegetation_cleared: bool
    access_condition: str | None
    action_taken: str | None
    note: str | None
    check: CheckRow | None
    photos: tuple[PhotoRef, ...]
    withdrawn: bool


@dataclass(frozen=True, slots=True)
class ReinstallationRow:
    uuid: str
    marker: str
    reason: str
    status: str  # terbuka | selesai | dibatalkan
    opened_on: dt.date
    closed_on: dt.date | None
    progress: str | None  # how far it has come: planned | staked | installed | documented


@dataclass(frozen=True, slots=True)
class MaintenanceData:
    markers: tuple[MarkerRow, ...]
    inspections: tuple[InspectionRow, ...]
    reinstallations: tuple[ReinstallationRow, ...]


class _Fields:
    """Typed reads of one JSON object; every refusal names where it is."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise MaintenanceDataError(f"{where}: an object was expected")
        self.doc, self.where = value, where

    def _fail(self, key: str, expected: str) -> MaintenanceDataError:
        got = type(self.doc.get(key)).__name__ if key in self.doc else "nothing"
        return MaintenanceDataError(f"{self.where}.{key}: {expected} expected, got {got}")

    def text(self, key: str, limit: int = MAX_TEXT, *, optional: bool = False) -> str | None:
        value = self.doc.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise self._fail(key, f"a non-empty text of at most {limit} characters")
        return value

    def required(self, key: str, limit: int = MAX_TEXT) -> str:
        value = self.text(key, limit)
        assert value is not None
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.doc.get(key)
        if value not in allowed:
            raise self._fail(key, "one of " + ", ".join(allowed))
        return str(value)

    def flag(self, key: str, *, optional: bool = False) -> bool | None:
        value = self.doc.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def metres(self, key: str) -> float:
        value = self.doc.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a number")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number) or abs(number) > MAX_METRES:
            raise MaintenanceDataError(
                f"{self.where}.{key}: a finite number of at most {MAX_METRES:g} expected"
            )
        return number

    def date(self, key: str, *, optional: bool = False) -> dt.date | None:
        """YYYY-MM-DD, or the date of an ISO timestamp (opened_at and the like); not after
        tomorrow (the laptop refuses future dates; a day covers its time zone)."""
        value = self.doc.get(key)
        if value is None and optional:
            return None
        day = None
        if isinstance(value, str) and len(value) <= 40 and _DATE.match(value):
            with contextlib.suppress(ValueError):  # 2024-02-30 and the like
                day = dt.date.fromisoformat(value[:10])
        if day is None:
            raise self._fail(key, "a date YYYY-MM-DD")
        if day > dt.date.today() + dt.timedelta(days=1):
            raise MaintenanceDataError(f"{self.where}.{key}: {day} is in the future")
        return day

    def items(self, key: str, limit: int) -> list[Any]:
        value = self.doc.get(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        if len(value) > limit:
            raise MaintenanceDataError(f"{self.where}.{key}: more than {limit:,} entries")
        return value


def _check(value: Any, where: str) -> CheckRow | None:
    if value is None:
        return None
    f = _Fields(value, where)
    tolerance = f.metres("tolerance_m")
    if tolerance <= 0:
        raise MaintenanceDataError(f"{where}.tolerance_m: a positive number expected")
    return CheckRow(
        f.choice("source", ("gnss", "ts")),
        abs(f.metres("horizontal_m")),
        tolerance,
        f.flag("passed", optional=True),
    )


def _photo(value: Any, where: str, files: Mapping[str, str]) -> PhotoRef:
    f = _Fields(value, where)
    path = f.required("file", 1024)
    sha = f.required("sha256", 64)
    if not _SHA.fullmatch(sha):
        raise MaintenanceDataError(f"{where}.sha256: 64 lowercase hex digits expected")
    if files.get(path) != sha:
        held = "is not in the package" if path not in files else "differs from the package's copy"
        raise MaintenanceDataError(f"{where}: photo {path[:200]!r} {held} (SHA-256 {sha[:12]}…)")
    return PhotoRef(path, sha, f.choice("direction", DIRECTIONS), f.text("caption", optional=True))


def parse_maintenance(doc: Any, files: Mapping[str, str]) -> MaintenanceData:
    """The validated record; ``files`` maps the package's paths to their SHA-256."""
    top = _Fields(doc, MAINTENANCE_FILE)
    if doc.get("format") != FORMAT or doc.get("version") != 1:
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: not {FORMAT} version 1")
    markers = []
    for n, item in enumerate(top.items("markers", MAX_RECORDS)):
        f = _Fields(item, f"markers[{n}]")
        status = f.choice("status", MARKER_STATES)
        markers.append(
            MarkerRow(f.required("name", MAX_NAME), status, f.date("installed_on", optional=True))
        )
    names = {m.name for m in markers}
    if len(names) != len(markers):
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: a marker name is listed twice")

    def marker(f: _Fields) -> str:
        name = f.required("marker", MAX_NAME)
        if name not in names:
            raise MaintenanceDataError(f"{f.where}.marker: {name!r} is not a marker of the job")
        return name

    inspections = []
    for n, item in enumerate(top.items("inspections", MAX_RECORDS)):
        f = _Fields(item, f"inspections[{n}]")
        photos = f.items("photos", MAX_PHOTOS)
        inspections.append(
            InspectionRow(
                uuid=f.required("uuid", MAX_NAME),
                marker=marker(f),
                inspected_on=f.date("inspected_on") or dt.date.min,
                surveyor=f.text("surveyor", MAX_NAME, optional=True),
                condition=f.choice("condition", CONDITIONS),
                vegetation_cleared=bool(f.flag("vegetation_cleared")),
                access_condition=f.text("access_condition", optional=True),
                action_taken=f.text("action_taken", optional=True),
                note=f.text("note", optional=True),
                check=_check(f.doc.get("check"), f"{f.where}.check"),
                photos=tuple(
                    _photo(p, f"{f.where}.photos[{k}]", files) for k, p in enumerate(photos)
                ),
                withdrawn=f.date("withdrawn_at", optional=True) is not None,
            )
        )
    reinstallations = []
    for n, item in enumerate(top.items("reinstallations", MAX_RECORDS)):
        f = _Fields(item, f"reinstallations[{n}]")
        status = f.choice("status", REINSTALL_STATES)
        reinstallations.append(
            ReinstallationRow(
                uuid=f.required("uuid", MAX_NAME),
                marker=marker(f),
                reason=f.required("reason"),
                status=status,
                opened_on=f.date("opened_at") or dt.date.min,
                closed_on=f.date("closed_at", optional=True),
                progress=None
                if f.doc.get("progress") is None
                else f.choice("progress", MARKER_STATES),
            )
        )
    return MaintenanceData(tuple(markers), tuple(inspections), tuple(reinstallations))


def package_kind(info: Mapping[str, str]) -> PackageKind:
    """The kind in bag-info; a package from before kinds were written is an installation."""
    raw = info.get(KIND_FIELD)
    if raw is None:
        return PackageKind.PEMASANGAN
    try:
        return PackageKind(raw)
    except ValueError:
        allowed = ", ".join(k.value for k in PackageKind)
        raise MaintenanceDataError(
            f"bag-info {KIND_FIELD} is {raw[:40]!r}; one of {allowed} expected"
        ) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def decode(raw: bytes) -> Any:
    """Strict JSON of a pemeliharaan.json; MaintenanceDataError for anything else."""
    if len(raw) > MAX_FILE_BYTES:
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: larger than {MAX_FILE_BYTES:,} bytes")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: not UTF-8 (byte {exc.start})") from None
    except RecursionError:
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: JSON nested too deeply") from None
    except ValueError as exc:
        reason = str(exc).splitlines()[0][:200]
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: invalid JSON ({reason})") from None


# Parsed records by the SHA-256 of the file and of its photo list: the same bytes always
# give the same record, and the overview reads every WIUP's on each request.
_CACHE: OrderedDict[tuple[str, str], MaintenanceData] = OrderedDict()
_CACHE_SIZE = 64
_CACHE_LOCK = threading.Lock()


def load_maintenance(
    blobs: BlobStore, files: Mapping[str, tuple[str, int]]
) -> MaintenanceData | None:
    """The package's record (None: the package has none, as before issue 19)."""
    entry = files.get(MAINTENANCE_FILE)
    if entry is None:
        return None
    sha, size = entry
    if size > MAX_FILE_BYTES:
        raise MaintenanceDataError(f"{MAINTENANCE_FILE}: larger than {MAX_FILE_BYTES:,} bytes")
    hashes = {path: h for path, (h, _) in files.items()}
    # Photos are checked against the manifest, so the key holds the whole file list's hash.
    listing = json.dumps(sorted(hashes.items())).encode("utf-8")
    key = (sha, hashlib.sha256(listing).hexdigest())
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    try:
        with blobs.open(sha) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise MaintenanceDataError(
            f"{MAINTENANCE_FILE}: not readable at the office ({exc})"
        ) from None
    data = parse_maintenance(decode(raw), hashes)
    with _CACHE_LOCK:  # pages are served from a thread pool
        _CACHE[key] = data
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return data
