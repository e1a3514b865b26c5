"""Instrument session over a real serial link (a pty, and a `socket://` port as on Windows):
GeoCOM and GSI online, errors, link loss and reconnect.
"""

from __future__ import annotations

import pytest
from fake_total_station import FakeTotalStation
from serialkit import LINKS

from fieldapp.gnss.sources import SerialSource
from fieldapp.gnss.totalstation.session import (
    FailureKind,
    InstrumentError,
    InstrumentProtocol,
    InstrumentSession,
)

pytestmark = pytest.mark.timeout(30)


@pytest.fixture(params=LINKS)
def link(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _session(fake: FakeTotalStation, protocol: InstrumentProtocol, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    return InstrumentSession(lambda: SerialSource(fake.port, 9600), protocol, timeout)


def test_geocom_measure_and_angles(link: str) -> None:
    readings: list[tuple[float, float, float | None]] = [(123.456789, 91.25, 58.9234)]
    fake = FakeTotalStation(lambda: readings[-1], link=link)
    session = _session(fake, InstrumentProtocol.GEOCOM)
    try:
        r = session.measure()
        assert (r.hz, r.v, r.sd) == (pytest.approx(123.456789), pytest.approx(91.25), 58.9234)
        assert fake.requests == [b"%R1Q,2008:1,1", b"%R1Q,2108:5000,1"]
        a = session.angles()
        assert a.sd is None and a.hz == pytest.approx(123.456789)
        # No prism in the beam: the instrument's code becomes a reason the surveyor can act on.
        readings.append((10.0, 90.0, None))
        with pytest.raises(InstrumentError, match="no distance measured") as info:
            session.measure()
        assert info.value.kind is FailureKind.INSTRUMENT and session.is_open
    finally:
        session.close()
        fake.close()


def test_gsi_online_measure(link: str) -> None:
    fake = FakeTotalStation(lambda: (45.5, 88.75, 123.45678), protocol="gsi", link=link)
    session = _session(fake, InstrumentProtocol.GSI_ONLINE)
    try:
        r = session.measure()
        assert fake.requests == [b"GET/M/WI21/WI22/WI31"]
        assert (r.hz, r.v, r.sd) == (pytest.approx(45.5), pytest.approx(88.75), 123.45678)
    finally:
        session.close()
        fake.close()


def test_no_reply_names_the_port_and_reconnects(link: str) -> None:
    fake = FakeTotalStation(lambda: (1.0, 90.0, 5.0), link=link)
    fake.silent = True
    session = _session(fake, InstrumentProtocol.GEOCOM, timeout=0.5)
    try:
        with pytest.raises(InstrumentError, match="no reply within") as info:
            session.measure()
        assert info.value.kind is FailureKind.TIMEOUT
        assert fake.port in str(info.value) and not session.is_open
        fake.silent = False
        assert session.measure().sd == 5.0  # the next request reopens the port
    finally:
        session.close()
        fake.close()


def test_link_loss_names_the_port(link: str) -> None:
    fake = FakeTotalStation(lambda: (1.0, 90.0, 5.0), link=link)
    session = _session(fake, InstrumentProtocol.GEOCOM)
    try:
        assert session.measure().sd == 5.0
        fake.cut()
        with pytest.raises(InstrumentError) as info:
            session.measure()
        assert info.value.kind is FailureKind.LINK and fake.port in str(info.value)
        assert not session.is_open
        # The port is gone: reopening fails with the same clear kind of message.
        with pytest.raises(InstrumentError) as again:
            session.measure()
        assert again.value.kind is FailureKind.LINK and fake.port in str(again.value)
    finally:
        session.close()
        fake.close()
