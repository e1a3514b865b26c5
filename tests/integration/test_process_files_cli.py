"""`fieldapp control process-files` as a user runs it: the solution, and bad input in one line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from rinexslice import slice_rinex2
from testpaths import shared_data_dir

from fieldapp.cli import main


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", "control", "process-files", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        timeout=120,
    )


def geonet() -> Path:
    return shared_data_dir() / "gnss-raw"


def assert_one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fieldapp: ")
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in lines[0]


def test_the_geonet_pair_as_json_with_a_given_base_and_heights() -> None:
    d = geonet()
    result = run(
        "--rover", d / "30400920.05o", d / "30400920.05n",
        "--base", d / "07590920.05o", d / "07590920.05n",
        "--base-position", "35.160875040 139.613837253 70.1535",
        "--rover-height", "1.2", "--mask", "15", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["fix"] == "fixed"
    assert data["baseline_m"] == pytest.approx(3335.39, abs=0.05)
    assert data["h"] == pytest.approx(75.679 - 1.2, abs=0.005)
    assert data["epochs"] == 115
    assert data["rover_antenna_height_m"] == 1.2
    assert {r["rule"]: r["passed"] for r in data["rules"]} == {
        "duration": False,
        "interval": False,
        "mask": True,
        "fixed": True,
        "sigma_h": True,
        "sigma_v": True,
    }


def test_text_output_lists_each_rule(capsys: pytest.CaptureFixture[str]) -> None:
    d = geonet()
    code = main(
        ["control", "process-files", "--rover", str(d / "30400920.05o"), str(d / "30400920.05n"),
         "--base", str(d / "07590920.05o"), str(d / "07590920.05n")]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "fix        fixed (ratio 999.9)" in out
    assert "PASS  ambiguities fixed (ratio 999.9)" in out
    assert "FAIL  recording interval 30 s > 15 s allowed" in out


def test_a_missing_navigation_file(tmp_path: Path) -> None:
    d = geonet()
    result = run("--rover", d / "30400920.05o", "--base", d / "07590920.05o")
    assert_one_line_error(result, str(d / "30400920.05o"), "no navigation data")


def test_a_truncated_rinex_file(tmp_path: Path) -> None:
    d = geonet()
    lines = (d / "30400920.05o").read_text().splitlines(True)
    cut = tmp_path / "3040cut.05o"
    cut.write_text("".join(lines[:700]) + lines[700][:30])
    result = run("--rover", cut, d / "30400920.05n", "--base", d / "07590920.05o")
    assert_one_line_error(result, f"{cut}:701: truncated")


def test_a_photo_renamed_to_ubx(tmp_path: Path) -> None:
    jpeg = io.BytesIO()
    Image.new("RGB", (32, 32), "green").save(jpeg, "JPEG")
    photo = tmp_path / "rover.ubx"
    photo.write_bytes(jpeg.getvalue())
    d = geonet()
    result = run("--rover", photo, "--base", d / "07590920.05o", d / "07590920.05n")
    assert_one_line_error(result, f"{photo}: not a GNSS observation file")


def test_no_common_epochs(tmp_path: Path) -> None:
    d = geonet()
    # The rover's first 20 minutes, the base's last 10: they never meet.
    early = slice_rinex2(d / "30400920.05o", tmp_path / "3040early.05o", (0, 1200))
    late = slice_rinex2(d / "07590920.05o", tmp_path / "0759late.05o", (3000, 3600))
    result = run("--rover", early, d / "30400920.05n", "--base", late, d / "07590920.05n")
    assert_one_line_error(result, str(early), f"no common epochs with the base {late}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-position", "35.1 abc 70"], '--base-position: expected "LAT LON H"'),
        (["--base-position", "95 139 70"], "out of range"),
        (["--mask", "nan"], "--mask: nan is outside 0..90"),
        (["--rover-height", "-1"], "--rover-height: -1 is outside 0..100"),
    ],
)
def test_bad_options_are_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    d = geonet()
    argv = ["control", "process-files", "--rover", str(d / "30400920.05o"), "--base"]
    code = main([*argv, str(d / "07590920.05o"), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("fieldapp: ") and message in err and err.count("\n") == 1


def test_a_file_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gone = tmp_path / "gone.05o"
    code = main(["control", "process-files", "--rover", str(gone), "--base", str(gone)])
    assert code == 2
    assert capsys.readouterr().err == f"fieldapp: {gone}: no such file\n"


def test_heights_default_to_the_rinex_headers_antenna_delta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = geonet()
    text = (d / "30400920.05o").read_text()
    zero = f"{0.0:14.4f}{0.0:14.4f}{0.0:14.4f}{'':18}ANTENNA: DELTA H/E/N"
    assert zero in text
    raised = tmp_path / "3040h.05o"
    raised.write_text(text.replace(zero, zero.replace("        0.0000", "        1.5000", 1)))
    argv = ["control", "process-files", "--rover", str(raised), str(d / "30400920.05n")]
    assert main([*argv, "--base", str(d / "07590920.05o"), str(d / "07590920.05n"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["rover_antenna_height_m"], data["base_antenna_height_m"]) == (1.5, 0.0)
    assert data["h"] == pytest.approx(75.679 - 1.5, abs=0.005)
