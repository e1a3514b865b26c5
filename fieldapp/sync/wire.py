"""The wire manifest both sides agree on: every file of a sealed bag with its SHA-256 and size."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from fieldapp.sync.bagit import BagError, unsafe_path_reason

FORMAT = "fieldapp-package/1"
API_PREFIX = "/api/v1"
_SHA = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,79}")
# Beyond 2^53 a JSON number is not exact everywhere; no package or file comes near it.
MAX_WIRE_INT = (1 << 53) - 1
MAX_PATH_CHARS = 1024


def _wire_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_WIRE_INT


@dataclass(frozen=True, slots=True)
class WireFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class WireManifest:
    """What the client declares before sending any blob; its hash names the upload."""

    job_id: str
    package_id: str
    revision: int
    files: tuple[WireFile, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "job_id": self.job_id,
            "package_id": self.package_id,
            "revision": self.revision,
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }

    @property
    def manifest_hash(self) -> str:
        # Canonical JSON (sorted keys, no spaces): both sides compute the same digest.
        canonical = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def blobs(self) -> dict[str, int]:
        """Distinct blobs (sha256 -> size): identical files travel once."""
        return {f.sha256: f.size for f in self.files}

    @classmethod
    def from_json(cls, data: Any, max_files: int | None = None) -> WireManifest:
        """Parse and validate untrusted JSON; BagError says what is wrong."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BagError(f"not a {FORMAT} manifest")
        job_id, package_id = data.get("job_id"), data.get("package_id")
        revision, raw_files = data.get("revision"), data.get("files")
        if not isinstance(job_id, str) or not isinstance(package_id, str):
            raise BagError("manifest needs job_id and package_id as strings")
        if not _ID.fullmatch(package_id) or not _ID.fullmatch(job_id):
            raise BagError("package id or job id malformed (letters, digits, . _ -; max 80)")
        if not _wire_int(revision) or revision < 1:
            raise BagError(f"revision must be a whole number from 1 to {MAX_WIRE_INT}")
        if not isinstance(raw_files, list):
            raise BagError("manifest needs files as a list")
        if max_files is not None and len(raw_files) > max_files:
            raise BagError(f"{len(raw_files)} files; the office accepts at most {max_files}")
        files: list[WireFile] = []
        seen: set[str] = set()
        sizes: dict[str, int] = {}
        for item in raw_files:
            if not isinstance(item, dict):
                raise BagError("manifest file entry is not an object")
            path, sha, size = item.get("path"), item.get("sha256"), item.get("size")
            if not isinstance(path, str) or not isinstance(sha, str) or not _wire_int(size):
                raise BagError("manifest file entry needs path, sha256 and a size from 0 to 2^53")
            if not path.isprintable():
                raise BagError("a path holds unprintable characters or lone surrogates")
            if len(path) > MAX_PATH_CHARS:
                raise BagError(f"{path[:40]!r}…: path longer than {MAX_PATH_CHARS} characters")
            reason = unsafe_path_reason(path)
            if reason is not None:
                raise BagError(f"unsafe name {path!r} in the bag: {reason}")
            if not _SHA.fullmatch(sha):
                raise BagError(f"{path}: malformed sha256")
            if path in seen:
                raise BagError(f"{path}: listed twice")
            if sizes.setdefault(sha, size) != size:
                raise BagError(f"{path}: same sha256 as another file but a different size")
            seen.add(path)
            files.append(WireFile(path, sha, size))
        files.sort(key=lambda f: f.path)
        return cls(job_id, package_id, revision, tuple(files))
