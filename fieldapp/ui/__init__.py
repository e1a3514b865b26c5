"""The PySide6 + pyqtgraph GUI; importing it applies the binding workaround in qtcompat."""

from fieldapp.ui import qtcompat as _qtcompat  # noqa: F401  (must run before any emit)
