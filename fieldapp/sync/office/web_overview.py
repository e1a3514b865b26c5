"""Review pages and staff JSON for maintenance: per-WIUP overview, WIUP list, package section."""

# No `from __future__ import annotations`: FastAPI reads the route annotations at runtime.
import datetime as dt
import json
from html import escape
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

from fieldapp.sync.office import maintenance, overview
from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.db import Database
from fieldapp.sync.office.webguard import page

KIND_TEXT = {
    "pemasangan": "pemasangan",
    "pemeliharaan": "pemeliharaan",
    "pemasangan-ulang": "pemasangan ulang",
}
STATUS_TEXT = {
    "planned": "direncanakan",
    "staked": "dipatok",
    "installed": "terpasang",
    "documented": "terdokumentasi",
}


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _yes_no(value: bool | None, yes: str = "ya", no: str = "tidak") -> str:
    return "—" if value is None else yes if value else no


def _progress(r: maintenance.ReinstallationRow) -> str:
    """'terbuka (dipatok)': the reinstallation's state and how far its own records came."""
    step = STATUS_TEXT.get(r.progress or "", "")
    return f"{r.status} ({step})" if step and r.status == "terbuka" else r.status


def _wiup_url(job_id: str) -> str:
    return f"/review/wiup/{quote(job_id, safe='')}"


def _condition(m: overview.MarkerState) -> str:
    if m.installed_on is None:
        return "belum dipasang"
    if m.reinstalled_on is not None:
        return f"dipasang ulang {m.reinstalled_on.isoformat()}"
    return m.condition or "belum diperiksa"


def _marker_row(m: overview.MarkerState) -> str:
    classes = " ".join(c for c, on in (("overdue", m.overdue), ("damaged", m.needs_action)) if on)
    late = "TERLAMBAT" if m.overdue else ("—" if m.due_on is None else "tidak")
    check = _yes_no(m.check_passed, "lulus", "gagal")
    return (
        f"<tr class='{classes}'><td>{escape(m.name)}</td>"
        f"<td>{escape(STATUS_TEXT.get(m.status, m.status))}</td>"
        f"<td class='date'>{_date(m.installed_on)}</td>"
        f"<td class='date'>{_date(m.last_inspection)}</td>"
        f"<td class='cond'>{escape(_condition(m))}</td><td>{escape(m.surveyor or '—')}</td>"
        f"<td>{_yes_no(m.vegetation_cleared)}</td><td>{check}</td><td>{m.photos}</td>"
        f"<td class='date'>{_date(m.due_on)}</td><td class='late'>{late}</td>"
        f"<td>{escape(m.open_reinstallation or '—')}</td></tr>"
    )


def _problems(problems: list[str]) -> str:
    if not problems:
        return ""
    items = "".join(f"<li>{escape(p)}</li>" for p in problems)
    return f"<div class='problems'><ul>{items}</ul></div>"


def overview_html(o: overview.WiupOverview, today: dt.date) -> str:
    if o.source is None:
        source = "<p>Belum ada paket WIUP ini yang diterima kantor.</p>"
    else:
        src = o.source
        source = (
            f"<p>Menurut paket <a href='/review/packages/{quote(src.package_id)}/{src.revision}'>"
            f"{escape(src.package_id[:12])} revisi {src.revision}</a>"
            f" ({escape(KIND_TEXT.get(src.kind, src.kind))}),"
            f" diterima {escape(src.accepted_at[:10])}."
            f" Jatuh tempo dihitung {overview.INTERVAL_MONTHS} bulan sejak pemeriksaan terakhir"
            f" atau pemasangan; tanggal hari ini {today.isoformat()}.</p>"
        )
    waiting = (
        f"<p>{o.awaiting_review} paket menunggu pemeriksaan kantor (belum dihitung di sini).</p>"
        if o.awaiting_review
        else ""
    )
    counts = (
        f"<p class='counts'>Tanda Batas: {len(o.markers)} · terpasang: {o.installed}"
        f" · <b>terlambat diperiksa: {o.overdue}</b> · rusak/hilang belum dipasang ulang:"
        f" {o.needing_action} · pemasangan ulang terbuka: {len(o.open_reinstallations)}</p>"
    )
    rows = "".join(_marker_row(m) for m in o.markers)
    table = (
        "<table class='wiup'><tr><th>Tanda Batas</th><th>Status</th><th>Dipasang</th>"
        "<th>Pemeriksaan terakhir</th><th>Kondisi</th><th>Juru ukur</th><th>Vegetasi 1 m"
        " dibersihkan</th><th>Uji posisi</th><th>Foto</th><th>Jatuh tempo</th>"
        f"<th>Terlambat</th><th>Pemasangan ulang terbuka</th></tr>{rows}</table>"
        if o.markers
        else ""
    )
    reinstall = "".join(
        f"<tr><td>{escape(r.marker)}</td><td class='date'>{r.opened_on.isoformat()}</td>"
        f"<td>{escape(_progress(r))}</td><td>{escape(r.reason)}</td></tr>"
        for r in o.open_reinstallations
    )
    reinstall_html = (
        "<h2>Pemasangan ulang terbuka</h2><table><tr><th>Tanda Batas</th><th>Dibuka</th>"
        f"<th>Status</th><th>Alasan</th></tr>{reinstall}</table>"
        if reinstall
        else ""
    )
    return (
        f"<p><a href='/review/wiup'>semua WIUP</a> · <a href='/review'>paket</a></p>"
        f"<p>Job <code>{escape(o.job_id)}</code></p>{source}{waiting}{_problems(o.problems)}"
        f"{counts}{table}{reinstall_html}"
    )


def overview_json(o: overview.WiupOverview) -> dict[str, Any]:
    src = o.source
    return {
        "job_id": o.job_id,
        "job_name": o.job_name,
        "source": None
        if src is None
        else {
            "package_id": src.package_id,
            "revision": src.revision,
            "kind": src.kind,
            "accepted_at": src.accepted_at,
        },
        "awaiting_review": o.awaiting_review,
        "counts": {
            "markers": len(o.markers),
            "installed": o.installed,
            "overdue": o.overdue,
            "needing_action": o.needing_action,
            "open_reinstallations": len(o.open_reinstallations),
        },
        "markers": [
            {
                "name": m.name,
                "status": m.status,
                "installed_on": _iso(m.installed_on),
                "last_inspection": _iso(m.last_inspection),
                "condition": m.condition,
                "surveyor": m.surveyor,
                "vegetation_cleared": m.vegetation_cleared,
                "check_passed": m.check_passed,
                "photos": m.photos,
                "due_on": _iso(m.due_on),
                "overdue": m.overdue,
                "open_reinstallation": m.open_reinstallation,
                "reinstalled_on": _iso(m.reinstalled_on),
                "needs_action": m.needs_action,
            }
            for m in o.markers
        ],
        "open_reinstallations": [
            {
                "marker": r.marker,
                "reason": r.reason,
                "opened_on": r.opened_on.isoformat(),
                "progress": r.progress,
            }
            for r in o.open_reinstallations
        ],
        "problems": o.problems,
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def package_section(
    data: maintenance.MaintenanceData | None,
    kind: str,
    before: maintenance.MaintenanceData | None = None,
) -> str:
    """What a package brings of maintenance, on its review page (escaped like all else).

    ``before`` is the record the office had accepted for the WIUP: what the package adds or
    changes is marked "baru" / "berubah" (every record, when nothing was accepted before).
    """
    head = f"<p>Jenis paket: <b class='kind'>{escape(KIND_TEXT.get(kind, kind))}</b></p>"
    if data is None:
        return head
    seen = {i.uuid: i for i in before.inspections} if before else {}
    was = {r.uuid: r.status for r in before.reinstallations} if before else {}

    def news(known: bool, same: bool) -> str:
        return "" if known and same else "berubah" if known else "baru"

    inspections = "".join(
        f"<tr class='{'withdrawn' if i.withdrawn else ''}'>"
        f"<td class='new'>{news(i.uuid in seen, seen.get(i.uuid) == i)}</td>"
        f"<td>{escape(i.marker)}</td>"
        f"<td class='date'>{i.inspected_on.isoformat()}</td>"
        f"<td class='cond'>{escape(i.condition)}</td>"
        f"<td>{escape(i.surveyor or '—')}</td><td>{_yes_no(i.vegetation_cleared)}</td>"
        f"<td>{escape(i.access_condition or '—')}</td><td>{escape(i.action_taken or '—')}</td>"
        f"<td>{_check(i.check)}</td><td>{len(i.photos)}</td>"
        f"<td>{escape(i.note or '')}{' (ditarik)' if i.withdrawn else ''}</td></tr>"
        for i in data.inspections
    )
    reinstallations = "".join(
        f"<tr><td class='new'>{news(r.uuid in was, was.get(r.uuid) == r.status)}</td>"
        f"<td>{escape(r.marker)}</td><td>{escape(_progress(r))}</td>"
        f"<td class='date'>{r.opened_on.isoformat()}</td><td class='date'>{_date(r.closed_on)}</td>"
        f"<td>{escape(r.reason)}</td></tr>"
        for r in data.reinstallations
    )
    parts = [head]
    if inspections:
        parts.append(
            "<h2>Pemeriksaan pemeliharaan</h2><table><tr><th></th><th>Tanda Batas</th>"
            "<th>Tanggal</th><th>Kondisi</th><th>Juru ukur</th><th>Vegetasi</th><th>Akses</th>"
            "<th>Tindakan</th><th>Uji posisi</th><th>Foto</th><th>Catatan</th></tr>"
            f"{inspections}</table>"
        )
    if reinstallations:
        parts.append(
            "<h2>Pemasangan ulang</h2><table><tr><th></th><th>Tanda Batas</th><th>Status</th>"
            f"<th>Dibuka</th><th>Selesai</th><th>Alasan</th></tr>{reinstallations}</table>"
        )
    return "".join(parts)


def _check(check: maintenance.CheckRow | None) -> str:
    if check is None:
        return "—"
    verdict = _yes_no(check.passed, "lulus", "gagal")
    return (
        f"{escape(check.source)} Δ {check.horizontal_m:.3f} m"
        f" (toleransi {check.tolerance_m:.3f} m): {verdict}"
    )


def list_html(items: list[overview.WiupOverview]) -> str:
    rows = "".join(
        f"<tr class='{'overdue' if o.overdue else ''}'><td><a href='{_wiup_url(o.job_id)}'>"
        f"{escape(o.job_name or o.job_id)}</a></td><td>{len(o.markers)}</td>"
        f"<td class='late'>{o.overdue}</td><td>{o.needing_action}</td>"
        f"<td>{len(o.open_reinstallations)}</td><td>{o.awaiting_review}</td>"
        f"<td>{escape(o.source.accepted_at[:10]) if o.source else '—'}</td>"
        f"<td>{'ada masalah' if o.problems else ''}</td></tr>"
        for o in items
    )
    return (
        "<p><a href='/review'>paket</a> · <a href='/review/api/wiup'>JSON</a></p>"
        "<table><tr><th>WIUP</th><th>Tanda Batas</th><th>Terlambat diperiksa</th>"
        "<th>Rusak/hilang</th><th>Pemasangan ulang terbuka</th><th>Menunggu pemeriksaan</th>"
        f"<th>Paket terakhir diterima</th><th></th></tr>{rows}</table>"
    )


def package_kinds(db: Database) -> dict[int, str]:
    """Package row id -> its kind in words, for the package list (bag-info as stored)."""
    kinds = {}
    for pk, stored in db.query("SELECT id, bag_info FROM package"):
        try:
            info = json.loads(stored)
            kind = maintenance.package_kind(info if isinstance(info, dict) else {}).value
        except (ValueError, RecursionError):  # MaintenanceDataError is a ValueError
            kind = "?"
        kinds[int(pk)] = KIND_TEXT.get(kind, kind)
    return kinds


def add_routes(router: APIRouter, db: Database, blobs: BlobStore, staff_auth: Any) -> None:
    """The overview routes on the /review router, behind the same staff session."""

    @router.get("/wiup", response_class=HTMLResponse)
    def wiup_index(staff: staff_auth) -> HTMLResponse:
        today = dt.date.today()
        return page(
            "Pemeliharaan Tanda Batas per WIUP", list_html(overview.wiup_list(db, blobs, today))
        )

    @router.get("/wiup/{job_id}", response_class=HTMLResponse)
    def wiup_page(job_id: str, staff: staff_auth) -> HTMLResponse:
        today = dt.date.today()
        o = overview.wiup_overview(db, blobs, job_id, today)
        return page(f"{o.job_name or o.job_id}: kondisi Tanda Batas", overview_html(o, today))

    @router.get("/api/wiup")
    def wiup_index_json(staff: staff_auth) -> JSONResponse:
        today = dt.date.today()
        items = overview.wiup_list(db, blobs, today)
        return JSONResponse(
            {
                "today": today.isoformat(),
                # The list gives each WIUP's counts; its page gives the markers.
                "wiup": [
                    {k: v for k, v in overview_json(o).items() if k != "markers"} for o in items
                ],
            }
        )

    @router.get("/api/wiup/{job_id}")
    def wiup_json(job_id: str, staff: staff_auth) -> JSONResponse:
        today = dt.date.today()
        o = overview.wiup_overview(db, blobs, job_id, today)
        return JSONResponse({"today": today.isoformat(), **overview_json(o)})
