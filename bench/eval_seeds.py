"""Score the engine on the two seed articles against ../shared/gold/seeds.json.

    python bench/eval_seeds.py [--json]

Quotes: each gold quote is found when an extracted quote of the same article starts with (or
holds) its first words; its speaker is right when the speaker actor carries the gold name.
Actors: each gold actor is one actor holding all its variants, and no second actor holds any.
Also: sentence openers / boilerplate as actors, one story for both articles, cross-outlet groups.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from common import ROOT, SHARED, require, write_result

sys.path.insert(0, str(ROOT))

from brief.config import Settings  # noqa: E402
from brief.pipeline import build_briefing  # noqa: E402
from brief.store import Store  # noqa: E402


def norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip(" \"'").lower()


def evaluate() -> dict:
    gold = json.loads(require(SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    briefing = build_briefing(ROOT / "seeds", Settings(), store=Store(None))
    by_file = {Path(a.path).name: a for a in briefing.articles}
    actors = {a.id: a for a in briefing.actors}

    def names(actor) -> set[str]:
        return {norm(x) for x in [actor.name, *actor.aliases]}

    report: dict = {"quotes": [], "actors": [], "problems": []}
    found = right = wrong = unknown = 0
    for g in gold["quotes"]:
        article = by_file.get(g["article"])
        starts = norm(g["starts"])
        match = None
        if article:
            for q in briefing.quotes:
                if q.article_id == article.id and (norm(q.text).startswith(starts) or starts in norm(q.text)):
                    match = q
                    break
        row = {"starts": g["starts"], "gold_speaker": g["speaker"], "found": match is not None}
        if match:
            found += 1
            speaker = actors.get(match.speaker_id or "")
            row.update(speaker=speaker.name if speaker else None, cue=match.cue, channel=match.channel,
                       group_id=match.group_id)
            if speaker is None:
                unknown += 1
            elif norm(g["speaker"]) in names(speaker) or norm(g["speaker"]).split()[-1] in names(speaker):
                right += 1
            else:
                wrong += 1
        report["quotes"].append(row)
    report["quote_summary"] = {"gold": len(gold["quotes"]), "found": found, "right_speaker": right,
                               "wrong_speaker": wrong, "no_speaker": unknown,
                               "extracted": len(briefing.quotes)}

    whole = 0
    for g in gold["actors"]:
        variants = {norm(v) for v in g["variants"]}
        holders = [a for a in briefing.actors if names(a) & variants]
        complete = len(holders) == 1 and variants <= names(holders[0])
        whole += complete
        report["actors"].append({
            "canonical": g["canonical"], "one_actor_with_all_variants": complete,
            "held_by": [a.name for a in holders],
            "missing_variants": sorted(variants - set().union(*(names(a) for a in holders))) if holders else sorted(variants),
            "roles": holders[0].roles if len(holders) == 1 else None,
        })
    bad = {norm(x) for x in gold["not_actors"]}
    false_actors = [a.name for a in briefing.actors if norm(a.name) in bad]
    ids = {by_file[name].id for s in gold["stories"] for name in s["articles"] if name in by_file}
    one_story = any(ids <= set(s.article_ids) for s in briefing.stories)

    groups: dict[str, list] = {}
    for g, row in zip(gold["quotes"], report["quotes"]):
        if "group" in g:
            groups.setdefault(g["group"], []).append((g["article"], row.get("group_id")))
    cross = {k: v for k, v in groups.items() if len({a for a, _ in v}) > 1}
    linked = sum(1 for v in cross.values() if all(gid and gid == v[0][1] for _, gid in v))
    report["summary"] = {
        "quotes_found": f"{found}/{len(gold['quotes'])}", "right_speaker": right, "wrong_speaker": wrong,
        "actors_whole": f"{whole}/{len(gold['actors'])}", "false_actors": false_actors,
        "one_story_for_both": one_story, "stories": len(briefing.stories),
        "cross_outlet_groups_linked": f"{linked}/{len(cross)}",
    }
    return report


def main() -> None:
    report = evaluate()
    if "--json" in sys.argv:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    lines = ["# Seeds against gold/seeds.json", "", "Command: `python bench/eval_seeds.py`", ""]
    lines += [f"- {k}: {v}" for k, v in report["summary"].items()]
    lines += ["", "| gold quote | gold speaker | found | speaker | cue | channel |", "|---|---|---|---|---|---|"]
    for q in report["quotes"]:
        lines.append(f"| {q['starts'][:40]} | {q['gold_speaker']} | {q['found']} | {q.get('speaker')} "
                     f"| {q.get('cue')} | {q.get('channel')} |")
    lines += ["", "| gold actor | one actor, all variants | held by | missing | roles |", "|---|---|---|---|---|"]
    for a in report["actors"]:
        lines.append(f"| {a['canonical']} | {a['one_actor_with_all_variants']} | {', '.join(a['held_by'])} "
                     f"| {', '.join(a['missing_variants'])} | {a['roles']} |")
    text = "\n".join(lines) + "\n"
    print(text)
    write_result("seeds.md", text)


if __name__ == "__main__":
    main()
