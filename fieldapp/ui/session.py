"""JobSession: the open job as a Qt model (store, map layers, selected marker) for the views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.fieldwork import MapLayers, load_map_layers
from fieldapp.store import JobStore


class JobSession(QObject):
    """Views are built from a session; they listen to its signals and call core functions."""

    layers_changed = Signal()
    marker_selected = Signal(str)
    message = Signal(str)  # for the status bar

    def __init__(self, store: JobStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.closed = False  # work started for this job (a plan) checks it before it shows
        self.layers: MapLayers = load_map_layers(store)
        self.selected: str | None = self.layers.markers[0].name if self.layers.markers else None

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def has_neighbors(self) -> bool:
        return bool(self.layers.neighbors)

    def reload(self) -> None:
        """Read the job again after a change (marker status, plan) and tell the views."""
        self.layers = load_map_layers(self.store)
        if self.selected and self.layers.marker(self.selected) is None:
            self.selected = self.layers.markers[0].name if self.layers.markers else None
        self.layers_changed.emit()

    def select(self, name: str) -> None:
        if self.layers.marker(name) is None or name == self.selected:
            return
        self.selected = name
        self.marker_selected.emit(name)

    def close(self) -> None:
        self.closed = True
        self.store.close()
