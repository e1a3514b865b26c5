"""JobSession: the open job as a Qt model (store, map layers, selected marker) for the views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.fieldwork import MapLayers, load_map_layers
from fieldapp.store import JobStore
from fieldapp.survey.height_cache import HeightCache


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
        self._heights: HeightCache | None = None
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
        self._heights = None  # the job's geoid may have been changed meanwhile (`crs geoid`)
        if self.selected and self.layers.marker(self.selected) is None:
            self.selected = self.layers.markers[0].name if self.layers.markers else None
        self.layers_changed.emit()

    @property
    def heights(self) -> HeightCache | None:
        """H beside h through the job's geoid, N cached per place; None if its grid is gone."""
        if self._heights is None:
            from fieldapp.store.job_geoid import job_geoid
            from fieldapp.survey.geoid import GeoidError

            try:
                self._heights = HeightCache(job_geoid(self.store))
            except GeoidError:
                return None
        return self._heights

    def select(self, name: str) -> None:
        if self.layers.marker(name) is None or name == self.selected:
            return
        self.selected = name
        self.marker_selected.emit(name)

    def close(self) -> None:
        self.closed = True
        self.store.close()
