"""Documenting a marker: its header and picker, five photo slots, witnesses, description.

Every button writes through the store and the view re-reads the marker afterwards. Nothing
is deleted or overwritten: a retake, a move or a correction withdraws the old record with
the surveyor's reason and adds the new one, so the job's history says what happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.installation import withdraw
from fieldapp.store.photos import PhotoError, import_photo, reassign_photo, replace_photo
from fieldapp.store.reinstallations import open_reinstallation_of, working_installation
from fieldapp.survey.installation import MarkerInstallation, PhotoDirection
from fieldapp.survey.models import MarkerStatus
from fieldapp.ui import texts
from fieldapp.ui.app import text_style
from fieldapp.ui.camera_dialog import CameraDialog
from fieldapp.ui.design_height_page import DesignHeightPage
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.errors import error_text
from fieldapp.ui.installation_pages import DescriptionPage, WitnessPage
from fieldapp.ui.photo_slots import PhotoSlot
from fieldapp.ui.record_dialogs import MoveDialog, ReasonDialog, confirm
from fieldapp.ui.session import JobSession
from fieldapp.ui.thumbnails import ThumbnailCache

IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff"


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class InstallationView(QWidget):
    """The Pemasangan tab: which marker, then its photos, witnesses and description."""

    def __init__(
        self, session: JobSession, adapter: DeviceAdapter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.inst: MarkerInstallation | None = None
        self.confirmed: set[str] = set()  # unstaked markers the surveyor chose to document
        self.thumbs = ThumbnailCache(self)

        # -- header: a picker of its own (name and status), beside the page tabs -----------
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(14)
        self.warning = QLabel()
        self.picker_label = QLabel()
        header = QWidget()
        hl = QHBoxLayout(header)
        hl.setContentsMargins(8, 0, 0, 0)
        hl.addWidget(self.picker_label)
        hl.addWidget(self.picker)
        hl.addWidget(self.warning)

        # -- photos: five slots ------------------------------------------------------------
        self.slots: dict[PhotoDirection, PhotoSlot] = {}
        photos = QWidget()
        row = QHBoxLayout(photos)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for d in PhotoDirection:
            slot = PhotoSlot(d)
            self.slots[d] = slot
            row.addWidget(slot, 1)
            slot.file_clicked.connect(self._slot_file)
            slot.camera_clicked.connect(self._slot_camera)
            slot.move_clicked.connect(self._slot_move)
            slot.withdraw_clicked.connect(self._slot_withdraw)
        self.camera_btn = self.slots[PhotoDirection.UTARA].camera_btn

        self.witnesses = WitnessPage(session, self._may_document)
        self.witness_list = self.witnesses.list
        self.description = DescriptionPage(session, adapter, self._may_document)
        self.fields = self.description.fields
        self.save_desc = self.description.save_btn
        self.checklist = self.description.checklist
        self.heights = DesignHeightPage(session)

        self.pages = QTabWidget()
        self.pages.addTab(scrolled(photos), "")
        self.pages.addTab(scrolled(self.witnesses), "")
        self.pages.addTab(scrolled(self.description), "")
        self.pages.addTab(scrolled(self.heights), "")
        self.retranslate()
        # The picker sits in the tab bar's corner: at 1024x600 every row of height counts.
        self.pages.setCornerWidget(header, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages, 1)

        self.picker.activated.connect(self._picked)
        self.thumbs.ready.connect(self._thumbnail_ready)
        session.marker_selected.connect(lambda _n: self.refresh())
        session.layers_changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        self.picker_label.setText(self.tr("Marker"))
        self.picker.setToolTip(self.tr("Marker to document"))
        for i, text in enumerate((self.tr("Photos"), self.tr("Witnesses"), self.tr("Description"),
                                  self.tr("Heights"))):  # fmt: skip
            self.pages.setTabText(i, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh(keep_typed=True)  # picker, slots, lists and checklist reworded
        super().changeEvent(event)

    # -- reading ---------------------------------------------------------------------
    def _fill_picker(self) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for m in self.session.layers.markers:
            self.picker.addItem(f"{m.name} – {texts.marker_status(m.status)}", m.name)
        self.picker.setCurrentIndex(max(0, self.picker.findData(self.session.selected)))
        self.picker.blockSignals(False)

    def _picked(self, index: int) -> None:
        name = self.picker.itemData(index)
        if name:
            self.session.select(str(name))

    def refresh(self, keep_typed: bool = False) -> None:
        """Re-read the marker; ``keep_typed`` leaves unsaved description text alone."""
        self._fill_picker()
        name = self.session.selected
        # A marker being reinstalled shows the reinstallation's records, where new ones go.
        self.inst = working_installation(self.session.store.db, name) if name else None
        inst = self.inst
        self.warning.setText("⚠ " + self.tr("Not staked yet") if self.unstaked else "")
        self.warning.setStyleSheet(text_style("warn"))
        self.warning.setToolTip(
            self.tr("Not staked yet: stake it out before documenting.") if self.unstaked else ""
        )
        if name and open_reinstallation_of(self.session.store.db, name) is not None and inst:
            # Its records go to the reinstallation; the original installation stays as it was.
            again = self.tr("Reinstallation: {0}").format(texts.marker_status(inst.status))
            self.warning.setText(f"{self.warning.text()}  ↻ {again}".strip())
        for d, slot in self.slots.items():
            active = (
                [p for p in inst.photos if p.direction is d and p.withdrawn is None] if inst else []
            )
            slot.show_photo(active[-1] if active else None, len(active) - 1 if active else 0)
            if slot.photo is not None:
                path = self.session.store.photos_dir / slot.photo.file_name
                pixmap = self.thumbs.request(slot.photo.sha256, path)
                if pixmap is not None or self.thumbs.cached(slot.photo.sha256):
                    slot.show_thumbnail(pixmap)
        self.witnesses.show_installation(inst)
        self.description.show_installation(inst, fill_fields=not keep_typed)
        self.heights.show_installation(inst)

    def _thumbnail_ready(self, key: str, pixmap: QPixmap | None) -> None:
        for slot in self.slots.values():
            if slot.photo is not None and slot.photo.sha256 == key:
                slot.show_thumbnail(pixmap)

    @property
    def unstaked(self) -> bool:
        """The marker has no active stake: documenting it would describe a monument not set."""
        inst = self.inst
        if inst is None:
            return False
        active = [s for s in inst.stakes if s.withdrawn is None]
        return not active and inst.status is MarkerStatus.PLANNED

    def _may_document(self) -> bool:
        """True to go on; asks once per marker when it has no stake yet."""
        name = self.session.selected
        if not name:
            self.session.message.emit(self.tr("Choose a marker first."))
            return False
        if not self.unstaked or name in self.confirmed:
            return True
        if confirm(
            self,
            self.tr("Marker not staked"),
            self.tr(
                "Marker {0} has no stake yet (status: planned). Photos, witnesses and a"
                " description should describe a marker that has been set. Document it anyway?"
            ).format(name),
            self.tr("Document anyway"),
            self.tr("Cancel"),
        ):
            self.confirmed.add(name)
            return True
        return False

    # -- photos ------------------------------------------------------------------------
    def add_photos(self, paths: Sequence[Path], direction: str) -> int:
        """Import photos for the selected marker; a bad file gives a message, not a traceback."""
        name = self.session.selected
        if not name:
            return 0
        added = 0
        refused: list[str] = []
        for path in paths:
            try:
                import_photo(self.session.store, name, path, direction)
                added += 1
            except (PhotoError, OSError, ValueError) as exc:
                refused.append(error_text(exc))  # a busy job or a full disk in Indonesian too
        # One message for the whole batch: a later "saved" must not hide the refusals.
        if refused:
            text = self.tr("Photo not added: {0}").format("; ".join(refused))
            if added:
                text = self.tr("{0} photo(s) saved.").format(added) + " " + text
            self.session.message.emit(text)
        elif added:
            self.session.message.emit(self.tr("{0} photo(s) saved.").format(added))
        if added:
            self.session.reload()
        return added

    def _ask_reason(self, title: str, intro: str, ok: str, default: str = "") -> str | None:
        dialog = ReasonDialog(title, intro, ok, default, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip() or None

    def _slot_file(self, direction: str) -> None:
        if not self._may_document():
            return
        slot = self.slots[PhotoDirection(direction)]
        reason = None
        if slot.photo is not None:
            reason = self._ask_reason(
                self.tr("Retake photo"),
                self.tr("The current photo is withdrawn and kept in the job's history."),
                self.tr("Choose the new photo"),
                self.tr("retaken"),
            )
            if reason is None:
                return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images ({0})").format(IMAGE_FILTER)
        )
        if not files:
            return
        if slot.photo is None or reason is None:
            self.add_photos([Path(f) for f in files], direction)
        else:
            self.replace_photo(slot.photo.id, Path(files[0]), reason)

    def replace_photo(self, photo_id: int, path: Path, reason: str) -> bool:
        """A retake from a file: the new photo in, the old one withdrawn, in one transaction."""
        try:
            replace_photo(self.session.store, photo_id, path, reason)
        except (PhotoError, OSError, ValueError, LookupError) as exc:
            self.session.message.emit(self.tr("Photo not replaced: {0}").format(str(exc)))
            return False
        self.session.message.emit(self.tr("Photo replaced; the earlier one is withdrawn."))
        self.session.reload()
        return True

    def _slot_camera(self, direction: str) -> None:
        if not self._may_document():
            return
        old = self.slots[PhotoDirection(direction)].photo
        reason = None
        if old is not None:
            reason = self._ask_reason(
                self.tr("Retake photo"),
                self.tr("A new capture for this direction withdraws the current photo."),
                self.tr("Open the camera"),
                self.tr("retaken"),
            )
            if reason is None:
                return
        dialog = CameraDialog(self.session, self.adapter, direction, parent=self)
        dialog.exec()
        taken = [s for s in dialog.shots if s.photo.direction.value == direction]
        if old is not None and reason is not None and taken:
            self.withdraw_photo(old.id, reason)

    def withdraw_photo(self, photo_id: int, reason: str) -> bool:
        try:
            withdraw(self.session.store.db, "photo", photo_id, reason)
        except (ValueError, LookupError) as exc:
            self.session.message.emit(str(exc))
            return False
        self.session.message.emit(self.tr("Photo withdrawn: {0}").format(reason))
        self.session.reload()
        return True

    def _slot_withdraw(self, direction: str) -> None:
        photo = self.slots[PhotoDirection(direction)].photo
        if photo is None:
            return
        reason = self._ask_reason(
            self.tr("Withdraw photo"),
            self.tr("Photo {0} ({1}) is marked withdrawn; the file stays in the job.").format(
                texts.photo_direction(photo.direction), photo.original_name
            ),
            self.tr("Withdraw"),
        )
        if reason is not None:
            self.withdraw_photo(photo.id, reason)

    def _slot_move(self, direction: str) -> None:
        photo = self.slots[PhotoDirection(direction)].photo
        name = self.session.selected
        if photo is None or not name:
            return
        names = [m.name for m in self.session.layers.markers]
        dialog = MoveDialog(names, name, photo.direction, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.move_photo(
            photo.id, dialog.marker.currentText(), str(dialog.direction.currentData()),
            dialog.reason.text(),
        )  # fmt: skip

    def move_photo(self, photo_id: int, marker: str, direction: str, reason: str) -> bool:
        """Reassign to another direction or marker: withdrawn here, the same file added there."""
        try:
            new = reassign_photo(self.session.store, photo_id, marker, direction, reason)
        except (PhotoError, OSError, ValueError, LookupError) as exc:
            self.session.message.emit(self.tr("Photo not moved: {0}").format(str(exc)))
            return False
        self.session.message.emit(
            self.tr("Photo moved to marker {0}, {1}.").format(
                marker, texts.photo_direction(new.direction)
            )
        )
        self.session.reload()
        return True

    def open_camera(self) -> None:
        self._slot_camera(PhotoDirection.UTARA.value)
