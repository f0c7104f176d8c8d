"""Cross-article steps over cached per-article analyses: actors merged, stories, quote groups, briefs."""

from __future__ import annotations

from brief.analysis.briefs import build_briefs
from brief.analysis.groups import QuoteGrouper
from brief.analysis.merge import ActorMerger
from brief.analysis.stories import StoryClusterer
from brief.models import Article, ArticleAnalysis, Briefing, LoadWarning


def assemble(articles: list[Article], analyses: dict[str, ArticleAnalysis],
             warnings: list[LoadWarning]) -> Briefing:
    actors, quotes = ActorMerger().merge(articles, analyses)
    groups = QuoteGrouper().group(quotes, articles)
    stories = StoryClusterer().cluster(articles, analyses, actors, quotes)
    briefing = Briefing(
        articles=articles, analyses=analyses, stories=stories, actors=actors,
        quotes=quotes, quote_groups=groups, warnings=warnings,
    )
    build_briefs(briefing)
    return briefing
