"""Leica GSI-8 / GSI-16 words and blocks (files and online replies) decoded into records."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldapp.gnss.totalstation.model import (
    Observation,
    ParseResult,
    Record,
    StationRecord,
)
from fieldapp.gnss.totalstation.units import (
    FOOT_M,
    UnitError,
    ascii_digits,
    check_circle,
    dms_digits_to_deg,
    parse_decimal,
)

# WI (2 digits), info (4 chars: digits or '.'), sign, data of 8 (GSI-8) or 16 (GSI-16) chars.
# ASCII only: a Unicode digit ('٣', '²') in a word is corruption, not a number.
_WORD_RE = re.compile(r"^(\d{2})([0-9.]{4})([+-])(.+)$", re.ASCII)

ANGLE_WIS = frozenset({21, 22, 24, 25, 26, 27, 28})
LENGTH_WIS = frozenset({31, 32, 33, 34, 35, 36, 37, 38, 39, 81, 82, 83, 84, 85, 86, 87, 88})
TEXT_WIS = frozenset({11, 12, 13, 16, 17, 18, 19, *range(41, 50), *range(71, 80)})
OTHER_WIS = frozenset({51, 52, 53, 58, 59})
KNOWN_WIS = ANGLE_WIS | LENGTH_WIS | TEXT_WIS | OTHER_WIS
COORDINATE_WIS = frozenset({81, 82, 83, 84, 85, 86})

# Unit digit (6th char of the word) -> (counts per unit, metres per unit); '.' means mm.
# Dividing by an integer keeps 13825 mm at 13.825 exactly, not 13.825000000000001.
_LENGTH_SCALE = {
    "0": (1000, 1.0),
    ".": (1000, 1.0),
    "1": (1000, FOOT_M),
    "6": (10000, 1.0),
    "7": (10000, FOOT_M),
    "8": (100000, 1.0),
}
_ANGLE_UNITS = frozenset("2345")


class GsiWordError(ValueError):
    """A word that cannot be decoded; the message says why, the caller adds the line number."""


@dataclass(frozen=True)
class GsiWord:
    wi: int
    info: str
    sign: str
    data: str

    @property
    def unit(self) -> str:
        return self.info[3]

    @property
    def is_gsi16(self) -> bool:
        return len(self.data) == 16

    @property
    def text(self) -> str:
        """Text data with GSI zero/space padding removed ('00000000GDEM5415' -> 'GDEM5415')."""
        stripped = self.data.strip().lstrip("0")
        return stripped or ("0" if self.data.strip() else "")

    @property
    def is_placeholder(self) -> bool:
        # Leica fills fields that were not measured with dashes ('-----', '----.---').
        return "-" in self.data and not self.data.strip("-0. ")


def parse_word(token: str) -> GsiWord:
    match = _WORD_RE.match(token)
    if match is None:
        raise GsiWordError(f"corrupted GSI word {token!r}")
    wi_text, info, sign, data = match.groups()
    if len(data) not in (8, 16):
        raise GsiWordError(f"corrupted GSI word {token!r}: data has {len(data)} characters")
    return GsiWord(int(wi_text), info, sign, data)


def decode_number(word: GsiWord) -> float | None:
    """Numeric value of an angle or length word in degrees / metres; None for a placeholder."""
    if word.is_placeholder:
        return None
    if not ascii_digits(word.data):
        raise GsiWordError(f"corrupted GSI word {word.wi}: data {word.data!r} is not a number")
    count = int(word.data)
    sign = -1.0 if word.sign == "-" else 1.0
    unit = word.unit
    if word.wi in ANGLE_WIS:
        if unit not in _ANGLE_UNITS:
            raise GsiWordError(f"impossible unit {unit!r} for angle word WI {word.wi}")
        try:
            if unit == "2":
                deg = count / 1e5 * 0.9
            elif unit == "3":
                deg = count / 1e5
            elif unit == "4":
                deg = dms_digits_to_deg(count)
            else:
                deg = count / 1e4 * 360.0 / 6400.0
            return sign * check_circle(deg)
        except UnitError as exc:
            raise GsiWordError(f"WI {word.wi}: {exc}") from exc
    scale = _LENGTH_SCALE.get(unit)
    if scale is None:
        raise GsiWordError(f"impossible unit {unit!r} for length word WI {word.wi}")
    divisor, metres = scale
    return sign * (count / divisor) * metres


def decode_ppm_prism(word: GsiWord) -> tuple[float | None, float | None]:
    """WI 51 packs ppm and prism constant: '+0017+000' (sign, ppm, sign, mm)."""
    match = re.match(r"^(\d+)([+-])(\d+)$", word.data.strip(), re.ASCII)
    if match is None:
        raise GsiWordError(f"corrupted WI 51 word data {word.data!r}")
    ppm = float(match.group(1)) * (-1 if word.sign == "-" else 1)
    prism = float(match.group(3)) * (-1 if match.group(2) == "-" else 1)
    return ppm, prism


@dataclass
class _BlockState:
    """What earlier blocks set for later ones: current station, code-block target height."""

    station_id: str | None = None
    station_key: tuple[float | None, ...] | None = None
    default_target_h: float | None = None


class GsiParser:
    """Line-by-line GSI decoder; feed lines with their 1-based numbers, read `result`."""

    def __init__(self, result: ParseResult | None = None) -> None:
        self.result = result if result is not None else ParseResult("gsi")
        self._state = _BlockState()

    def feed_line(self, text: str, line: int) -> None:
        text = text.strip()
        if not text or text[0] in "!\x03":
            return
        gsi16 = text.startswith("*")
        words: list[GsiWord] = []
        for token in text.lstrip("*").split():
            try:
                word = parse_word(token)
            except GsiWordError as exc:
                self.result.error(line, str(exc))
                continue
            if word.is_gsi16 != gsi16:
                self.result.warn(
                    line,
                    f"WI {word.wi}: {'GSI-16' if word.is_gsi16 else 'GSI-8'} word in a "
                    f"{'GSI-16' if gsi16 else 'GSI-8'} block",
                )
            if word.wi not in KNOWN_WIS:
                self.result.error(line, f"unknown word index {word.wi:02d} in {token!r}")
                continue
            words.append(word)
        if words:
            try:
                records = self._block(words, line)
            except UnitError as exc:
                # A value no instrument writes (a 16-digit length in km, a 1e8 m height).
                self.result.error(line, str(exc))
                return
            self.result.records.extend(records)

    def _block(self, words: list[GsiWord], line: int) -> list[Record]:
        values: dict[int, float | None] = {}
        texts: dict[int, str] = {}
        ppm: float | None = None
        prism: float | None = None
        for word in words:
            try:
                if word.wi in TEXT_WIS:
                    texts[word.wi] = "" if word.is_placeholder else word.text
                elif word.wi == 51:
                    ppm, prism = decode_ppm_prism(word)
                elif word.wi in ANGLE_WIS or word.wi in LENGTH_WIS:
                    values[word.wi] = decode_number(word)
                    self._check_truncation(word, line)
            except GsiWordError as exc:
                self.result.error(line, str(exc))
        if 41 in texts:
            return self._code_block(texts, line)
        point_id = texts.get(11) or None
        measured = any(wi in values for wi in (21, 22, 31, 32, 33))
        records: list[Record] = []
        if 84 in values or 85 in values:
            station = StationRecord(
                line,
                point_id if not measured else self._state.station_id,
                e=values.get(84),
                n=values.get(85),
                h=values.get(86),
                instrument_h=values.get(88),
            )
            key = (station.e, station.n, station.h, station.instrument_h)
            if not measured or key != self._state.station_key:
                records.append(station)
                self._state.station_key = key
                self._state.station_id = station.station_id
            if not measured:
                return records
        codes = tuple(texts[wi] for wi in sorted(texts) if 71 <= wi <= 79 and texts[wi])
        target_h = values.get(87, self._state.default_target_h)
        records.append(
            Observation(
                line,
                point_id=point_id,
                hz=values.get(21),
                v=values.get(22),
                # Leica writes zeros when only angles were recorded: a zero distance is no distance.
                sd=values.get(31) or None,
                hd=values.get(32) or None,
                vd=values.get(33),
                target_h=target_h,
                instrument_h=values.get(88),
                e=values.get(81),
                n=values.get(82),
                h=values.get(83),
                codes=codes,
                station_id=self._state.station_id,
                ppm=ppm,
                prism_constant_mm=prism,
                hz_correction=values.get(25),
            )
        )
        return records

    def _code_block(self, texts: dict[int, str], line: int) -> list[Record]:
        """Code blocks: 41=2/21 starts a station (42 id, 43 ih, 44 th), 41=3 sets target height."""
        code = texts[41].lstrip("0")
        if code in ("2", "21"):
            station_id = texts.get(42) or None
            ih = _mm_text(texts.get(43), line, self.result)
            self._state.default_target_h = _mm_text(texts.get(44), line, self.result)
            self._state.station_id = station_id
            self._state.station_key = None
            return [StationRecord(line, station_id, instrument_h=ih)]
        if code == "3":
            self._state.default_target_h = _mm_text(texts.get(42), line, self.result)
        return []

    def _check_truncation(self, word: GsiWord, line: int) -> None:
        # 8 digits at mm resolution end at 99 999.999 m: an Indonesian UTM northing (~9 800 000)
        # or easting (166 000 .. 834 000) cannot fit, and instruments silently drop the top digits.
        if word.wi in COORDINATE_WIS and not word.is_gsi16 and word.data[0] not in "0-":
            self.result.warn(
                line,
                f"GSI-8 coordinate WI {word.wi} fills all 8 digits ({word.data}): probably "
                "truncated; export UTM coordinates as GSI-16",
            )


def _mm_text(text: str | None, line: int, result: ParseResult) -> float | None:
    """Code-block info words carry heights as text in mm (or with a decimal point, in m)."""
    if not text:
        return None
    try:
        value = parse_decimal(text, "code block height")
    except UnitError as exc:
        result.error(line, str(exc))
        return None
    value = value if "." in text else value / 1000.0
    if not -1000.0 <= value <= 1000.0:
        result.error(line, f"code block height {text!r} is not a set-up height")
        return None
    return value


def parse_gsi(data: bytes) -> ParseResult:
    parser = GsiParser(ParseResult("gsi"))
    for number, text in parser.result.lines(data):
        parser.feed_line(text, number)
    return parser.result
