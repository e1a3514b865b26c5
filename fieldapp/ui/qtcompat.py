"""Workaround for PySide6 6.12.0: Python ``Signal.emit`` drops references to True/None."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_CUSHION = 1 << 40  # references added once: ~10^12 emits before the count could reach zero


class _Probe(QObject):
    sig = Signal()


def emit_leaks_true() -> bool:
    """True when this binding decrements ``True``'s reference count on every emit."""
    probe = _Probe()
    probe.sig.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.sig.emit()
    leaked = sys.getrefcount(True) - before <= -8
    if leaked:  # give back what the probe itself took
        _add_references(True, 8)
    return leaked


def _add_references(obj: object, count: int) -> None:
    # CPython < 3.12: ob_refcnt is the first field of every object (a Py_ssize_t).
    ref = ctypes.c_ssize_t.from_address(id(obj))
    ref.value += count


def guard_bool_refcounts() -> bool:
    """Make True/False/None effectively immortal (as CPython 3.12+ does) when the bug is present.

    Without this, a GUI that emits signals from Python (our adapter, pyqtgraph's setData)
    aborts with "bool_dealloc" after a few thousand emits: minutes into a field session.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not emit_leaks_true():
        return False
    for singleton in (True, False, None):
        _add_references(singleton, _CUSHION)
    return True


BOOL_GUARD_APPLIED = guard_bool_refcounts()
