"""The Kirim tab against the real office receiver: buttons, progress, auto-push, returns, errors."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from integration.sync.synckit import Office, Reviewer, free_port, make_job
from PySide6.QtCore import Qt

from fieldapp.store import JobStore
from fieldapp.sync.outbox import OutboxState, list_outbox, wire_manifest
from fieldapp.ui.office_settings import OfficeSettings
from fieldapp.ui.outbox_view import BAR_STEPS, AutoTiming, OutboxView, state_text
from fieldapp.ui.session import JobSession

FAST = AutoTiming(check_s=0.2, max_backoff_s=1.0, pull_every_s=1.0)
WAIT_MS = 30_000  # generous: the office is a subprocess on a shared machine


@pytest.fixture(autouse=True)
def device_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test signs with its own device key, never the developer's."""
    home = tmp_path / "device-home"
    monkeypatch.setenv("FIELDAPP_HOME", str(home))
    return home


@pytest.fixture
def job(tmp_path: Path) -> Path:
    return make_job(tmp_path)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    """Not started: each test decides when the office comes up."""
    server = Office(tmp_path / "office-data", free_port())
    yield server
    server.stop()


@pytest.fixture
def staff(office: Office) -> Reviewer:
    return office.reviewer("reviewer")


@pytest.fixture
def open_view(qtbot, job: Path) -> Iterator[Callable[[], OutboxView]]:  # type: ignore[no-untyped-def]
    views: list[tuple[OutboxView, JobSession]] = []

    def make() -> OutboxView:
        session = JobSession(JobStore.open(job))
        view = OutboxView(session, timing=FAST)
        qtbot.addWidget(view)
        view.resize(1300, 700)
        view.show()
        views.append((view, session))
        return view

    yield make
    for view, session in views:
        view.shutdown()
        session.close()


def configure(office: Office, token: str, auto: bool) -> None:
    OfficeSettings(office.url, token, auto).save()


def states(job: Path) -> list[tuple[int, OutboxState]]:
    with JobStore.open(job) as store:
        return [(e.revision, e.state) for e in list_outbox(store.db)]


def office_lists(office: Office, staff: Reviewer, package_id: str) -> bool:
    page = httpx.get(f"{office.url}/review", auth=staff, timeout=10)
    assert page.status_code == 200
    return package_id[:12] in page.text


def table_row(view: OutboxView, row: int = 0) -> list[str]:
    return [view.table.item(row, c).text() for c in range(view.table.columnCount())]


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def seal_by_button(qtbot, view: OutboxView) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, view.seal_btn)
    qtbot.waitUntil(lambda: view.busy is None and bool(view.entries), timeout=WAIT_MS)


def test_seal_send_and_office_state_by_buttons(
    qtbot, open_view, job: Path, office: Office, staff: Reviewer
) -> None:
    office.start()
    configure(office, office.add("device", "laptop-01"), auto=False)
    view = open_view()
    assert "Nothing to send" in view.status_label.text()

    seal_by_button(qtbot, view)
    assert states(job) == [(1, OutboxState.SEALED)]
    (entry,) = view.entries
    assert table_row(view)[:3] == [entry.package_id[:8], "1", state_text(OutboxState.SEALED)]
    assert "Sealed revision 1" in view.message_label.text()

    click(qtbot, view.push_btn)
    assert not view.seal_btn.isEnabled() and view.cancel_btn.isEnabled()
    # The push ends with a pull, so the table shows the office's own word for the package.
    qtbot.waitUntil(
        lambda: view.busy is None and states(job) == [(1, OutboxState.RECEIVED)], timeout=WAIT_MS
    )
    with JobStore.open(job) as store:  # identical files travel once: count unique blobs
        blob_bytes = sum(wire_manifest(store.db, entry.package_id, 1).blobs().values())
    assert 0 < blob_bytes <= entry.total_bytes
    assert view.last_progress.bytes_total == blob_bytes
    assert view.last_progress.bytes_done == blob_bytes
    assert view.progress.value() == BAR_STEPS
    assert "MB" in view.progress_label.text()
    assert table_row(view)[2] == state_text(OutboxState.RECEIVED) == "Received by office"
    assert not view.cancel_btn.isEnabled()
    assert office_lists(office, staff, entry.package_id)
    assert "All sent" in view.status_label.text()


def test_auto_push_waits_offline_then_sends_without_a_click(
    qtbot, open_view, job: Path, office: Office, staff: Reviewer
) -> None:
    configure(office, office.add("device", "laptop-01"), auto=True)  # office not running
    view = open_view()
    seal_by_button(qtbot, view)
    qtbot.waitUntil(
        lambda: view.status_label.text().startswith("Offline, waiting for signal"),
        timeout=WAIT_MS,
    )
    assert states(job) == [(1, OutboxState.QUEUED)]
    assert table_row(view)[2] == state_text(OutboxState.QUEUED)
    assert "No link to the office" in view.message_label.text()

    office.start()  # the link appears
    qtbot.waitUntil(lambda: states(job)[0][1] == OutboxState.RECEIVED, timeout=WAIT_MS)
    assert office_lists(office, staff, view.entries[0].package_id)
    qtbot.waitUntil(lambda: "All sent" in view.status_label.text(), timeout=WAIT_MS)


def test_switch_off_sends_nothing(
    qtbot, open_view, job: Path, office: Office, staff: Reviewer
) -> None:
    office.start()
    configure(office, office.add("device", "laptop-01"), auto=False)
    view = open_view()
    seal_by_button(qtbot, view)
    qtbot.wait(1500)  # several auto ticks at FAST timing
    assert view.link_checks == 0
    assert states(job) == [(1, OutboxState.SEALED)]
    assert "Automatic sending is off" in view.status_label.text()
    assert not office_lists(office, staff, view.entries[0].package_id)

    # The same view sends as soon as the switch goes on: it was the switch that held it.
    view.office.auto_check.setChecked(True)
    assert OfficeSettings.load().auto_push
    qtbot.waitUntil(lambda: states(job)[0][1] == OutboxState.RECEIVED, timeout=WAIT_MS)


def test_returned_package_shows_office_notes_after_pull(
    qtbot, open_view, job: Path, office: Office, staff: Reviewer
) -> None:
    office.start()
    configure(office, office.add("device", "laptop-01"), auto=False)
    view = open_view()
    seal_by_button(qtbot, view)
    click(qtbot, view.push_btn)
    qtbot.waitUntil(lambda: view.busy is None and view.last_outcome is not None, timeout=WAIT_MS)
    pid = view.entries[0].package_id
    notes = "Foto TB2 arah timur kabur; ulangi foto dan kirim ulang."
    for action, text in (("start_review", ""), ("return", notes)):
        r = httpx.post(
            f"{office.url}/review/packages/{pid}/1/decision",
            data={"action": action, "notes": text},
            auth=staff,
        )
        assert r.status_code == 303, r.text

    qtbot.waitUntil(lambda: view.pull_btn.isEnabled(), timeout=WAIT_MS)
    click(qtbot, view.pull_btn)
    qtbot.waitUntil(lambda: states(job) == [(1, OutboxState.RETURNED)], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.busy is None, timeout=WAIT_MS)
    row = table_row(view)
    assert row[2] == state_text(OutboxState.RETURNED)
    assert row[6] == notes
    assert "returned: revise and seal again" in view.status_label.text()


def test_bad_token_is_a_message_not_a_traceback(
    qtbot, open_view, job: Path, office: Office
) -> None:
    office.start()
    office.add("device", "laptop-01")
    configure(office, "not-the-token", auto=False)
    view = open_view()
    seal_by_button(qtbot, view)
    click(qtbot, view.push_btn)
    qtbot.waitUntil(lambda: view.busy is None and view.last_outcome is not None, timeout=WAIT_MS)
    text = view.message_label.text()
    assert "did not accept the device token (401)" in text
    assert "Traceback" not in text and "Error:" not in text
    assert states(job) == [(1, OutboxState.QUEUED)]  # nothing lost: it waits for a good token


def test_altered_photo_refused_in_words(qtbot, open_view, job: Path, office: Office) -> None:
    office.start()
    configure(office, office.add("device", "laptop-01"), auto=False)
    view = open_view()
    seal_by_button(qtbot, view)
    photo = job / view.entries[0].bag_dir / "data" / "photos" / "TB1_north.jpg"
    photo.chmod(stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(photo.read_bytes())
    data[1000] ^= 0x01
    photo.write_bytes(bytes(data))
    click(qtbot, view.push_btn)
    qtbot.waitUntil(lambda: view.busy is None and view.last_outcome is not None, timeout=WAIT_MS)
    text = view.message_label.text()
    assert text.startswith("The office refused the package:")
    assert "changed after sealing" in text
    assert states(job) == [(1, OutboxState.QUEUED)]


def test_main_window_has_the_tab(qtbot, job: Path) -> None:
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_job(job)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Outbox" in titles
    page = window.tabs.widget(titles.index("Outbox"))
    # Built shortly after the window opens (automatic sending needs it), tab shown or not.
    qtbot.waitUntil(lambda: window.outbox_page.built, timeout=5000)
    view = window.outbox
    assert page.isAncestorOf(view)  # in the page (inside its scroller)
    window.close_job()
    assert view._closed


def test_cancel_keeps_the_package_queued_and_send_resumes(
    qtbot, tmp_path: Path, office: Office
) -> None:
    big = make_job(tmp_path / "big", photo_bytes=10_000_000)  # 40 MB of photos
    office.start()
    configure(office, office.add("device", "laptop-01"), auto=False)
    session = JobSession(JobStore.open(big))
    view = OutboxView(session, timing=FAST)
    qtbot.addWidget(view)
    try:
        seal_by_button(qtbot, view)
        click(qtbot, view.push_btn)
        click(qtbot, view.cancel_btn)  # long before 40 MB have gone
        qtbot.waitUntil(lambda: view.busy is None, timeout=WAIT_MS)
        assert view.last_outcome is not None and view.last_outcome.status == "cancelled"
        assert "cancelled" in view.message_label.text()
        assert states(big) == [(1, OutboxState.QUEUED)]
        assert view.last_progress.bytes_done < view.entries[0].total_bytes
        click(qtbot, view.push_btn)
        qtbot.waitUntil(lambda: states(big) == [(1, OutboxState.RECEIVED)], timeout=WAIT_MS)
        assert view.last_progress.bytes_done == view.last_progress.bytes_total
    finally:
        view.shutdown()
        session.close()
