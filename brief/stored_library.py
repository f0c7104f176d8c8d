"""A briefing kept in the cache as small items, read back one at a time by `StoredLibrary`.

Opening a cached corpus of 100,000 articles must not decode 100,000 articles: the lists the
first screen shows are stored as compact rows, and everything else is read when it is viewed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from brief.library import ActorRow, ArticleRow, Library, QuoteRow, RowList, SourceRow, StoryRow

if TYPE_CHECKING:  # the models (and pydantic) are imported when an item is read, not to show a list
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
    from brief.store import Store

    M = TypeVar("M", bound=BaseModel)

_ROW_KINDS: dict[str, type[tuple]] = {
    "story_rows": StoryRow, "article_rows": ArticleRow, "actor_rows": ActorRow,
    "quote_rows": QuoteRow, "source_rows": SourceRow,
}


class _ChunkedRows(Sequence[list]):
    """A stored list's plain rows, read from the cache a chunk at a time as they are indexed."""

    def __init__(self, store: Store, key: str, name: str, count: int, chunk: int):
        self._store, self._key, self._name = store, key, name
        self._count, self._chunk = count, chunk
        self._chunks: dict[int, list] = {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        number, offset = divmod(index, self._chunk)
        rows = self._chunks.get(number)
        if rows is None:
            raw = self._store.get_item(self._key, f"rows:{self._name}", str(number))
            rows = self._chunks[number] = json.loads(raw) if raw else []
        return rows[offset] if offset < len(rows) else None


class StoredLibrary(Library):
    """The same reads as `Library`, served from the cache item by item."""

    def __init__(self, store: Store, key: str):
        self.store = store
        self.key = key
        self._memo: dict[tuple[str, str], Any] = {}
        self._local: tuple[str, dict[str, str]] | None = None  # the last article's local actor map
        meta = json.loads(self._raw("meta", "meta") or b"{}")
        self._warning_items: list[dict] = meta.get("warnings", [])
        self._analysis_prefix: str | None = meta.get("analysis_prefix")

    def _raw(self, kind: str, id_: str) -> bytes | None:
        return self.store.get_item(self.key, kind, id_)

    def _model(self, kind: str, id_: str, model: type[M] | str) -> M | None:
        """The item `kind:id_` as `model` (a class, or its name in brief.models)."""
        memo_key = (kind, id_)
        if memo_key not in self._memo:
            raw = self._raw(kind, id_)
            if isinstance(model, str):
                from brief import models

                model = getattr(models, model)
            self._memo[memo_key] = model.model_validate_json(raw) if raw else None
        return self._memo[memo_key]

    def _rows(self, name: str) -> RowList:
        raw = self._raw("rows", name)
        head = json.loads(raw) if raw else []
        if isinstance(head, list):  # a cache written before lists were chunked
            return RowList(_ROW_KINDS[name], head)
        return RowList(_ROW_KINDS[name], _ChunkedRows(self.store, self.key, name, head["count"], head["chunk"]))

    @cached_property
    def briefing(self) -> Briefing:  # type: ignore[override]
        """The whole briefing, read only when something needs all of it (an export)."""
        whole = self.read_briefing()
        if whole is None:
            raise LookupError("the cached briefing is gone; reopen the corpus")
        return whole

    def read_briefing(self) -> Briefing | None:
        """The briefing put back together from its items (the cache keeps no second, whole copy)."""
        from brief.models import (
            Actor,
            ActorBrief,
            Article,
            ArticleAnalysis,
            Briefing,
            Quote,
            QuoteGroup,
            SourceProfile,
            Story,
        )

        if not self.store.has_items(self.key):
            return None

        def models(kind: str, model: type[M]) -> Iterator[tuple[str, M]]:
            for id_, raw in self.store.iter_items(self.key, kind):
                yield id_, model.model_validate_json(raw)

        articles = [m for _, m in models("article", Article)]
        if self._analysis_prefix is None:
            analyses = dict(models("analysis", ArticleAnalysis))
        else:
            prefix = self._analysis_prefix
            found = self.store.get_analyses([prefix + a.id for a in articles], ArticleAnalysis)
            analyses = {a.id: found[prefix + a.id] for a in articles if prefix + a.id in found}
            if len(analyses) < len(articles):
                return None  # an analysis went missing (a corrupt entry): the briefing must be rebuilt
        local: dict[str, str] = {}
        for aid, raw in self.store.iter_items(self.key, "local"):
            for key_, actor_id in json.loads(raw).items():
                local[f"{aid}:{key_}"] = actor_id
        return Briefing.model_construct(
            articles=articles,
            analyses=analyses,
            stories=[m for _, m in models("story", Story)],
            actors=[m for _, m in models("actor", Actor)],
            quotes=[m for _, m in models("quote", Quote)],
            quote_groups=[m for _, m in models("group", QuoteGroup)],
            actor_briefs=dict(models("brief", ActorBrief)),
            sources=[m for _, m in models("source", SourceProfile)],
            local_actor_ids=local,
            warnings=list(self.warnings),
        )

    # Lists are read once, when first shown.
    @cached_property
    def story_rows(self) -> Sequence[StoryRow]:  # type: ignore[override]
        return self._rows("story_rows")

    @cached_property
    def article_rows(self) -> Sequence[ArticleRow]:  # type: ignore[override]
        return self._rows("article_rows")

    @cached_property
    def actor_rows(self) -> Sequence[ActorRow]:  # type: ignore[override]
        return self._rows("actor_rows")

    @cached_property
    def quote_rows(self) -> Sequence[QuoteRow]:  # type: ignore[override]
        return self._rows("quote_rows")

    @cached_property
    def source_rows(self) -> Sequence[SourceRow]:  # type: ignore[override]
        return self._rows("source_rows")

    @cached_property
    def warnings(self) -> list[LoadWarning]:  # type: ignore[override]
        if not self._warning_items:
            return []
        from brief.models import LoadWarning

        return [LoadWarning(**w) for w in self._warning_items]

    def story(self, story_id: str) -> Story | None:
        return self._model("story", story_id, "Story")

    def article(self, article_id: str) -> Article | None:
        return self._model("article", article_id, "Article")

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        if self._analysis_prefix is None:
            return self._model("analysis", article_id, "ArticleAnalysis")
        memo_key = ("analysis", article_id)
        if memo_key not in self._memo:
            from brief.models import ArticleAnalysis

            self._memo[memo_key] = self.store.get_analysis(self._analysis_prefix + article_id, ArticleAnalysis)
        return self._memo[memo_key]

    def actor(self, actor_id: str) -> Actor | None:
        return self._model("actor", actor_id, "Actor")

    def actor_brief(self, actor_id: str) -> ActorBrief | None:
        return self._model("brief", actor_id, "ActorBrief")

    def quote(self, quote_id: str) -> Quote | None:
        return self._model("quote", quote_id, "Quote")

    def quote_group(self, group_id: str) -> QuoteGroup | None:
        return self._model("group", group_id, "QuoteGroup")

    def source(self, name: str) -> SourceProfile | None:
        return self._model("source", name, "SourceProfile")

    def _links(self, article_id: str) -> dict[str, list[str]]:
        raw = self._raw("links", article_id)
        return json.loads(raw) if raw else {"stories": [], "quotes": []}

    def stories_of_article(self, article_id: str) -> list[Story]:
        return [s for s in (self.story(i) for i in self._links(article_id)["stories"]) if s]

    def quotes_of_article(self, article_id: str) -> list[Quote]:
        return [q for q in (self.quote(i) for i in self._links(article_id)["quotes"]) if q]

    def actor_for_mention(self, article_id: str, actor_key: str) -> Actor | None:
        # An article's mentions are looked up together (hundreds in a long one): its map is read once.
        local = self._local
        if local is None or local[0] != article_id:
            raw = self._raw("local", article_id)
            local = self._local = (article_id, json.loads(raw) if raw else {})
        return self.actor(local[1].get(actor_key, ""))
