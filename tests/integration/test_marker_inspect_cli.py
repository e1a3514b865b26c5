"""`fieldapp marker inspect|inspections|history` on the documented demo job, end to end."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from inspectkit import (
    ANTENNA_M,
    capture_at,
    copy_job,
    documented_job,
    dump,
    jpeg,
    plain_jpeg,
    stake_position,
)
from jobkit import assert_no_crash, rows
from jobkit import run as run_process

from fieldapp.cli import main
from fieldapp.operations import job_grid
from fieldapp.store import JobStore
from fieldapp.survey.crs import transform
from fieldapp.survey.stakeout import SRGI2013_GEO

SURVEYOR = "Budi Santoso, S.T."  # the demo job's surveyor


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return documented_job(tmp_path_factory.mktemp("tpl") / "demo.fieldapp")


@pytest.fixture
def job(template: Path, tmp_path: Path) -> Path:
    return copy_job(template, tmp_path / "demo.fieldapp")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_inspect_with_photos_and_a_gnss_check_then_list_and_history(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    cap = capture_at(tmp_path / "cek.nmea", lat, lon, h, north_m=-0.02, east_m=0.05)
    veg, north = jpeg(tmp_path / "veg.jpg"), jpeg(tmp_path / "utara.jpg", "utara")
    code, out, err = run(
        capsys, "marker", "inspect", job, "4", "--condition", "baik",
        "--vegetation-cleared", "yes", "--photo", veg, "--direction", "vegetasi",
        "--photo", north, "--direction", "utara", "--date", "2026-12-01",
        "--surveyor", SURVEYOR, "--access", "jalan setapak baik", "--action", "cat ulang",
        "--check-nmea", cap, "--antenna-height", str(ANTENNA_M),
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    assert "inspection 1 of marker 4 on 2026-12-01: baik, vegetation cleared yes" in out
    assert "horizontal 0.05" in out and "(within 0.10 m)" in out
    assert "photo vegetasi: photos/pemeliharaan/4_vegetasi_" in out
    code, out, _ = run(capsys, "marker", "inspections", job, "--json")
    [found] = json.loads(out)
    c = found["check"]
    assert (found["marker"], found["inspected_on"], found["surveyor"]) == ("4", "2026-12-01",
                                                                            SURVEYOR)  # fmt: skip
    assert c["dn_m"] == pytest.approx(-0.02, abs=0.005)
    assert c["de_m"] == pytest.approx(0.05, abs=0.005)
    assert c["passed"] is True and c["fix_quality"] == 4
    assert [p["direction"] for p in found["photos"]] == ["vegetasi", "utara"]
    for p in found["photos"]:
        assert (job / p["file_name"]).is_file()
    code, out, _ = run(capsys, "marker", "inspections", job, "4")
    assert out.startswith("2026-12-01  4      baik") and "photos 2" in out
    code, out, _ = run(capsys, "marker", "history", job, "4", "--json")
    kinds = [e["kind"] for e in json.loads(out)]
    assert kinds[0] == "staked" and "inspected" in kinds and "documented" in kinds


def test_a_failing_check_is_recorded_and_said(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lat, lon, h = stake_position(job, "4A")
    assert h is not None
    cap = capture_at(tmp_path / "cek.nmea", lat, lon, h, north_m=0.30)
    photo = plain_jpeg(tmp_path / "p.jpg", "brown")
    code, out, err = run(
        capsys, "marker", "inspect", job, "4A", "--condition", "bergeser",
        "--vegetation-cleared", "no", "--photo", photo, "--direction", "detail",
        "--date", "2026-12-02", "--check-nmea", cap, "--antenna-height", "1.8",
        "--action", "dilaporkan untuk pemasangan ulang",
    )  # fmt: skip
    assert code == 0, err
    assert "horizontal 0.299" in out and "(OUTSIDE 0.10 m)" in out
    assert rows(job, "SELECT check_passed FROM inspection") == [(0,)]
    code, out, _ = run(capsys, "marker", "history", job, "4A")
    assert "moved" in out and "Tanda Batas ditemukan bergeser" in out


def gsi16(path: Path, station: tuple[float, float, float], shots: list[tuple[str, float, float]]):
    """A Leica GSI-16 file: one set-up (E N H, instrument height 1.5), level shots by Hz, SD."""

    def word(wi: int, info: str, value: float | str, scale: float = 1000) -> str:
        if isinstance(value, str):
            return f"{wi:02d}{info}+{value.rjust(16, '0')}"
        return f"{wi:02d}{info}{'-' if value < 0 else '+'}{round(abs(value) * scale):016d}"

    e, n, h = station
    lines = [" ".join(("*" + word(11, "0001", "TB-04"), word(84, "..10", e), word(85, "..10", n),
                       word(86, "..10", h), word(88, "..10", 1.5)))]  # fmt: skip
    for k, (pid, hz, sd) in enumerate(shots, start=2):
        lines.append(" ".join((
            "*" + word(11, f"{k:04d}", pid), word(21, ".323", hz, 1e5),
            word(22, ".323", 90.0, 1e5), word(31, "..00", sd), word(87, "..10", 1.5),
        )))  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_total_station_check_shot(
    job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    with JobStore.open(job) as store:
        grid = job_grid(store)
    e, n, _ = transform(SRGI2013_GEO, grid, lon, lat)
    # The station 40 m south of the stake; the prism 0.03 m east and 0.02 m north of it.
    de, dn = 0.03, 0.02
    hz = math.degrees(math.atan2(de, 40.0 + dn))
    ts = gsi16(tmp_path / "cek.gsi", (e, n - 40.0, h), [("4-CEK", hz, math.hypot(de, 40 + dn))])
    code, out, err = run(
        capsys, "marker", "inspect", job, "4", "--condition", "baik",
        "--vegetation-cleared", "no", "--date", "2026-12-01", "--check-ts", ts, "--shot", "4-CEK",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "marker", "inspections", job, "4", "--json")
    c = json.loads(out)[0]["check"]
    assert c["source"] == "ts" and "cek.gsi" in c["detail"] and "4-CEK" in c["detail"]
    assert c["dn_m"] == pytest.approx(dn, abs=0.003)
    assert c["de_m"] == pytest.approx(de, abs=0.003)
    assert c["dh_m"] == pytest.approx(0.0, abs=0.002)
    assert c["passed"] is True and c["fix_quality"] is None
    before = dump(job)
    code, _, err = run(capsys, "marker", "inspect", job, "4", "--condition", "baik",
                       "--vegetation-cleared", "no", "--check-ts", ts, "--shot", "9")  # fmt: skip
    assert code == 2 and "--shot 9: no such point in" in err and "4-CEK" in err
    assert dump(job) == before


BAD = [
    (["4", "--date", "2099-01-01"], "date 2099-01-01: in the future"),
    (["4", "--date", "2026-10-01"], "date 2026-10-01: before marker 4 was installed"),
    (["5"], "marker 5 is planned: it was never installed"),
    (["Z1"], "no marker named 'Z1'"),
    (["4", "--surveyor", "Tono"], "surveyor 'Tono': not in this job"),
    (["4", "--vegetation-cleared", "yes"], "needs a photo with direction vegetasi"),
    (["4", "--photo", "{txt}", "--direction", "detail"], "not an image that can be read"),
    (["4", "--photo", "{veg}"], "--photo given 1 times, --direction 0 times"),
    (["4", "--check-nmea", "{float}"], "no usable fix: none of 20 epochs passed the gates"),
    (["4", "--check-nmea", "{real}"], "no usable fix"),
    (["4", "--check-nmea", "{short}"], "no usable fix: 5 usable epochs, 10 required"),
    (["4", "--check-nmea", "missing.nmea"], "--check-nmea missing.nmea: no such capture file"),
    (["4", "--shot", "P1"], "--shot needs --check-ts FILE"),
]


def test_bad_input_is_one_line_and_leaves_the_job_unchanged(
    job: Path, tmp_path: Path, shared_data: Path
) -> None:
    lat, lon, h = stake_position(job, "4")
    assert h is not None
    txt = tmp_path / "foto.jpg"
    txt.write_text("bukan foto")
    files = {
        "txt": txt,
        "veg": jpeg(tmp_path / "veg.jpg"),
        "float": capture_at(tmp_path / "float.nmea", lat, lon, h, quality=5),
        "short": capture_at(tmp_path / "short.nmea", lat, lon, h, epochs=5),
        "real": shared_data / "nmea" / "nmea-rtk.log",
    }
    before = dump(job)
    for extra, message in BAD:
        argv = [a.format(**files) for a in extra]
        date = [] if "--date" in argv else ["--date", "2026-12-01"]
        veg = [] if "--vegetation-cleared" in argv else ["--vegetation-cleared", "no"]
        result = run_process("marker", "inspect", job, *argv, "--condition", "baik", *veg, *date)
        assert_no_crash(result)
        assert result.returncode == 2, (argv, result.stderr)
        assert message in result.stderr, (argv, result.stderr)
        assert dump(job) == before, argv
