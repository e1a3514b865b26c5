"""Indonesian DMS parsing and SK-style formatting."""

import pytest

from fieldapp.survey.dms import DmsError, format_dms, on_seconds_grid, parse_angle

EXPECTED_LON = 116 + 5 / 60 + 12.345 / 3600
EXPECTED_LAT = -(1 + 22 / 60 + 3.210 / 3600)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("116° 05' 12,345\" BT", EXPECTED_LON),
        ("116°05'12.345\"BT", EXPECTED_LON),
        ("116 5 12.345 E", EXPECTED_LON),
        ("116° 05′ 12,345″ BT", EXPECTED_LON),
        ("116º 05’ 12,345” BT", EXPECTED_LON),  # word-processor quotes and ordinal sign
        ("E 116 05 12.345", EXPECTED_LON),
        ("116:05:12.345 E", EXPECTED_LON),
        ("116° 05'' 12,345 BT".replace("''", "'"), EXPECTED_LON),
        ("01°22'03.210\"LS", EXPECTED_LAT),
        ("01° 22' 03,210\" LS", EXPECTED_LAT),
        ("1 22 3.21 S", EXPECTED_LAT),
        ("-1.367558", -1.367558),
        ("  -1,367558 ", -1.367558),
        ("116° 05,20575' BT", 116 + 5.20575 / 60),
        ("116 5 12.345 W", -EXPECTED_LON),
        ("0 31 20,350 LU", 31 / 60 + 20.35 / 3600),
    ],
)
def test_parses_sk_and_field_spellings(text: str, expected: float) -> None:
    assert parse_angle(text).degrees == pytest.approx(expected, abs=1e-12)


def test_hemisphere_letter_sets_axis() -> None:
    assert parse_angle("116 5 12.345 BT").axis == "lon"
    assert parse_angle("1 22 3.21 LS").axis == "lat"
    assert parse_angle("-1.5").axis is None
    assert parse_angle("01°22'03.210\"LS").seconds_decimals == 3


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("116° 05' 12,O45\" BT", "letter O"),
        ("116° 60' 12,345\" BT", "minutes 60 out of range"),
        ("116° 05' 60,000\" BT", "seconds 60,000".replace(",", ".")),
        ("116° 05' 75\" BT", "seconds 75 out of range"),
        ("", "empty"),
        ("-1 22 3 LS", "ambiguous"),
        ("95 0 0 LS", "out of range"),
        ("1.5 22 3 LS", "degrees must be whole"),
        ("1 22.5 3 LS", "minutes must be whole"),
        ("1 2 3 4", "more than three"),
    ],
)
def test_rejects_out_of_range_and_garbage(text: str, fragment: str) -> None:
    with pytest.raises(DmsError) as info:
        parse_angle(text)
    assert fragment in str(info.value)


def test_axis_mismatch_is_an_error() -> None:
    with pytest.raises(DmsError, match="hemisphere"):
        parse_angle("01° 22' 03,210\" LS", axis="lon")


def test_formats_back_in_sk_style() -> None:
    assert format_dms(EXPECTED_LON, "lon") == "116° 05' 12,345\" BT"
    assert format_dms(EXPECTED_LAT, "lat") == "01° 22' 03,210\" LS"
    assert format_dms(EXPECTED_LAT, "lat", 5, unicode_marks=True) == "01° 22′ 03,21000″ LS"
    assert format_dms(EXPECTED_LAT, "lat", 1, decimal_comma=False, english=True) == (
        "01° 22' 03.2\" S"
    )
    assert format_dms(-0.5, "lon", 0) == "00° 30' 00\" BB"


def test_rounding_carries_into_minutes_and_degrees() -> None:
    almost_two = 1 + 59 / 60 + 59.99996 / 3600
    assert format_dms(almost_two, "lat", 3) == "02° 00' 00,000\" LU"


@pytest.mark.parametrize("decimals", [0, 1, 3, 5])
def test_round_trip_within_the_printed_precision(decimals: int) -> None:
    value = -(3 + 7 / 60 + 41.123456 / 3600)
    back = parse_angle(format_dms(value, "lat", decimals)).degrees
    assert abs(back - value) * 3600 <= 0.5 * 10**-decimals + 1e-9


def test_seconds_grid() -> None:
    assert on_seconds_grid(parse_angle("116° 05' 12,345\" BT").degrees)
    assert not on_seconds_grid(parse_angle("116° 05' 12,3456\" BT").degrees)
