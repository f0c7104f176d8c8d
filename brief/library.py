"""What the views read: a briefing behind lookups and light list rows.

The reader talks only to `Library`, never to the whole `Briefing`, so a store that keeps the
briefing on disk and reads rows on demand can stand behind the same methods at scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from pydantic import BaseModel

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


class StoryRow(BaseModel):
    id: str
    title: str
    article_count: int
    sources: list[str]
    published: str | None


class ArticleRow(BaseModel):
    id: str
    title: str
    source: str | None
    published: str | None


class ActorRow(BaseModel):
    id: str
    name: str
    kind: str
    mention_count: int
    quote_count: int


class QuoteRow(BaseModel):
    id: str
    text: str
    speaker: str | None
    source: str | None


class SourceRow(BaseModel):
    name: str
    kind: str
    article_count: int


class Library:
    def __init__(self, briefing: Briefing):
        self.briefing = briefing
        self._articles = {a.id: a for a in briefing.articles}
        self._stories = {s.id: s for s in briefing.stories}
        self._actors = {a.id: a for a in briefing.actors}
        self._quotes = {q.id: q for q in briefing.quotes}
        self._groups = {g.id: g for g in briefing.quote_groups}
        self._sources = {s.name: s for s in briefing.sources}

    # Lists ---------------------------------------------------------------------------
    @cached_property
    def story_rows(self) -> Sequence[StoryRow]:
        return [
            StoryRow(id=s.id, title=s.title, article_count=len(s.article_ids), sources=s.sources,
                     published=s.published.isoformat() if s.published else None)
            for s in self.briefing.stories
        ]

    @cached_property
    def article_rows(self) -> Sequence[ArticleRow]:
        return [
            ArticleRow(id=a.id, title=a.title, source=a.source,
                       published=a.published.isoformat() if a.published else None)
            for a in self.briefing.articles
        ]

    @cached_property
    def actor_rows(self) -> Sequence[ActorRow]:
        actors = sorted(self.briefing.actors, key=lambda a: (-a.mention_count, a.name))
        return [ActorRow(id=a.id, name=a.name, kind=a.kind, mention_count=a.mention_count,
                         quote_count=len(a.quote_ids)) for a in actors]

    @cached_property
    def quote_rows(self) -> Sequence[QuoteRow]:
        rows = []
        for q in self.briefing.quotes:
            speaker = self._actors.get(q.speaker_id or "")
            article = self._articles.get(q.article_id)
            rows.append(QuoteRow(id=q.id, text=q.text, speaker=speaker.name if speaker else None,
                                 source=article.source if article else None))
        return rows

    @cached_property
    def source_rows(self) -> Sequence[SourceRow]:
        return [SourceRow(name=s.name, kind=s.kind, article_count=len(s.article_ids))
                for s in self.briefing.sources]

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
