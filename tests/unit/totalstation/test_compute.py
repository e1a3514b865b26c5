"""`ts compute` against coordinates the instrument or the file recorded."""

from __future__ import annotations

import json
import math

import pytest

from fieldapp.cli import main
from fieldapp.commands.ts import to_events
from fieldapp.gnss.totalstation.formats import parse_file
from fieldapp.survey.ts_reduce import reduce_events


def test_recomputed_coordinates_match_wi_81_83(fixtures_dir) -> None:
    """Every block that holds WI 81-83 is recomputed from its raw words to 2 mm."""
    result = parse_file(fixtures_dir / "totalstation" / "gsi16_utm_stations.gsi")
    reduction = reduce_events(to_events(result.records))
    compared = [p for p in reduction.points if p.recorded_e is not None]
    assert len(compared) == 7 == len([o for o in result.observations if o.e is not None])
    worst = 0.0
    for p in compared:
        assert p.recorded_n is not None and p.recorded_h is not None and p.h is not None
        worst = max(worst, math.hypot(p.e - p.recorded_e, p.n - p.recorded_n))
        worst = max(worst, abs(p.h - p.recorded_h))
    assert worst < 0.002, f"max deviation {worst * 1000:.2f} mm"
    assert {p.station_id for p in compared} == {"TB01", "TB02"}


def test_nikon_check_shots_hit_the_control_points(shared_data) -> None:
    """Real data: station 202 (resected on 101/102), then check shots 1011/1012 to them."""
    result = parse_file(shared_data / "totalstation" / "geoeasy_nikon_focus6_1.sdr")
    points = {p.point_id: p for p in reduce_events(to_events(result.records)).points}
    for shot, control in (("1011", (-6.794, -4.347, 0.432)), ("1012", (-6.773, -0.172, 0.603))):
        p = points[shot]
        assert p.h is not None
        # The controller itself reports dHD = 0.002 m for these two after its resection.
        assert math.hypot(p.e - control[0], p.n - control[1]) < 0.004
        assert abs(p.h - control[2]) < 0.002


def test_cli_compute_jsonl(fixtures_dir, capsys) -> None:
    path = fixtures_dir / "totalstation" / "gsi16_utm_stations.gsi"
    assert main(["ts", "compute", str(path), "--jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == {
        "point_id": "P1",
        "e": pytest.approx(456812.910, abs=0.002),
        "n": pytest.approx(9812466.797, abs=0.002),
        "h": pytest.approx(47.636, abs=0.002),
        "station_id": "TB01",
        "line": 2,
    }
    assert [r["line"] for r in rows] == [2, 3, 4, 5, 7, 8, 9]


def test_cli_parse_jsonl_and_diagnostics(fixtures_dir, capsys) -> None:
    path = fixtures_dir / "totalstation" / "gsi8_bad_words.gsi"
    assert main(["ts", "parse", str(path), "--jsonl"]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {
        "point_id": "100",
        "hz": pytest.approx(103.9068),
        "v": pytest.approx(88.9677),
        "sd": 12.345,
        "line": 1,
    }
    assert len(rows) == 7
    assert f"{path}:2: error: corrupted GSI word" in err
    assert f"{path}:3: error: unknown word index 99" in err


def test_cli_table_and_unknown_format(tmp_path, shared_data, capsys) -> None:
    assert main(["ts", "parse", str(shared_data / "totalstation" / "tops_RILIEVO.gsi")]) == 0
    assert "23 records" in capsys.readouterr().out
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\nworld\n")
    assert main(["ts", "parse", str(junk)]) == 2
    assert "unknown total-station format" in capsys.readouterr().err
