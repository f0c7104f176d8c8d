"""Time of the cross-article steps (assemble: actors merged, quote groups, stories, briefs) on synthetic
corpora of made-up per-article analyses, to check that the cost grows close to linearly.

    /work/venv/bin/python bench/bench_assemble.py [--sizes 1000 10000]

Each synthetic article belongs to a story of 1-8 articles that share rare terms, names and dates; terms
and actors otherwise follow a Zipf-like popularity, as in real news (a few actors are everywhere).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from brief.models import Article, ArticleAnalysis, LocalActor, Mention, Quote, Sentence  # noqa: E402

OUTLETS = [f"Outlet {i}" for i in range(20)]


def _word(number: int, prefix: str) -> str:
    """A made-up word of letters only (the tokenizers skip digits inside words)."""
    letters = ""
    while True:
        number, rest = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[rest]
        if not number:
            return prefix + letters


def _zipf(rng: random.Random, n: int) -> int:
    return min(n - 1, int(rng.paretovariate(1.1)) - 1)


def synthetic(n: int, seed: int = 7) -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    rng = random.Random(seed)
    vocab = [_word(i, "wor") for i in range(max(5000, n * 3))]
    people = [f"Person {i}" for i in range(max(2000, n // 2))]
    start = date(2024, 1, 1)
    articles: list[Article] = []
    analyses: dict[str, ArticleAnalysis] = {}
    story = 0
    while len(articles) < n:
        story += 1
        size = min(n - len(articles), rng.choice([1, 1, 2, 2, 3, 4, 6, 8]))
        own_terms = [_word(story * 8 + k, "sto") for k in range(8)]
        own_people = [people[_zipf(rng, len(people))] for _ in range(3)]
        day = start + timedelta(days=rng.randrange(365))
        for k in range(size):
            aid = f"{story}-{k}"
            terms = {t: 2.0 + rng.random() for t in rng.sample(own_terms, 6)}
            for _ in range(30):
                terms[vocab[_zipf(rng, len(vocab))]] = 1.0 + rng.random()
            names = own_people[: rng.randint(1, 3)] + [people[_zipf(rng, len(people))] for _ in range(4)]
            sentences, mentions, text_parts, offset = [], [], [], 0
            for s_index in range(12):
                name = names[s_index % len(names)]
                line = f"{name} said the {' '.join(rng.sample(own_terms, 3))} matter of {vocab[_zipf(rng, len(vocab))]} grew."
                sentences.append(Sentence(start=offset, end=offset + len(line), text=line, paragraph=s_index))
                mentions.append(Mention(start=offset, end=offset + len(name), text=name, actor_key=name))
                text_parts.append(line)
                offset += len(line) + 1
            text = "\n".join(text_parts)
            quote_text = f"we will see about the {' '.join(own_terms[:5])}"
            quotes = [Quote(id=f"{aid}-q0", text=quote_text, article_id=aid, start=0, end=10,
                            speaker_key=own_people[0])]
            articles.append(Article(id=aid, title=f"Story {story} article {k}", text=text, path=f"{aid}.txt",
                                    source=rng.choice(OUTLETS), published=day + timedelta(days=rng.randrange(3))))
            analyses[aid] = ArticleAnalysis(
                article_id=aid, engine_version="bench", sentences=sentences, summary=[0, 1, 2],
                actors=[LocalActor(key=p, name=p, kind="person") for p in dict.fromkeys(names)],
                mentions=mentions, quotes=quotes, terms=terms, cited_sources=[rng.choice(["Reuters", "AP", "X"])],
            )
    return articles, analyses


def time_steps(articles, analyses) -> dict[str, float]:
    from brief.analysis.briefs import build_briefs
    from brief.analysis.groups import QuoteGrouper
    from brief.analysis.merge import ActorMerger
    from brief.analysis.stories import StoryClusterer
    from brief.models import Briefing

    times = {}
    t = time.perf_counter()
    merged = ActorMerger().merge(articles, analyses)
    actors, quotes = merged.actors, merged.quotes
    times["merge actors"] = time.perf_counter() - t
    t = time.perf_counter()
    groups = QuoteGrouper().group(quotes, articles)
    times["quote groups"] = time.perf_counter() - t
    t = time.perf_counter()
    stories = StoryClusterer().cluster(articles, analyses, actors, quotes, merged.local_actor_ids)
    times["stories"] = time.perf_counter() - t
    t = time.perf_counter()
    briefing = Briefing(articles=articles, analyses=analyses, stories=stories, actors=actors, quotes=quotes,
                        quote_groups=groups, local_actor_ids=merged.local_actor_ids)
    build_briefs(briefing)
    times["briefs"] = time.perf_counter() - t
    t = time.perf_counter()
    from brief.analysis.corpus import assemble

    assemble(articles, analyses, [])
    times["assemble (all)"] = time.perf_counter() - t
    times["stories found"] = len(stories)
    times["groups found"] = len(groups)
    truth = {a.id: a.id.split("-")[0] for a in articles}
    times["B3 F1 vs made-up stories"] = _bcubed([s.article_ids for s in stories], truth)
    return times


def _bcubed(clusters: list[list[str]], truth: dict[str, str]) -> float:
    from collections import Counter

    sizes = Counter(truth.values())
    p = r = 0.0
    for cluster in clusters:
        labels = Counter(truth[a] for a in cluster)
        for a in cluster:
            p += labels[truth[a]] / len(cluster)
            r += labels[truth[a]] / sizes[truth[a]]
    p, r = p / len(truth), r / len(truth)
    return round(2 * p * r / (p + r), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        articles, analyses = synthetic(n)
        times = time_steps(articles, analyses)
        rows.append((n, times))
        print(n, {k: round(v, 2) for k, v in times.items()}, flush=True)
    keys = list(rows[0][1])
    print("\n| articles | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for n, times in rows:
        print(f"| {n} | " + " | ".join(f"{times[k]:.2f} s" if isinstance(times[k], float) and "F1" not in k else str(times[k])
                                      for k in keys) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
