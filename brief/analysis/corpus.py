"""Cross-article steps over cached per-article analyses: actors merged, stories, quote groups, briefs."""

from __future__ import annotations

from brief.analysis.briefs import build_briefs
from brief.analysis.groups import QuoteGrouper
from brief.analysis.merge import ActorMerger
from brief.analysis.stories import StoryClusterer
from brief.models import Article, ArticleAnalysis, Briefing, LoadWarning


def assemble(articles: list[Article], analyses: dict[str, ArticleAnalysis],
             warnings: list[LoadWarning]) -> Briefing:
    merged = ActorMerger().merge(articles, analyses)
    actors, quotes = merged.actors, merged.quotes
    groups = QuoteGrouper().group(quotes, articles)
    stories = StoryClusterer().cluster(articles, analyses, actors, quotes, merged.local_actor_ids)
    briefing = Briefing(
        articles=articles, analyses=analyses, stories=stories, actors=actors,
        quotes=quotes, quote_groups=groups, warnings=warnings, local_actor_ids=merged.local_actor_ids,
    )
    build_briefs(briefing)
    return briefing
