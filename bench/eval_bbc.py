"""Score sentence splitting and summaries on the BBC News Summary corpus in ../shared/corpora.

Splitting: each splitter runs paragraph by paragraph and is scored against the corpus's gold `sentences`
(precision, recall and F1 of exact sentence spans less the quote marks at their ends, share of articles split
exactly right, time per article), and
on the two seed articles against sentence starts read by hand. Library splitters (syntok, pysbd, blingfire) are
measured when installed; they are not dependencies of brief.

Summaries: ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming) at k = the reference sentence count, for lead-k and
every method, on the corpus's own gold sentences (so splitting does not confound) and on brief's splitter; time
per article; and whether brief's vectorised TextRank and Reduction pick exactly what sumy's classes pick.

    python bench/eval_bbc.py [--limit N] [--task split|summary|all] [--methods lexrank,textrank,...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import CORPORA, ROOT, require, write_result  # noqa: E402
from brief.analysis.segment import split_sentences  # noqa: E402
from brief.models import Sentence  # noqa: E402

CORPUS = CORPORA / "bbc-news-summary" / "bbc_news_summary.jsonl"
SEEDS = ROOT / "seeds"

# Where each sentence of the seed articles starts, read by hand (seed file: the first words of each sentence).
SEED_STARTS = {
    "000_1913a039c75a8ccb.txt": [
        "Ukrainian President Volodymyr Zelenskyy’s chief", "“Had a phone", "We discussed the next",
        "“We also exchanged", "We have scheduled", "Ukrainian President Volodymyr Zelenskyy later",
        "Kyiv is keen", "Impact Shorts", "More Shorts", "Andriy Yermak and Mike Waltz spoke",
        "“There is positive", "We hope for", "Both statements", "“What President Trump", "As I mentioned",
        "“And so in this case", "Ratcliffe said President", "“And so I think", "With inputs", ")",
    ],
    "002_586a47ec60a85a45.txt": [
        "Ukrainian and American", "\"We discussed further", "The two sides", "In his evening address",
        "\"Everyone can see", "Today, our Ukrainian", "There is a positive", "The statements come",
        "The dispute led", "An agreement between", "White House officials", "On March 4", "Waltz suggested",
        "The long-debated", "Ukraine previously rejected",
    ],
}


def load(limit: int | None) -> list[dict]:
    require(CORPUS)
    with CORPUS.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for _, line in zip(range(limit or 10**9), handle)]
    return articles


def gold_sentences(article: dict) -> list[Sentence]:
    """The corpus's sentences with their offsets and paragraphs."""
    out, pos = [], 0
    for text, paragraph in zip(article["sentences"], article["paragraph_of_sentence"]):
        start = article["text"].find(text, pos)
        out.append(Sentence(start=start, end=start + len(text), text=text, paragraph=paragraph))
        pos = start + len(text)
    return out


# --- splitters: each maps text to (start, end) spans of stripped sentences ------------------------------------

def _per_line(split_line):
    def spans(text: str) -> list[tuple[int, int]]:
        out, offset = [], 0
        for line in text.split("\n"):
            if line.strip():
                for start, end in split_line(line):
                    piece = line[start:end]
                    lead = len(piece) - len(piece.lstrip())
                    if piece.strip():
                        out.append((offset + start + lead, offset + start + lead + len(piece.strip())))
            offset += len(line) + 1
        return out
    return spans


def _naive_line(line: str):
    import re

    start = 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[\"“A-Z])", line):
        yield start, match.start()
        start = match.end()
    yield start, len(line)


def _find_in_order(line: str, pieces):
    pos = 0
    for piece in pieces:
        piece = piece.strip()
        i = line.find(piece, pos)
        if i < 0 or not piece:
            continue
        yield i, i + len(piece)
        pos = i + len(piece)


def _versioned(name: str) -> str:
    from importlib.metadata import version

    return f"{name} {version(name)}"


def splitters() -> dict[str, object]:
    found = {
        "brief (rules)": lambda text: [(s.start, s.end) for s in split_sentences(text)],
        "naive regex": _per_line(_naive_line),
    }
    try:
        import syntok.segmenter as syntok

        def syntok_line(line):
            for paragraph in syntok.analyze(line):
                for sentence in paragraph:
                    yield sentence[0].offset, sentence[-1].offset + len(sentence[-1].value)
        found[_versioned("syntok")] = _per_line(syntok_line)
    except ImportError:
        pass
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found[_versioned("pysbd")] = _per_line(lambda line: _find_in_order(line, segmenter.segment(line)))
    except ImportError:
        pass
    try:
        import blingfire

        found[_versioned("blingfire")] = _per_line(
            lambda line: _find_in_order(line, blingfire.text_to_sentences(line).split("\n"))
        )
    except ImportError:
        pass
    return found


_QUOTES = "\"“”'‘’ "


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A span less the quote marks at its ends: the gold often drops a sentence's closing quote mark."""
    while start < end and text[start] in _QUOTES:
        start += 1
    while end > start and text[end - 1] in _QUOTES:
        end -= 1
    return start, end


def seed_gold() -> dict[str, tuple[str, set[int]]]:
    gold = {}
    for name, starts in SEED_STARTS.items():
        path = SEEDS / name
        if not path.exists():
            continue
        text, pos, offsets = path.read_text(encoding="utf-8"), 0, set()
        for start in starts:
            pos = text.index(start, pos)
            offsets.add(pos)
            pos += 1
        gold[name] = (text, offsets)
    return gold


def evaluate_splitting(articles: list[dict]) -> str:
    seeds = seed_gold()
    rows = []
    for name, split in splitters().items():
        hits = predicted = expected = exact = 0
        begin = time.perf_counter()
        outputs = [split(a["text"]) for a in articles]
        elapsed = time.perf_counter() - begin
        for article, spans in zip(articles, outputs):
            text = article["text"]
            gold = {_core(text, s.start, s.end) for s in gold_sentences(article)}
            got = {_core(text, start, end) for start, end in spans}
            hits += len(gold & got)
            predicted += len(got)
            expected += len(gold)
            exact += gold == got
        precision, recall = hits / max(predicted, 1), hits / max(expected, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        seed_hits = seed_total = seed_found = 0
        for text, starts in seeds.values():
            got = {start for start, _ in split(text)}
            seed_hits += len(starts & got)
            seed_total += len(starts)
            seed_found += len(got)
        seed_f1 = 2 * seed_hits / max(seed_total + seed_found, 1)
        rows.append(
            f"| {name} | {100 * precision:.1f} | {100 * recall:.1f} | {100 * f1:.1f} | "
            f"{100 * exact / len(articles):.1f} | {100 * seed_f1:.1f} | {1000 * elapsed / len(articles):.3f} |"
        )
        print(rows[-1], flush=True)
    header = (
        f"### Sentence splitting ({len(articles)} BBC articles, gold `sentences`; "
        "2 seed articles, hand-read starts)\n\n"
        "Spans compared less the quote marks at their ends (the gold often drops a closing quote). Library rows "
        "appear where the library is installed (`pip install syntok pysbd blingfire`); none is a brief "
        "dependency.\n\n"
        "| splitter | precision | recall | F1 | articles exact % | seeds boundary F1 | ms / article |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    return header + "\n".join(rows) + "\n"


# --- summaries -------------------------------------------------------------------------------------------------

def evaluate_summaries(articles: list[dict], methods: list[str], fixed_k: int | None = None) -> str:
    from rouge_score import rouge_scorer

    from brief.analysis.summarize import summarize

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    prepared = []
    for article in articles:
        gold = gold_sentences(article)
        ids = article["summary_sentence_ids"]
        reference = "\n".join(article["sentences"][i] for i in ids)
        prepared.append((article, gold, split_sentences(article["text"]), reference, fixed_k or len(ids)))

    def lead(sentences, method, count, title=""):
        return list(range(min(count, len(sentences))))

    rows, picks = [], {}
    for name in ["lead-k", *methods]:
        for mode in ("gold", "brief"):
            totals, seconds = [0.0, 0.0, 0.0], []
            chosen = []
            for article, gold, ours, reference, k in prepared:
                sentences = gold if mode == "gold" else ours
                run = lead if name == "lead-k" else summarize
                begin = time.perf_counter()
                picked = run(sentences, name, k, title=article["title"])
                seconds.append(time.perf_counter() - begin)
                chosen.append(picked)
                scores = scorer.score(reference, "\n".join(sentences[i].text for i in picked))
                for j, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
                    totals[j] += scores[key].fmeasure
            picks[name, mode] = chosen
            n = len(prepared)
            r1, r2, rl = (100 * t / n for t in totals)
            rows.append(
                f"| {name} | {mode} | {r1:.1f} | {r2:.1f} | {rl:.1f} | "
                f"{1000 * statistics.mean(seconds):.2f} | {1000 * statistics.median(seconds):.2f} |"
            )
            print(rows[-1], flush=True)
    notes = []
    for fast in ("textrank", "reduction"):
        if (fast, "gold") in picks and (f"{fast}-sumy", "gold") in picks:
            for mode in ("gold", "brief"):
                same = sum(a == b for a, b in zip(picks[fast, mode], picks[f"{fast}-sumy", mode]))
                notes.append(f"- brief's vectorised `{fast}` picks the same sentences as sumy's (`{fast}-sumy`) "
                             f"on {same} of {len(prepared)} articles ({mode} sentences).")
    header = (
        f"### Summaries ({len(prepared)} BBC articles, k = {fixed_k or 'the reference sentence count'})\n\n"
        "ROUGE F1 x 100 (rouge-score, stemmed; Lsum over sentences). Sentences: `gold` = the corpus's own, "
        "`brief` = brief's splitter. Time = summariser only, per article, this process.\n\n"
        "| method | sentences | R1 | R2 | RLsum | mean ms | median ms |\n"
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n"
    )
    return header + "\n".join(rows) + "\n\n" + "\n".join(notes) + ("\n" if notes else "")


def main(argv: list[str] | None = None) -> int:
    from brief.analysis.summarize import METHODS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="first N articles only")
    parser.add_argument("--task", choices=("split", "summary", "all"), default="all")
    parser.add_argument("--methods", default=",".join([*METHODS, "textrank-sumy", "reduction-sumy"]),
                        help="comma-separated summary methods (textrank-sumy, reduction-sumy = sumy's own classes, "
                        "beside brief's vectorised ones)")
    parser.add_argument("--k", type=int, help="summaries of K sentences instead of the reference's length")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results/bbc.md")
    args = parser.parse_args(argv)
    articles = load(args.limit)
    command = "python bench/eval_bbc.py " + " ".join(argv if argv is not None else sys.argv[1:])
    parts = [f"## BBC News Summary\n\nCommand: `{command.strip()}`\n"]
    if args.task in ("split", "all"):
        parts.append(evaluate_splitting(articles))
    if args.task in ("summary", "all"):
        parts.append(evaluate_summaries(articles, [m for m in args.methods.split(",") if m], args.k))
    report = "\n".join(parts)
    print()
    print(report)
    if not args.no_write:
        name = f"bbc-k{args.k}.md" if args.k else "bbc.md"
        print(f"written to {write_result(name, report)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
