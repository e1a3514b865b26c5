"""Static sessions: real GEONET RINEX copied durably into raw/, bad files refused whole."""

from __future__ import annotations

import hashlib
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.store import JobStore
from fieldapp.store.gnss_sessions import (
    SessionError,
    StaticSession,
    add_session,
    load_session,
    load_sessions,
)

ROVER = StaticSession(point="3040", role="rover", height_before_m=1.5, height_after_m=1.5)


@pytest.fixture
def geonet(shared_data: Path) -> Path:
    return shared_data / "gnss-raw"


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    s = JobStore.create(tmp_path / "j.fieldapp", "Kontrol")
    yield s
    s.close()


def _raw(store: JobStore) -> list[str]:
    return sorted(p.name for p in store.raw_dir.iterdir())


def test_files_are_copied_identified_and_hashed(store: JobStore, geonet: Path) -> None:
    sources = [geonet / "30400920.05o", geonet / "30400920.05n"]
    sid = add_session(store, ROVER, sources)
    s = load_session(store.db, sid)
    assert load_sessions(store.db) == [s]
    assert [f.kind for f in s.files] == ["rinex-obs", "rinex-nav"]
    for f, src in zip(s.files, sources, strict=True):
        kept = store.path / f.path
        assert kept.read_bytes() == src.read_bytes() and f.original_name == src.name
        assert f.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
        assert f.bytes == src.stat().st_size and kept.name.endswith(src.name)
    assert s.started is not None and s.started.startswith("2005-04-02T00:00:00")
    assert s.interval_s == 30.0 and s.epochs == 120
    # Left out by the surveyor, read from the RINEX header.
    assert (s.receiver_model, s.antenna_model) == ("TRIMBLE 5700", "TRM29659.00")
    assert all(not n.startswith(".") for n in _raw(store))  # no part or intent left


def test_a_non_gnss_file_refuses_the_session_naming_it(
    store: JobStore, geonet: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "catatan.txt"
    notes.write_text("tinggi antena 1.5 m\n" * 50)
    with pytest.raises(SessionError, match=r"catatan\.txt"):
        add_session(store, ROVER, [geonet / "30400920.05o", notes])
    cut = tmp_path / "cut.05o"
    cut.write_bytes((geonet / "30400920.05o").read_bytes()[:1500])
    with pytest.raises(SessionError, match=r"cut\.05o"):
        add_session(store, ROVER, [cut])
    with pytest.raises(SessionError, match="navigation data only"):
        add_session(store, ROVER, [geonet / "30400920.05n"])
    assert load_sessions(store.db) == [] and _raw(store) == []


def test_antenna_heights(store: JobStore, geonet: Path) -> None:
    assert not StaticSession(**{**_fields(ROVER), "height_after_m": 1.505}).heights_disagree
    moved = StaticSession(**{**_fields(ROVER), "height_after_m": 1.506})
    assert moved.heights_disagree and moved.antenna_height_m == pytest.approx(1.503)
    slant = StaticSession(**{**_fields(ROVER), "height_method": "slant"})
    with pytest.raises(SessionError, match="antenna radius"):
        add_session(store, slant, [geonet / "30400920.05o"])
    assert _raw(store) == []
    radius = StaticSession(**{**_fields(slant), "antenna_radius_m": 0.1})
    assert radius.antenna_height_m == pytest.approx(math.sqrt(1.5**2 - 0.01))


def _fields(s: StaticSession) -> dict[str, object]:
    return {k: getattr(s, k) for k in s.__dataclass_fields__}


def test_a_kill_between_copy_and_commit_leaves_nothing_behind(
    store: JobStore, geonet: Path
) -> None:
    code = (
        "import sys; from pathlib import Path; from fieldapp.store import JobStore;"
        "from fieldapp.store.gnss_sessions import StaticSession, add_session;"
        "s = JobStore.open(sys.argv[1]);"
        "add_session(s, StaticSession(point='3040', role='rover', height_before_m=1.5,"
        " height_after_m=1.5), [Path(sys.argv[2])])"
    )
    env = {**os.environ, "FIELDAPP_CRASH_AT": "session.raw-published"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(store.path), str(geonet / "30400920.05o")],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 137, done.stderr
    assert any(n.endswith(".intent") for n in _raw(store))  # the copy and its intent
    assert load_sessions(store.db) == []
    sid = add_session(store, ROVER, [geonet / "07590920.05o"])
    kept = [f.path.removeprefix("raw/") for f in load_session(store.db, sid).files]
    assert _raw(store) == kept  # the orphan from the killed run went


def test_a_raw_log_cut_at_its_end_is_kept_and_the_note_says_so(
    store: JobStore, geonet: Path
) -> None:
    sid = add_session(store, ROVER, [geonet / "ubx_20080526.ubx"])
    s = load_session(store.db, sid)
    assert [f.kind for f in s.files] == ["ubx"] and s.epochs == 242
    assert s.started == "2008-05-26T05:59:24.999" and s.interval_s == 1.0
    assert s.note is not None and "ubx_20080526.ubx: its last frame is cut" in s.note


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"height_before_m": float("nan")}, "antenna height before nan"),
        ({"height_after_m": 15.0}, "antenna height after 15.0; expected 0 to 10"),
        ({"elevation_mask_deg": 95.0}, "elevation mask"),
        ({"role": "static"}, "role 'static'"),
        ({"point": "B" * 41}, "1 to 40 characters"),
        ({"point_kind": "CORS"}, "kind 'CORS'"),
    ],
)
def test_a_bad_draft_is_refused_before_any_copy(
    store: JobStore, geonet: Path, change: dict[str, object], words: str
) -> None:
    with pytest.raises(SessionError, match=re.escape(words)):
        add_session(store, StaticSession(**{**_fields(ROVER), **change}), [geonet / "30400920.05o"])
    assert _raw(store) == []
