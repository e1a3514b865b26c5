"""A write refused on a read-only job, from any page: said in the window, not lost on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from fieldapp.store import JobReadOnlyError
from fieldapp.ui.errors import error_text

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ReadOnlyRefusals:
    """Installed as ``sys.excepthook`` while the window is open; other errors pass through.

    The store raises JobReadOnlyError on every write to a job opened read-only (a CD, a
    write-protected stick). Pages do not each catch it: it reaches Qt's slot dispatch, which
    hands it to ``sys.excepthook``; here it becomes a message in the status bar.
    """

    def __init__(self, show: Callable[[str], None]) -> None:
        self.show = show
        self.previous: Hook = sys.excepthook
        sys.excepthook = self

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, JobReadOnlyError):
            self.show(error_text(exc))
            return
        self.previous(kind, exc, tb)

    def remove(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous
