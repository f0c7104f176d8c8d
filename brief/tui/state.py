"""What the reader remembers between runs: theme, last place, read marks.

One JSON file in the state dir, replaced atomically so a crash never leaves half a file.
A file that cannot be read is set aside with a notice, never a crash.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from brief.config import state_dir

TABS = ("stories", "articles", "actors", "quotes", "sources")


class StateError(ValueError):
    """The saved state holds a value of the wrong type; the message names the key."""


@dataclass
class ReaderState:
    """A plain dataclass checked by hand (read before the first paint: no pydantic)."""

    theme: str | None = None
    tab: str = "stories"
    selected: dict[str, str] = field(default_factory=dict)  # tab -> id of the selected row
    # tab -> that row's position when it was selected: checked first, so a 100,000-row list is not
    # searched for the id on every start
    positions: dict[str, int] = field(default_factory=dict)
    read: list[str] = field(default_factory=list)  # story and article ids
    # What the middle pane showed last: {"kind": ..., "id": ..., "start": ..., "end": ...}
    place: dict[str, str | int | None] | None = None

    @classmethod
    def from_json(cls, data: object) -> ReaderState:
        """The state in `data` (a decoded JSON object); unknown keys are ignored."""
        if not isinstance(data, dict):
            raise StateError("the state is not a JSON object")

        def check(key: str, ok: bool, what: str) -> None:
            if not ok:
                raise StateError(f"'{key}' should be {what} (got {data[key]!r})")

        state = cls()
        for key in ("theme", "tab", "selected", "positions", "read", "place"):
            if key not in data:
                continue
            value = data[key]
            if key == "theme":
                check(key, value is None or isinstance(value, str), "a string or null")
            elif key == "tab":
                check(key, isinstance(value, str), "a string")
            elif key == "selected":
                check(key, isinstance(value, dict) and all(isinstance(v, str) for v in value.values()),
                      "an object of strings")
            elif key == "positions":
                check(key, isinstance(value, dict) and all(_is_int(v) for v in value.values()),
                      "an object of integers")
            elif key == "read":
                check(key, isinstance(value, list) and all(isinstance(v, str) for v in value), "a list of strings")
            elif key == "place":
                check(key, value is None or (isinstance(value, dict) and all(
                    v is None or isinstance(v, str) or _is_int(v) for v in value.values())),
                      "an object of strings, integers and nulls, or null")
            setattr(state, key, value)
        return state

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, separators=(",", ":"))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def state_path() -> Path:
    return state_dir() / "reader.json"


# Where the reader was (tab, selected rows, place) is kept per corpus: the last place in one corpus
# means nothing in another. The theme and the read marks (content-derived ids) are kept for all.
_PER_CORPUS = ("tab", "selected", "positions", "place")
KEPT_CORPORA = 50  # the corpora whose places are remembered, the most recently used


def _read(path: Path) -> tuple[dict | None, str | None]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"Reader state {path} ignored: {exc}"
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, f"Reader state {path} ignored (broken: {str(exc).splitlines()[0]})"
    return (data, None) if isinstance(data, dict) else (None, f"Reader state {path} ignored (broken: "
                                                             "the state is not a JSON object)")


def corpus_key(corpus: Path) -> str:
    """What the place in `corpus` is kept under: its absolute path with links resolved, so that
    `brief fmt2` and `brief /tmp/fmt2` are one corpus, and `brief fmt2` in two folders two."""
    try:
        return str(corpus.expanduser().resolve())
    except (OSError, RuntimeError):
        return str(corpus.expanduser().absolute())


def load_state(path: Path | None = None, corpus: str = "",
               old_keys: tuple[str, ...] = ()) -> tuple[ReaderState, str | None]:
    """The saved state for `corpus`, or a fresh one and why the saved one was ignored.
    `old_keys`: what the corpus was kept under before (the path as typed), read when `corpus` is
    not there yet (a place saved under another folder's relative path is only ever not found:
    ids are made from the content)."""
    path = path or state_path()
    data, problem = _read(path)
    if data is None:
        return ReaderState(), problem
    corpora = data.get("corpora")
    if isinstance(corpora, dict):  # else a file from before places were kept per corpus: its flat keys
        data = {k: v for k, v in data.items() if k not in _PER_CORPUS}
        place = next((corpora[key] for key in (corpus, *old_keys) if key in corpora), None)
        if isinstance(place, dict):
            data.update((k, v) for k, v in place.items() if k in _PER_CORPUS)
    try:
        state = ReaderState.from_json(data)
    except StateError as exc:
        first = str(exc).splitlines()[0]
        return ReaderState(), f"Reader state {path} ignored (broken: {first})"
    if state.tab not in TABS:
        state.tab = "stories"
    return state, None


def save_state(state: ReaderState, path: Path | None = None, corpus: str = "") -> None:
    path = path or state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    saved, _ = _read(path)
    corpora = saved.get("corpora") if saved else None
    corpora = dict(corpora) if isinstance(corpora, dict) else {}
    corpora.pop(corpus, None)  # re-inserted last: the most recently used
    whole = json.loads(state.to_json())
    corpora[corpus] = {k: whole.pop(k) for k in _PER_CORPUS}
    whole["corpora"] = dict(list(corpora.items())[-KEPT_CORPORA:])
    fd, tmp = tempfile.mkstemp(prefix=".reader-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(whole, ensure_ascii=False, separators=(",", ":")))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
