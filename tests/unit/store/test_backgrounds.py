"""The job's backgrounds in the store: copies by content, links, order, refusals store nothing."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from fieldapp.basemap.source import BackgroundError
from fieldapp.store import JobReadOnlyError, JobStore, durable
from fieldapp.store.backgrounds import (
    JobBackgroundError,
    add_background,
    find_background,
    load_backgrounds,
    remove_background,
    set_background,
)
from tests.tilekit import make_mbtiles

AREA = (116.90, -0.55, 116.94, -0.52)


def _pack(path: Path, name: str = "Ortho uji") -> Path:
    return make_mbtiles(path, AREA, [12], fmt="png", name=name)


def _rows(store: JobStore) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT name, path, copied, position FROM job_background").fetchall()


def test_add_copy_link_order_and_remove(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "ortho.mbtiles")
    other = _pack(tmp_path / "topo.mbtiles", "Topo uji")
    with JobStore.create(tmp_path / "a.fieldapp", "WIUP A") as store:
        a = add_background(store, pack, copy=True)
        assert (a.name, a.kind, a.copied, a.position, a.visible) == (
            "Ortho uji", "mbtiles", True, 0, True,
        )  # fmt: skip
        assert (
            a.path.parent == store.path / "backgrounds" and a.path.read_bytes() == pack.read_bytes()
        )
        assert not a.missing
        # The same bytes again under another name share one copy.
        b = add_background(store, pack, copy=True, name="  salinan  kedua ", opacity=0.5)
        assert (b.name, b.path, b.position, b.opacity) == ("salinan kedua", a.path, 1, 0.5)
        c = add_background(store, other, copy=False)
        assert (c.path, c.copied, c.position) == (other.resolve(), False, 2)
        assert [x.name for x in load_backgrounds(store)] == [
            "Ortho uji",
            "salinan kedua",
            "Topo uji",
        ]
        assert [p.name for p in (store.path / "backgrounds").iterdir()] == [a.path.name]

        with pytest.raises(JobBackgroundError, match="already has a background named 'Topo uji'"):
            add_background(store, other, copy=True)
        remove_background(store, "Ortho uji")
        assert a.path.is_file()  # "salinan kedua" still uses it
        remove_background(store, str(b.id))
        assert not a.path.exists()
        gone = remove_background(store, c.id)
        assert gone.name == "Topo uji" and other.is_file()  # a linked file is never deleted
        assert _rows(store) == []
        with pytest.raises(JobBackgroundError, match="no background 'Topo uji'"):
            remove_background(store, "Topo uji")


def test_set_reorders_and_refuses_out_of_range(tmp_path: Path) -> None:
    packs = [_pack(tmp_path / f"{n}.mbtiles", n) for n in ("a", "b", "c", "d")]
    with JobStore.create(tmp_path / "b.fieldapp", "WIUP B") as store:
        for p in packs:
            add_background(store, p, copy=False)
        moved = set_background(store, "d", position=0)
        assert moved.position == 0
        assert [(x.name, x.position) for x in load_backgrounds(store)] == [
            ("d", 0), ("a", 1), ("b", 2), ("c", 3),
        ]  # fmt: skip
        set_background(store, "d", position=2)
        assert [x.name for x in load_backgrounds(store)] == ["a", "b", "d", "c"]
        remove_background(store, "b")
        assert [(x.name, x.position) for x in load_backgrounds(store)] == [
            ("a", 0), ("d", 1), ("c", 2),
        ]  # fmt: skip
        s = set_background(store, "a", opacity=0.25, visible=False)
        assert (s.opacity, s.visible) == (0.25, False)
        for bad in (-0.1, 1.5, float("nan")):
            with pytest.raises(JobBackgroundError, match="expected a number from 0"):
                set_background(store, "a", opacity=bad)
        with pytest.raises(JobBackgroundError, match=r"expected 0 \(bottom\) to 2 \(top\)"):
            set_background(store, "a", position=3)
        assert find_background(store, "a").opacity == 0.25


def test_refusals_store_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corrupt = tmp_path / "rusak.mbtiles"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    text = tmp_path / "catatan.mbtiles"
    text.write_text("bukan peta")
    pack = _pack(tmp_path / "ortho.mbtiles")
    with JobStore.create(tmp_path / "c.fieldapp", "WIUP C") as store:
        for bad in (corrupt, text, tmp_path / "tidak_ada.mbtiles"):
            with pytest.raises(BackgroundError, match=bad.name):
                add_background(store, bad, copy=True)
        with pytest.raises(JobBackgroundError, match="opacity 2"):
            add_background(store, pack, copy=True, opacity=2)

        # A full disk in the middle of the copy: one line, no row, no file, no part file.
        real_write = durable.write_part

        def full(final: Path, write: object, *, needed: int = 0) -> Path:
            def boom(out: object) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            return real_write(final, boom, needed=needed)

        monkeypatch.setattr("fieldapp.store.backgrounds.write_part", full)
        with pytest.raises(durable.DiskFullError, match="not enough free space"):
            add_background(store, pack, copy=True)
        assert _rows(store) == []
        assert list((store.path / "backgrounds").iterdir()) == []


def test_missing_file_is_listed_and_read_only_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "ortho.mbtiles")
    with JobStore.create(tmp_path / "d.fieldapp", "WIUP D") as store:
        add_background(store, pack, copy=False)
    pack.unlink()
    with JobStore.open(tmp_path / "d.fieldapp", read_only=True) as store:
        (listed,) = load_backgrounds(store)
        assert listed.missing and listed.name == "Ortho uji"
        again = _pack(tmp_path / "lagi.mbtiles", "lagi")
        with pytest.raises(JobReadOnlyError):
            add_background(store, again, copy=True)
        with pytest.raises(JobReadOnlyError):
            set_background(store, "Ortho uji", opacity=0.5)
        with pytest.raises(JobReadOnlyError):
            remove_background(store, "Ortho uji")
        assert not (store.path / "backgrounds").exists()


def test_what_a_killed_copy_left_is_cleared_by_the_next_add(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "ortho.mbtiles")
    with JobStore.create(tmp_path / "e.fieldapp", "WIUP E") as store:
        folder = store.path / "backgrounds"
        folder.mkdir()
        # Killed while copying: a part file. Killed between the rename and the commit: a
        # published file with its intent marker and no row.
        (folder / ".incoming-dead.mbtiles.part").write_bytes(b"half")
        (folder / "0123456789abcdef.mbtiles").write_bytes(b"orphan")
        (folder / ".0123456789abcdef.mbtiles.intent").write_bytes(b"")
        added = add_background(store, pack, copy=True)
        assert sorted(p.name for p in folder.iterdir()) == [added.path.name]
