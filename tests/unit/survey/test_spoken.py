"""Spoken guidance in Bahasa Indonesia: numbers in words, phrases, and when to speak."""

from __future__ import annotations

import math

import pytest

from fieldapp.survey.crs import parse_crs
from fieldapp.survey.spoken import (
    HEADING_UNKNOWN,
    NOT_PRECISE,
    WITHIN,
    SpeechPacer,
    distance_words,
    guidance_phrase,
    number_words,
)
from fieldapp.survey.stake_quality import PositionQuality, QualityProfile, SigmaKind
from fieldapp.survey.stakeout import (
    Guidance,
    StakeTarget,
    ToleranceState,
    guidance,
    position_from_grid,
)

UTM50S = parse_crs("SRGI2013/UTM50S")
FIXED = PositionQuality(4, 0.02, 0.03, SigmaKind.MEASURED)
FLOAT = PositionQuality(5, 0.35, 0.5, SigmaKind.MEASURED)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"), (1, "satu"), (2, "dua"), (9, "sembilan"), (10, "sepuluh"), (11, "sebelas"),
        (12, "dua belas"), (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"),
        (30, "tiga puluh"), (99, "sembilan puluh sembilan"), (100, "seratus"),
        (101, "seratus satu"), (111, "seratus sebelas"), (200, "dua ratus"),
        (345, "tiga ratus empat puluh lima"), (1000, "seribu"), (1001, "seribu satu"),
        (2500, "dua ribu lima ratus"), (11000, "sebelas ribu"),
        (999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh "
                  "sembilan"),
    ],
)  # fmt: skip
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_number_words_range() -> None:
    with pytest.raises(ValueError):
        number_words(-1)
    with pytest.raises(ValueError):
        number_words(1_000_000)


@pytest.mark.parametrize(
    ("m", "words"),
    [
        (2.0, "dua meter"), (-2.0, "dua meter"), (0.30, "tiga puluh senti"),
        (0.3049, "tiga puluh senti"), (0.07, "tujuh senti"), (0.004, None), (0.0, None),
        (0.996, "satu meter"), (1.0, "satu meter"), (1.26, "satu meter tiga puluh senti"),
        (2.04, "dua meter"), (9.44, "sembilan meter empat puluh senti"), (9.6, "sepuluh meter"),
        (12.4, "dua belas meter"), (20.0, "dua puluh meter"), (100.2, "seratus meter"),
        (1234.0, "seribu dua ratus tiga puluh empat meter"), (math.nan, None), (math.inf, None),
    ],
)  # fmt: skip
def test_distance_words(m: float, words: str | None) -> None:
    assert distance_words(m) == words


def _g(de: float, dn: float, pq: PositionQuality = FIXED, heading: float | None = 0.0) -> Guidance:
    cur = position_from_grid(UTM50S, 512_000.0, 9_876_000.0, 30.0)
    tp = position_from_grid(UTM50S, 512_000.0 + de, 9_876_000.0 + dn, 30.0)
    return guidance(UTM50S, cur, StakeTarget("T", tp.lat, tp.lon, 30.0), heading_deg=heading,
                    profile=QualityProfile(), position_quality=pq)  # fmt: skip


def test_phrases() -> None:
    # Heading north: forward is north, right is east.
    assert guidance_phrase(_g(0.30, 2.0), travel=True) == "maju dua meter, kanan tiga puluh senti"
    assert (
        guidance_phrase(_g(-0.30, -2.0), travel=True) == "mundur dua meter, kiri tiga puluh senti"
    )
    # Heading east: the target to the north is to the left.
    assert guidance_phrase(_g(0.0, 5.0, heading=90.0), travel=True) == "kiri lima meter"
    assert guidance_phrase(_g(1.5, -12.0), travel=False) == (
        "selatan dua belas meter, timur satu meter lima puluh senti")  # fmt: skip
    unknown = guidance_phrase(_g(0.0, 3.0, heading=None), travel=True)
    assert unknown == f"{HEADING_UNKNOWN}, utara tiga meter"
    assert guidance_phrase(_g(0.02, 0.03), travel=True) == WITHIN == "dalam toleransi"
    assert guidance_phrase(_g(0.02, 0.03, FLOAT), travel=True) == NOT_PRECISE
    assert NOT_PRECISE == "posisi belum cukup teliti"
    near_float = guidance_phrase(_g(0.0, 1.0, FLOAT), travel=True)
    assert near_float == f"maju satu meter, {NOT_PRECISE}"


def test_pacer_speaks_on_change_and_at_the_interval() -> None:
    p = SpeechPacer(interval_s=4.0)
    far, near = ToleranceState.FAR, ToleranceState.NEAR
    assert p.due(0.0, far)
    assert not p.due(1.0, far) and not p.due(3.9, far)
    assert p.due(4.0, far)
    assert p.due(4.5, near)  # a change of state is said at once
    assert not p.due(5.0, near)
    p.reset()
    assert p.due(5.1, near)
