"""The main toolbar: job, receiver, day/night and language; the rarer actions under "More".

Everything fits a 1024 px wide window without Qt's overflow arrow; there is no menu bar, so
no line of a 600 px screen goes to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

# Keys of the actions, in the order they stand on the bar; "new" and "recent" go under "More".
ON_BAR = ("open", "receiver", "connect", "disconnect", "|", "theme", "language")


class MainToolbar(QToolBar):
    """Actions by key (``actions_[key]``); ``retranslate()`` names them in the language now."""

    def __init__(
        self,
        slots: Mapping[str, Callable[[], object]],
        fill_recent: Callable[[QMenu], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setMovable(False)
        self.actions_: dict[str, QAction] = {}
        for key in ON_BAR:
            if key == "|":
                self.addSeparator()
            else:
                self.addAction(self._action(key, slots[key]))
        self.more_menu = QMenu(self)
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(lambda: fill_recent(self.recent_menu))
        self.more_menu.addAction(self._action("new", slots["new"]))
        self.actions_["recent"] = self.more_menu.addMenu(self.recent_menu)
        if "calendar" in slots:
            self.more_menu.addAction(self._action("calendar", slots["calendar"]))
        more = self._action("more", lambda: None)
        more.setMenu(self.more_menu)
        self.addAction(more)
        button = self.widgetForAction(more)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.retranslate()

    def _action(self, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_[key] = action
        return action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Main"))
        names = {
            "open": self.tr("Open job"),
            "new": self.tr("New job"),
            "recent": self.tr("Recent jobs"),
            "receiver": self.tr("Receiver…"),
            "connect": self.tr("Connect"),
            "disconnect": self.tr("Disconnect"),
            "language": self.tr("Bahasa / English"),
            "theme": self.tr("Day / night"),
            "more": self.tr("More"),
            "calendar": self.tr("Compliance calendar"),
        }
        for key, text in names.items():
            if key in self.actions_:
                self.actions_[key].setText(text)
