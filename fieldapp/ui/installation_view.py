"""Installation capture: description, photos, witnesses, reference marker, checklist."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import berita_acara_checklist, known_witnesses
from fieldapp.store.installation import add_witness, load_installation, record_reference
from fieldapp.store.installation import set_description as store_description
from fieldapp.store.photos import PhotoError, import_photo
from fieldapp.survey.installation import Description, PhotoDirection, WitnessCategory
from fieldapp.survey.local import Position
from fieldapp.ui import texts
from fieldapp.ui.camera_dialog import CameraButton, CameraDialog
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.session import JobSession

FIELDS = ("desa", "kecamatan", "kabupaten", "provinsi", "access", "condition", "notes")


class InstallationView(QWidget):
    """Every button writes through the store; the view re-reads the marker afterwards."""

    def __init__(
        self, session: JobSession, adapter: DeviceAdapter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.marker = QLabel()
        self.marker.setProperty("role", "big")

        desc = QGroupBox(self.tr("Description"))
        grid = QGridLayout(desc)
        labels = {
            "desa": self.tr("Village"), "kecamatan": self.tr("District"),
            "kabupaten": self.tr("Regency/city"), "provinsi": self.tr("Province"),
            "access": self.tr("Access"), "condition": self.tr("Condition"),
            "notes": self.tr("Notes"),
        }  # fmt: skip
        self.fields: dict[str, QLineEdit] = {}
        for i, key in enumerate(FIELDS):
            edit = QLineEdit()
            self.fields[key] = edit
            grid.addWidget(QLabel(labels[key]), i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
        self.save_desc = QPushButton(self.tr("Save description"))
        grid.addWidget(self.save_desc, 3, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        photos = QGroupBox(self.tr("Photos"))
        pv = QVBoxLayout(photos)
        row = QHBoxLayout()
        self.direction = QComboBox()
        for d in PhotoDirection:
            self.direction.addItem(texts.photo_direction(d), d.value)
        self.add_photo_btn = QPushButton(self.tr("Add photo files…"))
        self.camera_btn = CameraButton(self.tr("Camera"))  # looks for a camera when shown
        # Direction on its own row: the three side by side squeezed the description fields.
        pv.addWidget(self.direction)
        row.addWidget(self.add_photo_btn, 1)
        row.addWidget(self.camera_btn)
        pv.addLayout(row)
        self.photo_list = QListWidget()
        pv.addWidget(self.photo_list)

        wit = QGroupBox(self.tr("Witnesses"))
        wv = QFormLayout(wit)
        self.known = QComboBox()
        self.known.setPlaceholderText(self.tr("Pick from the list…"))
        self.w_name = QLineEdit()
        self.w_inst = QLineEdit()
        self.w_cat = QComboBox()
        for c in WitnessCategory:
            self.w_cat.addItem(texts.witness_category(c), c.value)
        self.add_witness_btn = QPushButton(self.tr("Add witness"))
        self.witness_list = QListWidget()
        wv.addRow(self.tr("Known"), self.known)
        wv.addRow(self.tr("Name"), self.w_name)
        wv.addRow(self.tr("Institution"), self.w_inst)
        wv.addRow(self.tr("Category"), self.w_cat)
        wv.addRow("", self.add_witness_btn)
        wv.addRow(self.witness_list)

        self.reference_mode = QCheckBox(self.tr("Reference marker (point cannot take a marker)"))
        self.reference_btn = QPushButton(self.tr("Record current position as reference"))
        self.reference_btn.setEnabled(False)
        self.checklist = QLabel()
        self.checklist.setWordWrap(True)
        check = QGroupBox(self.tr("Berita acara checklist"))
        QVBoxLayout(check).addWidget(self.checklist)

        left = QVBoxLayout()
        left.addWidget(self.marker)
        left.addWidget(desc)
        left.addWidget(self.reference_mode)
        left.addWidget(self.reference_btn)
        left.addWidget(check, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(photos, 2)
        layout.addWidget(wit, 2)

        self.save_desc.clicked.connect(self.save_description)
        self.add_photo_btn.clicked.connect(self._pick_photos)
        self.known.activated.connect(self._fill_known)
        self.add_witness_btn.clicked.connect(self._add_witness_from_form)
        self.reference_mode.toggled.connect(self.reference_btn.setEnabled)
        self.camera_btn.clicked.connect(self.open_camera)
        self.reference_btn.clicked.connect(self.record_reference)
        session.marker_selected.connect(lambda _n: self.refresh())
        session.layers_changed.connect(self.refresh)
        self.refresh()

    # -- reading ---------------------------------------------------------------------
    def refresh(self) -> None:
        name = self.session.selected
        self.marker.setText(name or self.tr("(no marker)"))
        self.photo_list.clear()
        self.witness_list.clear()
        self.known.clear()
        for w in known_witnesses(self.session.store):
            self.known.addItem(f"{w.name} – {w.institution}", (w.name, w.institution, w.category))
        if not name:
            self.checklist.setText("")
            return
        inst = load_installation(self.session.store.db, name)
        d = inst.description
        for key, edit in self.fields.items():
            edit.setText((getattr(d, key) if d else None) or "")
        for p in inst.photos:
            if p.withdrawn is None:
                self.photo_list.addItem(f"{texts.photo_direction(p.direction)}: {p.original_name}")
        for w in inst.witnesses:
            if w.withdrawn is None:
                self.witness_list.addItem(
                    f"{w.name} ({w.institution}) – {texts.witness_category(w.category)}"
                )
        self._show_checklist(inst)

    def _show_checklist(self, inst: object) -> None:
        c = berita_acara_checklist(inst, self.session.has_neighbors)  # type: ignore[arg-type]
        ok, no = "✔", "✘"
        lines = [
            f"{ok if c.has_occupation else no} " + self.tr("Occupation passed"),
            f"{ok if c.has_stake else no} " + self.tr("Staked position recorded"),
            f"{ok if c.described else no} " + self.tr("Description complete"),
        ]
        if c.missing_photos:
            missing = ", ".join(texts.photo_direction(d) for d in c.missing_photos)
            lines.append(f"{no} " + self.tr("Photos missing: {0}").format(missing))
        else:
            lines.append(f"{ok} " + self.tr("All photo directions"))
        if c.missing_witness_categories:
            cats = ", ".join(texts.witness_category(w) for w in c.missing_witness_categories)
            lines.append(f"{no} " + self.tr("Witnesses missing: {0}").format(cats))
        else:
            lines.append(f"{ok} " + self.tr("Witnesses present"))
        self.checklist.setText("\n".join(lines))

    # -- writing ---------------------------------------------------------------------
    def save_description(self) -> None:
        name = self.session.selected
        if not name:
            return
        values = {k: (e.text().strip() or None) for k, e in self.fields.items()}
        store_description(self.session.store.db, name, Description(**values))
        self.session.message.emit(self.tr("Description saved."))
        self.session.reload()

    def _pick_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff)")
        )
        if files:
            self.add_photos([Path(f) for f in files], str(self.direction.currentData()))

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
                refused.append(str(exc))
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

    def open_camera(self) -> None:
        if not self.session.selected:
            self.session.message.emit(self.tr("Choose a marker first."))
            return
        CameraDialog(
            self.session, self.adapter, str(self.direction.currentData()), parent=self
        ).exec()

    def _fill_known(self, index: int) -> None:
        data = self.known.itemData(index)
        if data:
            self.w_name.setText(data[0])
            self.w_inst.setText(data[1])
            self.w_cat.setCurrentIndex(max(0, self.w_cat.findData(WitnessCategory(data[2]).value)))

    def _add_witness_from_form(self) -> None:
        cat = WitnessCategory(str(self.w_cat.currentData()))
        if self.add_witness(self.w_name.text(), self.w_inst.text(), cat):
            self.w_name.clear()
            self.w_inst.clear()

    def add_witness(self, name: str, institution: str, category: WitnessCategory) -> bool:
        marker = self.session.selected
        if not marker:
            return False
        try:
            add_witness(self.session.store.db, marker, name, institution, category)
        except ValueError as exc:
            self.session.message.emit(str(exc))
            return False
        self.session.message.emit(self.tr("Witness saved."))
        self.session.reload()
        return True

    def record_reference(self) -> None:
        fix = self.adapter.latest_fix
        marker = self.session.selected
        if not marker or fix is None or fix.lat is None or fix.lon is None:
            self.session.message.emit(self.tr("No position yet: connect the receiver first."))
            return
        ref = record_reference(
            self.session.store.db, marker, Position(fix.lat, fix.lon, fix.height)
        )
        self.session.message.emit(
            self.tr("Reference marker saved: azimuth {0}°, distance {1} m").format(
                f"{ref.geometry.azimuth_deg:.4f}", f"{ref.geometry.distance_m:.3f}"
            )
        )
