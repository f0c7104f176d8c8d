"""load -> analyse -> assemble, with the cache between each step and progress callbacks.

Slow NLP imports (sumy, numpy) happen only inside the analysis modules, which are imported
here lazily: opening a corpus whose briefing is cached never pays for them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from brief import ENGINE_VERSION
from brief.config import Settings, cache_dir
from brief.models import Article, ArticleAnalysis, Briefing
from brief.store import Store

# progress(stage, done, total); stages: "load", "analyse", "assemble"
Progress = Callable[[str, int, int], None]

_BATCH = 64
_PARALLEL_FROM = 96  # below this many articles a process pool costs more than it saves


def default_store() -> Store:
    return Store(cache_dir() / "cache.sqlite3")


def _briefing_key(keys: list[str], articles: list[Article]) -> str:
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    for key, article in zip(keys, articles):
        digest.update(key.encode())
        # Metadata does not change the analysis but does change the briefing (sources, dates, paths).
        digest.update(f"{article.source}|{article.published}|{article.path}|{article.url}".encode())
    return digest.hexdigest()


def _analyse(pending: list[Article], settings: Settings, progress: Progress | None,
             workers: int) -> list[ArticleAnalysis]:
    from brief.analysis.article import analyse_article, analyse_batch

    total = len(pending)
    if workers <= 1 or total < _PARALLEL_FROM:
        done: list[ArticleAnalysis] = []
        for article in pending:
            done.append(analyse_article(article, settings))
            if progress and (len(done) % 16 == 0 or len(done) == total):
                progress("analyse", len(done), total)
        return done
    batches = [pending[i:i + _BATCH] for i in range(0, total, _BATCH)]
    done = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(analyse_batch, batches, [settings] * len(batches)):
            done.extend(result)
            if progress:
                progress("analyse", len(done), total)
    return done


def build_briefing(path: Path, settings: Settings, store: Store | None = None,
                   progress: Progress | None = None, workers: int | None = None) -> Briefing:
    """Everything brief knows about the corpus at `path`; cached work is reused, never redone."""
    from brief.corpus import load_corpus

    store = store if store is not None else default_store()
    loaded = load_corpus(path, settings, store=store)
    if progress:
        progress("load", len(loaded.articles), len(loaded.articles))

    from brief.analysis.article import analysis_key

    keys = [analysis_key(a, settings) for a in loaded.articles]
    briefing_key = _briefing_key(keys, loaded.articles)
    cached = store.get_briefing(briefing_key, Briefing)
    if cached is not None:
        cached.warnings = loaded.warnings + store.warnings
        return cached

    analyses = store.get_analyses(keys, ArticleAnalysis)
    pending = [a for a, k in zip(loaded.articles, keys) if k not in analyses]
    if pending:
        workers = workers or settings.workers or os.cpu_count() or 1
        fresh = _analyse(pending, settings, progress, workers)
        new_items = [(analysis_key(a, settings), r) for a, r in zip(pending, fresh)]
        store.put_analyses(new_items)
        analyses.update(new_items)

    from brief.analysis.corpus import assemble

    if progress:
        progress("assemble", 0, 1)
    by_id = {a.id: analyses[k] for a, k in zip(loaded.articles, keys)}
    briefing = assemble(loaded.articles, by_id, loaded.warnings)
    store.put_briefing(briefing_key, briefing)
    if progress:
        progress("assemble", 1, 1)
    briefing.warnings = loaded.warnings + store.warnings
    return briefing
