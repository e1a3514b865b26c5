"""Benchmark: every document of a 100-marker job with 5 camera-size photos each.

Builds the deliverables folder (berita acara, deskripsi with 500 photos, stake-out report,
XLSX, DXF, stamped copies) and, over the same photos in the same run, a bare Pillow
thumbnail loop. Each is measured in its own child process so peak RSS is its own.
Goals: build < 20 s, < 400 MB peak; build / thumbnail-loop wall time <= 1.5.

    .venv/bin/python benchmarks/reports_build.py [--markers 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail")
SIZE = (4000, 3000)
DISTINCT = 25  # distinct camera frames; every marker gets 5 different ones


def make_frames(folder: Path) -> list[Path]:
    """Synthetic 4000x3000 JPEGs with sensor-like noise, so they weigh what camera files weigh."""
    from PIL import Image

    from fieldapp.demo_documented import synthetic_photo

    frames = []
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    for i in range(DISTINCT):
        path = folder / f"frame{i:02d}.jpg"
        synthetic_photo(path, SIZE, f"TB {i}", DIRECTIONS[i % 5],
                        dt.datetime(2026, 11, 9, 8, i), 6 if i == 3 else None)  # fmt: skip
        with Image.open(path) as img:
            exif = img.getexif()
            Image.blend(img.convert("RGB"), noise.resize(img.size), 0.25).save(
                path, "JPEG", quality=90, exif=exif.tobytes()
            )
        frames.append(path)
    return frames


def make_job(path: Path, frames: list[Path], n_markers: int) -> None:
    from fieldapp.demo_job import create_demo_job
    from fieldapp.store import records as rec
    from fieldapp.store.equipment import Equipment, EquipmentKind, add_equipment
    from fieldapp.store.installation import add_witness, record_stake, set_description
    from fieldapp.store.photos import import_photo
    from fieldapp.survey.installation import Description, StakeSource, WitnessCategory
    from fieldapp.survey.local import metres_per_degree
    from fieldapp.survey.models import Marker, MarkerKind
    from fieldapp.survey.occupation import Position

    with create_demo_job(path) as store:
        ring = rec.load_boundary_points(store.db)
        add_equipment(store.db, Equipment(EquipmentKind.TOTAL_STATION, "Sokkia iM-52", "HR0934"))
        markers = []
        for i in range(n_markers):
            # Evenly along the ring: edges are parallels/meridians, so interpolate in degrees.
            t = i * len(ring) / n_markers
            a, b = ring[int(t)], ring[(int(t) + 1) % len(ring)]
            f = t - int(t)
            lat, lon = a.lat + f * (b.lat - a.lat), a.lon + f * (b.lon - a.lon)
            kind = MarkerKind.CORNER if f == 0 else MarkerKind.INFILL
            markers.append(Marker(f"B{i:03d}", kind, i + 1, lat, lon, 90.0, (a.number, b.number)))
        rec.upsert_markers(store.db, markers)
        kn, ke = metres_per_degree(markers[0].lat)
        for i, m in enumerate(markers):
            pos = Position(m.lat + 0.01 / kn, m.lon - 0.02 / ke, 90.05)
            record_stake(store.db, m.name, pos, StakeSource.TOTAL_STATION, ts_shot=f"shot {i}")
            site = Description("Jembayan", "Loa Kulu", "Kutai Kartanegara", "Kalimantan Timur",
                               "jalan setapak", "baik")  # fmt: skip
            set_description(store.db, m.name, site)
            for k, direction in enumerate(DIRECTIONS):
                import_photo(store, m.name, frames[(i + k * 5) % DISTINCT], direction)
            add_witness(store.db, m.name, "Suparman", "Kantor Desa Jembayan",
                        WitnessCategory.DISTRICT_VILLAGE_OFFICER)  # fmt: skip


def child_build(job: Path, out: Path) -> dict[str, float]:
    from fieldapp.reports.build import BuildKind, Outcome, build_document

    start = time.perf_counter()
    result = build_document(job, BuildKind.DELIVERABLES, out)
    wall = time.perf_counter() - start
    if result.outcome is not Outcome.FINISHED:
        raise SystemExit(f"build failed: {result.message}")
    return {"wall_s": wall}


def child_thumbs(folder: Path, fast: bool = False) -> dict[str, float]:
    """Pillow's defaults; with ``fast``, the decode our photo step does (draft to 1000 px)."""
    from PIL import Image

    start = time.perf_counter()
    for path in sorted(folder.glob("*.jpg")):
        with Image.open(path) as img:
            if fast:
                img.draft("RGB", (1000, 750))
                # thumbnail() of an image the draft already sized skips the decode: load it,
                # or this "floor" measures header parsing only (it did: 3 ms a photo).
                img.load()
            else:
                img.thumbnail((1000, 1000))
    return {"wall_s": time.perf_counter() - start}


def peak_rss_mb() -> float:
    """This process's own peak RSS. ru_maxrss would include the parent's at fork on Linux."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markers", type=int, default=100)
    ap.add_argument("--keep", type=Path, help="keep the job and output here")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        what, *rest = args.child
        res = (
            child_build(Path(rest[0]), Path(rest[1]))
            if what == "build"
            else child_thumbs(Path(rest[0]), fast=what == "thumbs-fast")
        )
        res["peak_mb"] = peak_rss_mb()
        print(json.dumps(res))
        return 0
    root = Path(tempfile.mkdtemp(prefix="fieldapp-bench-")) if not args.keep else args.keep
    root.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        frames_dir = root / "frames"
        job = root / "bench.fieldapp"
        if not job.exists():  # --keep: a second run reuses the job
            frames_dir.mkdir(exist_ok=True)
            make_job(job, make_frames(frames_dir), args.markers)
        shutil.rmtree(root / "deliverables", ignore_errors=True)
        n_photos = len(list((job / "photos").glob("*.jpg")))
        mb = sum(p.stat().st_size for p in (job / "photos").glob("*.jpg")) / 1e6
        print(f"setup: {args.markers} markers, {n_photos} photos {SIZE[0]}x{SIZE[1]} "
              f"({mb:.0f} MB) in {time.perf_counter() - t0:.1f} s")  # fmt: skip
        thumbs = _child(["thumbs", str(job / "photos")])
        # The same decode shortcut our photo step takes: the fair floor of the photo work.
        fast = _child(["thumbs-fast", str(job / "photos")])
        build = _child(["build", str(job), str(root / "deliverables")])
        ratio = build["wall_s"] / thumbs["wall_s"]
        print(f"{'':24}{'wall s':>9}{'peak MB':>10}")
        print(f"{'build all documents':24}{build['wall_s']:9.2f}{build['peak_mb']:10.0f}")
        print(f"{'bare Pillow thumbnails':24}{thumbs['wall_s']:9.2f}{thumbs['peak_mb']:10.0f}")
        print(f"{'  same, draft decode':24}{fast['wall_s']:9.2f}{fast['peak_mb']:10.0f}")
        print(f"ratio build / thumbnails: {ratio:.2f}  (goal <= 1.5); "
              f"build / draft-decode loop: {build['wall_s'] / fast['wall_s']:.2f}")  # fmt: skip
        ok = build["wall_s"] < 20 and build["peak_mb"] < 400 and ratio <= 1.5
        out = root / "deliverables"
        sizes = {p.name: p.stat().st_size / 1e6 for p in out.iterdir() if p.is_file()}
        print("outputs (MB): " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(sizes.items())))
        print("goals met" if ok else "GOALS NOT MET")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
