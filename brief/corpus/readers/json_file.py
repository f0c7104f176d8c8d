"""A .json file: one article object, or a list of them (a file of JSON lines is read as such)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from brief.corpus.readers import Draft, Source, records

EXTENSIONS = (".json",)


def drafts(value: object, source: Source, record: int | None) -> Iterator[Draft]:
    if not isinstance(value, dict):
        source.warn(f"expected an article object, found {type(value).__name__}; skipped", record)
        return
    text = records.body(value)
    if text is None:
        source.warn("no article text (expected a 'text', 'body' or 'content' string); skipped", record)
        return
    meta = records.metadata(value)
    yield Draft(text=text, title=meta.pop("title", None), meta=meta, record=record)


def read(source: Source) -> Iterator[Draft]:
    text = source.read_text()
    try:
        value = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON lines saved as .json
            yield from _lines(text, source)
            return
        source.warn(f"not valid JSON ({exc.msg}: line {exc.lineno}, column {exc.colno}); skipped")
        return
    if isinstance(value, list):
        for number, item in enumerate(value, 1):
            yield from drafts(item, source, number)
    else:
        yield from drafts(value, source, None)


def _lines(text: str, source: Source) -> Iterator[Draft]:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                value = json.loads(line, strict=False)
            except json.JSONDecodeError as exc:
                source.warn(f"line {number}: not valid JSON ({exc.msg}); skipped", number)
                continue
            yield from drafts(value, source, number)
