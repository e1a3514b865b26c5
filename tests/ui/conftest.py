"""GUI test fixtures: isolated QSettings, a planned demo job, a fast simulator."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from fieldapp.demo_job import create_demo_job
from fieldapp.gnss.simulator import SimConfig, SimulatorSource
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.ui.demo import ensure_planned


class FastSimulator(SimulatorSource):
    """Simulated time runs at 1 Hz, wall time at ~100 epochs per second."""

    def __init__(self, config: SimConfig) -> None:
        super().__init__(config, realtime=False)

    def read(self) -> bytes:
        time.sleep(0.01)
        return super().read()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    # Secrets (device token, NTRIP passwords) go to a file in a temporary config dir, never
    # into the developer's own credential store or config folder.
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("FIELDAPP_SECRETS", "file")


@pytest.fixture
def demo_job(tmp_path: Path) -> Path:
    path = tmp_path / "Demo.fieldapp"
    # Without the starter background: these tests look at other things, and decoding its tiles
    # would only take CPU from them (test_map_background.py and the demo's own tests draw it).
    with create_demo_job(path, background=False) as store:
        ensure_planned(store)
    return path


@pytest.fixture
def fast_sim():  # type: ignore[no-untyped-def]
    return fast_sim_near


def fast_sim_near(store: JobStore, marker: str, offset_deg: float = 0.0003) -> FastSimulator:
    m = rec.load_marker(store.db, marker)
    cfg = SimConfig(start_lat=m.lat - offset_deg, start_lon=m.lon, speed_mps=5.0,
                    target_lat=m.lat, target_lon=m.lon, height_m=60.0)  # fmt: skip
    return FastSimulator(cfg)


@pytest.fixture(autouse=True)
def collect_while_qt_alive(qapp):  # type: ignore[no-untyped-def]
    """Free Qt wrappers while the QApplication lives, not in interpreter finalization."""
    yield
    import gc

    qapp.processEvents()
    gc.collect()


@pytest.fixture
def indonesian(qapp):  # type: ignore[no-untyped-def]
    """The UI in Bahasa Indonesia for one test; English (the tests' language) and the day theme
    come back after it."""
    from PySide6.QtCore import QLocale

    from fieldapp.ui.app import apply_theme, install_language

    before = QLocale()
    assert install_language(qapp, "id")
    yield
    install_language(qapp, "en")
    QLocale.setDefault(before)
    apply_theme(qapp, "light")
