"""h beside H with the geoid named on the stake-out readout, the occupation view, the control
points and the marker's heights page; dH in the system the design was given in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.gnss.capture import replay_bytes
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.design_heights import set_design_height
from fieldapp.store.job_geoid import BUNDLED_NAME, job_geoid
from fieldapp.survey.models import HeightSystem
from fieldapp.ui.session import JobSession

ANTENNA_H = 60.0  # the simulator's ellipsoidal height


def _capture(lat: float, lon: float, n: int) -> bytes:
    sim = Simulator(SimConfig(start_lat=lat, start_lon=lon, height_m=ANTENNA_H, noise_m=0.002,
                              noise_up_m=0.0005))  # fmt: skip
    return b"".join(sim.next_epoch() for _ in range(n))


def _fixes(lat: float, lon: float, n: int) -> list[Fix]:
    return [f for f in replay_bytes(_capture(lat, lon, n)).fixes if f.has_position]


def _number(text: str, after: str) -> float:
    found = re.search(re.escape(after) + r" ?([+-]?\d+\.\d+)", text)
    assert found, (after, text)
    return float(found.group(1))


def test_stakeout_readout_gives_dh_in_the_designs_system_and_names_the_geoid(
    qtbot, demo_job: Path
) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.stakeout_view import StakeoutView

    store = JobStore.open(demo_job)
    geoid = job_geoid(store)
    set_design_height(store.db, "1", 12.5, HeightSystem.ORTHOMETRIC, geoid)
    session = JobSession(store)
    view = StakeoutView(session)
    qtbot.addWidget(view)
    view.target_box.setCurrentText("1")
    m = rec.load_marker(store.db, "1")
    n = geoid.undulation(m.lat, m.lon)
    try:
        for f in _fixes(m.lat, m.lon, 20):
            view.update_fix(f)
        dh = view.dh.text()
        assert dh.endswith("m (orthometric)")
        # H here is 60 - N; the design's H is 12.5: dH = 12.5 - (60 - N).
        assert _number(dh, "dH") == pytest.approx(12.5 - (ANTENNA_H - n), abs=0.003)
        lines = view.readouts.heights.text().splitlines()
        assert lines[0].startswith("Design (given as orthometric): h ")
        assert "H 12.500 m" in lines[0] and BUNDLED_NAME in lines[0] and "(ellipsoid)" in lines[0]
        assert lines[1].startswith("Here: h 60.0") and " · H " in lines[1]
        # N once per place: 20 epochs of a pole standing still cost a few PROJ lookups, not 40.
        assert session.heights is not None and session.heights.lookups <= 4

        set_design_height(store.db, "1", 50.0, HeightSystem.ELLIPSOIDAL, geoid)
        session.reload()
        view.update_fix(_fixes(m.lat, m.lon, 1)[0])
        assert view.dh.text().endswith("m (ellipsoidal)")
        assert _number(view.dh.text(), "dH") == pytest.approx(50.0 - ANTENNA_H, abs=0.003)
        assert view.readouts.heights.text().startswith("Design (given as ellipsoidal): h 50.000")
    finally:
        view.shutdown()
        session.close()


def test_occupation_control_and_marker_pages_show_h_and_h_with_the_geoid(
    qtbot, demo_job: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.store.installation import load_installation
    from fieldapp.ui.control_points import ControlPointsPage
    from fieldapp.ui.design_height_page import DesignHeightPage
    from fieldapp.ui.device_adapter import DeviceAdapter
    from fieldapp.ui.occupation_view import OccupationView

    with JobStore.open(demo_job) as store:
        m = rec.load_marker(store.db, "1")
        control = rec.load_control_points(store.db)
    capture = tmp_path / "berdiri.nmea"
    capture.write_bytes(_capture(m.lat, m.lon, 40))
    code = main(["marker", "occupy", str(demo_job), "1", "--replay", str(capture),
                 "--antenna-height", "1.8", "--antenna-height-after", "1.8"])  # fmt: skip
    assert code == 0, capsys.readouterr()
    session = JobSession(JobStore.open(demo_job))
    session.select("1")
    adapter = DeviceAdapter()
    occupation = OccupationView(session, adapter)
    points = ControlPointsPage(session)
    page = DesignHeightPage(session)
    for w in (occupation, points, page):
        qtbot.addWidget(w)
    try:
        n = job_geoid(session.store).undulation(m.lat, m.lon)
        mean = occupation.mean.text()
        assert mean.startswith("Mean position of the mark: ") and BUNDLED_NAME in mean
        mark_h = _number(mean, "h")
        assert mark_h == pytest.approx(ANTENNA_H - 1.8, abs=0.01)
        assert _number(mean, "H") == pytest.approx(mark_h - n, abs=0.0011)

        assert points.table.rowCount() == len(control) > 0
        assert BUNDLED_NAME in points.geoid_label.text()
        first = control[0]
        assert first.h is not None
        shown_h = float(points.table.item(0, 5).text())
        assert shown_h == pytest.approx(first.h - job_geoid(session.store).undulation(
            first.lat, first.lon), abs=0.0006)  # fmt: skip

        # The choice beside the field: H typed, h = H + N stored.
        page.show_installation(load_installation(session.store.db, "1"))
        page.value.setText("12,5")
        page.system.setCurrentIndex(page.system.findData("orthometric"))
        assert page.save()
        stored = rec.load_marker(session.store.db, "1")
        assert stored.h == pytest.approx(12.5 + n, abs=0.001)
        assert stored.h_system is HeightSystem.ORTHOMETRIC
        page.show_installation(load_installation(session.store.db, "1"))
        assert "H 12.500 m" in page.design.text() and "given as orthometric H" in page.design.text()
        assert BUNDLED_NAME in page.measured.text()
        page.value.setText("tinggi")
        assert not page.save() and "metres" in page.status.text()
    finally:
        session.close()
