"""Print dialog: preview through QtPdf, the original/SALINAN rule from the core, QPrinter output."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTemporaryDir,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.reports.salinan import (
    MAX_REASON,
    PrintPlan,
    PrintRefused,
    identify,
    plan_print,
    prepare_print,
    record_print,
)
from fieldapp.store import JobStore
from fieldapp.store.printlog import CopyTakenError, DocumentKind, PrintRecord, load_print_log
from fieldapp.ui.app import text_style
from fieldapp.ui.errors import error_text
from fieldapp.ui.texts import local_time

MAX_DPI = 300  # enough for text on paper; a 1200 dpi page image would be ~130 MB


class PrintJob(QObject):
    """Paints the pages of a PDF onto a QPrinter on a worker thread, page by page."""

    page_done = Signal(int, int)
    finished = Signal(bool, str)  # accepted by the printer, message when not

    def __init__(self, pdf: Path, printer: QPrinter) -> None:
        super().__init__()
        self.pdf = pdf
        self.printer = printer
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        ok, message = self._paint()
        self.finished.emit(ok, message)

    def _paint(self) -> tuple[bool, str]:
        doc = QPdfDocument()  # created here: it belongs to this worker thread
        if doc.load(str(self.pdf)) != QPdfDocument.Error.None_:
            return False, self.tr("Cannot read {0}").format(self.pdf.name)
        painter = QPainter()
        if not painter.begin(self.printer):
            return False, self.tr("The printer did not accept the job.")
        dpi = min(self.printer.resolution(), MAX_DPI)
        area = self.printer.pageRect(QPrinter.Unit.DevicePixel)
        count = doc.pageCount()
        for i in range(count):
            if self._cancel.is_set():
                self.printer.abort()
                painter.end()
                return False, self.tr("Printing cancelled.")
            if i and not self.printer.newPage():
                painter.end()
                return False, self.tr("The printer refused page {0}.").format(i + 1)
            pt = doc.pagePointSize(i)
            image = doc.render(
                i, QSize(round(pt.width() / 72 * dpi), round(pt.height() / 72 * dpi))
            )
            # Fit the page into the printable area, keeping its proportions, centred.
            scale = min(area.width() / image.width(), area.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            rect = QRectF(
                area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h
            )
            painter.drawImage(rect, image)
            self.page_done.emit(i + 1, count)
        if not painter.end():
            return False, self.tr("The printer did not finish the job.")
        return True, ""


class PrintDialog(QDialog):
    """Asks the core what this print is, takes the reason of a SALINAN, prints, then logs.

    ``printer``: a ready printer (tests: PDF file output); None asks with QPrintDialog.
    """

    printed = Signal(object)  # PrintRecord

    def __init__(
        self,
        store: JobStore,
        path: Path,
        parent: QWidget | None = None,
        printer: QPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self._given_printer = printer
        self.plan: PrintPlan | None = None
        self.last_record: PrintRecord | None = None
        self._tmp = QTemporaryDir()
        self._preview_n = 0
        self._thread: QThread | None = None
        self._job: PrintJob | None = None
        self._printer: QPrinter | None = None
        self._prepared: Path | None = None
        self._draft = False  # the user chose to print a DRAF berita acara as a DRAF
        self.setWindowTitle(self.tr("Print {0}").format(self.path.name))
        self.resize(980, 700)
        self._build_ui()
        self.refresh()

    # -- layout -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.doc = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setDocument(self.doc)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.document_label = QLabel()
        self.document_label.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("e.g. copy for the office archive"))
        self.reason_label = QLabel(self.tr("Reason for this copy (printed on every page)"))
        self.reason_label.setWordWrap(True)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setProperty("role", "caption")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style("bad"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.print_btn = QPushButton(self.tr("Print…"))
        self.print_btn.setProperty("accent", "true")
        self.cancel_btn = QPushButton(self.tr("Cancel printing"))
        self.cancel_btn.setVisible(False)
        self.close_btn = QPushButton(self.tr("Close"))
        self.draft_btn = QPushButton(self.tr("Print as DRAF"))
        self.draft_btn.setVisible(False)
        self.draft_btn.clicked.connect(self._choose_draft)
        side = QVBoxLayout()
        side.addWidget(self.document_label)
        side.addWidget(QLabel(self.tr("This print:")))
        side.addWidget(self.badge)
        side.addWidget(self.verdict)
        side.addWidget(self.reason_label)
        side.addWidget(self.reason)
        side.addWidget(self.done_label)
        side.addWidget(self.history)
        side.addStretch(1)
        side.addWidget(self.error)
        side.addWidget(self.draft_btn)
        side.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_btn)
        buttons.addWidget(self.cancel_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.close_btn)
        side.addLayout(buttons)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMinimumWidth(340)
        panel.setMaximumWidth(420)
        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.preview, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._update_preview)
        self.reason.textChanged.connect(lambda _t: self._debounce.start())
        self.print_btn.clicked.connect(self.print_document)
        self.cancel_btn.clicked.connect(self.cancel_printing)
        self.close_btn.clicked.connect(self.reject)

    def _kind_text(self, kind: DocumentKind) -> str:
        return {
            DocumentKind.BERITA_ACARA: self.tr("Berita acara"),
            DocumentKind.BERITA_ACARA_ULANG: self.tr("Reinstallation berita acara"),
            DocumentKind.DESKRIPSI: self.tr("Marker descriptions"),
            DocumentKind.STAKEOUT: self.tr("Stake-out report"),
            DocumentKind.OTHER: self.tr("Other document"),
        }[kind]

    # -- state --------------------------------------------------------------------------
    def _set_badge(self, text: str, colour: str) -> None:
        self.badge.setText(text)
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; font-size: 20pt;"
            " border-radius: 6px; padding: 6px;"
        )

    def refresh(self) -> None:
        """Ask the core again what the next print of this document is."""
        self.error.clear()
        self.draft_btn.setVisible(False)
        try:
            self.plan = plan_print(self.store, self.path, draft=self._draft)
        except PrintRefused as exc:
            self.plan = None
            self.document_label.setText(f"<b>{self.path.name}</b>")
            self._set_badge(self.tr("Cannot print"), "#8a5a00")
            self.verdict.setText(self.tr("This document cannot be printed:"))
            self.error.setText(error_text(exc))
            self._show_reason(False)
            self.print_btn.setEnabled(False)
            self.draft_btn.setVisible(self._is_draft())
            self.doc.load(str(self.path))
            self._show_history(None)
            return
        plan = self.plan
        doc = plan.document
        nomor = "<br>" + self.tr("Nomor {0}").format(doc.nomor) if doc.nomor else ""
        self.document_label.setText(
            f"<b>{self.path.name}</b><br>"
            + self.tr("{0}, {1} pages").format(self._kind_text(doc.kind), doc.pages)
            + nomor
        )
        if plan.draft:
            self._set_badge("DRAF", "#8a5a00")
            text = self.tr(
                "Not final: printed as a DRAF (the watermark and the list of what is missing "
                "are on it), never as the original; the print is logged."
            )
        elif plan.copy_no is None:
            self._set_badge(self.tr("Free print"), "#555555")
            text = self.tr("No original/copy rule for this document; the print is logged.")
        elif plan.copy_no == 0:
            self._set_badge(self.tr("ORIGINAL"), "#2e7d32")
            text = self.tr(
                "First print of the final berita acara: the original to be signed. "
                "Every later print of it is stamped SALINAN."
            )
        else:
            self._set_badge(f"SALINAN ke-{plan.copy_no}", "#b01414")
            text = self.tr(
                "The original was printed before: every page of this copy is stamped "
                "SALINAN ke-{0} with the reason and the date."
            ).format(plan.copy_no)
        if plan.warnings:
            # The core's words: a copy of a Nomor that no longer states the job.
            text += "\n\n" + self.tr("Warning: {0}").format(" ".join(plan.warnings))
        self.verdict.setText(text)
        self._show_reason(plan.needs_reason)
        self._show_history(plan)
        self.print_btn.setEnabled(True)
        self._update_preview()

    def _is_draft(self) -> bool:
        try:
            return identify(self.path).draft
        except PrintRefused:
            return False

    def _choose_draft(self) -> None:
        self._draft = True
        self.refresh()

    def _show_history(self, plan: PrintPlan | None) -> None:
        """Earlier prints of this Nomor (or file), each superseded one saying by which Nomor."""
        try:
            doc = plan.document if plan is not None else identify(self.path)
        except PrintRefused:
            self.history.clear()
            return
        if doc.nomor:
            earlier = [r for r in load_print_log(self.store.db) if r.nomor == doc.nomor]
        else:
            earlier = load_print_log(self.store.db, doc.sha256)
        lines = []
        for r in earlier[-6:]:
            line = f"{local_time(r.printed_at)}  {r.label}  {r.printer}"
            if r.superseded_by:
                line += "\n    " + self.tr("superseded by Nomor {0}").format(r.superseded_by)
            lines.append(line)
        self.history.setText(self.tr("Printed before:") + "\n" + "\n".join(lines) if lines else "")

    def _show_reason(self, needed: bool) -> None:
        self.reason.setVisible(needed)
        self.reason_label.setVisible(needed)

    def _update_preview(self) -> None:
        """Preview what will be printed: the stamped copy once a reason is typed."""
        if self.plan is None:
            return
        source = self.path
        if self.plan.needs_reason and self.reason.text().strip():
            self._preview_n += 1
            # A new name each time: the previous file may still be open in the viewer.
            target = Path(self._tmp.path()) / f"preview-{self._preview_n}.pdf"
            try:
                source = prepare_print(self.plan, target, self.reason.text())
            except PrintRefused as exc:
                self.error.setText(error_text(exc))
                return
        nav = self.preview.pageNavigator()
        page = nav.currentPage()
        self.doc.load(str(source))
        if 0 < page < self.doc.pageCount():
            nav.jump(page, QPointF())

    # -- printing -----------------------------------------------------------------------
    def print_document(self) -> None:
        self.error.clear()
        self.done_label.clear()
        previous = self.plan.copy_no if self.plan else None
        self.refresh()
        plan = self.plan
        if plan is None:
            return
        if plan.copy_no != previous:
            self.error.setText(
                self.tr("This document was printed meanwhile; check and print again.")
            )
            return
        reason = self.reason.text()
        if plan.needs_reason and not reason.strip():
            self.error.setText(self.tr("Type the reason for this copy first."))
            self.reason.setFocus()
            return
        printer = self._choose_printer(plan)
        if printer is None:
            return
        target = Path(self._tmp.path()) / f"print-{plan.document.sha256[:12]}-{plan.copy_no}.pdf"
        try:
            self._prepared = prepare_print(plan, target, reason)
        except (PrintRefused, OSError) as exc:
            self.error.setText(error_text(exc))
            return
        self._start_job(self._prepared, printer)

    def _choose_printer(self, plan: PrintPlan) -> QPrinter | None:
        if self._given_printer is not None:
            return self._given_printer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = self.doc.pagePointSize(0) if self.doc.pageCount() else QSizeF(595, 842)
        printer.setPageSize(
            QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        )
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        printer.setDocName(self.path.name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def _start_job(self, pdf: Path, printer: QPrinter) -> None:
        self._printer = printer
        self.print_btn.setEnabled(False)
        self.close_btn.setEnabled(False)
        self.cancel_btn.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        thread = QThread(self)
        job = PrintJob(pdf, printer)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.page_done.connect(self._on_page, Qt.ConnectionType.QueuedConnection)
        job.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        # Direct: quit() is thread-safe, and the GUI thread may be waiting for this thread.
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread, self._job = thread, job
        thread.start()

    def cancel_printing(self) -> None:
        if self._job is not None:
            self._job.cancel()

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def _on_page(self, done: int, total: int) -> None:
        self.progress.setValue(round(100 * done / max(total, 1)))

    def _on_finished(self, ok: bool, message: str) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        self._thread, self._job = None, None
        self.cancel_btn.setVisible(False)
        self.close_btn.setEnabled(True)
        self.progress.setVisible(False)
        plan, printer = self.plan, self._printer
        if not ok or plan is None or printer is None:
            self.error.setText(message or self.tr("Not printed."))
            self.print_btn.setEnabled(True)
            return
        # The printer took every page: only now is the print a fact worth logging.
        try:
            record = record_print(self.store, plan, _printer_name(printer), self.reason.text())
        except (CopyTakenError, PrintRefused, ValueError) as exc:
            self.error.setText(error_text(exc))
            self.print_btn.setEnabled(True)
            return
        self.last_record = record
        self.reason.clear()
        self.refresh()
        self.done_label.setText(
            self.tr("Printed and logged: {0}.").format(
                record.label
                if record.copy_no is not None or record.draft
                else self.tr("free print")
            )
        )
        self.printed.emit(record)

    def reject(self) -> None:
        if self.busy:
            return  # the printer is being fed; cancel first
        super().reject()


def _printer_name(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return f"PDF: {printer.outputFileName()}"
    return printer.printerName() or "?"
