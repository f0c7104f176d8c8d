"""Quote groups: the same utterance as reported by different articles, worded differently.

Two quotes group when they come from different articles, their speakers agree, and they share
enough stemmed content words: at least `min_shared`, making at least `min_containment` of the
shorter quote ("We discussed the next steps towards a just and lasting peace" / "We discussed
further steps towards a just and lasting peace"; a partial quote contained in a longer one also
groups; so do two long quotes sharing five or more words, a third of the shorter, as when one
outlet paraphrases around a shared core). Speakers agree when both are the same corpus actor; a quote with no known speaker may join
a known speaker's quote only on a stricter match, and two different known speakers never group.

Candidates come from an inverted index on the quotes' content words within each speaker (and the
unknown-speaker quotes), skipping words too common to be evidence, so no two quotes are compared
unless they share a rare-enough word.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from brief.models import Article, Quote, QuoteGroup


class QuoteGrouper:
    def __init__(self, min_shared: int = 3, min_containment: float = 0.5,
                 unknown_containment: float = 0.75, max_postings: int = 100):
        self.min_shared = min_shared
        self.min_containment = min_containment
        self.unknown_containment = unknown_containment
        self.max_postings = max_postings

    def group(self, quotes: list[Quote], articles: list[Article] | None = None) -> list[QuoteGroup]:
        """Sets `group_id` on the quotes that report one utterance in several articles; returns the groups."""
        from brief.analysis.terms import stem_set

        words = [stem_set(q.text) for q in quotes]
        df = Counter(w for ws in words for w in ws)
        parent = list(range(len(quotes)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)  # (speaker, word) -> quotes
        by_word: dict[str, list[int]] = defaultdict(list)  # word -> quotes of any speaker
        for i, (quote, ws) in enumerate(zip(quotes, words)):
            if len(ws) < self.min_shared:
                continue
            for w in ws:
                by_speaker[(quote.speaker_id or "", w)].append(i)
                by_word[w].append(i)
        for i, (quote, ws) in enumerate(zip(quotes, words)):
            if len(ws) < self.min_shared:
                continue
            # A known speaker's quote looks among their own quotes and the unknown-speaker ones; an
            # unknown-speaker quote looks among everyone's.
            shared: Counter[int] = Counter()
            for w in ws:
                if df[w] > self.max_postings:
                    continue  # too common to be evidence of one utterance
                if quote.speaker_id:
                    shared.update(by_speaker.get((quote.speaker_id, w), ()))
                    shared.update(by_speaker.get(("", w), ()))
                else:
                    shared.update(by_word.get(w, ()))
            for j, count in shared.items():
                if count >= self.min_shared and j > i and find(i) != find(j) \
                        and self._same_utterance(quote, quotes[j], ws, words[j]):
                    parent[find(j)] = find(i)
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(quotes)):
            members[find(i)].append(i)
        groups = []
        for ids in members.values():
            if len({quotes[i].article_id for i in ids}) < 2:
                continue
            quote_ids = [quotes[i].id for i in ids]
            group_id = "g" + hashlib.sha1(min(quote_ids).encode()).hexdigest()[:12]
            for i in ids:
                quotes[i].group_id = group_id
            groups.append(QuoteGroup(id=group_id, quote_ids=quote_ids))
        return groups

    def _same_utterance(self, a: Quote, b: Quote, wa: frozenset[str], wb: frozenset[str]) -> bool:
        if a.article_id == b.article_id:
            return False
        if a.speaker_id and b.speaker_id and a.speaker_id != b.speaker_id:
            return False
        common = len(wa & wb)
        if common < self.min_shared:
            return False
        containment = common / min(len(wa), len(wb))
        if not (a.speaker_id and b.speaker_id):
            return containment >= self.unknown_containment
        # Long quotes paraphrased around a shared core: many shared words weigh for a lower share.
        return containment >= self.min_containment or (common >= 5 and containment >= 0.35)
