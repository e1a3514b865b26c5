"""Marker names by the SK rule: corner = Titik Batas number, infill = number + letters.

The rule (DESIGN.md step 3, issue 13 item 8):

* a corner marker (sudut) takes the number of its Titik Batas exactly as the SK prints it
  (``"1"`` .. ``"n"``, or the SK's own labels such as ``"P1"``; whatever the boundary import
  stored for the job);
* an infill marker (sisipan) takes the number of the Titik Batas it follows in ring direction
  plus capital letters: ``1A``, ``1B`` … ``1Z``, then ``1AA``, ``1AB`` … (bijective base 26,
  like spreadsheet columns); when the marker knows its boundary line, the number is the line's
  start point;
* a Tanda Batas Referensi follows its own marker: the marker's name plus ``-R``
  (``4B-R``; a second one for the same marker ``4B-R2``, then ``4B-R3`` …). The reference
  records attached to a marker (the ``reference_marker`` table) have no name column: they are
  named so in the order recorded, withdrawn ones included, so a printed name never moves
  (:func:`fieldapp.store.marker_names.reference_names`); a marker row of kind ``reference``
  must carry such a name itself.

A name is checked exactly: no spaces, no lower-case letters, no leading zeros the SK does not
print. When an SK label itself ends in letters (``1`` and ``1A`` both in the SK) the exact SK
label is the corner, and infill letters are read after the longest SK label that prefixes the
name; the planner never hands out an infill name that is also an SK label.

:func:`marker_sort_key` orders names as a surveyor reads them: SK order of the Titik Batas,
then the corner before its infills, letters by their sequence (``1Z`` before ``1AA``), the
reference after its marker; ``2`` before ``10`` without an SK too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fieldapp.survey.models import MarkerKind

LETTERS_RE = re.compile(r"[A-Z]+")
REFERENCE_RE = re.compile(r"^(?P<base>.+)-R(?P<n>[2-9]|[1-9][0-9]+)?$")
_CHUNK_RE = re.compile(r"(\d+)")
_TRAILING_LETTERS_RE = re.compile(r"^(?P<base>.*\d)(?P<letters>[A-Z]+)$")


class MarkerNameError(ValueError):
    """A marker name outside the SK rule; the message names it, its source and the rule."""

    def __init__(self, name: str, source: str, reason: str, rule: str) -> None:
        self.name = name
        self.source = source
        self.reason = reason
        super().__init__(f"marker name {name!r} ({source}) refused: {reason}; {rule}")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name read by the rule: its kind, Titik Batas number, letters and reference index."""

    name: str
    kind: MarkerKind
    point: str  # the Titik Batas number the name starts with
    letters: str = ""  # "" for a corner
    reference: int = 0  # 0: not a reference; 1 for "-R", 2 for "-R2" ...

    @property
    def marker(self) -> str:
        """The name of the marker a reference stands for (itself otherwise)."""
        return self.point + self.letters


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB ... (bijective base 26, like spreadsheet columns)."""
    if index < 0:
        raise ValueError(f"letter index {index} is negative")
    out = ""
    n = index + 1
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("A") + r) + out
    return out


def letters_index(text: str) -> int:
    """The inverse of :func:`letters`: A -> 0, Z -> 25, AA -> 26."""
    if not LETTERS_RE.fullmatch(text):
        raise ValueError(f"{text!r} is not a letter sequence A..Z, AA..")
    n = 0
    for ch in text:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n - 1


def infill_name(point: str, index: int) -> str:
    """The ``index``-th infill name after Titik Batas ``point`` (0 -> 1A)."""
    return point + letters(index)


def reference_name(marker: str, nth: int = 1) -> str:
    """The name of the ``nth`` Tanda Batas Referensi of ``marker``: 4B-R, 4B-R2 ..."""
    if nth < 1:
        raise ValueError(f"reference number {nth} must be 1 or more")
    return f"{marker}-R" if nth == 1 else f"{marker}-R{nth}"


def point_range(points: Sequence[str]) -> str:
    """The SK numbers in a few characters: ``1–10`` when consecutive, else the first few."""
    if not points:
        return "none imported"
    if all(p.isdigit() and not (len(p) > 1 and p.startswith("0")) for p in points):
        values = [int(p) for p in points]
        if values == list(range(values[0], values[0] + len(values))):
            return f"{points[0]}–{points[-1]}" if len(points) > 1 else points[0]
    shown = ", ".join(points[:6])
    return shown + (f" … {points[-1]}" if len(points) > 6 else "")


def rule_text(points: Sequence[str]) -> str:
    """The rule in one line, with the job's own Titik Batas numbers."""
    first = points[0] if points else "1"
    return (
        f"a corner (sudut) takes the Titik Batas number of the SK ({point_range(points)}), "
        f"an infill (sisipan) the number of the Titik Batas it follows plus letters "
        f"({first}A, {first}B … {first}Z, {first}AA), a Tanda Batas Referensi its marker's "
        f"name plus -R ({first}A-R)"
    )


def parse_marker_name(name: str, points: Sequence[str]) -> ParsedName | None:
    """Read ``name`` by the rule against the job's Titik Batas numbers; None when outside it."""
    ref = REFERENCE_RE.match(name)
    if ref is not None:
        base = _parse_base(ref.group("base"), points)
        if base is None:
            return None
        nth = int(ref.group("n") or 1)
        return ParsedName(name, MarkerKind.REFERENCE, base.point, base.letters, nth)
    return _parse_base(name, points)


class SkNumbers(tuple[str, ...]):
    """The SK's Titik Batas numbers in SK order, with each one's position looked up in O(1).

    Pass one to the functions here when checking or sorting many names against a large SK:
    a plain list is indexed again on every call (O(n) each).
    """

    positions: dict[str, int]

    def __new__(cls, numbers: Iterable[str]) -> SkNumbers:
        self = super().__new__(cls, numbers)
        self.positions = _positions(self)
        return self


def _positions(points: Sequence[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, p in enumerate(points):
        index.setdefault(p, i)
    return index


@functools.lru_cache(maxsize=8)
def _cached_positions(points: tuple[str, ...]) -> dict[str, int]:
    return _positions(points)


def _sk_index(points: Sequence[str]) -> dict[str, int]:
    """Each Titik Batas number and its first position in the SK."""
    if isinstance(points, SkNumbers):
        return points.positions
    return _cached_positions(tuple(points))


def _parse_base(name: str, points: Sequence[str]) -> ParsedName | None:
    known = _sk_index(points)
    if name in known:
        return ParsedName(name, MarkerKind.CORNER, name)
    # The longest SK label that prefixes the name with only capital letters after it: the
    # name's own prefixes are few, the SK's labels may be thousands.
    for cut in range(len(name) - 1, 0, -1):
        if name[:cut] in known and LETTERS_RE.fullmatch(name[cut:]):
            return ParsedName(name, MarkerKind.INFILL, name[:cut], name[cut:])
    return None


def name_problem(
    name: str,
    kind: MarkerKind | None,
    points: Sequence[str],
    edge: tuple[str, str] | None = None,
) -> str | None:
    """Why ``name`` breaks the rule for a marker of ``kind`` (None: it follows the rule)."""
    if not points:
        return "the job has no Titik Batas of the SK yet (import them with `job import-boundary`)"
    if name != name.strip() or not name:
        return "empty or with spaces around it"
    parsed = parse_marker_name(name, points)
    if parsed is None:
        return (
            "it is neither a Titik Batas number nor one followed by capital letters "
            "(with -R for a reference)"
        )
    if kind is not None and parsed.kind is not kind:
        return f"it names {_KIND_WORDS[parsed.kind]}, the marker is {_KIND_WORDS[kind]}"
    if parsed.kind is MarkerKind.INFILL and edge is not None and edge[0] != parsed.point:
        return (
            f"it lies on Garis Batas {edge[0]}–{edge[1]}, so its name starts with {edge[0]} "
            f"({edge[0]}A, {edge[0]}B …)"
        )
    return None


_KIND_WORDS = {
    MarkerKind.CORNER: "a corner (sudut)",
    MarkerKind.INFILL: "an infill (sisipan)",
    MarkerKind.REFERENCE: "a Tanda Batas Referensi",
}


def check_marker_name(
    name: str,
    kind: MarkerKind | None,
    points: Sequence[str],
    source: str,
    edge: tuple[str, str] | None = None,
) -> ParsedName:
    """The parsed name, or :class:`MarkerNameError` naming it, ``source`` and the rule."""
    problem = name_problem(name, kind, points, edge)
    if problem is not None:
        raise MarkerNameError(name, source, problem, rule_text(points))
    parsed = parse_marker_name(name, points)
    assert parsed is not None  # name_problem returned None only for a parsed name
    return parsed


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    # "2" before "10"; text chunks after numbers of the same position.
    return tuple((0, int(c), "") if c.isdigit() else (1, 0, c) for c in _CHUNK_RE.split(text) if c)


def marker_sort_key(
    name: str, points: Sequence[str] = ()
) -> tuple[tuple[int, int, tuple[tuple[int, int, str], ...]], int, int, str]:
    """Sort key: SK order of the Titik Batas, corner, infills by letter sequence, references.

    Without the SK (or for a name outside the rule) the number is compared as a number and
    trailing capital letters after a digit as an infill sequence, so ``1, 1A, 1Z, 1AA, 2, 10``.
    """
    parsed = parse_marker_name(name, points) if points else None
    if parsed is not None:
        rank = (0, _sk_index(points)[parsed.point], ())
        return rank, _letter_rank(parsed.letters), parsed.reference, name
    base, reference = name, 0
    ref = REFERENCE_RE.match(name)
    if ref is not None:
        base, reference = ref.group("base"), int(ref.group("n") or 1)
    m = _TRAILING_LETTERS_RE.match(base)
    point, tail = (m.group("base"), m.group("letters")) if m else (base, "")
    return (1, 0, _natural(point)), _letter_rank(tail), reference, name


def _letter_rank(text: str) -> int:
    return -1 if not text else letters_index(text)
