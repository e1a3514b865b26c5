"""The PySide6 + pyqtgraph field GUI: views over the core, nothing more."""
