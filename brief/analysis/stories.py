"""Stories: articles on the same event, clustered without comparing every article with every other.

1. Each article is a vector of its terms (stems, names, numbers from `article_terms`) and of the corpus
   actors it mentions, weighted by corpus rarity (idf).
2. Candidates come from an inverted index on each article's heaviest distinctive terms; common terms
   and articles far apart in time never make a candidate pair, so the work grows with the corpus,
   not with its square.
3. Average-link clustering over the candidate pairs, in two passes: a loose pass finds groups of
   articles on the same kind of event (the topic), then within each group the terms that most of
   the group shares (earthquake, rehab) are down-weighted and a strict pass splits it into events
   by what is distinctive to each (the place, the magnitude, the person).
"""

from __future__ import annotations

import hashlib
import heapq
import math
import random
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import itemgetter, mul, truediv
from typing import TYPE_CHECKING, NamedTuple

from brief.analysis.collector import collector_paused
from brief.models import Actor, Article, ArticleAnalysis, Quote, Story, SummarySentence

if TYPE_CHECKING:
    from brief.analysis.digest import ArticleDigest

Vector = dict[str, float]


class PackedVector:
    """A weighted term vector as its keys and an array of its weights: about 1.2 KB where the dict
    and its float objects were 4 KB, for each article through the whole clustering (400 MB of
    its peak at 100,000 articles). Read as a dict only where a lookup needs one."""

    __slots__ = ("keys", "weights")

    def __init__(self, keys: tuple[str, ...], weights: array):
        self.keys, self.weights = keys, weights

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self):
        return iter(self.keys)

    def items(self):
        return zip(self.keys, self.weights)

    def as_dict(self) -> Vector:
        return dict(zip(self.keys, self.weights))


def _as_dict(vector: Vector | PackedVector) -> Vector:
    return vector.as_dict() if isinstance(vector, PackedVector) else vector


@dataclass
class ClusterSettings:
    # Tuned on the ECB+ train topics (bench/eval_ecb.py); the dev topics are held out.
    topic_threshold: float = 0.08  # average-link similarity that joins articles into one topic
    event_threshold: float = 0.13  # ... and into one event, once topic-wide words are down-weighted
    window_days: int = 7  # dated articles further apart than this are never one story
    block_terms: int = 12  # heaviest terms per article used to find candidates
    max_postings: int = 100  # postings read per term and article: the nearest in time
    max_candidates: int = 30  # articles compared with each article: those sharing most heavy terms
    actor_weight: float = 2.0
    summary_sentences: int = 5


def _cosine(a: Vector | PackedVector, b: Vector | PackedVector) -> float:
    if len(a) > len(b):
        a, b = b, a
    if isinstance(b, PackedVector):
        b = b.as_dict()
    # sum(w * b[t] for t, w in a.items() if t in b): the same products, added in the same order
    if isinstance(a, PackedVector):
        inside = list(map(b.__contains__, a.keys))
        return sum(map(mul, compress(a.weights, inside), map(b.__getitem__, compress(a.keys, inside))))
    common = list(filter(b.__contains__, a))
    return sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def _normalise(vector: Vector) -> Vector:
    values = vector.values()
    norm = math.sqrt(sum(map(mul, values, values)))
    return {t: w / norm for t, w in vector.items()} if norm else {}


RECENT_VECTORS = 256  # article vectors kept as dicts while clusters are compared
LEAD_SENTENCES = 3  # opening sentences of each article a story's summary falls back on


def average_link(n: int, pairs: dict[tuple[int, int], float], threshold: float, stop_at: int = 1,
                 similarity: Callable[[int, int], float] | None = None, budget: int = 400) -> list[list[int]]:
    """Average-link agglomerative clusters of items 0..n-1, merging while the best average is at least
    `threshold` and more than `stop_at` clusters remain.

    Without `similarity`, pairs not given have similarity 0. With it, `pairs` are only the candidates
    (what blocking compared): before two clusters merge, the pairs between them never compared are
    computed, so a large story whose articles were each compared with a few others is still averaged
    over all its pairs. Past `budget` missing pairs a random sample of them stands for the rest, which
    bounds the work per merge."""
    parent = list(range(n))
    size = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    links: list[dict[int, float]] = [dict() for _ in range(n)]  # cluster -> summed similarity to cluster
    # cluster -> pairs compared with cluster, where that is not 1: a linked cluster missing here was
    # compared once (every candidate pair, at first: two entries each for a million pairs otherwise)
    counts: list[dict[int, int]] = [dict() for _ in range(n)]
    for (i, j), sim in pairs.items():
        links[i][j] = links[i].get(j, 0.0) + sim
        links[j][i] = links[j].get(i, 0.0) + sim
    # cluster -> the full average with a cluster, as verified since either last grew (both directions):
    # dropped when one grows, so it holds only what still holds (a dict keyed by cluster versions kept
    # every verification ever made)
    verified: list[dict[int, float]] = [dict() for _ in range(n)]
    rng = random.Random(0)

    def average(i: int, k: int) -> float:
        if similarity is None:
            return links[i].get(k, 0.0) / (size[i] * size[k])
        found = verified[i].get(k)
        return found if found is not None else links[i].get(k, 0.0) / counts[i].get(k, 1)

    def count(i: int, k: int) -> int:
        return counts[i].get(k, 1) if k in links[i] else 0

    # Pairs compared so far, each as the number a * n + b (a < b): the candidates, sorted in an array
    # (8 bytes a pair, where a set of a million numbers takes 60), and those compared since in a set.
    # Made once `pairs` is gone, from `links`, which holds the same pairs while no cluster has merged.
    candidates = array("q")
    compared: set[int] = set()

    def was_compared(pair: int) -> bool:
        at = bisect_left(candidates, pair)
        return (at < len(candidates) and candidates[at] == pair) or pair in compared

    def verify(i: int, k: int) -> float:
        total = size[i] * size[k]
        pairs_counted = count(i, k)
        if total - pairs_counted <= budget:
            for a in members[i]:
                for b in members[k]:
                    pair = a * n + b if a < b else b * n + a
                    if not was_compared(pair):
                        compared.add(pair)
                        sim = similarity(a, b)
                        links[i][k] = links[i].get(k, 0.0) + sim
                        links[k][i] = links[i][k]
                        pairs_counted += 1
                        counts[i][k] = counts[k][i] = pairs_counted
            return links[i].get(k, 0.0) / total
        sample = [similarity(rng.choice(members[i]), rng.choice(members[k])) for _ in range(budget)]
        return sum(sample) / budget

    heap = [(-s, i, j) for (i, j), s in pairs.items() if s >= threshold]
    heapq.heapify(heap)
    del pairs  # all it said is in `links` now (callers pass it on, not keep it)
    if similarity is not None:
        for i in range(n):
            candidates.extend(i * n + j for j in sorted(links[i]) if j > i)
    alive = [True] * n
    clusters = n
    while heap and clusters > stop_at:
        neg, i, j = heapq.heappop(heap)
        if not (alive[i] and alive[j]):
            continue
        current = average(i, j)
        if abs(current + neg) > 1e-12:
            continue  # stale entry: the pair's average changed since it was pushed
        if similarity is not None and j not in verified[i]:
            # The candidates' average was optimistic; the clusters' full average decides.
            checked = verified[i][j] = verified[j][i] = verify(i, j)
            if checked >= threshold:
                heapq.heappush(heap, (-checked, i, j))
            continue
        # Merge j into i (the larger keeps its dict so merging costs the smaller side).
        if len(links[i]) < len(links[j]):
            i, j = j, i
        alive[j] = False
        clusters -= 1
        parent[j] = i
        size[i] += size[j]
        members[i].extend(members[j])
        members[j] = []
        for grown in (i, j):  # what was verified about either no longer holds
            for k in verified[grown]:
                verified[k].pop(grown, None)
            verified[grown] = {}
        links[i].pop(j, None)
        counts[i].pop(j, None)
        for k, s in links[j].items():
            if k == i:
                continue
            both = count(i, k) + counts[j].get(k, 1)
            total = links[i].get(k, 0.0) + s
            links[i][k] = total
            links[k].pop(j, None)
            links[k][i] = total
            if both != 1:
                counts[i][k] = counts[k][i] = both
            counts[k].pop(j, None)
        links[j] = {}
        counts[j] = {}
        for k in links[i]:
            avg = average(i, k)
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(i, k), max(i, k)))
    groups: dict[int, list[int]] = defaultdict(list)
    for item in range(n):
        root = item
        while parent[root] != root:
            root = parent[root]
        groups[root].append(item)
    return list(groups.values())


class _Features(Sequence):
    """Each article's terms and actors as a vector, made again each time it is read: the few passes
    over them cost less than holding them all (at 100,000 articles, ~300 MB beside the weighted vectors)."""

    def __init__(self, articles: list[Article], analyses: dict, actors_of: dict[str, list[str]], weight: float):
        self._articles, self._analyses, self._actors_of, self._weight = articles, analyses, actors_of, weight

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, i):  # type: ignore[override]
        article_id = self._articles[i].id
        analysis = self._analyses.get(article_id)
        if analysis is None:
            vector = {}
        elif hasattr(analysis, "term_keys"):  # a digest
            vector = dict(zip(analysis.term_keys, analysis.term_weights))
        else:
            vector = dict(analysis.terms)
        weight = self._weight
        for key in self._actors_of.get(article_id, ()):
            vector[key] = weight
        return vector


class StoryClusterer:
    def __init__(self, settings: ClusterSettings | None = None):
        self.settings = settings or ClusterSettings()

    # --- features ---------------------------------------------------------------------------------

    def _features(self, articles: list[Article], analyses: dict[str, ArticleAnalysis],
                  actors: Iterable[Actor]) -> Sequence[Vector]:
        actors_of: dict[str, list[str]] = defaultdict(list)  # article -> "a:" + the id of each actor in it
        for actor in actors:
            key = "a:" + actor.id
            for article_id in actor.article_ids:
                actors_of[article_id].append(key)
        return _Features(articles, analyses, actors_of, self.settings.actor_weight)

    @staticmethod
    def _weigh(features: list[Vector], df: Counter, n: int) -> list[PackedVector]:
        idf = {t: math.log((n + 1) / d) for t, d in df.items()}
        if not all(v > 0 for v in idf.values()):
            out = []
            for f in features:
                vector = _normalise({t: w * idf[t] for t, w in f.items() if idf[t] > 0})
                out.append(PackedVector(tuple(vector), array("d", vector.values())))
            return out
        # No term is in every article (so it is whenever df counts `features`): each vector is
        # _normalise({t: w * idf[t] for t, w in f.items()}), the same products in the same order.
        out = []
        weight_of = idf.__getitem__
        for f in features:
            weights = list(map(mul, f.values(), map(weight_of, f)))
            norm = math.sqrt(sum(map(mul, weights, weights)))
            out.append(PackedVector(tuple(f), array("d", map(truediv, weights, repeat(norm))))
                       if norm else PackedVector((), array("d")))
        return out

    # --- candidates -------------------------------------------------------------------------------

    def _candidate_pairs(self, vectors: Sequence[Vector | PackedVector], df: Counter, days: list[int | None],
                         items: list[int]) -> dict[tuple[int, int], float]:
        """Cosine of the pairs of `items` that share a heavy, not-too-common term and are close in time."""
        s = self.settings
        n = len(items)
        max_df = max(50, int(0.05 * n))  # a term in more articles than this is not distinctive
        block: dict[int, list[str]] = {}
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)  # term -> [(day, item)]
        limit = s.block_terms
        for item in items:
            vector = _as_dict(vectors[item])
            if limit > 0:
                terms = []
                for t in sorted(vector, key=vector.get, reverse=True):
                    if 1 < df[t] <= max_df:
                        terms.append(t)
                        if len(terms) == limit:
                            break
            else:
                terms = [t for t in sorted(vector, key=vector.get, reverse=True) if 1 < df[t] <= max_df][:limit]
            block[item] = terms
            day = days[item]
            posting = (day if day is not None else -1, item)
            for term in terms:
                index[term].append(posting)
        # each term's postings sorted, and as two lists beside them: their days and their items
        columns: dict[str, tuple[list[tuple[int, int]], list[int], list[int]]] = {}
        for term, postings in index.items():
            postings.sort()
            columns[term] = (postings, [d for d, _ in postings], [i for _, i in postings])
        pairs: dict[tuple[int, int], float] = {}
        window, max_postings, half = s.window_days, s.max_postings, s.max_postings // 2
        for item in items:
            day = days[item]
            vector = None
            shared: Counter[int] = Counter()
            for term in block[item]:
                postings, term_days, term_items = columns[term]
                if day is None or term_days[0] == -1:
                    near = term_items[:max_postings]
                else:
                    # postings from (day - window, -1) to (day + window, len(vectors)): days in the window
                    lo = bisect_left(term_days, day - window)
                    hi = bisect_right(term_days, day + window)
                    if hi - lo > max_postings:
                        mid = bisect_left(postings, (day, item), lo, hi) - lo
                        near = term_items[lo + max(0, mid - half): min(hi, lo + mid + half)]
                    else:
                        near = term_items[lo:hi]
                shared.update(near)
            shared.pop(item, None)  # counted with the others (where it was, in order), never compared
            # Only the articles sharing the most heavy terms are compared: a bounded number per article.
            for other, _ in shared.most_common(s.max_candidates):
                key = (item, other) if item < other else (other, item)
                if key in pairs:
                    continue
                if day is not None and days[other] is not None and abs(day - days[other]) > s.window_days:
                    pairs[key] = 0.0
                    continue
                if vector is None:
                    vector = _as_dict(vectors[item])  # once for all the item's candidates
                pairs[key] = _cosine(vector, vectors[other])
        return pairs

    # --- clustering -------------------------------------------------------------------------------

    def _similarity(self, vectors: list[PackedVector], days: list[int | None]) -> Callable[[int, int], float]:
        window = self.settings.window_days
        # Clustering compares one cluster's members with another's, over and over: the last few
        # hundred vectors are kept as dicts rather than made again for each pair (millions at 100,000).
        recent: dict[int, Vector] = {}

        def as_dict(i: int) -> Vector:
            found = recent.get(i)
            if found is None:
                if len(recent) >= RECENT_VECTORS:
                    del recent[next(iter(recent))]
                found = recent[i] = _as_dict(vectors[i])
            return found

        def similarity(a: int, b: int) -> float:
            if days[a] is not None and days[b] is not None and abs(days[a] - days[b]) > window:
                return 0.0
            return _cosine(as_dict(a), as_dict(b))

        return similarity

    def groups(self, articles: list[Article], analyses: dict[str, ArticleAnalysis],
               actors: Iterable[Actor] = ()) -> list[list[int]]:
        """Indices into `articles`, one list per story."""
        return self._groups(articles, *self._vectors(articles, analyses, actors))

    def _vectors(self, articles: list[Article], analyses: dict[str, ArticleAnalysis],
                 actors: Iterable[Actor]) -> tuple[Sequence[Vector], Counter, list[PackedVector]]:
        features = self._features(articles, analyses, actors)
        df = Counter(t for f in features for t in f)
        return features, df, self._weigh(features, df, len(features))

    def _groups(self, articles: list[Article], features: list[Vector], df: Counter,
                vectors: list[PackedVector]) -> list[list[int]]:
        s = self.settings
        n = len(features)
        days = [a.published.toordinal() if a.published else None for a in articles]
        topics = average_link(n, self._candidate_pairs(vectors, df, days, list(range(n))), s.topic_threshold,
                              similarity=self._similarity(vectors, days))
        stories: list[list[int]] = []
        for topic in topics:
            # Two articles share every term they share: nothing is left to tell events apart by.
            stories.extend([topic] if len(topic) < 3 else self._split_topic(topic, features, df, n, days))
        return stories

    def _split_topic(self, topic: list[int], features: list[Vector], df: Counter, n: int,
                     days: list[int | None]) -> list[list[int]]:
        """Re-weigh within a topic: a term most of the topic shares says what kind of event, not which."""
        m = len(topic)
        local_df = Counter(t for i in topic for t in features[i])
        vectors = {}
        for i in topic:
            weighted = {}
            for t, w in features[i].items():
                if local_df[t] < 2:
                    continue  # a term of one article alone links it to nothing here, it only dilutes
                share = local_df[t] / m
                weight = w * math.log((n + 1) / df[t]) * math.sqrt(1.0 - share)
                if weight > 0:
                    weighted[t] = weight
            vectors[i] = _normalise(weighted)
        local = {pos: i for pos, i in enumerate(topic)}
        pairs: dict[tuple[int, int], float] = {}
        for a in range(m):
            for b in range(a + 1, m) if m <= 200 else ():
                da, db = days[topic[a]], days[topic[b]]
                far = da is not None and db is not None and abs(da - db) > self.settings.window_days
                pairs[(a, b)] = 0.0 if far else _cosine(vectors[topic[a]], vectors[topic[b]])
        if m > 200:
            # Big topics: block again on the re-weighted vectors rather than compare all pairs.
            dense = [vectors[i] for i in topic]
            local_df2 = Counter(t for v in dense for t in v)
            pairs = self._candidate_pairs(dense, local_df2, [days[i] for i in topic], list(range(m)))
        return [[local[p] for p in group] for group in average_link(m, pairs, self.settings.event_threshold)]

    # --- stories ----------------------------------------------------------------------------------

    def cluster(self, articles: list[Article], analyses: dict[str, ArticleAnalysis], actors: list[Actor],
                quotes: list[Quote], local_actor_ids: Mapping[str, str] | None = None) -> list[Story]:
        with collector_paused():
            return self._cluster(articles, analyses, actors, quotes, local_actor_ids)

    def _cluster(self, articles: list[Article], analyses: dict[str, ArticleAnalysis], actors: list[Actor],
                 quotes: list[Quote], local_actor_ids: Mapping[str, str] | None = None) -> list[Story]:
        from brief.analysis.digest import digests_of

        analyses = digests_of(articles, analyses)
        features, df, vectors = self._vectors(articles, analyses, actors)
        local_ids = local_actor_ids or local_actor_map(articles, analyses, actors)
        quotes_of: dict[str, list[str]] = defaultdict(list)
        for quote in quotes:
            quotes_of[quote.article_id].append(quote.id)
        stories = []
        for group in self._groups(articles, features, df, vectors):
            members = sorted(group, key=lambda i: (articles[i].published is None, articles[i].published
                                                   or articles[i].published, articles[i].id))
            stories.append(self._story([articles[i] for i in members], [vectors[i] for i in members],
                                       analyses, local_ids, quotes_of))
        stories.sort(key=lambda st: (-len(st.article_ids), st.published is None,
                                     -(st.published.toordinal() if st.published else 0), st.id))
        return stories

    def _story(self, members: list[Article], vectors: list[PackedVector], analyses: dict[str, ArticleDigest],
               local_ids: Mapping[str, str], quotes_of: dict[str, list[str]]) -> Story:
        if len(members) == 1:
            by_centrality = [0]
        else:
            centroid: Vector = defaultdict(float)
            for vector in vectors:
                for t, w in vector.items():
                    centroid[t] += w
            centrality = [_cosine(v, centroid) for v in vectors]
            by_centrality = sorted(range(len(members)), key=lambda k: (-centrality[k], members[k].id))
        central = members[by_centrality[0]]
        mentions: dict[str, int] = {}
        for article in members:
            digest = analyses.get(article.id)
            if digest is None:
                continue
            article_id = article.id
            for key, count in digest.mention_counts.items():
                actor_id = local_ids.get(f"{article_id}:{key}")
                if actor_id:
                    mentions[actor_id] = mentions.get(actor_id, 0) + count
        candidates = []
        for rank, k in enumerate(by_centrality):
            article = members[k]
            digest = analyses.get(article.id)
            if digest is None or not digest.summary:
                continue
            fragments = digest.fragments
            sentence_count = digest.sentence_count
            spans, text = digest.spans, digest.text
            for position, index in enumerate(digest.summary):
                if 0 <= index < sentence_count and index not in fragments:
                    start, end = spans[2 * index], spans[2 * index + 1]
                    candidates.append(Candidate(text[start:end], article.id, start, end,
                                                1.0 / (1 + position) + 1.0 / (1 + rank)))
        summary = select_sentences(candidates, self.settings.summary_sentences)
        if not summary:
            # No summary sentence stands alone (each inside a quotation, or a credit line too short to
            # say anything): the articles' opening sentences, where news says what happened, do.
            candidates = []
            for rank, k in enumerate(by_centrality):
                digest = analyses.get(members[k].id)
                if digest is None:
                    continue
                fragments, spans, text = digest.fragments, digest.spans, digest.text
                for index in range(min(LEAD_SENTENCES, digest.sentence_count)):
                    if index not in fragments:
                        start, end = spans[2 * index], spans[2 * index + 1]
                        candidates.append(Candidate(text[start:end], members[k].id, start, end,
                                                    1.0 / (1 + index) + 1.0 / (1 + rank)))
            summary = select_sentences(candidates, self.settings.summary_sentences)
        article_ids = [a.id for a in members]
        dates = [a.published for a in members if a.published]
        cited = []
        for article in members:
            analysis = analyses.get(article.id)
            cited.extend(analysis.cited_sources if analysis else ())
        return Story(
            id=story_id(article_ids), title=central.title, article_ids=article_ids,
            summary=summary,
            actor_ids=[a for a, _ in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))],
            quote_ids=[q for a in article_ids for q in quotes_of.get(a, ())],
            sources=list(dict.fromkeys(a.source for a in members if a.source)),
            cited_sources=list(dict.fromkeys(cited)),
            published=min(dates) if dates else None,
        )


def inside_quote(sentence, analysis: ArticleAnalysis) -> bool:
    """A sentence that opens inside a quotation begun in an earlier sentence: out of its article it
    is a fragment of someone's speech that no longer says whose."""
    return any(q.start + 2 < sentence.start < q.end for q in analysis.quotes)


def quote_fragments(analysis: ArticleAnalysis) -> set[int]:
    """Indices of the sentences that open inside an earlier sentence's quotation (see `inside_quote`)."""
    spans = sorted((q.start + 2, q.end) for q in analysis.quotes)
    return fragment_indices([s.start for s in analysis.sentences], spans)


def fragment_indices(starts: Iterable[int], spans: list[tuple[int, int]]) -> set[int]:
    """`quote_fragments` from sentence starts and sorted (quote start + 2, quote end) spans: the
    sentences that start after a quote opens and before the furthest end of the quotes opened so far."""
    starts = list(starts)
    if starts != sorted(starts):
        return _fragment_sweep(starts, spans)
    # Sentences in order: between the opening of quote q and of the next, the reach is that of the
    # quotes up to q, so the fragments there are a run of sentences found by bisection.
    out: set[int] = set()
    reach = -1
    for q, (opens, end) in enumerate(spans):
        reach = max(reach, end)
        lo = bisect_right(starts, opens)
        hi = bisect_right(starts, spans[q + 1][0]) if q + 1 < len(spans) else len(starts)
        hi = min(hi, bisect_left(starts, reach))
        out.update(range(lo, hi))
    return out


def _fragment_sweep(starts: list[int], spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    q = 0
    reach = -1  # the furthest end of the quotes opened so far
    for k, start in enumerate(starts):
        while q < len(spans) and spans[q][0] < start:
            reach = max(reach, spans[q][1])
            q += 1
        if start < reach:
            out.add(k)
    return out


def story_id(article_ids: Iterable[str]) -> str:
    """Stable while the story grows: named after its first article id, which only one story holds."""
    return "s" + hashlib.sha1(min(article_ids).encode()).hexdigest()[:12]


def local_actor_map(articles: list[Article], analyses: dict[str, ArticleAnalysis],
                    actors: Iterable[Actor]) -> dict[str, str]:
    """"article_id:local_key" -> Actor.id, rebuilt from names when the merger did not record it."""
    by_article: dict[str, dict[str, str]] = defaultdict(dict)
    for actor in actors:
        for article_id in actor.article_ids:
            names = by_article[article_id]
            for name in (actor.name, *actor.aliases):
                names.setdefault(name.lower(), actor.id)
    out = {}
    for article in articles:
        names = by_article.get(article.id)
        analysis = analyses.get(article.id)
        if not names or analysis is None:
            continue
        for local in analysis.actors:
            for name in (local.name, *local.aliases):
                if name.lower() in names:
                    out[f"{article.id}:{local.key}"] = names[name.lower()]
                    break
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter sentence's content words found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class Candidate(NamedTuple):
    """A sentence that may enter a summary, with the caller's prior for it (higher: more wanted)."""

    text: str
    article_id: str
    start: int
    end: int
    prior: float


_PRONOUN_ATTRIBUTION = re.compile(
    r"[”\"’]\s*,?\s*(?:he|she|they|it|we|I)\s+[a-z]+(?:\s+[a-z]+)?\s*[.!?]?\s*$")


def select_sentences(candidates: list[Candidate], count: int,
                     redundancy: float = 0.6, pool: int = 150) -> list[SummarySentence]:
    """Up to `count` sentences, most central first (shares content words with many candidates, plus
    the caller's prior), none repeating another: a sentence whose words are mostly in a chosen one
    is skipped (maximal marginal relevance with a hard redundancy cut)."""
    from brief.analysis.terms import stem_set

    if not candidates or count <= 0:
        return []
    if len(candidates) > 1:
        # highest prior first, ties in the given order (a stable sort, reversed keeps it stable)
        candidates = sorted(candidates, key=_prior, reverse=True)[:pool]
    words = [stem_set(c.text) for c in candidates]
    df = Counter(chain.from_iterable(words))
    get = df.__getitem__
    others = max(1, len(candidates) - 1)
    scores = []
    for (text, _, _, _, prior), ws in zip(candidates, words):
        # Centrality: how many other candidates carry this sentence's words, per word (so long
        # sentences do not win by length alone).
        shared = (sum(map(get, ws)) - len(ws)) / (len(ws) + 3) if ws else 0.0
        score = shared / others + 0.1 * prior
        if ("”" in text or '"' in text or "’" in text) and _PRONOUN_ATTRIBUTION.search(text):
            # Out of its article, '..., he added.' no longer says who spoke: keep it as a last resort.
            score *= 0.3
        scores.append(score)
    chosen: list[int] = []
    seen_texts: set[str] = set()
    order = range(len(candidates)) if len(candidates) == 1 else sorted(
        range(len(candidates)), key=scores.__getitem__, reverse=True)
    for k in order:
        if len(chosen) >= count:
            break
        if len(words[k]) < 3:
            continue
        text = " ".join(candidates[k].text.split()).lower()
        if text in seen_texts:
            continue
        if any(_overlap(words[k], words[c]) >= redundancy for c in chosen):
            continue
        chosen.append(k)
        seen_texts.add(text)
    return [SummarySentence(text=candidates[k].text, article_id=candidates[k].article_id,
                            start=candidates[k].start, end=candidates[k].end) for k in chosen]


_prior = itemgetter(4)
