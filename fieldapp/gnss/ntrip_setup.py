"""NTRIP profile setup: checking typed profile fields, renaming in a list, ranking mountpoints."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.gnss.ntrip import NtripProfile, StreamEntry

EARTH_RADIUS_KM = 6371.0088  # mean radius: enough to tell the nearest base from the next one


class InputProblem(StrEnum):
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    BAD_CHARACTERS = "bad_characters"
    DUPLICATE = "duplicate"


_EXPECTED = {
    InputProblem.EMPTY: "must not be empty",
    InputProblem.NOT_A_NUMBER: "must be a whole number",
    InputProblem.OUT_OF_RANGE: "must be between {low} and {high}",
    InputProblem.BAD_CHARACTERS: "must not contain spaces, '/' or '://'",
    InputProblem.DUPLICATE: "is already used by another profile",
}


class ProfileInputError(ValueError):
    """One profile field is wrong; ``field`` names it (NtripProfile attribute name)."""

    def __init__(
        self, field: str, problem: InputProblem, value: str = "", low: int = 0, high: int = 0
    ) -> None:
        self.field = field
        self.problem = problem
        self.value = value
        self.low = low
        self.high = high
        expected = _EXPECTED[problem].format(low=low, high=high)
        super().__init__(f"{field} {expected} (got {value!r})")


def _required(field: str, text: str) -> str:
    value = text.strip()
    if not value:
        raise ProfileInputError(field, InputProblem.EMPTY, text)
    return value


def _no_path(field: str, value: str) -> str:
    if any(c.isspace() for c in value) or "/" in value:
        raise ProfileInputError(field, InputProblem.BAD_CHARACTERS, value)
    return value


def _whole(field: str, text: str, low: int, high: int) -> int:
    value = _required(field, text)
    try:
        number = int(value)
    except ValueError:
        raise ProfileInputError(field, InputProblem.NOT_A_NUMBER, text) from None
    if not low <= number <= high:
        raise ProfileInputError(field, InputProblem.OUT_OF_RANGE, text, low, high)
    return number


def profile_from_input(
    *,
    name: str,
    host: str,
    port: str,
    mountpoint: str,
    username: str = "",
    password: str = "",
    version: str = "2",
    send_gga: bool = False,
) -> NtripProfile:
    """A profile from the text a user typed; ProfileInputError names the first wrong field."""
    return NtripProfile(
        name=_required("name", name),
        host=_no_path("host", _required("host", host)),
        port=_whole("port", port, 1, 65535),
        mountpoint=_no_path("mountpoint", _required("mountpoint", mountpoint)),
        username=username.strip(),
        password=password,  # as typed: spaces may be part of a password
        version=_whole("version", version, 1, 2),
        send_gga=send_gga,
    )


def caster_from_input(
    *, host: str, port: str, username: str = "", password: str = "", version: str = "2"
) -> NtripProfile:
    """Just enough of a profile to ask a caster for its source table (no name, no mountpoint)."""
    return NtripProfile(
        name="",
        host=_no_path("host", _required("host", host)),
        port=_whole("port", port, 1, 65535),
        username=username.strip(),
        password=password,
        version=_whole("version", version, 1, 2),
    )


def replace_profile(
    profiles: Sequence[NtripProfile], old_name: str | None, new: NtripProfile
) -> list[NtripProfile]:
    """``profiles`` with ``old_name`` replaced by ``new`` (appended when old_name is None).

    Names identify profiles in the receiver setup, so a name may be used once.
    """
    if any(p.name == new.name and p.name != old_name for p in profiles):
        raise ProfileInputError("name", InputProblem.DUPLICATE, new.name)
    out = [new if p.name == old_name else p for p in profiles]
    if old_name is None or all(p.name != old_name for p in profiles):
        out.append(new)
    return out


@dataclass(frozen=True, slots=True)
class MountpointChoice:
    """A source-table stream with its distance from us (None when either position is unknown)."""

    entry: StreamEntry
    distance_km: float | None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def rank_mountpoints(
    entries: Sequence[StreamEntry], position: tuple[float, float] | None
) -> list[MountpointChoice]:
    """Nearest stream first; streams without a position (or when ours is unknown) last, by name.

    A source table's 0;0 position means "not given", not a base in the Gulf of Guinea.
    """
    out = []
    for e in entries:
        known = e.lat is not None and e.lon is not None and (e.lat, e.lon) != (0.0, 0.0)
        dist = None
        if position is not None and known:
            assert e.lat is not None and e.lon is not None
            dist = distance_km(position[0], position[1], e.lat, e.lon)
        out.append(MountpointChoice(e, dist))
    return sorted(
        out, key=lambda c: (c.distance_km is None, c.distance_km or 0.0, c.entry.mountpoint)
    )
