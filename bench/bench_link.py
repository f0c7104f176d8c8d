"""Time and RSS of each linking (cross-article) step over a cached corpus.

    python bench/bench_link.py CACHE.sqlite3 bench/corpora/10000

Reads the articles and their digests from a cache a build has filled (bench_build.py, or any `brief`
run with that BRIEF_CACHE_DIR), then runs the actor merge, quote groups, story clustering and briefs
one after another, printing each step's wall time and the RSS after it.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return int(fh.read().split("VmRSS:")[1].split()[0]) // 1024


def main() -> None:
    from brief.analysis.briefs import build_briefs
    from brief.analysis.groups import QuoteGrouper
    from brief.analysis.merge import ActorMerger
    from brief.analysis.stories import StoryClusterer
    from brief.config import Settings
    from brief.corpus import load_corpus
    from brief.keys import analysis_key
    from brief.models import Briefing
    from brief.pipeline import _cached
    from brief.store import Store

    last = [time.perf_counter()]

    def mark(what: str) -> None:
        now = time.perf_counter()
        print(f"{what:12s} {now - last[0]:6.1f}s rss {rss_mb()} MB", flush=True)
        last[0] = now

    settings = Settings()
    store = Store(Path(sys.argv[1]))
    articles = load_corpus(Path(sys.argv[2]), settings, store=store, workers=2).articles
    mark("load")
    keys = [analysis_key(a, settings) for a in articles]
    found = _cached(store, keys, articles, False)
    digests = {a.id: found[k] for a, k in zip(articles, keys) if k in found}
    mark("digests")
    merged = ActorMerger().merge(articles, digests)
    mark("merge")
    groups = QuoteGrouper().group(merged.quotes, articles)
    mark("groups")
    stories = StoryClusterer().cluster(articles, digests, merged.actors, merged.quotes, merged.local_actor_ids)
    mark("stories")
    briefing = Briefing(articles=articles, analyses={}, stories=stories, actors=merged.actors,
                        quotes=merged.quotes, quote_groups=groups, warnings=[],
                        local_actor_ids=merged.local_actor_ids)
    build_briefs(briefing, digests)
    mark("briefs")
    print("peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "MB")


if __name__ == "__main__":
    main()
