"""`brief export`: the briefing as the JSON contract of DESIGN.md section 3, or as Markdown for people.

Both formats are written item by item to a stream. A briefing in the cache is read from its
items (`StoredSource`), never put back together whole, so exporting 100,000 articles keeps
only a chunk of analyses and a few small maps in memory. `to_json` and `to_markdown` are the
same writers over a `Briefing` in memory.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from brief.models import (
    Actor,
    Article,
    ArticleAnalysis,
    Briefing,
    LoadWarning,
    Quote,
    Story,
)
from brief.store import Store
from brief.wording import counted

M = TypeVar("M", bound=BaseModel)
Write = Callable[[str], Any]

_ANALYSIS_CHUNK = 256  # analyses decoded at once by a stored export


class IncompleteCache(LookupError):
    """The cached briefing lost a part (an analysis was corrupt and discarded): it must be rebuilt."""


# One item of the JSON contract each -------------------------------------------------------
class _SummaryText(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str


class _SummaryOnly(BaseModel):
    """The part of an `ArticleAnalysis` an export prints: decoding only it is twice as fast."""

    model_config = ConfigDict(extra="ignore")
    sentences: list[_SummaryText] = Field(default_factory=list)
    summary: list[int] = Field(default_factory=list)


def _summary_of(analysis: ArticleAnalysis | _SummaryOnly | None) -> list[str]:
    if analysis is None:
        return []
    return [analysis.sentences[i].text for i in analysis.summary if i < len(analysis.sentences)]


def _summary_texts(briefing: Briefing, article_id: str) -> list[str]:
    return _summary_of(briefing.analyses.get(article_id))


def _article_dict(a: Article, summary: list[str]) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "source": a.source,
        "published": a.published.isoformat() if a.published else None,
        "path": a.path, "url": a.url, "author": a.author,
        "summary": summary,
    }


def _story_dict(s: Story) -> dict[str, Any]:
    return {
        "id": s.id, "title": s.title, "article_ids": s.article_ids,
        "summary": [{"text": x.text, "article_id": x.article_id} for x in s.summary],
        "actor_ids": s.actor_ids, "quote_ids": s.quote_ids, "sources": s.sources,
        "cited_sources": s.cited_sources,
        "published": s.published.isoformat() if s.published else None,
    }


def _actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id, "name": a.name, "kind": a.kind, "aliases": a.aliases, "roles": a.roles,
        "article_ids": a.article_ids, "mention_count": a.mention_count, "quote_ids": a.quote_ids,
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id, "text": q.text, "speaker_id": q.speaker_id, "article_id": q.article_id,
        "kind": q.kind, "cue": q.cue, "channel": q.channel, "reported_by": q.reported_by,
        "group_id": q.group_id,
    }


def _warning_dict(w: LoadWarning) -> dict[str, Any]:
    return {"path": w.path, "message": w.message}


def to_dict(briefing: Briefing) -> dict[str, Any]:
    return {
        "articles": [_article_dict(a, _summary_texts(briefing, a.id)) for a in briefing.articles],
        "stories": [_story_dict(s) for s in briefing.stories],
        "actors": [_actor_dict(a) for a in briefing.actors],
        "quotes": [_quote_dict(q) for q in briefing.quotes],
        "warnings": [_warning_dict(w) for w in briefing.warnings],
    }


# Where the items come from ------------------------------------------------------------------
class Source(Protocol):
    warnings: Sequence[LoadWarning]

    def articles(self) -> Iterator[Article]: ...
    def articles_with_summaries(self) -> Iterator[tuple[Article, list[str]]]: ...
    def stories(self) -> Iterator[Story]: ...
    def actors(self) -> Iterator[Actor]: ...
    def actors_by_mentions(self) -> Iterator[Actor]: ...
    def quotes(self) -> Iterator[Quote]: ...
    def story_count(self) -> int: ...
    def actor_count(self) -> int: ...


class BriefingSource:
    """A briefing in memory."""

    def __init__(self, briefing: Briefing):
        self.briefing = briefing
        self.warnings = briefing.warnings

    def articles(self) -> Iterator[Article]:
        return iter(self.briefing.articles)

    def articles_with_summaries(self) -> Iterator[tuple[Article, list[str]]]:
        for a in self.briefing.articles:
            yield a, _summary_texts(self.briefing, a.id)

    def stories(self) -> Iterator[Story]:
        return iter(self.briefing.stories)

    def actors(self) -> Iterator[Actor]:
        return iter(self.briefing.actors)

    def actors_by_mentions(self) -> Iterator[Actor]:
        return iter(sorted(self.briefing.actors, key=lambda a: -a.mention_count))

    def quotes(self) -> Iterator[Quote]:
        return iter(self.briefing.quotes)

    def story_count(self) -> int:
        return len(self.briefing.stories)

    def actor_count(self) -> int:
        return len(self.briefing.actors)


class StoredSource:
    """A briefing kept in the cache as items (brief/stored_library.py), read one item at a time.

    `warnings` replaces the stored ones when given (a fresh build adds the cache's own).
    """

    def __init__(self, store: Store, key: str, warnings: Sequence[LoadWarning] | None = None):
        self.store, self.key = store, key
        raw = store.get_item(key, "meta", "meta")
        if raw is None:
            raise IncompleteCache(f"no cached briefing {key}")
        meta = json.loads(raw)
        self.analysis_prefix: str | None = meta.get("analysis_prefix")
        stored = [LoadWarning(**w) for w in meta.get("warnings", [])]
        self.warnings = stored if warnings is None else list(warnings)

    def _models(self, kind: str, model: type[M]) -> Iterator[M]:
        for _, raw in self.store.iter_items(self.key, kind):
            yield model.model_validate_json(raw)

    def article_count(self) -> int:
        """How many articles, from the stored list's header (no article is read)."""
        raw = self.store.get_item(self.key, "rows", "article_rows")
        head = json.loads(raw) if raw else []
        return head["count"] if isinstance(head, dict) else len(head)

    def _count(self, kind: str) -> int:
        return sum(1 for _ in self.store.iter_items(self.key, kind))

    def articles(self) -> Iterator[Article]:
        return self._models("article", Article)

    def articles_with_summaries(self) -> Iterator[tuple[Article, list[str]]]:
        chunk: list[Article] = []
        for article in self.articles():
            chunk.append(article)
            if len(chunk) >= _ANALYSIS_CHUNK:
                yield from self._summarised(chunk)
                chunk = []
        yield from self._summarised(chunk)

    def _summarised(self, chunk: list[Article]) -> Iterator[tuple[Article, list[str]]]:
        if not chunk:
            return
        if self.analysis_prefix is None:  # a cache that kept analyses among the items
            found = {}
            for a in chunk:
                raw = self.store.get_item(self.key, "analysis", a.id)
                if raw is not None:
                    found[a.id] = _SummaryOnly.model_validate_json(raw)
        else:
            prefix = self.analysis_prefix
            by_key = self.store.get_analyses([prefix + a.id for a in chunk], _SummaryOnly)
            found = {a.id: by_key[prefix + a.id] for a in chunk if prefix + a.id in by_key}
        for a in chunk:
            if a.id not in found:
                raise IncompleteCache(f"the analysis of {a.path} is missing from the cache")
            yield a, _summary_of(found[a.id])

    def stories(self) -> Iterator[Story]:
        return self._models("story", Story)

    def actors(self) -> Iterator[Actor]:
        return self._models("actor", Actor)

    def actors_by_mentions(self) -> Iterator[Actor]:
        """Actors by -mention_count, ties in stored order (what a stable sort of the list gives)."""
        counts: list[tuple[int, str]] = []
        ordered = True
        for id_, raw in self.store.iter_items(self.key, "actor"):
            count = json.loads(raw).get("mention_count", 0)
            if counts and count > counts[-1][0]:
                ordered = False
            counts.append((count, id_))
        if ordered:  # the usual case: actors are saved sorted by (-mention_count, name)
            del counts
            yield from self.actors()
            return
        counts.sort(key=lambda c: -c[0])
        for _, id_ in counts:
            raw = self.store.get_item(self.key, "actor", id_)
            if raw is not None:
                yield Actor.model_validate_json(raw)

    def quotes(self) -> Iterator[Quote]:
        return self._models("quote", Quote)

    def story_count(self) -> int:
        return self._count("story")

    def actor_count(self) -> int:
        return self._count("actor")


def _source(briefing: Briefing | Source) -> Source:
    return BriefingSource(briefing) if isinstance(briefing, Briefing) else briefing


# JSON -----------------------------------------------------------------------------------------
_quoted = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a str


def _encode(value: Any, indent: str) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` of a value whose line starts at `indent`.

    json.dumps with an indent runs pure-Python code; this does the same for the few types an
    export holds, three times faster (the export tests check it byte for byte)."""
    kind = type(value)
    if kind is str:
        return _quoted(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        inner = indent + "  "
        return ("{\n" + inner + (",\n" + inner).join([
            _quoted(k) + ": " + (_quoted(v) if type(v) is str else _encode(v, inner)) for k, v in value.items()
        ]) + "\n" + indent + "}")
    if kind is list:
        if not value:
            return "[]"
        inner = indent + "  "
        return ("[\n" + inner + (",\n" + inner).join([
            _quoted(v) if type(v) is str else _encode(v, inner) for v in value
        ]) + "\n" + indent + "]")
    # Anything else (a float, a tuple, a subclass, a dict with other keys): as json.dumps writes it.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def _json_item(item: dict[str, Any]) -> str:
    """An item two levels deep in the whole document (JSON strings hold no raw newline)."""
    return _encode(item, "    ")


def write_json(briefing: Briefing | Source, write: Write) -> None:
    """Write exactly `json.dumps(to_dict(briefing), ensure_ascii=False, indent=2) + "\\n"`, item by item."""
    source = _source(briefing)
    sections: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("articles", (_article_dict(a, summary) for a, summary in source.articles_with_summaries())),
        ("stories", (_story_dict(s) for s in source.stories())),
        ("actors", (_actor_dict(a) for a in source.actors())),
        ("quotes", (_quote_dict(q) for q in source.quotes())),
        ("warnings", (_warning_dict(w) for w in source.warnings)),
    ]
    write("{")
    for n, (name, items) in enumerate(sections):
        write(("," if n else "") + f"\n  {json.dumps(name)}: [")
        empty = True
        for item in items:
            write(("\n    " if empty else ",\n    ") + _json_item(item))
            empty = False
        write("]" if empty else "\n  ]")
    write("\n}\n")


def to_json(briefing: Briefing) -> str:
    out = io.StringIO()
    write_json(briefing, out.write)
    return out.getvalue()


# Markdown ---------------------------------------------------------------------------------
_MARKUP = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]<>#|!"})


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, so article text stays literal."""
    return text.translate(_MARKUP)


class _Lines:
    """"\\n".join(lines), written a line at a time."""

    def __init__(self, write: Write):
        self._write = write
        self._first = True

    def add(self, *lines: str) -> None:
        for line in lines:
            if self._first:
                self._write(line)
                self._first = False
            else:
                self._write("\n" + line)


def write_markdown(briefing: Briefing | Source, write: Write) -> None:
    """Write exactly what `to_markdown` returns. Held in memory: each article's source and title,
    and the printed line of each attributed quote (printed under its speaker, after the stories)."""
    source = _source(briefing)
    shared: dict[str, str] = {}  # one string per outlet name, not one per article
    places: dict[str, tuple[str | None, str]] = {}
    article_count = 0
    for a in source.articles():
        outlet = shared.setdefault(a.source, a.source) if a.source is not None else None
        places[a.id] = (outlet, a.title)
        article_count += 1

    def where(article_id: str) -> str:
        place = places.get(article_id)
        return (place[0] or place[1]) if place else article_id

    said: dict[str, list[bytes]] = {}  # UTF-8: half the memory of a str holding a curly quote
    quote_count = 0
    for q in source.quotes():
        quote_count += 1
        if q.speaker_id:
            how = ", ".join(x for x in (q.cue, f"on {q.channel}" if q.channel else None) if x)
            line = f"- “{_md(q.text)}” ({_md(how)}; {_md(where(q.article_id))})"
            said.setdefault(q.speaker_id, []).append(line.encode("utf-8", "surrogatepass"))

    lines = _Lines(write)
    lines.add("# Briefing", "")
    lines.add(f"{counted(source.story_count(), 'story', 'stories')}, {counted(article_count, 'article')}, "
              f"{counted(source.actor_count(), 'actor')}, {counted(quote_count, 'quote')}.", "")
    lines.add("## Stories", "")
    for story in source.stories():
        lines.add(f"### {_md(story.title)}", "")
        outlets = story.sources or sorted({places[i][0] or "unknown source" for i in story.article_ids})
        lines.add(f"Sources: {_md(', '.join(outlets))}", "")
        if story.cited_sources:
            lines.add(f"Citing: {_md(', '.join(story.cited_sources))}", "")
        for sentence in story.summary:
            lines.add(f"- {_md(sentence.text)} ({_md(where(sentence.article_id))})")
        lines.add("")
    lines.add("## Actors", "")
    for actor in source.actors_by_mentions():
        lines.add(f"### {_md(actor.name)} ({actor.kind})", "")
        if actor.roles:
            lines.add(f"Roles: {_md('; '.join(actor.roles))}", "")
        others = [a for a in actor.aliases if a != actor.name]
        if others:
            lines.add(f"Also: {_md(', '.join(others))}", "")
        quoted = said.get(actor.id)
        if quoted:
            lines.add(*(line.decode("utf-8", "surrogatepass") for line in quoted), "")
    if source.warnings:
        lines.add("## Warnings", "")
        lines.add(*(f"- {_md(w.path)}: {_md(w.message)}" for w in source.warnings))
        lines.add("")


def to_markdown(briefing: Briefing) -> str:
    out = io.StringIO()
    write_markdown(briefing, out.write)
    return out.getvalue()


def write_export(briefing: Briefing | Source, fmt: str, write: Write) -> None:
    """The briefing as `fmt` ("json" or "markdown")."""
    (write_json if fmt == "json" else write_markdown)(briefing, write)
