"""The layer control: the job's background maps listed top first, shown, faded, ordered, added.

Every change goes to the job at once (store/backgrounds.py) and the map is redrawn from what
the job then holds. A read-only job shows its backgrounds with every control disabled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from fieldapp.basemap.source import BackgroundError
from fieldapp.store import JobStore
from fieldapp.store.backgrounds import (
    JobBackground,
    JobBackgroundError,
    add_background,
    load_backgrounds,
    remove_background,
    set_background,
)
from fieldapp.ui.errors import error_text
from fieldapp.ui.map_view import MapView

FILE_PATTERNS = "*.mbtiles *.gpkg *.pmtiles *.tif *.tiff"
# One literal each, as lupdate reads them, in the BackgroundPanel context.
# fmt: off
NO_BACKGROUND = QT_TRANSLATE_NOOP("BackgroundPanel", "No background map yet: add an MBTiles, GeoPackage, PMTiles or GeoTIFF file.")  # noqa: E501
COPY_OR_LINK = QT_TRANSLATE_NOOP("BackgroundPanel", "Copy the file into the job folder? A copy travels with the job; a link keeps one file for several jobs but must stay where it is.")  # noqa: E501
# fmt: on


class BackgroundPanel(QDialog):
    """Backgrounds of one job; ``changed`` after each stored change (the map redraws)."""

    changed = Signal()

    def __init__(self, store: JobStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Background maps"))
        self.list = QListWidget()
        self.list.setMinimumWidth(320)
        self.setMaximumWidth(480)
        self.list.setMaximumHeight(200)  # a compact window: the map stays in sight beside it
        self.list.currentRowChanged.connect(self._selected)
        self.list.itemChanged.connect(self._checked)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setMinimumHeight(40)
        self.opacity.valueChanged.connect(self._opacity_moved)
        self.opacity.sliderReleased.connect(self._opacity_released)
        self.opacity_text = QLabel()
        self.up_btn = QPushButton(self.tr("Move up"))
        self.down_btn = QPushButton(self.tr("Move down"))
        self.add_btn = QPushButton(self.tr("Add…"))
        self.remove_btn = QPushButton(self.tr("Remove…"))
        self.up_btn.clicked.connect(lambda: self.shift(+1))
        self.down_btn.clicked.connect(lambda: self.shift(-1))
        self.add_btn.clicked.connect(self.choose_file)
        self.remove_btn.clicked.connect(self.confirm_remove)
        self.note = QLabel()
        self.note.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Opacity")), 0, 0)
        grid.addWidget(self.opacity, 0, 1)
        grid.addWidget(self.opacity_text, 0, 2)
        buttons = QHBoxLayout()
        for b in (self.up_btn, self.down_btn, self.add_btn, self.remove_btn):
            b.setMinimumHeight(44)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Top of the list is drawn on top; tick to show."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self._rows: list[JobBackground] = []
        self.reload()

    # -- what is shown ---------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """The list from the job (top of the stack first), the selection kept by id."""
        keep = select if select is not None else getattr(self.current(), "id", None)
        self._rows = list(reversed(load_backgrounds(self.store)))
        self.list.blockSignals(True)
        self.list.clear()
        for bg in self._rows:
            text = bg.name if not bg.missing else self.tr("{0} (file not found)").format(bg.name)
            item = QListWidgetItem(text)
            item.setToolTip(str(bg.path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if bg.visible else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = [i for i, bg in enumerate(self._rows) if bg.id == keep]
        self.list.setCurrentRow(rows[0] if rows else (0 if self._rows else -1))
        self.list.blockSignals(False)
        self._selected(self.list.currentRow())
        if not self._rows:
            self.note.setText(self.tr(str(NO_BACKGROUND)))
        elif self.store.read_only:
            self.note.setText(self.tr("The job is read-only: backgrounds cannot be changed."))
        else:
            self.note.setText("")

    def current(self) -> JobBackground | None:
        row = self.list.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @Slot(int)
    def _selected(self, row: int) -> None:
        bg = self.current()
        writable = not self.store.read_only
        self.opacity.blockSignals(True)
        self.opacity.setValue(round(100 * bg.opacity) if bg else 100)
        self.opacity.blockSignals(False)
        self.opacity_text.setText(f"{self.opacity.value()} %")
        self.list.setEnabled(writable or bool(self._rows))
        for w in (self.opacity, self.remove_btn):
            w.setEnabled(writable and bg is not None)
        self.up_btn.setEnabled(writable and bg is not None and row > 0)
        self.down_btn.setEnabled(writable and bg is not None and row < len(self._rows) - 1)
        self.add_btn.setEnabled(writable)
        for i in range(self.list.count()):
            item = self.list.item(i)
            flags = item.flags()
            if writable:
                item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)

    # -- changes ---------------------------------------------------------------------------
    def _store(self, ident: int, **change: object) -> None:
        try:
            set_background(self.store, ident, **change)  # type: ignore[arg-type]
        except (JobBackgroundError, OSError) as exc:
            self._warn(exc)
        self.reload(select=ident)
        self.changed.emit()

    @Slot(QListWidgetItem)
    def _checked(self, item: QListWidgetItem) -> None:
        bg = self._rows[self.list.row(item)]
        visible = item.checkState() == Qt.CheckState.Checked
        if visible != bg.visible:
            self._store(bg.id, visible=visible)

    @Slot(int)
    def _opacity_moved(self, value: int) -> None:
        self.opacity_text.setText(f"{value} %")
        if not self.opacity.isSliderDown():  # keys, a click on the groove: each step stored
            self._opacity_released()

    @Slot()
    def _opacity_released(self) -> None:
        bg = self.current()
        if bg is not None and round(100 * bg.opacity) != self.opacity.value():
            self._store(bg.id, opacity=self.opacity.value() / 100)

    def shift(self, up: int) -> None:
        """One place up (+1, drawn over the next) or down (-1) in the stack."""
        bg = self.current()
        if bg is None:
            return
        bottom_first = [b.id for b in reversed(self._rows)]
        place = bottom_first.index(bg.id) + up
        if 0 <= place < len(bottom_first):
            self._store(bg.id, position=place)

    def add_file(self, path: Path, copy: bool) -> bool:
        """Add ``path`` on top of the stack (copied into the job or referenced)."""
        try:
            added = add_background(self.store, path, copy=copy)
        except (BackgroundError, JobBackgroundError, OSError) as exc:
            self._warn(exc)
            return False
        self.reload(select=added.id)
        self.changed.emit()
        return True

    def remove_current(self) -> None:
        bg = self.current()
        if bg is None:
            return
        try:
            remove_background(self.store, bg.id)
        except (JobBackgroundError, OSError) as exc:
            self._warn(exc)
        self.reload()
        self.changed.emit()

    @Slot()
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a background map"), "",
            self.tr("Background maps ({0})").format(FILE_PATTERNS),
        )  # fmt: skip
        if not name:
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Add a background map"))
        box.setText(self.tr(str(COPY_OR_LINK)))
        copy = box.addButton(self.tr("Copy into the job"), QMessageBox.ButtonRole.YesRole)
        link = box.addButton(self.tr("Link to the file"), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (copy, link):
            self.add_file(Path(name), copy=box.clickedButton() is copy)

    @Slot()
    def confirm_remove(self) -> None:
        bg = self.current()
        if bg is None:
            return
        text = self.tr("Remove the background {0} from the job?").format(bg.name)
        if bg.copied:
            text += " " + self.tr("Its copy in the job folder is deleted.")
        answer = QMessageBox.question(self, self.tr("Remove background"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_current()

    def _warn(self, exc: Exception) -> None:
        self.note.setText(error_text(exc))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Background maps"), error_text(exc),
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # never blocks: the list already says what happened


class MapBackgrounds(QObject):
    """Ties a job to its map: the backgrounds drawn, the button opening the layer control."""

    told = Signal(str)  # a background that cannot be drawn, in the window's words

    def __init__(self, map_view: MapView, store: JobStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.map, self.store, self._parent = map_view, store, parent
        self.panel: BackgroundPanel | None = None
        self._closed = False
        map_view.background_message.connect(self._told)
        map_view.layers_btn.clicked.connect(self.show_panel)
        map_view.layers_btn.show()
        # After the first paint: the window comes up as fast as without a background.
        QTimer.singleShot(0, self, self.redraw)

    @Slot()
    def redraw(self) -> None:
        if not self._closed:
            self.map.set_backgrounds(load_backgrounds(self.store))

    def close(self) -> None:
        """The job is closing: the tile workers stop before its files close; nothing redraws."""
        self._closed = True
        if self.panel is not None:
            self.panel.close()
        self.map.backgrounds.close()
        self.deleteLater()

    @Slot(str)
    def _told(self, text: str) -> None:
        self.told.emit(self.tr("Background map not shown: {0}").format(error_text(text)))

    @Slot()
    def show_panel(self) -> None:
        if self.panel is None:
            self.panel = BackgroundPanel(self.store, self._parent)
            self.panel.changed.connect(self.redraw)
            # Over the window's right side (the side panel), not over the map it changes.
            self.panel.adjustSize()
            frame = self._parent.window().frameGeometry()
            self.panel.move(max(frame.left(), frame.right() - self.panel.width() - 16),
                            frame.top() + 120)  # fmt: skip
        self.panel.reload()
        self.panel.show()
        self.panel.raise_()
