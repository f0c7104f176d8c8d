"""A reader's `Draft` -> an `Article`: cleaned text, given metadata first, the rest inferred."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date

from pydantic import ValidationError

from brief.corpus.clean import Boilerplate, clean_inline, clean_text, normalize
from brief.corpus.metadata import infer_published, looks_like_headline, parse_given_date, title_from_text
from brief.corpus.readers import Draft
from brief.models import Article

_TITLE_MAX = 300
_NON_WORD = re.compile(r"[\W_]+")

Warn = Callable[[str, int | None], None]


def article_id(title: str, text: str, source: str | None = None, published: date | None = None) -> str:
    """Stable across runs and machines: a digest of the article as published (what it says, who
    published it and when), not of where its file lies. The same wire copy run by two outlets is
    two articles; the same file saved twice is one (an exact duplicate)."""
    key = f"{title}\n{text}"
    if source or published:
        key += f"\n{source or ''}\n{published.isoformat() if published else ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _words(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text).split()).casefold()


def _title(given: str | None, text: str) -> tuple[str, str]:
    """(title, text): a given title, else a first line that reads like a headline (taken out of
    the text), else a short title made from the first sentence. A first paragraph that repeats
    the given title (up to case and punctuation) is the headline printed again: it goes."""
    first, _, rest = text.partition("\n")
    if given:
        if rest and _words(first) == _words(given):
            return given, rest
        return given, text
    if rest and looks_like_headline(first):
        return first, rest
    return title_from_text(text), text


def build_article(draft: Draft, path: str, sidecar: dict[str, object], rules: Boilerplate,
                  warn: Warn) -> Article | None:
    record = draft.record
    meta = {**draft.meta, **sidecar}  # a sidecar is written on purpose: it corrects the file
    text = clean_text(draft.text, rules, unwrap=not draft.structured)
    if not text:
        warn("no text left after cleaning; skipped", record)
        return None
    given_title = clean_inline(str(sidecar.get("title") or draft.title or ""))
    if len(given_title) > _TITLE_MAX:
        given_title = given_title[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"
    title, text = _title(given_title or None, text)
    fields: dict[str, object] = {}
    for key in ("source", "url", "author"):
        value = meta.get(key)
        if value:
            fields[key] = clean_inline(str(value)) or None
    published = None
    given_date = meta.get("published")
    if given_date:
        published = parse_given_date(given_date)
        if published is None:
            warn(f"'published' value {str(given_date)[:40]!r} is not a date; inferred it from the text", record)
    published_from = "given" if published else None
    if published is None:
        published = infer_published(text, head=normalize(draft.text[:4000]))
        published_from = "text" if published else None
    full_path = f"{path}#{record}" if record is not None else path
    try:
        return Article(id=article_id(title, text, fields.get("source"), published), title=title, text=text, path=full_path,
                       published=published, published_from=published_from, **fields)
    except ValidationError as exc:  # defensive: a value no cleaning foresaw
        warn(f"could not make an article ({exc.error_count()} bad fields); skipped", record)
        return None
