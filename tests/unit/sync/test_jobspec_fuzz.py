"""parse_spec over mutated job specs: a JobSpec or a SpecError naming the place, nothing else.

The seed is the spec of the real demo job (what an office sends for it); hypothesis replaces
any node of it with hostile JSON: NaN and infinities, huge numbers, wrong types, deep nesting.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.demo_job import create_demo_job
from fieldapp.sync.jobspec import JobSpec, SpecError, parse_spec, spec_from_job


@pytest.fixture(scope="module")
def seed_spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("spec") / "demo.fieldapp"
    with create_demo_job(path) as store:
        doc = spec_from_job(store.db)
    assert isinstance(parse_spec(doc), JobSpec)  # the seed itself is a valid spec
    return doc


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:6]):  # a few items of each list are enough
            yield from _paths(value, (*prefix, i))


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 0.0, -0.0, 91.0, 181.0]),
    st.text(max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "Polygon",
            "Point",
            "pit",
            "dump",
            "BM",
            "EPSG:4326",
            "FeatureCollection",
            "../../etc",
            "x" * 5000,
        ]
    ),
)
hostile_json = st.recursive(
    hostile_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_spec_is_a_jobspec_or_a_spec_error(seed_spec: dict[str, Any], data: Any) -> None:
    doc = copy.deepcopy(seed_spec)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        paths = list(_paths(doc))
        path = data.draw(st.sampled_from(paths))
        doc = _set(doc, path, data.draw(hostile_json))
    try:
        spec = parse_spec(doc)
    except SpecError as exc:
        text = str(exc)
        assert text and "\n" not in text and len(text) < 2000
        return
    # Accepted: every number it carries is finite and every coordinate in range.
    for p in spec.boundary:
        assert math.isfinite(p.lat) and math.isfinite(p.lon)
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
    for c in spec.control:
        assert all(math.isfinite(v) for v in (c.lat, c.lon, c.input_a, c.input_b))
        assert c.h is None or math.isfinite(c.h)
    for area in (*spec.neighbors, *spec.activity_zones):
        text = json.dumps(area.geometry, allow_nan=False)  # raises on NaN/inf
        assert text


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_an_accepted_spec_always_installs_whole(
    seed_spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory, data: Any
) -> None:
    """What parse_spec accepts, create_job writes: a refusal must come from the parser, not
    from the database halfway through (that would fail every later pull the same way)."""
    from fieldapp.store import JobStore
    from fieldapp.sync.assignment import create_job

    doc = copy.deepcopy(seed_spec)
    for _ in range(data.draw(st.integers(min_value=1, max_value=2))):
        path = data.draw(st.sampled_from(list(_paths(doc))))
        doc = _set(doc, path, data.draw(hostile_json))
    try:
        spec = parse_spec(doc)
    except SpecError:
        return
    jobs = tmp_path_factory.mktemp("jobs")
    outcome = create_job(jobs, spec, 1)
    assert outcome.action == "created" and outcome.path is not None
    assert [p.name for p in jobs.iterdir()] == [outcome.path.name]
    with JobStore.open(outcome.path) as store:
        assert store.db.execute("SELECT count(*) FROM boundary_point").fetchone()[0] == len(
            spec.boundary
        )
