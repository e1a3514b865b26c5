"""Heights of ±1e308 (and NaN/inf anywhere in a Fix) never pass an occupation gate.

The capture is built at test time from a real one (Quectel L76K, 150 epochs of a receiver
standing still), moved to the job's reference point, made RTK fixed with GSA and GST added
so every epoch would pass every other gate; then its altitudes are rewritten to ±1e308.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import operator
from collections.abc import Callable
from pathlib import Path

import pytest
from fixfactory import H0, LAT0, LON0, make_fix
from probe import probe
from test_marker_cli import run, sk_job

from fieldapp.commands.marker_occupy import fixes_from_capture
from fieldapp.store import JobStore
from fieldapp.store.occupations import load_occupations
from fieldapp.survey.occupation import Occupation, RejectReason, profile_named

SOURCE = "quectel-l76k-nmea.log"


def _nmea(body: str) -> str:
    return f"${body}*{functools.reduce(operator.xor, body.encode(), 0):02X}\r\n"


def _degrees(value: str, hemi: str) -> float:
    dot = value.index(".")
    d = int(value[: dot - 2]) + float(value[dot - 2 :]) / 60
    return -d if hemi in "SW" else d


def _ddmm(deg: float, width: int) -> str:
    a = abs(deg)
    return f"{int(a):0{width}d}{(a % 1) * 60:011.8f}"


def rebuilt_capture(src: Path, dst: Path, altitude: Callable[[int, str], str]) -> Path:
    """``src`` moved to (LAT0, LON0), RTK fixed, GSA+GST per epoch; GGA altitudes rewritten."""
    shift: tuple[float, float] | None = None
    out: list[str] = []
    n = 0
    for line in src.read_text(encoding="ascii", errors="replace").splitlines():
        if not line.startswith("$") or "*" not in line:
            continue
        f = line[1 : line.index("*")].split(",")
        kind = f[0][2:]
        at = {"GGA": 2, "RMC": 3}.get(kind)
        if at is None or not f[at]:
            continue  # GSV, GSA, VTG...: the rebuilt epochs carry their own GSA
        lat, lon = _degrees(f[at], f[at + 1]), _degrees(f[at + 2], f[at + 3])
        if shift is None:
            shift = (LAT0 - lat, LON0 - lon)
        lat, lon = lat + shift[0], lon + shift[1]
        f[at], f[at + 1] = _ddmm(lat, 2), "S" if lat < 0 else "N"
        f[at + 2], f[at + 3] = _ddmm(lon, 3), "W" if lon < 0 else "E"
        if kind == "GGA":
            f[6] = "4"
            f[9] = altitude(n, f[9])
            n += 1
        out.append(_nmea(",".join(f)))
        if kind == "GGA":
            out.append(_nmea("GNGSA,A,3,01,02,03,04,05,06,,,,,,,1.2,0.6,1.0,1"))
            out.append(_nmea(f"GNGST,{f[1]},0.5,0.02,0.01,30.0,0.010,0.012,0.020"))
    dst.write_text("# rebuilt at test time from " + src.name + "\n" + "".join(out))
    return dst


def _alternating(i: int, _: str) -> str:
    return "1e308" if i % 2 == 0 else "-1e308"


def _every_third(i: int, alt: str) -> str:
    return _alternating(i // 3, alt) if i % 3 == 0 else alt


@pytest.fixture
def source(shared_data: Path) -> Path:
    return shared_data / "nmea" / SOURCE


@pytest.fixture
def job(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = sk_job(tmp_path)
    assert run(capsys, "marker", "add", path, "1", "--lat", str(LAT0), "--lon", str(LON0),
               "--h", "40")[0] == 0  # fmt: skip
    return path


def _occupy(job: str, capture: Path) -> tuple[int, str]:
    r = probe("marker", "occupy", job, "1", "--replay", capture, "--profile", "rapid",
              "--antenna-height", "1.500")  # fmt: skip
    assert not r.traceback and r.returncode != 70, r.describe()
    return r.returncode, r.stdout


def _stakes(job: str) -> list[tuple[float | None]]:
    with JobStore.open(job) as store:
        return [tuple(r) for r in store.db.execute("SELECT h FROM stake")]


def test_the_rebuilt_capture_passes_as_it_is(job: str, source: Path, tmp_path: Path) -> None:
    """The control: without the rewrite the same epochs pass and give a stake with a height."""
    code, out = _occupy(job, rebuilt_capture(source, tmp_path / "good.nmea", lambda i, a: a))
    assert code == 0, out
    ((h,),) = _stakes(job)
    assert h is not None and math.isfinite(h)


def test_heights_alternating_1e308_pass_no_gate_and_store_no_stake(
    job: str, source: Path, tmp_path: Path
) -> None:
    capture = rebuilt_capture(source, tmp_path / "bad.nmea", _alternating)
    code, out = _occupy(job, capture)
    assert code in (1, 2), out  # failed occupation, or the reader refuses the file
    assert _stakes(job) == []
    with JobStore.open(job) as store:
        for occ in load_occupations(store.db, "1"):
            assert occ.result is not None and not occ.result.passed
            assert occ.result.epochs_used == 0 and occ.result.h is None
        used = store.db.execute("SELECT COUNT(*) FROM occupation_epoch WHERE used = 1")
        assert used.fetchone()[0] == 0
    # In process, through the same reader: whatever it lets through, no epoch is used.
    occupation = Occupation(profile_named("rapid"))
    verdicts = [occupation.add(f) for f in fixes_from_capture(capture)]
    res = occupation.result()
    assert verdicts and not any(v.used for v in verdicts)
    assert not res.passed and res.h is None and res.std_u_m is None
    # Refused at a gate before the screen. The NMEA reader already drops a GGA with a 1e308
    # altitude, so what reaches the gates is RMC-only epochs (no position for the occupation,
    # no GGA quality: not fixed); the gates' own refusal of such values is tested on Fix
    # objects built directly below.
    reasons = set(res.rejected_by_reason)
    assert reasons
    assert reasons <= {
        RejectReason.IMPLAUSIBLE, RejectReason.NO_HEIGHT, RejectReason.NO_POSITION,
        RejectReason.NOT_FIXED,
    }  # fmt: skip


def test_every_third_height_1e308_is_refused_and_the_rest_still_pass(
    job: str, source: Path, tmp_path: Path
) -> None:
    good = list(fixes_from_capture(rebuilt_capture(source, tmp_path / "g.nmea", lambda i, a: a)))
    code, out = _occupy(job, rebuilt_capture(source, tmp_path / "mixed.nmea", _every_third))
    assert code == 0, out
    ((h,),) = _stakes(job)
    assert h is not None and math.isfinite(h)
    # The stake's height is the mean of the good epochs' heights less the antenna height.
    kept = [f.height for i, f in enumerate(good) if i % 3 and f.height is not None]
    assert h == pytest.approx(sum(kept) / len(kept) - 1.5, abs=1e-6)


def test_fixes_built_directly_with_1e308_heights_are_implausible(source: Path) -> None:
    """The gates hold on their own, whatever a reader lets through."""
    occupation = Occupation(profile_named("rapid"))
    for i in range(40):
        huge = dataclasses.replace(make_fix(i), height=1e308 if i % 2 else -1e308)
        assert occupation.add(huge).reason is RejectReason.IMPLAUSIBLE
    res = occupation.result()
    assert res.rejected_by_reason == {RejectReason.IMPLAUSIBLE: 40}
    assert not res.passed and res.h is None


NAN, INF = math.nan, math.inf


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"lat": NAN}, RejectReason.IMPLAUSIBLE),
        ({"lon": INF}, RejectReason.IMPLAUSIBLE),
        ({"lat": 91.0}, RejectReason.IMPLAUSIBLE),
        ({"lon": -1e308}, RejectReason.IMPLAUSIBLE),
        ({"height": NAN}, RejectReason.IMPLAUSIBLE),
        ({"height": -INF}, RejectReason.IMPLAUSIBLE),
        ({"height": 1e308}, RejectReason.IMPLAUSIBLE),
        ({"height": "42"}, RejectReason.IMPLAUSIBLE),  # not a number at all
        ({"sigma_lat": NAN}, RejectReason.SIGMA_H),
        ({"sigma_lon": 1e308}, RejectReason.SIGMA_H),
        ({"sigma_lat": -0.01}, RejectReason.SIGMA_H),  # hypot would hide the sign
        ({"sigma_alt": NAN}, RejectReason.SIGMA_V),
        ({"sigma_alt": -INF}, RejectReason.SIGMA_V),
        ({"pdop": NAN}, RejectReason.PDOP),
        ({"pdop": INF}, RejectReason.PDOP),
        ({"pdop": -1.0}, RejectReason.PDOP),
    ],
)  # fmt: skip
def test_non_finite_values_on_a_fix_never_pass(
    change: dict[str, object], reason: RejectReason
) -> None:
    occupation = Occupation(profile_named("rapid"))
    for i in range(12):
        assert occupation.add(make_fix(i)).used
    bad = dataclasses.replace(make_fix(12), **change)  # type: ignore[arg-type]
    assert occupation.add(bad).reason is reason
    res = occupation.result()
    assert res.passed and res.epochs_used == 12 and res.rejected_by_reason == {reason: 1}
    assert res.h == pytest.approx(H0) and res.std_u_m is not None


def test_jsonl_epochs_with_nan_inf_and_text_are_each_refused(job: str, tmp_path: Path) -> None:
    """The JSONL route: json.loads accepts NaN and Infinity, and a field may be any JSON."""
    good = {"time": "2024-03-05T03:00:00Z", "lat": LAT0, "lon": LON0, "height": H0,
            "quality": 4, "pdop": 1.2, "sigma_lat": 0.01, "sigma_lon": 0.01, "sigma_alt": 0.02,
            "sigma_source": "GST"}  # fmt: skip
    # json.dumps writes NaN and Infinity as the bare words json.loads reads back.
    bad = [{"height": NAN}, {"height": INF}, {"lat": -INF}, {"lat": [1, 2]}, {"lon": "east"},
           {"pdop": NAN}, {"sigma_alt": 1e308}, {"height": 1e308}]  # fmt: skip
    lines = []
    for i in range(40):
        record = dict(good, time=f"2024-03-05T03:00:{i:02d}Z")
        if i % 5 == 2:
            record.update(bad[(i // 5) % len(bad)])
        lines.append(json.dumps(record))
    capture = tmp_path / "epochs.jsonl"
    capture.write_text("\n".join(lines) + "\n")
    code, out = _occupy(job, capture)
    assert code == 0, out
    with JobStore.open(job) as store:
        (occ,) = load_occupations(store.db, "1")
        assert occ.result is not None and occ.result.passed and occ.epochs_on_disk == 40
        assert occ.result.epochs_used == 32
        assert set(occ.result.rejected_by_reason) <= {
            RejectReason.IMPLAUSIBLE,
            RejectReason.PDOP,
            RejectReason.SIGMA_V,
        }
    ((h,),) = _stakes(job)
    assert h == pytest.approx(H0 - 1.5)


@pytest.mark.parametrize("value", ["nan", "inf", "-1e308"])
def test_marker_stake_refuses_a_non_finite_height(
    job: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "marker", "stake", job, "1", "--lat", str(LAT0), "--lon",
                       str(LON0), f"--h={value}", "--source", "ts")  # fmt: skip
    assert code == 2 and "not a finite height" in err
    assert _stakes(job) == []


def _strict_json(text: str) -> object:
    def refuse(word: str) -> object:
        raise AssertionError(f"{word} in the JSON output")

    return json.loads(text, parse_constant=refuse)


def test_stakeout_over_the_1e308_capture_guides_without_a_height(
    job: str, source: Path, tmp_path: Path
) -> None:
    capture = rebuilt_capture(source, tmp_path / "bad.nmea", _alternating)
    r = probe("stakeout", job, "--target", "1", "--replay", capture, "--jsonl")
    assert r.returncode == 0 and not r.traceback, r.describe()
    lines = [_strict_json(line) for line in r.stdout.splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert isinstance(line, dict) and line.get("dh_m") is None
    # The control: the same capture with its own heights gives a dH.
    good = rebuilt_capture(source, tmp_path / "good.nmea", lambda i, a: a)
    r = probe("stakeout", job, "--target", "1", "--replay", good, "--jsonl")
    assert r.returncode == 0, r.describe()
    assert any(_strict_json(line)["dh_m"] is not None for line in r.stdout.splitlines())  # type: ignore[index]
