"""Byte sources: serial over a pty, names and errors, file replay pacing, the simulator's NMEA."""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Iterator
from pathlib import Path

import pynmea2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.gnss.filesource import MAX_PIECE, FileReplaySource, iter_epochs, split_epochs
from fieldapp.gnss.fix import SigmaSource
from fieldapp.gnss.rawlog import RawLog
from fieldapp.gnss.sentences import checksum, sentence
from fieldapp.gnss.simulator import SimConfig, Simulator, SimulatorSource
from fieldapp.gnss.sources import (
    EndOfStream,
    PortInfo,
    SerialSource,
    SourceError,
    list_ports,
    parse_host_port,
    safe_device_name,
    validate_baud,
)
from fieldapp.gnss.stream import NmeaStream


def test_names_and_arguments() -> None:
    assert safe_device_name("/dev/ttyUSB0") == "ttyUSB0"
    assert safe_device_name("COM5") == "COM5"
    assert safe_device_name(r"\\.\COM12") == "COM12"
    assert parse_host_port("192.168.1.5:5017") == ("192.168.1.5", 5017)
    assert parse_host_port("[::1]:2101") == ("::1", 2101)
    for bad in ("host", "host:0", "host:99999", ":12"):
        with pytest.raises(ValueError):
            parse_host_port(bad)
    assert validate_baud(4800) == 4800 and validate_baud(921600) == 921600
    with pytest.raises(ValueError):
        SerialSource("COM1", 2400)


def test_list_ports_gives_typed_records() -> None:
    ports = list_ports()
    assert all(isinstance(p, PortInfo) and p.device and p.description for p in ports)


def test_missing_serial_port_names_the_port(tmp_path: Path) -> None:
    src = SerialSource(str(tmp_path / "ttyNONE"))
    with pytest.raises(SourceError, match=r"ttyNONE not found"):
        src.open()
    with pytest.raises(SourceError, match="not open"):
        src.read()


@pytest.mark.posix(reason="pty; on Windows: tests/unit/gnss/test_serial_urls.py")
def test_serial_reads_chunks_and_writes_over_a_pty() -> None:
    import tty

    master, slave = os.openpty()
    tty.setraw(slave)
    # Bytes written before the port is opened stay: they were received, so they are evidence.
    os.write(master, b"$GPGGA,early*00\r\n")
    src = SerialSource(os.ttyname(slave), 9600, read_timeout=0.05)
    try:
        src.open()
        os.write(master, b"$GPRMC,x*00\r\n" * 50)
        got = b""
        while len(got) < 17 + 13 * 50:
            got += src.read()
        assert got == b"$GPGGA,early*00\r\n" + b"$GPRMC,x*00\r\n" * 50
        assert src.read() == b""  # timeout, not an error
        src.write(b"\xd3\x00\x13rtcm")
        assert os.read(master, 100) == b"\xd3\x00\x13rtcm"
        os.close(master)
        with pytest.raises(SourceError, match="lost"):
            for _ in range(10):
                src.read()
    finally:
        src.close()
        src.close()
        os.close(slave)


def test_sentence_checksums_are_valid() -> None:
    assert (
        checksum("GPGGA,")
        == f"{ord('G') ^ ord('P') ^ ord('G') ^ ord('G') ^ ord('A') ^ ord(','):02X}"
    )
    assert sentence("GPZDA,1").startswith(b"$GPZDA,1*")
    sim = Simulator(SimConfig(rate_hz=5))
    lines = sim.next_epoch().decode().splitlines()
    kinds = {line[3:6] for line in lines}
    assert {"GGA", "RMC", "GSA", "GSV", "GST"} <= kinds
    for line in lines:
        pynmea2.parse(line, check=True)  # raises on a bad checksum


def _run_sim(config: SimConfig, epochs: int) -> list:  # type: ignore[type-arg]
    sim = Simulator(config)
    stream = NmeaStream()
    fixes = []
    for _ in range(epochs):
        fixes += stream.feed(sim.next_epoch())
    return fixes + stream.flush()


def test_simulator_walks_to_the_target_and_stops() -> None:
    cfg = SimConfig(
        start_lat=-0.5,
        start_lon=117.0,
        target_lat=-0.5,
        target_lon=117.0001,
        speed_mps=2.0,
        noise_m=0.0,
        noise_up_m=0.0,
        rate_hz=1.0,
    )
    fixes = _run_sim(cfg, 12)  # ~11.1 m at 2 m/s: arrives after 6 epochs
    assert len(fixes) == 12
    lons = [f.lon for f in fixes]
    assert lons == sorted(lons)
    assert math.isclose(
        lons[1] - lons[0],
        2.0 / (6378137 * math.cos(math.radians(0.5))) * 180 / math.pi,
        rel_tol=1e-3,
    )
    assert lons[-1] == pytest.approx(117.0001, abs=1e-9)
    assert all(f.quality == 4 for f in fixes)
    measured = _run_sim(SimConfig(noise_m=0.02), 3)
    assert all(f.sigma_source == SigmaSource.GST for f in measured)
    assert measured[0].sigma_lat == pytest.approx(0.02)


def test_simulator_noise_quality_and_missing_gst() -> None:
    fixes = _run_sim(SimConfig(noise_m=0.5, quality=5, gst=False, seed=7), 40)
    lats = [f.lat for f in fixes]
    spread_m = (max(lats) - min(lats)) * 111_000
    assert 0.5 < spread_m < 5.0
    assert all(f.quality == 5 and f.sigma_source == SigmaSource.ESTIMATED for f in fixes)
    nofix = _run_sim(SimConfig(quality=0), 3)
    assert nofix and all(f.lat is None and f.lon is None for f in nofix)


def test_simulator_source_unpaced_ends() -> None:
    src = SimulatorSource(SimConfig(max_epochs=3), realtime=False)
    src.open()
    assert all(src.read().startswith(b"$GNGGA") for _ in range(3))
    with pytest.raises(EndOfStream):
        src.read()


def test_split_epochs_keeps_every_byte_and_recorded_spacing(shared_data: Path) -> None:
    data = (shared_data / "nmea" / "nmea-rtk.log").read_bytes()
    chunks = split_epochs(data)
    body = b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"#"))
    assert b"".join(c.data for c in chunks) == body
    steps = {round(b.offset_s - a.offset_s, 3) for a, b in itertools.pairwise(chunks)}
    # 10 Hz, plus one spliced ten-minute gap that replay shortens to 1 s.
    assert steps == {0.1, 1.0}


def test_split_epochs_midnight_gaps_and_cr_only() -> None:
    data = (
        b"$GPGGA,235959.00,x*00\r$GPRMC,235959.00,x*00\r"
        b"$GPGGA,000000.00,x*00\r$GPGGA,003000.00,x*00\r$GPGGA,002959.00,x*00\r"
    )
    chunks = split_epochs(data, max_gap_s=5.0)
    assert [c.offset_s for c in chunks] == [0.0, 1.0, 2.0, 2.0]
    assert b"".join(c.data for c in chunks) == data


def test_file_replay_unpaced_and_missing(tmp_path: Path) -> None:
    path = tmp_path / "cap.nmea"
    sim = Simulator(SimConfig(rate_hz=10))
    data = b"# header\n" + b"".join(sim.next_epoch() for _ in range(50))
    path.write_bytes(data)
    src = FileReplaySource(path, speed=None)
    src.open()
    got = b""
    with pytest.raises(EndOfStream):
        while True:
            got += src.read()
    assert got == data.removeprefix(b"# header\n")
    with pytest.raises(SourceError, match="cannot read"):
        FileReplaySource(tmp_path / "nope.nmea").open()
    with pytest.raises(ValueError):
        FileReplaySource(path, speed=0)


def test_raw_log_is_byte_exact_and_never_clobbers(tmp_path: Path) -> None:
    import datetime as dt

    started = dt.datetime(2024, 6, 3, 1, 2, 3, tzinfo=dt.UTC)
    payload = [bytes(range(256)), b"$GPGGA,1*00\r\n", b"\xb5\x62ubx"]
    log = RawLog(tmp_path / "raw", "/dev/ttyUSB0", started)
    assert log.path is None  # nothing written, no empty file
    for chunk in payload:
        log.write(chunk)
    log.close()
    assert log.path == tmp_path / "raw" / "gnss-20240603T010203Z-ttyUSB0.nmea"
    assert log.path.read_bytes() == b"".join(payload)
    second = RawLog(tmp_path / "raw", "/dev/ttyUSB0", started)
    second.write(b"again")
    second.close()
    assert second.path is not None and second.path.name.endswith("-ttyUSB0-1.nmea")
    assert log.path.read_bytes() == b"".join(payload)
    with pytest.raises(OSError):
        second.write(b"after close")


def test_file_replay_of_an_endless_line_hands_it_on_in_bounded_pieces(tmp_path: Path) -> None:
    # Issue 14: the GUI's file replay must not hold a file (or one endless line) in memory.
    gga = "GPGGA,0301{}.00,2638.1728,N,08011.3893,W,1,06,1.5,00016,M,-0028,M,,"
    data = sentence(gga.format(31)) + b"$GPGGA," + b"7" * 3_000_000 + b"\r\n"
    data += sentence(gga.format(32))
    path = tmp_path / "endless.nmea"
    path.write_bytes(data)
    src = FileReplaySource(path, speed=None)
    src.open()
    pieces = []
    with pytest.raises(EndOfStream):
        while True:
            pieces.append(src.read())
    src.close()
    assert b"".join(pieces) == data
    assert max(len(p) for p in pieces) <= 2 * 65536
    stream = NmeaStream()
    fixes = [f for p in pieces for f in stream.feed(p, 0.0)] + stream.flush()
    assert len(fixes) == 2 and stream.counters.too_long == 1


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=200).filter(lambda b: b"#" not in b),
            st.sampled_from([b"$GPGGA,120000.00,x*00\r\n", b"$GPRMC,120001.00,x*00\n", b"\r"]),
        ),
        max_size=30,
    ),
    st.lists(st.integers(1, 300), min_size=1, max_size=10),
    st.integers(0, 3),
)
def test_lazy_epoch_split_keeps_every_byte_in_bounded_chunks(
    parts: list[bytes], cuts: list[int], endless_kb: int
) -> None:
    data = b"".join(parts) + b"7" * (endless_kb * 50_000)

    def pieces() -> Iterator[bytes]:
        pos, i = 0, 0
        while pos < len(data):
            step = cuts[i % len(cuts)] * (97 if endless_kb else 1)
            yield data[pos : pos + step]
            pos, i = pos + step, i + 1

    chunks = list(iter_epochs(pieces()))
    assert b"".join(c.data for c in chunks) == data
    assert all(len(c.data) <= 2 * MAX_PIECE for c in chunks)
    assert [c.offset_s for c in chunks] == sorted(c.offset_s for c in chunks)
