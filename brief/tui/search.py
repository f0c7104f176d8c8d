"""`/` search: actors by name, quotes by their words, articles by title and text."""

from __future__ import annotations

import re

from brief.library import Library
from brief.tui.widgets.document import Target


def search(lib: Library, query: str, limit: int = 5000) -> list[Target]:
    """Every match, actors first, then quotes, then articles (at the first hit in the text)."""
    query = query.strip()
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found: list[Target] = []
    for row in lib.actor_rows:
        actor = lib.actor(row.id)
        names = [row.name, *(actor.aliases if actor else [])]
        if any(pattern.search(name) for name in names):
            found.append(Target("actor", row.id))
    for row in lib.quote_rows:
        if pattern.search(row.text):
            found.append(Target("quote", row.id))
    for row in lib.article_rows:
        article = lib.article(row.id)
        if article is None:
            continue
        hit = pattern.search(article.text)
        if hit:
            found.append(Target("article", row.id, hit.start(), hit.end()))
        elif pattern.search(article.title):
            found.append(Target("article", row.id))
        if len(found) >= limit:
            break
    return found[:limit]
