"""Printing rule of the job's documents: one original per berita acara Nomor, then SALINAN n.

A berita acara carries its Nomor and the SHA-256 of what it states (identity.py). It may be
printed as the original (ASLI, copy 0, to be signed) only when it is final (complete, no DRAF)
and states the job as it stands. Copies are counted per Nomor, not per file: the A4 and the F4
build of one statement share one original, and every later print of either is "SALINAN ke-n"
with the reason typed and the date. A Nomor replaced by a newer final berita acara is
superseded: copies of it are refused, because a copy of a replaced legal record on site invites
signing the wrong one; its history stays in the print log. A DRAF prints only as a DRAF (never
numbered). A SALINAN of a Nomor that no longer states the job prints with a warning. Other
documents print freely and are logged without copy numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError

from fieldapp.reports.berita_acara import SHORT_TITLE
from fieldapp.reports.berita_acara_ulang import SHORT_TITLE as ULANG_TITLE
from fieldapp.reports.completeness import Completeness
from fieldapp.reports.data import ReportInputError
from fieldapp.reports.deskripsi import TITLE as DESKRIPSI_TITLE
from fieldapp.reports.identity import BeritaAcaraIdentity, EmbeddedIdentity, parse_keywords
from fieldapp.reports.pdfbase import FONT, atomic_path, font_path
from fieldapp.reports.stakeout import TITLE as STAKEOUT_TITLE
from fieldapp.reports.textfmt import date_id
from fieldapp.store import JobStore
from fieldapp.store.printlog import (
    DocumentKind,
    PrintEntry,
    PrintRecord,
    copy_label,
    log_print,
    next_copy_no,
    supersede_originals,
    superseded_by,
    this_device,
)

MAX_REASON = 120  # two header lines on A4 at 8 pt
RED = (176, 20, 20)
PT_PER_MM = 72 / 25.4
_TITLES = {
    SHORT_TITLE: DocumentKind.BERITA_ACARA,
    ULANG_TITLE: DocumentKind.BERITA_ACARA_ULANG,
    DESKRIPSI_TITLE: DocumentKind.DESKRIPSI,
    STAKEOUT_TITLE: DocumentKind.STAKEOUT,
}
_FOOTER_SHA = re.compile(r"SHA-256 data:\s*([0-9a-f]{64})")


class PrintRefused(ValueError):
    """A print the rule does not allow (or cannot prepare), with what to do in words."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What every page of a copy carries."""

    copy_no: int
    reason: str
    day: dt.date

    @property
    def label(self) -> str:
        return copy_label(self.copy_no)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A PDF as the print log knows it: kind, SHA-256 of the file, the data it states."""

    path: Path
    kind: DocumentKind
    sha256: str
    data_sha256: str | None
    pages: int
    embedded: EmbeddedIdentity | None = None  # a berita acara's Nomor, statement, DRAF
    reinstallation_uuid: str | None = None  # a berita acara pemasangan ulang: of which

    @property
    def nomor(self) -> str | None:
        return self.embedded.nomor if self.embedded else None

    @property
    def draft(self) -> bool:
        return bool(self.embedded and self.embedded.draft)


@dataclass(frozen=True, slots=True)
class PrintPlan:
    """What the next print of a document is: ``copy_no`` 0 original, n SALINAN, None free.

    ``warnings`` are printed with it (an out-of-date SALINAN); ``draft`` a DRAF print.
    """

    document: DocumentInfo
    copy_no: int | None
    warnings: tuple[str, ...] = ()
    draft: bool = False

    @property
    def needs_reason(self) -> bool:
        return self.copy_no is not None and self.copy_no > 0

    @property
    def label(self) -> str:
        return copy_label(self.copy_no, self.draft)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PrintRefused(f"{path}: no such file") from None
    except OSError as exc:
        raise PrintRefused(f"{path}: not a readable PDF ({exc})") from exc


def _reader(data: bytes, path: Path) -> PdfReader:
    """The PDF in ``data`` (the bytes of ``path``, read once by the caller)."""
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            raise PrintRefused(f"{path}: the PDF is encrypted; print it from its own viewer")
        _ = len(reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError) as exc:
        raise PrintRefused(f"{path}: not a readable PDF ({exc})") from exc
    return reader


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def identify(path: Path) -> DocumentInfo:
    """Kind from the PDF title fieldapp wrote; the data SHA-256 from keywords or the footer."""
    path = Path(path)
    # One read: the SHA-256 logged is of the very bytes whose title and data hash were read.
    data = _read(path)
    reader = _reader(data, path)
    meta = reader.metadata
    title = (meta.title if meta else None) or ""
    kind = _TITLES.get(title, DocumentKind.OTHER)
    data_sha = None
    keywords = str(meta.get("/Keywords", "")) if meta else ""
    numbered = kind in (DocumentKind.BERITA_ACARA, DocumentKind.BERITA_ACARA_ULANG)
    embedded = parse_keywords(keywords) if numbered else None
    if embedded is not None and embedded.data_sha256:
        data_sha = embedded.data_sha256
    elif kind is not DocumentKind.OTHER and reader.pages:
        found = _FOOTER_SHA.search(reader.pages[0].extract_text() or "")
        data_sha = found.group(1) if found else None
    pages = len(reader.pages)
    if pages == 0:
        raise PrintRefused(f"{path}: the PDF has no pages")
    uuid = None
    if kind is DocumentKind.BERITA_ACARA_ULANG:
        from fieldapp.reports.reinstall_data import embedded_uuid

        uuid = embedded_uuid(keywords)
    return DocumentInfo(path, kind, _sha256(data), data_sha, pages, embedded, uuid)


def plan_print(store: JobStore, path: Path, draft: bool = False) -> PrintPlan:
    """Apply the rule to ``path`` against the job's print log.

    Refuses: a berita acara without a Nomor bound to its content (older builds), a superseded
    Nomor, a DRAF unless ``draft`` (then it prints as DRAF, unnumbered), and an original that
    does not state the job as it stands.
    """
    from fieldapp.reports.final import current_identity

    doc = identify(path)
    if doc.kind not in (DocumentKind.BERITA_ACARA, DocumentKind.BERITA_ACARA_ULANG):
        return PrintPlan(doc, None)
    emb, name = doc.embedded, doc.path.name
    if emb is None or emb.nomor is None or emb.statement_sha256 is None:
        raise PrintRefused(
            f"{name}: a berita acara without a Nomor bound to what it states (built by an "
            "older fieldapp); build it again with fieldapp, then print"
        )
    newer = superseded_by(store.db, emb.nomor)
    if newer is not None:
        raise PrintRefused(
            f"{name}: Nomor {emb.nomor} is superseded by Nomor {newer} (what it states "
            f"changed); no copy of it is printed: print the berita acara Nomor {newer}"
        )
    try:
        if doc.kind is DocumentKind.BERITA_ACARA_ULANG:
            current, completeness = _current_ulang(store, doc, emb)
        else:
            current, completeness = current_identity(store, emb.day, emb.place)
        stale = current.statement_sha256 != emb.statement_sha256
        why = _why_stale(current, emb)
    except ReportInputError as exc:
        current, completeness, stale, why = None, None, True, str(exc)
    copy_no = next_copy_no(store.db, doc.sha256, emb.nomor)
    warnings = (
        (
            f"{name}: Nomor {emb.nomor} no longer states the job as it stands ({why}); "
            "build the berita acara again for a new Nomor",
        )
        if stale
        else ()
    )
    if emb.draft:
        if not draft:
            missing = completeness.summary() if completeness and not stale else "see its annex"
            raise PrintRefused(
                f"{name}: Nomor {emb.nomor} is a DRAF, not final; it cannot be printed as ASLI. "
                f"Missing:\n{missing}\nComplete these, build it again, then print; or print it "
                "as a DRAF only (report print --draft, or Print as DRAF in the print dialog)"
            )
        return PrintPlan(doc, None, warnings, draft=True)
    if copy_no > 0:
        return PrintPlan(doc, copy_no, warnings)
    if stale:
        raise PrintRefused(
            f"{name}: not final: Nomor {emb.nomor} no longer states the job as it stands "
            f"({why}); build the berita acara again, then print (only the berita acara of the "
            "job as it stands is printed as the original)"
        )
    return PrintPlan(doc, 0)


def _current_ulang(
    store: JobStore, doc: DocumentInfo, emb: EmbeddedIdentity
) -> tuple[BeritaAcaraIdentity, Completeness]:
    """What the reinstallation the document states has now (its own berita acara rule)."""
    from fieldapp.reports.reinstall_data import current_reinstallation_identity

    if doc.reinstallation_uuid is None:
        raise ReportInputError(f"{doc.path.name}: it does not name its reinstallation")
    found, completeness = current_reinstallation_identity(
        store, doc.reinstallation_uuid, emb.day, emb.place
    )
    return found.identity, completeness


def _why_stale(current: object, emb: EmbeddedIdentity) -> str:
    from fieldapp.reports.identity import BeritaAcaraIdentity

    assert isinstance(current, BeritaAcaraIdentity)
    if emb.data_sha256 != current.data_sha256:
        return (
            f"made from data SHA-256 {(emb.data_sha256 or '?')[:12]}…, but the job now holds "
            f"{current.data_sha256[:12]}…"
        )
    if emb.draft == current.final:
        return "its completeness changed"
    return "the signatory, register number or completeness recorded in the job changed"


def check_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise PrintRefused("a SALINAN needs a reason: type why this copy is printed")
    if len(text) > MAX_REASON:
        raise PrintRefused(f"the reason is {len(text)} characters long; at most {MAX_REASON}")
    return text


def prepare_print(
    plan: PrintPlan, target: Path, reason: str | None = None, day: dt.date | None = None
) -> Path:
    """Write what goes to the printer: the file as is, or the stamped SALINAN; never in place."""
    src, target = plan.document.path, Path(target)
    if target.resolve() == src.resolve():
        raise PrintRefused(f"{target}: the output must not be the document itself")
    # The bytes checked are the bytes printed: stamped or written from this one read,
    # never from the file again, which could change in between.
    data = _read(src)
    if _sha256(data) != plan.document.sha256:
        raise PrintRefused(f"{src}: the file changed since it was checked; open it again")
    if plan.needs_reason:
        assert plan.copy_no is not None
        stamp = Stamp(plan.copy_no, check_reason(reason), day or dt.date.today())
        return _write_stamped(_reader(data, src), target, stamp)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def record_print(
    store: JobStore, plan: PrintPlan, printer: str, reason: str | None = None
) -> PrintRecord:
    """Log a print the printer accepted; refuses when the copy number was taken meanwhile."""
    device, user = this_device()
    doc = plan.document
    entry = PrintEntry(
        kind=doc.kind,
        file_name=doc.path.name,
        document_sha256=doc.sha256,
        copy_no=plan.copy_no,
        printer=printer,
        pages=doc.pages,
        reason=check_reason(reason) if plan.needs_reason else (reason or None),
        data_sha256=doc.data_sha256,
        device=device,
        user_name=user,
        nomor=doc.nomor,
        statement_sha256=doc.embedded.statement_sha256 if doc.embedded else None,
        draft=plan.draft,
        reinstallation_id=_reinstallation_id(store, doc),
    )
    record = log_print(store.db, entry)
    if plan.copy_no == 0 and doc.nomor is not None:
        # Printing the original of this Nomor retires every earlier original (of the job's
        # berita acara, or of this reinstallation's).
        supersede_originals(store.db, doc.nomor, entry.reinstallation_id)
    return record


def _reinstallation_id(store: JobStore, doc: DocumentInfo) -> int | None:
    if doc.kind is not DocumentKind.BERITA_ACARA_ULANG:
        return None
    row = store.db.execute(
        "SELECT id FROM reinstallation WHERE uuid = ?", [doc.reinstallation_uuid]
    ).fetchone()
    if row is None:
        raise PrintRefused(f"{doc.path.name}: its reinstallation is not in this job")
    return int(row[0])


# -- the stamp -----------------------------------------------------------------------------


def _overlay(sizes: list[tuple[float, float]], stamp: Stamp) -> PdfReader:
    """One transparent page per original page, same size, carrying the stamp (fpdf2)."""
    pdf = FPDF(unit="mm")
    pdf.add_font(FONT, "", str(font_path()))
    pdf.add_font(FONT, "B", str(font_path(bold=True)))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    title = f"{stamp.label}  ·  dicetak {date_id(stamp.day)}"
    reason = f"Alasan: {stamp.reason}"
    for w, h in sizes:
        pdf.add_page(format=(w, h))
        pdf.set_text_color(*RED)
        pdf.set_draw_color(*RED)
        # Two header lines in the top margin, above the content of our documents (16 mm).
        width = w - 24
        pdf.set_font(FONT, "B", 8.5)
        pdf.set_xy(12, 3.6)
        pdf.cell(width, 4, title, align="C")
        size = 7.5
        pdf.set_font(FONT, "", size)
        while pdf.get_string_width(reason) > width and size > 5:
            size -= 0.5
            pdf.set_font_size(size)
        pdf.set_xy(12, 7.6)
        pdf.cell(width, 3.4, reason, align="C")
        pdf.set_line_width(0.3)
        pdf.line(12, 11.8, w - 12, 11.8)
        _margin_box(pdf, h, stamp)
    return PdfReader(BytesIO(bytes(pdf.output())))


def _margin_box(pdf: FPDF, page_h: float, stamp: Stamp) -> None:
    """A double-ruled box turned 90° (reading upwards) in the left margin (18 mm on ours)."""
    length, depth = 96.0, 11.5
    # Drawn level from the pivot rightwards, then turned about it: level x becomes page
    # height upwards and level y becomes the distance from the page edge.
    px, py = 3.2, page_h / 2 + length / 2
    with pdf.rotation(90, x=px, y=py):
        pdf.set_line_width(0.6)
        pdf.rect(px, py, length, depth)
        pdf.set_line_width(0.2)
        pdf.rect(px + 0.9, py + 0.9, length - 1.8, depth - 1.8)
        pdf.set_font(FONT, "B", 12)
        pdf.set_xy(px, py + 1.3)
        pdf.cell(length, 5, stamp.label, align="C")
        pdf.set_font(FONT, "", 6)
        small = f"{date_id(stamp.day)} · {stamp.reason}"
        while pdf.get_string_width(small) > length - 5 and len(small) > 4:
            small = small[:-2].rstrip() + "…"
        pdf.set_xy(px, py + 6.7)
        pdf.cell(length, 3, small, align="C")


def stamp_pdf(source: Path, target: Path, stamp: Stamp) -> Path:
    """Every page of ``source`` with the stamp merged on top, written atomically to ``target``."""
    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve():
        raise PrintRefused(f"{target}: the stamped copy must not replace the original")
    if stamp.copy_no < 1:
        raise PrintRefused(f"copy number {stamp.copy_no}: a SALINAN is numbered from 1")
    check_reason(stamp.reason)
    return _write_stamped(_reader(_read(source), source), target, stamp)


def _write_stamped(reader: PdfReader, target: Path, stamp: Stamp) -> Path:
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        if page.rotation:
            page.transfer_rotation_to_content()
    boxes = [p.cropbox for p in writer.pages]
    sizes = [(float(b.width) / PT_PER_MM, float(b.height) / PT_PER_MM) for b in boxes]
    overlay = _overlay(sizes, stamp)
    for page, box, over in zip(writer.pages, boxes, overlay.pages, strict=True):
        page.merge_transformed_page(over, Transformation().translate(box.left, box.bottom))
    writer.add_metadata({"/Subject": f"{stamp.label}: {stamp.reason}"})
    with atomic_path(target) as tmp, tmp.open("wb") as fh:
        writer.write(fh)
    return target
