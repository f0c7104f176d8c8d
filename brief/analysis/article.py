"""The per-article analysis: a pure function of one article, so it caches per article and runs in any process."""

from __future__ import annotations

from brief import ENGINE_VERSION
from brief.analysis.actors import ActorExtractor
from brief.analysis.quotes import QuoteExtractor
from brief.analysis.segment import split_sentences
from brief.analysis.summarize import summarize
from brief.analysis.terms import article_terms, cited_sources
from brief.config import Settings
from brief.keys import analysis_key  # noqa: F401  (re-exported for older callers)
from brief.models import Article, ArticleAnalysis


def analyse_article(article: Article, settings: Settings) -> ArticleAnalysis:
    sentences = split_sentences(article.text)
    extraction = ActorExtractor().extract(article.text, sentences)
    quotes = QuoteExtractor().extract(article.id, article.text, sentences, extraction)
    summary = summarize(
        sentences,
        method=settings.summary_method,
        count=settings.summary_sentences,
        ratio=settings.summary_ratio,
        title=article.title,
    )
    # ArticleAnalysis(article_id=..., ...) without BaseModel.__init__'s keyword round trip: the same validation.
    return _validate_analysis({
        "article_id": article.id,
        "engine_version": ENGINE_VERSION,
        "sentences": sentences,
        "summary": summary,
        "actors": extraction.actors,
        "mentions": extraction.mentions,
        "quotes": quotes,
        "terms": article_terms(article.title, article.text),
        "cited_sources": cited_sources(article.text, extraction),
    })


_validate_analysis = ArticleAnalysis.__pydantic_validator__.validate_python


def analyse_batch(articles: list[Article], settings: Settings) -> list[ArticleAnalysis]:
    """Top-level so a process pool can pickle it."""
    return [analyse_article(a, settings) for a in articles]
