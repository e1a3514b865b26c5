"""LazyPage: a tab page whose view is built the first time it is shown or asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldapp.ui.scrolling import PageScroller


class LazyPage(QWidget):
    """Holds the place of a view in a QTabWidget; ``view()`` builds it once, on demand.

    Views the surveyor rarely opens at start (planning: a second map, the planner) cost
    start-up time for nothing; the page builds its view when its tab is first shown (on the
    next turn of the event loop), or when code asks for it (``view()``), whichever comes first.
    """

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._view: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # A view taller or wider than a small screen (1024x600) scrolls inside its tab
        # instead of forcing the whole window larger than the screen.
        self.scroller = PageScroller(self)
        layout.addWidget(self.scroller)

    @property
    def built(self) -> bool:
        return self._view is not None

    def view(self) -> QWidget:
        if self._view is None:
            self._view = self._factory()
            self.scroller.setWidget(self._view)
        return self._view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Not here and now: QTabWidget.clear() (closing a job) shows each page in turn as the
        # tabs before it go; only a page still shown once the loop turns gets its view.
        QTimer.singleShot(0, self, self._build_if_shown)
        super().showEvent(event)

    def _build_if_shown(self) -> None:
        if self.isVisible():
            self.view()
