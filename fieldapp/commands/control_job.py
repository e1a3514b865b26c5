"""`fieldapp control session|process|accept`: static sessions and baselines in a job."""

from __future__ import annotations

import argparse


def register(group: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the job's subcommands to the `control` group."""
