"""A field day's worth of documents: 1,000 markers, one village officer witnessing all of them.

`fieldapp report berita-acara` and `report deliverables` run as real processes on a real job
folder (no photos: every deskripsi sheet is a DRAF, which still builds), read back with
pdftotext. Before, a witness of more than ~100 markers stopped both ("row too high").
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from jobkit import run

from fieldapp.demo_many import VILLAGE_OFFICER, create_many_marker_job
from fieldapp.store import JobStore
from fieldapp.store.installation import add_witness
from fieldapp.survey.installation import WitnessCategory

N = 1000
pytestmark = pytest.mark.slow  # ~40 s: the slow lane beside the others
NAMES = [f"B{i:03d}" for i in range(N)]


def _pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        from pypdf import PdfReader

        return [p.extract_text() or "" for p in PdfReader(pdf).pages]
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return out.stdout.split("\f")[:-1]


def _drawn_from(pdf: Path, heading: str) -> list[str]:
    """Words from ``heading`` on, in the order a reader sees them: page, line, left to right.

    Neither -layout (regroups a page's columns by where text falls) nor -raw (the content
    stream's order, which a table's cells need not follow) is the order on the page.
    """
    if shutil.which("pdftotext") is None:
        return "\n".join(_pages(pdf)).split()
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True)  # fmt: skip
    words: list[tuple[int, float, float, str]] = []
    for page, body in enumerate(out.stdout.split("<page ")[1:]):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', body):
            words.append((page, round(float(m[2]) / 2), float(m[1]), html.unescape(m[3])))
    words.sort()
    text = [w for *_, w in words]
    first = heading.split()[0]
    start = next(
        i for i, w in enumerate(text) if w == first and " ".join(text[i : i + 2]) in heading
    )
    return text[start:]


@pytest.fixture(scope="module")
def big_job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    job = create_many_marker_job(tmp_path_factory.mktemp("scale") / "big.fieldapp", N)
    # The next village's officer on every other marker: a list of 500 names in one cell.
    with JobStore.open(job) as store, store.db.atomic():
        for name in NAMES[::2]:
            add_witness(store.db, name, "Budi Santoso", "Kantor Desa Sebelah",
                        WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
    return job


def _check_berita_acara(pdf: Path) -> None:
    pages = _pages(pdf)
    text = "\n".join(pages)
    assert 60 <= len(pages) <= 400, len(pages)
    # Every marker in the markers table, with its number in the list.
    listed = re.findall(r"^\s*(\d+)\s+(B\d{3})\s", text, flags=re.M)
    assert {name for _, name in listed} >= set(NAMES)
    # The marker table's header comes again on every page it continues on.
    title = f"VI. Daftar Tanda Batas Terpasang ({N} buah) (lanjutan)"
    continued = [p for p in pages if title in p]
    assert len(continued) >= N // 25
    assert all("Bujur (SRGI2013)" in p and "h elipsoid" in p and "Δ desain" in p for p in continued)
    # The witnesses: the officer of all markers once, the other's 500 markers all listed,
    # the witness table going on over pages under its repeated header.
    assert VILLAGE_OFFICER[0] in text and f"semua ({N}" in text  # "semua (1000 tanda batas)"
    saksi = text[text.index("VII. Saksi") :]
    assert "VII. Saksi (lanjutan)" in saksi
    # The officer's 500 markers in order, as drawn on the pages (the only B-codes in section VII
    # are his: the other witness signs for "semua").
    drawn = _drawn_from(pdf, "VII. Saksi")
    runs = [m[0] for w in drawn if (m := re.match(r"B\d{3}", w))]
    assert runs[: N // 2] == NAMES[::2]


def test_thousand_markers_one_witness_every_document(big_job: Path, tmp_path: Path) -> None:
    ba = tmp_path / "ba.pdf"
    result = run("report", "berita-acara", big_job, "-o", ba, "-q")
    assert result.returncode == 0, result.stderr
    # A draft's reasons are said as notes (the big job is a draft on purpose); nothing else.
    assert all(line.startswith("note: DRAF: ") for line in result.stderr.splitlines())
    _check_berita_acara(ba)

    out = tmp_path / "deliverables"
    result = run("report", "deliverables", big_job, "-o", out, "-q")
    assert result.returncode == 0, result.stderr
    # A draft's reasons are said as notes (the big job is a draft on purpose); nothing else.
    assert all(line.startswith("note: DRAF: ") for line in result.stderr.splitlines())
    _check_berita_acara(out / "berita_acara.pdf")
    sheets = _pages(out / "deskripsi_tanda_batas.pdf")
    assert len(sheets) == N  # one sheet each, nothing spilt onto a second page
    for name, sheet in zip(NAMES, sheets, strict=True):
        assert f"Tanda Batas {name}" in sheet
    stakeout = "\n".join(_pages(out / "laporan_stakeout.pdf"))
    assert set(re.findall(r"^\s*(B\d{3})\s", stakeout, flags=re.M)) == set(NAMES)
    assert stakeout.count("(lanjutan)") >= N // 20
    for name in ("tabel_koordinat.xlsx", "peta_wiup.dxf", "SHA256SUMS.txt"):
        assert (out / name).stat().st_size > 0
