"""Reader responsiveness at size: first paint and keystroke latency over a synthetic library.

    /work/venv/bin/python bench/bench_tui.py [--rows 100000] [--keys 200]

Builds a Library of N stories and N articles in memory (no corpus needed), runs the reader
headless at 120x40 and reports:
  - library: building the Library's list rows (the engine side of a first screen)
  - first paint: app start until the story list has drawn its first line
  - keystroke: `j` press to the repaint being done (median, p95, max), and G/g jumps
  - tab switch: `2` (articles) with its rows built for the first time

    /work/venv/bin/python bench/bench_tui.py --corpus PATH [--runs 3] [--bare]

opens a real corpus in a fresh process (headless, the cache as it is) and reports the wall
time from starting the process to the story list's first painted row, the process's CPU time
by then, and which of pydantic/sumy/numpy/nltk it had imported. With --bare, each run is
followed by a bare Textual app (one Static) timed the same way, for what the host gives at
that moment; then best and median of both.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from brief.library import Library  # noqa: E402
from brief.models import Article, Briefing, Story  # noqa: E402


def synthetic(rows: int) -> Briefing:
    articles = [Article.model_construct(id=f"a{i}", title=f"Article {i}: council debates bridge budget",
                                        text="The council met. " * 40, path=f"{i}.md", source=f"Outlet {i % 50}",
                                        published=date(2024, 1 + i % 12, 1 + i % 28), url=None, author=None,
                                        published_from=None)
                for i in range(rows)]
    stories = [Story.model_construct(id=f"s{i}", title=f"Story {i}: the bridge and the budget", article_ids=[f"a{i}"],
                                     summary=[], actor_ids=[], quote_ids=[], sources=[f"Outlet {i % 50}"],
                                     cited_sources=[], published=date(2024, 1 + i % 12, 1 + i % 28))
               for i in range(rows)]
    return Briefing.model_construct(articles=articles, analyses={}, stories=stories, actors=[], quotes=[],
                                    quote_groups=[], actor_briefs={}, sources=[], local_actor_ids={}, warnings=[])


async def measure(rows: int, keys: int) -> dict[str, float | str]:
    from brief.tui.app import BriefApp
    from brief.tui.widgets.virtual_list import VirtualList

    fresh_dirs()
    briefing = synthetic(rows)
    library = Library(briefing)
    t = time.perf_counter()
    library.story_rows  # noqa: B018 - what the first screen needs, timed on its own
    rows_time = time.perf_counter() - t

    first_line: list[float] = []
    original = VirtualList.render_line

    def timed_render_line(self, y):
        strip = original(self, y)
        if not first_line and len(self.source):
            first_line.append(time.perf_counter())
        return strip

    VirtualList.render_line = timed_render_line
    start = time.perf_counter()
    app = BriefApp(library=library, corpus_label="synthetic")
    out: dict[str, float | str] = {"rows": str(rows), "library rows (s)": rows_time}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        out["first paint (s)"] = first_line[0] - start
        screen = app.main

        def keystroke(action) -> float:
            """The work of one key: its action, then repainting every pane in full (a real
            frame repaints only what changed, so this is an upper bound). Pilot's own idle
            waits are not counted."""
            t = time.perf_counter()
            action()
            app.screen._compositor.render_full_update()
            return (time.perf_counter() - t) * 1000

        await pilot.pause()
        latencies = []
        for _ in range(keys):
            latencies.append(keystroke(screen.action_cursor_down))
            await pilot.pause()
        latencies.sort()
        out["j median (ms)"] = statistics.median(latencies)
        out["j p95 (ms)"] = latencies[int(len(latencies) * 0.95) - 1]
        out["j max (ms)"] = latencies[-1]
        out["G (ms)"] = keystroke(screen.action_cursor_last)
        await pilot.pause()
        out["g (ms)"] = keystroke(screen.action_cursor_first)
        await pilot.pause()
        out["tab 2, rows built (ms)"] = keystroke(lambda: screen.action_tab("articles"))
        await pilot.pause()
        assert screen.vlist.cursor == 0 and len(screen.vlist.source) == rows
        out["j on articles (ms)"] = keystroke(screen.action_cursor_down)
        # The same keystroke end to end through Pilot (key event, action, idle waits included).
        t = time.perf_counter()
        await pilot.press("j")
        out["j via Pilot incl. waits (ms)"] = (time.perf_counter() - t) * 1000
    VirtualList.render_line = original
    return out


def fresh_dirs() -> None:
    """Never the user's own state, config or cache; nor the last run's (it saves its tab)."""
    home = tempfile.mkdtemp(prefix="brief-bench-tui-")
    for name in ("CONFIG", "CACHE", "STATE", "DATA"):
        os.environ[f"BRIEF_{name}_DIR"] = os.path.join(home, name.lower())


_CHILD = """
import os, sys, time
from pathlib import Path
from brief.config import load_settings
from brief.tui.app import corpus_app
from brief.tui.widgets.virtual_list import VirtualList

original = VirtualList.render_line

def render_line(self, y):
    strip = original(self, y)
    if len(self.source):
        cpu = sum(os.times()[:2])
        heavy = ",".join(m for m in ("pydantic", "sumy", "numpy", "nltk") if m in sys.modules) or "-"
        print(f"painted {time.time()} {len(self.source)} {cpu} {heavy}", flush=True)
        os._exit(0)  # a background re-check of the corpus must not hold the measurement up
    return strip

VirtualList.render_line = render_line
corpus_app(Path(sys.argv[1]), load_settings()).run(headless=True, size=(120, 40))
"""


_BARE = """
import os, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        print(f"painted {time.time()} 1 {sum(os.times()[:2])} -", flush=True)
        os._exit(0)

Bare().run(headless=True, size=(120, 40))
"""


def _first_paint(code: str, *args: str) -> tuple[float, str, float, str] | str:
    """(wall s, rows, cpu s, heavy modules imported) from spawning `python` to its first paint.

    The reader gets a state folder of its own: the user's last tab (say, quotes) is not what is timed."""
    with tempfile.TemporaryDirectory() as state:
        start = time.time()
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600,
                              check=False, env=dict(os.environ, BRIEF_STATE_DIR=state))
    lines = [line for line in done.stdout.splitlines() if line.startswith("painted ")]
    if not lines:
        return f"nothing painted (exit {done.returncode}) {done.stderr[-400:]}"
    _, when, rows, cpu, heavy = lines[0].split()
    return float(when) - start, rows, float(cpu), heavy


def open_corpus(path: str, runs: int, bare: bool = False) -> None:
    """Wall time from spawning `python` to the first painted row, with the user's cache."""
    timings: dict[str, list[tuple[float, float]]] = {"reader": [], "bare app": []}
    for run in range(runs):
        result = _first_paint(_CHILD, path)
        if isinstance(result, str):
            print(f"run {run + 1}: {result}")
            continue
        wall, rows, cpu, heavy = result
        timings["reader"].append((wall, cpu))
        line = f"run {run + 1}: first painted row after {wall:.3f} s ({rows} stories; CPU {cpu:.2f} s; imported: {heavy})"
        if bare:
            other = _first_paint(_BARE)
            if not isinstance(other, str):
                timings["bare app"].append((other[0], other[2]))
                line += f"; bare app {other[0]:.3f} s (CPU {other[2]:.2f} s)"
        print(line)
    for name, values in timings.items():
        if values:
            walls, cpus = sorted(v[0] for v in values), sorted(v[1] for v in values)
            print(f"{name}: best {walls[0]:.3f} s, median {statistics.median(walls):.3f} s "
                  f"(CPU best {cpus[0]:.2f} s, median {statistics.median(cpus):.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--corpus", help="time opening this corpus in a fresh process instead")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bare", action="store_true", help="with --corpus: time a bare Textual app after each run")
    args = parser.parse_args()
    if args.corpus:
        open_corpus(args.corpus, args.runs, args.bare)
        return
    results = [asyncio.run(measure(rows, args.keys)) for rows in args.rows]
    names = list(results[0])
    print("| " + " | ".join(names) + " |")
    print("|" + "---|" * len(names))
    for result in results:
        print("| " + " | ".join(v if isinstance(v, str) else f"{v:.3f}" if v < 10 else f"{v:.1f}"
                                for v in result.values()) + " |")


if __name__ == "__main__":
    main()
