"""Speed of splitting and summarising, one process, on the real BBC articles in ../shared/corpora.

Per article as the engine runs it: split_sentences on the text, then summarize at the configured length (3
sentences by default). Each figure is the best of --repeat passes over the articles (the first pass also
warms the stemmer's memo, as a long-running analysis process would be), so it reads as the cost on a quiet core.

    python bench/bench_summarize.py [--limit N] [--repeat R] [--count K] [--methods textrank,reduction,...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from common import CORPORA, require, write_result

from brief.analysis.segment import split_sentences

CORPUS = CORPORA / "bbc-news-summary" / "bbc_news_summary.jsonl"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        run()
        times.append(time.perf_counter() - begin)
    return min(times)


def import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import brief.analysis.summarize; print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout)


def main(argv: list[str] | None = None) -> int:
    from brief.analysis.summarize import METHODS, summarize

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--count", type=int, default=3, help="summary length in sentences")
    parser.add_argument("--methods", default=",".join([*METHODS, "textrank-sumy", "reduction-sumy"]))
    args = parser.parse_args(argv)
    require(CORPUS)
    with CORPUS.open(encoding="utf-8") as handle:
        texts = [(a["title"], a["text"]) for a in map(json.loads, handle)][: args.limit]
    n = len(texts)
    split = [split_sentences(text) for _, text in texts]
    splitting = best_of(args.repeat, lambda: [split_sentences(text) for _, text in texts])
    rows = [f"| split_sentences | {1000 * splitting / n:.3f} |"]
    for method in filter(None, args.methods.split(",")):
        def run(method=method):
            for (title, _), sentences in zip(texts, split):
                summarize(sentences, method=method, count=args.count, title=title)
        rows.append(f"| summarize {method} | {1000 * best_of(args.repeat, run) / n:.3f} |")
        print(rows[-1], flush=True)
    command = "python bench/bench_summarize.py " + " ".join(argv if argv is not None else sys.argv[1:])
    report = (
        f"## Splitting and summary speed\n\nCommand: `{command.strip()}`\n\n"
        f"{n} BBC articles (mean {sum(len(s) for s in split) / n:.1f} sentences), best of {args.repeat} passes, "
        f"one process, summaries of {args.count} sentences; importing brief.analysis.summarize (sumy, numpy, "
        f"nltk's stemmer) takes {import_seconds():.2f} s once per process.\n\n"
        "| step | ms / article |\n| --- | ---: |\n" + "\n".join(rows) + "\n"
    )
    print()
    print(report)
    print(f"written to {write_result('summarize_speed.md', report)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
