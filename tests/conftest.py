"""Test configuration shared by every test: offscreen Qt, the shared data folder, fixtures."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Set before any Qt import so every Qt test runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from testpaths import FIXTURES, shared_data_dir


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`@pytest.mark.posix`: skipped on Windows; each names its Windows counterpart if any."""
    if sys.platform != "win32":
        return
    for item in items:
        marker = item.get_closest_marker("posix")
        if marker is not None:
            reason = marker.kwargs.get("reason", "POSIX only (pty, signals or mode bits)")
            item.add_marker(pytest.mark.skip(reason=f"POSIX only: {reason}"))


@pytest.fixture
def shared_data() -> Path:
    return shared_data_dir()


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
