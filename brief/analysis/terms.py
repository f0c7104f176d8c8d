"""Weighted keywords of an article, used to block and cluster stories (stub)."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


def article_terms(title: str, text: str, limit: int = 40) -> dict[str, float]:
    counts = Counter(w.lower() for w in _WORD.findall(f"{title} {title} {text}"))
    return {w: float(c) for w, c in counts.most_common(limit)}


def cited_sources(text: str, extraction) -> list[str]:
    return []
