"""Control survey documents read back: the session field sheet, Tabel I/II from baselines, the
network sketch; built from a real job whose sessions and baselines are stored and accepted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from fieldapp.cli import main
from fieldapp.gnss.baseline import FixState, GeodeticPosition, StaticSettings
from fieldapp.reports.build import build_document
from fieldapp.reports.control_net import write_network
from fieldapp.reports.data import ReportData, load_report_data
from fieldapp.reports.field_sheet import write_field_sheet
from fieldapp.reports.tables import write_tables
from fieldapp.reports.textfmt import num
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.store.baselines import StoredBaseline, accept_stored_baseline, record_baseline
from fieldapp.store.gnss_sessions import (
    SessionFile,
    StaticSession,
    _insert,
    load_session,
    load_sessions,
)
from fieldapp.survey.models import ControlKind
from tests.jobkit import run
from tests.unit.reports.baselinekit import solution, verdicts
from tests.unit.reports.pdftext import all_text, pages_text

CKTM = GeodeticPosition(-0.4690, 116.8602, 62.1)  # a CORS outside the job's control data
SHA = "9f2c" + "0" * 58 + "ab"
FILES = (
    SessionFile("raw/BM-01_20261110_0102.ubx", "ubx", SHA, 3_456_789, "COM7.ubx"),
    SessionFile("raw/BM-01_20261110_0102.26n", "rinex-nav", "b" * 64, 81_234, "brdc.26n"),
)


def _session(store: JobStore, point: str, role: str, before: float, after: float,
             **kw: object) -> StaticSession:  # fmt: skip
    draft = StaticSession(
        point=point, role=role, height_before_m=before, height_after_m=after,
        receiver_model="u-blox ZED-F9P", receiver_serial="1234-5678",
        antenna_model="HEMISPHERE A45", started="2026-11-10T01:02:18",
        ended="2026-11-10T02:32:18", interval_s=15.0, elevation_mask_deg=15.0, epochs=361,
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    return load_session(store.db, _insert(store.db, draft))


def _baseline(store: JobStore, rover: str, base: str, rover_at: GeodeticPosition,
              base_at: GeodeticPosition, **kw: object) -> StoredBaseline:  # fmt: skip
    r = _session(store, rover, "rover", 1.512, 1.514)
    b = _session(store, base, "base", 1.402, 1.403)
    s = solution(rover_at, base_at, **kw)  # type: ignore[arg-type]
    return record_baseline(store.db, rover=r, base=b, solution=s, verdicts=verdicts(s),
                           settings=StaticSettings(interval_s=15.0))  # fmt: skip


@pytest.fixture
def surveyed(documented_job: JobStore) -> JobStore:
    """The demo job with a control survey of its own: BM-01 and BM-02 from CORS CKTM, TB-01
    and TB-05 from their BMs (TB-05 only 30 min, accepted with a reason), TB-02 float, new."""
    store = documented_job
    c = {p.name: GeodeticPosition(p.lat, p.lon, p.h or 0.0) for p in rec.load_control_points(
        store.db)}  # fmt: skip
    bm1 = _baseline(store, "BM-01", "CKTM", c["BM-01"], CKTM)
    bm2 = _baseline(store, "BM-02", "CKTM", c["BM-02"], CKTM)
    tb1 = _baseline(store, "TB-01", "BM-01", c["TB-01"], c["BM-01"])
    _baseline(store, "TB-02", "BM-01", c["TB-02"], c["BM-01"], fix=FixState.FLOAT, ratio=1.8)
    tb5 = _baseline(store, "TB-05", "BM-02", c["TB-05"], c["BM-02"], duration_s=1800.0)
    for b in (bm1, bm2):
        accept_stored_baseline(store.db, b.id, ControlKind.BM)
    accept_stored_baseline(store.db, tb1.id, ControlKind.TITIK_BANTU)
    accept_stored_baseline(store.db, tb5.id, ControlKind.TITIK_BANTU,
                           "diulang tidak mungkin: akses ditutup banjir")  # fmt: skip
    return store


@pytest.fixture
def data(surveyed: JobStore) -> ReportData:
    return load_report_data(surveyed)


def test_the_field_sheet_through_the_cli_flags_a_7_mm_height_difference(
    documented_job: JobStore, tmp_path: Path
) -> None:
    s = _session(documented_job, "BM-01", "rover", 1.512, 1.519, files=FILES,
                 note="Tribrach dicek ulang.")  # fmt: skip
    out = tmp_path / "formulir.pdf"
    done = run("report", "field-sheet", documented_job.path, "--session", str(s.id), "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert "differ by 7.0 mm (over 5 mm)" in done.stderr
    (page,) = pages_text(out)  # one page to sign
    for text in ("FORMULIR PENGAMATAN GNSS STATIK", "A. Pekerjaan", "WIUP Demo Loa Kulu",
                 "Jenis titik BM", "Rover (titik yang ditentukan)",
                 "Receiver (model) u-blox ZED-F9P", "Nomor seri receiver 1234-5678",
                 "HEMISPHERE A45", "C. Tinggi antena", "Sebelum pengamatan 1,512 vertikal ARP",
                 "Sesudah pengamatan 1,519 vertikal", "+0,007", "Tinggi vertikal dipakai 1,515",
                 "PERHATIAN: selisih tinggi antena sebelum dan sesudah pengamatan 7,0 mm, "
                 "melebihi toleransi 5 mm", "10-11-2026 09:02:00 WITA",
                 "10-11-2026 01:02:18 GPST", "1 jam 30 menit 00 detik", "15 detik",
                 "≤ 15 detik: sesuai", "361", "E. Berkas data mentah",
                 "BM-01_20261110_0102.ubx ubx 3,30 MB 9f2c000000000000", "Cuaca", "Obstruksi",
                 "Tribrach dicek ulang.", "Juru Ukur", "Saksi / Pengawas",
                 "nama jelas dan tanda tangan"):  # fmt: skip
        assert text in page, text
    # pdftotext reads the same words (what a surveyor's PDF viewer searches).
    plain = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    assert "PERHATIAN" in plain and "1,519" in plain and "BM-01_20261110_0102.ubx" in plain


def test_a_session_within_5_mm_says_so_and_a_missing_session_is_named(
    documented_job: JobStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = _session(documented_job, "TB-03", "rover", 1.512, 1.517, point_kind="TITIK_BANTU")
    out = write_field_sheet(s, rec.load_permit_area(documented_job.db), tmp_path / "f.pdf")
    text = all_text(out)
    assert "Selisih tinggi antena dalam toleransi 5 mm." in text and "PERHATIAN" not in text
    assert "Jenis titik Titik Bantu" in text and "+0,005" in text
    assert "tidak ada berkas data mentah" in text
    code = main(["report", "field-sheet", str(documented_job.path), "--session", "99", "-o",
                 str(tmp_path / "x.pdf")])  # fmt: skip
    assert code != 0 and "no static session 99" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def _rows(ws) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    head = [c.value for c in ws[2]]
    return {
        r[0]: dict(zip(head, r, strict=True))
        for r in ws.iter_rows(min_row=3, values_only=True)
        if r[0] and r[1]
    }


def test_tabel_i_and_ii_carry_the_accepted_baselines_with_their_figures(
    data: ReportData, tmp_path: Path
) -> None:
    wb = load_workbook(write_tables(data, tmp_path / "t.xlsx"))
    t1 = _rows(wb["Tabel I BM-JKHN"])
    bm1 = t1["BM-01"]
    b = next(x for x in data.baselines if x.rover_point == "BM-01")
    assert bm1["Titik JKHN"] == "CKTM" and bm1["Lintang JKHN"] == "00° 28′ 08,40000″ LS"
    assert bm1["Baseline (nomor)"] == f"#{b.id}: CKTM → BM-01"
    assert bm1["Panjang baseline (m)"] == pytest.approx(7288.138, abs=0.001)
    assert (bm1["dX (m)"], bm1["dY (m)"], bm1["dZ (m)"]) == pytest.approx(b.solution.vector_ecef_m)
    assert bm1["dU (m)"] == pytest.approx(b.solution.vector_enu_m[2])
    assert (bm1["σE (m)"], bm1["σN (m)"], bm1["σU (m)"]) == (0.004, 0.005, 0.011)
    assert bm1["Lama pengamatan"] == "1 jam 30 mnt" and bm1["Jumlah epoch"] == 361
    assert bm1["Interval (s)"] == 15 and bm1["Solusi"] == "fixed" and bm1["Rasio"] == 12.5
    assert bm1["Pengolah"] == "RTKLIB rnx2rtkp 2.4.3 b34"
    assert bm1["Lama ≥ 1 jam (< 20 km) / ≥ 4 jam"] == "Memenuhi (1 jam 30 mnt)"
    assert bm1["Ambiguitas fixed"] == "Memenuhi (fixed, rasio 12,5)"
    assert bm1["σH ≤ 0,15 m"] == "Memenuhi (0,006 m)" and bm1["σV ≤ 0,25 m"] == "Memenuhi (0,011 m)"
    assert bm1["Metode / sumber"].startswith(f"GNSS statik, baseline #{b.id}")
    assert t1["BM-02"]["Titik JKHN"] == "CKTM"
    t2 = _rows(wb["Tabel II Titik Bantu-BM"])
    assert t2["TB-01"]["Titik BM"] == "BM-01" and t2["TB-01"]["Solusi"] == "fixed"
    tb5 = t2["TB-05"]
    assert tb5["Lama ≥ 1 jam (< 20 km) / ≥ 4 jam"] == "Tidak memenuhi (0 jam 30 mnt)"
    assert tb5["Alasan diterima walau tidak memenuhi"].startswith("diulang tidak mungkin")
    # TB-02's float baseline is not accepted: the row is today's (imported), no figures.
    assert t2["TB-02"]["Metode / sumber"] == "GNSS RTK dari BM"
    assert t2["TB-02"]["Baseline (nomor)"] is None and t2["TB-02"]["Solusi"] is None
    assert len(t2) == 10


def test_a_job_without_baselines_keeps_todays_tables(
    documented_job: JobStore, tmp_path: Path
) -> None:
    data = load_report_data(documented_job)
    assert data.baselines == ()
    wb = load_workbook(write_tables(data, tmp_path / "t.xlsx"))
    for name, width in (("Tabel I BM-JKHN", 18), ("Tabel II Titik Bantu-BM", 18)):
        ws = wb[name]
        assert ws.max_column == width
        assert [c.value for c in ws[2]][-2:] == ["σH (m)", "σV (m)"]
    rows = _rows(wb["Tabel I BM-JKHN"])
    assert rows["BM-01"]["Titik JKHN"] == "JKHN N0.1234"
    assert rows["BM-01"]["Metode / sumber"].startswith("Pengukuran GNSS statik 2024")


def test_the_network_sketch_names_every_point_and_its_baselines(
    data: ReportData, tmp_path: Path
) -> None:
    out = write_network(data, tmp_path / "jaring.pdf")
    (page,) = pages_text(out)
    assert "SKETSA JARING KONTROL GNSS STATIK" in page
    for name in ("CKTM", "BM-01", "BM-02", "TB-01", "TB-02", "TB-05", "TB-10"):
        assert name in page, name
    assert "7288,138 m · fixed" in page  # the label along the line CKTM - BM-01
    assert "JKHN / CORS" in page and "Titik Bantu" in page
    assert "3122,911 float (rasio 1,8)" in page and "belum diterima" in page
    assert "394,241 fixed (rasio 12,5) 0,006 / 0,011 0 jam 30 mnt Tidak memenuhi" in page
    assert "SRGI2013 / UTM zona 50S" in page


def test_the_deliverables_carry_the_sketch_when_the_job_has_baselines(
    surveyed: JobStore, tmp_path: Path
) -> None:
    path = surveyed.path
    surveyed.close()
    result = build_document(path, "deliverables", tmp_path / "with", None)
    assert result.message is None
    sketch = tmp_path / "with" / "sketsa_jaring_kontrol.pdf"
    assert len(PdfReader(sketch).pages) == 1
    assert "sketsa_jaring_kontrol.pdf" in (tmp_path / "with" / "SHA256SUMS.txt").read_text()
    # Without baselines the folder is today's: test_build checks its exact list of files.


def test_the_sketch_alone_through_the_cli_and_a_job_without_baselines_refused(
    surveyed: JobStore, documented_job_template: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = surveyed.path
    surveyed.close()
    out = tmp_path / "jaring.pdf"
    assert main(["report", "jaring-kontrol", str(path), "-o", str(out), "-q"]) == 0
    assert str(out) in capsys.readouterr().out
    assert "TB-05" in all_text(out)
    plain = tmp_path / "plain.fieldapp"
    shutil.copytree(documented_job_template, plain)
    refused = build_document(plain, "jaring-kontrol", tmp_path / "x.pdf")
    assert refused.message is not None and "no static baseline in this job" in refused.message
    assert not (tmp_path / "x.pdf").exists()


@pytest.fixture(scope="module")
def geonet_job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo job with the GEONET pair processed by RTKLIB: 3040 tied to 0759 as a BM to a
    JKHN station, accepted with a reason (the files are recorded at 30 s)."""
    from testpaths import shared_data_dir

    from fieldapp.app.control import accept_baseline, process_baseline
    from fieldapp.demo_documented import export_documented_demo
    from fieldapp.gnss.ecef import ecef_to_geodetic
    from fieldapp.gnss.obsfiles import identify
    from fieldapp.store.gnss_sessions import add_session

    raw = shared_data_dir() / "gnss-raw"
    path = export_documented_demo(tmp_path_factory.mktemp("geonet") / "job.fieldapp")
    xyz = identify(raw / "07590920.05o").approx_xyz
    assert xyz is not None
    base_at = GeodeticPosition(*ecef_to_geodetic(*xyz))
    with JobStore.open(path) as store:
        add_session(store, StaticSession(point="0759", role="base", point_kind="JKHN",
                    height_before_m=0.0, height_after_m=0.0),
                    [raw / "07590920.05o", raw / "07590920.05n"])  # fmt: skip
        add_session(store, StaticSession(point="3040", role="rover", point_kind="BM",
                    height_before_m=1.500, height_after_m=1.508, antenna_model="TRM29659.00"),
                    [raw / "30400920.05o", raw / "30400920.05n"])  # fmt: skip
        b = process_baseline(store, "3040", "0759", base_at)
        accept_baseline(store, b.id, "GEONET records at 30 s (RTKLIB test data)")
    return path


def test_a_real_rtklib_baseline_reaches_tabel_i_the_sketch_and_the_field_sheet(
    geonet_job: Path, tmp_path: Path
) -> None:
    with JobStore.open(geonet_job) as store:
        data = load_report_data(store)
        sessions = {s.point: s for s in load_sessions(store.db)}
        permit = rec.load_permit_area(store.db)
    (b,) = data.baselines
    assert b.status == "accepted" and b.solution.fix is FixState.FIXED
    t1 = _rows(load_workbook(write_tables(data, tmp_path / "t.xlsx"))["Tabel I BM-JKHN"])
    row = t1["3040"]
    assert row["Titik JKHN"] == "0759" and row["Solusi"] == "fixed"
    assert row["Panjang baseline (m)"] == pytest.approx(b.solution.baseline_m, abs=1e-6)
    assert 3000 < row["Panjang baseline (m)"] < 3600
    assert row["Interval ≤ 15 s"] == "Tidak memenuhi (30 s)"
    assert row["Ambiguitas fixed"].startswith("Memenuhi (fixed, rasio ")
    assert row["σH ≤ 0,15 m"].startswith("Memenuhi (0,00")
    assert row["Alasan diterima walau tidak memenuhi"].startswith("GEONET records at 30 s")
    assert row["Pengolah"].startswith("RTKLIB")
    text = all_text(write_network(data, tmp_path / "j.pdf"))
    assert "0759" in text and "3040" in text and f"{num(b.solution.baseline_m, 3)}" in text
    rover = sessions["3040"]
    sheet = all_text(write_field_sheet(rover, permit, tmp_path / "f.pdf"))
    assert "PERHATIAN: selisih tinggi antena sebelum dan sesudah pengamatan 8,0 mm" in sheet
    assert "Interval perekaman 30 detik ≤ 15 detik: TIDAK SESUAI" in sheet
    # 2005: GPS ran 13 s ahead of UTC (18 s since 2017); Kalimantan Timur keeps WITA.
    assert "02-04-2005 07:59:47 WITA 02-04-2005 00:00:00 GPST" in sheet
    for f in rover.files:  # the files as kept in raw/, with their hash
        assert f"{Path(f.path).name} {f.kind}" in sheet and f.sha256[:16] in sheet
    assert "Jenis titik BM" in sheet and "TRM29659.00" in sheet


def test_a_far_jkhn_station_gets_the_tie_and_a_local_drawing(
    documented_job: JobStore, tmp_path: Path
) -> None:
    store = documented_job
    c = {p.name: GeodeticPosition(p.lat, p.lon, p.h or 0.0) for p in rec.load_control_points(
        store.db)}  # fmt: skip
    far = GeodeticPosition(-0.21, 116.62, 55.0)  # ~46 km off: a WIUP spans a few km
    bm = _baseline(store, "BM-01", "CKTM", c["BM-01"], far, duration_s=16200.0)
    accept_stored_baseline(store.db, bm.id, ControlKind.BM)
    _baseline(store, "TB-01", "BM-01", c["TB-01"], c["BM-01"])
    pages = pages_text(write_network(load_report_data(store), tmp_path / "j.pdf"))
    page = pages[0]
    assert "Gambar 1. Pengikatan ke JKHN" in page and "Gambar 2. BM dan Titik Bantu" in page
    assert "(1) 46448,979 m · fixed" in page and "TB-10" in page
    assert "20,0 km" in page and "1,0 km" in page  # a scale bar for each drawing
    # The 343 m line is 1 cm long at the local scale: its number there, its figures below.
    assert "(2)" in page and "2 BM-01 TB-01 343,201 fixed" in " ".join(pages)


def test_only_an_accepted_baseline_changes_the_data_hash_of_the_documents(
    documented_job: JobStore,
) -> None:
    store = documented_job
    before = load_report_data(store).sha256
    c = {p.name: p for p in rec.load_control_points(store.db)}
    tb = GeodeticPosition(c["TB-01"].lat, c["TB-01"].lon, c["TB-01"].h or 0.0)
    bm = GeodeticPosition(c["BM-01"].lat, c["BM-01"].lon, c["BM-01"].h or 0.0)
    b = _baseline(store, "TB-01", "BM-01", tb, bm)
    # Processed, not accepted: no coordinate changed, a berita acara keeps its Nomor.
    assert load_report_data(store).sha256 == before
    accept_stored_baseline(store.db, b.id, ControlKind.TITIK_BANTU)
    assert load_report_data(store).sha256 != before
