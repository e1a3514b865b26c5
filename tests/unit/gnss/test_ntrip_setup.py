"""NTRIP profile setup: typed fields checked with the field named, renames, nearest mountpoint."""

from __future__ import annotations

import pytest

from fieldapp.gnss.ntrip import NtripProfile, parse_sourcetable
from fieldapp.gnss.ntrip_setup import (
    InputProblem,
    ProfileInputError,
    caster_from_input,
    distance_km,
    profile_from_input,
    rank_mountpoints,
    replace_profile,
)

GOOD = dict(name=" InaCORS ", host=" nrtk.big.go.id ", port=" 2001 ", mountpoint="VRS_KALTIM",
            username=" surveyor ", password=" rahasia ", version="2", send_gga=True)  # fmt: skip


def test_typed_fields_become_a_profile() -> None:
    p = profile_from_input(**GOOD)  # type: ignore[arg-type]
    assert p == NtripProfile("InaCORS", "nrtk.big.go.id", 2001, "VRS_KALTIM", "surveyor",
                             " rahasia ", 2, True)  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("port", "21o1", InputProblem.NOT_A_NUMBER),
        ("port", "70000", InputProblem.OUT_OF_RANGE),
        ("port", "", InputProblem.EMPTY),
        ("host", "  ", InputProblem.EMPTY),
        ("host", "http://nrtk.big.go.id", InputProblem.BAD_CHARACTERS),
        ("name", "", InputProblem.EMPTY),
        ("mountpoint", "VRS KALTIM", InputProblem.BAD_CHARACTERS),
        ("version", "3", InputProblem.OUT_OF_RANGE),
    ],
)
def test_bad_field_is_named(field: str, value: str, problem: InputProblem) -> None:
    with pytest.raises(ProfileInputError) as err:
        profile_from_input(**{**GOOD, field: value})  # type: ignore[arg-type]
    assert err.value.field == field and err.value.problem == problem
    assert field in str(err.value)


def test_caster_needs_no_name_or_mountpoint() -> None:
    c = caster_from_input(host="127.0.0.1", port="2101")
    assert (c.host, c.port, c.mountpoint) == ("127.0.0.1", 2101, "")
    with pytest.raises(ProfileInputError) as err:
        caster_from_input(host="", port="2101")
    assert err.value.field == "host"


def test_replace_appends_renames_and_refuses_duplicates() -> None:
    a, b = NtripProfile("A", "h"), NtripProfile("B", "h")
    assert replace_profile([a], None, b) == [a, b]
    renamed = NtripProfile("A2", "h2")
    assert replace_profile([a, b], "A", renamed) == [renamed, b]
    assert replace_profile([a, b], "A", NtripProfile("A", "h3")) == [NtripProfile("A", "h3"), b]
    with pytest.raises(ProfileInputError) as err:
        replace_profile([a, b], "A", NtripProfile("B", "x"))
    assert err.value.field == "name" and err.value.problem == InputProblem.DUPLICATE
    with pytest.raises(ProfileInputError):
        replace_profile([a], None, NtripProfile("A", "x"))


def test_distance_one_degree_of_latitude() -> None:
    assert distance_km(0.0, 117.0, 1.0, 117.0) == pytest.approx(111.19, abs=0.01)


def test_mountpoints_nearest_first_and_unknown_positions_last() -> None:
    table = parse_sourcetable(
        "STR;FAR;x;RTCM 3.2;;2;GPS;n;IDN;-6.20;106.80;0;0;\r\n"
        "STR;NOPOS;x;RTCM 3.2;;2;GPS;n;IDN;0;0;0;0;\r\n"
        "STR;NEAR;x;RTCM 3.2;;2;GPS;n;IDN;-0.50;117.15;1;1;\r\n"
        "STR;AAA;x;RTCM 3.2;;2;GPS;n;IDN;;;0;0;\r\n"
    )
    ranked = rank_mountpoints(table, (-0.9, 116.9))
    assert [c.entry.mountpoint for c in ranked] == ["NEAR", "FAR", "AAA", "NOPOS"]
    assert ranked[0].distance_km == pytest.approx(52.4, abs=0.1)
    assert ranked[2].distance_km is None and ranked[3].distance_km is None
    unplaced = rank_mountpoints(table, None)
    assert [c.entry.mountpoint for c in unplaced] == ["AAA", "FAR", "NEAR", "NOPOS"]
    assert all(c.distance_km is None for c in unplaced)


def test_a_caster_position_that_is_not_on_the_globe_is_no_position() -> None:
    table = parse_sourcetable(
        "STR;A;x;RTCM 3.2;;2;GPS;n;IDN;nan;117.1;0;0;\r\n"
        "STR;B;x;RTCM 3.2;;2;GPS;n;IDN;-0.5;inf;0;0;\r\n"
        "STR;C;x;RTCM 3.2;;2;GPS;n;IDN;1e308;117.1;0;0;\r\n"
    )
    assert [(e.lat, e.lon) for e in table] == [(None, 117.1), (-0.5, None), (None, 117.1)]
