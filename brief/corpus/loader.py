"""Walks a folder or file and turns every readable article into an `Article` (stub, to be fleshed out)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, Field

from brief.config import Settings
from brief.models import Article, LoadWarning


class LoadResult(BaseModel):
    articles: list[Article] = Field(default_factory=list)
    warnings: list[LoadWarning] = Field(default_factory=list)


def article_id(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:16]


def load_corpus(path: Path, settings: Settings, store=None) -> LoadResult:
    result = LoadResult()
    files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
    for file in files:
        text = file.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        result.articles.append(
            Article(id=article_id(title, text), title=title[:120], text=text, path=str(file))
        )
    return result
