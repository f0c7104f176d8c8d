"""Score the per-article quote extraction on the two seeds against ../shared/gold/seeds.json, field by field.

    python bench/eval_seeds_quotes.py

Each seed runs split_sentences, ActorExtractor and QuoteExtractor (no cross-article step). A gold quote
is found when one of our quotes of its article starts with (or holds) its first words; its speaker is
right when the speaker actor's name or an alias ends with the gold speaker's surname in one of the
spellings the gold file lists for that actor. Cue, channel and
relaying outlet are compared as written (case-insensitive); a field the gold leaves out must be empty.
"""

from __future__ import annotations

import json
import re
import sys

from common import ROOT, SHARED, require, write_result

sys.path.insert(0, str(ROOT))

from brief.analysis.actors import ActorExtractor  # noqa: E402
from brief.analysis.quotes import QuoteExtractor  # noqa: E402
from brief.analysis.segment import split_sentences  # noqa: E402


def norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip(" \"'.,").lower()


def main() -> None:
    gold = json.loads(require(SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    per_article = {}
    for name in gold["articles"]:
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        sentences = split_sentences(text)
        extraction = ActorExtractor().extract(text, sentences)
        quotes = QuoteExtractor().extract(name, text, sentences, extraction)
        per_article[name] = (quotes, {a.key: a for a in extraction.actors})
    # A speaker's surnames in every spelling the gold gives (Zelenskyy, Zelensky).
    surnames = {a["canonical"]: {norm(v).split()[-1] for v in a["variants"]} for a in gold["actors"]}
    rows = []
    counts = {"found": 0, "right": 0, "wrong": 0, "cue": 0, "channel": 0, "reported_by": 0}
    for g in gold["quotes"]:
        quotes, actors = per_article[g["article"]]
        starts = norm(g["starts"])
        match = next((q for q in quotes if norm(q.text).startswith(starts) or starts in norm(q.text)), None)
        row = {"starts": g["starts"][:40], "gold": g["speaker"], "ours": None, "cue": None, "channel": None, "reported_by": None}
        if match is not None:
            counts["found"] += 1
            actor = actors.get(match.speaker_key or "")
            if actor is not None:
                row["ours"] = actor.name
                names = {norm(n).split()[-1] for n in (actor.name, *actor.aliases) if norm(n)}
                counts["right" if names & surnames[g["speaker"]] else "wrong"] += 1
            for field in ("cue", "channel", "reported_by"):
                ours = getattr(match, field)
                row[field] = ours
                counts[field] += norm(ours) == norm(g.get(field))
        rows.append(row)
    total = len(gold["quotes"])
    extracted = sum(len(q) for q, _ in per_article.values())
    lines = [
        "# Seeds: quotes against gold/seeds.json", "", "Command: `python bench/eval_seeds_quotes.py`", "",
        f"- found: {counts['found']}/{total}; right speaker: {counts['right']}/{total}; wrong speaker: {counts['wrong']}",
        f"- cue right: {counts['cue']}/{total}; channel right: {counts['channel']}/{total}; "
        f"relaying outlet right: {counts['reported_by']}/{total}; quotes extracted: {extracted}",
        "", "| gold quote | gold speaker | our speaker | cue | channel | reported by |", "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['starts']} | {r['gold']} | {r['ours']} | {r['cue']} | {r['channel']} | {r['reported_by']} |")
    report = "\n".join(lines) + "\n"
    print(report)
    print(f"written: {write_result('seeds_quotes.md', report)}")


if __name__ == "__main__":
    main()
