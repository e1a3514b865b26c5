"""Finding RTKLIB: the frozen bundle first, then $FIELDAPP_RTKLIB_DIR, then PATH; its version."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from testpaths import shared_data_dir

from fieldapp.gnss.baseline import StaticSettings
from fieldapp.gnss.rtklib import EngineMissing, process_static
from fieldapp.gnss.rtklib_engine import (
    ENV_DIR,
    ProcessingCancelled,
    engine_version,
    find_engine,
    run_program,
)


def installed(name: str) -> Path:
    found = shutil.which(name)
    assert found, f"{name} must be installed (scripts/setup.sh installs Debian's rtklib)"
    return Path(found)


def folder_with(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy2(installed(name), folder / name)
    return folder


def test_debian_rtklib_is_found_with_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DIR, raising=False)
    engine = find_engine()
    assert engine.rnx2rtkp == installed("rnx2rtkp")
    assert engine.convbin == installed("convbin")
    assert engine_version(engine.program("rnx2rtkp")) == "2.4.3 b34"


def test_the_environment_folder_comes_before_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with(tmp_path / "rtk", "rnx2rtkp")
    monkeypatch.setenv(ENV_DIR, str(folder))
    engine = find_engine()
    assert engine.rnx2rtkp == folder / "rnx2rtkp"
    assert engine.convbin == installed("convbin")  # not in the folder: PATH's


def test_the_frozen_bundle_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    folder_with(bundle / "rtklib", "rnx2rtkp", "convbin")
    monkeypatch.setenv(ENV_DIR, str(folder_with(tmp_path / "env", "rnx2rtkp")))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    engine = find_engine()
    assert engine.rnx2rtkp == bundle / "rtklib" / "rnx2rtkp"
    assert engine.convbin == bundle / "rtklib" / "convbin"


def test_windows_names_end_in_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "RTKLIB_bin"
    folder.mkdir()
    (folder / "rnx2rtkp.exe").write_bytes(b"MZ\x00\x002.4.3\x00b34\x00")
    monkeypatch.setenv(ENV_DIR, str(folder))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(sys, "platform", "win32")
    engine = find_engine()
    assert engine.rnx2rtkp == folder / "rnx2rtkp.exe"
    assert engine.convbin is None
    assert engine_version(folder / "rnx2rtkp.exe") == "2.4.3 b34"


def test_no_engine_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DIR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    data = shared_data_dir() / "gnss-raw"
    with pytest.raises(EngineMissing) as err:
        process_static(
            [data / "30400920.05o"],
            [data / "07590920.05o"],
            None,
            StaticSettings(),
            work_dir=tmp_path / "work",
        )
    assert "rnx2rtkp not found" in str(err.value)
    assert "apt install rtklib" in str(err.value) and ENV_DIR in str(err.value)
    assert not (tmp_path / "work").exists()  # nothing done before the engine was found


@pytest.mark.skipif(sys.platform == "win32", reason="a FIFO holds rnx2rtkp open (POSIX)")
def test_cancel_terminates_a_running_engine(tmp_path: Path) -> None:
    # rnx2rtkp opening a FIFO no one writes to waits for ever: a real engine process to end.
    fifo = tmp_path / "never.obs"
    os.mkfifo(fifo)
    cancel = threading.Event()
    started: list[psutil.Process] = []

    def watch() -> None:
        deadline = time.monotonic() + 30
        while not started and time.monotonic() < deadline:
            started.extend(c for c in psutil.Process().children() if c.name() == "rnx2rtkp")
            time.sleep(0.02)
        cancel.set()

    watcher = threading.Thread(target=watch)
    watcher.start()
    with pytest.raises(ProcessingCancelled):
        run_program(
            [str(installed("rnx2rtkp")), "-o", "out.pos", fifo.name, fifo.name],
            cwd=tmp_path,
            cancel=cancel,
        )
    watcher.join()
    assert len(started) == 1
    assert not started[0].is_running()  # ended and reaped: no orphan, no zombie


@pytest.mark.skipif(sys.platform == "win32", reason="LD_LIBRARY_PATH is the Linux loader's")
def test_a_frozen_app_gives_rtklib_the_system_library_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fieldapp.gnss.rtklib_engine import _child_env

    assert _child_env() is None  # not frozen: the environment as it is
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/fieldapp/_internal")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/usr/local/lib")
    env = _child_env()
    assert env is not None and env["LD_LIBRARY_PATH"] == "/usr/local/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in env
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG")
    env = _child_env()
    assert env is not None and "LD_LIBRARY_PATH" not in env
