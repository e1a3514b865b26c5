"""BagIt 1.0 tag files: write a bag's manifests and bag-info, read them back, check paths."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "fieldapp-signature.txt"
# The signature cannot be listed in the tag manifest it signs, so it stands beside it.
TAG_FILES = (BAGIT_TXT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE)
BAGIT_DECLARATION = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
READ_BLOCK = 1 << 20

_SAFE_SEGMENT = re.compile(r"^[^\x00-\x1f\x7f/\\:*?\"<>|]+$")


class BagError(ValueError):
    """A bag that is malformed or unsafe, with the reason in words."""


def unsafe_path_reason(path: str) -> str | None:
    """Why ``path`` must not be written to disk, or None when it is a plain relative name.

    Checked on both sides: a name in a bag must never escape the bag folder (``..``,
    absolute paths, drive letters, backslashes that Windows treats as separators).
    """
    if not path or len(path) > 1024:
        return "empty or overlong path"
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return "absolute path"
    for segment in path.split("/"):
        if segment in ("", ".", ".."):
            return f"path segment {segment!r} is not allowed"
        if not _SAFE_SEGMENT.match(segment):
            return "path holds a control character, backslash or reserved character"
    if path not in TAG_FILES and not path.startswith("data/"):
        return "payload files must live under data/"
    return None


def sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while block := fh.read(READ_BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def render_manifest(entries: Iterable[tuple[str, str]]) -> bytes:
    """``sha256  path`` lines sorted by path, so the same content gives the same bytes."""
    return "".join(f"{sha}  {path}\n" for path, sha in sorted(entries)).encode("utf-8")


def _text(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BagError(f"{what} is not UTF-8 text (byte {exc.start})") from None


def parse_manifest(text: bytes) -> dict[str, str]:
    """path -> sha256 from a manifest; refuses unsafe names and duplicates."""
    result: dict[str, str] = {}
    for number, line in enumerate(_text(text, "manifest").splitlines(), start=1):
        if not line.strip():
            continue
        sha, sep, path = line.partition("  ")
        if not sep or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise BagError(f"manifest line {number} is not 'sha256  path'")
        reason = unsafe_path_reason(path)
        if reason is not None:
            raise BagError(f"manifest line {number}: unsafe name {path!r}: {reason}")
        if path in result:
            raise BagError(f"manifest line {number}: {path!r} listed twice")
        result[path] = sha
    return result


def render_bag_info(fields: Mapping[str, str]) -> bytes:
    # Insertion order is the caller's fixed order: deterministic bytes, readable file.
    lines = []
    for key, value in fields.items():
        if "\n" in value or ":" in key:
            raise BagError(f"bag-info field {key!r} cannot hold a newline or colon in its name")
        lines.append(f"{key}: {value}\n")
    return "".join(lines).encode("utf-8")


def parse_bag_info(text: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in _text(text, "bag-info").splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """Who signed the tag manifest and the Ed25519 signature over its exact bytes."""

    public_key_hex: str
    signature_hex: str


def render_signature(block: SignatureBlock) -> bytes:
    return (
        f"Algorithm: Ed25519\nSigned-File: {TAGMANIFEST}\n"
        f"Public-Key: {block.public_key_hex}\nSignature: {block.signature_hex}\n"
    ).encode()


def parse_signature(text: bytes) -> SignatureBlock:
    fields = parse_bag_info(text)
    if fields.get("Algorithm") != "Ed25519" or fields.get("Signed-File") != TAGMANIFEST:
        raise BagError("signature file is not an Ed25519 signature of the tag manifest")
    try:
        return SignatureBlock(fields["Public-Key"], fields["Signature"])
    except KeyError as exc:
        raise BagError(f"signature file lacks {exc.args[0]}") from exc
