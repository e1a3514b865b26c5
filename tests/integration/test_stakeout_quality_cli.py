"""`fieldapp stakeout --replay --jsonl` on real captures: "within" only for RTK fixed with a
measured sigma that passes the job's quality profile; `fieldapp job quality` sets the profile."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from testpaths import shared_data_dir

from fieldapp.gnss.capture import read_capture, replay_bytes
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.models import Marker, MarkerKind


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=120
    )


def job_at(tmp_path: Path, capture: Path, quality: int | None = None) -> Path:
    """A job whose marker "T" is at the mean position of the capture's epochs (of a quality)."""
    fixes = [f for f in replay_bytes(read_capture(capture).data).fixes if f.has_position]
    if quality is not None:
        fixes = [f for f in fixes if f.quality == quality]
    lat = statistics.fmean(f.lat for f in fixes if f.lat is not None)
    lon = statistics.fmean(f.lon for f in fixes if f.lon is not None)
    zone = int((lon + 180) // 6) + 1
    path = tmp_path / f"{capture.stem}.fieldapp"
    with JobStore.create(path, "quality test", crs=f"WGS84/UTM{zone}{'N' if lat >= 0 else 'S'}"):
        pass
    with JobStore.open(path) as store:
        rec.upsert_markers(store.db, [Marker("T", MarkerKind.CORNER, 1, lat, lon)])
    return path


def stakeout(job: Path, capture: Path, *extra: str) -> list[dict[str, object]]:
    res = run("stakeout", str(job), "--target", "T", "--replay", str(capture), "--jsonl", *extra)
    assert res.returncode == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines() if '"target"' in line]


@pytest.mark.parametrize(
    ("name", "quality", "fix", "sigma_source"),
    [
        ("hemi.log", 1, "autonomous", "estimated"),
        ("skytraq-dgps.log", 2, "dgps", "measured"),
        ("ublox-zed-f9r.log", 5, "rtk float", "measured"),  # GST sigma H 0.08-0.095 m passes
        ("nmea-rtk.log", 4, "rtk fixed", "estimated"),  # fixed, but no GST: sigma unproven
    ],
)
def test_real_captures_at_the_design_point_are_never_within(
    tmp_path: Path, name: str, quality: int, fix: str, sigma_source: str
) -> None:
    capture = shared_data_dir() / "nmea" / name
    job = job_at(tmp_path, capture, quality)
    lines = [r for r in stakeout(job, capture) if r["quality"] == quality]
    assert lines
    assert all(r["state"] != "within" for r in lines)
    inside = [r for r in lines if r["distance_m"] <= 0.10]  # type: ignore[operator]
    assert all(r["state"] == "quality" for r in inside)
    for r in lines:
        assert r["fix"] == fix and r["sigma_source"] == sigma_source
        assert r["quality_ok"] is False and r["quality_problems"]
        assert fix in str(r["quality_reason"])
    # With a loose tolerance every epoch is inside it, and still none proves a stake.
    loose = [r for r in stakeout(job, capture, "--tolerance", "10") if r["quality"] == quality]
    assert {r["state"] for r in loose} == {"quality"}
    assert all(r["tolerance_m"] == 10 and r["max_sigma_h_m"] == 10 for r in loose)
    if fix == "rtk float":
        # Its measured sigma passes: the fix type alone is why.
        assert {tuple(r["quality_problems"]) for r in loose} == {("fix_type",)}  # type: ignore[arg-type]
        assert all(r["sigma_h_m"] < 0.1 for r in loose)  # type: ignore[operator]


def _sim_capture(path: Path, config: SimConfig, epochs: int) -> Path:
    sim = Simulator(config)
    path.write_bytes(b"# simulated receiver standing on the marker\n" +
                     b"".join(sim.next_epoch() for _ in range(epochs)))  # fmt: skip
    return path


def test_rtk_fixed_with_passing_gst_is_within_and_the_profile_decides(tmp_path: Path) -> None:
    fixed = _sim_capture(tmp_path / "fixed.nmea", SimConfig(noise_m=0.005), 10)
    job = job_at(tmp_path, fixed)
    lines = stakeout(job, fixed)
    assert len(lines) == 10
    for r in lines:
        assert r["fix"] == "rtk fixed" and r["sigma_source"] == "measured"
        assert r["sigma_h_m"] <= 0.10  # type: ignore[operator]
    assert {r["state"] for r in lines} == {"within"}
    assert all(r["quality_ok"] and r["quality_reason"] is None for r in lines)

    # The job's profile: a sigma limit below the capture's GST sigma turns it into "quality".
    res = run("job", "quality", str(job), "--sigma-h", "0.005", "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == {
        "tolerance_m": 0.1, "required_fix": "rtk-fixed", "max_sigma_h_m": 0.005,
        "sigma_h_follows_tolerance": False, "changed": True,
    }  # fmt: skip
    strict = stakeout(job, fixed)
    assert {r["state"] for r in strict} == {"quality"}
    assert {tuple(r["quality_problems"]) for r in strict} == {("sigma_too_large",)}  # type: ignore[arg-type]
    text = run("stakeout", str(job), "--target", "T", "--replay", str(fixed))
    assert "INSIDE TOLERANCE, NOT PROVEN" in text.stdout and "rtk fixed" in text.stdout
    assert "WITHIN" not in text.stdout

    # A float receiver with a tiny GST sigma is "quality" unless the job accepts float.
    flt = _sim_capture(tmp_path / "float.nmea", SimConfig(quality=5, noise_m=0.005), 5)
    run("job", "quality", str(job), "--sigma-h", "tolerance")
    assert {r["state"] for r in stakeout(job, flt)} == {"quality"}
    assert run("job", "quality", str(job), "--fix", "rtk-float").returncode == 0
    assert {r["state"] for r in stakeout(job, flt)} == {"within"}
    shown = run("job", "quality", str(job))
    assert "required fix rtk-float" in shown.stdout and "(the tolerance)" in shown.stdout


def test_job_quality_rejects_nonsense(tmp_path: Path) -> None:
    fixed = _sim_capture(tmp_path / "fixed.nmea", SimConfig(), 2)
    job = job_at(tmp_path, fixed)
    for args in (("--tolerance", "0"), ("--tolerance", "nan"), ("--sigma-h", "-1"),
                 ("--sigma-h", "abc")):  # fmt: skip
        res = run("job", "quality", str(job), *args)
        assert res.returncode == 2 and "Traceback" not in res.stderr, args
    res = run("stakeout", str(job), "--target", "T", "--replay", str(fixed), "--tolerance", "-1")
    assert res.returncode == 2 and "--tolerance" in res.stderr


def test_an_epoch_without_position_has_no_state(tmp_path: Path) -> None:
    fixed = _sim_capture(tmp_path / "fixed.nmea", SimConfig(), 2)
    job = job_at(tmp_path, fixed)
    lost = Simulator(SimConfig(quality=0))
    with fixed.open("ab") as f:
        f.write(lost.next_epoch())
    res = run("stakeout", str(job), "--target", "T", "--replay", str(fixed), "--jsonl")
    assert res.returncode == 0, res.stderr
    last = json.loads(res.stdout.splitlines()[-1])
    assert last["position"] is None and last["state"] is None and last["quality_ok"] is False
    assert last["fix"] == "no fix"
    text = run("stakeout", str(job), "--target", "T", "--replay", str(fixed))
    assert text.stdout.splitlines()[-1].endswith("no position [no fix]")
