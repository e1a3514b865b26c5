"""Crafted and hostile files through the real `job import-boundary`/`import-control` CLI.

Every file is generated in tmp_path at test time. Each must be refused cleanly (exit 1 or 2,
one stderr line naming the file, no traceback, peak memory under the probe's limit) and leave
the job's database exactly as it was, row by row.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from crafted_inputs import (
    AREAS,
    BOUNDARY,
    CONTROL,
    DEMO,
    SQUARE,
    dump_job,
    polygon,
    star,
    xlsx_from_cells,
)
from probe import assert_clean_refusal, probe

from fieldapp.exchange.areas import AreaFileError, read_activity_zones, read_neighbors
from fieldapp.exchange.boundary_import import read_boundary_file
from fieldapp.exchange.control_import import read_control_table
from fieldapp.exchange.problems import ImportFailed


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A job with the demo boundary and control points: what a refusal must not touch."""
    folder = tmp_path_factory.mktemp("crafted") / "Loa-Kulu.fieldapp"
    for args in (
        ("job", "create", folder, "--name", "WIUP Loa Kulu", "--sk-area-ha", "745.54"),
        ("job", "import-boundary", folder, DEMO / "titik_batas.csv"),
        ("job", "import-control", folder, DEMO / "kontrol.csv"),
    ):
        result = probe(*args)
        assert result.returncode == 0, result.describe()
    return folder


# Each probe is a process (~1 s): the ones where the process matters (memory, bombs, decoding,
# the CLI's one line) run as probes; every case also runs in process below, in milliseconds.
PROBED_BOUNDARY = sorted(
    set(BOUNDARY)
    - {
        "geojson_lat_95",
        "geojson_string_coords",
        "geojson_top_level_list",
        "geojson_collinear",
        "geojson_empty_ring",  # probed with the row-by-row check below
        "geojson_outside_indonesia",  # likewise
        "csv_out_of_indonesia",
        "csv_named_xlsx",
        "wrong_extension",
    }
)
PROBED_CONTROL = ["control_nan_easting", "control_outside_indonesia", "control_xlsx_odd_cells"]
PROBED_AREAS = ["activity_infinite_depth", "neighbors_deep_json", "neighbors_entity_bomb"]


@pytest.mark.parametrize("case", sorted(BOUNDARY))
def test_every_crafted_boundary_file_is_a_typed_refusal_in_process(
    tmp_path: Path, case: str
) -> None:
    path = BOUNDARY[case](tmp_path)
    with pytest.raises(ImportFailed) as info:
        read_boundary_file(path)
    assert all(p.file == str(path) for p in info.value.problems)


@pytest.mark.parametrize("case", sorted(CONTROL))
def test_every_crafted_control_file_is_a_typed_refusal_in_process(
    tmp_path: Path, case: str
) -> None:
    path = CONTROL[case](tmp_path)
    with pytest.raises(ImportFailed) as info:
        read_control_table(path, default_crs="SRGI2013/UTM50S")
    assert all(p.file == str(path) for p in info.value.problems)


@pytest.mark.parametrize("case", sorted(AREAS))
def test_every_crafted_area_file_is_a_typed_refusal_in_process(tmp_path: Path, case: str) -> None:
    option, build = AREAS[case]
    path = build(tmp_path)
    with pytest.raises(AreaFileError, match=f"^{re.escape(str(path))}"):
        (read_neighbors if option == "--neighbors" else read_activity_zones)(path)


@pytest.mark.parametrize("case", PROBED_BOUNDARY)
def test_crafted_boundary_file_is_refused_cleanly(job: Path, tmp_path: Path, case: str) -> None:
    path = BOUNDARY[case](tmp_path)
    before = dump_job(job)
    result = probe("job", "import-boundary", job, path)
    assert_clean_refusal(result, str(path))
    assert dump_job(job) == before


@pytest.mark.parametrize("case", PROBED_CONTROL)
def test_crafted_control_file_is_refused_cleanly(job: Path, tmp_path: Path, case: str) -> None:
    path = CONTROL[case](tmp_path)
    before = dump_job(job)
    result = probe("job", "import-control", job, path)
    assert_clean_refusal(result, str(path))
    assert dump_job(job) == before


@pytest.mark.parametrize("case", PROBED_AREAS)
def test_crafted_area_file_is_refused_cleanly(job: Path, tmp_path: Path, case: str) -> None:
    option, build = AREAS[case]
    path = build(tmp_path)
    before = dump_job(job)
    result = probe("job", "plan", job, option, path, "--apply")
    assert_clean_refusal(result, str(path))
    assert dump_job(job) == before


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty_ring.geojson", polygon([]), "no boundary points: a boundary needs at least 3"),
        (
            "paris.geojson",
            polygon([[x - 114.6, y + 49.35] for x, y in SQUARE]),
            "is outside Indonesia",
        ),
    ],
)
def test_empty_ring_and_outside_indonesia_leave_the_job_exactly_as_it_was(
    job: Path, tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = dump_job(job)
    assert before["boundary_point"], "the job must have a boundary to lose"
    result = probe("job", "import-boundary", job, path)
    assert_clean_refusal(result, str(path))
    assert reason in result.stderr and "the job is unchanged" in result.stderr
    assert dump_job(job) == before
    shown = probe("job", "validate", job)
    assert shown.returncode == 0 and "Hasil: WIUP valid" in shown.stdout, shown.describe()


def test_declared_dimension_bomb_is_ignored_and_the_real_cells_import(tmp_path: Path) -> None:
    """A tiny workbook declaring A1:XFD1048576: only its real cells are read, in little memory."""
    rows = [
        [cell.strip() for cell in line.split(";")]
        for line in (DEMO / "titik_batas.csv").read_text(encoding="utf-8").splitlines()
    ]
    path = xlsx_from_cells(tmp_path / "dimension.xlsx", rows, dimension="A1:XFD1048576")
    assert path.stat().st_size < 10_000
    folder = tmp_path / "j.fieldapp"
    assert probe("job", "create", folder, "--name", "x").returncode == 0
    result = probe("job", "import-boundary", folder, path)
    assert result.returncode == 0, result.describe()
    assert "imported 10 boundary points" in result.stdout
    assert result.peak_mb < 300, result.describe()


@pytest.mark.parametrize(
    "command",
    [("validate",), ("export", "--format", "csv", "-o", "x.csv")],
)
def test_a_job_imported_before_the_check_with_a_boundary_abroad_says_so(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Jobs made before imports refused such boundaries still open: one line, no CrsError."""
    from fieldapp.store import JobStore
    from fieldapp.store import records as rec
    from fieldapp.survey.models import BoundaryPoint

    folder = tmp_path / "old.fieldapp"
    with JobStore.create(folder, "old job") as store:
        rec.replace_boundary_points(
            store.db,
            [
                BoundaryPoint(str(i), lat, lon, str(lat), str(lon))
                for i, (lon, lat) in enumerate(
                    [(2.30, 48.85), (2.31, 48.85), (2.31, 48.86), (2.30, 48.86)], start=1
                )
            ],
        )
    result = probe("job", command[0], folder, *command[1:], cwd=tmp_path)
    assert_clean_refusal(result, str(folder))
    assert "no grid for this job" in result.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "1e400"])
def test_sk_area_must_be_a_finite_positive_number(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.cli import main

    folder = tmp_path / "x.fieldapp"
    assert main(["job", "create", str(folder), "--name", "x", f"--sk-area-ha={value}"]) == 2
    assert "--sk-area-ha: must be a positive, finite number" in capsys.readouterr().err
    assert not folder.exists()


def test_a_neighbour_file_at_the_limits_plans_in_bounded_memory(job: Path, tmp_path: Path) -> None:
    """5,000 vertices and an outline near 20°: the most the planner is given (was 1.9 GB)."""
    path = tmp_path / "star.geojson"
    path.write_text(star(5_000, 0.0039), encoding="utf-8")
    result = probe("job", "plan", job, "--neighbors", path)
    assert result.returncode == 0, result.describe()
    assert result.peak_mb < 300, result.describe()


@pytest.mark.parametrize(
    ("vertices", "amplitude", "reason"),
    [(5_002, 0.0005, "more than 5000 vertices"), (4_000, 0.006, "outlines total 24°")],
)
def test_a_neighbour_file_over_the_limits_is_refused(
    tmp_path: Path, vertices: int, amplitude: float, reason: str
) -> None:
    path = tmp_path / "star.geojson"
    path.write_text(star(vertices, amplitude), encoding="utf-8")
    with pytest.raises(AreaFileError, match=reason):
        read_neighbors(path)
