"""qtbase_id.qm (Qt's own dialogs in Indonesian) holds every text of the table in qt_id.py."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QTranslator
from testpaths import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "resources" / "translations"


def test_committed_qtbase_id_matches_the_table() -> None:
    spec = importlib.util.spec_from_file_location("qt_id", TRANSLATIONS / "qt_id.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "qtbase_id.qm"))
    stale = [
        (context, source)
        for context, messages in module.QT_ID.items()
        for source, indonesian in messages.items()
        if translator.translate(context, source) != indonesian
    ]
    assert not stale, f"run resources/translations/qt_id.py: {stale[:5]}"
    # Placeholders of Qt's own (%1) survive the translation.
    for messages in module.QT_ID.values():
        for source, indonesian in messages.items():
            assert source.count("%1") == indonesian.count("%1"), source
