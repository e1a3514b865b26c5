"""A large WIUP comes in through the SK import and is checked, now that validation is indexed."""

from __future__ import annotations

from pathlib import Path

from crafted_inputs import polygon
from jobkit import run
from wiupgen import large_boundary, write_sk_csv

from fieldapp.exchange import limits
from fieldapp.store import JobStore
from fieldapp.store import records as rec


def test_a_4000_point_sk_table_imports_and_validates(tmp_path: Path) -> None:
    job = tmp_path / "Besar.fieldapp"
    table = write_sk_csv(tmp_path / "titik_batas.csv", large_boundary(4_000))
    assert run("job", "create", job, "--name", "WIUP besar").returncode == 0
    imported = run("job", "import-boundary", job, table)
    assert imported.returncode == 0, imported.stderr
    assert "imported 4000 boundary points" in imported.stdout
    checked = run("job", "validate", job)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr


def test_a_boundary_past_the_vertex_limit_is_refused_whole(tmp_path: Path) -> None:
    """GeoJSON, as an SK table meets its line limit first."""
    job = tmp_path / "Besar.fieldapp"
    points = large_boundary(limits.MAX_VERTICES + 2)  # the generator makes even counts
    ring = [[p.lon, p.lat] for p in points]
    path = tmp_path / "wiup.geojson"
    path.write_text(polygon([*ring, ring[0]]), encoding="utf-8")
    assert run("job", "create", job, "--name", "WIUP besar").returncode == 0
    refused = run("job", "import-boundary", job, path)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert f"more than {limits.MAX_VERTICES} vertices" in refused.stderr
    assert str(path) in refused.stderr
    with JobStore.open(job) as store:
        assert rec.load_boundary_points(store.db) == []
