"""Pemeliharaan tab: every installed marker's latest inspection; one marker's history and visits.

The colours are honest: green only for a marker found in good condition within the last six
months; a marker never inspected, or not for six months, is never shown green.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtGui import QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.inspections import latest_inspections, list_inspections
from fieldapp.store.marker_history import HistoryEvent, marker_history
from fieldapp.survey.models import MarkerStatus
from fieldapp.ui.control_texts import colour
from fieldapp.ui.maintenance_texts import (
    condition_meaning,
    condition_word,
    direction_word,
    event_word,
    recency,
)
from fieldapp.ui.numbers import fixed
from fieldapp.ui.session import JobSession
from fieldapp.ui.texts import local_time
from fieldapp.ui.thumbnails import THUMB_H, THUMB_W, ThumbnailCache

if TYPE_CHECKING:
    from fieldapp.store.inspections import CheckShot, Inspection
    from fieldapp.ui.device_adapter import DeviceAdapter

INSTALLED = (MarkerStatus.INSTALLED.value, MarkerStatus.DOCUMENTED.value)
REINSTALL_KINDS = ("reinstallation_opened", "reinstalled", "reinstallation_cancelled")


@dataclass(frozen=True, slots=True)
class MarkerRow:
    """One line of the table: a marker, its latest inspection and its open reinstallation."""

    marker: str
    latest: Inspection | None
    reinstall_opened: str | None  # the date of an open reinstallation
    reinstalled: str | None = None  # the date the last reinstallation closed, none open


def _day_of(at: str) -> str:
    return local_time(at)[:10] if "T" in at else at[:10]


def open_reinstallation(history: list[HistoryEvent]) -> str | None:
    """When the marker's reinstallation still open was opened (None: none open)."""
    events = [e for e in history if e.kind in REINSTALL_KINDS]
    if events and events[-1].kind == "reinstallation_opened":
        return _day_of(events[-1].at)
    return None


def last_reinstalled(history: list[HistoryEvent]) -> str | None:
    """When the marker's last reinstallation closed, unless one is open now."""
    events = [e for e in history if e.kind in REINSTALL_KINDS]
    if open_reinstallation(history) is not None:
        return None
    done = [e for e in events if e.kind == "reinstalled"]
    return _day_of(done[-1].at) if done else None


def _mark(item: QTableWidgetItem, meaning: str) -> None:
    """Text and a dot in the meaning's colour: the dot still shows on a selected row."""
    item.setForeground(colour(meaning))
    dot = QPixmap(14, 14)
    dot.fill(colour(meaning))
    item.setIcon(QIcon(dot))


class MaintenanceView(QWidget):
    """The markers' table on the left; the chosen marker's history and inspections on the right."""

    COLUMNS = 6

    def __init__(
        self,
        session: JobSession,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        adapter: DeviceAdapter | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter  # the live receiver, for a check shot in the dialog
        self.today = today
        self.rows: list[MarkerRow] = []
        self.inspections: list[Inspection] = []
        self.thumbs = ThumbnailCache(self)
        self.thumbs.ready.connect(self._thumbnail_ready)
        self._photo_items: dict[str, QListWidgetItem] = {}
        self._shown_once = False

        self.table = QTableWidget(0, self.COLUMNS)
        self._table_style(self.table)
        self.table.itemSelectionChanged.connect(self._marker_chosen)
        self.table.itemDoubleClicked.connect(self._double_clicked)
        self.record_btn = QPushButton()
        self.record_btn.setProperty("accent", "true")
        self.record_btn.clicked.connect(lambda: self.record_inspection())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.record_btn)
        markers = QWidget()
        lv = QVBoxLayout(markers)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(self.table, 1)
        self.history = QTableWidget(0, 3)
        self._table_style(self.history, stretch=2)
        self.history.setWordWrap(True)  # the events' texts are whole sentences
        self.history.horizontalHeader().sectionResized.connect(self._fit_history)
        self.history_box = QGroupBox()
        QVBoxLayout(self.history_box).addWidget(self.history)
        # Under the markers, at their width: the history's sentences need it more than the
        # visits beside, and a job's few dozen markers leave the space.
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(markers)
        left.addWidget(self.history_box)
        left.setSizes([330, 300])

        self.title = QLabel()
        self.title.setProperty("role", "big")
        self.visits = QTableWidget(0, 4)
        self._table_style(self.visits, stretch=2)
        self.visits.itemSelectionChanged.connect(self._visit_chosen)
        self.visit_detail = QLabel()
        self.visit_detail.setWordWrap(True)
        self.visit_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB_W, THUMB_H))
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setFixedHeight(THUMB_H + 48)
        self.photos.setMovement(QListView.Movement.Static)
        self.visits_box = QGroupBox()
        vb = QVBoxLayout(self.visits_box)
        vb.addWidget(self.visits, 1)
        vb.addWidget(self.visit_detail)
        vb.addWidget(self.photos)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.title)
        rv.addWidget(self.visits_box, 1)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self._set_texts()
        session.marker_selected.connect(self._select_marker)
        session.layers_changed.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _table_style(table: QTableWidget, stretch: int | None = None) -> None:
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(stretch is None)

    def _set_texts(self) -> None:
        self.record_btn.setText(self.tr("Record inspection…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Marker"), self.tr("Condition"), self.tr("Inspected"), self.tr("Days"),
             self.tr("Check shot"), self.tr("Reinstallation")]
        )  # fmt: skip
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Event"), self.tr("What")])
        self.visits.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Condition"), self.tr("Surveyor"), self.tr("Check shot")]
        )
        self.history_box.setTitle(self.tr("History"))
        self.visits_box.setTitle(self.tr("Inspections"))

    def retranslate(self) -> None:
        self._set_texts()
        self.refresh()

    def set_dark(self, _dark: bool) -> None:
        """The theme switched: table cells carry colours of their own, set them again."""
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Inspections recorded meanwhile from the command line (`marker inspect`) show up.
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the markers' table ---------------------------------------------------------------
    def refresh(self) -> None:
        """Read the inspections again and redraw; the chosen marker stays chosen."""
        if self.session.closed:
            return  # a view outliving its job (a language or theme change after closing it)
        db = self.session.store.db
        latest = latest_inspections(db)
        names = [m.name for m in self.session.layers.markers if m.status in INSTALLED]
        names += sorted(n for n in latest if n not in names)
        self.rows = [
            MarkerRow(n, latest.get(n), open_reinstallation(h), last_reinstalled(h))
            for n, h in ((n, marker_history(db, n)) for n in names)
        ]
        today = self.today()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, item in enumerate(self._row_items(row, today)):
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._summarise(today)
        self.record_btn.setEnabled(not self.session.store.read_only and bool(self.rows))
        want = self.session.selected
        if not self._select_marker(want or "") and self.rows:
            self.table.selectRow(0)
        self._marker_chosen()

    def _row_items(self, row: MarkerRow, today: dt.date) -> list[QTableWidgetItem]:
        ins = row.latest
        when = recency(ins.inspected_on if ins else None, today)
        if ins is None:
            cond = QTableWidgetItem(self.tr("never inspected"))
            _mark(cond, "warn")
            date = QTableWidgetItem("—")
            days = QTableWidgetItem("—")
        else:
            text = condition_word(ins.condition)
            meaning = condition_meaning(ins.condition)
            if when.stale:
                # Good once, but not looked at for six months: no longer known to be good.
                text = self.tr("{0} (over 6 months ago)").format(text)
                meaning = "bad" if meaning == "bad" else "warn"
            cond = QTableWidgetItem(text)
            _mark(cond, meaning)
            date = QTableWidgetItem(ins.inspected_on.isoformat())
            days = QTableWidgetItem(str(when.days))
            days.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if when.stale:
                days.setForeground(colour("warn"))
        check = self._check_item(ins.check if ins else None)
        if row.reinstall_opened:
            reinst = QTableWidgetItem(self.tr("open since {0}").format(row.reinstall_opened))
            reinst.setForeground(colour("bad"))
        elif row.reinstalled:
            reinst = QTableWidgetItem(self.tr("done {0}").format(row.reinstalled))
        else:
            reinst = QTableWidgetItem("—")
        name = QTableWidgetItem(row.marker)
        name.setData(Qt.ItemDataRole.UserRole, row.marker)
        return [name, cond, date, days, check, reinst]

    def _check_item(self, check: CheckShot | None) -> QTableWidgetItem:
        if check is None:
            return QTableWidgetItem("—")
        delta = fixed(check.horizontal_m, 3)
        if check.passed:
            item = QTableWidgetItem(self.tr("passed, {0} m").format(delta))
            item.setForeground(colour("good"))
        else:
            item = QTableWidgetItem(self.tr("FAILED, {0} m").format(delta))
            item.setForeground(colour("bad"))
        item.setToolTip(
            self.tr("ΔN {0} m, ΔE {1} m, tolerance {2} m; {3}").format(
                fixed(check.dn_m, 3), fixed(check.de_m, 3), fixed(check.tolerance_m, 3),
                check.detail,
            )
        )  # fmt: skip
        return item

    def _summarise(self, today: dt.date) -> None:
        never = sum(1 for r in self.rows if r.latest is None)
        seen = [r.latest.inspected_on for r in self.rows if r.latest is not None]
        stale = sum(1 for day in seen if recency(day, today).stale)
        if not self.rows:
            self.summary.setText(self.tr("No installed marker yet: nothing to maintain."))
            return
        self.summary.setText(
            self.tr("{0} markers · {1} never inspected · {2} not inspected for over 6 months · "
                    "today {3}").format(len(self.rows), never, stale, today.isoformat())
        )  # fmt: skip

    def selected_marker(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return str(self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    @Slot(str)
    def _select_marker(self, name: str) -> bool:
        for r, row in enumerate(self.rows):
            if row.marker == name:
                if self.selected_marker() != name:
                    self.table.selectRow(r)
                return True
        return False

    @Slot()
    def _fit_history(self) -> None:
        self.history.resizeRowsToContents()
        self.history.scrollToBottom()  # the latest event in view

    def _marker_chosen(self) -> None:
        name = self.selected_marker()
        if name is None:
            self.title.setText("")
            self.history.setRowCount(0)
            self.visits.setRowCount(0)
            self._show_photos(None)
            return
        self.session.select(name)
        self.title.setText(self.tr("Marker {0}").format(name))
        db = self.session.store.db
        events = marker_history(db, name)
        self.history.setRowCount(len(events))
        for r, e in enumerate(events):
            at = local_time(e.at) if "T" in e.at else e.at  # a field time, or a plain day
            for c, text in enumerate((at, event_word(e.kind), e.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(r, c, item)
        self._fit_history()
        self.inspections = list(reversed(list_inspections(db, name)))  # newest first
        self.visits.blockSignals(True)
        self.visits.setRowCount(len(self.inspections))
        for r, ins in enumerate(self.inspections):
            cond = QTableWidgetItem(condition_word(ins.condition))
            cond.setForeground(colour(condition_meaning(ins.condition)))
            cells = [
                QTableWidgetItem(ins.inspected_on.isoformat()),
                cond,
                QTableWidgetItem(ins.surveyor or "—"),
                self._check_item(ins.check),
            ]
            for c, item in enumerate(cells):
                self.visits.setItem(r, c, item)
        self.visits.blockSignals(False)
        if self.inspections:
            self.visits.selectRow(0)
        self._visit_chosen()

    # -- one inspection: its details and photos ---------------------------------------------
    def _visit_chosen(self) -> None:
        rows = {i.row() for i in self.visits.selectedItems()}
        ins = self.inspections[min(rows)] if rows else None
        if ins is None:
            self.visit_detail.setText(self.tr("No inspection recorded for this marker yet."))
            self._show_photos(None)
            return
        cleared = self.tr("yes") if ins.vegetation_cleared else self.tr("no")
        lines = [
            self.tr("Vegetation cleared within 1 m: {0}").format(cleared),
            self.tr("Access: {0}").format(ins.access_condition or "—"),
            self.tr("Action taken: {0}").format(ins.action_taken or "—"),
        ]
        if ins.note:
            lines.append(self.tr("Note: {0}").format(ins.note))
        self.visit_detail.setText("\n".join(lines))
        self._show_photos(ins)

    def _show_photos(self, ins: Inspection | None) -> None:
        self.photos.clear()
        self._photo_items = {}
        if ins is None:
            return
        job = Path(self.session.path)
        for p in ins.photos:
            item = QListWidgetItem(direction_word(p.direction))
            item.setToolTip(p.caption or p.file_name)
            item.setSizeHint(QSize(THUMB_W + 12, THUMB_H + 40))
            self.photos.addItem(item)
            self._photo_items[p.sha256] = item
            pixmap = self.thumbs.request(p.sha256, job / p.file_name)
            if pixmap is not None or self.thumbs.cached(p.sha256):
                self._set_thumbnail(item, pixmap)
        if not ins.photos:
            self.photos.addItem(QListWidgetItem(self.tr("no photos")))

    @Slot(str, object)
    def _thumbnail_ready(self, key: str, pixmap: QPixmap | None) -> None:
        item = self._photo_items.get(key)
        if item is not None:
            self._set_thumbnail(item, pixmap)

    def _set_thumbnail(self, item: QListWidgetItem, pixmap: QPixmap | None) -> None:
        if pixmap is None:
            item.setText(item.text() + "\n" + self.tr("(cannot be shown)"))
        else:
            item.setIcon(QIcon(pixmap))

    # -- recording ------------------------------------------------------------------------
    @Slot(QTableWidgetItem)
    def _double_clicked(self, _item: QTableWidgetItem) -> None:
        if self.record_btn.isEnabled():
            self.record_inspection()

    def record_inspection(self, marker: str | None = None) -> QWidget | None:
        """Open the inspection dialog (window-modal, not blocking) for the chosen marker."""
        from fieldapp.ui.inspection_dialog import InspectionDialog

        name = marker or self.selected_marker()
        if name is None:
            return None
        dialog = InspectionDialog(
            self.session, name, today=self.today(), parent=self, adapter=self.adapter
        )
        dialog.saved.connect(self._saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot(object)
    def _saved(self, inspection: Inspection) -> None:
        # The dialog says this only after the transaction committed (SaveWorker).
        self.session.message.emit(
            self.tr("Inspection of {0} on {1} saved.").format(
                inspection.marker, inspection.inspected_on.isoformat()
            )
        )
        self.refresh()
