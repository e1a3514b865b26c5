"""Crafted job spec files given to `fieldapp office assign`: one line naming the file, bounded
memory, no traceback, nothing assigned. The files are made here, at test time.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from probe import assert_clean_refusal, probe
from synckit import run_cli

from fieldapp.demo_job import create_demo_job
from fieldapp.sync.bagit import BagError, parse_bag_info, parse_manifest
from fieldapp.sync.jobspec import spec_from_job


@pytest.fixture(scope="module")
def good_spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with create_demo_job(tmp_path_factory.mktemp("spec") / "demo.fieldapp") as store:
        return spec_from_job(store.db)


def _boundary(doc: dict[str, Any]) -> list[dict[str, Any]]:
    features: list[dict[str, Any]] = doc["data"]["boundary_points.geojson"]["features"]
    return features


def _crafted(good: dict[str, Any]) -> dict[str, bytes]:
    def spec(change: Any) -> bytes:
        doc = copy.deepcopy(good)
        change(doc)
        return json.dumps(doc).encode()

    many = copy.deepcopy(good)
    _boundary(many)[:] = [_boundary(good)[0]] * 20_000
    return {
        "huge.json": b'{"format": "fieldapp-assignment/1", "pad": "' + b"x" * (9 * 2**20) + b'"}',
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "bad.json": b'{"format": "fieldapp-assignment/1", "data": {',
        "latin1.json": '{"name": "Tanah Grogot é"}'.encode("latin-1"),
        "nan.json": spec(lambda d: _boundary(d)[0]["properties"].update(lat=float("nan"))),
        "inf.json": spec(lambda d: _boundary(d)[1]["properties"].update(lon=float("inf"))),
        "text-lat.json": spec(lambda d: _boundary(d)[0]["properties"].update(lat="0,5 LS")),
        "list-area.json": spec(lambda d: d["data"]["job.json"]["permit_area"].update(
            sk_area_ha=[745.5])),
        "many.json": json.dumps(many).encode(),
        "data-list.json": spec(lambda d: d.update(data=[1, 2], job_id=None)),
        "name-newline.json": spec(lambda d: d["data"]["job.json"]["permit_area"].update(
            name="WIUP\nfieldapp: ok")),
    }  # fmt: skip


def test_crafted_spec_files_are_refused_in_one_line(
    good_spec: dict[str, Any], tmp_path: Path
) -> None:
    data = tmp_path / "kantor"
    added = run_cli("office", "device", "add", "--data", str(data), "laptop-01")
    assert added.returncode == 0, added.stderr
    for name, content in _crafted(good_spec).items():
        path = tmp_path / name
        path.write_bytes(content)
        result = probe("office", "assign", "--data", data, "--device", "laptop-01", path)
        assert_clean_refusal(result, str(path))
    # The good spec is still revision 1: none of the crafted ones was stored as an assignment.
    path = tmp_path / "good.json"
    path.write_text(json.dumps(good_spec), encoding="utf-8")
    done = run_cli("office", "assign", "--data", str(data), "--device", "laptop-01", str(path))
    assert done.returncode == 0 and "as revision 1" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("reader", "data"),
    [
        (parse_manifest, b"\xff\xfe" + b"0" * 64 + b"  data/x\n"),
        (parse_bag_info, b"Source-Organization: \xe9\n"),
        (parse_manifest, b"0" * 64 + b"  ../../etc/passwd\n"),
        (parse_manifest, b"0" * 64 + b"  data/a\n" + b"0" * 64 + b"  data/a\n"),
    ],
)
def test_bag_tag_files_refuse_with_a_bag_error(reader: Any, data: bytes) -> None:
    with pytest.raises(BagError):
        reader(data)
