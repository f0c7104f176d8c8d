"""Walks a folder or file and turns every readable article into an `Article`, with a warning for
every file (or record) that could not be read and why. Nothing here raises on bad input, and the
corpus is only ever opened for reading.

Each file's result is cached under its path, keyed by a fingerprint of its (and its sidecar's)
modification time and size and of the cleaning settings, so an unchanged file is not re-read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from brief.config import Settings
from brief.corpus.build import article_id, build_article
from brief.corpus.clean import Boilerplate, boilerplate_rules, strip_terminal_codes
from brief.corpus.decode import NotText, decode, looks_binary
from brief.corpus.readers import Unreadable, reader_for, records
from brief.corpus.walk import FileEntry, walk
from brief.models import Article, LoadWarning

__all__ = ["LoadResult", "article_id", "load_corpus", "load_file"]

# Bumped whenever reading or cleaning changes what a file yields, so cached file results are redone.
CORPUS_VERSION = "2"
_FLUSH_EVERY = 512
_BATCH = 128
_PARALLEL_FROM = 1024  # fewer files than this are read faster than processes start

# progress(done, total) over the files that had to be read
Progress = Callable[[int, int], None]
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class LoadResult(BaseModel):
    articles: list[Article] = Field(default_factory=list)
    warnings: list[LoadWarning] = Field(default_factory=list)


def _visible(text: str) -> str:
    """Control characters in a file name or message shown as escapes, so a warning cannot drive a terminal."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _warning(path: str, message: str) -> LoadWarning:
    return LoadWarning(path=_visible(path), message=_visible(message))


class _FileSource:
    """What a reader sees of one file: its decoded text, and a place for its warnings."""

    def __init__(self, entry: FileEntry, limit: int, result: LoadResult):
        self.path = entry.path
        self.size = entry.size
        self.limit = limit
        self.result = result
        self._noted = False

    def warn(self, message: str, record: int | None = None) -> None:
        where = f"{self.path}#{record}" if record is not None else self.path
        self.result.warnings.append(_warning(where, message))

    def _decoded(self, data: bytes, record: int | None = None) -> str:
        text, note = decode(data)
        if note and not self._noted:
            self._noted = True  # once a file: a cp1252 file of many records is one warning
            self.warn(note if record is None else f"{note} (first at line {record})")
        if looks_binary(text):
            raise NotText("binary file (mostly control characters)")
        return strip_terminal_codes(text)

    def read_text(self) -> str:
        if self.size == 0:
            raise Unreadable("empty file; skipped")
        if self.size > self.limit:
            raise Unreadable(f"larger than the size limit ({self.size:,} > max_file_bytes = {self.limit:,} bytes); skipped")
        with open(self.path, "rb") as handle:
            data = handle.read(self.limit + 1)
        if len(data) > self.limit:
            raise Unreadable(f"grew past the size limit (max_file_bytes = {self.limit:,}) while read; skipped")
        text = self._decoded(data)
        if not text.strip():
            raise Unreadable("no text in this file (blank or only control codes); skipped")
        return text

    def lines(self) -> Iterator[tuple[int, str]]:
        if self.size == 0:
            raise Unreadable("empty file; skipped")
        with open(self.path, "rb") as handle:
            number = 0
            while True:
                line = handle.readline(self.limit + 1)
                if not line:
                    return
                number += 1
                if len(line) > self.limit and not line.endswith(b"\n"):
                    while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass  # skip the rest of the over-long line without holding it
                    self.warn(f"line {number} is larger than the size limit (max_file_bytes = {self.limit:,}); skipped",
                              number)
                    continue
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                try:
                    yield number, self._decoded(line, number)
                except NotText as exc:
                    if number == 1:
                        raise  # a binary file: one warning for the file, not one a line
                    self.warn(f"line {number}: {exc}; skipped", number)


def _read_sidecar(path: str, result: LoadResult) -> dict[str, object]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(1_000_000)
        value = json.loads(decode(data)[0], strict=False)
    except (OSError, NotText) as exc:
        result.warnings.append(_warning(path, f"metadata sidecar cannot be read ({exc}); ignored"))
        return {}
    except json.JSONDecodeError as exc:
        result.warnings.append(_warning(path, f"metadata sidecar is not valid JSON ({exc.msg}: line {exc.lineno}); ignored"))
        return {}
    if not isinstance(value, dict):
        result.warnings.append(_warning(path, "metadata sidecar is not a JSON object; ignored"))
        return {}
    return records.metadata(value)


def load_file(entry: FileEntry, settings: Settings, rules: Boilerplate) -> LoadResult:
    """Everything one file yields: its articles and its warnings. Never raises on bad input."""
    result = LoadResult()
    source = _FileSource(entry, settings.max_file_bytes, result)
    read = reader_for(os.path.basename(entry.path))
    if read is None:
        source.warn("unsupported file type; skipped")
        return result
    sidecar = _read_sidecar(entry.sidecar, result) if entry.sidecar else {}
    try:
        for draft in read(source):
            article = build_article(draft, entry.path, sidecar, rules, source.warn)
            if article is not None:
                result.articles.append(article)
    except Unreadable as exc:
        source.warn(str(exc))
    except NotText as exc:
        source.warn(f"{exc}; skipped")
    except PermissionError:
        source.warn("cannot read: permission denied; skipped")
    except OSError as exc:
        source.warn(f"cannot read: {exc.strerror or exc}; skipped")
    except (RecursionError, MemoryError, ValueError) as exc:  # a pathological file in a parser
        source.warn(f"cannot be parsed ({type(exc).__name__}); skipped")
    if not result.articles and not result.warnings:
        source.warn("no article found in this file; skipped")
    return result


def _settings_key(settings: Settings) -> str:
    relevant = [CORPUS_VERSION, settings.builtin_boilerplate, settings.boilerplate_patterns, settings.max_file_bytes]
    return hashlib.sha256(json.dumps(relevant).encode()).hexdigest()[:12]


def _is_article(name: str) -> bool:
    return reader_for(name) is not None


def _load_batch(entries: list[FileEntry], settings: Settings) -> list[LoadResult]:
    rules = boilerplate_rules(tuple(settings.boilerplate_patterns), settings.builtin_boilerplate)
    return [load_file(entry, settings, rules) for entry in entries]


def _load_missing(missing: list[FileEntry], settings: Settings, rules: Boilerplate, workers: int,
                  progress: Progress | None) -> Iterator[LoadResult]:
    """The files not in the cache, read in order; in several processes when there are many."""
    total = len(missing)
    if workers <= 1 or total < _PARALLEL_FROM:
        for done, entry in enumerate(missing, 1):
            found = load_file(entry, settings, rules)
            if progress and (done % 256 == 0 or done == total):
                progress(done, total)  # before the yield: the consumer stops pulling after the last one
            yield found
        return
    from concurrent.futures import ProcessPoolExecutor  # only when needed: it is slow to import

    batches = [missing[i:i + _BATCH] for i in range(0, total, _BATCH)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_load_batch, batches, [settings] * len(batches)):
            done += len(results)
            if progress:
                progress(done, total)
            yield from results


def load_corpus(path: Path, settings: Settings, store=None, progress: Progress | None = None,
                workers: int | None = None) -> LoadResult:
    """All articles under `path` (a folder, recursively, or one file) in path order, exact duplicates
    dropped; a warning for every file or record that could not be read.

    `progress(done, total)` is called as files not in the cache are read; `workers` processes read
    them when there are many (default: settings.workers, else every core).
    """
    rules = boilerplate_rules(tuple(settings.boilerplate_patterns), settings.builtin_boilerplate)
    warnings = [_warning("config", message) for message in rules.errors]
    settings_key = _settings_key(settings)
    # Walk first and take what the cache has; then read the rest (in order, maybe in parallel).
    per_file: list[LoadResult | None] = []
    missing: list[tuple[int, FileEntry, str]] = []

    def walk_warning(where: str, message: str) -> None:
        per_file.append(LoadResult(warnings=[_warning(where, message)]))

    for entry in walk(str(path), _is_article, walk_warning):
        fingerprint = f"{entry.mtime_ns}:{entry.size}:{settings_key}:{entry.sidecar_stamp}"
        found = store.get_file(entry.path, fingerprint, LoadResult) if store is not None else None
        if found is None:
            missing.append((len(per_file), entry, fingerprint))
        per_file.append(found)

    workers = workers or settings.workers or os.cpu_count() or 1
    pending: list[tuple[str, str, LoadResult]] = []
    fresh = _load_missing([entry for _, entry, _ in missing], settings, rules, workers, progress)
    for (index, entry, fingerprint), found in zip(missing, fresh):
        per_file[index] = found
        if store is not None:
            pending.append((entry.path, fingerprint, found))
            if len(pending) >= _FLUSH_EVERY:
                store.put_files(pending)
                pending = []
    if store is not None and pending:
        store.put_files(pending)

    result = LoadResult(warnings=warnings)
    first_seen: dict[str, str] = {}
    for found in per_file:
        assert found is not None
        result.warnings.extend(found.warnings)
        for article in found.articles:
            original = first_seen.get(article.id)
            if original is not None:
                result.warnings.append(_warning(article.path, f"exact duplicate of {original}; skipped"))
                continue
            first_seen[article.id] = article.path
            result.articles.append(article)
    return result
