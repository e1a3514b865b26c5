"""XLSX tables and DXF map read back: Lampiran XXIII sheets, the reference marker, CRS, extents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import ezdxf
import pytest
from ezdxf import bbox
from openpyxl import load_workbook

from fieldapp.reports.build import write_map
from fieldapp.reports.data import ReportData, load_report_data
from fieldapp.reports.tables import write_tables
from fieldapp.store import JobStore

DMS = re.compile(r"^\d{2,3}° \d{2}′ \d{2},\d{5}″ (LU|LS|BT|BB)$")
MADE = dt.datetime(2026, 11, 12, 8, 30)


@pytest.fixture
def data(documented_job: JobStore) -> ReportData:
    return load_report_data(documented_job)


def _rows(ws, first: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [r for r in ws.iter_rows(min_row=first, values_only=True) if any(r)]


def test_xlsx_title_ties_markers_and_the_reference(data: ReportData, tmp_path: Path) -> None:
    wb = load_workbook(write_tables(data, tmp_path / "t.xlsx", made=MADE))
    assert wb.sheetnames[:3] == ["Judul", "Tabel I BM-JKHN", "Tabel II Titik Bantu-BM"]
    title = {r[0]: r[1] for r in wb["Judul"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert title["Nomor SK IUP"] == data.permit.sk_number
    assert title["Datum"].startswith("SRGI2013")
    assert title["Proyeksi / zona"] == "SRGI2013 / UTM zona 50S"
    assert title["Satuan"].startswith("meter")
    assert title["Dibuat"] == MADE and title["Juru ukur"].startswith("Budi Santoso, S.T.")
    made_cell = next(r[1] for r in wb["Judul"].iter_rows(min_row=4) if r[0].value == "Dibuat")
    assert made_cell.is_date and made_cell.number_format == "dd/mm/yyyy hh:mm"
    # Tabel I: the BMs, the JKHN point they name, and an honest note that it has no coordinates.
    t1 = wb["Tabel I BM-JKHN"]
    assert [c.value for c in t1[2]][:3] == ["BM", "Lintang", "Bujur"]
    bms = _rows(t1, 3)
    assert [r[0] for r in bms[:2]] == ["BM-01", "BM-02"] and bms[0][7] == "JKHN N0.1234"
    assert bms[0][11].startswith("Pengukuran GNSS statik") and bms[0][16] == pytest.approx(0.012)
    assert "tidak ada dalam data pekerjaan" in bms[-1][0]
    # Tabel II: every Titik Bantu tied to its BM with azimuth and baseline.
    t2 = _rows(wb["Tabel II Titik Bantu-BM"], 3)
    assert len(t2) == 10 and {r[7] for r in t2} == {"BM-01", "BM-02"}
    assert all(r[13] > 0 and "°" in r[12] for r in t2)
    # Markers: achieved σ, Indonesian status, real dates; the reference marker with its way.
    ws = wb["Tanda Batas"]
    head = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(head, r, strict=True)) for r in _rows(ws, 2)}
    assert list(rows) == ["4", "4A", "4B", "4B-R"]
    for name in ("4", "4A", "4B"):
        assert 0 < rows[name]["σH tercapai (m)"] < 0.05 and rows[name]["σV tercapai (m)"] > 0
        assert rows[name]["Status"] == "terdokumentasi"
        assert "3374-1928-0041" in rows[name]["Alat (nomor seri)"]
    ref = rows["4B-R"]
    r4b = data.markers[2].installation.references[0]
    assert ref["Jenis"] == "Referensi"
    assert ref["E (m) UTM 50S"] == pytest.approx(data.grid_of(r4b.position.lat,
                                                               r4b.position.lon)[0])  # fmt: skip
    way = ref["Ke titik sebenarnya"]
    assert way.startswith("ke Tanda Batas 4B: azimut geodetik 45° 40′")
    assert "azimut grid" in way and "jarak elipsoid 6,011 m" in way and "jarak grid" in way
    date_col = head.index("Tanggal pasang") + 1
    for (cell,) in ws.iter_rows(min_row=2, max_row=5, min_col=date_col, max_col=date_col):
        assert isinstance(cell.value, dt.datetime) and cell.is_date
    # One DMS notation for latitude/longitude on every sheet; the SK's text as typed stands
    # only in the Titik Batas sheet's two "teks SK" columns.
    checked = 0
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                v = cell.value
                if not (isinstance(v, str) and v.endswith(("LU", "LS", "BT", "BB"))):
                    continue
                if "teks SK" in str(sheet.cell(1, cell.column).value):
                    continue
                assert DMS.match(v), (sheet.title, v)
                checked += 1
    assert checked > 50


def test_tabel_i_says_so_when_the_job_has_no_ties(data: ReportData, tmp_path: Path) -> None:
    bare = dataclasses.replace(data, control=())
    wb = load_workbook(write_tables(bare, tmp_path / "t.xlsx"))
    for title, what in (("Tabel I BM-JKHN", "BM ke JKHN"),
                        ("Tabel II Titik Bantu-BM", "Titik Bantu ke BM")):  # fmt: skip
        ws = wb[title]
        assert ws.cell(2, 13).value.startswith("Azimut geodetik")  # the columns stand
        assert ws.cell(3, 1).value.startswith(f"Tidak ada data ikatan {what}")


def test_dxf_crs_extents_symbols_and_the_reference(data: ReportData, tmp_path: Path) -> None:
    doc = ezdxf.readfile(write_map(data, tmp_path / "peta.dxf"))
    msp = doc.modelspace()
    assert doc.header["$INSUNITS"] == 6
    assert doc.header.custom_vars.get("EPSG") == "9490"
    texts = [e.dxf.text for e in msp.query("TEXT")]
    assert "Sistem koordinat: SRGI2013 / UTM zona 50S (EPSG:9490); satuan meter" in texts
    # Extents cover every entity, and the initial view is on them.
    box = bbox.extents(msp)
    lo, hi = doc.header["$EXTMIN"], doc.header["$EXTMAX"]
    assert lo[0] <= box.extmin.x and lo[1] <= box.extmin.y
    assert hi[0] >= box.extmax.x and hi[1] >= box.extmax.y
    assert hi[0] - lo[0] < 10_000 and hi[1] - lo[1] < 10_000  # not the 1e20 defaults
    view = doc.viewports.get("*Active")[0]
    assert lo[0] <= view.dxf.center.x <= hi[0] and lo[1] <= view.dxf.center.y <= hi[1]
    assert view.dxf.height >= (hi[1] - lo[1])
    # A circle+cross symbol per marker, text sized for a ~4 km map.
    inserts = {(i.dxf.name, i.dxf.layer) for i in msp.query("INSERT")}
    assert ("TANDA_BATAS", "TANDA_BATAS") in inserts
    block = doc.blocks.get("TANDA_BATAS")
    assert {e.dxftype() for e in block} == {"CIRCLE", "LINE"}
    markers = [i for i in msp.query("INSERT") if i.dxf.layer == "TANDA_BATAS"]
    assert len(markers) == 3 and all(i.dxf.xscale > 10 for i in markers)
    names = [t for t in msp.query("TEXT") if t.dxf.layer == "TANDA_BATAS"]
    assert {t.dxf.text for t in names} == {"4", "4A", "4B"}
    assert all(t.dxf.height > (hi[0] - lo[0]) / 150 for t in names)
    # The reference marker on its own layer, with its way to the true point.
    ref_layer = msp.query('*[layer=="TANDA_BATAS_REFERENSI"]')
    r4b = data.markers[2].installation.references[0]
    e, n = data.grid_of(r4b.position.lat, r4b.position.lon)
    (ref,) = [i for i in ref_layer.query("INSERT")]
    assert ref.dxf.name == "REFERENSI"
    assert ref.dxf.insert.x == pytest.approx(e, abs=1e-3) and ref.dxf.insert.y == pytest.approx(n)
    ref_text = " ".join(t.dxf.text for t in ref_layer.query("TEXT"))
    assert "4B-R (Tanda Batas Referensi) ke 4B" in ref_text
    assert "az. geodetik 45°40'" in ref_text and "jarak elipsoid 6,011 m" in ref_text
    assert len(ref_layer.query("LINE")) >= 1


def test_dxf_labels_do_not_overlap(data: ReportData, tmp_path: Path) -> None:
    doc = ezdxf.readfile(write_map(data, tmp_path / "peta.dxf"))
    boxes = []
    for t in doc.modelspace().query("TEXT"):
        if t.dxf.layer == "JUDUL":
            continue
        b = bbox.extents([t])
        boxes.append((t.dxf.text, b.extmin.x, b.extmin.y, b.extmax.x, b.extmax.y))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
            assert not overlap, (a[0], b[0])


def render_dxf_png(dxf: Path, png: Path, width_px: int = 1600) -> tuple[int, int]:
    """ezdxf's drawing add-on (SVG backend: no matplotlib here), rasterised by Qt's SVG renderer."""
    from ezdxf.addons.drawing import Frontend, RenderContext, config, layout, svg
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    doc = ezdxf.readfile(dxf)
    backend = svg.SVGBackend()
    cfg = config.Configuration(background_policy=config.BackgroundPolicy.WHITE)
    Frontend(RenderContext(doc), backend, config=cfg).draw_layout(doc.modelspace())
    page = layout.Page(297, 210, layout.Units.mm, margins=layout.Margins.all(5))
    svg_path = png.with_suffix(".svg")
    svg_path.write_text(backend.get_string(page), encoding="utf-8")
    renderer = QSvgRenderer(str(svg_path))
    size = renderer.defaultSize()
    height_px = round(width_px * size.height() / size.width())
    img = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    renderer.render(painter)
    painter.end()
    assert img.save(str(png))
    return width_px, height_px


def test_dxf_rendered_fills_the_view(data: ReportData, tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QImage

    dxf = write_map(data, tmp_path / "peta.dxf")
    w, h = render_dxf_png(dxf, tmp_path / "peta.png")
    img = QImage(str(tmp_path / "peta.png"))
    xs, ys = [], []
    for y in range(0, h, 4):
        for x in range(0, w, 4):
            if img.pixelColor(x, y).lightness() < 200:
                xs.append(x)
                ys.append(y)
    # Drawn matter spans the page (5 mm margins of 297 x 210 mm), not a speck in a corner.
    assert (max(xs) - min(xs)) / w > 0.85 or (max(ys) - min(ys)) / h > 0.85
    doc = ezdxf.readfile(dxf)
    lo, hi = doc.header["$EXTMIN"], doc.header["$EXTMAX"]
    scale = min(w / (hi[0] - lo[0]), h / (hi[1] - lo[1]))
    names = [t for t in doc.modelspace().query("TEXT") if t.dxf.layer == "TANDA_BATAS"]
    assert all(t.dxf.height * scale >= 12 for t in names)  # px: readable at this size


def test_job_export_carries_the_reference_marker(documented_job: JobStore, tmp_path: Path) -> None:
    from fieldapp.operations import export_job

    doc = ezdxf.readfile(export_job(documented_job, "dxf", tmp_path / "job.dxf"))
    refs = doc.modelspace().query('INSERT[layer=="TANDA_BATAS_REFERENSI"]')
    assert len(refs) == 1
    csv_text = export_job(documented_job, "csv", tmp_path / "job.csv").read_text()
    assert "reference_marker;4B-R;reference;" in csv_text


def test_tabel_i_with_the_jkhn_point_in_the_data(data: ReportData, tmp_path: Path) -> None:
    from fieldapp.survey.models import ControlKind, ControlPoint

    bm = next(c for c in data.control if c.name == "BM-01")
    jkhn = ControlPoint("JKHN N0.1234", ControlKind.JKHN, bm.lat + 0.05, bm.lon - 0.04, 31.5,
                        "SRGI2013", bm.lat + 0.05, bm.lon - 0.04, source="BIG")  # fmt: skip
    wb = load_workbook(write_tables(dataclasses.replace(data, control=(*data.control, jkhn)),
                                    tmp_path / "t.xlsx"))  # fmt: skip
    row = next(r for r in _rows(wb["Tabel I BM-JKHN"], 3) if r[0] == "BM-01")
    assert row[7] == "JKHN N0.1234" and DMS.match(row[8]) and row[10] == pytest.approx(31.5)
    assert 7000 < row[13] < 7300 and row[12].count("°") == 1  # the baseline and its azimuth
    assert row[15] == pytest.approx(96.412 - 31.5)
