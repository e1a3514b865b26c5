"""The DXF map: WIUP, markers, references and control with symbols, scaled labels, title block.

A viewer must open it on the map: $EXTMIN/$EXTMAX and the initial view cover every entity,
points are drawn as blocks (a bare POINT is invisible in most viewers), text heights follow the
map's size, and the coordinate system is written in a title block and the header.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.survey.dms import format_dms
from fieldapp.survey.labels import LabelRequest, place_labels

if TYPE_CHECKING:
    from ezdxf.document import Drawing
    from ezdxf.layouts import Modelspace

    from fieldapp.exchange.export import ExportReference, ExportSet

# layer, ACI colour, block
DXF_LAYERS = {
    "permit_area": ("WIUP", 1, None),
    "boundary_point": ("TITIK_BATAS", 1, "TITIK_BATAS"),
    "marker": ("TANDA_BATAS", 94, "TANDA_BATAS"),
    "reference_marker": ("TANDA_BATAS_REFERENSI", 30, "REFERENSI"),
    "control_point": ("KONTROL", 5, "KONTROL"),
}
TITLE_LAYER = "JUDUL"
LABEL_RATIO = 1 / 90  # text height / map span: ~34 m letters on a 3.7 km WIUP
MIN_TEXT_M = 0.5


def _blocks(doc: Drawing) -> None:
    """Unit-size symbols (radius 1); inserts scale them to the map."""
    b = doc.blocks.new("TANDA_BATAS")  # circle and cross: the marker as surveyors draw it
    b.add_circle((0, 0), 1.0)
    b.add_line((-1.4, 0), (1.4, 0))
    b.add_line((0, -1.4), (0, 1.4))
    b = doc.blocks.new("TITIK_BATAS")  # a small x: the SK vertex, under the marker symbol
    b.add_line((-0.6, -0.6), (0.6, 0.6))
    b.add_line((-0.6, 0.6), (0.6, -0.6))
    b = doc.blocks.new("KONTROL")  # a triangle with a centre dot: BM / Titik Bantu / JKHN
    b.add_lwpolyline([(0, 1.1), (-0.95, -0.55), (0.95, -0.55)], close=True)
    b.add_circle((0, 0), 0.15)
    b = doc.blocks.new("REFERENSI")  # a diamond with a cross: the reference marker
    b.add_lwpolyline([(0, 1.2), (1.2, 0), (0, -1.2), (-1.2, 0)], close=True)
    b.add_line((-0.6, 0), (0.6, 0))
    b.add_line((0, -0.6), (0, 0.6))


def _crs_text(data: ExportSet) -> str:
    g = data.grid
    epsg = f" (EPSG:{g.epsg})" if g.epsg else " (parameter TM-3 pada EPSG:9470)"
    name = g.name.replace(" zone ", " zona ").replace("geographic", "geografis")
    units = "X = bujur, Y = lintang, derajat desimal" if g.is_geographic else "satuan meter"
    return f"Sistem koordinat: {name}{epsg}; {units}"


def _span(data: ExportSet) -> tuple[float, float, float, float]:
    es = [p.e for p in data.points] or [0.0]
    ns = [p.n for p in data.points] or [0.0]
    return min(es), min(ns), max(es), max(ns)


def _label(
    msp: Modelspace, text: str, x: float, y: float, h: float, layer: str, align: str
) -> None:
    from ezdxf.enums import TextEntityAlignment

    t = msp.add_text(text, height=h, dxfattribs={"layer": layer, "style": "OpenSans"})
    t.set_placement((x, y), align=TextEntityAlignment[align])


CHAR_W = 0.72  # generous glyph width / text height of the sans fonts viewers substitute


def _points(msp: Modelspace, data: ExportSet, h: float) -> None:
    symbol = h * 0.6
    requests: list[LabelRequest] = []
    texts: dict[str, tuple[list[str], float, str]] = {}
    # Most important first: markers, then references, control, SK vertices.
    order = {"marker": 0, "reference_marker": 1, "control_point": 2, "boundary_point": 3}
    refs = {r.point.name: r for r in data.references}
    for i, p in enumerate(sorted(data.points, key=lambda p: order[p.role])):
        layer, _, block = DXF_LAYERS[p.role]
        if block is None:
            continue
        msp.add_blockref(
            block, (p.e, p.n, p.h or 0.0), dxfattribs={"layer": layer, "xscale": symbol,
                                                      "yscale": symbol, "zscale": symbol},
        )  # fmt: skip
        size = {"marker": 1.0, "reference_marker": 0.6, "control_point": 0.8}.get(p.role, 0.7)
        lines = [f"TTK {p.name}" if p.role == "boundary_point" else p.name]
        if p.name in refs:
            lines = _reference_lines(refs[p.name])
        key = f"{i}"
        texts[key] = (lines, h * size, layer)
        line_h = h * size * 1.5
        requests.append(
            LabelRequest(key, p.e, p.n, max(len(t) for t in lines) * CHAR_W * h * size,
                         line_h * len(lines), symbol * 1.3)
        )  # fmt: skip
    for place in place_labels(requests):
        lines, size, layer = texts[place.key]
        for k, text in enumerate(lines):
            y = place.box.y1 - (k + 1) * size * 1.5 + size * 0.3
            _label(msp, text, place.x, y, size, layer, "LEFT")
        if place.displaced:  # a leader from the symbol to a label pushed away by others
            req = next(r for r in requests if r.key == place.key)
            near_x = min(max(req.x, place.box.x0), place.box.x1)
            near_y = min(max(req.y, place.box.y0), place.box.y1)
            msp.add_line((req.x, req.y), (near_x, near_y), dxfattribs={"layer": layer})


def _reference_lines(r: ExportReference) -> list[str]:
    ground = f", permukaan {_num(r.ground_m)} m" if r.ground_m else ""
    return [
        f"{r.point.name} (Tanda Batas Referensi) ke {r.marker}:",
        f"az. geodetik {_az(r.geodetic_azimuth_deg)}, az. grid {_az(r.grid_azimuth_deg)}",
        f"jarak elipsoid {_num(r.ellipsoid_m)} m, grid {_num(r.grid_m)} m{ground}",
    ]


def _references(msp: Modelspace, refs: list[ExportReference]) -> None:
    layer = DXF_LAYERS["reference_marker"][0]
    for r in refs:
        msp.add_line((r.point.e, r.point.n), (r.true_e, r.true_n), dxfattribs={"layer": layer})


def _num(value: float) -> str:
    return f"{value:.3f}".replace(".", ",")


def _az(deg: float) -> str:
    total = round((deg % 360.0) * 3600)
    d, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{d % 360}°{m:02d}'{s:02d}\""


def _title(msp: Modelspace, data: ExportSet, x: float, y: float, h: float) -> None:
    p = data.permit
    lines = [
        (f"PETA TANDA BATAS {p.name.upper()}", 1.3),
        (f"{p.holder or '-'} · SK {p.sk_number or '-'}", 0.8),
        (_crs_text(data), 0.8),
        ("Tinggi: elipsoid (m). Azimut referensi: geodetik dan grid.", 0.7),
        (
            "Simbol: lingkaran+silang = Tanda Batas; x = Titik Batas (TTK, SK); "
            "segitiga = BM/Titik Bantu; belah ketupat = Tanda Batas Referensi; merah = batas WIUP",
            0.7,
        ),
    ]
    for text, scale in lines:
        _label(msp, text, x, y, h * scale, TITLE_LAYER, "TOP_LEFT")
        y -= h * scale * 1.6


def write_dxf(data: ExportSet, out: Path) -> None:
    import ezdxf
    from ezdxf import bbox, zoom

    doc = ezdxf.new("R2010", setup=True)
    doc.header["$INSUNITS"] = 0 if data.grid.is_geographic else 6  # unitless degrees / metres
    doc.header["$MEASUREMENT"] = 1  # metric
    doc.header.custom_vars.append("CRS", data.grid.name)
    if data.grid.epsg:
        doc.header.custom_vars.append("EPSG", str(data.grid.epsg))
    doc.header.custom_vars.append("DATUM", data.grid.datum)
    msp = doc.modelspace()
    for layer, color, _ in DXF_LAYERS.values():
        doc.layers.add(layer, color=color)
    doc.layers.add(TITLE_LAYER, color=7)
    _blocks(doc)
    x0, y0, x1, y1 = _span(data)
    span = max(x1 - x0, y1 - y0)
    # A geographic job draws in degrees: there the floor in metres would swamp the map.
    h = span * LABEL_RATIO if data.grid.is_geographic else max(span * LABEL_RATIO, MIN_TEXT_M)
    h = h or 1.0  # a single point has no span
    if data.ring:
        msp.add_lwpolyline(
            [(p.e, p.n) for p in data.ring], close=True, dxfattribs={"layer": "WIUP"}
        )
    _points(msp, data, h)
    _references(msp, data.references)
    _title(msp, data, x0, y0 - h * 4, h)
    if data.ring:
        first = data.ring[0]
        corner = format_dms(first.lat, "lat", 3) + "  " + format_dms(first.lon, "lon", 3)
        _label(msp, f"TTK {first.name}: {corner}", x0, y1 + h * 3, h * 0.7, TITLE_LAYER,
               "BOTTOM_LEFT")  # fmt: skip
    box = bbox.extents(msp)
    if box.has_data:
        # ezdxf copies the layout's extents into the header on save: set both.
        msp.dxf.extmin, msp.dxf.extmax = box.extmin, box.extmax
        doc.header["$EXTMIN"] = box.extmin
        doc.header["$EXTMAX"] = box.extmax
        zoom.extents(msp, factor=1.05)
    doc.saveas(out)
