"""Stories: articles on the same event (stub: one story per article)."""

from __future__ import annotations

from brief.models import Actor, Article, ArticleAnalysis, Quote, Story, SummarySentence


class StoryClusterer:
    def cluster(self, articles: list[Article], analyses: dict[str, ArticleAnalysis],
                actors: list[Actor], quotes: list[Quote]) -> list[Story]:
        stories = []
        for article in articles:
            analysis = analyses[article.id]
            stories.append(Story(
                id="s" + article.id, title=article.title, article_ids=[article.id],
                summary=[SummarySentence(text=analysis.sentences[i].text, article_id=article.id)
                         for i in analysis.summary],
                actor_ids=[a.id for a in actors if article.id in a.article_ids],
                sources=[article.source] if article.source else [],
                published=article.published,
            ))
        return stories
