"""Test configuration shared by every test: offscreen Qt, the shared data folder, fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any Qt import so every Qt test runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from testpaths import FIXTURES, shared_data_dir


@pytest.fixture
def shared_data() -> Path:
    return shared_data_dir()


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
