"""Pages of the installation view: witnesses (add, edit, withdraw) and description/checklist."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import berita_acara_checklist, known_witnesses
from fieldapp.store.installation import (
    add_witness,
    edit_witness,
    record_reference,
    withdraw,
)
from fieldapp.store.installation import set_description as store_description
from fieldapp.survey.installation import (
    Description,
    MarkerInstallation,
    WitnessCategory,
    WitnessRecord,
)
from fieldapp.survey.local import Position
from fieldapp.ui import texts
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.occupation_panels import number
from fieldapp.ui.record_dialogs import ReasonDialog, WitnessDialog
from fieldapp.ui.session import JobSession

FIELDS = ("desa", "kecamatan", "kabupaten", "provinsi", "access", "condition", "notes")
Gate = Callable[[], bool]  # asks before documenting an unstaked marker; False: do nothing


class WitnessPage(QWidget):
    """The form to add a witness beside the list of the marker's witnesses."""

    def __init__(self, session: JobSession, may_document: Gate, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.may_document = may_document
        self.records: dict[int, WitnessRecord] = {}
        self.known = QComboBox()
        self.w_name = QLineEdit()
        self.w_inst = QLineEdit()
        self.w_cat = QComboBox()
        for c in WitnessCategory:
            self.w_cat.addItem("", c.value)
        self.add_witness_btn = QPushButton()
        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        self.row_labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.row_labels, (self.known, self.w_name, self.w_inst, self.w_cat), strict=True
        ):
            form.addRow(label, field)
        form.addRow("", self.add_witness_btn)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long institutions wrap instead of scrolling sideways
        self.list.setStyleSheet("QListWidget::item { padding: 10px 4px; }")  # rows >= 48 px
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_btn = QPushButton()
        self.withdraw_btn = QPushButton()
        self.history = QLabel()
        self.history.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_btn)
        buttons.addWidget(self.withdraw_btn)
        self.list_box = QGroupBox()
        lv = QVBoxLayout(self.list_box)
        lv.addWidget(self.list, 1)
        lv.addLayout(buttons)
        lv.addWidget(self.history)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, 1)
        layout.addWidget(self.list_box, 1)
        self.retranslate()
        self.known.activated.connect(self._fill_known)
        self.add_witness_btn.clicked.connect(self._add_from_form)
        self.edit_btn.clicked.connect(self._edit_selected)
        self.withdraw_btn.clicked.connect(self._withdraw_selected)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self._enable()

    def retranslate(self) -> None:
        self.known.setPlaceholderText(self.tr("Pick from the list…"))
        for i, c in enumerate(WitnessCategory):
            self.w_cat.setItemText(i, texts.witness_category(c))
        self.add_witness_btn.setText(self.tr("Add witness"))
        self.form_box.setTitle(self.tr("New witness"))
        self.list_box.setTitle(self.tr("Witnesses of this marker"))
        self.edit_btn.setText(self.tr("Edit…"))
        self.withdraw_btn.setText(self.tr("Withdraw…"))
        words = (self.tr("Known"), self.tr("Name"), self.tr("Institution"), self.tr("Category"))
        for label, text in zip(self.row_labels, words, strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the list is refilled by the view's refresh
        super().changeEvent(event)

    def show_installation(self, inst: MarkerInstallation | None) -> None:
        self.list.clear()
        self.known.clear()
        self.records = {}
        for k in known_witnesses(self.session.store):
            self.known.addItem(f"{k.name} – {k.institution}", (k.name, k.institution, k.category))
        withdrawn = 0
        for w in inst.witnesses if inst else ():
            if w.withdrawn is not None:
                withdrawn += 1
                continue
            self.records[w.id] = w
            item = QListWidgetItem(
                f"{w.name} ({w.institution}) – {texts.witness_category(w.category)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, w.id)
            self.list.addItem(item)
        self.history.setText(
            self.tr("{0} withdrawn entries kept in the history.").format(withdrawn)
            if withdrawn
            else ""
        )
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.edit_btn.setEnabled(chosen)
        self.withdraw_btn.setEnabled(chosen)

    def selected(self) -> WitnessRecord | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.records.get(int(item.data(Qt.ItemDataRole.UserRole)))

    def _fill_known(self, index: int) -> None:
        data = self.known.itemData(index)
        if data:
            self.w_name.setText(data[0])
            self.w_inst.setText(data[1])
            self.w_cat.setCurrentIndex(max(0, self.w_cat.findData(WitnessCategory(data[2]).value)))

    def _add_from_form(self) -> None:
        if not self.may_document():
            return
        cat = WitnessCategory(str(self.w_cat.currentData()))
        if self.add(self.w_name.text(), self.w_inst.text(), cat):
            self.w_name.clear()
            self.w_inst.clear()

    def add(self, name: str, institution: str, category: WitnessCategory) -> bool:
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

    def _edit_selected(self) -> None:
        w = self.selected()
        if w is None:
            return
        dialog = WitnessDialog(w.name, w.institution, w.category, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit(
                w.id, dialog.name.text(), dialog.institution.text(),
                WitnessCategory(str(dialog.category.currentData())), dialog.reason.text(),
            )  # fmt: skip

    def edit(
        self, witness_id: int, name: str, institution: str, cat: WitnessCategory, reason: str
    ) -> bool:
        try:
            edit_witness(self.session.store.db, witness_id, name, institution, cat, reason)
        except (ValueError, LookupError) as exc:
            self.session.message.emit(str(exc))
            return False
        self.session.message.emit(self.tr("Witness corrected; the earlier entry is withdrawn."))
        self.session.reload()
        return True

    def _withdraw_selected(self) -> None:
        w = self.selected()
        if w is None:
            return
        dialog = ReasonDialog(
            self.tr("Withdraw witness"),
            self.tr("{0} ({1}) is marked withdrawn and kept in the history.").format(
                w.name, w.institution
            ),
            self.tr("Withdraw"),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.withdraw(w.id, dialog.reason.text())

    def withdraw(self, witness_id: int, reason: str) -> bool:
        try:
            withdraw(self.session.store.db, "witness", witness_id, reason)
        except (ValueError, LookupError) as exc:
            self.session.message.emit(str(exc))
            return False
        self.session.message.emit(self.tr("Witness withdrawn: {0}").format(reason.strip()))
        self.session.reload()
        return True


class DescriptionPage(QWidget):
    """Admin names, access and condition; the reference marker; the berita acara checklist."""

    def __init__(
        self,
        session: JobSession,
        adapter: DeviceAdapter,
        may_document: Gate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.adapter = adapter
        self.may_document = may_document
        self.desc_box = QGroupBox()
        grid = QGridLayout(self.desc_box)
        self.fields: dict[str, QLineEdit] = {}
        self.field_labels: dict[str, QLabel] = {}
        for i, key in enumerate(FIELDS):
            edit = QLineEdit()
            self.fields[key] = edit
            self.field_labels[key] = QLabel()
            grid.addWidget(self.field_labels[key], i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
        self.save_btn = QPushButton()
        grid.addWidget(self.save_btn, 3, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.reference_mode = QCheckBox()
        self.reference_btn = QPushButton()
        self.reference_btn.setEnabled(False)
        self.checklist = QLabel()
        self.checklist.setWordWrap(True)
        self.checklist.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.check_box = check = QGroupBox()
        QVBoxLayout(check).addWidget(self.checklist)
        left = QVBoxLayout()
        left.addWidget(self.desc_box)
        left.addWidget(self.reference_mode)
        left.addWidget(self.reference_btn)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(check, 2)
        self.save_btn.clicked.connect(self.save)
        self.reference_mode.toggled.connect(self.reference_btn.setEnabled)
        self.reference_btn.clicked.connect(self.record_reference)
        self.retranslate()

    def retranslate(self) -> None:
        words = {
            "desa": self.tr("Village"), "kecamatan": self.tr("District"),
            "kabupaten": self.tr("Regency/city"), "provinsi": self.tr("Province"),
            "access": self.tr("Access"), "condition": self.tr("Condition"),
            "notes": self.tr("Notes"),
        }  # fmt: skip
        for key, label in self.field_labels.items():
            label.setText(words[key])
        self.desc_box.setTitle(self.tr("Description"))
        self.save_btn.setText(self.tr("Save description"))
        self.reference_mode.setText(self.tr("Reference marker (point cannot take a marker)"))
        self.reference_btn.setText(self.tr("Record current position as reference"))
        self.check_box.setTitle(self.tr("Berita acara checklist"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the checklist is rewritten by the view's refresh
        super().changeEvent(event)

    def show_installation(self, inst: MarkerInstallation | None, fill_fields: bool = True) -> None:
        if inst is None:
            self.checklist.setText("")
            return
        d = inst.description
        for key, edit in self.fields.items():
            if fill_fields:
                edit.setText((getattr(d, key) if d else None) or "")
        c = berita_acara_checklist(inst, self.session.has_neighbors)
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

    def save(self) -> None:
        name = self.session.selected
        if not name or not self.may_document():
            return
        values = {k: (e.text().strip() or None) for k, e in self.fields.items()}
        store_description(self.session.store.db, name, Description(**values))
        self.session.message.emit(self.tr("Description saved."))
        self.session.reload()

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
                number(ref.geometry.azimuth_deg, 4), number(ref.geometry.distance_m, 3)
            )
        )
