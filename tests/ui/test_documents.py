"""Dokumen tab and print dialog: build off the GUI thread, cancel, print original then SALINAN."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from fieldapp.demo_documented import export_documented_demo
from fieldapp.reports.build import Outcome
from fieldapp.store import JobStore
from fieldapp.store.equipment import Equipment, EquipmentKind, add_equipment
from fieldapp.store.printlog import load_print_log
from fieldapp.store.signatory import load_holder_signatory
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.print_dialog import PrintDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def documented_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_documented_demo(tmp_path_factory.mktemp("docs") / "demo.fieldapp")


@pytest.fixture
def job(documented_template: Path, tmp_path: Path) -> Path:
    import shutil

    path = tmp_path / "job.fieldapp"
    shutil.copytree(documented_template, path)
    return path


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _red_in_header(pdf: Path) -> int:
    """Reddish pixels in the top 5 % of page 1 as printed: the SALINAN header line."""
    doc = QPdfDocument()
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    image = doc.render(0, doc.pagePointSize(0).toSize()).convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(int(image.height() * 0.05)):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            count += c.red() > 140 and c.green() < 110 and c.blue() < 110
    return count


def test_build_cancel_and_print_original_then_salinan(qtbot, job: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.set_store(JobStore.open(job))
    window.tabs.setCurrentWidget(window.documents_page)
    view = window.documents
    docs = job / "documents"

    # 1. Berita acara through the tab: progress to 100 %, the file listed.
    for box, on in ((view.ba_check, True), (view.desk_check, False), (view.so_check, False),
                    (view.deliv_check, False)):  # fmt: skip
        box.setChecked(on)
    view.signatory.setText("Ir. Sutrisno Hadi, M.T.")
    seen: list[int] = []
    view.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(view.built, timeout=60000) as built:
        qtbot.mouseClick(view.build_btn, LEFT)
        assert view.building and not view.build_btn.isEnabled() and view.cancel_btn.isEnabled()
    assert built.args[0].outcome is Outcome.FINISHED, built.args[0].message
    assert view.progress.value() == 100 and seen == sorted(seen) and seen[-1] == 100
    ba = docs / "berita_acara_a4.pdf"
    original = ba.read_bytes()
    pages = len(PdfReader(ba).pages)
    assert pages >= 2
    # The signatory typed in the tab signs the berita acara and stays with the job.
    assert "Ir. Sutrisno Hadi, M.T." in (PdfReader(ba).pages[0].extract_text() or "")
    assert load_holder_signatory(window.session.store.db) == "Ir. Sutrisno Hadi, M.T."
    listed = [view.files.item(r, 0).text() for r in range(view.files.rowCount())]
    assert "berita_acara_a4.pdf" in listed and view.selected_file() == ba

    # 2. A second, longer build cancelled from its button: nothing half-written is left.
    view.ba_check.setChecked(False)
    view.deliv_check.setChecked(True)

    def cancel_on_first_progress(value: int) -> None:
        if 0 < value < 100 and view.cancel_btn.isEnabled():
            qtbot.mouseClick(view.cancel_btn, LEFT)

    view.progress.valueChanged.connect(cancel_on_first_progress)
    with qtbot.waitSignal(view.built, timeout=60000) as cancelled:
        qtbot.mouseClick(view.build_btn, LEFT)
    view.progress.valueChanged.disconnect(cancel_on_first_progress)
    assert cancelled.args[0].outcome is Outcome.CANCELLED
    assert sorted(p.name for p in docs.iterdir()) == ["berita_acara_a4.pdf"]
    assert "Cancelled" in view.step.text() and view.build_btn.isEnabled()

    # 3. First print: the original, logged once the printer took it.
    view.printer = _pdf_printer(tmp_path / "print-1.pdf")
    qtbot.mouseClick(view.print_btn, LEFT)
    dialog = view._dialog
    assert isinstance(dialog, PrintDialog) and dialog.plan is not None
    assert dialog.plan.copy_no == 0 and dialog.badge.text() == "ORIGINAL"
    assert not dialog.reason.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.printed, timeout=60000) as printed:
        qtbot.mouseClick(dialog.print_btn, LEFT)
    assert printed.args[0].copy_no == 0
    assert len(PdfReader(tmp_path / "print-1.pdf").pages) == pages
    with JobStore.open(job) as other:  # read back through another connection
        assert [(r.copy_no, r.reason) for r in load_print_log(other.db)] == [(0, None)]

    # 4. Second print: SALINAN 1, refused without a reason, then stamped and logged.
    assert dialog.plan.copy_no == 1 and dialog.badge.text() == "SALINAN ke-1"
    assert dialog.reason.isVisibleTo(dialog)
    dialog._given_printer = _pdf_printer(tmp_path / "print-2.pdf")
    qtbot.mouseClick(dialog.print_btn, LEFT)
    assert "reason" in dialog.error.text() and not (tmp_path / "print-2.pdf").exists()
    assert len(load_print_log(window.session.store.db)) == 1
    qtbot.keyClicks(dialog.reason, "Arsip kantor Samarinda")
    with qtbot.waitSignal(dialog.printed, timeout=60000) as printed:
        qtbot.mouseClick(dialog.print_btn, LEFT)
    assert (printed.args[0].copy_no, printed.args[0].reason) == (1, "Arsip kantor Samarinda")
    assert len(PdfReader(tmp_path / "print-2.pdf").pages) == pages
    assert _red_in_header(tmp_path / "print-2.pdf") > 50 > _red_in_header(tmp_path / "print-1.pdf")
    log = load_print_log(window.session.store.db)
    assert [(r.label, r.pages) for r in log] == [("ASLI", pages), ("SALINAN ke-1", pages)]
    assert log[0].printer.endswith("print-1.pdf") and log[1].printer.endswith("print-2.pdf")
    assert view.log.rowCount() == 2 and view.log.item(0, 2).text() == "SALINAN ke-1"
    assert dialog.plan.copy_no == 2 and ba.read_bytes() == original  # printing never touched it
    dialog.close()


def test_a_berita_acara_that_is_no_longer_final_is_not_printed(  # type: ignore[no-untyped-def]
    qtbot, job: Path, tmp_path: Path
) -> None:
    from fieldapp.reports.build import BuildKind, build_document

    ba = tmp_path / "ba.pdf"
    assert build_document(job, BuildKind.BERITA_ACARA, ba).outcome is Outcome.FINISHED
    with JobStore.open(job) as store:
        add_equipment(store.db, Equipment(EquipmentKind.OTHER, "Kompas", "K-7"))
        dialog = PrintDialog(store, ba, printer=_pdf_printer(tmp_path / "x.pdf"))
        qtbot.addWidget(dialog)
        assert dialog.plan is None and not dialog.print_btn.isEnabled()
        assert "not final" in dialog.error.text() and "build the berita acara again" in (
            dialog.error.text()
        )
        assert load_print_log(store.db) == [] and not (tmp_path / "x.pdf").exists()
