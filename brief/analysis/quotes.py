"""Quotes and their speakers within one article (stub)."""

from __future__ import annotations

from brief.analysis.actors import ActorExtraction
from brief.models import Quote, Sentence


class QuoteExtractor:
    def extract(self, article_id: str, text: str, sentences: list[Sentence], actors: ActorExtraction) -> list[Quote]:
        return []
