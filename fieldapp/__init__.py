"""fieldapp: stake out, install and document WIUP/WIUPK boundary markers (Tanda Batas)."""

__version__ = "0.1.0"
