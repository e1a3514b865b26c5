"""Where a document's photos are decoded: worker processes when there are many, else threads.

Decoding, stamping and encoding a camera frame is CPU work that holds the GIL between
libjpeg calls; beside the page layout (pure Python) a thread gets little of a second core.
Worker processes get whole cores. They are started with ``spawn`` everywhere (as Windows
does), given a top-level function and picklable arguments, and each returns the bytes of
one small JPEG, so the results are the very bytes a thread would make, in the order asked.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

THREADS = 2  # few photos: threads start at once; libjpeg lets go of the GIL while it decodes
PROCESS_MIN_PHOTOS = 40  # below this, starting processes (~0.5 s each) costs more than it gives
MAX_PROCESSES = 4  # memory: each worker holds at most one decoded 1000 px frame at a time


def process_count(n_photos: int, requested: int | None = None) -> int:
    """Worker processes for ``n_photos`` photos: 0 means threads (few photos or one core)."""
    if requested is not None:
        return max(0, requested)
    cores = os.cpu_count() or 1
    if n_photos < PROCESS_MIN_PHOTOS or cores < 2:
        return 0
    return min(cores, MAX_PROCESSES)


def photo_executor(n_photos: int, processes: int | None = None) -> Executor:
    count = process_count(n_photos, processes)
    if count == 0:
        return ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="photo")
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"))
