"""OpenAPI of the request bodies the device API reads itself, under its own byte caps."""

from __future__ import annotations

from typing import Any


def _json_body(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI for a body the handler reads itself (bounded), so fuzzers and readers see it."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


_ID_SCHEMA = {"type": "string", "pattern": "^[0-9A-Za-z][0-9A-Za-z._-]{0,79}$"}
_SHA_SCHEMA = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
KEY_BODY = _json_body(
    {"type": "object", "properties": {"public_key": _SHA_SCHEMA}, "required": ["public_key"]}
)
COMMIT_BODY = _json_body(
    {"type": "object", "properties": {"manifest_hash": _SHA_SCHEMA}, "required": ["manifest_hash"]}
)
MANIFEST_BODY = _json_body(
    {
        "type": "object",
        "required": ["format", "job_id", "package_id", "revision", "files"],
        "properties": {
            "format": {"type": "string", "enum": ["fieldapp-package/1"]},
            "job_id": _ID_SCHEMA,
            "package_id": _ID_SCHEMA,
            "revision": {"type": "integer", "minimum": 1},
            "files": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["path", "sha256", "size"],
                    "properties": {
                        "path": {"type": "string", "pattern": "^data/[0-9A-Za-z._-]{1,60}$"},
                        "sha256": _SHA_SCHEMA,
                        "size": {"type": "integer", "minimum": 0},
                    },
                },
            },
        },
    }
)
BLOB_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}
        },
    }
}
