"""`fieldapp demo` without a display: one line saying so and how to get the views, exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.ui.display import missing_display

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Windows and macOS always have a display"
)


def _headless_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    env["XDG_DATA_HOME"] = str(tmp_path / "data")  # the demo job's default home
    env["XDG_CONFIG_HOME"] = str(tmp_path / "cfg")
    return env


def _fieldapp(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], capture_output=True,
                          text=True, env=env, timeout=300)  # fmt: skip


@linux_only
def test_demo_without_a_display_says_so(tmp_path: Path) -> None:
    r = _fieldapp(_headless_env(tmp_path), "demo", "--job", str(tmp_path / "Demo.fieldapp"))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "no display" in lines[0]
    assert "fieldapp demo --screenshot DIR" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert not (tmp_path / "Demo.fieldapp").exists()  # nothing was created for a window never shown


@linux_only
def test_screenshots_work_without_a_display(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    r = _fieldapp(_headless_env(tmp_path), "demo", "--screenshot", str(out), "--size", "1024x600")
    assert r.returncode == 0, r.stderr
    pngs = sorted(out.glob("*.png"))
    assert pngs
    for png in pngs:
        with Image.open(png) as im:
            assert im.size == (1024, 600), png.name
    assert not (tmp_path / "data" / "fieldapp").exists()  # the user's demo job is not touched
    # Every tab is named for what it shows (the Kontrol tab too), none as a bare index.
    names = {p.stem.removesuffix("-1024x600") for p in pngs}
    assert {"map", "stakeout", "control", "documents"} <= names and not any(
        n.startswith("view") for n in names
    ), names


@linux_only
def test_screenshots_refuse_a_size_the_window_cannot_take(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    r = _fieldapp(_headless_env(tmp_path), "demo", "--screenshot", str(out), "--size", "500x300")
    assert r.returncode == 2
    assert "--size 500x300: the window cannot be 500x300: it needs at least" in r.stderr
    assert not list(out.glob("*.png"))


def test_which_platforms_need_a_display() -> None:
    assert missing_display({}, "linux")
    assert missing_display({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert missing_display({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux")
    assert not missing_display({"DISPLAY": ":0"}, "linux")
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "freebsd14")
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not missing_display({"QT_QPA_PLATFORM": "minimal:enable_fonts"}, "linux")
    assert not missing_display({}, "win32")
    assert not missing_display({}, "darwin")
