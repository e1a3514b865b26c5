"""Is a berita acara final? Every listed marker checked against the job's own data.

A marker is complete when it has a stake within tolerance taken with passing quality, a
full description, the five photos (active), and the witnesses its situation requires:

* the officer of its own desa or kecamatan: a district/village-officer witness whose
  institution names that desa (after "Desa"/"Kelurahan") or that kecamatan (after
  "Kecamatan"/"Kec."). The name must match whole: "Desa Jembayan" does not cover a marker
  in Desa Jembayan Tengah, while "Kecamatan Loa Kulu" covers every marker of Loa Kulu;
* the holder of every neighbouring permit whose boundary runs within the planner's shared
  tolerance of the staked marker: a neighbour-permit-holder witness whose institution names
  that holder (the neighbour area's name without its parenthesised note and legal form);
* a forestry officer where the marker is flagged (or described) as in a forest area, a
  land-right holder on private land, the named other-commodity permit holder where recorded.

Words in the description ("kebun", "ladang", "sawah", "pekarangan", "tanah milik", "kawasan
hutan") count like the flags: the surveyor wrote them, so the berita acara must answer them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fieldapp.reports.cards import card_refusals
from fieldapp.reports.data import ReportData
from fieldapp.reports.method import method_gaps
from fieldapp.reports.textfmt import WITNESS_ID
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.quality import load_stake_quality
from fieldapp.store.signatory import HolderSignatories, load_signatories
from fieldapp.store.witness_needs import WitnessNeeds, load_witness_needs
from fieldapp.survey.installation import (
    PhotoDirection,
    StakeSource,
    WitnessCategory,
    WitnessRecord,
)
from fieldapp.survey.neighbors import polygon_on_grid, rings_from_geojson
from fieldapp.survey.planning import PlanRules

_PRIVATE_WORDS = ("kebun", "ladang", "sawah", "pekarangan", "tanah milik", "hak milik", "shm")
_FOREST_WORDS = ("kawasan hutan", "hutan produksi", "hutan lindung")
_LEGAL_FORMS = {"pt", "cv", "tbk", "persero", "koperasi", "ud"}
_PLACE_WORDS = {"desa": "desa", "kelurahan": "desa", "kampung": "desa", "kecamatan": "kec",
                "kec": "kec"}  # fmt: skip


# NMEA GGA fix quality as Indonesian surveyors say it (the solution types keep their names).
_FIX_ID = {0: "tanpa fix", 1: "autonomous", 2: "DGNSS", 4: "RTK fixed", 5: "RTK float"}


@dataclass(frozen=True, slots=True)
class MarkerGaps:
    """What one marker still lacks, each item one Indonesian line for the annex and messages."""

    marker: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Completeness:
    """The verdict on a berita acara's markers: final when no marker lacks anything."""

    gaps: tuple[MarkerGaps, ...]
    markers: int
    general: tuple[str, ...] = ()  # what the document itself lacks (its signatories)

    @property
    def final(self) -> bool:
        return not self.gaps and not self.general

    def summary(self, limit: int = 12) -> str:
        """The missing items as lines ``4B: …``, at most ``limit`` of them."""
        lines = [f"berita acara: {item}" for item in self.general]
        lines += [f"{g.marker}: {item}" for g in self.gaps for item in g.items]
        more = len(lines) - limit
        return "\n".join(lines[:limit] + ([f"… dan {more} kekurangan lain"] if more > 0 else []))


def _words(text: str | None) -> list[str]:
    return re.findall(r"[0-9a-z]+", (text or "").lower())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _places_named(institution: str) -> dict[str, set[tuple[str, ...]]]:
    """{'desa': {...}, 'kec': {...}}: the names following a place word up to the next one."""
    found: dict[str, set[tuple[str, ...]]] = {"desa": set(), "kec": set()}
    for part in re.split(r"[,;/()]", institution):
        words = _words(part)
        for i, w in enumerate(words):
            kind = _PLACE_WORDS.get(w)
            if kind is None:
                continue
            name: list[str] = []
            for nxt in words[i + 1 :]:
                if nxt in _PLACE_WORDS:
                    break
                name.append(nxt)
            if name:
                found[kind].add(tuple(name))
    return found


def officer_covers(institution: str, desa: str | None, kecamatan: str | None) -> bool:
    """The fair matching rule for the officer of the marker's own desa or kecamatan."""
    named = _places_named(institution)
    return (bool(desa) and tuple(_words(desa)) in named["desa"]) or (
        bool(kecamatan) and tuple(_words(kecamatan)) in named["kec"]
    )


def holder_words(name: str) -> list[str]:
    """A permit holder's name as words, without "(WIUP …)" notes and legal forms (PT, Tbk)."""
    return [w for w in _words(re.sub(r"\([^)]*\)", " ", name)) if w not in _LEGAL_FORMS]


def names_holder(institution: str, holder: str) -> bool:
    return _contains(holder_words(institution), holder_words(holder))


def _needs(store: JobStore, marker: str, text: str) -> WitnessNeeds:
    flags = load_witness_needs(store.db, marker)
    low = f" {' '.join(_words(text))} "
    return WitnessNeeds(
        flags.forest_area or any(f" {w} " in low for w in _FOREST_WORDS),
        flags.private_land or any(f" {w} " in low for w in _PRIVATE_WORDS),
        flags.other_commodity_holder,
    )


def _neighbours(store: JobStore, data: ReportData) -> list[tuple[str, object]]:
    rows = rec.load_geojson_rows(store.db, "neighbor_area")
    return [
        (r["name"], polygon_on_grid(rings_from_geojson(r["geometry"]), data.grid)) for r in rows
    ]


def check_completeness(
    store: JobStore,
    data: ReportData,
    rules: PlanRules | None = None,
    signatories: HolderSignatories | None = None,
    on: dt.date | None = None,
) -> Completeness:
    """Check every marker ``data`` lists, and who signs; the result says what each one lacks.

    ``signatories`` are those the document is built with (the job's stored ones by default);
    ``on`` is the day it is signed (default: the berita acara's day, else today): a juru ukur
    whose KPO card may not sign then is a gap of the document (fieldapp.reports.cards).
    """
    reach = (rules or PlanRules()).shared_tolerance_m
    neighbours = _neighbours(store, data)
    gaps = []
    for m in data.markers:
        inst, items = m.installation, []
        d = m.stake.delta
        if not d.passed:
            items.append(
                f"posisi terpasang {d.horizontal_m:.3f} m dari desain, melebihi toleransi "
                f"{d.tolerance_m:.3f} m".replace(".", ",")
            )
        quality = load_stake_quality(store.db, m.stake.id)
        if quality is None and m.stake.source is StakeSource.GNSS:
            items.append("mutu pengamatan GNSS (jenis fix, σ) tidak tercatat pada pematokan")
        elif quality is not None and not quality.quality_ok:
            sigma = "-" if quality.sigma_h_m is None else f"{quality.sigma_h_m:.3f} m"
            fix = _FIX_ID.get(quality.fix_quality or 0, f"kualitas {quality.fix_quality}")
            items.append(
                f"mutu pengamatan tidak memenuhi profil (solusi {fix}, σH {sigma}, "
                f"batas {quality.max_sigma_h_m:.3f} m)".replace(".", ",")
            )
        desc = inst.description
        if desc is None:
            items.append("deskripsi belum dibuat")
        else:
            empty = [
                label
                for label, value in (
                    ("desa", desc.desa),
                    ("kecamatan", desc.kecamatan),
                    ("kabupaten", desc.kabupaten),
                    ("provinsi", desc.provinsi),
                    ("akses", desc.access),
                    ("kondisi", desc.condition),
                )
                if not (value or "").strip()
            ]
            if empty:
                items.append("deskripsi belum lengkap: " + ", ".join(empty))
        have = {p.direction for p in inst.photos if p.withdrawn is None}
        lacking = [x.value for x in PhotoDirection if x not in have]
        if lacking:
            items.append("foto belum ada (atau ditarik): " + ", ".join(lacking))
        active = [w for w in inst.witnesses if w.withdrawn is None]
        items.extend(_witness_gaps(store, m.name, m.e, m.n, desc, active, neighbours, reach))
        # The method as recorded (base, sigma, antenna before and after, serial): printed as
        # measured, so a gap in it is a gap in the berita acara.
        items.extend(method_gaps(m.method))
        if items:
            gaps.append(MarkerGaps(m.name, tuple(items)))
    signing = signatories if signatories is not None else load_signatories(store.db)
    general = tuple(f"{what} belum diisi" for what in signing.missing)
    if on is None:
        from fieldapp.reports.identity import statement_day  # identity reads Completeness

        on = statement_day(data, None) if data.markers else dt.date.today()
    general += tuple(card_refusals(store.db, [s.name for s in data.surveyors], on))
    return Completeness(tuple(gaps), len(data.markers), general)


def _of(active: list[WitnessRecord], category: WitnessCategory) -> list[WitnessRecord]:
    return [w for w in active if w.category is category]


def _witness_gaps(
    store: JobStore,
    marker: str,
    e: float,
    n: float,
    desc: object,
    active: list[WitnessRecord],
    neighbours: list[tuple[str, object]],
    reach: float,
) -> list[str]:
    import shapely

    from fieldapp.survey.installation import Description

    items = []
    desa = desc.desa if isinstance(desc, Description) else None
    kec = desc.kecamatan if isinstance(desc, Description) else None
    text = (
        " ".join(x or "" for x in (desc.access, desc.condition, desc.notes))
        if isinstance(desc, Description)
        else ""
    )
    officers = _of(active, WitnessCategory.DISTRICT_VILLAGE_OFFICER)
    if not any(officer_covers(w.institution, desa, kec) for w in officers):
        where = " / ".join(x for x in (f"Desa {desa}" if desa else None,
                                       f"Kecamatan {kec}" if kec else None) if x)  # fmt: skip
        others = "; tercatat: " + ", ".join(w.institution for w in officers) if officers else ""
        items.append(f"saksi aparat {where or 'desa/kecamatan'} belum ada{others}")
    point = shapely.Point(e, n)
    holders = _of(active, WitnessCategory.NEIGHBOUR_PERMIT_HOLDER)
    for name, geom in neighbours:
        if geom.boundary.distance(point) <= reach and not any(  # type: ignore[attr-defined]
            names_holder(w.institution, name) for w in holders
        ):
            items.append(f"saksi pemegang izin berbatasan {name} belum ada")
    needs = _needs(store, marker, text)
    if needs.forest_area and not _of(active, WitnessCategory.FORESTRY_OFFICER):
        items.append(f"saksi {WITNESS_ID[WitnessCategory.FORESTRY_OFFICER].lower()} "
                     "(kawasan hutan) belum ada")  # fmt: skip
    if needs.private_land and not _of(active, WitnessCategory.LAND_RIGHT_HOLDER):
        items.append(f"saksi {WITNESS_ID[WitnessCategory.LAND_RIGHT_HOLDER].lower()} "
                     "(tanah hak/garapan) belum ada")  # fmt: skip
    other = needs.other_commodity_holder
    if other and not any(
        names_holder(w.institution, other)
        for w in _of(active, WitnessCategory.OTHER_COMMODITY_PERMIT_HOLDER)
    ):
        items.append(f"saksi pemegang izin komoditas lain {other} belum ada")
    return items
