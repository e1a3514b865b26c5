"""ubx_config: the frames are valid UBX with the right keys; answers are heard over a real pty."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from fake_ublox import FakeUblox
from pyubx2 import SET, UBXReader

from fieldapp.gnss.link import Backoff, GnssLink
from fieldapp.gnss.rawobs import RawObservationLog
from fieldapp.gnss.sources import SerialSource
from fieldapp.gnss.ubx_config import (
    AckWatcher,
    configure_raw_output,
    describe,
    f9_messages,
    m8_messages,
)

pytestmark = pytest.mark.timeout(30)


def test_f9_valset_parses_back_with_the_keys() -> None:
    (msg,) = f9_messages(0.5)
    parsed = UBXReader.parse(msg.data, msgmode=SET, validate=1)
    assert parsed.identity == "CFG-VALSET"
    assert (parsed.ram, parsed.bbr, parsed.flash) == (1, 1, 0)
    assert parsed.CFG_RATE_MEAS == 500 and parsed.CFG_RATE_NAV == 1
    assert parsed.CFG_RATE_TIMEREF == 1  # GPS time
    for port in ("UART1", "USB"):
        assert getattr(parsed, f"CFG_MSGOUT_UBX_RXM_RAWX_{port}") == 1
        assert getattr(parsed, f"CFG_MSGOUT_UBX_RXM_SFRBX_{port}") == 1
    # NMEA stays on beside UBX on both ports.
    assert parsed.CFG_UART1OUTPROT_NMEA == 1 and parsed.CFG_USBOUTPROT_NMEA == 1
    assert parsed.CFG_UART1OUTPROT_UBX == 1 and parsed.CFG_USBOUTPROT_UBX == 1
    assert msg.acked_as == (0x06, 0x8A)


def test_m8_cfg_msg_and_rate_parse_back() -> None:
    msgs = m8_messages(15)
    parsed = [UBXReader.parse(m.data, msgmode=SET, validate=1) for m in msgs]
    assert [p.identity for p in parsed] == ["CFG-MSG", "CFG-MSG", "CFG-RATE"]
    assert [(p.msgClass, p.msgID) for p in parsed[:2]] == [(0x02, 0x15), (0x02, 0x13)]
    for p in parsed[:2]:
        assert (p.rateUART1, p.rateUSB, p.rateUART2, p.rateDDC, p.rateSPI) == (1, 1, 0, 0, 0)
    assert (parsed[2].measRate, parsed[2].navRate, parsed[2].timeRef) == (15000, 1, 1)


@pytest.mark.parametrize("interval", [0.01, 70.0, -1.0])
def test_interval_out_of_range(interval: float) -> None:
    with pytest.raises(ValueError, match="interval"):
        f9_messages(interval)


def test_not_open_is_reported_not_waited_for() -> None:
    results = configure_raw_output(lambda data: False, 1.0, "f9", AckWatcher(), timeout_s=5)
    assert describe(results) == "CFG-VALSET: not sent (device not open)"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
@pytest.mark.parametrize("generation", ["f9", "m8"])
def test_auto_configuration_hears_the_receiver(generation: str, tmp_path: Path) -> None:
    with FakeUblox(tmp_path / "ttyUBX", generation) as receiver:
        obs = RawObservationLog(tmp_path / "raw", "ttyUBX")
        watcher = AckWatcher()
        obs.add_listener(watcher)
        link = GnssLink(
            SerialSource(str(receiver.path), 115200),
            lambda fix: None,
            raw_obs=obs,
            backoff=Backoff(0.05, 2.0, 0.2),
        )
        link.start()
        try:
            for _ in range(100):
                if link.write(b""):
                    break
                time.sleep(0.05)
            results = configure_raw_output(link.write, 1.0, "auto", watcher, timeout_s=2)
        finally:
            link.stop()
    said = [(r.name, r.answer) for r in results]
    if generation == "f9":
        assert said == [("CFG-VALSET", "ACK")]
    else:
        assert said == [
            ("CFG-VALSET", "NAK"),
            ("CFG-MSG RXM-RAWX", "ACK"),
            ("CFG-MSG RXM-SFRBX", "ACK"),
            ("CFG-RATE", "ACK"),
        ]
    assert [getattr(p, "identity", "") for p in receiver.received] == [
        n.split()[0] for n, _ in said
    ]
    state = obs.state()
    assert state.protocol == "ubx" and state.epochs >= 1
