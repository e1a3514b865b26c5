"""The in-place retranslation: known messages, messages with arguments, typed text kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QVBoxLayout, QWidget

from fieldapp.ui.app import install_language
from fieldapp.ui.retranslate import retranslate_tree, translate_text


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[QApplication]:
    before = QLocale()
    yield qapp
    install_language(qapp, "en")
    QLocale.setDefault(before)


def test_messages_with_arguments_change_language(switcher: QApplication) -> None:
    install_language(switcher, "id")
    shown = "Dipakai 16 / 30 epoch, 2 / 30 dtk, ditolak 0"
    install_language(switcher, "en")
    assert translate_text(shown, "id") == "Used 16 / 30 epochs, 2 / 30 s, rejected 0"
    install_language(switcher, "id")
    assert translate_text("Used 16 / 30 epochs, 2 / 30 s, rejected 0", "en") == shown
    assert translate_text("BM-01", "en") == "BM-01"  # data is not a message


def test_a_tree_keeps_typed_text_and_data(qtbot, switcher: QApplication) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("Zoom in")
    marker = QLabel("4A")
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(["BM-01", "Cancel"])
    combo.setCurrentIndex(0)
    combo.setEditText("BM-0")  # being typed
    for w in (label, marker, combo):
        layout.addWidget(w)
    install_language(switcher, "id")
    retranslate_tree(root, "en")
    assert label.text() == "Perbesar" and marker.text() == "4A"
    assert combo.currentText() == "BM-0"
    assert combo.itemText(1) == "Batal"
