"""The deskripsi sketch and the berita acara's location map over the job's background."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from fieldapp.reports.berita_acara import render_berita_acara
from fieldapp.reports.build import build_document
from fieldapp.reports.data import load_report_data
from fieldapp.reports.deskripsi import render_deskripsi
from fieldapp.reports.location_map import map_frame
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.photos import PhotoProcessor
from fieldapp.reports.sketch import sketch_frame
from fieldapp.store import JobStore
from fieldapp.store.backgrounds import add_background, set_background
from tests.tilekit import Block, colour_centroid, make_mbtiles, painter

from .pdftext import all_text

DPI = 150
PT = 25.4 / 72  # mm per PDF point
CYAN = (0, 170, 255, 255)
SAND = (190, 175, 140, 255)
# The demo WIUP (116.90-116.94 E, 0.52-0.55 S) with room around it.
BOUNDS = (116.89, -0.556, 116.946, -0.512)
PLACED = re.compile(r"q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm /I\d+ Do Q")


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Block]:
    """A sand-coloured pack with a cyan block 110 m east and 55 m north of marker 4A."""
    block = Block(116.93615 + 0.001, -0.53759 + 0.0005, CYAN, half_m=25)
    path = tmp_path_factory.mktemp("pack") / "ortofoto.mbtiles"
    return make_mbtiles(path, BOUNDS, range(13, 16), painter(SAND, [block]), "png"), block


def _with_background(job: JobStore, pack: Path) -> None:
    add_background(job, pack, copy=False, name="Ortofoto uji")


def _placements(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per page, each image's box in mm from the page's top-left: x, y, w, h."""
    out = []
    for page in PdfReader(pdf).pages:
        height = float(page.mediabox.height)
        text = page.get_contents().get_data().decode("latin-1")
        boxes = []
        for w, h, x, y in (tuple(map(float, m)) for m in PLACED.findall(text)):
            boxes.append((x * PT, (height - y - h) * PT, w * PT, h * PT))
        out.append(boxes)
    return out


def _block_on_page(
    pdf: Path, page: int, box: tuple[float, ...], expect_mm: tuple[float, float], tmp: Path
) -> None:
    """The cyan block's centre on the page as pdftoppm renders it is where the drawing puts
    its coordinate (only the map's box is rendered: a whole page of photos costs seconds)."""
    x, y, w, h = (round(v / 25.4 * DPI) for v in box)
    stem = tmp / f"p{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png",
                    "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h),
                    "-singlefile", str(pdf), str(stem)], check=True)  # fmt: skip
    cx, cy, n = colour_centroid(Image.open(stem.with_suffix(".png")), CYAN, tol=30)
    assert n > 20, "the background's block is not on the page"
    ex, ey = (v / 25.4 * DPI for v in expect_mm)
    # Half a millimetre on paper (3 px at 150 dpi): a few metres at these scales.
    assert abs(cx + x - ex) <= 3 and abs(cy + y - ey) <= 3, ((cx + x, cy + y), (ex, ey))


def test_the_sketch_is_drawn_over_the_background(
    documented_job: JobStore, pack: tuple[Path, Block], tmp_path: Path
) -> None:
    _with_background(documented_job, pack[0])
    data = load_report_data(documented_job, names=["4A"])
    pdf = render_deskripsi(data, PhotoProcessor(documented_job.photos_dir, None))
    assert pdf.notes == []
    out = save_pdf(pdf, tmp_path / "d.pdf")
    (boxes,) = _placements(out)
    sketch = boxes[0]  # drawn first: the background, under the sketch's vectors
    assert len(boxes) == 1 + 5  # and the five photos
    frame = sketch_frame(data, data.markers[0], *sketch)
    block = pack[1]
    _block_on_page(out, 1, sketch, frame.xy(*data.grid_of(block.lat, block.lon)), tmp_path)
    assert "4A" in all_text(out) and "Sketsa lokasi" in all_text(out)
    # The imagery under a signed sketch is named in its corner.
    assert "Latar: Ortofoto uji" in all_text(out)


def test_the_berita_acara_gains_a_location_map(
    documented_job: JobStore, pack: tuple[Path, Block], tmp_path: Path
) -> None:
    bare = load_report_data(documented_job)
    plain = save_pdf(render_berita_acara(bare), tmp_path / "a.pdf")
    _with_background(documented_job, pack[0])
    # Hidden, it is as if there were none: the same bytes (same text, no image).
    set_background(documented_job, "Ortofoto uji", visible=False)
    hidden = load_report_data(documented_job)
    assert hidden.sha256 == bare.sha256  # a background changes no figure a document states
    assert render_berita_acara(hidden).output() == plain.read_bytes()
    set_background(documented_job, "Ortofoto uji", visible=True)
    data = load_report_data(documented_job)
    out = save_pdf(render_berita_acara(data), tmp_path / "b.pdf")
    placed = _placements(out)
    (page,) = [i for i, boxes in enumerate(placed) if boxes]
    (box,) = placed[page]
    text = all_text(out)
    assert "Peta Lokasi Tanda Batas" in text and "Latar peta: Ortofoto uji" in text
    assert "Peta Lokasi" not in all_text(plain) and not any(_placements(plain))
    block = pack[1]
    expect = map_frame(data, *box).xy(*data.grid_of(block.lat, block.lon))
    _block_on_page(out, page + 1, box, expect, tmp_path)
    # JPEG in the file, and what it costs: about a hundred kB at most for the map page.
    size = out.stat().st_size - plain.stat().st_size
    assert 0 < size < 150_000


def test_a_background_that_fails_to_open_is_said_and_left_out(
    documented_job: JobStore, pack: tuple[Path, Block], tmp_path: Path
) -> None:
    broken = tmp_path / "rusak.mbtiles"
    broken.write_bytes(pack[0].read_bytes())
    add_background(documented_job, broken, copy=False, name="Rusak")
    broken.write_bytes(b"not a tile pack at all" * 100)  # damaged after it was added
    result = build_document(documented_job.path, "berita-acara", tmp_path / "ba.pdf")
    assert result.outcome.value == "finished", result.message
    (note,) = result.notes
    assert "Rusak" in note and "rusak.mbtiles" in note and "left out" in note
    assert "Peta Lokasi" not in all_text(result.paths[0])
    assert not any(_placements(result.paths[0]))
