"""Fixtures for the document tests: one documented demo job per session, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.demo_documented import export_documented_demo
from fieldapp.store import JobStore


@pytest.fixture(scope="session")
def documented_job_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Without the demo's starter background: the documents' own pages are checked here, and the
    # background under their maps by tests that add one (test_document_background.py).
    return export_documented_demo(
        tmp_path_factory.mktemp("demo") / "demo.fieldapp", background=False
    )


@pytest.fixture
def documented_job(documented_job_template: Path, tmp_path: Path) -> Iterator[JobStore]:
    """A private copy: tests that damage photos or records must not affect the others."""
    path = tmp_path / "job.fieldapp"
    shutil.copytree(documented_job_template, path)
    with JobStore.open(path) as store:
        yield store
