"""The Qt binding must not leak references on Signal.emit (PySide6 6.12.0 did: see pyproject)."""

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    sig = Signal()
    value = Signal(object)


def test_emit_keeps_reference_counts_of_true_and_none(qapp) -> None:
    probe = _Probe()
    probe.sig.connect(lambda: None)
    probe.value.connect(lambda v: None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(2000):
        probe.sig.emit()
        probe.value.emit(None)
    # A leaking binding loses one reference per emit: 2000 here, and the interpreter aborts
    # once the count of True or None reaches zero. Allow for unrelated noise only.
    assert abs(sys.getrefcount(True) - true_before) < 100
    assert abs(sys.getrefcount(None) - none_before) < 100
