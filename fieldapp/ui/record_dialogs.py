"""Small dialogs for changing records honestly: a reason to withdraw, a move, a witness edit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.survey.installation import PhotoDirection, WitnessCategory
from fieldapp.ui import texts


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A question with our own button words, the safe answer as the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


class _Dialog(QDialog):
    """A form with OK/Cancel whose OK stays off until a reason is typed."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.reason = QLineEdit()
        # Not self.tr: PySide would look these up under the subclass's name.
        self.reason.setPlaceholderText(
            QCoreApplication.translate("RecordDialogs", "Why? (kept in the job's history)")
        )
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(
            QCoreApplication.translate("RecordDialogs", "Cancel"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        cancel.setDefault(False)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda _t: self._check())

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()))

    def finish_form(self) -> None:
        self.form.addRow(QCoreApplication.translate("RecordDialogs", "Reason"), self.reason)
        self._check()
        self.reason.setFocus()


class ReasonDialog(_Dialog):
    """Withdraw (or replace) a record: the reason is required and stored with it."""

    def __init__(
        self, title: str, intro: str, ok_text: str, default: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.intro.setText(intro)
        self.reason.setText(default)
        self.finish_form()


class MoveDialog(_Dialog):
    """Move a photo to another direction, or to the marker it was really taken for."""

    def __init__(
        self,
        markers: Sequence[str],
        marker: str,
        direction: PhotoDirection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Move photo"), self.tr("Move"), parent)
        self.intro.setText(
            self.tr("Photo {0} of marker {1}. The same file is recorded where it belongs.").format(
                texts.photo_direction(direction), marker
            )
        )
        self.marker = QComboBox()
        self.marker.addItems(list(markers))
        self.marker.setCurrentIndex(max(0, self.marker.findText(marker)))
        self.direction = QComboBox()
        for d in PhotoDirection:
            self.direction.addItem(texts.photo_direction(d), d.value)
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction.value)))
        self.form.addRow(self.tr("To marker"), self.marker)
        self.form.addRow(self.tr("Direction"), self.direction)
        self.finish_form()


class WitnessDialog(_Dialog):
    """Correct a witness: the old record is withdrawn with the reason, the corrected one added."""

    def __init__(
        self, name: str, institution: str, category: WitnessCategory, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Edit witness"), self.tr("Save"), parent)
        self.intro.setText(self.tr("The earlier entry is kept in the history, marked withdrawn."))
        self.name = QLineEdit(name)
        self.institution = QLineEdit(institution)
        self.category = QComboBox()
        for c in WitnessCategory:
            self.category.addItem(texts.witness_category(c), c.value)
        self.category.setCurrentIndex(max(0, self.category.findData(category.value)))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Institution"), self.institution)
        self.form.addRow(self.tr("Category"), self.category)
        self.finish_form()
