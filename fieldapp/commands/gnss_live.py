"""`fieldapp gnss ports` and `fieldapp gnss watch`: list serial ports, watch a receiver live."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from fieldapp.commands.common import CommandError

QUALITY_WORDS = {
    0: "no fix",
    1: "autonomous",
    2: "DGPS",
    3: "PPS",
    4: "RTK fixed",
    5: "RTK float",
    6: "dead reckoning",
    7: "manual",
    8: "simulation",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to `fieldapp gnss`."""
    ports = sub.add_parser("ports", help="list serial ports (USB, RS-232, Bluetooth) with names")
    ports.set_defaults(handler=cmd_ports)

    watch = sub.add_parser("watch", help="watch a receiver live: one status line per epoch")
    where = watch.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", help="serial port, e.g. COM5 or /dev/ttyUSB0")
    where.add_argument("--tcp", metavar="HOST:PORT", help="receiver serving NMEA over TCP")
    where.add_argument("--simulate", action="store_true", help="built-in simulated receiver")
    watch.add_argument("--baud", type=int, default=None, help="baud rate (4800..921600)")
    watch.add_argument("--raw-dir", help="folder for the raw log of every received byte")
    watch.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    watch.set_defaults(handler=cmd_watch)


def cmd_ports(args: argparse.Namespace) -> int:
    from fieldapp.gnss.sources import SourceError, list_ports

    try:
        found = list_ports()
    except SourceError as exc:
        raise CommandError(f"{exc}; type the port (e.g. COM5) where it is asked for") from exc
    if not found:
        print("no serial ports found (Bluetooth receiver: pair it first; USB: check the cable)")
        return 0
    width = max(len(p.device) for p in found)
    for p in found:
        kind = p.kind_label()
        print(f"{p.device:<{width}}  {p.description}{f'  ({kind})' if kind else ''}  [{p.hwid}]")
    return 0


def _fmt(value: float | None, fmt: str, missing: str = "-") -> str:
    return missing if value is None else format(value, fmt)


def format_fix(fix: object) -> str:
    """One status line: time, fix type in words, position, sats, sigma and its source, PDOP."""
    from fieldapp.gnss.fix import Fix, SigmaSource

    assert isinstance(fix, Fix)
    if fix.time_of_day is None:
        when = "--:--:--.--"
    else:
        t = fix.time_of_day
        when = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond // 10000:02d}"
    if fix.quality is None:
        kind = "fix" if fix.has_position else "no fix"
    else:
        kind = QUALITY_WORDS.get(fix.quality, f"quality {fix.quality}")
    pos = f"{fix.lat:+.8f} {fix.lon:+.8f}" if fix.has_position else "no position".ljust(26)
    sats = "-" if fix.sats_used is None else str(fix.sats_used)
    sigma_h = fix.sigma_horizontal
    if sigma_h is None:
        sigma = "sigma n/a"
    else:
        label = "measured" if fix.sigma_source == SigmaSource.GST else "estimated"
        sigma = f"sigmaH {sigma_h:.3f} m sigmaV {_fmt(fix.sigma_alt, '.3f')} m ({label})"
    return (
        f"{when}Z  {kind:<14} {pos}  h {_fmt(fix.height, '.3f')}  sats {sats:>2}  "
        f"{sigma}  PDOP {_fmt(fix.pdop, '.1f')}"
    )


def _make_source(args: argparse.Namespace) -> object:
    from fieldapp.gnss.simulator import SimConfig, SimulatorSource
    from fieldapp.gnss.sources import DEFAULT_BAUD, SerialSource, TcpSource, parse_host_port

    try:
        if args.tcp:
            host, port = parse_host_port(args.tcp)
            return TcpSource(host, port)
        if args.simulate:
            return SimulatorSource(SimConfig(target_lat=-0.5015, target_lon=117.1535))
        return SerialSource(args.port, args.baud or DEFAULT_BAUD)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc


def cmd_watch(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    # Imported here: `gnss replay` registers this module too and need not load threading.
    import queue

    from fieldapp.gnss.fix import Fix
    from fieldapp.gnss.link import GnssLink, LinkState, LinkStatus
    from fieldapp.gnss.sources import ByteSource

    out = out or sys.stdout
    err = err or sys.stderr
    source = _make_source(args)
    assert isinstance(source, ByteSource)
    # Callbacks run in the reader thread; this thread only prints what the queue brings.
    events: queue.Queue[Fix | LinkStatus] = queue.Queue()
    link = GnssLink(source, events.put, events.put, raw_dir=args.raw_dir)
    deadline = None if args.duration is None else time.monotonic() + args.duration
    link.start()
    try:
        while deadline is None or time.monotonic() < deadline:
            try:
                event = events.get(timeout=0.2)
            except queue.Empty:
                if not link.is_running:
                    break
                continue
            if isinstance(event, Fix):
                print(format_fix(event), file=out, flush=True)
            else:
                print(f"link {event.state.value}: {event.reason}", file=err, flush=True)
                if event.state == LinkState.STOPPED:
                    break
    except KeyboardInterrupt:
        print("stopping (Ctrl-C)", file=err, flush=True)
    finally:
        link.stop(timeout=3.0)
    if link.raw_log is not None and link.raw_log.path is not None:
        print(f"raw log: {link.raw_log.path}", file=err)
    return 0
