"""The berita acara as an inspector reads it: method per marker, DMS vs E/N, layout, signatures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyproj import Transformer

from fieldapp.reports.berita_acara import BeritaAcaraOptions, render_berita_acara
from fieldapp.reports.data import load_report_data
from fieldapp.reports.pdfbase import save_pdf
from fieldapp.reports.terbilang import terbilang
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.installation import add_witness, record_stake, set_description
from fieldapp.store.signatory import load_signatories, set_signatories
from fieldapp.survey.installation import Description, StakeSource, WitnessCategory
from fieldapp.survey.local import metres_per_degree
from fieldapp.survey.models import Marker, MarkerKind
from fieldapp.survey.occupation import Position

from .pdftext import all_text, pages_text

DMS = r"(\d{2,3})° (\d{2})′ (\d{2},\d{4})″ (LU|LS|BT|BB)"
ROW = re.compile(rf"{DMS} {DMS} (\d{{5,7}},\d{{3}}) (\d{{6,8}},\d{{3}})")
HOLDER, POSITION, KTT = "Ir. Sutrisno Hadi, M.T.", "Direktur Operasional", "Agus Salim, S.T."


def _build(job: JobStore, out: Path, **options: object) -> Path:
    data = load_report_data(job)
    return save_pdf(render_berita_acara(data, BeritaAcaraOptions(**options)), out)  # type: ignore[arg-type]


def _degrees(d: str, m: str, s: str, hemi: str) -> float:
    value = int(d) + int(m) / 60 + float(s.replace(",", ".")) / 3600
    return -value if hemi in ("LS", "BB") else value


def _dms_rows(text: str) -> list[tuple[float, float, float, float]]:
    """(lat, lon, E, N) of every table row that prints DMS next to E/N."""
    out = []
    for g in ROW.findall(text):
        lat, lon = _degrees(*g[0:4]), _degrees(*g[4:8])
        out.append((lat, lon, float(g[8].replace(",", ".")), float(g[9].replace(",", "."))))
    return out


def test_dms_printed_agrees_with_the_printed_e_n_within_5_mm(
    documented_job: JobStore, tmp_path: Path
) -> None:
    text = all_text(_build(documented_job, tmp_path / "ba.pdf"))
    rows = _dms_rows(text)
    # Three markers and the reference marker of 4B.
    assert len(rows) == 4, text
    to_utm = Transformer.from_crs("EPSG:9470", "EPSG:9490", always_xy=True)  # SRGI2013 -> UTM 50S
    for lat, lon, e, n in rows:
        ge, gn = to_utm.transform(lon, lat)
        assert abs(ge - e) < 0.005 and abs(gn - n) < 0.005, (lat, lon, e, n, ge, gn)


def test_the_staked_coordinate_is_printed_with_its_design_delta(
    documented_job: JobStore, tmp_path: Path
) -> None:
    text = all_text(_build(documented_job, tmp_path / "ba.pdf"))
    data = load_report_data(documented_job)
    printed = _dms_rows(text)
    for m in data.markers:
        assert any(abs(e - m.e) < 0.0006 and abs(n - m.n) < 0.0006 for _, _, e, n in printed)
        # Not the design point: the staked one is a centimetre or two away from it.
        assert abs(m.e - m.design_e) + abs(m.n - m.design_n) > 0.001
        d = m.stake.delta
        assert f"ΔE {'+' if d.de_m >= 0 else '−'}{abs(d.de_m):.3f}".replace(".", ",") in text


def test_the_reference_marker_of_4b_is_in_the_table(
    documented_job: JobStore, tmp_path: Path
) -> None:
    text = all_text(_build(documented_job, tmp_path / "ba.pdf"))
    (ref,) = load_report_data(documented_job, names=["4B"]).markers[0].installation.references
    assert "4B-R Referensi" in text
    assert "ke TB 4B: azimut geodetik" in text and "pada elipsoid" in text
    assert f"{ref.geometry.distance_m:.3f}".replace(".", ",") in text


def test_method_per_marker_names_the_base_sigma_antenna_and_instrument(
    documented_job: JobStore, tmp_path: Path
) -> None:
    text = all_text(_build(documented_job, tmp_path / "ba.pdf"))
    data = load_report_data(documented_job)
    for m in data.markers:
        mm = m.method
        assert mm.base == "BM-02" and mm.epochs == 40
        assert mm.sigma_h_m is not None and mm.sigma_v_m is not None
        assert f"σH {mm.sigma_h_m:.3f}".replace(".", ",") in text
        assert mm.antenna_after_m is not None and not mm.antenna_changed
    assert text.count("GNSS RTK (fixed) dari base BM-02") == 3
    assert "1,800 / 1,801" in text and "1,800 / 1,802" in text
    assert "CHCNAV i73+ (base + rover), No. Seri 3374-1928-0041" in text


def test_the_regulations_are_cited_for_what_they_prescribe(
    documented_job: JobStore, tmp_path: Path
) -> None:
    text = all_text(_build(documented_job, tmp_path / "ba.pdf"))
    assert (
        "697.K/29/DDJP/1996 tentang Penataan Batas Wilayah Pertambangan antara KP/KK/PKP2B "
        "Bidang Pertambangan Umum"
    ) in text
    assert "Tata Cara Pemasangan Tanda Batas dan Pengukuran Wilayah Kuasa" not in text
    assert "statik relatif" in text and "bukan sesi statik tersebut melainkan RTK" in text
    assert "memenuhi batas ketelitian lampiran tersebut" in text
    for english in ("UTM zone", "vertical", "RTK Fixed", "mask elevasi", "belum dicatat dalam job",
                    "rangkap secukupnya", "(nama terang)"):  # fmt: skip
        assert english not in text, english


def test_parties_signatures_meterai_ktt_and_copies(
    documented_job: JobStore, tmp_path: Path
) -> None:
    set_signatories(documented_job.db, name="", position="", ktt_name="")  # the demo names them
    assert load_signatories(documented_job.db).missing == (
        "nama penanda tangan pemegang IUP",
        "jabatan penanda tangan pemegang IUP",
        "nama Kepala Teknik Tambang (KTT)",
    )
    set_signatories(documented_job.db, name=HOLDER, position=POSITION, ktt_name=KTT)
    assert load_signatories(documented_job.db).missing == ()
    pdf = _build(documented_job, tmp_path / "ba.pdf", holder_signatory=HOLDER,
                 holder_position=POSITION, ktt_name=KTT)  # fmt: skip
    pages = pages_text(pdf)
    first = pages[0]
    _, _, rest = first.partition("kami yang bertanda tangan di bawah ini:")
    assert rest.startswith(" 1. Nama : Budi Santoso")
    assert f"Nama : {HOLDER} Jabatan : {POSITION}" in rest
    assert "Nama : Suparman Jabatan : Aparat kecamatan/desa Instansi : Kantor Desa Jembayan" in rest
    text = " ".join(pages)
    assert "Meterai Rp10.000 dan cap perusahaan" in text
    assert f"Mengetahui, Kepala Teknik Tambang PT Bara Khatulistiwa Mandiri {KTT}" in text
    # One original for each institution that signs: the permit holder and every witness's.
    data = load_report_data(documented_job)
    institutions = {w.institution for m in data.markers for w in m.installation.witnesses}
    n = 1 + len(institutions - {data.permit.holder})
    assert f"dalam rangkap {n} ({terbilang(n)})" in text
    for page in pages:
        assert "Paraf:" in page


def _big_job(path: Path, n: int) -> JobStore:
    """The documented demo plus ``n`` - 3 total-station markers along the WIUP's ring."""
    from fieldapp.demo_documented import export_documented_demo

    export_documented_demo(path)
    store = JobStore.open(path)
    ring = rec.load_boundary_points(store.db)
    markers = []
    for i in range(n - 3):
        t = (i + 0.5) * len(ring) / (n - 3)
        a, b = ring[int(t)], ring[(int(t) + 1) % len(ring)]
        f = t - int(t)
        lat, lon = a.lat + f * (b.lat - a.lat), a.lon + f * (b.lon - a.lon)
        markers.append(
            Marker(f"B{i:03d}", MarkerKind.INFILL, 100 + i, lat, lon, 90.0, (a.number, b.number))
        )
    rec.upsert_markers(store.db, markers)
    kn, ke = metres_per_degree(markers[0].lat)
    for i, m in enumerate(markers):
        pos = Position(m.lat + 0.01 / kn, m.lon - 0.02 / ke, 90.05)
        shot = f"TB-02>BM-01 Hz 12°34′56,0″ V 90°00′00,0″ SD {10 + i:.4f} hi 1.500 ht 1.800"
        record_stake(store.db, m.name, pos, StakeSource.TOTAL_STATION, ts_shot=shot)
        set_description(
            store.db,
            m.name,
            Description("Jembayan", "Loa Kulu", "Kutai Kartanegara", "Kalimantan Timur",
                        "jalan setapak", "baik"),
        )  # fmt: skip
        add_witness(store.db, m.name, "Suparman", "Kantor Desa Jembayan",
                    WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip
    return store


@pytest.fixture(scope="module")
def big_job(tmp_path_factory: pytest.TempPathFactory) -> JobStore:
    return _big_job(tmp_path_factory.mktemp("big") / "big.fieldapp", 120)


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_120_markers_layout(big_job: JobStore, tmp_path: Path, paper: str) -> None:
    data = load_report_data(big_job)
    assert len(data.markers) == 120
    pages = pages_text(_build(big_job, tmp_path / f"ba-{paper}.pdf", paper=paper))
    text = " ".join(pages)
    # The total-station markers name their station and backsight.
    assert text.count("Total Station dari stasiun TB-02, backsight BM-01") == 117
    # Three-digit numbers stay whole in the "No" column.
    assert " 120 B116 Sisipan " in text and " 100 B096 " in text
    for page in pages:
        assert "Paraf:" in page
        # A page holding marker rows repeats the table's header.
        if re.search(r" B\d{3} Sisipan \d{2}°", page):
            assert "Lintang (SRGI2013) Bujur (SRGI2013)" in page
    # A heading is never the last thing on a page.
    for page in pages:
        body = page.split(" Paraf:")[0]  # the paraf boxes and the footer close every page
        assert not re.search(r"(VII\. Saksi|VI\. Daftar Tanda Batas Terpasang \(\d+ buah\))$",
                             body.strip()), body[-120:]  # fmt: skip
    # The closing words and the first signatures share a page; the last page is not alone.
    closing = next(i for i, p in enumerate(pages) if "Demikian berita acara ini" in p)
    assert "Pemegang IUP PT Bara Khatulistiwa Mandiri" in pages[closing].split("Demikian")[1]
    last = pages[-1].split(" Paraf:")[0]
    assert "Mengetahui," in last and last.index("Saksi") < last.index("Mengetahui,")
    rows = _dms_rows(text)
    assert len(rows) == 121  # 120 markers and the reference marker of 4B


def test_method_gaps_for_the_draf_annex(documented_job: JobStore) -> None:
    from fieldapp.reports.method import method_gaps

    data = load_report_data(documented_job)
    assert [g for m in data.markers for g in method_gaps(m.method)] == []
    # A job whose occupations named no base at all: the control point kept with them (BM-02)
    # is guarded by a trigger, dropped here to make such a job from the demo's.
    documented_job.db.execute("DROP TRIGGER occupation_base_kept_as_used")
    documented_job.db.execute(
        "UPDATE occupation SET antenna_after_m = 1.810, base_station = NULL, base_point = NULL"
    )
    documented_job.db.execute("UPDATE occupation_epoch SET base_id = NULL")
    m = load_report_data(documented_job, names=["4"]).markers[0]
    assert m.method.antenna_changed and m.method.antenna_change_m == pytest.approx(0.010)
    assert method_gaps(m.method) == [
        "base / BM koreksi tidak tercatat",
        "tinggi antena sebelum dan sesudah berbeda lebih dari 5 mm",
    ]


def test_a_changed_antenna_height_is_flagged_in_the_berita_acara(
    documented_job: JobStore, tmp_path: Path
) -> None:
    documented_job.db.execute("UPDATE occupation SET antenna_after_m = 1.808 WHERE id = 1")
    text = all_text(_build(documented_job, tmp_path / "ba.pdf"))
    assert "1,800 / 1,808 (BEDA 8 mm)" in text


def test_a_long_institution_wraps_and_keeps_the_signing_space() -> None:
    from fieldapp.reports.berita_acara_layout import SIGN_SPACE, BeritaAcaraPDF, SignBox, sign_row

    pdf = BeritaAcaraPDF("t", "id", "0" * 64, "a4", ["A", "B"])
    pdf.add_page()
    long = SignBox("Saksi (Pemegang izin berbatasan)",
                   "Koperasi Unit Desa Tambang Rakyat Sejahtera Bersama Kecamatan Loa Kulu "
                   "Kabupaten Kutai Kartanegara Provinsi Kalimantan Timur", "Ir. Hendra Wijaya",
                   "Direktur")  # fmt: skip
    short = SignBox("Juru Ukur", "PT A", "Budi")
    top = pdf.get_y()
    sign_row(pdf, [long, short])
    pdf.set_font("DejaVu", size=8.5)
    institution = pdf.text_height(pdf.content_width / 2 - 6, 4, long.institution)
    assert institution >= 12  # it wraps onto three lines or more ...
    # ... and the row grows by it: the signing space stays whole under the longer heading.
    assert pdf.get_y() - top >= 4.5 + institution + SIGN_SPACE + 4.5 + 4


def test_stakeout_report_names_the_station_and_keeps_the_raw_shot(
    big_job: JobStore, tmp_path: Path
) -> None:
    from fieldapp.reports.stakeout import render_stakeout

    data = load_report_data(big_job, names=["4", "B000"])
    text = " ".join(pages_text(save_pdf(render_stakeout(data), tmp_path / "so.pdf")))
    assert "Total Station dari stasiun TB-02, backsight BM-01 TB-02>BM-01 Hz" in text
    assert "GNSS RTK (fixed) dari base BM-02" in text
    # The achieved figures are printed; the app's gates are not called 697/1996 limits.
    assert "σ tercapai" in text and "bukan ketentuan Kepdirjen 697.K/29/DDJP/1996" in text
