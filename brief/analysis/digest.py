"""What the cross-article steps need of one article's analysis, kept small.

A full `ArticleAnalysis` is ~58 KB as pydantic objects; at 100,000 articles that is 6 GB. The
merging, clustering and brief steps need only the actors, mention counts and the sentences
mentions fall in, the terms, the quotes, the summary and the sentence offsets (texts are sliced
from the article's own text, which is in memory anyway). A digest is built once, where the
analysis is made, and cached beside it in plain Python values (`to_plain`), so reopening a changed
corpus reads digests, not analyses.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, NamedTuple

from brief.models import Article, ArticleAnalysis, Quote

DIGEST_VERSION = 1  # bump when the plain form changes: older cached digests are rebuilt


class ActorDigest(NamedTuple):
    """A `LocalActor` as a tuple: the same attribute names, a fraction of the memory."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    first_name: str | None


class SentenceDigest(NamedTuple):
    start: int
    end: int
    text: str


_QUOTE_FIELDS = tuple(Quote.model_fields)


class ArticleDigest:
    __slots__ = ("article_id", "actors", "mention_counts", "mention_sentences", "terms", "quotes",
                 "spans", "summary", "cited_sources", "text", "_fragments")

    def __init__(self, article_id: str, actors: tuple[ActorDigest, ...], mention_counts: dict[str, int],
                 mention_sentences: tuple[tuple[str, int], ...], terms: dict[str, float],
                 quotes: tuple[tuple, ...], spans: tuple[int, ...], summary: tuple[int, ...],
                 cited_sources: tuple[str, ...], text: str):
        self.article_id = article_id
        self.actors = actors
        self.mention_counts = mention_counts
        # (actor key, sentence index) of each mention that falls in a sentence, first occurrences only
        self.mention_sentences = mention_sentences
        self.terms = terms
        self.quotes = quotes  # Quote field values in `_QUOTE_FIELDS` order
        self.spans = spans  # sentence offsets, flat: start0, end0, start1, end1, ...
        self.summary = summary
        self.cited_sources = cited_sources
        self.text = text
        self._fragments: frozenset[int] | None = None

    # -- sentences ---------------------------------------------------------------------------
    @property
    def sentence_count(self) -> int:
        return len(self.spans) // 2

    def sentence(self, k: int) -> SentenceDigest:
        start, end = self.spans[2 * k], self.spans[2 * k + 1]
        return SentenceDigest(start, end, self.text[start:end])

    @property
    def sentences(self) -> list[SentenceDigest]:
        return [self.sentence(k) for k in range(self.sentence_count)]

    @property
    def starts(self) -> tuple[int, ...]:
        return self.spans[0::2]

    def quote_models(self) -> list[Quote]:
        return [Quote.model_validate(dict(zip(_QUOTE_FIELDS, values))) for values in self.quotes]

    @property
    def fragments(self) -> frozenset[int]:
        """Sentences that open inside an earlier sentence's quotation (see stories.quote_fragments)."""
        if self._fragments is None:
            from brief.analysis.stories import fragment_indices

            spans = sorted((q[3] + 2, q[4]) for q in self.quotes)
            self._fragments = frozenset(fragment_indices(self.starts, spans))
        return self._fragments

    # -- the cached form ------------------------------------------------------------------------
    def to_plain(self) -> tuple:
        """Plain values only (marshal-safe), without the text, which the article already holds."""
        return (DIGEST_VERSION, self.article_id, tuple(tuple(a) for a in self.actors), self.mention_counts,
                self.mention_sentences, self.terms, self.quotes, self.spans, self.summary, self.cited_sources)

    @classmethod
    def from_plain(cls, plain: Any, text: str) -> ArticleDigest | None:
        """The digest back from `to_plain`, or None if it is of another version or malformed."""
        try:
            version, article_id, actors, counts, mention_sentences, terms, quotes, spans, summary, cited = plain
            if version != DIGEST_VERSION:
                return None
            return cls(article_id, tuple(ActorDigest(*a) for a in actors), counts, mention_sentences, terms,
                       quotes, spans, summary, cited, text)
        except (TypeError, ValueError):
            return None


def digest_of(analysis: ArticleAnalysis, text: str) -> ArticleDigest:
    """The digest of an analysis of an article whose cleaned text is `text`."""
    actors = tuple(ActorDigest(a.key, a.name, a.kind, tuple(a.aliases), tuple(a.roles), a.first_name)
                   for a in analysis.actors)
    counts: dict[str, int] = {}
    for mention in analysis.mentions:
        counts[mention.actor_key] = counts.get(mention.actor_key, 0) + 1
    starts = [s.start for s in analysis.sentences]
    pairs: dict[tuple[str, int], None] = {}
    for mention in analysis.mentions:
        k = bisect_right(starts, mention.start) - 1
        if k >= 0 and analysis.sentences[k].start <= mention.start < max(analysis.sentences[k].end, mention.start + 1):
            pairs[(mention.actor_key, k)] = None
    spans = tuple(x for s in analysis.sentences for x in (s.start, s.end))
    quotes = tuple(tuple(getattr(q, f) for f in _QUOTE_FIELDS) for q in analysis.quotes)
    return ArticleDigest(analysis.article_id, actors, counts, tuple(pairs), dict(analysis.terms), quotes, spans,
                         tuple(analysis.summary), tuple(analysis.cited_sources), text)


def digests_of(articles: list[Article], analyses: dict) -> dict[str, ArticleDigest]:
    """Digests for the cross-article steps, from analyses or digests (tests and small corpora pass analyses)."""
    out: dict[str, ArticleDigest] = {}
    for article in articles:
        found = analyses.get(article.id)
        if found is None:
            continue
        out[article.id] = found if isinstance(found, ArticleDigest) else digest_of(found, article.text)
    return out
