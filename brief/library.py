"""What the views read: a briefing behind lookups and light list rows.

The reader talks only to `Library`, never to the whole `Briefing`, so a store that keeps the
briefing on disk and reads rows on demand can stand behind the same methods at scale.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple, TypeVar

if TYPE_CHECKING:  # the models (and pydantic) are imported when a detail is read, not to show a list
    from brief.models import (
        Actor,
        ActorBrief,
        Article,
        ArticleAnalysis,
        Briefing,
        LoadWarning,
        Quote,
        QuoteGroup,
        SourceProfile,
        Story,
    )


# List rows are named tuples: the first screen reads them by the thousand, and they need no
# validation (they are made here, or read back from what this code stored).
class StoryRow(NamedTuple):
    id: str
    title: str
    article_count: int
    sources: list[str]
    published: str | None


class ArticleRow(NamedTuple):
    id: str
    title: str
    source: str | None
    published: str | None


class ActorRow(NamedTuple):
    id: str
    name: str
    kind: str
    mention_count: int
    quote_count: int


class QuoteRow(NamedTuple):
    id: str
    text: str
    speaker: str | None
    source: str | None


class SourceRow(NamedTuple):
    name: str
    kind: str
    article_count: int


R = TypeVar("R", bound=tuple)


class RowList(Sequence[R]):
    """Rows kept as plain lists or tuples (fields in row order); a row is made only when one is read."""

    def __init__(self, model: type[R], rows: Sequence):
        self._model = model
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._model._make(self._rows[index])

    def __iter__(self) -> Iterator[R]:
        for i in range(len(self._rows)):
            yield self[i]

    @property
    def raw(self) -> list:
        """The plain rows, for storing them."""
        return self._rows


class Library:
    def __init__(self, briefing: Briefing):
        self.briefing = briefing
        self._articles = {a.id: a for a in briefing.articles}
        self._stories = {s.id: s for s in briefing.stories}
        self._actors = {a.id: a for a in briefing.actors}
        self._quotes = {q.id: q for q in briefing.quotes}
        self._groups = {g.id: g for g in briefing.quote_groups}
        self._sources = {s.name: s for s in briefing.sources}

    # Lists: kept as plain tuples, made into row models only when a view asks for one ---------
    @cached_property
    def story_rows(self) -> Sequence[StoryRow]:
        return RowList(StoryRow, [
            (s.id, s.title, len(s.article_ids), s.sources, s.published.isoformat() if s.published else None)
            for s in self.briefing.stories
        ])

    @cached_property
    def article_rows(self) -> Sequence[ArticleRow]:
        return RowList(ArticleRow, [
            (a.id, a.title, a.source, a.published.isoformat() if a.published else None)
            for a in self.briefing.articles
        ])

    @cached_property
    def actor_rows(self) -> Sequence[ActorRow]:
        actors = sorted(self.briefing.actors, key=lambda a: (-a.mention_count, a.name))
        return RowList(ActorRow, [(a.id, a.name, a.kind, a.mention_count, len(a.quote_ids)) for a in actors])

    @cached_property
    def quote_rows(self) -> Sequence[QuoteRow]:
        rows = []
        for q in self.briefing.quotes:
            speaker = self._actors.get(q.speaker_id or "")
            article = self._articles.get(q.article_id)
            rows.append((q.id, q.text, speaker.name if speaker else None, article.source if article else None))
        return RowList(QuoteRow, rows)

    @cached_property
    def source_rows(self) -> Sequence[SourceRow]:
        return RowList(SourceRow, [(s.name, s.kind, len(s.article_ids)) for s in self.briefing.sources])

    @property
    def warnings(self) -> list[LoadWarning]:
        return self.briefing.warnings

    # Lookups -------------------------------------------------------------------------
    def story(self, story_id: str) -> Story | None:
        return self._stories.get(story_id)

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        return self.briefing.analyses.get(article_id)

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def actor_brief(self, actor_id: str) -> ActorBrief | None:
        return self.briefing.actor_briefs.get(actor_id)

    def quote(self, quote_id: str) -> Quote | None:
        return self._quotes.get(quote_id)

    def quote_group(self, group_id: str) -> QuoteGroup | None:
        return self._groups.get(group_id)

    def source(self, name: str) -> SourceProfile | None:
        return self._sources.get(name)

    def stories_of_article(self, article_id: str) -> list[Story]:
        return [s for s in self.briefing.stories if article_id in s.article_ids]

    def quotes_of_article(self, article_id: str) -> list[Quote]:
        return [q for q in self.briefing.quotes if q.article_id == article_id]

    def actor_for_mention(self, article_id: str, actor_key: str) -> Actor | None:
        """The corpus actor that a mention's local actor was merged into."""
        return self._actors.get(self.briefing.local_actor_ids.get(f"{article_id}:{actor_key}", ""))
