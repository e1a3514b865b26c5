"""`fieldapp marker occupy` records the method: antenna after, base station, instrument."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixfactory import LAT0, LON0
from test_marker_cli import run, sk_job, synthetic_capture

from fieldapp.store import JobStore
from fieldapp.store.occupations import load_occupations


@pytest.fixture
def job(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = Path(sk_job(tmp_path))  # a four-point SK: marker names follow it
    assert run(capsys, "marker", "add", str(path), "1", "--lat", str(LAT0), "--lon", str(LON0),
               "--h", "40")[0] == 0  # fmt: skip
    assert run(capsys, "equipment", "add", str(path), "--kind", "gnss_receiver", "--model",
               "CHCNAV i73+", "--serial", "3374-1928-0041")[0] == 0  # fmt: skip
    return str(path)


def test_antenna_after_base_and_instrument_are_stored(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cap = str(synthetic_capture(tmp_path / "cap.nmea"))
    code, out, _ = run(capsys, "marker", "occupy", job, "1", "--replay", cap,
                       "--antenna-height", "1.800", "--antenna-height-after", "1.808",
                       "--base", "BM-02", "--instrument", "3374-1928-0041")  # fmt: skip
    assert code == 0, out
    assert "base BM-02" in out
    assert "antenna height after 1.808 m (after - before +8 mm)  CHANGED > 5 mm" in out
    with JobStore.open(job) as store:
        (occ,) = load_occupations(store.db, "1")
    assert occ.antenna_after_m == pytest.approx(1.808)
    assert occ.antenna_change_m == pytest.approx(0.008) and occ.antenna_changed
    assert occ.base_station == "BM-02" and occ.base_ids == ("0001",)  # GGA's station ID
    assert occ.equipment_id is not None
    code, out, _ = run(capsys, "marker", "occupy", job, "1", "--replay", cap, "--json",
                       "--antenna-height", "1.8", "--antenna-height-after", "1.803")  # fmt: skip
    record = json.loads(out)["occupation"]
    assert record["antenna_after_m"] == pytest.approx(1.803) and code == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--antenna-height", "1.8", "--antenna-height-after", "18"], "outside 0..5 m"),
        (["--antenna-height-after", "1.8"], "needs --antenna-height"),
        (["--antenna-height", "1.8", "--instrument", "NOPE"], "no instrument with serial 'NOPE'"),
    ],
)
def test_bad_method_input_is_refused_and_nothing_is_stored(
    job: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    cap = str(synthetic_capture(tmp_path / "cap.nmea"))
    code, _, err = run(capsys, "marker", "occupy", job, "1", "--replay", cap, *extra)
    assert code == 2 and message in err
    with JobStore.open(job) as store:
        assert load_occupations(store.db, "1") == []
