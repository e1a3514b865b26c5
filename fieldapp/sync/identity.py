"""The per-device Ed25519 signing identity, made at first run and kept in the config dir."""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.sync.owner_only import restrict_to_owner, write_private

if TYPE_CHECKING:
    from nacl.signing import SigningKey

KEY_FILE = "device_ed25519.key"
DEVICE_FILE = "device.json"


def config_dir() -> Path:
    """FIELDAPP_HOME wins (tests, portable installs); otherwise the platform's config folder."""
    override = os.environ.get("FIELDAPP_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("fieldapp", appauthor=False))


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """This laptop: a stable id and the key that signs its packages."""

    device_id: str
    signing_key: SigningKey

    @property
    def public_key_hex(self) -> str:
        return bytes(self.signing_key.verify_key).hex()

    def sign(self, message: bytes) -> str:
        return bytes(self.signing_key.sign(message).signature).hex()


def verify_signature(public_key_hex: str, message: bytes, signature_hex: str) -> bool:
    # PyNaCl loads when a package is signed or checked, not when the GUI starts.
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(bytes.fromhex(public_key_hex)).verify(message, bytes.fromhex(signature_hex))
    except (BadSignatureError, ValueError):
        return False
    return True


def load_or_create_identity(folder: Path | None = None) -> DeviceIdentity:
    """Read this device's identity, creating it on first run."""
    from nacl.signing import SigningKey

    home = folder if folder is not None else config_dir()
    home.mkdir(parents=True, exist_ok=True)
    key_path = home / KEY_FILE
    device_path = home / DEVICE_FILE
    if not key_path.is_file():
        write_private(key_path, bytes(SigningKey.generate()).hex() + "\n")
    else:
        # A key an older fieldapp made on Windows was open to the folder's inherited ACL.
        with contextlib.suppress(OSError):
            restrict_to_owner(key_path)
    if not device_path.is_file():
        write_private(device_path, json.dumps({"device_id": str(uuid.uuid4())}) + "\n")
    seed = bytes.fromhex(key_path.read_text(encoding="utf-8").strip())
    device_id = str(json.loads(device_path.read_text(encoding="utf-8"))["device_id"])
    return DeviceIdentity(device_id=device_id, signing_key=SigningKey(seed))
