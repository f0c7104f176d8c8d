"""Extractive summaries with sumy, fed documents built from our own sentences (sumy's Tokenizer needs NLTK data).

Every sumy method is available. `textrank` and `reduction` run sumy's TextRank and Reduction with the sentence
similarity matrix built by numpy instead of a Python double loop (brief.analysis.summarizers): the same picks as
sumy's own classes on all 2,225 BBC articles, in a third of the time. The default, `reduction`, was chosen with
bench/eval_bbc.py: the best ROUGE of all methods on the BBC corpus (R2 77.6 against TextRank's 72.1).
"""

from __future__ import annotations

import re
import warnings
from functools import cache

import numpy

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from brief.analysis.summarizers import FastReductionSummarizer, FastTextRankSummarizer
from brief.models import Sentence

# Every method rates sentences against each other (a square matrix): a text of 50,000 "sentences" (a
# dump, a book) would want hundreds of GB. A summary is drawn from the first MAX_RATED sentences, far
# more than any news article has (the longest of the 2,225 BBC articles has 246).
MAX_RATED = 1000

LANGUAGE = "english"
METHODS = ("lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")
DEFAULT_METHOD = "reduction"

# Words as sumy's own tokenizer keeps them: letters joined by hyphens and apostrophes, less a possessive 's.
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:-[^\W\d_]+|['’](?!s\b)[^\W\d_]+)*")

# Edmundson's cue method rewards and penalises words given up front; for news: words of announcements and
# decisions, and words of hedging and page furniture.
EDMUNDSON_BONUS = (
    "announced", "announce", "agreed", "agreement", "decided", "decision", "confirmed", "approved", "plans",
    "first", "new", "will", "according", "report", "reported", "official", "government", "president",
    "minister", "company", "million", "billion", "percent",
)
EDMUNDSON_STIGMA = (
    "advertisement", "subscribe", "newsletter", "click", "photo", "getty", "images", "copyright", "follow",
    "watch", "video", "related", "perhaps", "maybe", "hardly", "anyway",
)


class WordTokenizer:
    """The tokenizer object sumy's document model asks for words; sentences come from brief.analysis.segment."""

    language = LANGUAGE

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from brief.analysis.segment import split_sentences

        return tuple(s.text for s in split_sentences(paragraph))


class CachedStemmer:
    """NLTK's Snowball stemmer (pure Python, no data files) behind a memo: news reuses its words.

    In English it is the same stemmer as brief.analysis.terms.stem (NLTK's EnglishStemmer, a pure
    function), so a word met here is stemmed once for both: a cold build meets new words all along,
    and stemming them was a few per cent of its time, twice over."""

    def __init__(self, language: str = LANGUAGE, limit: int = 200_000):
        if language == "english":
            from brief.analysis.terms import stem

            self._stem = stem
        else:
            self._stem = Stemmer(language)
        self._memo: dict[str, str] = {}
        self._limit = limit

    def __call__(self, word: str) -> str:
        stem = self._memo.get(word)
        if stem is None:
            if len(self._memo) >= self._limit:
                self._memo.clear()
            stem = self._memo[word] = self._stem(word)
        return stem


_CLASSES: dict[str, type[AbstractSummarizer]] = {
    "lexrank": LexRankSummarizer,
    "lsa": LsaSummarizer,
    "textrank": FastTextRankSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": FastReductionSummarizer,
    # Not user-facing: sumy's own TextRank and Reduction, so the bench can check the fast ones against them.
    "textrank-sumy": TextRankSummarizer,
    "reduction-sumy": ReductionSummarizer,
}


@cache
def _stemmer() -> CachedStemmer:
    return CachedStemmer()


@cache
def summarizer(method: str) -> AbstractSummarizer:
    """One configured sumy summarizer per method and process."""
    if method not in _CLASSES:
        raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")
    instance = _CLASSES[method](_stemmer())
    stop_words = get_stop_words(LANGUAGE)
    if isinstance(instance, EdmundsonSummarizer):
        instance.null_words = stop_words
        instance.bonus_words = EDMUNDSON_BONUS
        instance.stigma_words = EDMUNDSON_STIGMA
    else:
        instance.stop_words = stop_words
    return instance


_TOKENIZER = WordTokenizer()


def build_document(sentences: list[Sentence], title: str = "") -> ObjectDocumentModel:
    """A sumy document whose sentences are ours, in order, grouped by paragraph; the title is a heading."""
    paragraphs = []
    if title.strip():
        paragraphs.append(Paragraph([SumySentence(title, _TOKENIZER, is_heading=True)]))
    run: list[SumySentence] = []
    last = None
    for sentence in sentences:
        if run and sentence.paragraph != last:
            paragraphs.append(Paragraph(run))
            run = []
        run.append(SumySentence(sentence.text, _TOKENIZER))
        last = sentence.paragraph
    if run:
        paragraphs.append(Paragraph(run))
    return ObjectDocumentModel(paragraphs)


def summary_length(total: int, count: int = 3, ratio: float | None = None) -> int:
    """How many sentences a summary takes: `ratio` of them (at least one) when given, else `count`."""
    wanted = max(1, round(total * ratio)) if ratio else count
    return max(0, min(wanted, total))


def summarize(sentences: list[Sentence], method: str = DEFAULT_METHOD, count: int = 3, ratio: float | None = None,
              title: str = "") -> list[int]:
    """Indices (in text order) of the sentences that summarise the text."""
    wanted = summary_length(len(sentences), count, ratio)
    engine = summarizer(method)  # an unknown method fails even on a short text
    if wanted >= len(sentences):
        return list(range(len(sentences)))
    if len(sentences) > MAX_RATED:
        sentences = sentences[:MAX_RATED]
        wanted = min(wanted, MAX_RATED)
        if wanted == MAX_RATED:
            return list(range(MAX_RATED))
    if type(engine) is FastReductionSummarizer:
        # The default method rates our sentences straight away: the same picks as through a sumy document
        # (whose title heading Reduction never rates), without building one.
        texts = [s.text.strip() for s in sentences]
        with numpy.errstate(all="ignore"):
            return engine.pick([_WORD.findall(text) for text in texts], texts, wanted)
    document = build_document(sentences, title)
    position = {id(s): i for i, s in enumerate(document.sentences)}
    # Texts with next to no content words make LSA warn and LexRank divide by zero; the picks stay valid.
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        chosen = {position[id(s)] for s in engine(document, wanted)}
    # LSA picks nothing from a text without content words: lead sentences make up the length.
    lead = (i for i in range(len(sentences)) if i not in chosen)
    while len(chosen) < wanted:
        chosen.add(next(lead))
    return sorted(chosen)
