"""JSON lines: one article object a line, read line by line (the size limit applies to each line)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from brief.corpus.readers import Draft, Source
from brief.corpus.readers.json_file import drafts

EXTENSIONS = (".jsonl", ".ndjson")


def read(source: Source) -> Iterator[Draft]:
    for number, line in source.lines():
        if not line.strip():
            continue
        try:
            value = json.loads(line, strict=False)
        except json.JSONDecodeError as exc:
            source.warn(f"line {number}: not valid JSON ({exc.msg}: column {exc.colno}); skipped", number)
            continue
        yield from drafts(value, source, number)
