"""Time of the cross-article steps (assemble: actors merged, quote groups, stories, briefs) on synthetic
corpora of made-up per-article analyses, to check that the cost grows close to linearly.

    /work/venv/bin/python bench/bench_assemble.py [--sizes 1000 10000]
    /work/venv/bin/python bench/bench_assemble.py --real 1000 10000   # bench/corpora/N from make_corpora.py

Times are CPU seconds of this process (each step is single-threaded), so other work on the machine
does not inflate them. --real analyses the recombined BBC corpora first (both cores; the analyses are
kept in a pickle under the temp dir so a second run times only the cross-article steps).

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
    # Names of letters, as real ones: 300 given names, surnames of random syllables.
    syllables = ["ka", "lo", "mi", "ren", "sto", "var", "den", "pel", "ru", "gan", "tis", "bor", "hel", "zu",
                 "ba", "cor", "dri", "fen", "gu", "ha", "jor", "kle", "lin", "mar", "nu", "os", "pra", "qui",
                 "sen", "tal", "ub", "vi", "wen", "xa", "yor", "zim", "ast", "eld", "ing", "orm"]
    people = [f"{_word(i % 300, 'Ka').title()} {''.join(rng.choice(syllables) for _ in range(3)).title()}"
              for i in range(max(2000, n // 2))]
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


def real(n: int) -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    import pickle
    import re
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    from brief.analysis.article import analyse_batch
    from brief.config import Settings

    folder = Path(__file__).resolve().parent / "corpora" / str(n)
    if not folder.exists():
        raise SystemExit(f"{folder} is missing: run bench/make_corpora.py --sizes {n} first")
    cached = Path(tempfile.gettempdir()) / f"brief-bench-assemble-{n}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    articles = []
    for path in sorted(folder.rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = dict(re.findall(r'^(\w+): "?(.*?)"?$', front, re.M))
        articles.append(Article(id=path.stem, title=meta["title"], text=body.strip(), path=str(path),
                                source=meta.get("source"), published=date.fromisoformat(meta["published"])))
    batches = [articles[i:i + 64] for i in range(0, len(articles), 64)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        done = [a for batch in pool.map(analyse_batch, batches, [Settings()] * len(batches)) for a in batch]
    result = (articles, {a.article_id: a for a in done})
    cached.write_bytes(pickle.dumps(result))
    return result


def time_steps(articles, analyses, truth: bool = True) -> dict[str, float]:
    from brief.analysis.briefs import build_briefs
    from brief.analysis.groups import QuoteGrouper
    from brief.analysis.merge import ActorMerger
    from brief.analysis.stories import StoryClusterer
    from brief.models import Briefing

    times = {}
    t = time.process_time()
    merged = ActorMerger().merge(articles, analyses)
    actors, quotes = merged.actors, merged.quotes
    times["merge actors"] = time.process_time() - t
    t = time.process_time()
    groups = QuoteGrouper().group(quotes, articles)
    times["quote groups"] = time.process_time() - t
    t = time.process_time()
    stories = StoryClusterer().cluster(articles, analyses, actors, quotes, merged.local_actor_ids)
    times["stories"] = time.process_time() - t
    t = time.process_time()
    briefing = Briefing(articles=articles, analyses=analyses, stories=stories, actors=actors, quotes=quotes,
                        quote_groups=groups, local_actor_ids=merged.local_actor_ids)
    build_briefs(briefing)
    times["briefs"] = time.process_time() - t
    t = time.process_time()
    from brief.analysis.corpus import assemble

    assemble(articles, analyses, [])
    times["assemble (all)"] = time.process_time() - t
    times["stories found"] = len(stories)
    times["groups found"] = len(groups)
    if truth:
        made_up = {a.id: a.id.split("-")[0] for a in articles}
        times["B3 F1 vs made-up stories"] = _bcubed([s.article_ids for s in stories], made_up)
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
    parser.add_argument("--real", type=int, nargs="+", help="time on bench/corpora/N instead")
    args = parser.parse_args(argv)
    rows = []
    for n in args.real or args.sizes:
        articles, analyses = real(n) if args.real else synthetic(n)
        times = time_steps(articles, analyses, truth=not args.real)
        rows.append((n, times))
        print(n, {k: round(v, 2) for k, v in times.items()}, flush=True)
    keys = list(rows[0][1])
    command = "/work/venv/bin/python bench/bench_assemble.py " + " ".join(argv if argv is not None else sys.argv[1:])
    lines = [f"# Cross-article steps: CPU seconds on {'the recombined BBC corpora' if args.real else 'synthetic analyses'}",
             "", f"Command: `{command.strip()}`", "",
             "| articles | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for n, times in rows:
        lines.append(f"| {n} | " + " | ".join(f"{times[k]:.2f} s" if isinstance(times[k], float) and "F1" not in k
                                               else str(times[k]) for k in keys) + " |")
    report = "\n".join(lines) + "\n"
    print(report)
    from bench.common import write_result

    write_result("assemble-real.md" if args.real else "assemble-synthetic.md", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
