"""`fieldapp gnss log-raw`: record a receiver's raw observations (UBX / RTCM 3) without the GUI."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from fieldapp.commands.common import CommandError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `log-raw` to `fieldapp gnss`."""
    p = sub.add_parser(
        "log-raw",
        help="record raw observations (UBX RXM-RAWX/SFRBX or RTCM 3) for static processing",
    )
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", help="serial port, e.g. COM5 or /dev/ttyACM0")
    where.add_argument("--tcp", metavar="HOST:PORT", help="receiver serving its stream over TCP")
    p.add_argument("--out", required=True, help="folder for the files (the job's raw/ folder)")
    p.add_argument("--baud", type=int, default=None, help="baud rate (4800..921600)")
    p.add_argument(
        "--configure-ubx",
        action="store_true",
        help="switch a u-blox receiver to raw output first (RXM-RAWX/SFRBX, NMEA kept on)",
    )
    p.add_argument(
        "--ubx-generation",
        choices=("auto", "f9", "m8"),
        default="auto",
        help="u-blox generation for --configure-ubx (auto: try F9 CFG-VALSET, then M8)",
    )
    p.add_argument(
        "--interval", type=float, default=1.0, help="measurement interval in s (default 1)"
    )
    p.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    p.set_defaults(handler=cmd_log_raw)


def _make_source(args: argparse.Namespace) -> object:
    from fieldapp.gnss.sources import DEFAULT_BAUD, SerialSource, TcpSource, parse_host_port

    try:
        if args.tcp:
            host, port = parse_host_port(args.tcp)
            return TcpSource(host, port)
        return SerialSource(args.port, args.baud or DEFAULT_BAUD)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc


def _progress(state: object, link_state: str) -> str:
    from fieldapp.gnss.rawobs import RawLogState

    assert isinstance(state, RawLogState)
    protocol = state.protocol or "no frames yet"
    return (
        f"{time.strftime('%H:%M:%S')}  {protocol:<13} received {state.received_bytes} B  "
        f"logged {state.bytes} B  frames {state.frames}  epochs {state.epochs}  "
        f"bad {state.bad_frames}  link {link_state}"
    )


def cmd_log_raw(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from fieldapp.gnss.link import GnssLink, LinkState, LinkStatus
    from fieldapp.gnss.rawobs import RawObservationLog
    from fieldapp.gnss.sources import ByteSource
    from fieldapp.gnss.ubx_config import AckWatcher, configure_raw_output, describe, f9_messages

    out = out or sys.stdout
    err = err or sys.stderr
    if args.configure_ubx:
        try:
            f9_messages(args.interval)  # the interval is checked before anything opens
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
    source = _make_source(args)
    assert isinstance(source, ByteSource)
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder}: not a folder")
    obs = RawObservationLog(folder, source.device)
    watcher = AckWatcher()
    obs.add_listener(watcher)

    def on_status(status: LinkStatus) -> None:
        print(f"link {status.state.value}: {status.reason}", file=err, flush=True)

    # The evidence log (every byte, NMEA included) goes beside the observation files.
    link = GnssLink(source, lambda fix: None, on_status, raw_dir=folder, raw_obs=obs)
    deadline = None if args.duration is None else time.monotonic() + args.duration
    link.start()
    configured = not args.configure_ubx
    next_line = time.monotonic()
    try:
        while link.is_running and (deadline is None or time.monotonic() < deadline):
            # An empty write tells whether the device is open now (GnssLink.write's answer).
            if not configured and link.write(b""):
                # The receiver answers each CFG message within a second.
                results = configure_raw_output(
                    link.write, args.interval, args.ubx_generation, watcher
                )
                print(f"configure: {describe(results)}", file=err, flush=True)
                configured = True
            now = time.monotonic()
            if now >= next_line:
                print(_progress(obs.state(), link.status.state.value), file=out, flush=True)
                next_line = now + 1.0
            time.sleep(0.1)
    except KeyboardInterrupt:
        print("stopping (Ctrl-C)", file=err, flush=True)
    finally:
        link.stop(timeout=3.0)
        obs.close()  # the link closes it too; again is harmless (Ctrl-C may land anywhere)
    state = obs.state()
    print(_progress(state, LinkState.STOPPED.value), file=out, flush=True)
    if link.raw_log is not None and link.raw_log.path is not None:
        print(f"evidence log: {link.raw_log.path}", file=out)
    if not state.paths:
        print(
            "no UBX or RTCM 3 frame received: is raw output on? (u-blox: --configure-ubx)",
            file=err,
        )
        return 1
    for path in state.paths:
        print(f"raw observations: {path}", file=out)
    return 0
