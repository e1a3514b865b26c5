"""`fieldapp job quality`: show or set the job's stake-out quality profile."""

from __future__ import annotations

import argparse
import json

from fieldapp.commands.common import CommandError, open_job

FIX_CHOICES = ("rtk-fixed", "rtk-float", "dgps", "autonomous")


def register(job_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `job quality` to the job subcommands."""
    p = job_sub.add_parser(
        "quality",
        help="the stake-out quality profile: tolerance, required fix, sigma H limit",
        description=(
            "Show the job's stake-out quality profile, or change it with the options. A stake "
            "is 'within' only when the ground distance is within the tolerance, the fix is at "
            "least the required fix and the receiver's measured (GST) sigma H is no larger "
            "than the limit (default: the tolerance)."
        ),
    )
    p.add_argument("job", metavar="JOB")
    p.add_argument("--tolerance", type=float, metavar="M", help="stake-out tolerance, metres")
    p.add_argument("--fix", choices=FIX_CHOICES, help="least fix type that may prove a stake")
    p.add_argument(
        "--sigma-h",
        metavar="M",
        help="largest measured sigma H, metres; 'tolerance' to follow the tolerance",
    )
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(handler=_quality)


def _quality(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from fieldapp.store.quality import load_quality_profile, save_quality_profile
    from fieldapp.survey.stake_quality import QualityProfileError, RequiredFix

    with open_job(args.job) as store:
        profile = load_quality_profile(store.db)
        changes: dict[str, object] = {}
        if args.tolerance is not None:
            changes["tolerance_m"] = args.tolerance
        if args.fix is not None:
            changes["required_fix"] = RequiredFix(args.fix)
        if args.sigma_h is not None:
            changes["max_sigma_h_m"] = _sigma(args.sigma_h)
        if changes:
            try:
                profile = replace(profile, **changes)  # type: ignore[arg-type]
            except QualityProfileError as exc:
                raise CommandError(str(exc)) from exc
            profile = save_quality_profile(store.db, profile)
    out = {
        "tolerance_m": profile.tolerance_m,
        "required_fix": profile.required_fix.value,
        "max_sigma_h_m": profile.sigma_limit_m,
        "sigma_h_follows_tolerance": profile.max_sigma_h_m is None,
        "changed": bool(changes),
    }
    if args.json:
        print(json.dumps(out))
    else:
        follows = " (the tolerance)" if profile.max_sigma_h_m is None else ""
        print(
            f"tolerance {profile.tolerance_m:.3f} m, required fix {profile.required_fix.value}, "
            f"measured sigma H <= {profile.sigma_limit_m:.3f} m{follows}"
            + ("  (saved)" if changes else "")
        )
    return 0


def _sigma(text: str) -> float | None:
    if text.strip().lower() == "tolerance":
        return None
    try:
        return float(text)
    except ValueError:
        raise CommandError(f"--sigma-h: {text!r} is not a number of metres") from None
