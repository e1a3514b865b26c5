"""Run the command-line interface with ``python -m fieldapp``."""

import sys

from fieldapp.cli import main

if getattr(sys, "frozen", False):
    # The packaged app starts its photo worker processes by running itself again (spawn):
    # they must become workers here, not a second fieldapp.
    from multiprocessing import freeze_support

    freeze_support()
raise SystemExit(main())
