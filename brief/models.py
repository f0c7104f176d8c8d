"""Typed models that flow from the corpus through analysis to the cache and the views.

Offsets (`start`, `end`) are character offsets into `Article.text`, the cleaned text.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organization", "place", "other"]
QuoteKind = Literal["direct", "partial"]


class _SharedNames(set):
    """A set of field names that many instances hold as their `model_fields_set`."""

    __slots__ = ()


_SHARED_NAMES: dict[frozenset[str], _SharedNames] = {}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")

    # Every pydantic instance keeps its own set of the names of the fields it was given: ~730 bytes
    # for a model of more than four fields, more than its values' dict. A briefing of 100,000
    # articles holds ~1.7 million models, so instances given the same fields share one set (about
    # 1 GB less at that size). An instance copies the set before a new name is added to it, so each
    # still reports exactly the fields it was given or had set.
    def model_post_init(self, context: Any, /) -> None:
        names = self.__pydantic_fields_set__
        key = frozenset(names)
        shared = _SHARED_NAMES.get(key)
        if shared is None:
            shared = _SHARED_NAMES[key] = _SharedNames(names)
        object.__setattr__(self, "__pydantic_fields_set__", shared)

    def __setattr__(self, name: str, value: Any) -> None:
        names = self.__pydantic_fields_set__
        if type(names) is _SharedNames and name not in names:
            object.__setattr__(self, "__pydantic_fields_set__", set(names))
        super().__setattr__(name, value)


class LoadWarning(_Model):
    path: str
    message: str


class Article(_Model):
    id: str
    title: str
    text: str
    path: str
    source: str | None = None
    published: date | None = None
    url: str | None = None
    author: str | None = None
    # Where `published` came from: "given" (file metadata), "text" (inferred), or None.
    published_from: Literal["given", "text"] | None = None


class Span(_Model):
    start: int
    end: int
    text: str


class Sentence(_Model):
    start: int
    end: int
    text: str
    paragraph: int = 0


class Mention(_Model):
    """One occurrence of an actor's name (or handle) in an article."""

    start: int
    end: int
    text: str
    actor_key: str


class LocalActor(_Model):
    """An actor as seen within one article, before merging across the corpus."""

    key: str
    name: str
    kind: ActorKind = "other"
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    # Given name, when known: merging across articles needs it to agree.
    first_name: str | None = None


class Quote(_Model):
    id: str
    text: str
    article_id: str
    start: int
    end: int
    kind: QuoteKind = "direct"
    speaker_key: str | None = None  # a LocalActor.key of the same article
    speaker_text: str | None = None  # the words naming the speaker ("he", "Yermak")
    speaker_start: int | None = None  # offsets of speaker_text in Article.text
    speaker_end: int | None = None
    speaker_id: str | None = None  # a corpus-level Actor.id, filled when merging
    cue: str | None = None
    channel: str | None = None
    reported_by: str | None = None
    group_id: str | None = None
    sentence: int | None = None  # index into ArticleAnalysis.sentences


class ArticleAnalysis(_Model):
    """Everything learned from one article alone: a pure function of its text."""

    article_id: str
    engine_version: str
    sentences: list[Sentence] = Field(default_factory=list)
    summary: list[int] = Field(default_factory=list)  # indices into sentences
    actors: list[LocalActor] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    terms: dict[str, float] = Field(default_factory=dict)  # weighted keywords for clustering
    cited_sources: list[str] = Field(default_factory=list)


class SummarySentence(_Model):
    text: str
    article_id: str
    start: int | None = None
    end: int | None = None


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind = "other"
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    # Which article each role came from: [{"role": ..., "article_id": ...}]
    role_sources: list[dict[str, str]] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)
    mention_count: int = 0
    quote_ids: list[str] = Field(default_factory=list)


class Story(_Model):
    id: str
    title: str
    article_ids: list[str] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    actor_ids: list[str] = Field(default_factory=list)
    quote_ids: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)  # outlets of its articles
    cited_sources: list[str] = Field(default_factory=list)
    published: date | None = None


class QuoteGroup(_Model):
    id: str
    quote_ids: list[str] = Field(default_factory=list)


class ActorBrief(_Model):
    actor_id: str
    said: list[str] = Field(default_factory=list)  # quote ids
    said_about: list[SummarySentence] = Field(default_factory=list)
    story_ids: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    appears_with: list[str] = Field(default_factory=list)  # actor ids, most shared first


class OutletExclusive(_Model):
    """What one outlet reports in a story that the other outlets do not."""

    story_id: str
    outlet: str
    sentences: list[SummarySentence] = Field(default_factory=list)


class SourceProfile(_Model):
    name: str
    kind: Literal["outlet", "cited"] = "outlet"
    article_ids: list[str] = Field(default_factory=list)
    cites: list[str] = Field(default_factory=list)
    cited_by: list[str] = Field(default_factory=list)
    exclusives: list[OutletExclusive] = Field(default_factory=list)


class ArticleView(_Model):
    """An article with what the reader shows beside it."""

    article: Article
    analysis: ArticleAnalysis


class Briefing(_Model):
    """The whole analysed corpus: what the views show and what `brief export` writes."""

    articles: list[Article] = Field(default_factory=list)
    analyses: dict[str, ArticleAnalysis] = Field(default_factory=dict)
    stories: list[Story] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quote_groups: list[QuoteGroup] = Field(default_factory=list)
    actor_briefs: dict[str, ActorBrief] = Field(default_factory=dict)
    sources: list[SourceProfile] = Field(default_factory=list)
    # "article_id:local_key" -> Actor.id, so a mention in an article leads to its corpus actor.
    local_actor_ids: dict[str, str] = Field(default_factory=dict)
    warnings: list[LoadWarning] = Field(default_factory=list)
