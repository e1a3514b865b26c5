"""Stake-out readouts fed epoch by epoch: the orientation reference is always named, numbers
keep their width, Indonesian gets a decimal comma, and spoken guidance says the state."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from fieldapp.gnss.capture import replay_bytes
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.simulator import SimConfig, Simulator
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.ui import speech
from fieldapp.ui.session import JobSession
from fieldapp.ui.stakeout_readouts import centimetres, metres, num
from fieldapp.ui.stakeout_view import StakeoutView

METRES_PER_DEG = 110_574.0  # of latitude near the equator: enough to place the start


def _fixes(cfg: SimConfig, n: int) -> list[Fix]:
    sim = Simulator(cfg)
    return list(replay_bytes(b"".join(sim.next_epoch() for _ in range(n))).fixes)


@pytest.fixture
def view(qtbot, demo_job: Path) -> Iterator[StakeoutView]:  # type: ignore[no-untyped-def]
    store = JobStore.open(demo_job)
    session = JobSession(store)
    v = StakeoutView(session)
    qtbot.addWidget(v)
    v.resize(1000, 400)
    v.show()
    yield v
    v.shutdown()
    session.close()


def _marker(view: StakeoutView) -> tuple[float, float]:
    m = rec.load_marker(view.session.store.db, "1")
    return m.lat, m.lon


def test_orientation_is_always_named_and_never_switched_silently(view: StakeoutView) -> None:
    lat, lon = _marker(view)
    south = lat - 3.0 / METRES_PER_DEG
    still = _fixes(SimConfig(start_lat=south, start_lon=lon, noise_m=0.005), 3)
    r = view.readouts
    assert view.mode_travel.isChecked()
    for f in still:
        view.update_fix(f)
    # Standing still from the start: no direction of travel, and the readout says so.
    assert r.orient.text() == "Reference: north (direction of travel not known yet)"
    assert view.delta_a.text() == "Direction of travel not known yet — move a little"
    assert "North" not in view.delta_a.text() + view.delta_b.text()
    assert view.arrow.angle_deg is None and view.bullseye.up_label == "north"
    # North/east chosen: north/east words, and the reference says north.
    view.mode_grid.setChecked(True)
    assert r.orient.text() == "Reference: north"
    assert view.delta_a.text().startswith("North") and "3.0" in view.delta_a.text()
    view.mode_travel.setChecked(True)
    # Walk north 2 m, then stand still for 40 epochs: the last heading is kept and named.
    walk = _fixes(SimConfig(start_lat=south, start_lon=lon, target_lat=lat - 1.0 / METRES_PER_DEG,
                            target_lon=lon, speed_mps=1.0, noise_m=0.002), 45)  # fmt: skip
    for f in walk[:4]:
        view.update_fix(f)
    assert r.orient.text() == "Reference: direction of travel"
    assert view.delta_a.text().startswith("Forward")
    for f in walk[4:]:
        view.update_fix(f)
    assert r.orient.text() == "Reference: last direction of travel"
    assert view.delta_a.text().startswith("Forward") and view.delta_b.text().startswith(
        ("Left", "Right")
    )
    assert view.bullseye.up_label == "direction of travel"


def test_fixed_width_numbers_and_decimal_comma() -> None:
    widths = {len(metres(x)) for x in (0.0, 1.5, 12.345, 999.99)}
    assert len(widths) == 1
    assert len({len(centimetres(x)) for x in (0.0, 0.05, 0.99)}) == 1
    default = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian))
        assert num(1.5, 2) == "1,50" and metres(0.35, 2, 0) == "0,35 m"
        QLocale.setDefault(QLocale(QLocale.Language.English))
        assert num(1.5, 2) == "1.50"
    finally:
        QLocale.setDefault(default)


def test_distance_and_deltas_in_centimetres_inside_a_metre(view: StakeoutView) -> None:
    lat, lon = _marker(view)
    view.mode_grid.setChecked(True)
    near = _fixes(SimConfig(start_lat=lat - 0.4 / METRES_PER_DEG, start_lon=lon, noise_m=0.001),
                  2)  # fmt: skip
    for f in near:
        view.update_fix(f)
    assert view.distance.text().endswith(" cm") and "40" in view.distance.text()
    assert view.bullseye.fine and view.arrow.angle_deg is not None  # outside the tolerance
    assert view.delta_a.text().startswith("North") and view.delta_a.text().endswith(" cm")
    assert view.bullseye.caption() == "20 cm per ring"
    g = view.guidance
    assert g is not None and math.isclose(g.ground_distance_m, 0.4, abs_tol=0.02)


def test_spoken_guidance_says_the_state(qtbot, view: StakeoutView) -> None:  # type: ignore[no-untyped-def]
    if speech.espeak_path() is None:
        pytest.fail("espeak-ng is not installed: apt-get install espeak-ng")
    lat, lon = _marker(view)
    view.speak.setChecked(True)
    assert speech.speech_enabled()  # remembered on this machine
    for f in _fixes(SimConfig(start_lat=lat, start_lon=lon, noise_m=0.005), 2):
        view.update_fix(f)
    qtbot.waitUntil(lambda: "dalam toleransi" in view.speaker.spoken, timeout=15000)
    view.speak.setChecked(False)
    assert not speech.speech_enabled()


def test_speech_missing_is_said_once_and_switch_stays_off(  # type: ignore[no-untyped-def]
    qtbot, demo_job: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech, "espeak_path", lambda: None)
    with JobStore.open(demo_job) as store:
        session = JobSession(store)
        messages: list[str] = []
        session.message.connect(messages.append)
        v = StakeoutView(session)
        qtbot.addWidget(v)
        v.speak.setChecked(True)
        assert not v.speak.isChecked() and not speech.speech_enabled()
        assert messages == ["Spoken guidance needs espeak-ng, which is not installed."]
        v.shutdown()


def test_an_epoch_without_position_leaves_nothing_green(view: StakeoutView) -> None:
    from fieldapp.ui.widgets import STATE_COLOURS

    lat, lon = _marker(view)
    for f in _fixes(SimConfig(start_lat=lat, start_lon=lon, noise_m=0.005), 2):
        view.update_fix(f)
    assert STATE_COLOURS["within"] in view.state_label.styleSheet()
    cue = view.cue.last
    lost = _fixes(SimConfig(start_lat=lat, start_lon=lon, quality=0), 1)[0]
    assert not lost.has_position
    view.update_fix(lost)
    assert view.guidance is None and view.state_label.text() == "No position"
    assert STATE_COLOURS["within"] not in view.state_label.styleSheet()
    assert all(STATE_COLOURS[""] in w.styleSheet() for w in view.readouts.live_labels)
    assert view.bullseye.colour.name() == STATE_COLOURS[""] and view.cue.last == cue
    assert not view.measure_and_save()
    view.update_fix(None)  # the link was closed
    assert view.state_label.text() == "No position"


def test_bullseye_scale_reaches_past_you() -> None:
    from fieldapp.ui.widgets import Bullseye, nice_at_least

    assert [nice_at_least(x) for x in (0.3, 1.0, 1.2, 3.5, 7.0, 40.0)] == [
        0.5, 1.0, 2.0, 5.0, 10.0, 50.0]  # fmt: skip
    b = Bullseye()
    for d in (1.2, 3.3, 17.0, 240.0):
        b.set_offset(d, 0.0, 0.1, "#000000")
        assert not b.fine and b.rings * b.ring_m >= d
    b.set_offset(0.3, 0.4, 0.1, "#000000")  # 0.5 m: the fixed centimetre scale
    assert b.fine and (b.rings, b.ring_m) == (5, 0.2)
