"""Quote groups: the same utterance as reported by different articles, worded differently.

Two quotes group when they come from different articles, their speakers agree, and they share
enough stemmed content words: at least `min_shared`, making at least `min_containment` of the
shorter quote ("We discussed the next steps towards a just and lasting peace" / "We discussed
further steps towards a just and lasting peace"; a partial quote contained in a longer one also
groups; so do two long quotes sharing five or more words, a third of the shorter, as when one
outlet paraphrases around a shared core; a quote too short for that groups only on the very same
words from the same known speaker). Speakers agree when both are the same corpus actor; a quote with no known speaker may join
a known speaker's quote only on a stricter match, and two different known speakers never group.

Candidates come from an inverted index on the quotes' content words within each speaker (and the
unknown-speaker quotes), skipping words too common to be evidence, so no two quotes are compared
unless they share a rare-enough word.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import chain

from brief.analysis.collector import collector_paused
from brief.models import Article, Quote, QuoteGroup

_WORD = re.compile(r"\w+")


class QuoteGrouper:
    def __init__(self, min_shared: int = 3, min_containment: float = 0.5,
                 unknown_containment: float = 0.75, max_postings: int = 100):
        self.min_shared = min_shared
        self.min_containment = min_containment
        self.unknown_containment = unknown_containment
        self.max_postings = max_postings

    def group(self, quotes: list[Quote], articles: list[Article] | None = None) -> list[QuoteGroup]:
        """Sets `group_id` on the quotes that report one utterance in several articles; returns the groups."""
        with collector_paused():
            return self._group(quotes)

    def _group(self, quotes: list[Quote]) -> list[QuoteGroup]:
        from brief.analysis.terms import stem_set

        words = [stem_set(q.text) for q in quotes]
        df = Counter(chain.from_iterable(words))
        parent = list(range(len(quotes)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        # rare word -> the quotes (of at least min_shared words) holding it, in order: of each speaker
        # ("" for the unknown), and of anyone
        by_speaker: dict[str, dict[str, list[int]]] = defaultdict(dict)
        by_word: dict[str, list[int]] = {}
        rare: list[list[str] | None] = []  # each quote's words that are rare enough to be evidence
        max_postings, min_shared = self.max_postings, self.min_shared
        for i, (quote, ws) in enumerate(zip(quotes, words)):
            if len(ws) < min_shared:
                rare.append(None)
                continue
            found = [w for w in ws if df[w] <= max_postings]  # more: too common to be evidence
            rare.append(found)
            own = by_speaker[quote.speaker_id or ""]
            for w in found:  # only rare words are ever looked up
                postings = own.get(w)
                if postings is None:
                    own[w] = [i]
                else:
                    postings.append(i)
                postings = by_word.get(w)
                if postings is None:
                    by_word[w] = [i]
                else:
                    postings.append(i)
        unknown = by_speaker.get("", {})
        no_postings: list[int] = []
        for i, (quote, ws) in enumerate(zip(quotes, words)):
            found = rare[i]
            if found is None or len(found) < min_shared:
                continue  # another quote shares at most len(found) of these words
            # A known speaker's quote looks among their own quotes and the unknown-speaker ones; an
            # unknown-speaker quote looks among everyone's. Each pair is weighed once, from its first
            # quote: only the later quotes of each posting list are counted.
            if quote.speaker_id:
                own = by_speaker[quote.speaker_id]
                lists = [own.get(w, no_postings) for w in found] + [unknown.get(w, no_postings) for w in found]
            else:
                lists = [by_word.get(w, no_postings) for w in found]
            later = [postings[bisect_right(postings, i):] for postings in lists if postings and postings[-1] > i]
            if len(later) < min_shared:
                continue  # no later quote can share min_shared words with this one
            shared = Counter(chain.from_iterable(later))
            for j, count in shared.items():
                if count >= min_shared and find(i) != find(j) and self._same_utterance(quote, quotes[j], ws, words[j]):
                    parent[find(j)] = find(i)
        # Too short to weigh by shared words ("we will act"): the very same words from the same known
        # speaker in another article are one utterance.
        # Only an article's first telling joins, as no two quotes of one article group.
        first_of: dict[tuple[str, str], int] = {}
        told: set[tuple[str, str, str]] = set()
        for i, (quote, ws) in enumerate(zip(quotes, words)):
            if len(ws) >= min_shared or not quote.speaker_id:
                continue
            said = " ".join(_WORD.findall(quote.text.casefold()))
            if " " not in said or (quote.speaker_id, said, quote.article_id) in told:
                continue  # one word ("soon") is no evidence of one utterance
            told.add((quote.speaker_id, said, quote.article_id))
            first = first_of.setdefault((quote.speaker_id, said), i)
            if find(first) != find(i):
                parent[find(i)] = find(first)
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
