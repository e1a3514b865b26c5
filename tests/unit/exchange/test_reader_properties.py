"""Property tests: any bytes, text or wrong-shaped JSON give the typed result or the typed error.

Seeded from the repository's own boundary/control fixtures and the demo WIUP (../shared/data
has no boundary files). In process, derandomized, a fixed number of examples each.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.exchange.areas import AreaFeature, AreaFileError, read_area_features
from fieldapp.exchange.boundary_import import BoundaryTable, read_boundary_file
from fieldapp.exchange.control_import import read_control_table
from fieldapp.exchange.plausible import HEIGHT_RANGE, lonlat_problem
from fieldapp.exchange.problems import ImportFailed
from fieldapp.survey.models import ControlPoint

ROOT = Path(__file__).resolve().parents[3]
SK = ROOT / "tests" / "fixtures" / "sk"
SEEDS = {
    p.name: p.read_bytes()
    for p in [*SK.iterdir(), *(ROOT / "resources" / "demo").iterdir()]
    if p.suffix in (".csv", ".txt", ".kml", ".geojson")
}
BOUNDARY_SEEDS = sorted(n for n in SEEDS if not n.startswith(("kontrol", "aktivitas", "job")))
CONTROL_SEEDS = sorted(n for n in SEEDS if n.startswith("kontrol"))
SUFFIXES = [".csv", ".txt", ".geojson", ".kml", ".xlsx"]

FUZZ = settings(
    # FUZZ_EXAMPLES=2000 for a longer local run; CI keeps the default (about 12 s in all).
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that matter to the readers: numbers, DMS marks, separators, hemispheres, quotes.
_CHARS = "0123456789.,;\t\n\r -+eE°'\"″NSEWLUBT{}[]<>/:&#٣²"
_ALPHABET = st.sampled_from([*_CHARS, "nan", "inf", "1e400"])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _write(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


def _assert_boundary(path: Path) -> None:
    """The property: a WIUP-shaped table inside Indonesia, or ImportFailed naming the file."""
    try:
        table = read_boundary_file(path)
    except ImportFailed as exc:
        assert exc.problems and all(p.file == str(path) for p in exc.problems)
        return
    assert isinstance(table, BoundaryTable)
    assert len({(p.lon, p.lat) for p in table.points}) >= 3
    assert len({p.number for p in table.points}) == len(table.points)
    assert all(lonlat_problem(p.lon, p.lat) is None for p in table.points)


def _assert_control(path: Path) -> None:
    try:
        points = read_control_table(path, default_crs="SRGI2013/UTM50S")
    except ImportFailed as exc:
        assert exc.problems and all(p.file == str(path) for p in exc.problems)
        return
    for c in points:
        assert isinstance(c, ControlPoint) and lonlat_problem(c.lon, c.lat) is None
        assert c.h is None or HEIGHT_RANGE[0] <= c.h <= HEIGHT_RANGE[1]
        assert math.isfinite(c.input_a) and math.isfinite(c.input_b)


def _assert_areas(path: Path) -> None:
    try:
        features = read_area_features(path)
    except AreaFileError as exc:
        assert str(exc).startswith(str(path))
        return
    for f in features:
        assert isinstance(f, AreaFeature) and f.rings
        for ring in f.rings:
            assert len(set(ring)) >= 3
            assert all(lonlat_problem(lon, lat) is None for lon, lat in ring)


@st.composite
def mutated(draw: st.DrawFn, names: list[str]) -> tuple[str, bytes]:
    """A seed file with a few characters replaced, inserted or deleted."""
    name = draw(st.sampled_from(names))
    text = SEEDS[name].decode("utf-8")
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(_ALPHABET) + text[at + cut :]
    return name, text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])))


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes(folder: Path, data: bytes, suffix: str) -> None:
    _assert_boundary(_write(folder, suffix, data))


@FUZZ
@given(seed=mutated(BOUNDARY_SEEDS))
def test_mutated_boundary_fixtures(folder: Path, seed: tuple[str, bytes]) -> None:
    name, data = seed
    path = _write(folder, Path(name).suffix, data)
    _assert_boundary(path)
    if path.suffix in (".geojson", ".kml"):
        _assert_areas(path)


@FUZZ
@given(seed=mutated(CONTROL_SEEDS))
def test_mutated_control_fixtures(folder: Path, seed: tuple[str, bytes]) -> None:
    _assert_control(_write(folder, ".csv", seed[1]))


_KEYS = st.sampled_from(
    [
        *("type", "coordinates", "features", "geometry", "geometries", "properties"),
        *("name", "kind", "depth_m", "height_m"),
    ]
)
_TYPES = st.sampled_from(
    ["Polygon", "MultiPolygon", "Feature", "FeatureCollection", "GeometryCollection", "Point"]
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.floats(-12, 141)
    | _TYPES
    | st.text(max_size=5)
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=40,
)


@FUZZ
@given(doc=_JSON)
def test_structured_but_wrong_geojson(folder: Path, doc: object) -> None:
    path = _write(folder, ".geojson", json.dumps(doc).encode())
    _assert_boundary(path)
    _assert_areas(path)


_CELL = (
    st.sampled_from(["116 54 10,125 BT", "00 31 20,350 LS", "1", "BM", "TB", "SRGI2013", ""])
    | st.floats(allow_nan=True).map(str)
    | st.text(_CHARS, max_size=8)
)


@FUZZ
@given(
    header=st.sampled_from(
        ["No;Bujur (BT);Lintang (LS)", "Nama;Jenis;Easting;Northing;Tinggi", "Nama;Lintang;Bujur"]
    ),
    rows=st.lists(st.lists(_CELL, min_size=0, max_size=5), max_size=12),
)
def test_structured_tables(folder: Path, header: str, rows: list[list[str]]) -> None:
    text = "\n".join([header, *(";".join(r) for r in rows)])
    path = _write(folder, ".csv", text.encode())
    _assert_boundary(path)
    _assert_control(path)


@settings(FUZZ, max_examples=40)
@given(flips=st.lists(st.tuples(st.integers(0, 5389), st.integers(0, 255)), max_size=4))
def test_damaged_workbook(folder: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray((SK / "sk_split_columns.xlsx").read_bytes())
    for at, value in flips:
        data[at % len(data)] = value
    _assert_boundary(_write(folder, ".xlsx", bytes(data)))


_KML_TAGS = st.sampled_from(
    [
        *("Placemark", "Polygon", "outerBoundaryIs", "innerBoundaryIs", "LinearRing"),
        *("coordinates", "name", "Data", "value", "SimpleData", "MultiGeometry", "Folder"),
    ]
)
_COORDS = st.lists(
    st.tuples(st.floats(90, 144) | st.floats(), st.floats(-11.5, 6.5) | st.floats()), max_size=6
).map(lambda pts: " ".join(f"{x},{y},0" for x, y in pts))
_XML = st.recursive(
    _COORDS | st.text(_CHARS.replace("<", "").replace("&", ""), max_size=10),
    lambda inner: st.builds(
        lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>", _KML_TAGS, st.lists(inner, max_size=4)
    ),
    max_leaves=30,
)


@FUZZ
@given(body=_XML)
def test_structured_but_wrong_kml(folder: Path, body: str) -> None:
    text = f'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">{body}</kml>'
    path = _write(folder, ".kml", text.encode())
    _assert_boundary(path)
    _assert_areas(path)
