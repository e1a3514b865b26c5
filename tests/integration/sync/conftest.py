"""Fixtures for sync tests: an isolated device home, a small job, a real office subprocess."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from synckit import Office, Reviewer, free_port, make_job


@pytest.fixture(autouse=True)
def device_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own device key: never the developer's real config dir."""
    home = tmp_path / "device-home"
    monkeypatch.setenv("FIELDAPP_HOME", str(home))
    return home


@pytest.fixture
def job(tmp_path: Path) -> Path:
    return make_job(tmp_path)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    server = Office(tmp_path / "office-data", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def device_token(office: Office) -> str:
    return office.add("device", "laptop-01")


@pytest.fixture
def staff(office: Office) -> Reviewer:
    return office.reviewer("reviewer")
