"""`fieldapp job plan` (placeholder until the planner lands)."""

from __future__ import annotations

import argparse


def register(job_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `job plan` to the job subcommands."""
