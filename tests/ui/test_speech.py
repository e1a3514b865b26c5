"""espeak-ng renders the Indonesian phrases to a WAV with sound; the speaker never blocks."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest

from fieldapp.ui import speech
from fieldapp.ui.speech import Speaker, render_wav


def _need_espeak() -> None:
    if speech.espeak_path() is None:
        pytest.fail("espeak-ng is not installed: apt-get install espeak-ng (setup.sh does it)")


@pytest.mark.parametrize(
    "text",
    ["maju dua meter, kanan tiga puluh senti", "dalam toleransi", "posisi belum cukup teliti"],
)
def test_phrase_renders_to_a_wav_with_sound(tmp_path: Path, text: str) -> None:
    _need_espeak()
    out = tmp_path / "out.wav"
    render_wav(text, out)
    with wave.open(str(out)) as w:
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / w.getframerate()
        assert w.getsampwidth() == 2
    samples = array.array("h", frames)
    rms = math.sqrt(sum(x * x for x in samples) / len(samples))
    # Words take time: 0.5 s at least, and a few short words never take 10 s.
    assert 0.5 < seconds < 10.0
    assert rms > 300  # not silence
    assert max(abs(x) for x in samples) > 3000


def test_speaker_speaks_in_its_thread_and_keeps_only_the_latest(qtbot) -> None:
    _need_espeak()
    spk = Speaker()
    assert spk.available
    for i in range(5):
        assert spk.say(f"satu {i}")  # returns at once: the GUI never waits for the voice
    qtbot.waitUntil(lambda: "satu 4" in spk.spoken, timeout=20000)
    assert len(spk.spoken) < 5  # phrases not yet started were replaced, not queued
    spk.shutdown()
    assert not spk.errors


def test_without_espeak_nothing_crashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech, "espeak_path", lambda: None)
    spk = Speaker()
    assert not spk.available and spk.say("dalam toleransi") is False
    with pytest.raises(FileNotFoundError, match="espeak-ng"):
        render_wav("x", Path("/nonexistent.wav"))


def test_interval_is_a_setting_of_this_machine() -> None:
    from fieldapp.ui.app import settings

    assert speech.speech_interval_s() == speech.DEFAULT_INTERVAL_S
    settings().setValue("speech/interval_s", "8")
    assert speech.speech_interval_s() == 8.0
    for bad in ("0.1", "nan", "abc", "3600"):
        settings().setValue("speech/interval_s", bad)
        assert speech.speech_interval_s() == speech.DEFAULT_INTERVAL_S, bad
