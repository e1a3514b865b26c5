"""Dokumen tab: choose documents, build them off the GUI thread, open, print, see the print log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.reports.batch import (
    BatchBuild,
    BatchProgress,
    BatchResult,
    DocumentRequest,
    document_requests,
)
from fieldapp.reports.build import Outcome
from fieldapp.store.printlog import load_print_log
from fieldapp.store.signatory import load_holder_signatory, set_holder_signatory
from fieldapp.survey.models import MarkerStatus
from fieldapp.ui.app import text_style
from fieldapp.ui.errors import error_text
from fieldapp.ui.print_dialog import PrintDialog
from fieldapp.ui.scrolling import SidePanel
from fieldapp.ui.session import JobSession
from fieldapp.ui.texts import local_time

INSTALLED = (MarkerStatus.INSTALLED.value, MarkerStatus.DOCUMENTED.value)


class BuildWorker(QObject):
    """Runs a BatchBuild on its thread; the core's callbacks become queued signals."""

    progress = Signal(int, int, int, str)  # percent, document index, count, step
    finished = Signal(object)  # BatchResult

    def __init__(self, job: Path, requests: list[DocumentRequest]) -> None:
        super().__init__()
        self.batch = BatchBuild(job, requests, self._emit)

    def run(self) -> None:
        self.finished.emit(self.batch.run())

    def _emit(self, p: BatchProgress) -> None:
        self.progress.emit(p.percent, p.index, p.count, p.step)


# Running builds by thread: a closed view must not drop a thread that is still writing.
_RUNNING: dict[QThread, BuildWorker] = {}


def _stop_all() -> None:
    """On quit: cancel running builds and wait, so no thread dies in the middle of a file."""
    for thread, worker in list(_RUNNING.items()):
        worker.batch.cancel()
        thread.wait()
    _RUNNING.clear()


def _stop_all_on_quit() -> None:
    """Connects _stop_all to aboutToQuit once per application, however many views are built."""
    app = QApplication.instance()
    if app is not None and not app.property("fieldapp_documents_stop_on_quit"):
        app.setProperty("fieldapp_documents_stop_on_quit", True)
        app.aboutToQuit.connect(_stop_all)


class DocumentsView(QWidget):
    """Every document is made by the core build; this view only collects choices and shows."""

    built = Signal(object)  # BatchResult

    def __init__(self, session: JobSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.printer: QPrinter | None = None  # None: ask with the system print dialog
        self.result: BatchResult | None = None
        self._thread: QThread | None = None
        self._worker: BuildWorker | None = None
        self._dialog: PrintDialog | None = None
        self._build_ui()
        self._fill_markers()
        self.refresh_files()
        self.refresh_log()
        session.layers_changed.connect(self._fill_markers)
        _stop_all_on_quit()

    # -- layout -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.ba_check = QCheckBox(self.tr("Berita acara"))
        self.ba_check.setChecked(True)
        self.desk_check = QCheckBox(self.tr("Marker descriptions"))
        self.marker_combo = QComboBox()
        self.so_check = QCheckBox(self.tr("Stake-out report"))
        self.deliv_check = QCheckBox(self.tr("Deliverables folder (PDF, XLSX, DXF, photos)"))
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("F4 (215 × 330 mm)"), "f4")
        self.signatory = QLineEdit(load_holder_signatory(self.session.store.db) or "")
        self.signatory.setPlaceholderText(self.tr("name of the person signing"))
        self.folder = QLineEdit(str(self.session.store.documents_dir))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.build_btn = QPushButton(self.tr("Build"))
        self.build_btn.setProperty("accent", "true")
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        self.cancel_btn.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.step = QLabel(self.tr("Choose the documents and press Build."))
        self.step.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style("bad"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        choose = QGridLayout()
        choose.addWidget(self.ba_check, 0, 0)
        choose.addWidget(self.desk_check, 1, 0)
        choose.addWidget(self.marker_combo, 1, 1)
        choose.addWidget(self.so_check, 2, 0)
        choose.addWidget(self.deliv_check, 3, 0, 1, 2)
        choose.setColumnStretch(1, 1)
        form = QFormLayout()
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Signs for the permit holder"), self.signatory)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Folder"), where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_btn)
        buttons.addWidget(self.cancel_btn)
        buttons.addStretch(1)
        box = QGroupBox(self.tr("Build documents"))
        left = QVBoxLayout(box)
        left.addLayout(choose)
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.step)
        left.addWidget(self.error)
        left.addStretch(1)

        self.files = QTableWidget(0, 2)
        self.files.setHorizontalHeaderLabels([self.tr("File"), self.tr("Made")])
        self._table_style(self.files)
        self.open_btn = QPushButton(self.tr("Open"))
        self.print_btn = QPushButton(self.tr("Print…"))
        self.print_btn.setProperty("accent", "true")
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.open_btn)
        file_buttons.addWidget(self.print_btn)
        file_buttons.addStretch(1)
        files_box = QGroupBox(self.tr("Documents in the folder"))
        fl = QVBoxLayout(files_box)
        fl.addWidget(self.files, 1)
        fl.addLayout(file_buttons)
        self.log = QTableWidget(0, 4)
        self.log.setHorizontalHeaderLabels(
            [self.tr("Printed"), self.tr("Document"), self.tr("Copy"), self.tr("Reason")]
        )
        self._table_style(self.log, stretch=3)
        header = self.log.horizontalHeader()
        for col in (0, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.log.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        log_box = QGroupBox(self.tr("Print log"))
        QVBoxLayout(log_box).addWidget(self.log)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(files_box)
        right.addWidget(log_box)
        split = QSplitter()
        # The choices scroll down on a 600 px screen; never cut sideways.
        split.addWidget(SidePanel(box))
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([540, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.build_btn.clicked.connect(self.build)
        self.cancel_btn.clicked.connect(self.cancel)
        self.open_btn.clicked.connect(self.open_selected)
        self.print_btn.clicked.connect(self.print_selected)
        self.files.itemDoubleClicked.connect(lambda _i: self.open_selected())
        self.files.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    @staticmethod
    def _table_style(table: QTableWidget, stretch: int = 0) -> None:
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setStretchLastSection(False)

    def _fill_markers(self) -> None:
        current = self.marker_combo.currentData()
        self.marker_combo.clear()
        self.marker_combo.addItem(self.tr("All installed markers"), None)
        for m in self.session.layers.markers:
            if m.status in INSTALLED:
                self.marker_combo.addItem(self.tr("Marker {0}").format(m.name), m.name)
        index = self.marker_combo.findData(current)
        self.marker_combo.setCurrentIndex(max(index, 0))

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the documents"),
                                                self.folder.text())  # fmt: skip
        if path:
            self.folder.setText(path)
            self.refresh_files()

    # -- building -----------------------------------------------------------------------
    @property
    def building(self) -> bool:
        return self._thread is not None

    def build(self) -> bool:
        """Start the chosen builds on a worker thread; False when nothing was started."""
        if self.building:
            return False
        self.error.clear()
        folder = Path(self.folder.text().strip() or self.session.store.documents_dir)
        try:
            signer = set_holder_signatory(self.session.store.db, self.signatory.text())
        except ValueError as exc:
            self.error.setText(error_text(exc))
            return False
        requests = document_requests(
            folder,
            paper=self.paper.currentData(),
            berita_acara=self.ba_check.isChecked(),
            deskripsi=self.desk_check.isChecked(),
            marker=self.marker_combo.currentData(),
            stakeout=self.so_check.isChecked(),
            deliverables=self.deliv_check.isChecked(),
            holder_signatory=signer,
        )
        if not requests:
            self.error.setText(self.tr("Choose at least one document to build."))
            return False
        worker = BuildWorker(self.session.path, requests)
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        # Direct: quit() is thread-safe, and the GUI thread may be waiting for this thread.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        _RUNNING[thread] = worker
        self._thread, self._worker = thread, worker
        self.progress.setValue(0)
        self.step.setText(self.tr("Starting…"))
        self.build_btn.setEnabled(False)
        self.cancel_btn.setEnabled(True)
        thread.start()
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.batch.cancel()
            self.step.setText(self.tr("Cancelling…"))
            self.cancel_btn.setEnabled(False)

    def _on_progress(self, percent: int, index: int, count: int, step: str) -> None:
        self.progress.setValue(percent)
        self.step.setText(self.tr("Document {0} of {1}: {2}").format(index + 1, count, step))

    def _on_finished(self, result: BatchResult) -> None:
        if self._thread is not None:
            self._thread.wait()
            _RUNNING.pop(self._thread, None)
        self._thread, self._worker = None, None
        self.result = result
        self.build_btn.setEnabled(True)
        self.cancel_btn.setEnabled(False)
        names = ", ".join(p.name for p in result.paths)
        if result.outcome is Outcome.FINISHED:
            self.progress.setValue(100)
            self.step.setText(self.tr("Done: {0}").format(names))
            # Built without something (a background that did not open): said, not hidden.
            self.error.setText("\n".join(result.notes))
        elif result.outcome is Outcome.CANCELLED:
            self.progress.setValue(0)
            text = self.tr("Cancelled; nothing half-written was left.")
            if names:
                text += " " + self.tr("Finished before: {0}").format(names)
            self.step.setText(text)
        else:
            self.progress.setValue(0)
            self.step.setText(self.tr("Failed."))
            self.error.setText(result.message or self.tr("The build failed."))
        self.refresh_files(select=result.paths[-1] if result.paths else None)
        self.built.emit(result)

    # -- files and printing -------------------------------------------------------------
    def refresh_files(self, select: Path | None = None) -> None:
        folder = Path(self.folder.text().strip() or ".")
        entries: list[Path] = []
        if folder.is_dir():
            entries = [p for p in folder.iterdir() if not p.name.startswith(".")
                       and (p.suffix.lower() == ".pdf" or p.is_dir())]  # fmt: skip
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        self.files.setRowCount(len(entries))
        for row, path in enumerate(entries):
            name = QTableWidgetItem(path.name + ("/" if path.is_dir() else ""))
            name.setData(Qt.ItemDataRole.UserRole, str(path))
            made = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            if _is_draft(path):
                # A berita acara that is not final says so before anyone opens it.
                made += "  DRAF"
                name.setToolTip(self.tr("DRAF: not final; its last page lists what is missing"))
            self.files.setItem(row, 0, name)
            self.files.setItem(row, 1, QTableWidgetItem(made))
            if select is not None and path == select:
                self.files.selectRow(row)
        self.files.resizeColumnToContents(1)
        self._selection_changed()

    def selected_file(self) -> Path | None:
        items = self.files.selectedItems()
        if not items:
            return None
        return Path(self.files.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        path = self.selected_file()
        self.open_btn.setEnabled(path is not None)
        self.print_btn.setEnabled(path is not None and path.suffix.lower() == ".pdf")

    def open_selected(self) -> None:
        path = self.selected_file()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_selected(self) -> PrintDialog | None:
        path = self.selected_file()
        if path is None or path.suffix.lower() != ".pdf":
            return None
        return self.print_file(path)

    def print_file(self, path: Path) -> PrintDialog:
        """Open the print dialog (window-modal, not blocking) for one PDF."""
        dialog = PrintDialog(self.session.store, path, self, printer=self.printer)
        dialog.printed.connect(lambda _r: self.refresh_log())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._dialog = dialog
        return dialog

    def refresh_log(self) -> None:
        records = list(reversed(load_print_log(self.session.store.db)))
        self.log.setRowCount(len(records))
        for row, r in enumerate(records):
            when = local_time(r.printed_at)
            copy = r.label if r.copy_no is not None or r.draft else self.tr("free")
            if r.superseded_by:
                copy = self.tr("{0} (superseded)").format(copy)
            # Printer, machine and login in the tooltip: the row stays readable at 1366 px.
            tip = " · ".join(x for x in (r.printer, r.device, r.user_name) if x)
            if r.nomor:
                tip += "\n" + self.tr("Nomor {0}").format(r.nomor)
            if r.superseded_by:
                tip += "\n" + self.tr("superseded by Nomor {0}").format(r.superseded_by)
            for col, text in enumerate((when, r.file_name, copy, r.reason or "")):
                item = QTableWidgetItem(text)
                item.setToolTip(tip if col != 3 else f"{text}\n{tip}")
                self.log.setItem(row, col, item)
        self.log.resizeColumnToContents(1)
        self.log.setColumnWidth(1, min(self.log.columnWidth(1), 200))


def _is_draft(path: Path) -> bool:
    """A berita acara PDF built as a DRAF (from its keywords; anything unreadable is not)."""
    if path.suffix.lower() != ".pdf" or not path.is_file():
        return False
    from fieldapp.reports.salinan import PrintRefused, identify

    try:
        return identify(path).draft
    except PrintRefused:
        return False
