"""A cold (or incremental) build of one corpus with its time and RSS logged at every progress step.

    BRIEF_CACHE_DIR=... python bench/bench_build.py bench/corpora/100000 CACHE_DIR

Runs `refresh_library` with two workers, as the reader and `brief export` do, and prints a line every
20 s of each stage (load, analyse, assemble) and at each stage's end, then the parent's and the
workers' peak RSS. Used for the 100,000-article figures in bench/README.md.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

T0 = time.perf_counter()


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return int(fh.read().split("VmRSS:")[1].split()[0]) // 1024


def main() -> None:
    from brief.config import Settings
    from brief.pipeline import refresh_library
    from brief.store import Store

    last: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if stage not in last or done == total or stage == "assemble" or now - last[stage] > 20:
            last[stage] = now
            print(f"{now - T0:8.1f}s {stage} {done}/{total} rss {rss_mb()} MB", flush=True)

    store = Store(Path(sys.argv[2]) / "cache.sqlite3")
    library, _ = refresh_library(Path(sys.argv[1]), Settings(), store, progress=progress, workers=2)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"{time.perf_counter() - T0:8.1f}s done stories {len(library.story_rows)} rss {rss_mb()} MB "
          f"peak {own} MB workers' peak {workers} MB", flush=True)


if __name__ == "__main__":
    main()
