"""The fast cross-article code against the plain versions it replaced: same answers, ties included.

Each reference below is the earlier, simpler implementation; random inputs (small vocabularies, so
ties, shared words and trimmed postings are common) must give exactly what it gives.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from brief.analysis.briefs import _ranked, _together
from brief.analysis.groups import QuoteGrouper
from brief.analysis.stories import (
    Candidate,
    ClusterSettings,
    StoryClusterer,
    _cosine,
    _normalise,
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
        expected = _reference_candidate_pairs(settings, vectors, df, days, items)
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
