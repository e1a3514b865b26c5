"""The error of a document that cannot be made (light: photo worker processes import it)."""

from __future__ import annotations

from pathlib import Path


class ReportInputError(ValueError):
    """Data a document cannot be made from; the message names the marker and the file."""

    def __init__(self, message: str, marker: str | None = None, path: Path | None = None) -> None:
        super().__init__(message)
        self.marker = marker
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in a photo worker process, it comes back whole (marker and path included).
        return (type(self), (str(self.args[0]), self.marker, self.path))
