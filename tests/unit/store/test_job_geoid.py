"""The job's geoid in the store: refused grids store nothing, a lost copy is named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.store import JobReadOnlyError, JobStore
from fieldapp.store.job_geoid import (
    BUNDLED_NAME,
    bundled_geoid,
    import_job_geoid,
    job_geoid,
    reset_job_geoid,
)
from fieldapp.survey.geoid import GeoidError


def _row(store: JobStore) -> tuple[object, object]:
    return tuple(
        store.db.execute("SELECT geoid_name, geoid_file FROM permit_area WHERE id = 1").fetchone()
    )


def test_import_reimport_and_a_lost_copy(tmp_path: Path) -> None:
    grid = tmp_path / "egm.gtx"
    grid.write_bytes(bundled_geoid().path.read_bytes())
    with JobStore.create(tmp_path / "a.fieldapp", "WIUP A") as store:
        assert job_geoid(store).name == BUNDLED_NAME and _row(store) == (None, None)
        text = tmp_path / "catatan.gtx"
        text.write_text("bukan grid")
        with pytest.raises(GeoidError, match=r"catatan\.gtx"):
            import_job_geoid(store, text)
        assert _row(store) == (None, None) and not any((store.path / "geoid").glob("*"))

        first = import_job_geoid(store, grid, "  EGM  uji ")
        assert first.name == "EGM uji" and first.path.parent == store.path / "geoid"
        assert job_geoid(store) == first
        # The same bytes again under another name: one copy, the new name.
        assert import_job_geoid(store, grid, "lagi").path == first.path
        assert [p.name for p in (store.path / "geoid").iterdir()] == [first.path.name]

        first.path.unlink()
        with pytest.raises(GeoidError, match=re.escape(first.path.name)):
            job_geoid(store)
        assert reset_job_geoid(store).name == BUNDLED_NAME and _row(store) == (None, None)


def test_read_only_job_refuses_an_import(tmp_path: Path) -> None:
    grid = tmp_path / "egm.gtx"
    grid.write_bytes(bundled_geoid().path.read_bytes())
    JobStore.create(tmp_path / "b.fieldapp", "WIUP B").close()
    with JobStore.open(tmp_path / "b.fieldapp", read_only=True) as store:
        with pytest.raises(JobReadOnlyError):
            import_job_geoid(store, grid)
        assert not (store.path / "geoid").exists()
