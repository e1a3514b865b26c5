"""Content-addressed blob storage behind an interface; partial uploads kept beside it."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

READ_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class FinishResult:
    ok: bool
    actual_sha256: str
    size: int


class BlobStore(Protocol):
    """What the receiver needs from blob storage (a folder today, an object store tomorrow)."""

    def has(self, sha256: str) -> bool: ...

    def open(self, sha256: str) -> BinaryIO: ...

    def partial_size(self, sha256: str) -> int: ...

    def open_partial(self, sha256: str, offset: int) -> BinaryIO: ...

    def hash_partial(self, sha256: str) -> hashlib._Hash: ...

    def finish(self, sha256: str, digest: str | None = None) -> FinishResult: ...

    def discard_partial(self, sha256: str) -> None: ...


class FileBlobStore:
    """``blobs/ab/abcdef…`` for complete blobs, ``uploads/abcdef….part`` while arriving."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._blobs = root / "blobs"
        self._uploads = root / "uploads"
        self._blobs.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._uploads.mkdir(mode=0o700, parents=True, exist_ok=True)

    def _blob_path(self, sha256: str) -> Path:
        return self._blobs / sha256[:2] / sha256

    def _part_path(self, sha256: str) -> Path:
        return self._uploads / f"{sha256}.part"

    def has(self, sha256: str) -> bool:
        return self._blob_path(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        return self._blob_path(sha256).open("rb")

    def partial_size(self, sha256: str) -> int:
        try:
            return self._part_path(sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def open_partial(self, sha256: str, offset: int) -> BinaryIO:
        """A file positioned at ``offset``; anything past it (a torn write) is cut off."""
        path = self._part_path(sha256)
        # 0600 whatever the umask: a device's bytes are not for other users of the machine.
        fh = os.fdopen(
            os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600), "r+b"
        )
        fh.truncate(offset)
        fh.seek(offset)
        return fh

    def hash_partial(self, sha256: str) -> hashlib._Hash:
        digest = hashlib.sha256()
        path = self._part_path(sha256)
        if path.exists():
            with path.open("rb") as fh:
                while block := fh.read(READ_BLOCK):
                    digest.update(block)
        return digest

    def finish(self, sha256: str, digest: str | None = None) -> FinishResult:
        """Verify the arrived bytes and publish them under their hash, atomically."""
        part = self._part_path(sha256)
        actual = digest if digest is not None else self.hash_partial(sha256).hexdigest()
        size = part.stat().st_size
        if actual != sha256:
            part.unlink(missing_ok=True)
            return FinishResult(False, actual, size)
        with part.open("rb+") as fh:
            os.fsync(fh.fileno())  # durable before it becomes visible
        target = self._blob_path(sha256)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        part.replace(target)
        return FinishResult(True, actual, size)

    def discard_partial(self, sha256: str) -> None:
        self._part_path(sha256).unlink(missing_ok=True)
