"""The analysis worker: what it sends back, and that its collector tuning stays in pool workers."""

from __future__ import annotations

import gc
import multiprocessing
import zlib

from brief.analysis import worker
from brief.analysis.article import analyse_article
from brief.analysis.summarize import CachedStemmer
from brief.analysis.terms import stem
from brief.config import Settings
from brief.models import Article

_TEXT = ('Mayor Jane Doe said on Monday: "We will rebuild the bridge." The council agreed.\n\n'
         'Doe told Reuters the work starts in May.')


def _article() -> Article:
    return Article(id="a1", title="Bridge to be rebuilt", text=_TEXT, path="a1.txt")


def test_packed_analysis_is_the_analysis_json():
    settings = Settings()
    [(packed, digest)] = worker.analyse_packed([_article()], settings)
    assert zlib.decompress(packed).decode() == analyse_article(_article(), settings).model_dump_json()
    assert digest


def test_in_process_analysis_leaves_the_collector_alone(monkeypatch):
    """A small corpus is analysed in the reader's own process: its heap is not frozen, its thresholds kept."""
    monkeypatch.setattr(worker, "_settled", False)
    before = gc.get_freeze_count(), gc.get_threshold()
    worker.analyse_packed([_article()], Settings())
    assert (gc.get_freeze_count(), gc.get_threshold()) == before


def test_pool_worker_freezes_once_and_collects_less_often(monkeypatch):
    monkeypatch.setattr(worker, "_settled", False)
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    threshold = gc.get_threshold()
    try:
        worker.analyse_packed([_article()], Settings())
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (20_000, *threshold[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_summary_stemmer_is_the_terms_stemmer():
    from nltk.stem.snowball import EnglishStemmer

    stemmer = CachedStemmer()
    reference = EnglishStemmer()
    for word in ("rebuilding", "councils", "agreed", "generously", "news", "running"):
        assert stemmer(word) == stem(word) == reference.stem(word)
