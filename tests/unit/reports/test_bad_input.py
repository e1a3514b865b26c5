"""Bad input: a clear message naming the marker and the file, and no half-written document."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from fieldapp.reports.build import BuildKind, BuildOptions, Outcome, build_document
from fieldapp.store import JobStore
from fieldapp.store.installation import load_installation
from fieldapp.store.photos import import_photo
from fieldapp.store.records import set_marker_status
from fieldapp.survey.models import MarkerStatus


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _photo(job: JobStore, marker: str, direction: str) -> Path:
    inst = load_installation(job.db, marker)
    rec = next(p for p in inst.photos if p.direction.value == direction)
    return job.photos_dir / rec.file_name


@pytest.mark.parametrize("kind", [BuildKind.DESKRIPSI, BuildKind.DELIVERABLES])
def test_missing_photo(documented_job: JobStore, tmp_path: Path, kind: BuildKind) -> None:
    photo = _photo(documented_job, "4A", "barat")
    photo.unlink()
    out = tmp_path / "out" / ("d.pdf" if kind is BuildKind.DESKRIPSI else "deliver")
    result = build_document(documented_job.path, kind, out)
    assert result.outcome is Outcome.FAILED
    assert "marker 4A" in (result.message or "") and photo.name in (result.message or "")
    assert "missing" in (result.message or "")
    assert not out.parent.exists() or _leftovers(out.parent) == []


def test_altered_photo(documented_job: JobStore, tmp_path: Path) -> None:
    photo = _photo(documented_job, "4B", "detail")
    with photo.open("ab") as f:
        f.write(b"\0")  # one byte is enough to break the SHA-256 taken at import
    result = build_document(documented_job.path, BuildKind.DESKRIPSI, tmp_path / "d.pdf")
    assert result.outcome is Outcome.FAILED
    msg = result.message or ""
    assert "marker 4B" in msg and photo.name in msg and "altered" in msg
    assert _leftovers(tmp_path) == ["job.fieldapp"]


def test_unsupported_image_format(documented_job: JobStore, tmp_path: Path) -> None:
    gif = tmp_path / "scan.gif"
    Image.new("P", (64, 48)).save(gif, "GIF")
    for p in load_installation(documented_job.db, "4").photos:
        if p.direction.value == "detail":
            from fieldapp.store.installation import withdraw

            withdraw(documented_job.db, "photo", p.id, "replaced by a scan")
    rec = import_photo(documented_job, "4", gif, "detail")
    result = build_document(documented_job.path, BuildKind.DESKRIPSI, tmp_path / "out.pdf")
    assert result.outcome is Outcome.FAILED
    msg = result.message or ""
    assert "marker 4" in msg and rec.file_name in msg and "unsupported image format" in msg
    assert not (tmp_path / "out.pdf").exists()


def test_marker_without_coordinates(documented_job: JobStore, tmp_path: Path) -> None:
    # The stake-out screen may set a status without a stake: the documents must refuse it.
    set_marker_status(documented_job.db, "5A", MarkerStatus.INSTALLED)
    for kind in BuildKind:
        out = tmp_path / f"out-{kind.value}"
        result = build_document(documented_job.path, kind, out)
        assert result.outcome is Outcome.FAILED, kind
        assert "marker 5A" in (result.message or "") and "no measured coordinates" in (
            result.message or ""
        )
        assert str(documented_job.path) in (result.message or "")
        assert not out.exists()


def test_existing_output_is_kept_on_failure(documented_job: JobStore, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    out.write_bytes(b"%PDF-old")
    _photo(documented_job, "4", "utara").unlink()
    result = build_document(documented_job.path, BuildKind.DESKRIPSI, out, BuildOptions())
    assert result.outcome is Outcome.FAILED and out.read_bytes() == b"%PDF-old"
