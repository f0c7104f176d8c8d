"""Scale benchmarks: cold analysis, warm open, incremental re-open, export, peak memory.

    python bench/make_corpora.py --sizes 1000 10000 100000
    python bench/bench_scale.py --sizes 1000 10000 [--workers 2] [--write]

Each measurement runs in a fresh process with its own cache dir, so peak memory (max RSS of the
process and its analysis workers) is that step's alone. `--write` puts the table in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT

CORPORA = ROOT / "bench" / "corpora"

# Runs inside a child process: one step, printed as JSON.
_CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from brief.config import Settings
from brief.pipeline import refresh_library, open_cached
from brief.store import Store
step, corpus, workers = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
store = Store(Path(os.environ["BRIEF_CACHE_DIR"]) / "cache.sqlite3")
marks = {}
analysed = [0]
def progress(stage, done, total):
    marks.setdefault(stage + "_start", time.perf_counter())
    marks[stage + "_end"] = time.perf_counter()
    if stage == "analyse":
        analysed[0] = total
out = {}
if step == "open":
    lib = open_cached(corpus, store)
    rows = lib.story_rows if lib else []
    first = rows[0].title if len(rows) else None
    out["open_s"] = time.perf_counter() - t0
    out["stories"] = len(rows)
else:
    lib, changed = refresh_library(corpus, Settings(), store, progress=progress, workers=workers)
    out["total_s"] = time.perf_counter() - t0
    out["changed"] = changed
    out["analysed"] = analysed[0]
    if "analyse_start" in marks:
        out["analyse_s"] = marks["analyse_end"] - marks.get("load_end", t0)
    if "load_end" in marks:
        out["load_s"] = marks["load_end"] - t0
    if "assemble_start" in marks:
        out["assemble_s"] = marks["assemble_end"] - marks["assemble_start"]
    out["articles"] = len(lib.article_rows)
    out["stories"] = len(lib.story_rows)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
out["children_cpu_s"] = children.ru_utime + children.ru_stime
own = resource.getrusage(resource.RUSAGE_SELF)
out["parent_cpu_s"] = own.ru_utime + own.ru_stime
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
out["peak_mb"] = max(self_kb, child_kb) / 1024
print(json.dumps(out))
"""


def child(step: str, corpus: Path, cache: Path, workers: int) -> dict:
    env = dict(os.environ, BRIEF_CACHE_DIR=str(cache))
    result = subprocess.run([sys.executable, "-c", _CHILD, step, str(corpus), str(workers)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"{step} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed(cmd: list[str], cache: Path) -> tuple[float, float]:
    env = dict(os.environ, BRIEF_CACHE_DIR=str(cache))
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{cmd} failed:\n{result.stderr[-3000:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb / 1024


def bench(size: int, workers: int) -> dict:
    corpus = CORPORA / str(size)
    if not (corpus / ".complete").exists():
        raise SystemExit(f"{corpus} is missing: run python bench/make_corpora.py --sizes {size}")
    row: dict = {"size": size}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        cold = child("build", corpus, cache, workers)
        row["cold_total_s"] = cold["total_s"]
        row["cold_analyse_s"] = cold.get("analyse_s")
        row["articles_per_s"] = cold["articles"] / cold["analyse_s"] if cold.get("analyse_s") else None
        # End to end (reading, analysing, linking, saving), for those who wait for all of it.
        row["build_per_s"] = cold["articles"] / cold["total_s"]
        row["cold_peak_mb"] = cold["peak_mb"]
        row["cold_load_s"] = cold.get("load_s")
        # CPU the worker processes spent per article (reading + analysing): what two idle cores would
        # turn into 2 / this articles per second, whatever else the machine was doing.
        row["worker_cpu_ms"] = cold["children_cpu_s"] * 1000 / cold["articles"]
        row["parent_cpu_s"] = cold["parent_cpu_s"]
        row["cold_assemble_s"] = cold.get("assemble_s")
        print(f"{size}: cold {cold}", file=sys.stderr, flush=True)
        row["stories"] = cold["stories"]
        warm = child("open", corpus, cache, workers)
        row["warm_open_s"] = warm["open_s"]
        row["warm_peak_mb"] = warm["peak_mb"]
        check = child("build", corpus, cache, workers)
        row["recheck_s"] = check["total_s"]
        brief = str(Path(sys.executable).parent / "brief")
        row["export_s"], row["export_peak_mb"] = timed([brief, "export", str(corpus), "-o", os.devnull], cache)
        # One changed file: copy the corpus so the benchmark never edits its own input.
        copy = Path(tmp) / "copy"
        shutil.copytree(corpus, copy)
        child("build", copy, cache, workers)
        victim = next((copy / "000").glob("*.md"))
        victim.write_text(victim.read_text(encoding="utf-8") + "\nA late correction was added.\n", encoding="utf-8")
        again = child("build", copy, cache, workers)
        row["one_changed_reanalysed"] = again["analysed"]
        row["one_changed_s"] = again["total_s"]
    print(f"{size}: {row}", file=sys.stderr, flush=True)
    return row


def table(rows: list[dict]) -> str:
    cols = [("size", "articles"), ("articles_per_s", "cold analysis, articles/s"),
            ("worker_cpu_ms", "worker CPU ms/article"),
            ("build_per_s", "whole cold build, articles/s"), ("cold_total_s", "cold build s"), ("parent_cpu_s", "parent CPU s"), ("cold_load_s", "of which load s"),
            ("cold_assemble_s", "of which assemble s"), ("cold_peak_mb", "cold peak MB"),
            ("warm_open_s", "warm open (cache read) s"), ("warm_peak_mb", "warm open peak MB"),
            ("recheck_s", "re-check unchanged s"), ("one_changed_reanalysed", "1 file changed: re-analysed"),
            ("one_changed_s", "1 file changed: s"), ("export_s", "export (warm) s"),
            ("export_peak_mb", "export peak MB"), ("stories", "stories")]
    lines = ["| " + " | ".join(c[1] for c in cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        cells = []
        for key, _ in cols:
            v = r.get(key)
            cells.append(f"{v:.2f}" if isinstance(v, float) else str(v))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_section(name: str, text: str) -> None:
    """Replace the part of bench/README.md between `<!-- name -->` and `<!-- /name -->`."""
    readme = ROOT / "bench" / "README.md"
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    old = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = f"{start}\n{text}{end}"
    if start in old and end in old:
        new = old[:old.index(start)] + block + old[old.index(end) + len(end):]
    else:
        new = old + ("\n" if old else "") + block + "\n"
    readme.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--write", action="store_true", help="write the table into bench/README.md")
    args = parser.parse_args()
    rows = [bench(size, args.workers) for size in args.sizes]
    text = table(rows)
    print(text)
    if args.write:
        command = f"python bench/bench_scale.py --sizes {' '.join(map(str, args.sizes))} --workers {args.workers}"
        write_section("scale", f"Command: `{command}`\n\n{text}\n")


if __name__ == "__main__":
    main()
