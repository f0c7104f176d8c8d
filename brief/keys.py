"""Cache keys, computed without importing any analysis code (opening a cached corpus stays light)."""

from __future__ import annotations

from brief import ENGINE_VERSION
from brief.config import Settings
from brief.models import Article


def analysis_key(article: Article, settings: Settings) -> str:
    """What an analysis depends on: the article's content, the engine, and the summary settings."""
    length = f"r{settings.summary_ratio}" if settings.summary_ratio else f"n{settings.summary_sentences}"
    return f"{ENGINE_VERSION}:{settings.summary_method}:{length}:{article.id}"
