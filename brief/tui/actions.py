"""The one registry of the reader's keys: it makes the bindings, the help screen and the
keymap that users may override in `keymap.toml` (binding id = key string)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding


@dataclass(frozen=True)
class Action:
    id: str  # also the name users write in keymap.toml
    keys: str  # comma-separated Textual key names
    action: str
    description: str
    group: str
    show: bool = False  # in the footer
    label: str = ""  # short footer label; defaults to the description
    priority: bool = False


ACTIONS: tuple[Action, ...] = (
    Action("down", "j,down", "cursor_down", "Move down (next link in a document)", "Move"),
    Action("up", "k,up", "cursor_up", "Move up (previous link in a document)", "Move"),
    Action("first", "g,home", "cursor_first", "Go to the top", "Move"),
    Action("last", "G,end", "cursor_last", "Go to the bottom", "Move"),
    Action("page_down", "pagedown,space", "page_down", "Page down", "Move"),
    Action("page_up", "pageup", "page_up", "Page up", "Move"),
    Action("open", "enter", "open", "Open the selected item or link", "Move", show=True, label="Open"),
    Action("back", "escape,backspace", "back", "Back to what was shown before", "Move", show=True, label="Back"),
    Action("next_pane", "tab", "next_pane", "Next pane", "Move"),
    Action("previous_pane", "shift+tab", "previous_pane", "Previous pane", "Move"),
    Action("stories", "1", "tab('stories')", "Stories", "Lists"),
    Action("articles", "2", "tab('articles')", "Articles", "Lists"),
    Action("actors", "3", "tab('actors')", "Actors", "Lists"),
    Action("quotes", "4", "tab('quotes')", "Quotes", "Lists"),
    Action("sources", "5", "tab('sources')", "Sources", "Lists"),
    Action("search", "slash", "search", "Search articles, actors and quotes", "Search", show=True, label="Search"),
    Action("next_match", "n", "next_match", "Next match", "Search"),
    Action("previous_match", "N", "previous_match", "Previous match", "Search"),
    Action("toggle_read", "m", "toggle_read", "Mark read / unread", "Reading"),
    Action("open_url", "o", "open_url", "Open the article's web address (http/https only)", "Reading"),
    Action("next_theme", "t", "next_theme", "Next theme", "Reading", show=True, label="Theme"),
    Action("warnings", "w", "show_warnings", "Show every warning met loading the corpus", "App", label="Warnings"),
    Action("help", "question_mark", "help", "Show every key", "App", show=True, label="Keys"),
    Action("palette", "ctrl+p", "app.command_palette", "Command palette", "App"),
    Action("quit", "q,ctrl+q", "app.quit", "Quit", "App", show=True),
)

BINDING_PREFIX = "brief."


def bindings() -> list[Binding]:
    return [Binding(a.keys, a.action, a.label or a.description, show=a.show,
                    id=BINDING_PREFIX + a.id, priority=a.priority)
            for a in ACTIONS]


def load_keymap(path: Path) -> tuple[dict[str, str], list[str]]:
    """Overrides from `path` (`down = "j,down,ctrl+n"`, at the top level or under [keys]),
    as a Textual keymap, and the problems found; a missing file is no problem."""
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path}: ignored, not readable TOML: {exc}"]
    table = data.get("keys", data)
    known = {a.id for a in ACTIONS}
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for name, keys in table.items():
        if name not in known:
            problems.append(f"{path}: unknown action '{name}'")
        elif isinstance(keys, list) and keys and all(isinstance(k, str) and k for k in keys):
            keymap[BINDING_PREFIX + name] = ",".join(keys)
        elif isinstance(keys, str) and keys.strip():
            keymap[BINDING_PREFIX + name] = keys
        else:
            problems.append(f"{path}: '{name}' needs a key string such as \"ctrl+n\"")
    return keymap, problems


def effective_keys(keymap: dict[str, str]) -> list[tuple[Action, str]]:
    """Every action with the keys that trigger it now."""
    return [(a, keymap.get(BINDING_PREFIX + a.id, a.keys)) for a in ACTIONS]


_KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc", "backspace": "⌫"}


def display_keys(keys: str) -> str:
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))
