"""Kontrol dialogs: add a static session (point, role, antenna heights, files); accept reason."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import parse_metres
from fieldapp.store.gnss_sessions import HEIGHT_TOLERANCE_M
from fieldapp.ui.app import text_style
from fieldapp.ui.numbers import fixed


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """What the surveyor typed: turned into the store's session draft by the view."""

    point: str
    kind: str  # "BM", "TITIK_BANTU", "JKHN"
    role: str  # "base", "rover", "reference"
    height_before_m: float
    height_after_m: float
    height_method: str  # "vertical", "slant"
    height_reference: str  # "ARP", ...
    antenna_model: str
    receiver_model: str
    receiver_serial: str
    files: tuple[Path, ...]
    note: str = ""
    antenna_radius_m: float | None = None  # to turn a slant height into a vertical one


class AddSessionDialog(QDialog):
    """One static session: where, which role, the antenna heights and how, the files."""

    def __init__(
        self,
        points: list[str],
        files: list[Path] | None = None,
        parent: QWidget | None = None,
        start_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add observation session"))
        self.start_folder = start_folder
        self.point = QComboBox()
        self.point.setEditable(True)  # a new BM may not be in the job yet
        self.point.addItems(points)
        self.kind = QComboBox()
        for text, value in (
            (self.tr("BM"), "BM"),
            (self.tr("Auxiliary point (Titik Bantu)"), "TITIK_BANTU"),
            (self.tr("JKHN / CORS station"), "JKHN"),
        ):
            self.kind.addItem(text, value)
        self.role = QComboBox()
        for text, value in (
            (self.tr("rover"), "rover"),
            (self.tr("base"), "base"),
            (self.tr("reference"), "reference"),
        ):
            self.role.addItem(text, value)
        self.before = QLineEdit()
        self.after = QLineEdit()
        for edit in (self.before, self.after):
            edit.setPlaceholderText(self.tr("metres, e.g. {0}").format(fixed(1.5, 3)))
            edit.textChanged.connect(self._check_heights)
        self.method = QComboBox()
        self.method.addItem(self.tr("vertical"), "vertical")
        self.method.addItem(self.tr("slant"), "slant")
        # A slant height is measured to the antenna's edge: its radius makes it vertical.
        self.radius = QLineEdit()
        self.radius.setPlaceholderText(self.tr("antenna radius for a slant height, m"))
        self.radius.setEnabled(False)
        self.method.currentIndexChanged.connect(
            lambda: self.radius.setEnabled(self.method.currentData() == "slant")
        )
        self.reference = QComboBox()
        self.reference.setEditable(True)
        self.reference.addItems(["ARP", self.tr("bottom of mount")])
        self.antenna = QLineEdit()
        self.receiver = QLineEdit()
        self.serial = QLineEdit()
        self.note = QLineEdit()
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(90)
        pick = QPushButton(self.tr("Add files…"))
        pick.clicked.connect(self._pick_files)
        self.height_warning = QLabel()
        self.height_warning.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style("bad"))
        heights = QHBoxLayout()
        heights.addWidget(self.before)
        heights.addWidget(QLabel("/"))
        heights.addWidget(self.after)
        # Two columns: the whole dialog fits a 1024x600 tablet without scrolling.
        where = QFormLayout()
        where.addRow(self.tr("Point"), self.point)
        where.addRow(self.tr("Kind"), self.kind)
        where.addRow(self.tr("Role"), self.role)
        where.addRow(self.tr("Antenna height before / after"), heights)
        where.addRow(self.height_warning)
        where.addRow(self.tr("Measured"), self.method)
        where.addRow(self.tr("Antenna radius"), self.radius)
        where.addRow(self.tr("Measured to"), self.reference)
        what = QFormLayout()
        what.addRow(self.tr("Antenna"), self.antenna)
        what.addRow(self.tr("Receiver"), self.receiver)
        what.addRow(self.tr("Serial number"), self.serial)
        what.addRow(self.tr("Note"), self.note)
        what.addRow(self.tr("Raw / RINEX files"), self.file_list)
        what.addRow("", pick)
        form = QHBoxLayout()
        form.addLayout(where, 1)
        form.addSpacing(16)
        form.addLayout(what, 1)
        self.setMinimumWidth(900)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.files: list[Path] = []
        for f in files or []:
            self.add_file(f)
        self.entry: SessionEntry | None = None

    def add_file(self, path: Path) -> None:
        if path not in self.files:
            self.files.append(path)
            self.file_list.addItem(path.name)
            self.file_list.item(self.file_list.count() - 1).setToolTip(str(path))

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Raw (UBX, RTCM 3) or RINEX files"),
            str(self.start_folder or ""),
        )
        for name in names:
            self.add_file(Path(name))

    def _heights(self) -> tuple[float, float]:
        return parse_metres(self.before.text()), parse_metres(self.after.text())

    def _check_heights(self) -> None:
        try:
            before, after = self._heights()
        except ValueError:
            self.height_warning.setText("")
            return
        diff = abs(after - before)
        if round(diff, 4) > HEIGHT_TOLERANCE_M:  # as the store judges it (0.1 mm)
            self.height_warning.setText(
                self.tr("⚠ Before and after differ by {0} mm (more than 5 mm): measure again")
                .format(fixed(diff * 1000, 1))
            )  # fmt: skip
            self.height_warning.setStyleSheet(text_style("warn"))
        else:
            self.height_warning.setText("")

    def _try_accept(self) -> None:
        point = self.point.currentText().strip()
        if not point:
            self.error.setText(self.tr("Name the point."))
            return
        try:
            before, after = self._heights()
        except ValueError:
            self.error.setText(
                self.tr("Antenna heights: type metres, e.g. {0}").format(fixed(1.5, 3))
            )
            return
        if not (0.0 <= before < 10.0 and 0.0 <= after < 10.0):
            self.error.setText(self.tr("Antenna heights must be between 0 and 10 m."))
            return
        radius = None
        if self.method.currentData() == "slant":
            try:
                radius = parse_metres(self.radius.text())
            except ValueError:
                radius = None
            if radius is None or not 0 < radius < min(before, after):
                self.error.setText(
                    self.tr("A slant height needs the antenna radius (metres, under the height).")
                )
                return
        if not self.files:
            self.error.setText(self.tr("Add the session's raw or RINEX files."))
            return
        self.entry = SessionEntry(
            point=point,
            kind=str(self.kind.currentData()),
            role=str(self.role.currentData()),
            height_before_m=before,
            height_after_m=after,
            height_method=str(self.method.currentData()),
            height_reference=self.reference.currentText().strip() or "ARP",
            antenna_model=self.antenna.text().strip(),
            receiver_model=self.receiver.text().strip(),
            receiver_serial=self.serial.text().strip(),
            files=tuple(self.files),
            note=self.note.text().strip(),
            antenna_radius_m=radius,
        )
        self.accept()


class ReasonDialog(QDialog):
    """Accepting a baseline that fails a rule needs a written reason (it is recorded)."""

    def __init__(self, failed: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept a baseline that fails a rule"))
        intro = QLabel(
            self.tr("This baseline does not meet these rules:") + "\n• " + "\n• ".join(failed)
        )
        intro.setWordWrap(True)
        self.setMinimumWidth(520)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Why it is accepted anyway (recorded with it)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.text.toPlainText().strip()
