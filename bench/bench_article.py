"""CPU cost of each step of the per-article analysis, and a fingerprint of its output.

    python bench/bench_article.py [N] [--profile]

Loads N articles (default 300) from bench/corpora/10000 (made by bench/make_corpora.py), runs each
step of analyse_article over them three times and prints the best CPU ms per article per step. The
fingerprint (sha256 of every analysis as JSON) proves a speed-up left the output unchanged.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

from brief import ENGINE_VERSION
from brief.analysis.actors import ActorExtractor
from brief.analysis.article import analyse_article
from brief.analysis.quotes import QuoteExtractor
from brief.analysis.segment import split_sentences
from brief.analysis.summarize import summarize
from brief.analysis.terms import article_terms, cited_sources
from brief.config import Settings
from brief.corpus import load_corpus
from brief.models import ArticleAnalysis

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "corpora" / "10000"


def _steps(articles, settings):
    """Each step's CPU seconds over all articles, and the fingerprint of the analyses, built as
    analyse_article builds them. Nothing is kept: a heap of analyses would bill the step that
    happens to trigger the garbage collector for scanning them, which a pool worker never pays."""
    spent: dict[str, float] = {}
    digest = hashlib.sha256()

    def timed(name, fn, *args, **kwargs):
        start = time.process_time()
        value = fn(*args, **kwargs)
        spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return value

    for article in articles:
        sentences = timed("split_sentences", split_sentences, article.text)
        extraction = timed("actors", ActorExtractor().extract, article.text, sentences)
        quotes = timed("quotes", QuoteExtractor().extract, article.id, article.text, sentences, extraction)
        summary = timed("summarize", summarize, sentences, method=settings.summary_method,
                        count=settings.summary_sentences, ratio=settings.summary_ratio, title=article.title)
        terms = timed("article_terms", article_terms, article.title, article.text)
        sources = timed("cited_sources", cited_sources, article.text, extraction)
        analysis = timed(
            "ArticleAnalysis", ArticleAnalysis, article_id=article.id, engine_version=ENGINE_VERSION,
            sentences=sentences, summary=summary, actors=extraction.actors, mentions=extraction.mentions,
            quotes=quotes, terms=terms, cited_sources=sources)
        digest.update(analysis.model_dump_json().encode())
    return spent, digest.hexdigest()


def main(argv: list[str]) -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not there (run python bench/make_corpora.py first)")
        return 0
    count = int(next((a for a in argv if a.isdigit()), "300"))
    settings = Settings()
    load_start = time.process_time()
    articles = load_corpus(CORPUS / "007", settings, store=None).articles[:count]
    print(f"loaded {len(articles)} articles in {(time.process_time() - load_start) * 1000:.0f} ms CPU")
    for article in articles:
        analyse_article(article, settings)  # lexicons, lazy imports, the stemmers' memos
    if "--profile" in argv:
        import cProfile
        import pstats
        profile = cProfile.Profile()
        profile.enable()
        for article in articles:
            analyse_article(article, settings)
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(35)
        stats.sort_stats("cumulative").print_stats(50)
        return 0
    best: dict[str, float] = {}
    whole = float("inf")
    for _ in range(3):
        spent, fingerprint = _steps(articles, settings)
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds)
        direct_digest = hashlib.sha256()
        took = 0.0
        for article in articles:
            start = time.process_time()
            analysis = analyse_article(article, settings)
            took += time.process_time() - start
            direct_digest.update(analysis.model_dump_json().encode())
        whole = min(whole, took)
    per = 1000 / len(articles)
    print(f"{'step':<18}{'ms/article':>12}")
    for name, seconds in best.items():
        print(f"{name:<18}{seconds * per:>12.3f}")
    print(f"{'sum of steps':<18}{sum(best.values()) * per:>12.3f}")
    print(f"{'analyse_article':<18}{whole * per:>12.3f}")
    print(f"fingerprint {fingerprint}")
    if direct_digest.hexdigest() != fingerprint:
        print(f"analyse_article fingerprint differs: {direct_digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
