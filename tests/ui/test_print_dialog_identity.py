"""Print dialog and the Nomor rules: a superseded original refused, a DRAF printed as DRAF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from fieldapp.demo_documented import export_documented_demo
from fieldapp.reports.build import BuildKind, Outcome, build_document
from fieldapp.store import JobStore
from fieldapp.store.installation import load_installation, withdraw
from fieldapp.store.printlog import load_print_log
from fieldapp.store.signatory import set_holder_signatory
from fieldapp.ui.print_dialog import PrintDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_documented_demo(tmp_path_factory.mktemp("pd") / "demo.fieldapp")


@pytest.fixture
def store(template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "job.fieldapp"
    shutil.copytree(template, path)
    with JobStore.open(path) as s:
        yield s


def _printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _build(store: JobStore, name: str) -> Path:
    out = store.documents_dir / name
    result = build_document(store.path, BuildKind.BERITA_ACARA, out)
    assert result.outcome is Outcome.FINISHED, result.message
    return out


def _print(qtbot, dialog: PrintDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.printed, timeout=60000):
        qtbot.mouseClick(dialog.print_btn, LEFT)


def test_a_superseded_original_is_named_and_refused(qtbot, store: JobStore, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _build(store, "first.pdf")
    dialog = PrintDialog(store, first, printer=_printer(tmp_path / "p1.pdf"))
    qtbot.addWidget(dialog)
    assert dialog.badge.text() == "ORIGINAL" and "Nomor BA-TB/" in dialog.document_label.text()
    _print(qtbot, dialog)
    set_holder_signatory(store.db, "Ir. Agus Salim")
    second = _build(store, "second.pdf")
    new_nomor = load_print_log(store.db)[0].superseded_by
    assert new_nomor is not None
    dialog.refresh()
    assert dialog.plan is None and not dialog.print_btn.isEnabled()
    assert f"superseded by Nomor {new_nomor}" in dialog.error.text()
    assert f"superseded by Nomor {new_nomor}" in dialog.history.text()
    fresh = PrintDialog(store, second, printer=_printer(tmp_path / "p2.pdf"))
    qtbot.addWidget(fresh)
    assert fresh.plan is not None and fresh.plan.copy_no == 0 and fresh.badge.text() == "ORIGINAL"


def test_a_draf_is_refused_as_original_and_prints_as_draf(
    qtbot, store: JobStore, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for w in load_installation(store.db, "4A").witnesses:
        withdraw(store.db, "witness", w.id, "tidak hadir")
    draf = _build(store, "draf.pdf")
    dialog = PrintDialog(store, draf, printer=_printer(tmp_path / "d.pdf"))
    qtbot.addWidget(dialog)
    assert dialog.plan is None and "cannot be printed as ASLI" in dialog.error.text()
    assert "4A: saksi aparat Desa Jembayan" in dialog.error.text()
    assert dialog.draft_btn.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.draft_btn, LEFT)
    assert dialog.plan is not None and dialog.plan.draft and dialog.badge.text() == "DRAF"
    _print(qtbot, dialog)
    assert [(r.label, r.copy_no) for r in load_print_log(store.db)] == [("DRAF", None)]


def test_the_documents_print_log_marks_the_superseded_original(  # type: ignore[no-untyped-def]
    qtbot, store: JobStore, tmp_path: Path
) -> None:
    from fieldapp.ui.main_window import MainWindow

    first = _build(store, "first.pdf")
    dialog = PrintDialog(store, first, printer=_printer(tmp_path / "p1.pdf"))
    qtbot.addWidget(dialog)
    _print(qtbot, dialog)
    set_holder_signatory(store.db, "Ir. Agus Salim")
    _build(store, "second.pdf")
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_store(JobStore.open(store.path))
    view = window.documents
    view.refresh_log()
    assert view.log.rowCount() == 1
    assert view.log.item(0, 2).text() == "ASLI (superseded)"
    new = load_print_log(store.db)[0].superseded_by
    assert f"superseded by Nomor {new}" in view.log.item(0, 0).toolTip()


def test_the_documents_list_marks_a_draf_berita_acara(qtbot, store: JobStore) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.ui.main_window import MainWindow

    final = _build(store, "final.pdf")
    for w in load_installation(store.db, "4B").witnesses:
        withdraw(store.db, "witness", w.id, "tidak hadir")
    draf = _build(store, "draf.pdf")
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_store(JobStore.open(store.path))
    view = window.documents
    view.refresh_files()
    rows = {view.files.item(r, 0).text(): r for r in range(view.files.rowCount())}
    assert view.files.item(rows[draf.name], 1).text().endswith("DRAF")
    assert "not final" in view.files.item(rows[draf.name], 0).toolTip()
    assert not view.files.item(rows[final.name], 1).text().endswith("DRAF")
