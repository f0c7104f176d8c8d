"""sumy's TextRank and Reduction with the sentence-overlap matrix built by one matrix product.

Both rate a pair of sentences by sumy's edge weight: shared word occurrences (sum over words of count_i *
count_j, so the count matrix times its transpose) over log len_i + log len_j. Every floating-point step after
the product is sumy's own, in sumy's order, so the ratings are bit for bit sumy's and so are the picks
(bench/eval_bbc.py checks it on the BBC corpus).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import chain, repeat

import numpy
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer


class _MemoisedTerms:
    """sumy's `_to_words_set` (lower-case, drop stop words, stem), memoised per word form."""

    _stop_words = frozenset()

    @property
    def stop_words(self):
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words):
        self._stop_words = frozenset(map(self.normalize_word, words))
        self._terms = {}

    def _to_words_set(self, sentence):
        return self._terms_of(sentence.words)

    def _terms_of(self, words):
        terms = self.__dict__.setdefault("_terms", {})
        try:
            found = [terms[word] for word in words]
        except KeyError:  # a word form not met yet
            for word in words:
                if word not in terms:
                    lower = word.lower()
                    terms[word] = None if lower in self._stop_words else self.stem_word(lower)
            found = [terms[word] for word in words]
        return [term for term in found if term is not None]


def _overlap(words: list[list[str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Shared word occurrences between every two sentences, and the sums of their log lengths."""
    vocabulary: dict[str, int] = {}
    rows = [row for row, terms in enumerate(words) for _ in terms]
    columns = [vocabulary.setdefault(term, len(vocabulary)) for terms in words for term in terms]
    width = len(vocabulary) or 1
    # Whole counts, so any way of adding them up gives the same floats; bincount is the cheap one.
    flat = numpy.array(rows, dtype=numpy.intp) * width + numpy.array(columns, dtype=numpy.intp)
    counts = numpy.bincount(flat, minlength=len(words) * width).reshape(len(words), width).astype(float)
    # math.log, not numpy.log: sumy's norms come from math.log and must match to the last bit.
    logs = numpy.array([math.log(len(w)) if w else 0.0 for w in words])
    return counts @ counts.T, logs[:, None] + logs[None, :]



def _overlap_between(words: list[list[str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """_overlap's two matrices, exact off the diagonal only (Reduction ignores a sentence's overlap with
    itself). Only words found in two sentences or more can be shared, so the count matrix keeps those
    columns, and stays in integers: numpy multiplies integer matrices itself, where a float product
    goes to BLAS, whose threads cost far more CPU than this small product (and give the same whole
    numbers)."""
    spread = Counter(chain.from_iterable(map(set, words)))
    vocabulary: dict[str, int] = {}
    for term, count in spread.items():
        if count > 1:
            vocabulary[term] = len(vocabulary)
    get = vocabulary.get
    rows: list[int] = []
    columns: list[int] = []
    for row, terms in enumerate(words):
        found = [column for column in map(get, terms) if column is not None]
        columns += found
        rows += repeat(row, len(found))
    width = len(vocabulary) or 1
    flat = numpy.array(rows, dtype=numpy.intp) * width + numpy.array(columns, dtype=numpy.intp)
    counts = numpy.bincount(flat, minlength=len(words) * width).reshape(len(words), width)
    logs = numpy.array([math.log(len(w)) if w else 0.0 for w in words])
    return counts @ counts.T, logs[:, None] + logs[None, :]


class FastTextRankSummarizer(_MemoisedTerms, TextRankSummarizer):
    def _create_matrix(self, document):
        shared, norms = _overlap([self._to_words_set(s) for s in document.sentences])
        n = len(shared)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            weights = numpy.where(shared == 0, 0.0, numpy.where(numpy.isclose(norms, 0.0), shared, shared / norms))
        weights /= weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION
        return numpy.full((n, n), (1.0 - self.damping) / n) + self.damping * weights


class FastReductionSummarizer(_MemoisedTerms, ReductionSummarizer):
    def rate_sentences(self, document):
        sentences = document.sentences
        totals = self._totals([self._to_words_set(s) for s in sentences])
        ratings = defaultdict(float)
        for sentence, total in zip(sentences, totals):
            ratings[sentence] += total  # sentences with the same text share one rating, as in sumy
        return ratings

    def pick(self, words: list[list[str]], texts: list[str], count: int) -> list[int]:
        """Positions of the `count` sentences `self(document, count)` picks from a document of these
        sentences (their words, their texts) and no headings, without building sumy's document."""
        totals = self._totals([self._terms_of(w) for w in words])
        ratings = defaultdict(float)
        for text, total in zip(texts, totals):
            ratings[text] += total  # as in rate_sentences: sumy's sentences are equal by text
        return sorted(self._get_best_sentences(range(len(texts)), count, lambda i: ratings[texts[i]]))

    @staticmethod
    def _totals(words: list[list[str]]) -> numpy.ndarray:
        """Each sentence's summed edge weights to the others, added as sumy adds them."""
        shared, norms = _overlap_between(words)
        with numpy.errstate(divide="ignore", invalid="ignore"):
            edges = numpy.where((shared == 0) | (norms == 0.0), 0.0, shared / norms)
        numpy.fill_diagonal(edges, 0.0)
        # sumy adds each sentence's edges one partner at a time, in document order: so do we (adding 0.0 for
        # the sentence itself changes nothing).
        # cumsum adds one after another (no pairwise summation), as that loop does: same floats.
        return numpy.cumsum(edges, axis=1)[:, -1] if len(words) else numpy.zeros(0)
