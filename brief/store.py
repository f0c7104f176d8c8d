"""The cache: per-file load results, per-article analyses and briefings (as items), in one SQLite file.

SQLite gives safe concurrent use by two `brief` processes (WAL, busy timeout) for free.
A corrupt file or entry is discarded and rebuilt, with a warning, never a traceback.
"""

from __future__ import annotations

import marshal
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # pydantic loads with the first model read or written, not to open the cache
    from pydantic import BaseModel

    from brief.models import LoadWarning

M = TypeVar("M", bound="BaseModel")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS briefings (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    briefing TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (briefing, kind, id));
CREATE TABLE IF NOT EXISTS snapshots (
    corpus TEXT PRIMARY KEY, manifest TEXT NOT NULL, briefing TEXT NOT NULL);
"""


def pack(model: BaseModel) -> bytes:
    """A model as the cache keeps it: compressed JSON (made in analysis workers, stored as is)."""
    return zlib.compress(model.model_dump_json().encode("utf-8"), 1)


def unpack(blob: bytes, model: type[M]) -> M:
    return model.model_validate_json(zlib.decompress(blob))


def pack_plain(value: object) -> bytes:
    """Plain values (tuples, dicts, str, int, float, None) as the cache keeps them: marshal reads
    them back several times faster than JSON, and holds nothing that runs code."""
    return zlib.compress(marshal.dumps(value), 1)


def unpack_plain(blob: bytes) -> object:
    return marshal.loads(zlib.decompress(blob))


_pack, _unpack = pack, unpack
_CHUNK = 500  # keys per SELECT ... IN (...), under SQLite's variable limit


class Store:
    """A cache file; `Store(None)` is a cache that keeps nothing (for --no-cache and tests)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.warnings: list[LoadWarning] = []
        self._db: sqlite3.Connection | None = None
        if path is not None:
            self._open()

    @property
    def usable(self) -> bool:
        """Whether this cache keeps what it is given (a file that could be opened)."""
        return self._db is not None

    def _warn(self, message: str) -> None:
        from brief.models import LoadWarning

        self.warnings.append(LoadWarning(path=str(self.path), message=message))

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            db.execute("SELECT count(*) FROM files").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _open(self) -> None:
        try:
            self._db = self._connect_when_free()
        except sqlite3.DatabaseError as exc:
            self._discard(f"cache was unreadable ({exc}); rebuilding it")
        except OSError as exc:
            self._warn(f"cache cannot be used ({exc}); running without it")
            self._db = None

    def _connect_when_free(self, tries: int = 100) -> sqlite3.Connection:
        """`_connect`, waiting while another brief process holds the file. Two processes that open a
        new cache at once both set it up (journal mode, tables), and SQLite answers the one that comes
        second "database is locked" at once, without its busy timeout: that is a wait, not a broken
        file to discard (which deleted the cache under the other process)."""
        import time

        for attempt in range(tries):
            try:
                return self._connect()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == tries - 1:
                    raise
                time.sleep(0.05)
        raise AssertionError("unreachable")

    def _discard(self, message: str) -> None:
        self._warn(message)
        if self._db is not None:
            self._db.close()
            self._db = None
        assert self.path is not None
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        try:
            self._db = self._connect()
        except (sqlite3.DatabaseError, OSError) as exc:
            self._warn(f"cache cannot be rebuilt ({exc}); running without it")
            self._db = None

    def _run(self, sql: str, params: Iterable = ()) -> list[tuple]:
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as exc:
            self._discard(f"cache was corrupt ({exc}); rebuilding it")
            return []

    def _get(self, table: str, key: str, model: type[M]) -> M | None:
        rows = self._run(f"SELECT data FROM {table} WHERE key = ?", (key,))
        if not rows:
            return None
        try:
            return _unpack(rows[0][0], model)
        except (zlib.error, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            self._warn(f"discarded a corrupt cache entry ({type(exc).__name__}); recomputing it")
            self._run(f"DELETE FROM {table} WHERE key = ?", (key,))
            return None

    def _put_many(self, table: str, items: list[tuple[str, BaseModel]]) -> None:
        self.put_packed(table, [(k, _pack(m)) for k, m in items])

    def put_packed(self, table: str, items: list[tuple[str, bytes]]) -> None:
        """Already packed (key, blob) pairs, in one transaction."""
        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany(f"INSERT OR REPLACE INTO {table} (key, data) VALUES (?, ?)", items)
        except sqlite3.DatabaseError as exc:
            self._discard(f"cache could not be written ({exc}); rebuilding it")

    # Per-article analyses -------------------------------------------------------------
    def get_analysis(self, key: str, model: type[M]) -> M | None:
        return self._get("analyses", key, model)

    def get_analyses(self, keys: list[str], model: type[M]) -> dict[str, M]:
        """The cached analyses among `keys`, read a few hundred per query."""
        found: dict[str, M] = {}
        corrupt: list[str] = []
        for key, blob in self._select_in("analyses", keys):
            try:
                found[key] = _unpack(blob, model)
            except (zlib.error, ValueError):  # pydantic's ValidationError is a ValueError
                corrupt.append(key)
        if corrupt:
            self._warn(f"discarded {len(corrupt)} corrupt cache entries; recomputing them")
            for key in corrupt:
                self._run("DELETE FROM analyses WHERE key = ?", (key,))
        return found

    def put_analyses(self, items: list[tuple[str, BaseModel]]) -> None:
        self._put_many("analyses", items)

    # What the cross-article steps need of each analysis, as plain values (brief.analysis.digest) --
    def get_digests(self, keys: list[str]) -> dict[str, object]:
        """The cached digests among `keys`, as the plain values `pack_plain` was given; an unreadable
        one is left out (it is made again from its analysis)."""
        return dict(self.iter_digests(keys))

    def iter_digests(self, keys: list[str]) -> Iterator[tuple[str, object]]:
        """`get_digests` one at a time, for a caller that turns each into something else."""
        for key, blob in self._select_in("digests", keys):
            try:
                yield key, unpack_plain(blob)
            except (zlib.error, ValueError, EOFError, TypeError):
                continue

    def _select_in(self, table: str, keys: list[str]) -> Iterable[tuple[str, bytes]]:
        """(key, data) of the rows of `table` among `keys`, a few hundred keys per query."""
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._run(f"SELECT key, data FROM {table} WHERE key IN ({marks})", chunk)

    # Per-file load results, keyed by path and a stat fingerprint -------------------------
    def get_file(self, path: str, fingerprint: str, model: type[M]) -> M | None:
        rows = self._run("SELECT fingerprint, data FROM files WHERE path = ?", (path,))
        if not rows or rows[0][0] != fingerprint:
            return None
        try:
            return _unpack(rows[0][1], model)
        except (zlib.error, ValueError):  # pydantic's ValidationError is a ValueError
            self._warn("discarded a corrupt cache entry; re-reading the file")
            return None

    def put_files(self, items: list[tuple[str, str, BaseModel]]) -> None:
        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO files (path, fingerprint, data) VALUES (?, ?, ?)",
                    [(p, f, _pack(m)) for p, f, m in items],
                )
        except sqlite3.DatabaseError as exc:
            self._discard(f"cache could not be written ({exc}); rebuilding it")

    # A briefing kept as many small items, so a view reads only what it shows --------------
    def has_items(self, briefing: str) -> bool:
        return bool(self._run("SELECT 1 FROM items WHERE briefing = ? AND kind = 'meta' LIMIT 1", (briefing,)))

    def put_items(self, briefing: str, items: Iterable[tuple[str, str, bytes]]) -> None:
        """Items are (kind, id, raw bytes); a 'meta' item written last marks the briefing complete."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM items WHERE briefing = ?", (briefing,))
                self._db.executemany(
                    "INSERT OR REPLACE INTO items (briefing, kind, id, data) VALUES (?, ?, ?, ?)",
                    ((briefing, kind, id_, zlib.compress(data, 1)) for kind, id_, data in items),
                )
        except sqlite3.DatabaseError as exc:
            self._discard(f"cache could not be written ({exc}); rebuilding it")

    def replace_item(self, briefing: str, kind: str, id_: str, data: bytes) -> None:
        """One item of a complete briefing written again (its warnings, when only they changed)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO items (briefing, kind, id, data) VALUES (?, ?, ?, ?)",
                                 (briefing, kind, id_, zlib.compress(data, 1)))
        except sqlite3.DatabaseError as exc:
            self._discard(f"cache could not be written ({exc}); rebuilding it")

    def get_item(self, briefing: str, kind: str, id_: str) -> bytes | None:
        rows = self._run("SELECT data FROM items WHERE briefing = ? AND kind = ? AND id = ?", (briefing, kind, id_))
        if not rows:
            return None
        try:
            return zlib.decompress(rows[0][0])
        except zlib.error:
            self._warn("discarded a corrupt cache entry; it will be rebuilt")
            return None

    def iter_items(self, briefing: str, kind: str) -> Iterable[tuple[str, bytes]]:
        """Every (id, raw bytes) item of one kind, in the order they were written."""
        if self._db is None:
            return
        try:
            cursor = self._db.execute(
                "SELECT id, data FROM items WHERE briefing = ? AND kind = ? ORDER BY rowid", (briefing, kind))
            for id_, blob in cursor:
                yield id_, zlib.decompress(blob)
        except (sqlite3.DatabaseError, zlib.error) as exc:
            self._warn(f"cache item could not be read ({exc}); reopen the corpus")

    def drop_items_except(self, keep: set[str]) -> None:
        """Forget briefings no snapshot points at any more, so the cache does not grow without end."""
        rows = self._run("SELECT DISTINCT briefing FROM items")
        for (briefing,) in rows:
            if briefing not in keep:
                self._run("DELETE FROM items WHERE briefing = ?", (briefing,))

    # The last briefing made of each corpus path, and the file manifest it was made from --
    def get_snapshot(self, corpus: str) -> tuple[str, str] | None:
        rows = self._run("SELECT manifest, briefing FROM snapshots WHERE corpus = ?", (corpus,))
        return (rows[0][0], rows[0][1]) if rows else None

    def put_snapshot(self, corpus: str, manifest: str, briefing: str) -> None:
        self._run("INSERT OR REPLACE INTO snapshots (corpus, manifest, briefing) VALUES (?, ?, ?)",
                  (corpus, manifest, briefing))

    def snapshot_briefings(self) -> set[str]:
        return {row[0] for row in self._run("SELECT briefing FROM snapshots")}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
