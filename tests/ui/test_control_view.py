"""Kontrol tab on a real job: the sessions listed (a 5 mm antenna-height warning shows), the
GEONET pair 3040/0759 processed through the app layer and RTKLIB on a worker thread to a fixed
baseline with each 697/1996 rule's verdict (the 30 s interval honestly red), a cancel that stores
nothing, and accepting with the reason a failing rule needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from testpaths import shared_data_dir

from fieldapp.demo_job import create_demo_job
from fieldapp.store import JobStore
from fieldapp.store.baselines import load_baselines
from fieldapp.store.gnss_sessions import StaticSession, add_session
from fieldapp.ui import control_worker
from fieldapp.ui.main_window import MainWindow

ROVER, BASE = "BM-3040", "JKHN-0759"


@pytest.fixture(autouse=True)
def no_thread_left():  # type: ignore[no-untyped-def]
    yield
    control_worker.stop_all()  # a failed test must not leave a baseline thread behind


@pytest.fixture(scope="module")
def geonet_job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A job with two static sessions: the rover on 3040, the base on 0759 (built once)."""
    raw = shared_data_dir() / "gnss-raw"
    path = tmp_path_factory.mktemp("control") / "Kontrol.fieldapp"
    with create_demo_job(path) as store:
        rover = StaticSession(point=ROVER, role="rover", point_kind="BM",
                              height_before_m=1.500, height_after_m=1.508,  # 8 mm: warned
                              receiver_model="GEONET", receiver_serial="3040")  # fmt: skip
        base = StaticSession(point=BASE, role="base", point_kind="JKHN",
                             height_before_m=0.0, height_after_m=0.0)  # fmt: skip
        add_session(store, rover, [raw / "30400920.05o", raw / "30400920.05n"])
        add_session(store, base, [raw / "07590920.05o", raw / "07590920.05n"])
    return path


@pytest.fixture
def job(geonet_job: Path, tmp_path: Path) -> Path:
    copy = tmp_path / geonet_job.name
    shutil.copytree(geonet_job, copy)
    return copy


def _window(qtbot, job: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    assert window.open_job(job)
    window.tabs.setCurrentWidget(window.control_page)
    return window


def test_the_sessions_of_the_job_are_listed(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    view = _window(qtbot, job).control
    table = view.table
    assert table.rowCount() == 2
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(10)] for r in range(2)}
    rover, base = rows[ROVER], rows[BASE]
    assert rover[1:3] == ["BM", "rover"] and base[1:3] == ["JKHN", "base"]
    assert rover[3] == "GEONET 3040"
    # The rover's heights differ by 8 mm: the cell says so, in the warning colour.
    assert rover[4].startswith("⚠") and "1.500 / 1.508 m" in rover[4]
    assert not base[4].startswith("⚠")
    row = next(r for r in range(2) if table.item(r, 0).text() == ROVER)
    assert "8.0 mm" in table.item(row, 4).toolTip()
    # The span and interval come from the RINEX files themselves.
    assert rover[5].startswith("2005-04-02") and rover[7] == "30 s" and rover[8] == "120"
    assert "30400920.05o" in rover[9] and "30400920.05n" in rover[9]
    # The baseline page offers both points, the rover and base preselected by role.
    assert view.baseline.rover.currentText() == ROVER
    assert view.baseline.base.currentText() == BASE
    # 0759 is not in the job's control: its position has to be typed (or read from its file).
    assert "not in control" in view.baseline.base_pos.placeholderText()


def test_processing_the_geonet_pair_shows_a_fixed_baseline_and_every_rule(
    qtbot, job: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, job)
    view = window.control
    panel = view.baseline
    view.pages.setCurrentWidget(panel)
    # 0759 is not in the job's control: the base's RINEX header gives its approximate mark.
    panel.header_btn.click()
    lat, lon, _h = (float(x) for x in panel.base_pos.text().split())
    assert 35 < lat < 37 and 139 < lon < 141  # GEONET 0759, Japan
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(panel.progress.value()))
    timer.start(5)
    with qtbot.waitSignal(panel.processed, timeout=60_000) as blocker:
        assert panel.start()
        assert panel.running and panel.cancel_btn.isEnabled() and not panel.process_btn.isEnabled()
        assert panel.progress.isVisible() and not panel.start()  # a second press starts nothing
    timer.stop()
    stored = blocker.args[0]
    assert stored is not None, panel.last_error
    assert len(ticks) >= 3  # the GUI thread kept turning while RTKLIB ran
    assert not panel.running and not panel.progress.isVisible() and not panel.cancel_btn.isEnabled()
    s = stored.solution
    assert str(s.fix) == "fixed" and 3000 < s.baseline_m < 3600 and s.sigma_h_m < 0.01
    # The list shows it, in green for fixed; the detail tables show every rule.
    assert panel.list.rowCount() == 1 and panel.shown is not None and panel.shown.id == stored.id
    assert panel.list.item(0, 2).text().startswith("fixed")
    rules = {panel.rules.item(r, 0).text(): r for r in range(panel.rules.rowCount())}
    assert set(rules) >= {"Observation duration", "Recording interval", "Elevation mask",
                          "Ambiguities fixed", "σ horizontal", "σ vertical"}  # fmt: skip
    red, green = "#b71c1c", "#1b5e20"

    def cell(rule: str, col: int) -> tuple[str, str]:
        item = panel.rules.item(rules[rule], col)
        return item.text(), item.foreground().color().name()

    # The files are recorded every 30 s: 697/1996 asks 15 s. Red, with the figure.
    figure, colour = cell("Recording interval", 2)
    assert figure == "30 s" and colour == red and cell("Recording interval", 3)[0] == "≤ 15 s"
    assert cell("Recording interval", 1) == ("✘ does not meet", red)
    # 120 epochs at 30 s span 59 min 30 s; RTKLIB uses 57 min 30 s of them: under 1 h, red.
    assert cell("Observation duration", 1) == ("✘ does not meet", red)
    assert cell("Observation duration", 2)[0].startswith("0 h 5")
    assert cell("Observation duration", 3)[0] == "≥ 1 h for a baseline under 20 km"
    assert cell("Ambiguities fixed", 1) == ("✔ meets", green)
    assert cell("Ambiguities fixed", 2)[0].startswith("fixed (ratio")
    assert cell("σ horizontal", 1)[1] == green
    failed = {v.rule for v in stored.verdicts if not v.passed}
    assert "interval" in failed
    for _rule, row in rules.items():  # never green where the rule failed
        passed = panel.rules.item(row, 1).text() == "✔ meets"
        assert panel.rules.item(row, 1).foreground().color().name() == (green if passed else red)
        assert panel.rules.item(row, 2).foreground().color().name() == (green if passed else red)
    assert not panel.passes(stored)
    assert panel.verdict.text().startswith("Does not meet") and "Recording interval" in (
        panel.verdict.text()
    )
    assert panel.accept_btn.isEnabled()

    # Accepting needs a reason because a rule fails: no reason, nothing happens.
    asked: list[list[str]] = []
    panel.ask_reason = lambda failed: asked.append(failed) and None  # type: ignore[method-assign]
    assert not panel.accept()
    assert asked and any("Recording interval" in f for f in asked[0])
    assert load_baselines(window.session.store.db)[0].status == "new"
    panel.ask_reason = lambda failed: "GEONET test pair: 30 s is what the CORS recorded"  # type: ignore[method-assign]
    assert panel.accept()
    after = load_baselines(window.session.store.db)[0]
    assert after.status == "accepted" and after.override_reason.startswith("GEONET")
    # Accepted over a failing rule never reads like a clean acceptance; the reason is at hand.
    status = panel.list.item(0, 6)
    assert status.text() == "accepted with a reason" and not panel.accept_btn.isEnabled()
    assert status.toolTip() == "Reason: GEONET test pair: 30 s is what the CORS recorded"
    assert status.foreground().color().name() == red
    assert ROVER in {c.name for c in window.session.layers.control}  # the map sees it now
    # ... and it can be the base of the next baseline, from its new control coordinate.
    panel.base.setCurrentText(ROVER)
    assert panel.base_pos.placeholderText().startswith("from the job's control: 35.13")

    panel.show_baseline(stored)
    path = tmp_path / "kontrol-baseline.png"
    assert window.grab().save(str(path))
    window.close()


def test_cancel_stops_the_run_and_stores_nothing(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, job)
    panel = window.control.baseline
    assert panel.position_from_header()
    with qtbot.waitSignal(panel.processed, timeout=60_000) as blocker:
        assert panel.start()
        panel.cancel_btn.click()  # before the engine has got far: it stops at its next step
        assert not panel.cancel_btn.isEnabled()
    assert blocker.args == [None]
    # The engine stopped at the cancel (its own exception), not some other failure.
    assert type(panel.last_exception).__name__ == "ProcessingCancelled"
    assert panel.last_error == "Processing cancelled; nothing was stored."
    assert not control_worker.running() or all(t.wait(5000) for t in control_worker.running())
    assert load_baselines(window.session.store.db) == []
    assert panel.process_btn.isEnabled() and not panel.running
    window.close()
    with JobStore.open(job) as store:
        assert load_baselines(store.db) == []


def test_a_base_without_position_is_refused_in_one_line_and_nothing_is_stored(
    qtbot, job: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, job)
    panel = window.control.baseline
    with qtbot.waitSignal(panel.processed, timeout=60_000) as blocker:
        assert panel.start()  # no base position typed, and 0759 is not in the job's control
    assert blocker.args == [None]
    error = panel.last_error or ""
    assert error.startswith("Processing failed: base point JKHN-0759 is not in the job's control")
    assert "from the file header" in error and "\n" not in error
    assert panel.step.text() == error and load_baselines(window.session.store.db) == []
    # A position that is no position is refused before any work starts.
    panel.base_pos.setText("35,16 north")
    assert not panel.start() and "Base position" in (panel.last_error or "")
    assert not panel.running
    window.close()


def test_the_rule_colours_follow_the_theme(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.app import TEXT_COLOURS

    window = _window(qtbot, job)
    panel = window.control.baseline
    assert panel.position_from_header()
    with qtbot.waitSignal(panel.processed, timeout=60_000):
        assert panel.start()
    row = next(r for r in range(panel.rules.rowCount())
               if panel.rules.item(r, 0).text() == "Recording interval")  # fmt: skip
    window.set_theme("dark")
    try:
        night_red = TEXT_COLOURS["bad"][1]
        assert panel.rules.item(row, 1).foreground().color().name() == night_red
        assert night_red in panel.verdict.styleSheet()
    finally:
        window.set_theme("light")
    assert panel.rules.item(row, 1).foreground().color().name() == TEXT_COLOURS["bad"][0]
    window.close()


def test_a_sessions_field_sheet_is_written_into_the_job(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    view = _window(qtbot, job).control
    opened: list[Path] = []
    view.open_document = opened.append  # type: ignore[method-assign]
    assert not view.sheet_btn.isEnabled()  # nothing chosen yet
    row = next(r for r in range(2) if view.table.item(r, 0).text() == ROVER)
    view.table.selectRow(row)
    assert view.sheet_btn.isEnabled()
    view.sheet_btn.click()
    assert len(opened) == 1 and opened[0].parent == job / "documents"
    text = "".join(page.extract_text() for page in PdfReader(opened[0]).pages)
    assert "FORMULIR PENGAMATAN GNSS STATIK" in text and ROVER in text
    assert "8,0 mm" in text  # the sheet repeats the 5 mm warning, in Indonesian


def test_a_slant_height_needs_the_antenna_radius(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.store.gnss_sessions import load_sessions
    from fieldapp.ui.control_dialogs import AddSessionDialog

    view = _window(qtbot, job).control
    rinex = shared_data_dir() / "gnss-raw" / "30400920.05o"
    dialog = AddSessionDialog(["TB-01"], [rinex], view)
    qtbot.addWidget(dialog)
    dialog.point.setCurrentText("TB-01")
    dialog.kind.setCurrentIndex(dialog.kind.findData("TITIK_BANTU"))
    dialog.before.setText("1,602")
    dialog.after.setText("1,604")
    dialog.method.setCurrentIndex(dialog.method.findData("slant"))
    assert dialog.radius.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.entry is None and "antenna radius" in dialog.error.text()
    dialog.radius.setText("0,1325")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.entry is not None and dialog.entry.antenna_radius_m == pytest.approx(0.1325)
    assert view.store_session(dialog.entry) is not None
    stored = next(s for s in load_sessions(view.session.store.db) if s.point == "TB-01")
    assert stored.height_method == "slant" and stored.antenna_height_m < 1.603
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "TB-01")
    assert "(slant, ARP)" in view.table.item(row, 4).text()
    assert view.table.item(row, 1).text() == "Titik Bantu"


def test_a_processed_baseline_switches_language_in_place(qtbot, job: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.app import install_language

    install_language(qapp, "en")  # English first, whatever the machine's locale
    window = _window(qtbot, job)
    panel = window.control.baseline
    assert panel.position_from_header()
    with qtbot.waitSignal(panel.processed, timeout=60_000):
        assert panel.start()
    try:
        window.set_language("id")
        rules = {panel.rules.item(r, 0).text(): r for r in range(panel.rules.rowCount())}
        row = rules["Lama pengamatan"]
        assert panel.rules.item(row, 1).text() == "✘ tidak memenuhi"
        assert panel.rules.item(row, 2).text() == "0 jam 57 menit 30 detik"
        assert panel.rules.item(row, 3).text() == "≥ 1 jam untuk baseline di bawah 20 km"
        assert panel.rules.item(rules["σ horizontal"], 3).text() == "≤ 0,15 m"
        assert panel.verdict.text().startswith("Tidak memenuhi: Lama pengamatan")
        assert panel.list.item(0, 3).text().endswith(" m") and "," in panel.list.item(0, 3).text()
        assert panel.accept_btn.text() == "Terima"
        assert window.control.pages.tabText(0) == "Sesi pengamatan"
    finally:
        window.set_language("en")  # the tests' language, and its number format, come back
    assert panel.rules.item(0, 1).text() in ("✘ does not meet", "✔ meets")
    assert "." in panel.list.item(0, 3).text()
    window.close()


def test_a_read_only_job_shows_its_sessions_and_writes_nothing(qtbot, job: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_store(JobStore.open(job, read_only=True))
    window.tabs.setCurrentWidget(window.control_page)
    view = window.control
    assert view.table.rowCount() == 2
    view.table.selectRow(0)
    assert not view.add_btn.isEnabled() and not view.sheet_btn.isEnabled()
    assert not view.raw.start_btn.isEnabled()
    panel = view.baseline
    assert not panel.process_btn.isEnabled()
    assert not panel.start() and "read-only" in (panel.last_error or "")
    assert not panel.running and load_baselines(window.session.store.db) == []
    window.close()


def test_closing_the_job_mid_run_cancels_it_and_waits(qtbot, job: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "Lain.fieldapp"
    create_demo_job(other).close()
    window = _window(qtbot, job)
    panel = window.control.baseline
    assert panel.position_from_header()
    shown: list[object] = []
    panel.processed.connect(shown.append)
    assert panel.start()
    assert window.open_job(other)  # the surveyor opens another job while RTKLIB runs
    assert not control_worker.running() or all(t.wait(5000) for t in control_worker.running())
    qtbot.wait(50)  # a queued result would arrive now: the closed job's panel ignores it
    assert shown == [] and window.control.baseline is not panel
    assert window.control.table.rowCount() == 0
    window.close()
    with JobStore.open(job) as store:
        assert load_baselines(store.db) == []  # cancelled before it was stored


def test_without_rtklib_the_window_says_how_to_install_it(
    qtbot, job: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", "")  # no rnx2rtkp anywhere the engine looks
    monkeypatch.delenv("FIELDAPP_RTKLIB_DIR", raising=False)
    window = _window(qtbot, job)
    panel = window.control.baseline
    assert panel.position_from_header()
    with qtbot.waitSignal(panel.processed, timeout=60_000) as blocker:
        assert panel.start()
    assert blocker.args == [None]
    assert type(panel.last_exception).__name__ == "EngineMissing"
    assert (panel.last_error or "").startswith("Processing failed: RTKLIB's rnx2rtkp not found;")
    assert load_baselines(window.session.store.db) == []
    window.close()
