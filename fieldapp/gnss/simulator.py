"""A GNSS receiver simulator: walks toward a target, emits real NMEA (GGA RMC GSA GSV GST)."""

from __future__ import annotations

import datetime as dt
import math
import random
import threading
import time
from dataclasses import dataclass, replace

from fieldapp.gnss import sentences as nm
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.sources import ByteSource, EndOfStream

_EARTH_RADIUS_M = 6_378_137.0
# Talker of each constellation's GSV and its NMEA 4.10 GSA system id.
_SYSTEMS = {"GP": 1, "GL": 2, "GA": 3, "GB": 4}
_PRN_BASE = {"GP": 1, "GL": 65, "GA": 1, "GB": 1}
ELEVATION_MASK_DEG = 15


@dataclass(frozen=True, slots=True)
class SimConfig:
    """What the simulated receiver does. Defaults: an RTK-fixed rover near Samarinda at 1 Hz."""

    start_lat: float = -0.502
    start_lon: float = 117.153
    target_lat: float | None = None  # None: stand still at the start
    target_lon: float | None = None
    height_m: float = 45.0  # ellipsoidal
    geoid_sep_m: float = 42.5
    speed_mps: float = 1.2  # walking pace
    noise_m: float = 0.01  # 1-sigma horizontal noise per axis
    noise_up_m: float = 0.02
    rate_hz: float = 1.0
    quality: int = 4  # GGA code: 4 RTK fixed, 5 float, 1 autonomous ...
    gst: bool = True  # receivers without GST exist: the parser must then estimate
    gst_scale: float = 1.0  # reported sigma / true noise: >1 pessimistic, <1 optimistic
    systems: tuple[str, ...] = ("GP", "GL", "GA", "GB")
    sats_per_system: int = 8
    hdop: float = 0.7
    vdop: float = 1.1
    pdop: float = 1.3
    correction_age_s: float | None = 1.0
    base_id: str | None = "0001"
    start: dt.datetime = dt.datetime(2024, 6, 3, 1, 0, 0, tzinfo=dt.UTC)
    seed: int = 1
    max_epochs: int | None = None


class Simulator:
    """Sans-IO: each call to `next_epoch()` advances one epoch and returns its NMEA bytes."""

    def __init__(self, config: SimConfig | None = None) -> None:
        self.config = config or SimConfig()
        self._rng = random.Random(self.config.seed)
        self._lat = self.config.start_lat
        self._lon = self.config.start_lon
        self._epoch = 0
        self._lock = threading.Lock()
        self._sky = self._make_sky()
        # Whether the last step moved the antenna: a receiver standing at its target
        # reports no speed, as a real one does, instead of its walking pace forever.
        cfg = self.config
        self._moving = cfg.target_lat is not None and (
            (cfg.target_lat, cfg.target_lon) != (cfg.start_lat, cfg.start_lon)
        )

    @property
    def epochs(self) -> int:
        return self._epoch

    def set_target(self, lat: float, lon: float) -> None:
        """Walk somewhere else (thread-safe: the UI may steer while the reader reads)."""
        with self._lock:
            self.config = replace(self.config, target_lat=lat, target_lon=lon)

    def place(self, lat: float, lon: float) -> None:
        """Stand at ``lat``/``lon`` from the next epoch on (a pole set on a marker)."""
        with self._lock:
            self._lat, self._lon = lat, lon
            self.config = replace(self.config, target_lat=lat, target_lon=lon)

    def set_quality(self, quality: int) -> None:
        with self._lock:
            self.config = replace(self.config, quality=quality)

    def _make_sky(self) -> dict[str, list[nm.SkySat]]:
        sky: dict[str, list[nm.SkySat]] = {}
        for talker in self.config.systems:
            sats = []
            for i in range(self.config.sats_per_system):
                elev = self._rng.randint(5, 85)
                snr = min(50, 25 + elev // 3) if elev >= 10 else None
                sats.append(nm.SkySat(_PRN_BASE[talker] + i, elev, self._rng.randint(0, 359), snr))
            sky[talker] = sats
        return sky

    def _walk(self, dt_s: float, cfg: SimConfig) -> None:
        if cfg.target_lat is None or cfg.target_lon is None:
            self._moving = False
            return
        coslat = math.cos(math.radians(self._lat))
        dn = math.radians(cfg.target_lat - self._lat) * _EARTH_RADIUS_M
        de = math.radians(cfg.target_lon - self._lon) * _EARTH_RADIUS_M * coslat
        dist = math.hypot(dn, de)
        step = cfg.speed_mps * dt_s
        self._moving = dist > 0.0
        if dist <= step or dist == 0.0:
            self._lat, self._lon = cfg.target_lat, cfg.target_lon
            return
        self._lat += math.degrees(dn / dist * step / _EARTH_RADIUS_M)
        self._lon += math.degrees(de / dist * step / (_EARTH_RADIUS_M * coslat))

    def next_epoch(self) -> bytes:
        with self._lock:
            cfg = self.config
        period = 1.0 / cfg.rate_hz
        if self._epoch:
            self._walk(period, cfg)
        when = cfg.start + dt.timedelta(seconds=self._epoch * period)
        self._epoch += 1
        return self._sentences(cfg, when)

    def _sentences(self, cfg: SimConfig, when: dt.datetime) -> bytes:
        rng = self._rng
        coslat = math.cos(math.radians(self._lat))
        n_err = rng.gauss(0.0, cfg.noise_m)
        e_err = rng.gauss(0.0, cfg.noise_m)
        u_err = rng.gauss(0.0, cfg.noise_up_m)
        has_pos = cfg.quality != 0
        used = {
            t: [s.prn for s in sats if s.elevation_deg >= ELEVATION_MASK_DEG]
            for t, sats in self._sky.items()
        }
        fix = Fix(
            time_of_day=when.time(),
            date=when.date(),
            lat=self._lat + math.degrees(n_err / _EARTH_RADIUS_M) if has_pos else None,
            lon=self._lon + math.degrees(e_err / (_EARTH_RADIUS_M * coslat)) if has_pos else None,
            alt_msl=cfg.height_m - cfg.geoid_sep_m + u_err if has_pos else None,
            geoid_sep=cfg.geoid_sep_m if has_pos else None,
            quality=cfg.quality,
            sats_used=sum(len(v) for v in used.values()),
            hdop=cfg.hdop,
            correction_age_s=cfg.correction_age_s if cfg.quality in (2, 4, 5) else None,
            base_id=cfg.base_id if cfg.quality in (2, 4, 5) else None,
            speed_mps=cfg.speed_mps if self._moving else 0.0,
        )
        out = [nm.gga(fix), nm.rmc(fix, mode=_faa_mode(cfg.quality))]
        for talker, prns in used.items():
            out.append(nm.gsa(prns, cfg.pdop, cfg.hdop, cfg.vdop, system_id=_SYSTEMS[talker]))
        for talker, sats in self._sky.items():
            out.extend(nm.gsv(sats, talker=talker))
        if cfg.gst and has_pos:
            s = cfg.gst_scale
            major = cfg.noise_m * s * 1.2
            minor = cfg.noise_m * s * 0.8
            out.append(
                nm.gst(
                    when.time(),
                    cfg.noise_m * s * 1.5,
                    major,
                    minor,
                    30.0,
                    cfg.noise_m * s,
                    cfg.noise_m * s,
                    cfg.noise_up_m * s,
                )
            )
        return b"".join(out)


def _faa_mode(quality: int) -> str:
    return {0: "N", 1: "A", 2: "D", 4: "R", 5: "F", 6: "E", 7: "M", 8: "S"}.get(quality, "A")


class SimulatorSource(ByteSource):
    """The simulator as a byte source, paced in real time (or as fast as possible)."""

    reconnectable = False

    def __init__(
        self, config: SimConfig | None = None, *, realtime: bool = True, read_timeout: float = 0.05
    ) -> None:
        self.simulator = Simulator(config)
        self.realtime = realtime
        self.read_timeout = read_timeout
        self._next_due: float | None = None
        self._cancel = threading.Event()

    @property
    def label(self) -> str:
        return "simulator"

    @property
    def device(self) -> str:
        return "simulator"

    def open(self) -> None:
        self._next_due = time.monotonic()
        self._cancel.clear()

    def read(self) -> bytes:
        cfg = self.simulator.config
        if cfg.max_epochs is not None and self.simulator.epochs >= cfg.max_epochs:
            raise EndOfStream("simulation finished")
        if not self.realtime:
            return self.simulator.next_epoch()
        due = self._next_due if self._next_due is not None else time.monotonic()
        wait = due - time.monotonic()
        if wait > 0:
            self._cancel.wait(min(wait, self.read_timeout))
            if time.monotonic() < due:
                return b""
        self._next_due = due + 1.0 / cfg.rate_hz
        return self.simulator.next_epoch()

    def cancel(self) -> None:
        self._cancel.set()

    def write(self, data: bytes) -> None:
        """A real receiver would take RTCM here; the simulator swallows it."""

    def close(self) -> None:
        self._next_due = None
