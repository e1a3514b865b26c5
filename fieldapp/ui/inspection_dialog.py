"""The dialog recording one maintenance inspection of a marker, saved off the GUI thread."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import JobStore
from fieldapp.store.inspections import CheckMeasurement
from fieldapp.store.records import load_surveyors
from fieldapp.ui import texts
from fieldapp.ui.app import text_style
from fieldapp.ui.errors import error_text
from fieldapp.ui.maintenance_texts import CONDITIONS, condition_word, direction_word
from fieldapp.ui.maintenance_worker import SaveWorker, start_worker
from fieldapp.ui.numbers import fixed
from fieldapp.ui.session import JobSession

if TYPE_CHECKING:
    from fieldapp.gnss.fix import Fix
    from fieldapp.ui.device_adapter import DeviceAdapter

IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff"
PHOTO_DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail")  # vegetasi has its own field
# Epochs averaged for a check shot from the live receiver: the "rapid" gates (10 epochs, 10 s)
# with room for a few rejected ones; at 1 Hz about 20 seconds on the monument.
CHECK_EPOCHS = 20
LIVE_SOURCE = "penerima-langsung"  # named so in the shot's detail, where a file name would be


@dataclass(frozen=True, slots=True)
class InspectionDraft:
    """What the surveyor typed, as record_inspection takes it."""

    marker: str
    inspected_on: dt.date
    surveyor: str | None
    condition: str
    vegetation_cleared: bool
    access_condition: str | None
    action_taken: str | None
    note: str | None
    photos: tuple[tuple[Path, str, str | None], ...]
    check: CheckMeasurement | None = None


def save_task(draft: InspectionDraft, today: dt.date) -> Callable[[JobStore], object]:
    """The work of one save: record_inspection in one transaction, on the worker's connection."""

    def task(store: JobStore) -> object:
        from fieldapp.store.inspections import record_inspection

        return record_inspection(
            store,
            draft.marker,
            condition=draft.condition,
            vegetation_cleared=draft.vegetation_cleared,
            inspected_on=draft.inspected_on,
            surveyor=draft.surveyor,
            access_condition=draft.access_condition,
            action_taken=draft.action_taken,
            note=draft.note,
            photos=draft.photos,
            check=draft.check,
            today=today,
        )

    return task


def _optional(text: str) -> str | None:
    return text.strip() or None


class InspectionDialog(QDialog):
    """Condition, vegetation (with its photo), access, action, note, photos, date, surveyor.

    Save runs on a worker thread; the dialog closes only once the inspection is committed.
    When the store refuses, its reason is shown here and everything typed stays as it was.
    """

    saved = Signal(object)  # the Inspection as stored
    finished_saving = Signal(bool)  # a save ended: True stored, False refused (reason shown)

    def __init__(
        self,
        session: JobSession,
        marker: str,
        today: dt.date | None = None,
        parent: QWidget | None = None,
        adapter: DeviceAdapter | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.check: CheckMeasurement | None = None
        self._epochs: list[Fix] | None = None  # collecting while not None
        self.marker = marker
        self.today = today or dt.date.today()
        self.result_: object | None = None
        self._worker: SaveWorker | None = None
        self.setWindowTitle(self.tr("Inspection of marker {0}").format(marker))

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today_q = QDate(self.today.year, self.today.month, self.today.day)
        self.date.setDate(today_q)
        self.date.setMaximumDate(today_q)  # an inspection is never recorded ahead of time
        self.surveyor = QComboBox()
        self.surveyor.addItem(self.tr("(not recorded)"), None)
        for s in load_surveyors(session.store.db):
            self.surveyor.addItem(s.name, s.name)
        if self.surveyor.count() > 1:
            self.surveyor.setCurrentIndex(1)
        self.condition = QComboBox()
        for c in CONDITIONS:
            self.condition.addItem(condition_word(c), c)
        self.vegetation = QCheckBox(self.tr("Vegetation cleared within 1 m"))
        self.vegetation_photo = QLineEdit()
        self.vegetation_photo.setPlaceholderText(self.tr("photo of the cleared ground"))
        veg_browse = QPushButton(self.tr("Photo…"))
        veg_browse.clicked.connect(self._choose_vegetation_photo)
        self.access = QLineEdit()
        self.access.setPlaceholderText(self.tr("e.g. path overgrown, passable on foot"))
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("e.g. paint renewed, concrete patched"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)

        self.photos = QTableWidget(0, 2)
        self.photos.setHorizontalHeaderLabels([self.tr("Photo"), self.tr("Direction")])
        self.photos.verticalHeader().setVisible(False)
        self.photos.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.photos.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.photos.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        add_photo = QPushButton(self.tr("Add photos…"))
        add_photo.clicked.connect(self._choose_photos)
        self.remove_photo = QPushButton(self.tr("Remove"))
        self.remove_photo.clicked.connect(self._remove_photo)

        self.pole = QDoubleSpinBox()
        self.pole.setRange(0.0, 5.0)
        self.pole.setDecimals(3)
        self.pole.setSingleStep(0.1)
        self.pole.setValue(2.0)
        self.pole.setSuffix(" m")
        self.measure_btn = QPushButton(self.tr("Measure from the receiver"))
        self.measure_btn.clicked.connect(self.measure)
        self.discard_btn = QPushButton(self.tr("Discard"))
        self.discard_btn.clicked.connect(self.discard_check)
        self.discard_btn.setEnabled(False)
        self.check_note = QLabel(
            self.tr("Optional: the pole on the monument, {0} epochs averaged; or later with "
                    "`fieldapp marker inspect` from a capture or a total-station file.")
            .format(CHECK_EPOCHS)
        )  # fmt: skip
        self.check_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style("bad"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Surveyor"), self.surveyor)
        form.addRow(self.tr("Condition"), self.condition)
        veg = QHBoxLayout()
        veg.addWidget(self.vegetation_photo, 1)
        veg.addWidget(veg_browse)
        form.addRow(self.vegetation)
        form.addRow(self.tr("Vegetation photo"), veg)
        form.addRow(self.tr("Access"), self.access)
        form.addRow(self.tr("Action taken"), self.action)
        form.addRow(self.tr("Note"), self.note)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(add_photo)
        photo_buttons.addWidget(self.remove_photo)
        photo_buttons.addStretch(1)
        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.save_btn = self.buttons.addButton(self.tr("Save"), role.AcceptRole)
        self.save_btn.setProperty("accent", "true")
        self.cancel_btn = self.buttons.addButton(self.tr("Cancel"), role.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.header = QLabel(self.tr("Marker {0}").format(marker))
        self.header.setProperty("role", "big")
        photos_box = QGroupBox(self.tr("Photos"))
        pl = QVBoxLayout(photos_box)
        pl.addWidget(self.photos, 1)
        pl.addLayout(photo_buttons)
        check_box = QGroupBox(self.tr("Check shot"))
        cf = QFormLayout(check_box)
        cf.addRow(self.tr("Pole height (vertical)"), self.pole)
        cb = QHBoxLayout()
        cb.addWidget(self.measure_btn)
        cb.addWidget(self.discard_btn)
        cb.addStretch(1)
        cf.addRow(cb)
        cf.addRow(self.check_note)
        side = QVBoxLayout()
        side.addWidget(photos_box, 1)
        side.addWidget(check_box)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Two columns: the whole form fits a 1024x600 tablet without scrolling.
        self.resize(1000, 580)

    # -- photos -------------------------------------------------------------------------
    def _choose_vegetation_photo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Photo of the cleared vegetation"), "", IMAGE_FILTER
        )
        if path:
            self.vegetation_photo.setText(path)
            self.vegetation.setChecked(True)

    def _choose_photos(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the marker"), "", IMAGE_FILTER
        )
        for path in paths:
            self.add_photo(Path(path), PHOTO_DIRECTIONS[self.photos.rowCount() % 5])

    def add_photo(self, path: Path, direction: str) -> None:
        """One photo row: the file and a drop-down of its direction."""
        row = self.photos.rowCount()
        self.photos.insertRow(row)
        item = QTableWidgetItem(path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.photos.setItem(row, 0, item)
        choice = QComboBox()
        for d in PHOTO_DIRECTIONS:
            choice.addItem(direction_word(d), d)
        choice.setCurrentIndex(max(0, choice.findData(direction)))
        self.photos.setCellWidget(row, 1, choice)

    def _remove_photo(self) -> None:
        rows = sorted({i.row() for i in self.photos.selectedItems()}, reverse=True)
        for row in rows:
            self.photos.removeRow(row)

    # -- check shot from the live receiver -------------------------------------------------
    @property
    def measuring(self) -> bool:
        return self._epochs is not None

    def measure(self) -> bool:
        """Collect CHECK_EPOCHS epochs of the receiver now connected; False when there is none."""
        if self.measuring:
            return False
        if self.adapter is None or not self.adapter.connected:
            self._tell_check(self.tr("Connect the receiver first (toolbar: Connect)."), "bad")
            return False
        self.check = None
        self._epochs = []
        self.adapter.fix_received.connect(self._on_fix)
        self.measure_btn.setEnabled(False)
        self.discard_btn.setEnabled(True)
        self.save_btn.setEnabled(False)  # saved with the shot or without it, not half-way
        self._tell_check(self.tr("Measuring: keep the pole still… 0 of {0}").format(CHECK_EPOCHS))
        return True

    @Slot(object)
    def _on_fix(self, fix: Fix) -> None:
        if self._epochs is None:
            return
        self._epochs.append(fix)
        n = len(self._epochs)
        if n < CHECK_EPOCHS:
            self._tell_check(
                self.tr("Measuring: keep the pole still… {0} of {1}").format(n, CHECK_EPOCHS)
            )
            return
        epochs, self._epochs = self._epochs, None
        self._stop_listening()
        from fieldapp.app.check_shot import CheckShotError, gnss_measurement
        from fieldapp.survey.antenna import AntennaHeight

        try:
            m = gnss_measurement(Path(LIVE_SOURCE), AntennaHeight(self.pole.value()), fixes=epochs)
        except (CheckShotError, ValueError) as exc:
            self._tell_check(self.tr("Not usable: {0}").format(error_text(exc)), "bad")
            return
        if m.failures:
            self._tell_check(self.tr("Not usable: {0}").format("; ".join(m.failures)), "bad")
            return
        self.check = m
        sigma = "—" if m.sigma_h_m is None else fixed(m.sigma_h_m, 3)
        self._tell_check(
            self.tr("Measured: {0}, σH {1} m; the difference to the installed position is "
                    "computed when saved.").format(texts.fix_type(m.fix_quality), sigma),
            "good",
        )  # fmt: skip

    def discard_check(self) -> None:
        self._epochs = None
        self._stop_listening()
        self.check = None
        self._tell_check(self.tr("No check shot."))

    def _stop_listening(self) -> None:
        if self.adapter is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected any more
                self.adapter.fix_received.disconnect(self._on_fix)
        self.measure_btn.setEnabled(True)
        self.save_btn.setEnabled(not self.saving)

    def _tell_check(self, text: str, meaning: str | None = None) -> None:
        self.check_note.setText(text)
        self.check_note.setStyleSheet(text_style(meaning) if meaning else "")
        self.discard_btn.setEnabled(self.measuring or self.check is not None)

    def done(self, result: int) -> None:
        if self.measuring:
            self.discard_check()  # the receiver's epochs stop coming here
        super().done(result)

    # -- saving -------------------------------------------------------------------------
    def draft(self) -> InspectionDraft:
        photos: list[tuple[Path, str, str | None]] = []
        for row in range(self.photos.rowCount()):
            path = Path(self.photos.item(row, 0).data(Qt.ItemDataRole.UserRole))
            choice = self.photos.cellWidget(row, 1)
            assert isinstance(choice, QComboBox)
            photos.append((path, str(choice.currentData()), None))
        veg = self.vegetation_photo.text().strip()
        if veg:
            photos.append((Path(veg), "vegetasi", None))
        day = self.date.date()
        return InspectionDraft(
            marker=self.marker,
            inspected_on=dt.date(day.year(), day.month(), day.day()),
            surveyor=self.surveyor.currentData(),
            condition=str(self.condition.currentData()),
            vegetation_cleared=self.vegetation.isChecked(),
            access_condition=_optional(self.access.text()),
            action_taken=_optional(self.action.text()),
            note=_optional(self.note.toPlainText()),
            photos=tuple(photos),
            check=self.check,
        )

    @property
    def saving(self) -> bool:
        return self._worker is not None

    def save(self) -> bool:
        """Start the save on a worker thread; False when one is already running."""
        if self.saving:
            return False
        self.error.clear()
        if self.session.store.read_only:
            self.error.setText(self.tr("The job is read-only: nothing can be recorded."))
            return False
        worker = SaveWorker(self.session.path, save_task(self.draft(), self.today))
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._worker = worker
        self.save_btn.setEnabled(False)
        self.cancel_btn.setEnabled(False)
        self.save_btn.setText(self.tr("Saving…"))
        start_worker(worker)
        return True

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._worker = None
        self.save_btn.setEnabled(True)
        self.cancel_btn.setEnabled(True)
        self.save_btn.setText(self.tr("Save"))
        if isinstance(result, Exception):
            # Nothing was stored (one transaction): say why and keep every field as typed.
            self.error.setText(self.tr("Not saved: {0}").format(error_text(result)))
            self.finished_saving.emit(False)
            return
        self.result_ = result
        self.saved.emit(result)
        self.finished_saving.emit(True)
        self.accept()

    def reject(self) -> None:
        if not self.saving:  # a save under way finishes and is reported first
            super().reject()
