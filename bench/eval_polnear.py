"""Score quote extraction and speaker attribution on PolNeAR dev (../shared/corpora/polnear-dev/dev.jsonl).

    python bench/eval_polnear.py [--errors N] [--half first|second]

Each article runs the real per-article steps: split_sentences, ActorExtractor, QuoteExtractor.
Gold: the primary annotator's attributions whose quote_type is direct or mixed ("quoted").
A gold source is named when the head of its phrase is a proper name (see source_class): 'Donald
Trump', 'Gov. Earl Ray Tomblin of West Virginia'; not 'The New York businessman' or 'Officials at …'.

  (a) found: a quoted attribution is found when one of our quotes overlaps its content.
  (b) right speaker, of the found ones whose gold source is named: every speaker we give (the actor behind speaker_key of the quotes overlapping the
      content) matches, and at least one is given. An actor matches when the last word of its name or of
      one of its aliases is a word of the gold source span ('Trump' matches 'Donald Trump’s campaign').
  (c) wrong speakers: of those named ones where we give a speaker, the share where one does not match.
  (d) invented: our quotes that overlap no gold attribution content (any type): an estimate of the
      quotes that are not speech (scare quotes, titles) plus speech the annotator did not mark.
Pronoun sources ('he said') cannot be checked against the span itself; as a proxy, our speaker is
compared with the nearest preceding named gold source of the article (reported separately).
The first half of the articles (by file order) was used for tuning; the second half is held out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time

from common import CORPORA, ROOT, require, write_result

sys.path.insert(0, str(ROOT))

from brief.analysis.actors import ActorExtractor  # noqa: E402
from brief.analysis.quotes import QuoteExtractor  # noqa: E402
from brief.analysis.segment import split_sentences  # noqa: E402
from brief.models import Article  # noqa: E402

PRONOUNS = frozenset("he she they it i we you who which that him her them his its their".split())
OPENERS = frozenset(
    "the a an his her their its this that these those one some many several other another both each most all "
    "few sources source officials critics aides experts analysts observers supporters opponents people "
    "residents witnesses police prosecutors investigators lawmakers voters americans others according "
    "but and so yet".split()
)
_WORD = re.compile(r"[A-Za-z@][\w’'\-]*")


def words(text: str) -> list[str]:
    return [re.sub(r"(?:’s|'s|’|')$", "", w) for w in _WORD.findall(text)]


_HEAD_CUT = re.compile(r",|\(|\s(?:who|whose|which|that|of|at|from|for|in|on|with|to|released|filed)\s")


def _proper(ws: list[str]) -> bool:
    last = ws[-1]
    return last[0].isupper() and last.lower() not in PRONOUNS and not (len(ws) == 1 and last.lower() in OPENERS)


def source_class(source: str) -> str:
    """pronoun ('he'), named (the head of the phrase is a proper name: 'Donald Trump', 'Gov. Earl Ray
    Tomblin of West Virginia', 'Ronald R. Fieldstone, a Miami lawyer', 'Another critic, Laurence H. Tribe,'),
    or generic ('a spokesman', 'The New York businessman', 'Officials at Homeland Security Investigations')."""
    ws = words(source)
    if not ws:
        return "none"
    if len(ws) == 1 and ws[0].lower() in PRONOUNS:
        return "pronoun"
    parts = [words(p) for p in re.split(r",", source)]
    head = words(_HEAD_CUT.split(source.strip())[0])
    if head and _proper(head):
        return "named"
    # 'Another critic, Laurence H. Tribe,': a name in apposition.
    if len(parts) > 1 and parts[1] and all(w[0].isupper() for w in parts[1]):
        return "named"
    return "generic"


def actor_matches(actor, source: str) -> bool:
    gold = {w.lower() for w in words(source)}
    for name in [actor.name, *actor.aliases]:
        ws = words(name)
        if ws and ws[-1].lower() in gold:
            return True
    return False


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def evaluate_article(record: dict) -> dict:
    article = Article(id=record["id"], title=record.get("title") or "", text=record["text"], path=record["id"])
    t0 = time.perf_counter()
    sentences = split_sentences(article.text)
    extraction = ActorExtractor().extract(article.text, sentences)
    t1 = time.perf_counter()
    quotes = QuoteExtractor().extract(article.id, article.text, sentences, extraction)
    t2 = time.perf_counter()
    actors = {a.key: a for a in extraction.actors}
    gold = record["annotations"][record["primary_annotator"]]["attributions"]
    rows = []
    last_named = None
    for g in sorted(gold, key=lambda g: min((c["start"] for c in g["content"]), default=0)):
        source = g.get("source_text") or ""
        cls = source_class(source)
        if g["quote_type"] not in ("direct", "mixed"):
            if cls == "named":
                last_named = source
            continue
        hits = [q for q in quotes if any(overlaps(q.start, q.end, c["start"], c["end"]) for c in g["content"])]
        keys = {q.speaker_key for q in hits if q.speaker_key}
        verdicts = [actor_matches(actors[k], source) for k in keys if k in actors]
        proxy = None
        if cls == "pronoun" and keys and last_named:
            proxy = all(actor_matches(actors[k], last_named) for k in keys if k in actors)
        rows.append({
            "source": source, "class": cls, "type": g["quote_type"], "found": bool(hits),
            "attributed": bool(keys), "right": bool(verdicts) and all(verdicts), "wrong": bool(verdicts) and not all(verdicts),
            "proxy": proxy, "ours": sorted(actors[k].name for k in keys if k in actors),
            "ours_text": sorted({q.speaker_text or "" for q in hits}), "content": g["content_text"][:140],
        })
        if cls == "named":
            last_named = source
    spans = [(c["start"], c["end"]) for g in gold for c in g["content"]]
    invented = [q for q in quotes if not any(overlaps(q.start, q.end, a, b) for a, b in spans)]
    return {"rows": rows, "quotes": len(quotes), "invented": invented, "t_actors": t1 - t0, "t_quotes": t2 - t1}


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "n/a"


def summarise(results: list[dict]) -> dict[str, str]:
    rows = [r for res in results for r in res["rows"]]
    found = [r for r in rows if r["found"]]
    named = [r for r in found if r["class"] == "named"]
    named_attr = [r for r in named if r["attributed"]]
    pron = [r for r in found if r["class"] == "pronoun"]
    pron_proxy = [r for r in pron if r["proxy"] is not None]
    ours = sum(res["quotes"] for res in results)
    invented = sum(len(res["invented"]) for res in results)
    return {
        "quoted attributions": str(len(rows)),
        "(a) found": pct(len(found), len(rows)),
        "(b) right speaker, of found with a named source": pct(sum(r["right"] for r in named), len(named)),
        "(c) wrong speaker, of named ones we attribute": pct(sum(r["wrong"] for r in named_attr), len(named_attr)),
        "    named ones left without a speaker": pct(len(named) - len(named_attr), len(named)),
        "(d) invented, of our quotes": pct(invented, ours),
        "pronoun sources given a speaker": pct(sum(r["attributed"] for r in pron), len(pron)),
        "    proxy: agrees with the previous named gold source": pct(sum(r["proxy"] for r in pron_proxy), len(pron_proxy)),
        "generic sources given an actor": pct(
            sum(r["attributed"] for r in found if r["class"] == "generic"), sum(r["class"] == "generic" for r in found)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N misses, wrong speakers and invented quotes")
    parser.add_argument("--half", choices=["first", "second"], help="only one half (errors are printed for it)")
    args = parser.parse_args()
    path = require(CORPORA / "polnear-dev" / "dev.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(records) // 2
    results = [evaluate_article(r) for r in records]
    parts = {"first half (tuned on)": results[:half], "second half (held out)": results[half:], "all": results}
    lines = [
        "# PolNeAR dev: quotes and speakers", "", "Command: `python bench/eval_polnear.py`", "",
        "Gold: primary annotator, attributions with quote_type direct or mixed. Found: one of our quotes overlaps",
        "the gold content. Named source: the head of the gold source phrase is a proper name. Right: the actor",
        "behind every speaker_key we give shares its name's last word with the gold source span. Wrong: we give",
        "a speaker and it does not match. Invented: our quotes overlapping no gold attribution content at all.",
        "Pronoun sources cannot be checked against the span; the proxy compares with the previous named gold source.",
        "",
    ]
    lines += ["| measure | " + " | ".join(parts) + " |", "|---|" + "---|" * len(parts)]
    sums = {name: summarise(res) for name, res in parts.items()}
    for measure in sums["all"]:
        lines.append(f"| {measure} | " + " | ".join(sums[name][measure] for name in parts) + " |")
    t_actors = sum(r["t_actors"] for r in results)
    t_quotes = sum(r["t_quotes"] for r in results)
    lines += ["", f"Time per article: quotes {1000 * t_quotes / len(results):.2f} ms, "
              f"sentences + actors {1000 * t_actors / len(results):.2f} ms ({len(results)} articles)."]
    report = "\n".join(lines) + "\n"
    print(report)
    out = write_result("polnear.md", report)
    print(f"written: {out}")
    if args.errors:
        chosen = results[:half] if args.half != "second" else results[half:]
        if args.half is None:
            chosen = results
        rows = [r for res in chosen for r in res["rows"]]
        print("\n## wrong speakers")
        for r in [r for r in rows if r["wrong"] and r["class"] == "named"][: args.errors]:
            print(f"  gold={r['source']!r} ours={r['ours']} text={r['ours_text']} | {r['content']}")
        print("\n## named, no speaker")
        for r in [r for r in rows if r["found"] and r["class"] == "named" and not r["attributed"]][: args.errors]:
            print(f"  gold={r['source']!r} text={r['ours_text']} | {r['content']}")
        print("\n## generic sources given an actor")
        for r in [r for r in rows if r["found"] and r["class"] == "generic" and r["attributed"]][: args.errors]:
            print(f"  gold={r['source']!r} ours={r['ours']} | {r['content']}")
        print("\n## pronoun proxy disagreements")
        for r in [r for r in rows if r["proxy"] is False][: args.errors]:
            print(f"  gold={r['source']!r} ours={r['ours']} | {r['content']}")
        print("\n## missed")
        for r in [r for r in rows if not r["found"]][: args.errors]:
            print(f"  gold={r['source']!r} {r['type']} | {r['content']}")
        print("\n## invented")
        for res in chosen:
            for q in res["invented"][: 3]:
                print(f"  [{q.kind}] speaker={q.speaker_text!r} cue={q.cue} | {q.text[:100]}")


if __name__ == "__main__":
    main()
