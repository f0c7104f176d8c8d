"""One module per file format. A module with `EXTENSIONS` and `read(source)` is a reader; adding a
format is adding a module here, nothing else.

`read` yields `Draft`s (raw text and the metadata the file gives) and reports what is wrong through
`source.warn`; decoding, size limits and cleaning are done for it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Draft:
    """An article as a reader found it: raw text, and what the file says about it."""

    text: str
    title: str | None = None
    # Given metadata under the canonical keys: source, url, published, author.
    meta: dict[str, object] = field(default_factory=dict)
    record: int | None = None  # 1-based record number in a file of many articles: the "#N" path suffix
    # True when `text` is already one paragraph per line (HTML, Markdown); False for raw text.
    structured: bool = False


class Unreadable(Exception):
    """The whole file cannot be read; the message says why."""


class Source(Protocol):
    path: str

    def read_text(self) -> str:
        """The decoded text, escape codes and control characters removed; raises Unreadable."""

    def lines(self) -> Iterator[tuple[int, str]]:
        """(line number, decoded line) for record-per-line formats; lines over the size limit are
        reported and skipped."""

    def warn(self, message: str, record: int | None = None) -> None: ...


Read = Callable[[Source], Iterable[Draft]]


def _discover() -> dict[str, Read]:
    readers: dict[str, Read] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for extension in getattr(module, "EXTENSIONS", ()):
            readers[extension] = module.read
    return readers


READERS: dict[str, Read] = _discover()


def reader_for(name: str) -> Read | None:
    dot = name.rfind(".")
    return READERS.get(name[dot:].lower()) if dot > 0 else None
