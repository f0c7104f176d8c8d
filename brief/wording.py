"""Words for counts, shared by the exports and the reader."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`1 article`, `2 articles`: the count with the word in its number."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
