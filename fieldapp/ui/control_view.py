"""Kontrol tab: the job's static GNSS sessions, raw logging, baseline processing and results."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import records as rec
from fieldapp.store.gnss_sessions import StaticSession, add_session, load_sessions
from fieldapp.ui import control_texts as words
from fieldapp.ui.baseline_panel import JOB_ERRORS, BaselinePanel
from fieldapp.ui.control_dialogs import AddSessionDialog, SessionEntry
from fieldapp.ui.control_points import ControlPointsPage
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.errors import error_text
from fieldapp.ui.numbers import fixed
from fieldapp.ui.rawobs_panel import RawObsPanel
from fieldapp.ui.session import JobSession


def gpst_text(iso: str | None) -> str:
    """A GPS time as the receiver wrote it, to the minute (GPST, not the laptop's clock)."""
    return iso[:16].replace("T", " ") if iso else "–"


class ControlView(QWidget):
    """Two pages: the sessions (with raw logging), the baselines; the core does the work."""

    sessions_changed = Signal()

    def __init__(
        self, session: JobSession, adapter: DeviceAdapter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.sessions: list[StaticSession] = []
        self.add_btn = QPushButton(self.tr("Add session…"))
        self.add_btn.setEnabled(not session.store.read_only)
        self.add_btn.clicked.connect(lambda: self.add_session())
        self.sheet_btn = QPushButton(self.tr("Field sheet (PDF)"))
        self.sheet_btn.setEnabled(False)
        self.sheet_btn.clicked.connect(lambda: self.field_sheet())
        self.table = QTableWidget(0, 10)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(
            lambda: self.sheet_btn.setEnabled(
                self.selected_session() is not None and not session.store.read_only
            )
        )
        raw = None if session.store.read_only else session.store.raw_dir
        self.raw = RawObsPanel(adapter, lambda: raw)
        self.raw.message.connect(session.message)
        self.raw.recorded.connect(self._recorded)
        self.baseline = BaselinePanel(session)
        self.points = ControlPointsPage(session)
        sessions_page = QWidget()
        top = QVBoxLayout(sessions_page)
        top.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(self.add_btn)
        row.addWidget(self.sheet_btn)
        row.addStretch(1)
        top.addLayout(row)
        top.addWidget(self.table, 1)
        top.addWidget(self.raw)
        # Two pages, not one: a 1024x600 tablet has no height for both tables at once.
        self.pages = QTabWidget()
        self.pages.setTabPosition(QTabWidget.TabPosition.West)  # costs width, not height
        self.pages.addTab(sessions_page, "")
        self.pages.addTab(self.baseline, "")
        self.pages.addTab(self.points, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()
        self.refresh()

    # -- texts -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("Observation sessions"))
        self.pages.setTabText(1, self.tr("Baselines"))
        self.pages.setTabText(2, self.tr("Control points"))
        self.add_btn.setText(self.tr("Add session…"))
        self.sheet_btn.setText(self.tr("Field sheet (PDF)"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Point"), self.tr("Kind"), self.tr("Role"), self.tr("Receiver"),
            self.tr("Antenna height before / after"), self.tr("Start (GPST)"),
            self.tr("End (GPST)"), self.tr("Interval"), self.tr("Epochs"), self.tr("Files"),
        ])  # fmt: skip
        self.raw.retranslate()
        self.baseline.retranslate()
        self.points.retranslate()
        self._fill()

    def set_dark(self, _dark: bool) -> None:
        """The theme switched: table cells carry colours of their own, set them again."""
        self._fill()
        self.baseline.recolour()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def role_text(self, role: str) -> str:
        return {"base": self.tr("base"), "rover": self.tr("rover"),
                "reference": self.tr("reference")}.get(role, role)  # fmt: skip

    def kind_text(self, kind: str | None) -> str:
        return {"BM": self.tr("BM"), "TITIK_BANTU": self.tr("Titik Bantu"),
                "JKHN": self.tr("JKHN")}.get(kind or "", kind or "–")  # fmt: skip

    # -- sessions --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sessions (and baselines) of the job again."""
        self.sessions = load_sessions(self.session.store.db)
        self._fill()
        self.baseline.refresh(self.sessions)
        self.sessions_changed.emit()

    def _point_kinds(self) -> dict[str, str]:
        return {c.name: str(c.kind) for c in self.session.layers.control}

    def _fill(self) -> None:
        kinds = self._point_kinds()
        self.table.setRowCount(len(self.sessions))
        for i, s in enumerate(self.sessions):
            kind = s.point_kind or kinds.get(s.point)
            receiver = " ".join(p for p in (s.receiver_model, s.receiver_serial) if p) or "–"
            heights = f"{fixed(s.height_before_m, 3)} / {fixed(s.height_after_m, 3)} m"
            method = self.tr("slant") if s.height_method == "slant" else self.tr("vertical")
            heights += f" ({method}, {s.height_reference})"
            differ = s.heights_disagree
            if differ:
                heights = "⚠ " + heights
            interval = f"{fixed(s.interval_s, 0)} s" if s.interval_s else "–"
            cells = [
                s.point, self.kind_text(kind), self.role_text(s.role), receiver, heights,
                gpst_text(s.started), gpst_text(s.ended), interval,
                str(s.epochs) if s.epochs is not None else "–",
                ", ".join(Path(f.path).name for f in s.files),
            ]  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 4 and differ:
                    item.setForeground(words.colour("warn"))
                    item.setToolTip(
                        self.tr("Before and after differ by {0} mm (more than 5 mm)").format(
                            fixed(abs(s.height_after_m - s.height_before_m) * 1000, 1)
                        )
                    )
                if j == 9:
                    item.setToolTip("\n".join(str(f.path) for f in s.files))
                self.table.setItem(i, j, item)

    def selected_session(self) -> StaticSession | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.sessions[rows.pop()] if len(rows) == 1 else None

    def field_sheet(self, session: StaticSession | None = None) -> Path | None:
        """The session's field sheet (formulir pengamatan GNSS statik) into documents/, opened."""
        from fieldapp.reports.field_sheet import write_field_sheet

        session = session or self.selected_session()
        if session is None:
            return None
        store = self.session.store
        kinds = {c.name: c.kind for c in self.session.layers.control}
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", session.point)
        target = store.documents_dir / f"formulir_gnss_sesi_{session.id}_{safe}.pdf"
        try:
            store.require_writable()
            store.documents_dir.mkdir(parents=True, exist_ok=True)
            permit = rec.load_permit_area(store.db)
            write_field_sheet(session, permit, target, kinds.get(session.point))
        except JOB_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Field sheet (PDF)"), error_text(exc))
            return None
        self.session.message.emit(self.tr("Field sheet saved: {0}").format(target))
        self.open_document(target)
        return target

    def open_document(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def add_session(self, files: list[Path] | None = None) -> int | None:
        """The add-session dialog; the store copies the files into raw/ in one transaction."""
        points = sorted({c.name for c in self.session.layers.control} |
                        {s.point for s in self.sessions})  # fmt: skip
        dialog = AddSessionDialog(points, files, self, start_folder=self.session.store.raw_dir)
        if not dialog.exec() or dialog.entry is None:
            return None
        return self.store_session(dialog.entry)

    def store_session(self, entry: SessionEntry) -> int | None:
        try:
            number = add_session(self.session.store, session_draft(entry), list(entry.files))
        except JOB_ERRORS as exc:  # bad file, read-only job: nothing was stored
            QMessageBox.warning(self, self.tr("Add session"), error_text(exc))
            return None
        self.session.message.emit(self.tr("Session stored for {0}.").format(entry.point))
        self.refresh()
        return number

    def _recorded(self, path: Path | None) -> None:
        if path is None:
            self.session.message.emit(self.tr("Recording stopped; nothing was received."))
            return
        self.offer_session(path)

    def offer_session(self, path: Path) -> None:
        """After a recording: ask whether the file becomes a session, then the session dialog."""
        answer = QMessageBox.question(
            self,
            self.tr("Raw data recorded"),
            self.tr("Create an observation session from {0}?").format(path.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.add_session([path])

    def shutdown(self) -> None:
        """The job closes: stop recording (the file is closed whole) and cancel processing."""
        if self.raw.recording:
            self.raw.recorded.disconnect(self._recorded)
            self.raw.stop()
        self.baseline.shutdown()


def session_draft(entry: SessionEntry) -> StaticSession:
    """The store's session draft from what the dialog collected."""
    return StaticSession(
        point=entry.point,
        role=entry.role,
        point_kind=entry.kind,
        receiver_model=entry.receiver_model or None,
        receiver_serial=entry.receiver_serial or None,
        antenna_model=entry.antenna_model or None,
        height_before_m=entry.height_before_m,
        height_after_m=entry.height_after_m,
        height_method=entry.height_method,
        height_reference=entry.height_reference,
        antenna_radius_m=entry.antenna_radius_m,
        note=entry.note or None,
    )
