"""Plain text: the whole file is the article; the title is inferred from its first line."""

from __future__ import annotations

from collections.abc import Iterator

from brief.corpus.readers import Draft, Source

EXTENSIONS = (".txt", ".text")


def read(source: Source) -> Iterator[Draft]:
    yield Draft(text=source.read_text())
