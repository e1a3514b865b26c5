"""The SK naming rule of markers: corners, infills, references, refusals, planner and order."""

from __future__ import annotations

import dataclasses

import pytest
from synthetic_wiup import rectangle

from fieldapp.survey.crs import parse_crs
from fieldapp.survey.models import Marker, MarkerKind, MarkerStatus
from fieldapp.survey.naming import (
    MarkerNameError,
    check_marker_name,
    letters,
    letters_index,
    marker_sort_key,
    name_problem,
    parse_marker_name,
    reference_name,
    rule_text,
)
from fieldapp.survey.planning import PlanRules, plan_markers

SK = [str(i) for i in range(1, 11)]
GRID = parse_crs("SRGI2013/UTM50S")


@pytest.mark.parametrize(
    ("name", "kind", "point", "letter", "reference"),
    [
        ("1", MarkerKind.CORNER, "1", "", 0),
        ("10", MarkerKind.CORNER, "10", "", 0),
        ("1A", MarkerKind.INFILL, "1", "A", 0),
        ("1Z", MarkerKind.INFILL, "1", "Z", 0),
        ("1AA", MarkerKind.INFILL, "1", "AA", 0),
        ("10AB", MarkerKind.INFILL, "10", "AB", 0),
        ("4B-R", MarkerKind.REFERENCE, "4", "B", 1),
        ("4B-R2", MarkerKind.REFERENCE, "4", "B", 2),
        ("7-R", MarkerKind.REFERENCE, "7", "", 1),
    ],
)
def test_names_by_the_rule(name: str, kind: MarkerKind, point: str, letter: str, reference: int):
    parsed = parse_marker_name(name, SK)
    assert parsed is not None
    assert (parsed.kind, parsed.point, parsed.letters, parsed.reference) == (
        kind, point, letter, reference,
    )  # fmt: skip
    assert name_problem(name, kind, SK) is None
    assert name_problem(name, None, SK) is None


@pytest.mark.parametrize(
    "name", ["12X", "11", "0", "01", "1a", " 1", "1 ", "", "1A-", "4B-R1", "4B-R0", "A1", "1-A"]
)
def test_names_outside_the_rule_are_refused_with_the_rule(name: str) -> None:
    with pytest.raises(MarkerNameError) as caught:
        check_marker_name(name, None, SK, "marker add")
    text = str(caught.value)
    assert f"marker name {name!r} (marker add) refused" in text
    assert "Titik Batas number of the SK (1–10)" in text
    assert "1A, 1B … 1Z, 1AA" in text
    assert "-R" in text
    assert caught.value.name == name and caught.value.source == "marker add"


def test_the_kind_must_match_the_name() -> None:
    assert "names an infill (sisipan), the marker is a corner" in str(
        name_problem("1A", MarkerKind.CORNER, SK)
    )
    assert "names a corner (sudut)" in str(name_problem("3", MarkerKind.INFILL, SK))
    assert "names a Tanda Batas Referensi" in str(name_problem("3A-R", MarkerKind.INFILL, SK))
    assert "names an infill" in str(name_problem("3A", MarkerKind.REFERENCE, SK))


def test_an_infill_is_named_after_the_start_of_its_line() -> None:
    assert name_problem("1A", MarkerKind.INFILL, SK, ("1", "2")) is None
    problem = name_problem("3A", MarkerKind.INFILL, SK, ("1", "2"))
    assert problem is not None and "Garis Batas 1–2" in problem and "starts with 1" in problem


def test_without_the_sk_no_name_is_accepted() -> None:
    problem = name_problem("1", MarkerKind.CORNER, [])
    assert problem is not None and "import-boundary" in problem


def test_sk_labels_of_its_own() -> None:
    sk = ["P1", "P2", "P3", "P3A", "P4"]  # an SK with a sub-point 3A of its own
    assert parse_marker_name("P3A", sk).kind is MarkerKind.CORNER  # type: ignore[union-attr]
    infill = parse_marker_name("P3AB", sk)
    assert infill is not None and (infill.point, infill.letters) == ("P3A", "B")
    assert parse_marker_name("3", sk) is None
    assert "P1, P2, P3, P3A, P4" in rule_text(sk)
    assert "(P1A, P1B" in rule_text(sk)


def test_letters_round_trip_and_reference_names() -> None:
    for i in range(2000):
        assert letters_index(letters(i)) == i
    assert [letters(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
    assert [reference_name("4B"), reference_name("4B", 2)] == ["4B-R", "4B-R2"]
    for bad in ("", "a", "A1"):
        with pytest.raises(ValueError):
            letters_index(bad)


def test_sort_order_is_the_surveyors_not_lexicographic() -> None:
    names = ["10", "2", "1AA", "1Z", "1", "1A-R", "1A", "2A", "1B", "9"]
    expected = ["1", "1A", "1A-R", "1B", "1Z", "1AA", "2", "2A", "9", "10"]
    assert sorted(names, key=lambda n: marker_sort_key(n, SK)) == expected
    assert sorted(names, key=marker_sort_key) == expected  # without the SK too
    # The SK's own order rules, whatever its labels; names outside the rule come last.
    sk = ["T3", "T1", "T2"]
    got = sorted(["T1", "T3A", "X9", "T2", "T3"], key=lambda n: marker_sort_key(n, sk))
    assert got == ["T3", "T3A", "T1", "T2", "X9"]


def test_planner_names_more_than_26_infills_by_the_rule() -> None:
    pts, *_ = rectangle(115.6, -3.5, 3000, 1000)
    plan = plan_markers(pts, GRID, rules=PlanRules(user_spacing_m=100))
    on_first = [m.name for m in plan.on_edge(("1", "2"))]
    assert len(on_first) == 31  # 30 intervals of 100 m: 29 infills between the corners
    assert on_first[:3] == ["1", "1A", "1B"]
    assert on_first[-5:] == ["1Z", "1AA", "1AB", "1AC", "2"]
    numbers = [p.number for p in pts]
    for m in plan.markers:
        assert name_problem(m.name, m.kind, numbers, m.edge) is None, m.name
    names = [m.name for m in plan.markers]
    assert names == sorted(names, key=lambda n: marker_sort_key(n, numbers))
    assert len(set(names)) == len(names)


def test_planner_never_hands_out_an_sk_label_as_an_infill() -> None:
    pts, *_ = rectangle(115.6, -3.5, 3000, 1000)
    pts = [
        dataclasses.replace(p, number=n) for p, n in zip(pts, ["1", "1A", "2", "3"], strict=True)
    ]
    plan = plan_markers(pts, GRID, rules=PlanRules(user_spacing_m=1000))
    names = [m.name for m in plan.markers]
    assert names[:4] == ["1", "1B", "1C", "1A"]  # 1A is the SK's corner, not an infill
    assert len(set(names)) == len(names)


def test_planner_warns_about_a_kept_marker_outside_the_rule() -> None:
    pts, *_ = rectangle(115.6, -3.5, 3000, 1000)
    corner = pts[0]
    kept = Marker("X1", MarkerKind.CORNER, 1, corner.lat, corner.lon, status=MarkerStatus.INSTALLED)
    plan = plan_markers(pts, GRID, existing=[kept])
    assert any("kept marker X1 breaks the SK naming rule" in w for w in plan.warnings)
    assert "X1" in [m.name for m in plan.markers]  # kept as it is: the monument is in the ground


def test_dropped_markers_are_listed_in_marker_order() -> None:
    pts, *_ = rectangle(115.6, -3.5, 3000, 1000)
    dense = plan_markers(pts, GRID, rules=PlanRules(user_spacing_m=100))
    sparse = plan_markers(
        pts, GRID, existing=[m.to_marker() for m in dense.markers], rules=PlanRules()
    )
    dropped = list(sparse.dropped)
    assert dropped[:3] == ["1A", "1B", "1C"]
    assert dropped.index("1Z") + 1 == dropped.index("1AA")
    assert dropped.index("1AC") < dropped.index("2A")
