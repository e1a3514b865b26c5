"""Scrolling that never hides anything: pages that scroll only below their minimum size, and
side panels that scroll down but are never cut sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class PageScroller(QScrollArea):
    """Fills the tab with its view; scrolls only when the view's *minimum* does not fit.

    QScrollArea's own resizing asks a layout with word-wrapped labels for its preferred
    height and scrolls when nothing is cut off; here the view takes all the room there is and
    never less than its minimum size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        inner = self.widget()
        if inner is None:
            return
        room = self.maximumViewportSize()
        need = inner.minimumSizeHint().expandedTo(inner.minimumSize())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        w, h = room.width(), room.height()
        if need.height() > h:
            w -= bar
        if need.width() > w:
            h -= bar
            if need.height() > h and w == room.width():
                w -= bar
        inner.resize(max(w, need.width()), max(h, need.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.fit()  # the view's minimum changed (a longer text, a panel shown)
        return False


class SidePanel(QScrollArea):
    """A side panel that scrolls down but is never cut sideways: as wide as its content needs,
    also when the content grows (a longer fix type, a wider number)."""

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(inner)
        inner.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.minimumSizeHint().width() + bar if inner else bar, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the splitter makes room when the content grew
        return False
