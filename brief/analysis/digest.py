"""What the cross-article steps need of one article's analysis, kept small.

A full `ArticleAnalysis` is ~58 KB as pydantic objects; at 100,000 articles that is 6 GB. The
merging, clustering and brief steps need only the actors, mention counts and the sentences
mentions fall in, the terms, the quotes, the summary and the sentence offsets (texts are sliced
from the article's own text, which a build for the cache keeps compressed: `pack_text`). A digest
is built once, where the
analysis is made, and cached beside it in plain Python values (`to_plain`), so reopening a changed
corpus reads digests, not analyses.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_right
from functools import lru_cache
from sys import intern
from typing import Any, NamedTuple

from brief.models import Article, ArticleAnalysis, Quote

DIGEST_VERSION = 2  # bump when the plain form changes: older cached digests are rebuilt


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


class LinkedQuote:
    """A quote as the linking steps hold it: the `Quote` fields in slots, about 200 bytes where the
    model is 550 (half a million quotes at 100,000 articles). Read and set like a `Quote`; made into
    one as it is written to the cache (`to_model`)."""

    __slots__ = _QUOTE_FIELDS

    def __init__(self, values: tuple) -> None:
        for name, value in zip(_QUOTE_FIELDS, values):
            setattr(self, name, value)

    def to_model(self) -> Quote:
        # validated as merging validated it before: the same model as `Quote.model_validate(fields)`
        return Quote.model_validate({name: getattr(self, name) for name in _QUOTE_FIELDS})


def _interned(values) -> tuple[str, ...]:
    return tuple(intern(v) for v in values)


@lru_cache(maxsize=64)  # the steps read one article's sentences a few at a time, then move on
def _inflated(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def _ints(values) -> array:
    return array("i", values)


class ArticleDigest:
    """One article's digest. Strings that recur across articles (names, keys, terms) are interned and
    numbers are packed in arrays, so 100,000 digests stay a few hundred megabytes."""

    __slots__ = ("_fragments", "_text", "actors", "article_id", "cited_sources", "counts", "pairs", "quotes",
                 "spans", "summary", "term_keys", "term_weights")

    def __init__(self, article_id: str, actors: tuple[ActorDigest, ...], counts: array, pairs: array,
                 term_keys: tuple[str, ...], term_weights: array, quotes: tuple[tuple, ...], spans: array,
                 summary: tuple[int, ...], cited_sources: tuple[str, ...], text: str):
        self.article_id = article_id
        self.actors = actors
        self.counts = counts  # mentions of each actor, in `actors` order
        # (actor index, sentence index) of each mention that falls in a sentence, first occurrences
        # only, flat: a0, k0, a1, k1, ...
        self.pairs = pairs
        self.term_keys = term_keys
        self.term_weights = term_weights
        self.quotes = quotes  # Quote field values in `_QUOTE_FIELDS` order
        self.spans = spans  # sentence offsets, flat: start0, end0, start1, end1, ...
        self.summary = summary
        self.cited_sources = cited_sources
        self._text: str | bytes = text
        self._fragments: frozenset[int] | None = None

    # -- the article's text ------------------------------------------------------------------------
    @property
    def text(self) -> str:
        text = self._text
        return text if type(text) is str else _inflated(text)

    def pack_text(self) -> None:
        """Keep the text zlib-compressed from now on, for a caller that holds the digests of a whole
        corpus and drops its own copies of the texts (about half of 250 MB at 100,000 articles).
        Sentences are then sliced from the text inflated again, the last few articles' kept at hand."""
        if type(self._text) is str:
            self._text = zlib.compress(self._text.encode("utf-8"), 6)

    # -- what the analysis would say ---------------------------------------------------------------
    @property
    def mention_counts(self) -> dict[str, int]:
        """Mentions per actor key, for the actors mentioned at least once."""
        return {a.key: n for a, n in zip(self.actors, self.counts) if n}

    @property
    def mention_sentences(self) -> list[tuple[str, int]]:
        pairs = self.pairs
        return [(self.actors[pairs[i]].key, pairs[i + 1]) for i in range(0, len(pairs), 2)]

    @property
    def terms(self) -> dict[str, float]:
        return dict(zip(self.term_keys, self.term_weights))

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
    def starts(self) -> array:
        return self.spans[0::2]

    def quote_models(self) -> list[Quote]:
        return [Quote.model_validate(dict(zip(_QUOTE_FIELDS, values))) for values in self.quotes]

    @property
    def fragments(self) -> frozenset[int]:
        """Sentences that open inside an earlier sentence's quotation (see stories.quote_fragments)."""
        if self._fragments is None:
            from brief.analysis.stories import fragment_indices

            spans = sorted((q[3] + 2, q[4]) for q in self.quotes)
            self._fragments = frozenset(fragment_indices(self.starts, spans)) if spans else frozenset()
        return self._fragments

    def release_quotes(self) -> None:
        """Drop the quotes once the corpus's Quote models are made from them (they hold the same
        texts): the steps after merging only need which sentences open inside a quotation."""
        _ = self.fragments
        self.quotes = ()

    # -- the cached form ------------------------------------------------------------------------
    def to_plain(self) -> tuple:
        """Plain values only (marshal-safe), without the text, which the article already holds."""
        return (DIGEST_VERSION, self.article_id, tuple(tuple(a) for a in self.actors), self.counts.tobytes(),
                self.pairs.tobytes(), self.term_keys, self.term_weights.tobytes(), self.quotes,
                self.spans.tobytes(), self.summary, self.cited_sources)

    @classmethod
    def from_plain(cls, plain: Any, text: str) -> ArticleDigest | None:
        """The digest back from `to_plain`, or None if it is of another version or malformed."""
        try:
            (version, article_id, actors, counts, pairs, term_keys, term_weights, quotes, spans, summary,
             cited) = plain
            if version != DIGEST_VERSION:
                return None
            return cls(article_id, tuple(_actor(*a) for a in actors), _array("i", counts), _array("i", pairs),
                       _interned(term_keys), _array("d", term_weights), tuple(_quote(q) for q in quotes),
                       _array("i", spans), tuple(summary), _interned(cited), text)
        except (TypeError, ValueError):
            return None


def _array(code: str, raw: bytes) -> array:
    out = array(code)
    out.frombytes(raw)
    return out


# The same actor, told the same way, recurs across articles: one tuple serves them all (in 10,000 BBC
# articles, 156,793 actors are 15,581 distinct tuples). Cleared with the other per-corpus memos.
_ACTORS: dict[ActorDigest, ActorDigest] = {}


def _actor(key: str, name: str, kind: str, aliases, roles, first_name: str | None) -> ActorDigest:
    actor = ActorDigest(key, name, kind, tuple(aliases), tuple(roles), first_name)
    shared = _ACTORS.get(actor)
    if shared is None:
        shared = _ACTORS[actor] = ActorDigest(intern(key), intern(name), intern(kind), _interned(aliases),
                                              _interned(roles), intern(first_name) if first_name else first_name)
    return shared


def forget_shared_actors() -> None:
    """Drop the pool of shared actor tuples (a corpus's digests keep the ones they use)."""
    _ACTORS.clear()


def _quote(values: tuple) -> tuple:
    # ids, keys, cues and channels recur; the quoted words are the quote's own
    return tuple(intern(v) if isinstance(v, str) and f in _SHARED_QUOTE_FIELDS else v
                 for f, v in zip(_QUOTE_FIELDS, values))


_SHARED_QUOTE_FIELDS = frozenset({"article_id", "kind", "speaker_key", "cue", "channel", "reported_by"})


def digest_of(analysis: ArticleAnalysis, text: str) -> ArticleDigest:
    """The digest of an analysis of an article whose cleaned text is `text`."""
    actors = tuple(_actor(a.key, a.name, a.kind, a.aliases, a.roles, a.first_name) for a in analysis.actors)
    index = {a.key: i for i, a in enumerate(actors)}
    counts = [0] * len(actors)
    starts = [s.start for s in analysis.sentences]
    pairs: dict[tuple[int, int], None] = {}
    for mention in analysis.mentions:
        i = index.get(mention.actor_key)
        if i is None:
            continue  # a mention of no actor of the article: nothing across articles can use it
        counts[i] += 1
        k = bisect_right(starts, mention.start) - 1
        if k >= 0:
            pairs[(i, k)] = None
    spans = [x for s in analysis.sentences for x in (s.start, s.end)]
    quotes = tuple(_quote(tuple(getattr(q, f) for f in _QUOTE_FIELDS)) for q in analysis.quotes)
    return ArticleDigest(analysis.article_id, actors, _ints(counts), _ints([x for p in pairs for x in p]),
                         _interned(analysis.terms), array("d", analysis.terms.values()), quotes, _ints(spans),
                         tuple(analysis.summary), _interned(analysis.cited_sources), text)


def digests_of(articles: list[Article], analyses: dict) -> dict[str, ArticleDigest]:
    """Digests for the cross-article steps, from analyses or digests (tests and small corpora pass analyses)."""
    out: dict[str, ArticleDigest] = {}
    for article in articles:
        found = analyses.get(article.id)
        if found is None:
            continue
        out[article.id] = found if isinstance(found, ArticleDigest) else digest_of(found, article.text)
    return out
