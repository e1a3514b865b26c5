"""The core modules the field window needs, imported before PySide6 is."""

from __future__ import annotations

import importlib

# PySide6 installs an import hook (its `__feature__` support) that reads the source file of
# every module imported after PySide6 itself, to look for the word "PySide6". For the ~300
# core and library modules the window needs that is a measurable part of the cold start;
# modules already imported are never read. None of these import Qt.
CORE = (
    "fieldapp.fieldwork",
    "fieldapp.gnss.link",
    "fieldapp.gnss.ntrip_client",
    "fieldapp.gnss.rawlog",
    "fieldapp.gnss.sentences",
    "fieldapp.gnss.simulator",
    "fieldapp.gnss.sources",
    "fieldapp.store.records",
    "fieldapp.survey.local",
    "fieldapp.survey.stakeout",
)


def preload() -> None:
    for name in CORE:
        importlib.import_module(name)
