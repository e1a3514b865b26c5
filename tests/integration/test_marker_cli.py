"""`fieldapp marker` and `fieldapp surveyor` end to end on a job folder."""

from __future__ import annotations

import functools
import json
import operator
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0, make_fix, noisy
from PIL import Image

from fieldapp.cli import main
from fieldapp.store import JobStore
from fieldapp.store.occupations import load_epochs, load_occupations
from fieldapp.store.records import replace_boundary_points
from fieldapp.survey.models import BoundaryPoint


def nmea(body: str) -> str:
    return f"${body}*{functools.reduce(operator.xor, body.encode(), 0):02X}\r\n"


def synthetic_capture(path: Path, epochs: int = 40) -> Path:
    """RMC+GGA+GSA+GST per second at the reference point; every 4th epoch RTK float."""
    lat = f"{int(abs(LAT0)):02d}{(abs(LAT0) % 1) * 60:010.7f}"
    lon = f"{int(LON0):03d}{(LON0 % 1) * 60:010.7f}"
    out = ["# synthetic capture for the marker CLI test\n"]
    for i in range(epochs):
        t = f"0300{i:02d}.00"
        q = 5 if i % 4 == 0 else 4
        out += [
            nmea(f"GNRMC,{t},A,{lat},S,{lon},E,0.0,0.0,050324,,,R,V"),
            nmea(f"GNGGA,{t},{lat},S,{lon},E,{q},20,0.6,42.000,M,10.0,M,1.0,0001"),
            nmea("GNGSA,A,3,01,02,03,04,05,06,,,,,,,1.2,0.6,1.0,1"),
            nmea(f"GNGST,{t},0.5,0.02,0.01,30.0,0.010,0.012,0.020"),
        ]
    path.write_text("".join(out))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def job(tmp_path: Path) -> str:
    return sk_job(tmp_path)


def sk_job(tmp_path: Path) -> str:
    """A job with a four-point SK boundary around the reference point: names follow it."""
    store = JobStore.create(tmp_path / "demo.fieldapp", "Demo")
    corners = [(LAT0, LON0), (LAT0, LON0 + 0.01), (LAT0 - 0.01, LON0 + 0.01), (LAT0 - 0.01, LON0)]
    replace_boundary_points(
        store.db,
        [BoundaryPoint(str(i), la, lo, f"{la}", f"{lo}") for i, (la, lo) in enumerate(corners, 1)],
    )
    store.close()
    return str(tmp_path / "demo.fieldapp")


def photo(path: Path, colour: str) -> str:
    Image.new("RGB", (32, 32), colour).save(path, "JPEG")
    return str(path)


def test_whole_installation_through_the_cli(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "surveyor", "add", job, "--name", "Budi", "--certificate", "C-1",
               "--kpo", "K-2")[0] == 0  # fmt: skip
    assert "Budi" in run(capsys, "surveyor", "list", job)[1]
    assert run(capsys, "marker", "add", job, "1", "--lat", str(LAT0), "--lon", str(LON0),
               "--kind", "corner", "--h", "40")[0] == 0  # fmt: skip
    code, out, _ = run(capsys, "marker", "occupy", job, "1", "--replay",
                       str(synthetic_capture(tmp_path / "cap.nmea")), "--antenna-height", "1.8",
                       "--pco", "0.06", "--surveyor", "Budi", "--json")  # fmt: skip
    assert code == 0, out
    data = json.loads(out)
    result = data["occupation"]["result"]
    assert result["passed"] and result["epochs_used"] == 30
    assert result["rejected_by_reason"] == {"not_fixed": 10}
    assert result["sigma_source"] == "GST"
    assert result["mark_h"] == pytest.approx(52.0 - 1.86)
    assert data["stake"]["delta"]["horizontal_m"] < 1e-6
    raw = data["occupation"]["raw_log"]
    assert (Path(job) / raw).read_bytes() == (tmp_path / "cap.nmea").read_bytes()

    assert run(capsys, "marker", "describe", job, "1", "--desa", "Sungai Lunuk", "--kecamatan",
               "Long Ikis", "--kabupaten", "Paser", "--provinsi", "Kalimantan Timur",
               "--access", "km 4", "--condition", "baik")[0] == 0  # fmt: skip
    for i, d in enumerate(("utara", "timur", "selatan", "barat", "detail")):
        f = photo(tmp_path / f"{d}.jpg", f"#{i}{i}0000")
        assert run(capsys, "marker", "photo", job, "1", f, "--direction", d)[0] == 0
    code, out, _ = run(capsys, "marker", "witness", job, "1", "--name", "Pak Camat",
                       "--institution", "Kecamatan Long Ikis", "--category",
                       "district-village-officer")  # fmt: skip
    assert code == 0
    # Marker 1's monument was occupied on its true point: no reference marker beside it.
    code, _, err = run(capsys, "marker", "reference", job, "1", "--lat", str(LAT0 - 1e-4),
                       "--lon", str(LON0))  # fmt: skip
    assert code != 0 and "already has a monument on its true point" in err
    # Marker 2's true point lies in a swamp: located by total station, referenced 11 m south.
    assert run(capsys, "marker", "add", job, "2", "--lat", str(LAT0), "--lon", str(LON0 + 1e-3),
               "--kind", "corner")[0] == 0  # fmt: skip
    assert run(capsys, "marker", "stake", job, "2", "--lat", str(LAT0), "--lon",
               str(LON0 + 1e-3), "--source", "ts", "--shot", "gsi:7")[0] == 0  # fmt: skip
    assert run(capsys, "marker", "reference", job, "2", "--lat", str(LAT0 - 1e-4), "--lon",
               str(LON0 + 1e-3))[0] == 0  # fmt: skip

    listing = json.loads(run(capsys, "marker", "list", job, "--json")[1])
    assert listing[0]["status"] == "documented" and listing[0]["missing_photos"] == []
    shown = json.loads(run(capsys, "marker", "show", job, "1", "--json")[1])
    assert shown["status"] == "documented" and len(shown["photos"]) == 5
    assert shown["references"] == []
    shown = json.loads(run(capsys, "marker", "show", job, "2", "--json")[1])
    assert shown["references"][0]["geometry"]["azimuth_deg"] == pytest.approx(0.0, abs=1e-6)
    text = run(capsys, "marker", "show", job, "1")[1]
    assert "status documented" in text and "PASSED" in text

    assert run(capsys, "marker", "withdraw", job, "witness", "1", "--reason", "typo")[0] == 0
    assert json.loads(run(capsys, "marker", "list", job, "--json")[1])[0]["status"] == "installed"


def test_second_occupation_reports_the_comparison(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "marker", "add", job, "1", "--lat", str(LAT0), "--lon", str(LON0))
    lines = []
    for i, (dn, de, du) in enumerate(noisy(35, scale=0.005)):
        f = make_fix(i, dn + 0.02, de, du)
        lines.append(json.dumps({
            "time": f"{f.date}T{f.time_of_day}Z", "lat": f.lat, "lon": f.lon, "height": f.height,
            "quality": f.quality, "pdop": f.pdop, "sigma_lat": 0.01, "sigma_lon": 0.01,
            "sigma_alt": 0.02, "sigma_source": "estimated",
        }))  # fmt: skip
    (tmp_path / "b.jsonl").write_text("\n".join(lines))
    cap = str(synthetic_capture(tmp_path / "a.nmea"))
    assert (
        run(capsys, "marker", "occupy", job, "1", "--replay", cap, "--antenna-height", "2")[0] == 0
    )
    code, out, _ = run(capsys, "marker", "occupy", job, "1", "--replay", str(tmp_path / "b.jsonl"),
                       "--antenna-height", "2", "--no-stake")  # fmt: skip
    assert code == 0 and "vs earlier" in out and "(receiver sigma: estimated)" in out
    with JobStore.open(job) as store:
        occs = load_occupations(store.db, "1")
        assert occs[1].result is not None and occs[1].result.comparison is not None
        assert occs[1].result.comparison.dn_m == pytest.approx(0.02, abs=0.005)
        stakes = store.db.execute("SELECT COUNT(*) FROM stake").fetchone()[0]
        assert stakes == 1  # --no-stake


def test_real_rtk_capture_without_gst_fails_the_default_profile_but_keeps_every_epoch(
    job: str, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "marker", "add", job, "1", "--lat", str(LAT0), "--lon", str(LON0))
    cap = shared_data / "nmea" / "nmea-rtk.log"
    code, out, _ = run(capsys, "marker", "occupy", job, "1", "--replay", str(cap), "--json")
    assert code == 1
    result = json.loads(out)["occupation"]["result"]
    assert not result["passed"] and "no_epochs" in result["failures"]
    # 18 RTK fixed epochs, but only a DOP estimate of the horizontal sigma and no vertical one.
    assert result["rejected_by_reason"]["not_fixed"] > 100
    assert result["rejected_by_reason"]["no_sigma"] > 0
    with JobStore.open(job) as store:
        occ = load_occupations(store.db, "1")[0]
        assert occ.epochs_on_disk == result["epochs_rejected"] > 100
        assert len(load_epochs(store.db, occ.id)) == occ.epochs_on_disk


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["marker", "show", "{job}", "9Z"], "no marker named '9Z'"),
        (["marker", "photo", "{job}", "1", "{tmp}/missing.jpg", "--direction", "utara"],
         "missing.jpg: no such file"),
        (["marker", "photo", "{job}", "1", "{tmp}/notes.txt", "--direction", "utara"],
         "notes.txt: not an image"),
        (["marker", "occupy", "{job}", "1", "--replay", "{tmp}/none.nmea"], "none.nmea"),
        (["marker", "stake", "{job}", "1", "--lat", "1", "--lon", "2", "--source", "gnss"],
         "occupation"),
        (["marker", "occupy", "{job}", "1", "--replay", "{tmp}/notes.txt", "--profile", "x"],
         "unknown occupation profile 'x'"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    run(capsys, "marker", "add", job, "1", "--lat", str(LAT0), "--lon", str(LON0))
    (tmp_path / "notes.txt").write_text("not a photo")
    code, _, err = run(capsys, *(a.format(job=job, tmp=tmp_path) for a in argv))
    assert code == 2 and message in err
    with JobStore.open(job) as store:
        assert store.db.execute("SELECT COUNT(*) FROM photo").fetchone()[0] == 0
    assert list((Path(job) / "photos").iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["marker", "photo", "{job}", "1", "x.jpg", "--direction", "north"],
        [
            "marker",
            "witness",
            "{job}",
            "1",
            "--name",
            "A",
            "--institution",
            "B",
            "--category",
            "camat",
        ],
    ],
)  # fmt: skip
def test_invalid_direction_and_category_are_usage_errors(
    job: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([a.format(job=job) for a in argv])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "north" in err or "unknown category 'camat'" in err


def test_recover_lists_and_finishes_an_interrupted_occupation(
    job: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.store.occupations import begin_occupation
    from fieldapp.survey.occupation import profile_named

    run(capsys, "marker", "add", job, "1", "--lat", str(LAT0), "--lon", str(LON0))
    with JobStore.open(job) as store:
        rec = begin_occupation(store.db, "1", profile_named("rapid"))
        for i in range(12):
            rec.add(make_fix(i))
    code, out, _ = run(capsys, "marker", "recover", job)
    assert code == 0 and "INCOMPLETE" in out and "12 epochs" in out
    code, out, _ = run(capsys, "marker", "recover", job, "1")
    assert code == 0 and "PASSED" in out
    assert "no incomplete occupations" in run(capsys, "marker", "recover", job)[1]
    assert "not running" in run(capsys, "marker", "recover", job, "1")[2]
