"""`fieldapp control process-files`: a static baseline from raw or RINEX files, without a job."""

from __future__ import annotations

import argparse


def register(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `process-files` to the `control` group."""
