"""u-blox raw output (RXM-RAWX/SFRBX) configured with pyubx2: built, sent, acknowledged."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pyubx2 import SET, SET_LAYER_BBR, SET_LAYER_RAM, TXN_NONE, UBXMessage  # type: ignore[import-untyped]

from fieldapp.gnss.rawframes import RawFrame

Generation = Literal["f9", "m8"]
_RAWX, _SFRBX = 0x15, 0x13
_ACK_CLASS = 0x05
_ACK_NAK, _ACK_ACK = 0x00, 0x01
# The receiver's measurement period is a U2 in milliseconds; 25 ms is the F9's fastest.
MIN_INTERVAL_S, MAX_INTERVAL_S = 0.025, 65.535


@dataclass(frozen=True, slots=True)
class ConfigMessage:
    """A configuration frame and the (class, id) its ACK-ACK / ACK-NAK names."""

    name: str
    data: bytes
    acked_as: tuple[int, int]


@dataclass(frozen=True, slots=True)
class ConfigResult:
    name: str
    sent: bool  # False: the device was not open
    answer: str | None  # "ACK", "NAK", or None when no answer came within the timeout


def _meas_rate_ms(interval_s: float) -> int:
    if not MIN_INTERVAL_S <= interval_s <= MAX_INTERVAL_S:
        raise ValueError(
            f"interval {interval_s:g} s: a u-blox receiver measures every "
            f"{MIN_INTERVAL_S:g} to {MAX_INTERVAL_S:g} s"
        )
    return round(interval_s * 1000)


def f9_messages(interval_s: float) -> list[ConfigMessage]:
    """Generation 9+ (ZED-F9P, NEO-M9...): one CFG-VALSET into RAM and battery-backed RAM.

    RAWX and SFRBX on UART1 and USB once per measurement; the UBX and NMEA output protocols
    both kept on for those ports (the app's live fixes come from the NMEA).
    """
    keys = [
        ("CFG_RATE_MEAS", _meas_rate_ms(interval_s)),
        ("CFG_RATE_NAV", 1),
        # Epochs on GPS time's whole intervals, so base and rover observe the same instants.
        ("CFG_RATE_TIMEREF", 1),
        ("CFG_MSGOUT_UBX_RXM_RAWX_UART1", 1),
        ("CFG_MSGOUT_UBX_RXM_RAWX_USB", 1),
        ("CFG_MSGOUT_UBX_RXM_SFRBX_UART1", 1),
        ("CFG_MSGOUT_UBX_RXM_SFRBX_USB", 1),
        ("CFG_UART1OUTPROT_UBX", 1),
        ("CFG_UART1OUTPROT_NMEA", 1),
        ("CFG_USBOUTPROT_UBX", 1),
        ("CFG_USBOUTPROT_NMEA", 1),
    ]
    msg = UBXMessage.config_set(SET_LAYER_RAM | SET_LAYER_BBR, TXN_NONE, keys)
    return [ConfigMessage("CFG-VALSET", msg.serialize(), (0x06, 0x8A))]


def m8_messages(interval_s: float) -> list[ConfigMessage]:
    """Generation 8 (NEO-M8T/M8P; legacy protocol): CFG-MSG per raw message, then CFG-RATE.

    The port protocol masks (CFG-PRT) are left alone: changing them means resending the
    baud rate too, and the M8's default UART1/USB output is UBX + NMEA already.
    """
    out: list[ConfigMessage] = []
    for msg_id, name in ((_RAWX, "RAWX"), (_SFRBX, "SFRBX")):
        msg = UBXMessage(
            "CFG",
            "CFG-MSG",
            SET,
            msgClass=0x02,
            msgID=msg_id,
            rateDDC=0,
            rateUART1=1,
            rateUART2=0,
            rateUSB=1,
            rateSPI=0,
        )
        out.append(ConfigMessage(f"CFG-MSG RXM-{name}", msg.serialize(), (0x06, 0x01)))
    rate = UBXMessage(
        "CFG", "CFG-RATE", SET, measRate=_meas_rate_ms(interval_s), navRate=1, timeRef=1
    )
    out.append(ConfigMessage("CFG-RATE", rate.serialize(), (0x06, 0x08)))
    return out


class AckWatcher:
    """Collects ACK-ACK / ACK-NAK frames (a RawObservationLog frame listener); thread-safe."""

    def __init__(self) -> None:
        self._answers: dict[tuple[int, int], str] = {}
        self._cond = threading.Condition()

    def __call__(self, frame: RawFrame) -> None:
        data = frame.data
        if frame.protocol != "ubx" or data[2] != _ACK_CLASS or len(data) < 10:
            return
        if data[3] not in (_ACK_ACK, _ACK_NAK):
            return
        with self._cond:
            self._answers[(data[6], data[7])] = "ACK" if data[3] == _ACK_ACK else "NAK"
            self._cond.notify_all()

    def forget(self, acked_as: tuple[int, int]) -> None:
        with self._cond:
            self._answers.pop(acked_as, None)

    def wait(self, acked_as: tuple[int, int], timeout_s: float) -> str | None:
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while acked_as not in self._answers:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return self._answers.pop(acked_as)


def send_config(
    write: Callable[[bytes], bool],
    messages: list[ConfigMessage],
    watcher: AckWatcher | None = None,
    timeout_s: float = 1.0,
) -> list[ConfigResult]:
    """Send each message through `write` (GnssLink.write) and wait for its answer if watched.

    One at a time: a receiver answers every CFG message, in order, within a second.
    """
    results: list[ConfigResult] = []
    for message in messages:
        if watcher is not None:
            watcher.forget(message.acked_as)
        sent = write(message.data)
        answer = watcher.wait(message.acked_as, timeout_s) if watcher and sent else None
        results.append(ConfigResult(message.name, sent, answer))
    return results


def configure_raw_output(
    write: Callable[[bytes], bool],
    interval_s: float,
    generation: Generation | Literal["auto"] = "auto",
    watcher: AckWatcher | None = None,
    timeout_s: float = 1.0,
) -> list[ConfigResult]:
    """Switch a u-blox receiver to raw output; "auto" tries CFG-VALSET, then the M8 messages.

    Without a watcher "auto" cannot tell the generation and sends both sets (an M8 NAKs the
    VALSET, an F9 still takes the legacy CFG-MSG/CFG-RATE).
    """
    if generation == "f9":
        return send_config(write, f9_messages(interval_s), watcher, timeout_s)
    if generation == "m8":
        return send_config(write, m8_messages(interval_s), watcher, timeout_s)
    results = send_config(write, f9_messages(interval_s), watcher, timeout_s)
    if watcher is not None and results[0].answer == "ACK":
        return results
    return results + send_config(write, m8_messages(interval_s), watcher, timeout_s)


def describe(results: list[ConfigResult]) -> str:
    """One line: what was sent and what the receiver said."""
    parts = []
    for r in results:
        said = "not sent (device not open)" if not r.sent else (r.answer or "no answer")
        parts.append(f"{r.name}: {said}")
    return "; ".join(parts)
