"""Writes a briefing into the cache as the small items `StoredLibrary` reads back one at a time."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from pydantic import BaseModel

from brief.library import Library
from brief.models import ActorBrief, Briefing
from brief.store import Store

ROW_LISTS = ("story_rows", "article_rows", "actor_rows", "quote_rows", "source_rows")
ROW_CHUNK = 512  # list rows per cache item: the first screen reads one item, not 100,000 rows


def _dump(model: BaseModel) -> bytes:
    return model.model_dump_json().encode("utf-8")


def save_briefing(store: Store, key: str, briefing: Briefing, analysis_prefix: str | None = None,
                  actor_briefs: Iterable[ActorBrief] | None = None,
                  article_text: Callable[[str], str] | None = None) -> None:
    """Write a briefing as items; the 'meta' item, written last, marks it complete.

    With `analysis_prefix` the analyses are not written again: they are read from the store's
    analyses table under `analysis_prefix + article id` (they are the biggest part of a briefing).
    `actor_briefs`, when given, stand for `briefing.actor_briefs` and are written as they come.
    `article_text(article_id)`, when given, is each article's text, which its model does not hold.
    """
    library = Library(briefing)

    def items() -> Iterator[tuple[str, str, bytes]]:
        for name in ROW_LISTS:
            rows = getattr(library, name).raw
            yield "rows", name, json.dumps({"count": len(rows), "chunk": ROW_CHUNK}).encode("utf-8")
            for number, start in enumerate(range(0, len(rows), ROW_CHUNK)):
                part = rows[start:start + ROW_CHUNK]
                yield f"rows:{name}", str(number), json.dumps(part, ensure_ascii=False, default=str).encode("utf-8")
        for a in briefing.articles:
            yield "article", a.id, _dump(a if article_text is None else
                                         a.model_copy(update={"text": article_text(a.id)}))
        if analysis_prefix is None:
            for aid, analysis in briefing.analyses.items():
                yield "analysis", aid, _dump(analysis)
        for s in briefing.stories:
            yield "story", s.id, _dump(s)
        for a in briefing.actors:
            yield "actor", a.id, _dump(a)
        for q in briefing.quotes:
            yield "quote", q.id, _dump(q if isinstance(q, BaseModel) else q.to_model())
        for g in briefing.quote_groups:
            yield "group", g.id, _dump(g)
        for brief in briefing.actor_briefs.values() if actor_briefs is None else actor_briefs:
            yield "brief", brief.actor_id, _dump(brief)
        for s in briefing.sources:
            yield "source", s.name, _dump(s)
        links: dict[str, dict[str, list[str]]] = {}
        for s in briefing.stories:
            for aid in s.article_ids:
                links.setdefault(aid, {"stories": [], "quotes": []})["stories"].append(s.id)
        for q in briefing.quotes:
            links.setdefault(q.article_id, {"stories": [], "quotes": []})["quotes"].append(q.id)
        for aid, link in links.items():
            yield "links", aid, json.dumps(link).encode("utf-8")
        local: dict[str, dict[str, str]] | None = getattr(briefing.local_actor_ids, "by_article", None)
        if local is None:
            local = {}
            for compound, actor_id in briefing.local_actor_ids.items():
                aid, _, key_ = compound.partition(":")
                local.setdefault(aid, {})[key_] = actor_id
        for aid, mapping in local.items():
            yield "local", aid, json.dumps(mapping).encode("utf-8")
        warnings = [w.model_dump() for w in briefing.warnings]
        meta = {"warnings": warnings, "analysis_prefix": analysis_prefix}
        yield "meta", "meta", json.dumps(meta).encode("utf-8")

    store.put_items(key, items())


def update_warnings(store: Store, key: str, warnings: list) -> None:
    """The same articles make the same briefing, but what went wrong around them may have changed (a
    bad file added or removed, a bad pattern in the config): the stored briefing's warnings follow."""
    raw = store.get_item(key, "meta", "meta")
    if raw is None:
        return
    meta = json.loads(raw)
    current = [w.model_dump() for w in warnings]
    if meta.get("warnings") != current:
        meta["warnings"] = current
        store.replace_item(key, "meta", "meta", json.dumps(meta).encode("utf-8"))
