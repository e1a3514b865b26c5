"""The GEONET pair 3040/0759 through process_static, checked against our own rnx2rtkp run."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import threading
from pathlib import Path

import psutil
import pytest
from rinexslice import slice_rinex2
from testpaths import shared_data_dir

from fieldapp.gnss.baseline import BaselineSolution, FixState, GeodeticPosition, StaticSettings
from fieldapp.gnss.ecef import geodetic_to_ecef
from fieldapp.gnss.rtklib import BaselineError, ProcessingCancelled, process_static
from fieldapp.gnss.static_rules import check_static_rules

# Written by hand from RTKLIB 2.4.3's manual, independent of fieldapp.gnss.rtklib_conf.
INDEPENDENT_CONF = """\
pos1-posmode       =static
pos1-frequency     =l1+2
pos1-elmask        =15
pos2-armode        =fix-and-hold
out-solstatic      =single
out-solformat      =xyz
"""
# 0759's APPROX POSITION XYZ, copied from the file's header by eye.
BASE_XYZ = ("-3976219.5082", "3382372.5671", "3652512.9849")


def gnss_raw() -> Path:
    return shared_data_dir() / "gnss-raw"


def pair(data: Path) -> tuple[list[Path], list[Path]]:
    return (
        [data / "30400920.05o", data / "30400920.05n"],
        [data / "07590920.05o", data / "07590920.05n"],
    )


@pytest.fixture(scope="module")
def geonet(tmp_path_factory: pytest.TempPathFactory) -> BaselineSolution:
    rover, base = pair(gnss_raw())
    work = tmp_path_factory.mktemp("geonet")
    return process_static(rover, base, None, StaticSettings(), work_dir=work)


def test_geonet_pair_is_fixed_3_3_km_with_millimetre_sigmas(geonet: BaselineSolution) -> None:
    assert geonet.fix is FixState.FIXED
    assert geonet.ratio is not None and geonet.ratio >= 3.0
    assert geonet.baseline_m == pytest.approx(3335.4, abs=0.5)
    assert max(geonet.sigma_e_m, geonet.sigma_n_m, geonet.sigma_u_m) < 0.005
    # The base is 0759's header position; the vector runs base -> rover in E/N/U there.
    assert geonet.base.lat == pytest.approx(35.160875, abs=1e-6)
    e, n, u = geonet.vector_enu_m
    assert (e**2 + n**2 + u**2) ** 0.5 == pytest.approx(geonet.baseline_m, abs=1e-6)
    assert n < -3000 and e > 900  # 3040 lies south-south-east of 0759
    assert geonet.engine.startswith("RTKLIB rnx2rtkp 2.4.3")


def test_epochs_and_duration_are_those_the_solution_rests_on(geonet: BaselineSolution) -> None:
    # 120 epochs in each file; rnx2rtkp pairs 115 (the last five time tags differ by 9 ms,
    # over its 5 ms tolerance), so the solution spans 00:00:00-00:57:00 at 30 s.
    assert geonet.epochs == 115
    assert (geonet.start_gpst, geonet.end_gpst) == ("2005-04-02T00:00:00", "2005-04-02T00:57:00")
    assert geonet.interval_s == 30.0
    assert geonet.duration_s == 115 * 30.0
    failed = {v.rule: v.message for v in check_static_rules(geonet) if not v.passed}
    assert failed == {
        "duration": "duration 0 h 57 min 30 s < 1 h required for a 3.3 km baseline (under 20 km)",
        "interval": "recording interval 30 s > 15 s allowed",
    }


def test_an_independent_rnx2rtkp_run_agrees_to_a_centimetre(
    geonet: BaselineSolution, tmp_path: Path
) -> None:
    data = gnss_raw()
    (tmp_path / "mine.conf").write_text(INDEPENDENT_CONF)
    files = [str(data / n) for n in ("30400920.05o", "07590920.05o", "07590920.05n")]
    subprocess.run(
        ["rnx2rtkp", "-k", "mine.conf", "-r", *BASE_XYZ, "-o", "mine.pos", *files],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    last = [line for line in (tmp_path / "mine.pos").read_text().splitlines() if line[:1] != "%"]
    assert len(last) == 1  # out-solstatic=single: the one final solution
    fields = last[0].split()
    theirs = tuple(float(v) for v in fields[2:5])
    assert fields[5] == "1"  # Q: fixed
    ours = geodetic_to_ecef(geonet.position.lat, geonet.position.lon, geonet.position.h)
    assert sum((a - b) ** 2 for a, b in zip(ours, theirs, strict=True)) ** 0.5 < 0.01


def test_antenna_heights_move_the_mark_by_the_height(
    geonet: BaselineSolution, tmp_path: Path
) -> None:
    rover, base = pair(gnss_raw())
    settings = StaticSettings(rover_antenna_height_m=1.5, base_antenna_height_m=0.25)
    raised = process_static(rover, base, None, settings, work_dir=tmp_path)
    # The rover's ARP is 1.5 m above its mark, the base's 0.25 m above the given base mark.
    assert raised.position.h == pytest.approx(geonet.position.h - 1.5 + 0.25, abs=0.003)
    assert raised.fix is FixState.FIXED
    assert (raised.rover_antenna_height_m, raised.base_antenna_height_m) == (1.5, 0.25)


def test_a_given_base_position_is_used_as_given(geonet: BaselineSolution, tmp_path: Path) -> None:
    rover, base = pair(gnss_raw())
    moved = GeodeticPosition(geonet.base.lat, geonet.base.lon, geonet.base.h + 2.0)
    solution = process_static(rover, base, moved, StaticSettings(), work_dir=tmp_path)
    assert solution.base == moved
    assert solution.position.h == pytest.approx(geonet.position.h + 2.0, abs=0.01)
    assert solution.vector_enu_m[2] == pytest.approx(geonet.vector_enu_m[2], abs=0.01)


def test_a_30_minute_slice_fails_the_one_hour_rule(tmp_path: Path) -> None:
    data = gnss_raw()
    rover = slice_rinex2(data / "30400920.05o", tmp_path / "3040-30min.05o", (0, 1800))
    half = process_static(
        [rover, data / "30400920.05n"],
        [data / "07590920.05o", data / "07590920.05n"],
        None,
        StaticSettings(),
        work_dir=tmp_path / "work",
    )
    assert half.fix is FixState.FIXED
    assert half.epochs == 60
    (duration,) = [v for v in check_static_rules(half) if v.rule == "duration"]
    assert not duration.passed
    assert duration.message == (
        "duration 0 h 30 min < 1 h required for a 3.3 km baseline (under 20 km)"
    )


def test_ambiguity_resolution_off_gives_a_float_that_fails_the_fixed_rule(
    tmp_path: Path,
) -> None:
    # pos2-armode=off: RTKLIB keeps the real-valued (float) ambiguities, Q=2.
    rover, base = pair(gnss_raw())
    settings = StaticSettings(ambiguity_mode="off")
    floating = process_static(rover, base, None, settings, work_dir=tmp_path)
    assert floating.fix is FixState.FLOAT
    (fixed,) = [v for v in check_static_rules(floating) if v.rule == "fixed"]
    assert not fixed.passed
    assert fixed.figure == f"float (ratio {floating.ratio:.1f})"
    assert fixed.message == f"ambiguities {fixed.figure}: a fixed solution is required"


def test_the_interval_setting_thins_the_epochs(tmp_path: Path) -> None:
    rover, base = pair(gnss_raw())
    thinned = process_static(rover, base, None, StaticSettings(interval_s=60), work_dir=tmp_path)
    assert thinned.interval_s == 60.0
    assert thinned.epochs == 58  # every other one of the 115


def test_cancel_while_processing_leaves_no_engine_process(tmp_path: Path) -> None:
    rover, base = pair(gnss_raw())
    cancel = threading.Event()

    def progress(_fraction: float, _message: str) -> None:
        cancel.set()

    with pytest.raises(ProcessingCancelled):
        process_static(
            rover, base, None, StaticSettings(), work_dir=tmp_path, progress=progress, cancel=cancel
        )
    assert not [c for c in psutil.Process().children(recursive=True) if "rnx2rtkp" in c.name()]


def test_cancel_before_a_raw_log_is_converted(tmp_path: Path) -> None:
    ubx = gnss_raw() / "ubx_20080526.ubx"
    cancel = threading.Event()
    messages: list[str] = []

    def progress(_fraction: float, message: str) -> None:
        messages.append(message)
        cancel.set()

    with pytest.raises(ProcessingCancelled):
        process_static(
            [ubx],
            [ubx],
            None,
            StaticSettings(),
            work_dir=tmp_path,
            progress=progress,
            cancel=cancel,
        )
    assert messages == ["converting ubx_20080526.ubx"]
    assert not (tmp_path / "rover.obs").exists()


def test_progress_runs_from_the_first_to_the_last_epoch(tmp_path: Path) -> None:
    rover, base = pair(gnss_raw())
    seen: list[tuple[float, str]] = []
    process_static(
        rover,
        base,
        None,
        StaticSettings(),
        work_dir=tmp_path,
        progress=lambda f, m: seen.append((f, m)),
    )
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert seen[-1] == (1.0, "done")
    assert any(m.startswith("processing 2005-04-02 00:3") for _, m in seen)


def test_no_common_epochs_names_the_rover_file(tmp_path: Path) -> None:
    data = gnss_raw()
    rover = slice_rinex2(data / "30400920.05o", tmp_path / "early.05o", (0, 1200))
    base = slice_rinex2(data / "07590920.05o", tmp_path / "late.05o", (1800, 3600))
    with pytest.raises(BaselineError) as err:
        process_static(
            [rover, data / "30400920.05n"],
            [base, data / "07590920.05n"],
            None,
            StaticSettings(),
            work_dir=tmp_path / "work",
        )
    message = str(err.value)
    assert message.startswith(f"{rover}: no common epochs with the base {base}")
    assert "rover 2005-04-02T00:00:00 to 2005-04-02T00:19:29.999" in message
    assert "base 2005-04-02T00:30:00.002 to 2005-04-02T00:59:30.005 (GPS time)" in message
    assert not (tmp_path / "work" / "baseline.pos").exists()


def test_missing_navigation_names_the_observation_file(tmp_path: Path) -> None:
    data = gnss_raw()
    with pytest.raises(BaselineError) as err:
        process_static(
            [data / "30400920.05o"],
            [data / "07590920.05o"],
            None,
            StaticSettings(),
            work_dir=tmp_path,
        )
    assert str(err.value).startswith(f"{data / '30400920.05o'}: no navigation data")


def test_settings_are_what_the_solution_says(geonet: BaselineSolution) -> None:
    assert dataclasses.asdict(geonet)["elevation_mask_deg"] == 15.0
    assert geonet.rover_antenna_height_m == 0.0


def test_navigation_of_another_day_is_named(tmp_path: Path) -> None:
    data = gnss_raw()
    # The same ephemerides dated a month later (2005-05-0x instead of 2005-04-0x).
    text = (data / "07590920.05n").read_text()
    may = re.sub(r"^(..) 05  4 ", r"\1 05  5 ", text, flags=re.MULTILINE)
    assert may != text
    nav = tmp_path / "07590920-may.05n"
    nav.write_text(may)
    with pytest.raises(BaselineError) as err:
        process_static(
            [data / "30400920.05o"],
            [data / "07590920.05o", nav],
            None,
            StaticSettings(),
            work_dir=tmp_path / "work",
        )
    assert str(err.value) == (
        f"{nav}: no navigation data for the observations (2005-04-02T00:00:00 to "
        "2005-04-02T00:59:29.996 GPS time): its ephemerides are from 2005-05-01T23:59:44 to "
        "2005-05-03T00:00:00; give the navigation file of the same day"
    )


def test_a_base_position_that_is_no_position(tmp_path: Path) -> None:
    rover, base = pair(gnss_raw())
    for bad in (GeodeticPosition(float("nan"), 139.6, 70.0), GeodeticPosition(139.6, 35.1, 70.0)):
        with pytest.raises(BaselineError, match=r"07590920\.05o: the base position given"):
            process_static(rover, base, bad, StaticSettings(), work_dir=tmp_path)
