"""The GUI start-up path leaves heavy libraries unloaded until a feature needs them.

Each check runs in a fresh interpreter and reads its sys.modules: importing the main window,
and the real start (`fieldapp demo --exit-when-shown`: job opened, views built, simulator
connected, window shown) must not load the document, geometry, image or import libraries;
opening the planning tab must (so the probe sees what it looks for).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.demo_job import create_demo_job
from fieldapp.fieldwork import apply_plan, plan_job

HEAVY = (
    "shapely",  # planning and area checks
    "PIL",  # photos and the camera
    "fpdf",  # reports
    "pypdf",
    "openpyxl",
    "ezdxf",
    "httpx",
    "sqlite_utils",  # row writes; opening a job only reads
    "nacl",  # signing sync packages
    "fieldapp.demo_job",  # first run only
    "fieldapp.exchange.boundary_import",  # file importers and exports
    "fieldapp.exchange.control_import",
    "fieldapp.exchange.export",
    "fieldapp.reports",
    "fieldapp.ui.planning_view",  # built when its tab is first shown
    "fieldapp.ui.installation_view",
    "fieldapp.ui.occupation_view",
    "fieldapp.store.occupation_writer",
    "fieldapp.ui.stakeout_view",  # built when its tab is first shown: the total-station link
    "fieldapp.ui.outbox_view",  # built once the window is up: the sync client
    "fieldapp.survey.installation",  # with the installation view and the checklist
    "fieldapp.survey.occupation",
    "fieldapp.survey.planning",
)

REPORT = "import json, sys; print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))"


def _run(code: str, tmp_path: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    script = code + "\n" + REPORT.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


@pytest.fixture
def planned_demo(tmp_path: Path) -> Path:
    path = tmp_path / "Demo.fieldapp"
    with create_demo_job(path) as store:
        apply_plan(store, plan_job(store))
    return path


def test_importing_the_main_window_loads_no_heavy_library(tmp_path: Path) -> None:
    assert _run("import fieldapp.ui.main_window, fieldapp.ui.demo", tmp_path) == []


def test_demo_window_shown_with_the_simulator_loads_no_heavy_library(
    tmp_path: Path, planned_demo: Path
) -> None:
    code = (
        "from fieldapp.cli import main\n"
        f"assert main(['demo', '--job', {str(planned_demo)!r}, '--exit-when-shown']) == 0"
    )
    assert _run(code, tmp_path) == []


def test_opening_the_planning_tab_loads_what_it_needs(tmp_path: Path, planned_demo: Path) -> None:
    code = (
        "from fieldapp.store import JobStore\n"
        "from fieldapp.ui.app import create_app\n"
        "from fieldapp.ui.main_window import MainWindow\n"
        "app = create_app()\n"
        "w = MainWindow()\n"
        f"w.set_store(JobStore.open({str(planned_demo)!r}))\n"
        "w.show()\n"
        "w.tabs.setCurrentIndex(w.tabs.indexOf(w.planning_page))\n"
        "app.processEvents()\n"
        "assert w.planning_page.built and w.planning.run() is not None\n"
        # Closing clears the tabs, showing each page in turn: no view is built for that.
        "w.close()\n"
        "app.processEvents()\n"
        "assert not w.installation_page.built\n"
    )
    loaded = _run(code, tmp_path)
    assert "fieldapp.ui.planning_view" in loaded and "shapely" in loaded
    assert "fieldapp.ui.installation_view" not in loaded


def test_asking_for_the_installation_view_builds_it(tmp_path: Path, planned_demo: Path) -> None:
    code = (
        "from fieldapp.store import JobStore\n"
        "from fieldapp.ui.app import create_app\n"
        "from fieldapp.ui.main_window import MainWindow\n"
        "app = create_app()\n"
        "w = MainWindow()\n"
        f"w.set_store(JobStore.open({str(planned_demo)!r}))\n"
        "assert not w.installation_page.built\n"
        "assert w.installation.picker.currentData() == w.session.selected\n"
        "assert w.installation_page.built and w.installation_page.isAncestorOf(w.installation)\n"
        "w.close()\n"
    )
    assert "fieldapp.ui.installation_view" in _run(code, tmp_path)


def test_closing_with_the_last_tab_current_is_clean(tmp_path: Path, planned_demo: Path) -> None:
    # Clearing the tabs shows each page in turn; the outbox reads the job when shown, so the
    # job must still be open then (an exception in a Qt override here used to crash Python).
    code = (
        "from fieldapp.store import JobStore\n"
        "from fieldapp.ui.app import create_app\n"
        "from fieldapp.ui.main_window import MainWindow\n"
        "app = create_app()\n"
        "w = MainWindow()\n"
        f"w.set_store(JobStore.open({str(planned_demo)!r}))\n"
        "w.show()\n"
        "for i in range(w.tabs.count()):\n"
        "    w.tabs.setCurrentIndex(i)\n"
        "    app.processEvents()\n"
        "w.close()\n"
        "app.processEvents()\n"
        "assert w.session is None and w.tabs.count() == 1\n"
    )
    _run(code, tmp_path)
