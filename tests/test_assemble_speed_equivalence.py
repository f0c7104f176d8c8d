"""The fast cross-article code against the plain versions it replaced: same answers, ties included.

Each reference below is the earlier, simpler implementation; random inputs (small vocabularies, so
ties, shared words and trimmed postings are common) must give exactly what it gives.
"""

from __future__ import annotations

import heapq
import math
import random
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable

from brief.analysis.briefs import _ranked, _together
from brief.analysis.groups import QuoteGrouper
from brief.analysis.stories import (
    Candidate,
    ClusterSettings,
    PackedVector,
    StoryClusterer,
    _cosine,
    _normalise,
    average_link,
    fragment_indices,
    select_sentences,
)
from brief.models import Quote


def _reference_fragments(starts, spans):
    out = set()
    q = 0
    reach = -1
    for k, start in enumerate(starts):
        while q < len(spans) and spans[q][0] < start:
            reach = max(reach, spans[q][1])
            q += 1
        if start < reach:
            out.add(k)
    return out


def test_fragment_indices_match_the_sweep():
    rng = random.Random(2)
    for _ in range(5000):
        starts = sorted(rng.randint(0, 60) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.1:
            rng.shuffle(starts)
        spans = sorted((rng.randint(0, 62), rng.randint(0, 70)) for _ in range(rng.randint(0, 5)))
        assert fragment_indices(starts, spans) == _reference_fragments(starts, spans)


def test_ranked_matches_a_full_sort():
    rng = random.Random(1)
    for _ in range(3000):
        counts = {f"k{rng.randint(0, 99):02d}{i}": rng.randint(1, 5) for i in range(rng.randint(0, 40))}
        limit = rng.randint(1, 15)
        expected = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
        assert _ranked(counts, limit) == expected


def test_together_counts_shared_articles():
    present = [{"a", "b", "c"}, {"a", "b"}, {"c"}, {"b", "d"}]
    together = _together(present)
    assert together["a"] == Counter({"a": 2, "b": 2, "c": 1})
    assert together["b"] == Counter({"b": 3, "a": 2, "c": 1, "d": 1})
    assert "c" in together and together["c"]["c"] == 1


def test_cosine_adds_the_same_products_in_the_same_order():
    rng = random.Random(3)
    vocab = [f"t{i}" for i in range(30)]
    for _ in range(3000):
        a = {t: rng.random() for t in rng.sample(vocab, rng.randint(0, 12))}
        b = {t: rng.random() for t in rng.sample(vocab, rng.randint(0, 12))}
        x, y = (b, a) if len(a) > len(b) else (a, b)
        expected = sum(w * y[t] for t, w in x.items() if t in y)
        got = _cosine(a, b)
        assert got == expected and type(got) is type(expected)


def test_packed_vectors_give_the_cosine_of_their_dicts():
    from array import array
    from collections import defaultdict

    rng = random.Random(5)
    vocab = [f"t{i}" for i in range(30)]
    for _ in range(2000):
        a = {t: rng.random() for t in rng.sample(vocab, rng.randint(0, 12))}
        b = {t: rng.random() for t in rng.sample(vocab, rng.randint(0, 12))}
        pa, pb = (PackedVector(tuple(v), array("d", v.values())) for v in (a, b))
        expected = _cosine(a, b)
        for x, y in ((pa, pb), (pa, b), (a, pb)):
            got = _cosine(x, y)
            assert got == expected and type(got) is type(expected)
        centroid = defaultdict(float, b)  # as a story's centrality reads it
        assert _cosine(pa, centroid) == _cosine(a, centroid)
        assert list(pa.items()) == list(a.items()) and pa.as_dict() == a and len(pa) == len(a)


def _reference_candidate_pairs(s, vectors, df, days, items):
    n = len(items)
    max_df = max(50, int(0.05 * n))
    block = {}
    index = defaultdict(list)
    for item in items:
        terms = [t for t in sorted(vectors[item], key=vectors[item].get, reverse=True)
                 if 1 < df[t] <= max_df][: s.block_terms]
        block[item] = terms
        for term in terms:
            index[term].append((days[item] if days[item] is not None else -1, item))
    for postings in index.values():
        postings.sort()
    pairs = {}
    for item in items:
        day = days[item]
        shared = Counter()
        for term in block[item]:
            postings = index[term]
            if day is None or postings[0][0] == -1:
                near = postings[: s.max_postings]
            else:
                lo = bisect_left(postings, (day - s.window_days, -1))
                hi = bisect_right(postings, (day + s.window_days, len(vectors)))
                near = postings[lo:hi]
                if len(near) > s.max_postings:
                    mid = bisect_left(near, (day, item))
                    half = s.max_postings // 2
                    near = near[max(0, mid - half): mid + half]
            for _, other in near:
                if other != item:
                    shared[other] += 1
        for other, _ in shared.most_common(s.max_candidates):
            key = (item, other) if item < other else (other, item)
            if key in pairs:
                continue
            if day is not None and days[other] is not None and abs(day - days[other]) > s.window_days:
                pairs[key] = 0.0
                continue
            pairs[key] = sum(w * vectors[other][t] for t, w in vectors[item].items() if t in vectors[other]) \
                if len(vectors[item]) <= len(vectors[other]) else \
                sum(w * vectors[item][t] for t, w in vectors[other].items() if t in vectors[item])
    return pairs


def test_candidate_pairs_match_the_plain_blocking():
    rng = random.Random(4)
    vocab = [f"w{i}" for i in range(25)]
    for trial in range(150):
        n = rng.randint(2, 90)
        features = [{t: float(rng.randint(1, 4)) for t in rng.sample(vocab, rng.randint(1, 10))} for _ in range(n)]
        last = 100 + rng.randint(0, 20)  # sometimes a few days only: long postings trimmed around the article
        days = [None if rng.random() < 0.2 else rng.randint(100, last) for _ in range(n)]
        settings = ClusterSettings(window_days=rng.randint(0, 6), block_terms=rng.randint(1, 6),
                                   max_postings=rng.randint(1, 9), max_candidates=rng.randint(1, 8))
        clusterer = StoryClusterer(settings)
        df = Counter(t for f in features for t in f)
        vectors = clusterer._weigh(features, df, n)
        expected_vectors = [_normalise({t: w * math.log((n + 1) / df[t]) for t, w in f.items()}) for f in features]
        assert [list(v.items()) for v in vectors] == [list(v.items()) for v in expected_vectors]
        items = list(range(n))
        got = clusterer._candidate_pairs(vectors, df, days, items)
        expected = _reference_candidate_pairs(settings, [dict(v.items()) for v in vectors], df, days, items)
        assert list(got.items()) == list(expected.items()), trial


def _reference_select(candidates, count, redundancy=0.6, pool=150):
    from brief.analysis.stories import _PRONOUN_ATTRIBUTION, _overlap
    from brief.analysis.terms import stem_set

    candidates = sorted(candidates, key=lambda c: -c.prior)[:pool]
    words = [stem_set(c.text) for c in candidates]
    df = Counter(w for ws in words for w in ws)
    scores = []
    for (*_, prior), ws in zip(candidates, words):
        shared = sum(df[w] - 1 for w in ws) / (len(ws) + 3) if ws else 0.0
        score = shared / max(1, len(candidates) - 1) + 0.1 * prior
        if _PRONOUN_ATTRIBUTION.search(candidates[len(scores)].text):
            score *= 0.3
        scores.append(score)
    chosen = []
    seen_texts = set()
    for k in sorted(range(len(candidates)), key=lambda k: -scores[k]):
        if len(chosen) >= count:
            break
        text = " ".join(candidates[k].text.split()).lower()
        if len(words[k]) < 3 or text in seen_texts:
            continue
        if any(_overlap(words[k], words[c]) >= redundancy for c in chosen):
            continue
        chosen.append(k)
        seen_texts.add(text)
    return [(candidates[k].text, candidates[k].article_id, candidates[k].start) for k in chosen]


def test_select_sentences_matches_the_plain_selection():
    rng = random.Random(5)
    words = ["flood", "river", "town", "council", "rain", "pumps", "water", "homes", "mayor", "storm", "bridge"]
    for _ in range(300):
        candidates = []
        for i in range(rng.randint(0, 12)):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8))).capitalize() + "."
            if rng.random() < 0.2:
                text = f'"{text}" he said.'
            if rng.random() < 0.1 and candidates:
                text = candidates[-1].text.upper()
            candidates.append(Candidate(text, f"a{i % 3}", i * 10, i * 10 + 9, rng.choice([0.5, 1.0, 1.5])))
        count = rng.randint(0, 5)
        for pool in (150, rng.randint(1, 10)):
            got = [(s.text, s.article_id, s.start) for s in select_sentences(candidates, count, pool=pool)]
            assert got == _reference_select(candidates, count, pool=pool)


def _reference_groups(grouper, quotes):
    from brief.analysis.terms import stem_set

    words = [stem_set(q.text) for q in quotes]
    df = Counter(w for ws in words for w in ws)
    parent = list(range(len(quotes)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_speaker = defaultdict(list)
    by_word = defaultdict(list)
    for i, (quote, ws) in enumerate(zip(quotes, words)):
        if len(ws) < grouper.min_shared:
            continue
        for w in ws:
            by_speaker[(quote.speaker_id or "", w)].append(i)
            by_word[w].append(i)
    for i, (quote, ws) in enumerate(zip(quotes, words)):
        if len(ws) < grouper.min_shared:
            continue
        shared = Counter()
        for w in ws:
            if df[w] > grouper.max_postings:
                continue
            if quote.speaker_id:
                shared.update(by_speaker.get((quote.speaker_id, w), ()))
                shared.update(by_speaker.get(("", w), ()))
            else:
                shared.update(by_word.get(w, ()))
        for j, count in shared.items():
            if count >= grouper.min_shared and j > i and find(i) != find(j) \
                    and grouper._same_utterance(quote, quotes[j], ws, words[j]):
                parent[find(j)] = find(i)
    # too short to weigh: the same words of the same known speaker, an article's first telling only
    first_of, told = {}, set()
    for i, (quote, ws) in enumerate(zip(quotes, words)):
        said = " ".join(re.findall(r"\w+", quote.text.casefold()))
        if len(ws) >= grouper.min_shared or not quote.speaker_id or " " not in said:
            continue
        if (quote.speaker_id, said, quote.article_id) not in told:
            told.add((quote.speaker_id, said, quote.article_id))
            first = first_of.setdefault((quote.speaker_id, said), i)
            if find(first) != find(i):
                parent[find(i)] = find(first)
    members = defaultdict(list)
    for i in range(len(quotes)):
        members[find(i)].append(i)
    return [[quotes[i].id for i in ids] for ids in members.values() if len({quotes[i].article_id for i in ids}) >= 2]


def test_quote_groups_match_the_plain_grouping():
    rng = random.Random(6)
    vocab = ["peace", "talks", "steps", "lasting", "just", "next", "further", "discussed", "ceasefire", "border",
             "troops", "aid"]
    for _ in range(40):
        quotes = []
        for i in range(rng.randint(2, 60)):
            text = " ".join(rng.sample(vocab, rng.randint(1, 7)))
            speaker = rng.choice([None, None, "a1", "a2", "a3"])
            quotes.append(Quote(id=f"q{i:03d}", text=text, article_id=f"art{rng.randint(0, 9)}", start=0,
                                end=len(text), speaker_id=speaker))
        grouper = QuoteGrouper(max_postings=rng.randint(2, 30))
        expected = _reference_groups(grouper, [q.model_copy() for q in quotes])
        got = [g.quote_ids for g in grouper.group(quotes)]
        assert got == expected


def _reference_average_link(n: int, pairs: dict[tuple[int, int], float], threshold: float, stop_at: int = 1,
                 similarity: Callable[[int, int], float] | None = None, budget: int = 400) -> list[list[int]]:
    # average_link before its compared-once counts went implicit, kept as the reference
    parent = list(range(n))
    size = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    version = [0] * n  # bumped when a cluster grows: what was verified about it no longer holds
    links: list[dict[int, float]] = [dict() for _ in range(n)]  # cluster -> summed similarity to cluster
    counts: list[dict[int, int]] = [dict() for _ in range(n)]  # cluster -> pairs compared with cluster
    # pairs compared so far, each as the number a * n + b: a set of tuples was the biggest part of
    # clustering 100,000 articles
    compared = {i * n + j for i, j in pairs}
    for (i, j), sim in pairs.items():
        links[i][j] = links[i].get(j, 0.0) + sim
        links[j][i] = links[j].get(i, 0.0) + sim
        counts[i][j] = counts[j][i] = 1
    verified: dict[tuple[int, int, int, int], float] = {}
    rng = random.Random(0)

    def key(i: int, k: int) -> tuple[int, int, int, int]:
        return (i, version[i], k, version[k]) if i < k else (k, version[k], i, version[i])

    def average(i: int, k: int) -> float:
        if similarity is None:
            return links[i].get(k, 0.0) / (size[i] * size[k])
        found = verified.get(key(i, k))
        return found if found is not None else links[i].get(k, 0.0) / counts[i].get(k, 1)

    def verify(i: int, k: int) -> float:
        total = size[i] * size[k]
        if total - counts[i].get(k, 0) <= budget:
            for a in members[i]:
                for b in members[k]:
                    pair = a * n + b if a < b else b * n + a
                    if pair not in compared:
                        compared.add(pair)
                        sim = similarity(a, b)
                        links[i][k] = links[i].get(k, 0.0) + sim
                        links[k][i] = links[i][k]
                        counts[i][k] = counts[k][i] = counts[i].get(k, 0) + 1
            return links[i].get(k, 0.0) / total
        sample = [similarity(rng.choice(members[i]), rng.choice(members[k])) for _ in range(budget)]
        return sum(sample) / budget

    heap = [(-s, i, j) for (i, j), s in pairs.items() if s >= threshold]
    heapq.heapify(heap)
    del pairs  # all it said is in `links`, `counts` and `compared` now (callers pass it on, not keep it)
    alive = [True] * n
    clusters = n
    while heap and clusters > stop_at:
        neg, i, j = heapq.heappop(heap)
        if not (alive[i] and alive[j]):
            continue
        current = average(i, j)
        if abs(current + neg) > 1e-12:
            continue  # stale entry: the pair's average changed since it was pushed
        if similarity is not None and key(i, j) not in verified:
            # The candidates' average was optimistic; the clusters' full average decides.
            checked = verified[key(i, j)] = verify(i, j)
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
        version[i] += 1
        links[i].pop(j, None)
        counts[i].pop(j, None)
        for k, s in links[j].items():
            if k == i:
                continue
            total = links[i].get(k, 0.0) + s
            links[i][k] = total
            links[k].pop(j, None)
            links[k][i] = total
            both = counts[i].get(k, 0) + counts[j][k]
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


def test_average_link_matches_its_reference_with_verified_averages():
    rng = random.Random(6)
    for trial in range(300):
        n = rng.randint(2, 40)
        truth = {(a, b): rng.random() ** 2 for a in range(n) for b in range(a + 1, n)}
        candidates = {pair: sim for pair, sim in truth.items() if rng.random() < 0.3}

        def similarity(a: int, b: int) -> float:
            return truth[(a, b) if a < b else (b, a)]

        threshold = rng.choice([0.05, 0.1, 0.2, 0.3])
        budget = rng.choice([2, 5, 400])
        got = average_link(n, dict(candidates), threshold, similarity=similarity, budget=budget)
        expected = _reference_average_link(n, dict(candidates), threshold, similarity=similarity, budget=budget)
        assert got == expected, trial
        assert average_link(n, dict(candidates), threshold) == _reference_average_link(n, dict(candidates), threshold)
