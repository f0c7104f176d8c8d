"""What an analysis worker process does with a batch of articles."""

from __future__ import annotations

import gc

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
    _freeze_once()
    return out


_frozen = False


def _freeze_once() -> None:
    """After a worker's first batch, the lexicons, memos and modules it loaded live as long as the
    process: move them out of the collector's sight, so its full passes (every ~300 articles) no
    longer walk them all. A worker makes no reference cycles worth collecting among them."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
