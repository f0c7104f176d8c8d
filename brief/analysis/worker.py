"""What an analysis worker process does with a batch of articles."""

from __future__ import annotations

import gc
import multiprocessing

from brief.config import Settings
from brief.models import Article
from brief.store import pack, pack_plain


def analyse_packed(articles: list[Article], settings: Settings) -> list[tuple[bytes, bytes]]:
    """(analysis, digest) per article as the cache stores them, made in the worker process.

    Top-level so a process pool can pickle it. Bytes cross the process boundary far more cheaply
    than pickled models, and the parent stores them as they are instead of serialising again; it
    reads back only the digest, which is all the cross-article steps need.
    """
    from brief.analysis import article as article_module
    from brief.analysis.digest import digest_of

    out = []
    for article in articles:
        analysis = article_module.analyse_article(article, settings)
        out.append((pack(analysis), pack_plain(digest_of(analysis, article.text).to_plain())))
    _settle_once()
    return out


_settled = False


def _settle_once() -> None:
    """In a pool worker, after its first batch: the lexicons, memos and modules it loaded live as long
    as the process, so they are moved out of the collector's sight (its full passes, every ~300
    articles, walked them all), and the collector runs after 20,000 net new objects instead of 700
    (an article's objects die young, by reference counting: hundreds of passes found next to
    nothing). Not in a process that analyses in-process (a small corpus, one worker): the reader's
    heap is not the worker's to freeze."""
    global _settled
    if _settled:
        return
    _settled = True
    if multiprocessing.parent_process() is None:
        return
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(20_000, middle, old)
