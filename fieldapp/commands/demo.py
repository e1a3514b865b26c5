"""`fieldapp demo`: the main job on the bundled demo WIUP."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.commands.common import CommandError


def default_demo_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("fieldapp", appauthor=False) / "demo" / "WIUP-Demo.fieldapp"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="open the bundled demo job")
    p.add_argument("--job", help="where the demo job lives (created when missing)")
    p.add_argument("--fresh", action="store_true", help="recreate the demo job from resources")
    p.add_argument(
        "--report", action="store_true", help="print the validation report and exit (no window)"
    )
    p.add_argument(
        "--screenshot", metavar="DIR", help="write a PNG of each main view into DIR and exit"
    )
    p.add_argument("--size", default="1366x768", help="window size for --screenshot (WxH)")
    p.add_argument(
        "--theme", choices=("light", "dark"), help="theme for --screenshot (default: the saved one)"
    )
    p.add_argument(
        "--export-job",
        metavar="PATH",
        help="write a demo job with three markers installed and documented, and exit",
    )
    # For benchmarks/gui_cold_start.py: quit right after the window's first show.
    p.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    import shutil

    from fieldapp.store import JobFileError, JobStore
    from fieldapp.store.migrations import SchemaTooNewError

    if args.export_job:
        from fieldapp.demo_documented import export_documented_demo

        if Path(args.export_job).exists():
            raise CommandError(f"{args.export_job}: already exists; choose a new path")
        print(f"Documented demo job: {export_documented_demo(args.export_job)}")
        return 0
    if args.screenshot:
        return _screenshots(args)  # on a fresh job of their own: the user's demo job is untouched
    if not args.report:
        _require_display()  # before the job is created: a headless start changes nothing
    path = Path(args.job) if args.job else default_demo_path()
    if args.fresh and path.exists():
        shutil.rmtree(path)
    try:
        if path.exists():
            store = JobStore.open(path)
        else:
            # Only on the first run: the importers and the planner stay out of the GUI start.
            from fieldapp.demo_job import create_demo_job

            store = create_demo_job(path)
    except (JobFileError, SchemaTooNewError) as exc:
        raise CommandError(str(exc)) from exc
    if not args.report:
        store.close()
        from fieldapp.gui_preload import preload

        preload()
        from fieldapp.ui.demo import run_demo

        return run_demo(path, exit_when_shown=args.exit_when_shown)
    from fieldapp.commands.job import print_validation
    from fieldapp.operations import validate_job

    with store:
        print(f"Demo job: {path}\n")
        report = validate_job(store)
        print_validation(store, report)
    return 0 if report.valid else 1


def _require_display() -> None:
    """One line and exit code 2 on a machine without a display, instead of Qt's plugin abort."""
    from fieldapp.ui.display import NO_DISPLAY, missing_display

    if missing_display():
        raise CommandError(NO_DISPLAY, exit_code=2)


def _screenshots(args: argparse.Namespace) -> int:
    """Screenshots run on a fresh demo job in a temporary folder: the user's job is untouched.

    With ``--job`` naming an existing job, a copy of it is shot (its backgrounds, its markers).
    """
    import shutil
    import tempfile

    from fieldapp.ui.display import use_offscreen_when_headless

    use_offscreen_when_headless()  # screenshots need no display: they are drawn offscreen

    from fieldapp.demo_job import create_demo_job

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError as exc:
        raise CommandError(f"--size: expected WIDTHxHEIGHT, got {args.size!r}") from exc
    from fieldapp.ui.demo import take_screenshots

    with tempfile.TemporaryDirectory() as tmp:
        job = Path(tmp) / "WIUP-Demo.fieldapp"
        if args.job and Path(args.job).is_dir():
            shutil.copytree(args.job, job)
        else:
            create_demo_job(job).close()
        try:
            shots = take_screenshots(job, Path(args.screenshot), (width, height), args.theme)
        except ValueError as exc:
            raise CommandError(f"--size {args.size}: {exc}") from exc
        for png in shots:
            print(png)
    return 0
