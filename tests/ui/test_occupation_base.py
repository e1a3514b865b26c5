"""The occupation view's base: a job control point is recorded with its coordinate, as the CLI."""

from __future__ import annotations

from pathlib import Path

from test_occupation_view import _window

from fieldapp.store import JobStore
from fieldapp.store.occupations import load_occupations


def _announced_near(name: str, job: Path, north_m: float):  # type: ignore[no-untyped-def]
    """The 1006 a base set up ``north_m`` north of control point ``name`` would send."""
    from pyproj import Transformer

    from fieldapp.gnss.station_arp import AnnouncedStation
    from fieldapp.store import records as rec
    from fieldapp.survey.local import metres_per_degree

    with JobStore.open(job) as store:
        p = {c.name: c for c in rec.load_control_points(store.db)}[name]
    lat = p.lat + north_m / metres_per_degree(p.lat)[0]
    x, y, z = Transformer.from_crs(4979, 4978, always_xy=True).transform(p.lon, lat, (p.h or 0) + 2)
    return AnnouncedStation(2107, 1006, x, y, z, 2.0)


def test_the_base_field_names_a_control_point_or_says_it_is_not_one(
    qtbot, demo_job: Path, fast_sim
) -> None:
    window = _window(qtbot, demo_job, fast_sim)
    view = window.occupation
    items = [view.base.combo.itemText(i) for i in range(view.base.combo.count())]
    assert "BM-02" in items and "TB-04" in items  # the demo job's control
    view.base.combo.setEditText("NTRIP caster.example/MOUNT")
    assert "not a control point" in view.base.meaning.text() or (
        "bukan titik kontrol" in view.base.meaning.text()
    )
    view.base.combo.setEditText("bm 02")  # as typed in the field
    meaning = view.base.meaning.text()
    assert "BM-02" in meaning and "σH 14" in meaning
    # The corrections announce a base 0.30 m north of BM-02: said once, in the status bar.
    announced = _announced_near("BM-02", demo_job, north_m=0.30)
    with qtbot.waitSignal(window.session.message, timeout=2000) as said:
        view.check_announced(announced)
    assert said.args is not None and "0.300 m from BM-02" in said.args[0]
    view.check_announced(None)  # no NTRIP (or no 1005/1006): nothing to compare
    assert view.base.warning is None
    view.auto_finish.setChecked(False)
    assert view.start()
    assert not view.base.isEnabled()  # recorded at the start: not changed mid-way
    qtbot.waitUntil(lambda: view.epochs_saved >= 3, timeout=10000)
    view.after_edit.setText("1,800")  # the antenna height measured again after the session
    view.stop()
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    window.close()
    with JobStore.open(demo_job) as store:
        (occ,) = [o for o in load_occupations(store.db) if o.id == view.record.id]
        b = occ.base_point
        assert occ.base_station == "bm 02" and b is not None and b.used.name == "BM-02"
        assert b.used.sigma_h == 0.014 and not b.changed


def test_a_base_announcing_another_position_is_a_warning(qtbot, demo_job: Path) -> None:
    """RTCM 1005/1006 from the corrections against the chosen control point: > 5 cm warns."""
    from pyproj import Transformer

    from fieldapp.gnss.station_arp import AnnouncedStation
    from fieldapp.store import records as rec
    from fieldapp.survey.local import metres_per_degree
    from fieldapp.ui.base_choice import BaseChoice

    to_ecef = Transformer.from_crs(4979, 4978, always_xy=True)
    with JobStore.open(demo_job) as store:
        bm = {c.name: c for c in rec.load_control_points(store.db)}["BM-02"]
        choice = BaseChoice(store.db)
        qtbot.addWidget(choice)
        choice.combo.setEditText("BM-02")
        assert choice.warning is None

        def announce(east_m: float) -> None:
            lon = bm.lon + east_m / metres_per_degree(bm.lat)[1]
            x, y, z = to_ecef.transform(lon, bm.lat, (bm.h or 0.0) + 1.8)
            choice.set_announced(AnnouncedStation(2107, 1006, x, y, z, 1.8))

        announce(0.012)  # the base's own coordinates, a little off: it agrees
        assert choice.warning is None and "0.012" in choice.meaning.text()
        announce(0.237)  # set up on the wrong point, or its position typed wrong
        assert choice.warning == "The base station announces a position 0.237 m from BM-02"
        assert choice.warning in choice.meaning.text()
        choice.combo.setEditText("NTRIP caster.example/MOUNT")  # not a control point: no check
        assert choice.warning is None
