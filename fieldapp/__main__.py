"""Run the command-line interface with ``python -m fieldapp``."""

from fieldapp.cli import main

raise SystemExit(main())
