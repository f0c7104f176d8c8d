"""Extractive summaries with sumy (stub: lead-n)."""

from __future__ import annotations

from brief.models import Sentence

METHODS = ("lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")


def summarize(sentences: list[Sentence], method: str = "textrank", count: int = 3, ratio: float | None = None,
              title: str = "") -> list[int]:
    """Indices (in text order) of the sentences that summarise the text."""
    n = max(1, round(len(sentences) * ratio)) if ratio else count
    return list(range(min(n, len(sentences))))
