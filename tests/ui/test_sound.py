"""Tolerance cues: generated WAV tones read back, mute remembered, beep without an audio device."""

from __future__ import annotations

import itertools
import wave
from pathlib import Path

from fieldapp.store import JobStore
from fieldapp.survey.stakeout import ToleranceState
from fieldapp.ui.session import JobSession
from fieldapp.ui.sound import PATTERNS, RATE_HZ, ToleranceCue, cue_files
from fieldapp.ui.stakeout_view import StakeoutView


def _bursts(samples: list[int], rate: int) -> list[tuple[float, float]]:
    """(duration s, frequency Hz from zero crossings) of each stretch of sound."""
    out: list[tuple[float, float]] = []
    i, n = 0, len(samples)
    while i < n:
        if samples[i] == 0:
            i += 1
            continue
        j = i
        while j < n and any(samples[j : j + 40]):  # a burst ends at 40 silent samples
            j += 1
        seg = samples[i:j]
        crossings = sum(1 for a, b in itertools.pairwise(seg) if (a < 0) != (b < 0))
        out.append((len(seg) / rate, crossings / 2 / (len(seg) / rate)))
        i = j
    return out


def _read(path: Path) -> list[int]:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, RATE_HZ)
        raw = w.readframes(w.getnframes())
    return [int.from_bytes(raw[i : i + 2], "little", signed=True) for i in range(0, len(raw), 2)]


def test_each_state_has_its_own_tone(tmp_path: Path) -> None:
    files = cue_files(tmp_path)
    assert set(files) == set(ToleranceState)
    heard = {state: _bursts(_read(path), RATE_HZ) for state, path in files.items()}
    far, near, within = (heard[s] for s in (ToleranceState.FAR, ToleranceState.NEAR,
                                              ToleranceState.WITHIN))  # fmt: skip
    assert len(far) == 1 and abs(far[0][1] - 440) < 15
    assert len(near) == 2 and all(abs(f - 880) < 20 for _d, f in near)
    assert len(within) == 2 and abs(within[0][1] - 1320) < 30 and abs(within[1][1] - 1760) < 30
    # Longer and higher as the target gets closer.
    total = {s: sum(d for d, _f in b) for s, b in heard.items()}
    assert total[ToleranceState.FAR] < total[ToleranceState.NEAR] < total[ToleranceState.WITHIN]
    assert abs(total[ToleranceState.WITHIN] - 0.40) < 0.02
    # Inside but not proven: a falling pair, never the rising "within" pair.
    quality = heard[ToleranceState.QUALITY]
    assert len(quality) == 2 and quality[0][1] > quality[1][1]
    assert abs(quality[0][1] - 1320) < 30 and abs(quality[1][1] - 660) < 20
    assert len(PATTERNS) == 4
    # Cached: a second call keeps the files as they are.
    stamps = {p: p.stat().st_mtime_ns for p in files.values()}
    assert cue_files(tmp_path) == files
    assert {p: p.stat().st_mtime_ns for p in files.values()} == stamps


def test_mute_is_remembered_and_beep_is_the_fallback(qtbot) -> None:
    cue = ToleranceCue()
    assert not cue.muted
    cue.set_muted(True)
    assert ToleranceCue().muted  # a new window remembers it (QSettings)
    assert cue.play(ToleranceState.NEAR) == "muted" and cue.backend is None
    cue.set_muted(False)
    how = cue.play(ToleranceState.WITHIN)
    from PySide6.QtMultimedia import QMediaDevices

    assert how == ("sound" if QMediaDevices.audioOutputs() else "beep")
    assert cue.last == (ToleranceState.WITHIN, how)


def test_stakeout_sound_toggle(qtbot, demo_job: Path) -> None:
    session = JobSession(JobStore.open(demo_job))
    view = StakeoutView(session)
    qtbot.addWidget(view)
    assert view.sound.isChecked()
    view.sound.setChecked(False)
    assert ToleranceCue().muted
    again = StakeoutView(session)
    qtbot.addWidget(again)
    assert not again.sound.isChecked()
    view.shutdown()
    again.shutdown()
    session.close()
