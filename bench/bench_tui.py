"""Reader responsiveness at size: first paint and keystroke latency over a synthetic library.

    /work/venv/bin/python bench/bench_tui.py [--rows 100000] [--keys 200]

Builds a Library of N stories and N articles in memory (no corpus needed), runs the reader
headless at 120x40 and reports:
  - library: building the Library's list rows (the engine side of a first screen)
  - first paint: app start until the story list has drawn its first line
  - keystroke: `j` press to the repaint being done (median, p95, max), and G/g jumps
  - tab switch: `2` (articles) with its rows built for the first time

    /work/venv/bin/python bench/bench_tui.py --corpus PATH [--runs 3]

opens a real corpus in a fresh process (headless, the cache as it is) and reports the wall
time from starting the process to the story list's first painted row.
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
import sys, time
from pathlib import Path
from brief.config import load_settings
from brief.tui.app import corpus_app
from brief.tui.widgets.virtual_list import VirtualList

original = VirtualList.render_line

def render_line(self, y):
    strip = original(self, y)
    if len(self.source):
        print(f"painted {time.time()} {len(self.source)}", flush=True)
        import os
        os._exit(0)  # a background re-check of the corpus must not hold the measurement up
        VirtualList.render_line = original
    return strip

VirtualList.render_line = render_line
corpus_app(Path(sys.argv[1]), load_settings()).run(headless=True, size=(120, 40))
"""


def open_corpus(path: str, runs: int) -> None:
    """Wall time from spawning `python` to the first painted row, with the user's cache."""
    for run in range(runs):
        start = time.time()
        done = subprocess.run([sys.executable, "-c", _CHILD, path], capture_output=True, text=True, timeout=600)
        lines = [line for line in done.stdout.splitlines() if line.startswith("painted ")]
        if not lines:
            print(f"run {run + 1}: no list painted (exit {done.returncode}) {done.stderr[-400:]}")
            continue
        _, when, rows = lines[0].split()
        print(f"run {run + 1}: first painted row after {float(when) - start:.3f} s ({rows} stories)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--corpus", help="time opening this corpus in a fresh process instead")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.corpus:
        open_corpus(args.corpus, args.runs)
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
