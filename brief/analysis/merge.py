"""Merging per-article actors into corpus actors (stub: by exact name)."""

from __future__ import annotations

import hashlib

from brief.models import Actor, Article, ArticleAnalysis, Quote


class ActorMerger:
    def merge(self, articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> tuple[list[Actor], list[Quote]]:
        actors: dict[str, Actor] = {}
        quotes: list[Quote] = []
        for article in articles:
            analysis = analyses[article.id]
            local_to_global: dict[str, str] = {}
            for local in analysis.actors:
                gid = "a" + hashlib.sha1(local.name.encode()).hexdigest()[:10]
                actor = actors.setdefault(gid, Actor(id=gid, name=local.name, kind=local.kind))
                actor.aliases = sorted(set(actor.aliases) | set(local.aliases))
                if article.id not in actor.article_ids:
                    actor.article_ids.append(article.id)
                local_to_global[local.key] = gid
            for mention in analysis.mentions:
                if mention.actor_key in local_to_global:
                    actors[local_to_global[mention.actor_key]].mention_count += 1
            for quote in analysis.quotes:
                q = quote.model_copy()
                q.speaker_id = local_to_global.get(q.speaker_key or "")
                if q.speaker_id:
                    actors[q.speaker_id].quote_ids.append(q.id)
                quotes.append(q)
        return list(actors.values()), quotes
