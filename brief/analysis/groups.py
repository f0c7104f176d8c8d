"""Quote groups: the same utterance as reported by different articles (stub)."""

from __future__ import annotations

from brief.models import Article, Quote, QuoteGroup


class QuoteGrouper:
    def group(self, quotes: list[Quote], articles: list[Article]) -> list[QuoteGroup]:
        return []
