"""Crafted job specs and job folder names, in process: the typed error names the field."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp.demo_job import create_demo_job
from fieldapp.sync.assignment import _folder_name, create_job
from fieldapp.sync.jobspec import SpecError, parse_spec, spec_from_job


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with create_demo_job(tmp_path_factory.mktemp("spec") / "demo.fieldapp") as store:
        return spec_from_job(store.db)


def _control(doc: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = doc["data"]["control_points.geojson"]["features"][0]["properties"]
    return props


def _permit(doc: dict[str, Any]) -> dict[str, Any]:
    permit: dict[str, Any] = doc["data"]["job.json"]["permit_area"]
    return permit


CASES: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "height 1e300": (lambda d: _control(d).update(h=1e300), "control_points.geojson feature 1 h"),
    "negative sigma": (lambda d: _control(d).update(sigma_h=-0.01), "sigma_h"),
    "sk_date words": (lambda d: _permit(d).update(sk_date="kemarin"), "sk_date"),
    "tab in name": (lambda d: _permit(d).update(name="WIUP\tA"), "permit_area name"),
    "kpo_active text": (
        lambda d: d["data"]["job.json"]["surveyors"][0].update(kpo_active="no"),
        "surveyor 1 kpo_active",
    ),
    "control kind list": (lambda d: _control(d).update(kind=["BM"]), "feature 1 kind"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_implausible_values_are_refused_naming_the_field(seed: dict[str, Any], case: str) -> None:
    change, field = CASES[case]
    doc = copy.deepcopy(seed)
    change(doc)
    with pytest.raises(SpecError, match=field):
        parse_spec(doc)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("C:\\Windows\\System32", "C_Windows_System32"),
        ("CON", "CON_job-1"),
        ("lpt1.txt", "lpt1.txt_job-1"),
        ("...", "job-1"),
        ("WIUP Loa Kulu (II)", "WIUP Loa Kulu (II)"),
    ],
)
def test_job_folder_names_stay_in_the_jobs_folder(name: str, expected: str) -> None:
    assert _folder_name(name, "job-1") == expected


def test_stale_partials_of_the_job_go_before_it_is_created(
    seed: dict[str, Any], tmp_path: Path
) -> None:
    spec = parse_spec(seed)
    (tmp_path / f".{spec.job_id}-r1.fieldapp.partial").mkdir()  # a pull killed at revision 1
    (tmp_path / ".other-r1.fieldapp.partial").mkdir()  # another job's: not ours to remove
    created = create_job(tmp_path, spec, 2)
    assert created.path is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".other-r1.fieldapp.partial", created.path.name]
    )
