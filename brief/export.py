"""`brief export`: the briefing as the JSON contract of DESIGN.md section 3, or as Markdown for people."""

from __future__ import annotations

import json
from typing import Any

from brief.models import Briefing


def _summary_texts(briefing: Briefing, article_id: str) -> list[str]:
    analysis = briefing.analyses.get(article_id)
    if analysis is None:
        return []
    return [analysis.sentences[i].text for i in analysis.summary if i < len(analysis.sentences)]


def to_dict(briefing: Briefing) -> dict[str, Any]:
    return {
        "articles": [
            {
                "id": a.id, "title": a.title, "source": a.source,
                "published": a.published.isoformat() if a.published else None,
                "path": a.path, "url": a.url, "author": a.author,
                "summary": _summary_texts(briefing, a.id),
            }
            for a in briefing.articles
        ],
        "stories": [
            {
                "id": s.id, "title": s.title, "article_ids": s.article_ids,
                "summary": [{"text": x.text, "article_id": x.article_id} for x in s.summary],
                "actor_ids": s.actor_ids, "quote_ids": s.quote_ids, "sources": s.sources,
                "cited_sources": s.cited_sources,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in briefing.stories
        ],
        "actors": [
            {
                "id": a.id, "name": a.name, "kind": a.kind, "aliases": a.aliases, "roles": a.roles,
                "article_ids": a.article_ids, "mention_count": a.mention_count, "quote_ids": a.quote_ids,
            }
            for a in briefing.actors
        ],
        "quotes": [
            {
                "id": q.id, "text": q.text, "speaker_id": q.speaker_id, "article_id": q.article_id,
                "kind": q.kind, "cue": q.cue, "channel": q.channel, "reported_by": q.reported_by,
                "group_id": q.group_id,
            }
            for q in briefing.quotes
        ],
        "warnings": [{"path": w.path, "message": w.message} for w in briefing.warnings],
    }


def to_json(briefing: Briefing) -> str:
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, so article text stays literal."""
    out = []
    for ch in text:
        if ch in "\\`*_{}[]<>#|!":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def to_markdown(briefing: Briefing) -> str:
    articles = {a.id: a for a in briefing.articles}
    quotes_by_speaker: dict[str, list] = {}
    for q in briefing.quotes:
        if q.speaker_id:
            quotes_by_speaker.setdefault(q.speaker_id, []).append(q)
    lines = ["# Briefing", ""]
    lines += [f"{len(briefing.stories)} stories, {len(briefing.articles)} articles, "
              f"{len(briefing.actors)} actors, {len(briefing.quotes)} quotes.", ""]
    lines += ["## Stories", ""]
    for story in briefing.stories:
        lines += [f"### {_md(story.title)}", ""]
        outlets = story.sources or sorted({articles[i].source or "unknown source" for i in story.article_ids})
        lines += [f"Sources: {_md(', '.join(outlets))}", ""]
        if story.cited_sources:
            lines += [f"Citing: {_md(', '.join(story.cited_sources))}", ""]
        for sentence in story.summary:
            origin = articles.get(sentence.article_id)
            where = (origin.source or origin.title) if origin else sentence.article_id
            lines.append(f"- {_md(sentence.text)} ({_md(where)})")
        lines.append("")
    lines += ["## Actors", ""]
    for actor in sorted(briefing.actors, key=lambda a: -a.mention_count):
        lines += [f"### {_md(actor.name)} ({actor.kind})", ""]
        if actor.roles:
            lines += [f"Roles: {_md('; '.join(actor.roles))}", ""]
        others = [a for a in actor.aliases if a != actor.name]
        if others:
            lines += [f"Also: {_md(', '.join(others))}", ""]
        for q in quotes_by_speaker.get(actor.id, []):
            how = ", ".join(x for x in (q.cue, f"on {q.channel}" if q.channel else None) if x)
            origin = articles.get(q.article_id)
            where = (origin.source or origin.title) if origin else q.article_id
            lines.append(f"- “{_md(q.text)}” ({_md(how)}; {_md(where)})")
        if quotes_by_speaker.get(actor.id):
            lines.append("")
    if briefing.warnings:
        lines += ["## Warnings", ""]
        lines += [f"- {_md(w.path)}: {_md(w.message)}" for w in briefing.warnings]
        lines.append("")
    return "\n".join(lines)
