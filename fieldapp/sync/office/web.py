"""Server-rendered pages for office staff: packages, one package with map and photos, review."""

# No `from __future__ import annotations` here: FastAPI must see the local StaffAuth
# alias at runtime to treat it as a dependency rather than a query parameter.
import math
from html import escape
from typing import Annotated
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse

from fieldapp.sync.office import (
    assignments,
    maintenance,
    overview,
    reading,
    review,
    staffauth,
    web_overview,
)
from fieldapp.sync.office import files as files_mod
from fieldapp.sync.office.blobs import BlobStore
from fieldapp.sync.office.db import Database
from fieldapp.sync.office.webguard import build_guard, csrf_field, logout_form
from fieldapp.sync.office.webguard import page as _page


def _pkg_url(pkg: review.PackageRow) -> str:
    return f"/review/packages/{quote(pkg.package_id)}/{pkg.revision}"


def marker_svg(data: reading.MapData, size: int = 480) -> str:
    """Inline SVG of marker points (and the permit polygon): enough to see what came in."""
    points = [(p.name, p.lon, p.lat) for p in data.points]
    ring = data.ring
    coords = [(x, y) for _, x, y in points] + ring
    if not coords:
        return "<p>Tidak ada penanda untuk digambar.</p>"
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    # Equirectangular with cos(lat): fine for a permit area a few km across. Coordinates
    # are range-checked by reading.load_map, so nothing here can overflow or be NaN.
    kx = max(math.cos(math.radians(sum(ys) / len(ys))), 1e-6)
    span = max((max(xs) - min(xs)) * kx, max(ys) - min(ys), 1e-9)
    pad = 30

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (
            pad + (lon - min(xs)) * kx / span * (size - 2 * pad),
            size - pad - (lat - min(ys)) / span * (size - 2 * pad),
        )

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' class='map'>"]
    if ring:
        pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in (xy(x, y) for x, y in ring))
        parts.append(f"<polygon points='{pts}' fill='none' stroke='#c33' stroke-width='1.5'/>")
    for name, lon, lat in points:
        x, y = xy(lon, lat)
        parts.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='4' fill='#135'/>")
        parts.append(f"<text x='{x + 6:.1f}' y='{y - 6:.1f}' font-size='11'>{escape(name)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _problems(problems: list[str]) -> str:
    if not problems:
        return ""
    items = "".join(f"<li>{escape(p)}</li>" for p in problems)
    return (
        "<div class='problems'><p><b>Masalah pada berkas paket</b> (halaman tetap dapat"
        f" dipakai untuk memutuskan):</p><ul>{items}</ul></div>"
    )


def build_router(db: Database, blobs: BlobStore) -> APIRouter:
    router = APIRouter(prefix="/review")
    guard, staff_session = build_guard(db)
    router.include_router(guard)
    StaffAuth = Annotated[staffauth.Staff, Depends(staff_session)]  # noqa: N806 (a type alias)
    web_overview.add_routes(router, db, blobs, StaffAuth)

    @router.get("", response_class=HTMLResponse)
    def index(staff: StaffAuth) -> HTMLResponse:
        kinds = web_overview.package_kinds(db)
        rows = "".join(
            f"<tr><td><a href='{_pkg_url(p)}'>{escape(p.job_name or p.job_id)}</a></td>"
            f"<td>{escape(p.package_id[:12])}</td><td>{p.revision}</td>"
            f"<td>{escape(kinds.get(p.pk, ''))}</td>"
            f"<td class='state'>{escape(p.state)}</td><td>{escape(p.device)}</td>"
            f"<td>{p.total_bytes:,}</td><td>{escape(p.committed_at)}</td></tr>"
            for p in review.list_packages(db)
        )
        assigned = "".join(
            f"<tr><td>{escape(a.name)}</td><td><code>{escape(a.job_id)}</code></td>"
            f"<td>{escape(a.device)}</td><td>{a.revision}</td><td>{escape(a.actor)}</td>"
            f"<td>{escape(a.created_at)}</td><td>{escape(a.notes or '')}</td></tr>"
            for a in assignments.list_assignments(db)
        )
        body = (
            f"<p>Signed in as {escape(staff.name)} {logout_form(staff)}"
            " · <a href='/review/audit'>audit trail</a>"
            " · <a href='/review/wiup'>pemeliharaan per WIUP</a></p>"
            "<table><tr><th>Job</th><th>Package</th><th>Rev</th><th>Jenis</th><th>State</th>"
            "<th>Device</th>"
            f"<th>Bytes</th><th>Committed</th></tr>{rows}</table>"
            "<h2>Job assignments</h2><table><tr><th>Job</th><th>Job id</th><th>Device</th>"
            f"<th>Rev</th><th>By</th><th>When</th><th>Notes</th></tr>{assigned}</table>"
            "<h3>Assign a job to a device</h3><p>A job the office has a spec for (new jobs:"
            " <code>fieldapp office assign --data DIR --device NAME JOB</code>).</p>"
            f"<form method='post' action='/review/assignments'>{csrf_field(staff)}"
            "Device <input name='device'> Job id <input name='job_id'>"
            "<br><textarea name='notes' placeholder='notes for the surveyor'></textarea><br>"
            "<button>Assign</button></form>"
        )
        return _page("Packages", body)

    @router.get("/packages/{package_id}/{revision}", response_class=HTMLResponse)
    def package_page(package_id: str, revision: int, staff: StaffAuth) -> HTMLResponse:
        pkg = review.get_package(db, package_id, revision)
        files = review.package_files(db, pkg)
        base = _pkg_url(pkg)
        drawn = reading.load_map(blobs, files)
        info, info_problem = reading.bag_fields(review.stored_bag_info(db, pkg))
        problems = drawn.problems + ([info_problem] if info_problem else [])
        upkeep, kind = _maintenance(files, dict(info), problems)
        before = overview.accepted_before(db, blobs, pkg.job_id, pkg.pk, pkg.committed_at)
        # Only allow-listed raster names get an <img>, and its src is the re-encoded
        # preview route, never the device's bytes; everything else is a download link.
        photos = "".join(
            f"<a href='{base}/files/{quote(f.path)}'><img class='photo' alt='{escape(f.path)}"
            f" (pratinjau tidak tersedia)' src='{base}/preview/{quote(f.path)}'></a>"
            for f in files
            if files_mod.is_raster(f.path)
        )
        pdfs = "".join(
            f"<p><a href='{base}/files/{quote(f.path)}'>{escape(f.path)}</a> (unduh)<br>"
            f"<img class='page' alt='{escape(f.path)} halaman 1 (pratinjau tidak tersedia)'"
            f" src='{base}/preview/{quote(f.path)}?page=1'></p>"
            for f in files
            if files_mod.is_pdf(f.path)
        )
        listing = "".join(
            f"<tr><td><a href='{base}/files/{quote(f.path)}'>{escape(f.path)}</a></td>"
            f"<td>{f.size:,}</td><td><code>{escape(f.sha256[:16])}…</code></td></tr>"
            for f in files
        )
        info_rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in info)
        trail = "".join(
            f"<tr><td>{escape(a.at)}</td><td>{escape(a.actor)}</td><td>{escape(a.action)}</td>"
            f"<td>{a.revision or ''}</td><td>{escape(a.notes or '')}</td></tr>"
            for a in review.audit_trail(db, package_id)
        )
        actions = "".join(
            f"<button name='action' value='{a}'>{a.replace('_', ' ')}</button> "
            for a in review.REVIEW_ACTIONS
        )
        body = (
            f"<p><a href='/review'>all packages</a> · revision {pkg.revision}"
            f"{' superseding ' + escape(pkg.supersedes) if pkg.supersedes else ''} · state "
            f"<span class='state'>{escape(pkg.state)}</span> · from {escape(pkg.device)}</p>"
            f"{_problems(problems)}{web_overview.package_section(upkeep, kind, before)}"
            f"<h2>Markers</h2>{marker_svg(drawn)}"
            f"<h2>Photos</h2>{photos or '<p>none</p>'}"
            f"{'<h2>Dokumen PDF</h2>' + pdfs if pdfs else ''}"
            f"<h2>Review</h2><form method='post' action='{base}/decision'>{csrf_field(staff)}"
            f"<textarea name='notes' placeholder='notes for the surveyor'></textarea><br>{actions}"
            f"</form><h2>Files</h2><p>Semua berkas diunduh, tidak dibuka di peramban.</p>"
            f"<table>{listing}</table><h2>bag-info.txt</h2><table>{info_rows}</table>"
            "<h2>Audit trail</h2>"
            f"<table><tr><th>When</th><th>Who</th><th>What</th><th>Rev</th><th>Notes</th></tr>{trail}</table>"
        )
        return _page(f"{pkg.job_name or pkg.job_id} — revision {pkg.revision}", body)

    def _maintenance(
        files: list[review.FileRow], info: dict[str, str], problems: list[str]
    ) -> tuple[maintenance.MaintenanceData | None, str]:
        """The package's maintenance record and kind; a problem is listed, never raised
        (commit refuses bad ones, but the office may hold packages from before)."""
        try:
            kind = maintenance.package_kind(info).value
        except maintenance.MaintenanceDataError as exc:
            problems.append(str(exc))
            kind = "tidak dikenal"
        try:
            by_path = {f.path: (f.sha256, f.size) for f in files}
            return maintenance.load_maintenance(blobs, by_path), kind
        except maintenance.MaintenanceDataError as exc:
            problems.append(str(exc))
            return None, kind

    def _file(package_id: str, revision: int, path: str) -> review.FileRow:
        pkg = review.get_package(db, package_id, revision)
        for f in review.package_files(db, pkg):
            if f.path == path:
                return f
        raise HTTPException(404, f"{path}: not in this package")

    @router.get("/packages/{package_id}/{revision}/files/{path:path}")
    def package_file(package_id: str, revision: int, path: str, staff: StaffAuth) -> Response:
        """Always a download: attachment, nosniff, sandbox CSP, no type the browser renders."""
        f = _file(package_id, revision, path)
        try:
            fh = blobs.open(f.sha256)
        except OSError as exc:
            raise HTTPException(404, f"{path}: not readable in the office's blob store") from exc
        return StreamingResponse(
            files_mod.stream(fh),
            media_type=files_mod.download_type(path),
            headers=files_mod.download_headers(path, f.sha256, f.size),
        )

    @router.get("/packages/{package_id}/{revision}/preview/{path:path}")
    def package_preview(
        package_id: str, revision: int, path: str, staff: StaffAuth, page: int = 1
    ) -> Response:
        """A fresh JPEG/PNG made on the server from an allow-listed raster or a PDF page."""
        f = _file(package_id, revision, path)
        try:
            with blobs.open(f.sha256) as fh:
                if files_mod.is_pdf(path):
                    shown = files_mod.pdf_preview(fh, f.size, page)
                elif files_mod.is_raster(path):
                    if f.size > files_mod.MAX_SOURCE_BYTES:
                        raise files_mod.PreviewError(f"berkas terlalu besar ({f.size:,} bita)")
                    shown = files_mod.raster_preview(fh.read())
                else:
                    raise files_mod.PreviewError("jenis berkas ini tidak pernah dipratinjau")
        except OSError as exc:
            raise HTTPException(404, f"{path}: not readable in the office's blob store") from exc
        except files_mod.PreviewError as exc:
            raise HTTPException(422, f"{path}: {exc}") from exc
        return Response(shown.data, media_type=shown.media_type, headers=files_mod.safe_headers())

    async def _form(request: Request) -> dict[str, str]:
        parsed = parse_qs((await request.body()).decode("utf-8"), keep_blank_values=True)
        return {k: v[0] for k, v in parsed.items()}

    @router.post("/packages/{package_id}/{revision}/decision")
    async def decision(
        package_id: str, revision: int, request: Request, staff: StaffAuth
    ) -> Response:
        form = await _form(request)
        pkg = await run_in_threadpool(
            review.decide,
            db,
            staff.name,
            package_id,
            revision,
            form.get("action", ""),
            form.get("notes", ""),
        )
        return RedirectResponse(_pkg_url(pkg), status_code=303)

    @router.post("/assignments")
    async def assign(request: Request, staff: StaffAuth) -> Response:
        form = await _form(request)
        await run_in_threadpool(
            assignments.assign_known_job,
            db,
            staff.name,
            form.get("device", ""),
            form.get("job_id", ""),
            form.get("notes", ""),
        )
        return RedirectResponse("/review", status_code=303)

    @router.get("/audit", response_class=HTMLResponse)
    def audit(staff: StaffAuth) -> HTMLResponse:
        rows = "".join(
            f"<tr><td>{escape(a.at)}</td><td>{escape(a.actor)}</td><td>{escape(a.action)}</td>"
            f"<td>{escape(a.package_id or '')}</td><td>{a.revision or ''}</td>"
            f"<td>{escape(a.notes or '')}</td></tr>"
            for a in review.audit_trail(db)
        )
        back = f"<p><a href='/review'>packages</a> {logout_form(staff)}</p>"
        return _page("Audit trail", f"{back}<table>{rows}</table>")

    return router
