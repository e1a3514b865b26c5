"""The simulator reports its walking speed only while it walks: at its target it stands still."""

from __future__ import annotations

from fieldapp.gnss.simulator import SimConfig, Simulator


def _rmc_knots(nmea: bytes) -> float:
    rmc = next(line for line in nmea.decode().splitlines() if line[3:6] == "RMC")
    return float(rmc.split(",")[7])


def test_speed_drops_to_zero_on_arrival() -> None:
    # 3 m from the target at 5 m/s: epoch 1 at the start, epoch 2 arrives, then it stands.
    sim = Simulator(SimConfig(start_lat=-0.5, start_lon=117.0, target_lat=-0.5 + 3 / 110_574,
                              target_lon=117.0, speed_mps=5.0, noise_m=0.0))  # fmt: skip
    knots = [_rmc_knots(sim.next_epoch()) for _ in range(4)]
    assert knots[0] > 9 and knots[1] > 9  # 5 m/s = 9.7 kn while walking
    assert knots[2:] == [0.0, 0.0]


def test_no_target_means_standing_still() -> None:
    assert _rmc_knots(Simulator(SimConfig()).next_epoch()) == 0.0


def _gga_lat(nmea: bytes) -> float:
    gga = next(line for line in nmea.decode().splitlines() if line[3:6] == "GGA")
    field, hemi = gga.split(",")[2:4]
    lat = int(field[:2]) + float(field[2:]) / 60
    return -lat if hemi == "S" else lat


def test_placed_on_a_point_it_stands_there() -> None:
    sim = Simulator(SimConfig(start_lat=-0.5, start_lon=117.0, target_lat=-0.4,
                              target_lon=117.0, speed_mps=5.0, noise_m=0.0))  # fmt: skip
    sim.next_epoch()
    sim.place(-0.45, 117.01)
    epochs = [sim.next_epoch() for _ in range(3)]
    assert [_rmc_knots(e) for e in epochs] == [0.0, 0.0, 0.0]
    assert all(abs(_gga_lat(e) + 0.45) < 1e-6 for e in epochs)
