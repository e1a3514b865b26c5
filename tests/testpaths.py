"""Paths every test may need: the project root, our fixtures, and ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_data_dir() -> Path:
    """The real captures in ../shared/data: fail loudly in CI, skip with a reason elsewhere."""
    if SHARED_DATA.is_dir():
        return SHARED_DATA
    if os.environ.get("CI"):
        pytest.fail(f"shared test data missing: {SHARED_DATA} (CI must have ../shared beside it)")
    pytest.skip(f"shared test data not found at {SHARED_DATA} (outside CI)")
