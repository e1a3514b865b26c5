"""The base of an occupation: one of the job's control points, or a name typed (a mountpoint)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from fieldapp.reports.base_words import point_label
from fieldapp.store.base_point import AmbiguousBase, find_base_point
from fieldapp.store.database import JobDatabase
from fieldapp.survey.models import ControlKind
from fieldapp.ui.numbers import fixed


class BaseChoice(QWidget):
    """An editable list of the job's control points; what the typed name is, said below it.

    The occupation writer matches the text to the job's control the same way (the store's
    ``find_base_point``), so what is said here is what is recorded.
    """

    def __init__(self, db: JobDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(10)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.meaning)
        self.combo.editTextChanged.connect(lambda _t: self.explain())
        self.reload()

    def text(self) -> str | None:
        return " ".join(self.combo.currentText().split()) or None

    def reload(self) -> None:
        """The job's control points as choices (after an accepted baseline, a new point)."""
        typed = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        for name, kind in self.db.execute("SELECT name, kind FROM control_point ORDER BY id"):
            self.combo.addItem(point_label(str(name), ControlKind(kind)), name)
        self.combo.setEditText(typed)
        self.combo.blockSignals(False)
        self.explain()

    def explain(self) -> None:
        typed = self.text()
        self.combo.setToolTip(
            self.tr("A control point of the job (BM, Titik Bantu, JKHN) or an NTRIP mountpoint")
        )
        if typed is None:
            self.meaning.setText(self.tr("No base named: the NTRIP mountpoint is recorded"))
            return
        try:
            name = find_base_point(self.db, typed)
        except AmbiguousBase:
            self.meaning.setText(self.tr("{0} fits more than one control point").format(typed))
            return
        if name is None:
            self.meaning.setText(self.tr("{0}: not a control point of the job").format(typed))
            return
        row = self.db.execute(
            "SELECT kind, baseline_id, sigma_h FROM control_point WHERE name = ?", [name]
        ).fetchone()
        label = point_label(name, ControlKind(row[0]))
        if row[1] is not None:
            origin = self.tr("from static baseline #{0}").format(row[1])
        else:
            origin = self.tr("imported coordinate")
        sigma = "" if row[2] is None else f", σH {fixed(row[2] * 1000, 1)} mm"
        self.meaning.setText(
            self.tr("Job control point {0} ({1}): its coordinate now is recorded").format(
                label, origin + sigma
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.explain()
        super().changeEvent(event)
