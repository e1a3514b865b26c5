"""fieldapp-gui.exe: the window without a console, for the Start menu and desktop shortcuts.

fieldapp.exe stays the console program (the CLI, and `fieldapp demo` from a terminal). This
one opens the main window as `fieldapp demo` does; arguments are passed on (`--job PATH`).
"""

import sys

from fieldapp.cli import main

if getattr(sys, "frozen", False):
    # Photo workers start by running this exe again (spawn): they must become workers here.
    from multiprocessing import freeze_support

    freeze_support()
raise SystemExit(main(["demo", *sys.argv[1:]]))
