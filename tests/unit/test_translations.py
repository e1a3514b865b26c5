"""Every tr() string in fieldapp/ui has Indonesian, and the committed .ts/.qm are up to date."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from testpaths import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "resources" / "translations"
BIN = PROJECT_ROOT / ".venv" / "bin"


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.fail(f"{name} not found: it comes with PySide6 (pip install -e .[dev])")
    return which


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    out = {}
    for ctx in tree.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ts = tmp_path_factory.mktemp("ts") / "fresh_id.ts"
    sources = sorted(str(p) for p in (PROJECT_ROOT / "fieldapp" / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)  # fmt: skip
    return ts


def _table() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("fill_id", TRANSLATIONS / "fill_id.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.ID)


def test_every_ui_string_has_indonesian(fresh_ts: Path) -> None:
    table = _table()
    missing = sorted({src for _ctx, src in _messages(fresh_ts)} - set(table))
    assert not missing, f"add Indonesian to resources/translations/fill_id.py: {missing}"


def test_placeholders_survive_translation() -> None:
    for src, text in _table().items():
        assert sorted(re.findall(r"\{\d\}", src)) == sorted(re.findall(r"\{\d\}", text)), src


def test_committed_ts_is_current(fresh_ts: Path) -> None:
    committed = _messages(TRANSLATIONS / "fieldapp_id.ts")
    stale = sorted(set(_messages(fresh_ts)) - set(committed))
    assert not stale, f"run scripts/translations.sh; not in fieldapp_id.ts: {stale[:10]}"
    unfinished = [k for k, m in committed.items()
                  if (m.find("translation") is not None
                      and m.find("translation").get("type") == "unfinished")]  # type: ignore[union-attr]  # fmt: skip
    assert not unfinished, f"unfinished in fieldapp_id.ts: {unfinished[:10]}"


def test_committed_qm_matches_ts(tmp_path: Path) -> None:
    qm = tmp_path / "id.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TRANSLATIONS / "fieldapp_id.ts"), "-qm",
                    str(qm)], check=True, capture_output=True)  # fmt: skip
    assert qm.read_bytes() == (TRANSLATIONS / "fieldapp_id.qm").read_bytes(), (
        "fieldapp_id.qm is older than fieldapp_id.ts: run scripts/translations.sh"
    )
