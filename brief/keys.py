"""Cache keys, computed without importing any analysis code (opening a cached corpus stays light)."""

from __future__ import annotations

from brief import ENGINE_VERSION
from brief.config import Settings
from brief.models import Article


def analysis_prefix(settings: Settings) -> str:
    """The part of an analysis key shared by every article: the engine and the summary settings."""
    length = f"r{settings.summary_ratio}" if settings.summary_ratio else f"n{settings.summary_sentences}"
    return f"{ENGINE_VERSION}:{settings.summary_method}:{length}:"


def analysis_key(article: Article, settings: Settings) -> str:
    """What an analysis depends on: the article's content (its id), the engine, and the summary settings."""
    return analysis_prefix(settings) + article.id
