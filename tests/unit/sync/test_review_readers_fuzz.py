"""The review page's readers over hostile package files: typed results or typed errors only.

Seeds: the demo job's real exported records (what a laptop seals into data/) and small images
Pillow writes; hypothesis replaces any JSON node with NaN, infinities, huge numbers, wrong types
or deep nesting, or mutates bytes. Blobs live in a real FileBlobStore.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from fieldapp.demo_job import create_demo_job
from fieldapp.sync.export import export_job
from fieldapp.sync.office import files, reading
from fieldapp.sync.office.blobs import FileBlobStore
from fieldapp.sync.office.review import FileRow
from fieldapp.sync.office.web import marker_svg

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 10**400, True, None]),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.lists(st.floats(allow_nan=True), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("seed") / "demo.fieldapp"
    with create_demo_job(path) as store:
        exported = export_job(store.db)
    # The demo job has no markers yet; its boundary points are the same shape (Point
    # features with properties) and its file holds the permit polygon as well.
    doc: dict[str, Any] = json.loads(exported["data/boundary_points.geojson"])
    assert doc["features"], "the demo job has points to mutate"
    return doc


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> FileBlobStore:
    return FileBlobStore(tmp_path_factory.mktemp("office"))


def put(store: FileBlobStore, path: str, data: bytes) -> FileRow:
    sha = hashlib.sha256(data).hexdigest()
    if not store.has(sha):
        with store.open_partial(sha, 0) as fh:
            fh.write(data)
        assert store.finish(sha).ok
    return FileRow(path, sha, len(data))


def _nodes(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _nodes(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:4]):
            found += _nodes(value, (*prefix, i))
    return found


def check_map(drawn: reading.MapData) -> None:
    assert isinstance(drawn, reading.MapData)
    for p in drawn.points:
        assert math.isfinite(p.lon) and math.isfinite(p.lat)
        assert -180 <= p.lon <= 180 and -90 <= p.lat <= 90 and len(p.name) <= reading.MAX_NAME
    assert all(isinstance(x, str) and x.startswith("data/") for x in drawn.problems)
    svg = marker_svg(drawn)
    assert re.search(r"\b(nan|inf)\b", svg) is None, svg


@SETTINGS
@given(data=st.data())
def test_mutated_markers_give_map_data(
    seed: dict[str, Any], store: FileBlobStore, data: st.DataObject
) -> None:
    doc = copy.deepcopy(seed)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_nodes(doc)))
        value = data.draw(HOSTILE)
        if not where:
            doc = value
            break
        node = doc
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = value
    raw = json.dumps(doc, allow_nan=True).encode()
    rows = [
        put(store, name, raw) for name in ("data/markers.geojson", "data/boundary_points.geojson")
    ]
    check_map(reading.load_map(store, rows))


@SETTINGS
@given(
    cut=st.integers(0, 2000),
    flips=st.lists(st.tuples(st.integers(0, 5000), st.integers(1, 255)), max_size=6),
)
def test_byte_mutated_markers_give_map_data(
    seed: dict[str, Any], store: FileBlobStore, cut: int, flips: list[tuple[int, int]]
) -> None:
    raw = bytearray(json.dumps(seed).encode())
    for at, xor in flips:
        raw[at % len(raw)] ^= xor
    rows = [
        put(store, name, bytes(raw[cut:]))
        for name in ("data/markers.geojson", "data/boundary_points.geojson")
    ]
    check_map(reading.load_map(store, rows))


def _image(fmt: str) -> bytes:
    out = BytesIO()
    Image.new("RGB", (48, 32), (10, 200, 30)).save(out, fmt)
    return out.getvalue()


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    fmt=st.sampled_from(["JPEG", "PNG", "WEBP"]),
    cut=st.integers(0, 400),
    flips=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 255)), max_size=4),
)
def test_mutated_images_give_a_fresh_image_or_preview_error(
    fmt: str, cut: int, flips: list[tuple[int, int]]
) -> None:
    raw = bytearray(_image(fmt))
    for at, xor in flips:
        raw[at % len(raw)] ^= xor
    raw = raw[: len(raw) - cut] if cut < len(raw) else raw
    try:
        shown = files.raster_preview(bytes(raw))
    except files.PreviewError as exc:
        assert str(exc)
        return
    with Image.open(BytesIO(shown.data)) as img:
        img.load()
        assert img.format in ("JPEG", "PNG") and max(img.size) <= files.PREVIEW_EDGE
        assert not img.getexif()


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    name=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="/"),
        min_size=1,
        max_size=40,
    )
)
def test_content_disposition_is_ascii_and_names_the_file_exactly(name: str) -> None:
    header = files.content_disposition(f"data/documents/{name}")
    assert header.isascii() and "\r" not in header and "\n" not in header
    assert header.startswith('attachment; filename="')
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert '"' not in fallback and "\\" not in fallback
    assert unquote(header.split("filename*=UTF-8''", 1)[1]) == name


def test_files_outside_the_package_and_lost_blobs_are_named(
    store: FileBlobStore, tmp_path: Path
) -> None:
    missing = reading.load_map(store, [])
    assert missing.problems == ["data/markers.geojson: tidak ada dalam paket"]
    lost = FileRow("data/markers.geojson", "0" * 64, 10)
    (problem,) = reading.load_map(store, [lost]).problems
    assert "tidak terbaca di penyimpanan kantor" in problem
