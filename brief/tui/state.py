"""What the reader remembers between runs: theme, last place, read marks.

One JSON file in the state dir, replaced atomically so a crash never leaves half a file.
A file that cannot be read is set aside with a notice, never a crash.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from brief.config import state_dir

TABS = ("stories", "articles", "actors", "quotes", "sources")


class ReaderState(BaseModel):
    theme: str | None = None
    tab: str = "stories"
    selected: dict[str, str] = Field(default_factory=dict)  # tab -> id of the selected row
    # tab -> that row's position when it was selected: checked first, so a 100,000-row list is not
    # searched for the id on every start
    positions: dict[str, int] = Field(default_factory=dict)
    read: list[str] = Field(default_factory=list)  # story and article ids
    # What the middle pane showed last: {"kind": ..., "id": ..., "start": ..., "end": ...}
    place: dict[str, str | int | None] | None = None


def state_path() -> Path:
    return state_dir() / "reader.json"


def load_state(path: Path | None = None) -> tuple[ReaderState, str | None]:
    """The saved state, or a fresh one and why the saved one was ignored."""
    path = path or state_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReaderState(), None
    except (OSError, UnicodeDecodeError) as exc:
        return ReaderState(), f"Reader state {path} ignored: {exc}"
    try:
        state = ReaderState.model_validate(json.loads(raw))
    except (json.JSONDecodeError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        return ReaderState(), f"Reader state {path} ignored (broken: {first})"
    if state.tab not in TABS:
        state.tab = "stories"
    return state, None


def save_state(state: ReaderState, path: Path | None = None) -> None:
    path = path or state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".reader-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(state.model_dump_json())
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
