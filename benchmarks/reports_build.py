"""Benchmark: every document of a job with 5 distinct camera-size photos per marker.

Two jobs, each marker witnessed by the same village officer:

* 100 markers x 5 **distinct** 4000x3000 JPEGs (500 frames, every photo its own file and
  content). Goal: the deliverables folder (berita acara, deskripsi with 500 photos, stake-out
  report, XLSX, DXF, stamped copies) in < 20 s and < 400 MB peak RSS of the build's whole
  process tree (its photo worker processes included, sampled every 50 ms).
* 1,000 markers x 5 photos (``--big``, default 1000; 0 skips it). Goal: it builds, and the
  time per marker is within 1.3x of the 100-marker job's. The 500 frames are reused here
  (marker i, photo k gets frame (5i + k) mod 500): 5,000 distinct 12 MP JPEGs would be ~17 GB
  generated and copied for one run. Every photo is still decoded, stamped and encoded anew,
  and no marker has the same frame twice, so the work per photo is that of distinct photos.

Baseline in the same run, each in its own process: a draft-decode + save loop over the same
photo files (libjpeg at 1/4 scale, then a JPEG encode, serial: the fair floor of the photo
work). Ratios printed: build / floor for each job, and time per marker 1,000 / 100.

Frames are generated once (noise-textured scenes, varied by seed) and kept with
``--frames DIR`` for later runs:

    .venv/bin/python benchmarks/reports_build.py [--markers 100] [--big 1000] [--frames DIR]
        [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SIZE = (4000, 3000)
PHOTOS_PER_MARKER = 5
DIRECTIONS = ("utara", "timur", "selatan", "barat", "detail")


def _frame(args: tuple[Path, int]) -> Path:
    """One distinct frame: a scene, sensor-like noise cut at a per-seed offset, its number."""
    from PIL import Image, ImageDraw, ImageFont

    from fieldapp.demo_documented import EXIF_DATETIME_ORIGINAL, _font, synthetic_photo

    path, seed = args
    if path.exists():
        return path
    big = (SIZE[0] + 64, SIZE[1] + 64)
    scene = folder_scene = path.parent / f".scene{seed % 5}.jpg"
    if not folder_scene.exists():
        tmp = folder_scene.with_suffix(f".{seed}.tmp.jpg")
        synthetic_photo(tmp, big, "TB", DIRECTIONS[seed % 5], dt.datetime(2026, 11, 9, 8, 0))
        tmp.replace(folder_scene)
    with Image.open(scene) as img:
        base = img.convert("RGB")
    noise = Image.effect_noise(big, 24 + seed % 7).convert("RGB")
    ox, oy = (seed * 7) % 64, (seed * 13) % 64
    frame = Image.blend(base, noise, 0.25).crop((ox, oy, ox + SIZE[0], oy + SIZE[1]))
    ImageDraw.Draw(frame).text((200, 2600), f"frame {seed}", fill=(255, 255, 0),
                               font=ImageFont.truetype(_font(), 160))  # fmt: skip
    exif = Image.Exif()
    when = dt.datetime(2026, 11, 9, 8, 0) + dt.timedelta(minutes=seed)
    exif.get_ifd(0x8769)[EXIF_DATETIME_ORIGINAL] = when.strftime("%Y:%m:%d %H:%M:%S")
    tmp = path.with_suffix(".tmp.jpg")
    frame.save(tmp, "JPEG", quality=90, exif=exif.tobytes())
    tmp.replace(path)
    return path


def make_frames(folder: Path, count: int) -> list[Path]:
    """``count`` distinct 4000x3000 JPEGs in ``folder`` (those already there are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"frame{i:04d}.jpg" for i in range(count)]
    todo = [(p, i) for i, p in enumerate(paths) if not p.exists()]
    if todo:
        for p, i in todo[:5]:  # the five scenes first, one process each
            _frame((p, i))
        with ProcessPoolExecutor() as pool:
            list(pool.map(_frame, todo[5:], chunksize=4))
    return paths


def make_job(path: Path, frames: list[Path], n_markers: int) -> None:
    from fieldapp.demo_many import create_many_marker_job

    create_many_marker_job(path, n_markers, frames, photos_per_marker=PHOTOS_PER_MARKER)


def child_build(job: Path, out: Path) -> dict[str, float]:
    from fieldapp.reports.build import BuildKind, Outcome, build_document

    start = time.perf_counter()
    result = build_document(job, BuildKind.DELIVERABLES, out)
    wall = time.perf_counter() - start
    if result.outcome is not Outcome.FINISHED:
        raise SystemExit(f"build failed: {result.message}")
    return {"wall_s": wall}


def child_floor(folder: Path) -> dict[str, float]:
    """The photo work's floor: draft decode to 1000 px and a JPEG encode, one after another."""
    import io

    from PIL import Image

    start = time.perf_counter()
    for path in sorted(folder.glob("*.jpg")):
        with Image.open(path) as img:
            img.draft("RGB", (1000, 750))
            img.load()
            img.save(io.BytesIO(), "JPEG", quality=82)
    return {"wall_s": time.perf_counter() - start}


def _child(args: list[str]) -> dict[str, float]:
    """Run a child; its wall time from inside, the peak RSS of it and its own children."""
    import psutil

    proc = subprocess.Popen([sys.executable, __file__, "--child", *args],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [ps, *ps.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.05)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise SystemExit(f"child {args[0]} failed ({proc.returncode})")
    res: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    res["peak_mb"] = peak / 1e6
    return res


def _case(root: Path, name: str, frames: list[Path], n: int) -> dict[str, float]:
    t0 = time.perf_counter()
    job = root / f"{name}.fieldapp"
    if not job.exists():  # --keep: a second run reuses the job
        make_job(job, frames, n)
    out = root / f"{name}-deliverables"
    shutil.rmtree(out, ignore_errors=True)
    photos = list((job / "photos").glob("*.jpg"))
    mb = sum(p.stat().st_size for p in photos) / 1e6
    print(f"setup {name}: {n} markers, {len(photos)} photos {SIZE[0]}x{SIZE[1]} ({mb:.0f} MB) "
          f"in {time.perf_counter() - t0:.1f} s", flush=True)  # fmt: skip
    floor = _child(["floor", str(job / "photos")])
    build = _child(["build", str(job), str(out)])
    pages = _pdf_pages(out / "deskripsi_tanda_batas.pdf"), _pdf_pages(out / "berita_acara.pdf")
    print(f"  {'':30}{'wall s':>9}{'peak MB':>10}{'s/marker':>10}")
    print(f"  {'build all documents (ours)':30}{build['wall_s']:9.2f}{build['peak_mb']:10.0f}"
          f"{build['wall_s'] / n:10.3f}")  # fmt: skip
    print(f"  {'draft-decode + save loop':30}{floor['wall_s']:9.2f}{floor['peak_mb']:10.0f}"
          f"{floor['wall_s'] / n:10.3f}")  # fmt: skip
    print(f"  ratio build / floor: {build['wall_s'] / floor['wall_s']:.2f}; deskripsi "
          f"{pages[0]} pages, berita acara {pages[1]} pages", flush=True)  # fmt: skip
    shutil.rmtree(out, ignore_errors=True)
    return {"n": n, **{f"build_{k}": v for k, v in build.items()},
            **{f"floor_{k}": v for k, v in floor.items()}}  # fmt: skip


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markers", type=int, default=100)
    ap.add_argument("--big", type=int, default=1000, help="markers of the large job (0: skip)")
    ap.add_argument("--frames", type=Path, help="keep the generated frames here (reused)")
    ap.add_argument("--keep", type=Path, help="keep the jobs here (reused)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        what, *rest = args.child
        if what == "build":
            res = child_build(Path(rest[0]), Path(rest[1]))
        else:
            res = child_floor(Path(rest[0]))
        print(json.dumps(res))
        return 0
    root = args.keep or Path(tempfile.mkdtemp(prefix="fieldapp-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        frames = make_frames(args.frames or root / "frames", args.markers * PHOTOS_PER_MARKER)
        print(f"frames: {len(frames)} distinct in {time.perf_counter() - t0:.1f} s", flush=True)
        small = _case(root, "small", frames, args.markers)
        ok = small["build_wall_s"] < 20 and small["build_peak_mb"] < 400
        print(f"goal {args.markers} markers: < 20 s and < 400 MB: {'met' if ok else 'NOT MET'}")
        if args.big:
            big = _case(root, "big", frames, args.big)
            per = (big["build_wall_s"] / big["n"]) / (small["build_wall_s"] / small["n"])
            print(f"time per marker {args.big} / {args.markers}: {per:.2f} (goal <= 1.3)")
            # 17 GB of photos do not stay in the page cache as 1.7 GB do: the floor's own
            # time per photo says how much of the difference is the disk, not our code.
            floor = (big["floor_wall_s"] / big["n"]) / (small["floor_wall_s"] / small["n"])
            print(f"  floor per marker {args.big} / {args.markers}: {floor:.2f}; ours relative "
                  f"to the floor: {per / floor:.2f}")  # fmt: skip
            ok = ok and per <= 1.3
        print("goals met" if ok else "GOALS NOT MET")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
