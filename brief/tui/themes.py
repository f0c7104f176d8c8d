"""Themes are data: TOML files whose keys are those of `textual.theme.Theme`."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

_FIELDS = {f.name for f in dataclasses.fields(Theme)}
_COLOURS = {"primary", "secondary", "warning", "error", "success", "accent", "foreground",
            "background", "surface", "panel", "boost"}
DEFAULT_THEME = "brief-dark"


def load_theme(path: Path) -> Theme:
    """The theme in `path`; ValueError says what is wrong with it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"not readable TOML: {exc}") from None
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown keys: {', '.join(unknown)}")
    for key in ("name", "primary"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ValueError(f"'{key}' is missing")
    for key in _COLOURS & set(data):
        try:
            Color.parse(data[key])
        except (ColorParseError, TypeError, ValueError, AttributeError):
            raise ValueError(f"'{key}' is not a colour: {data[key]!r}") from None
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ValueError("'variables' must be a table of strings")
    try:
        theme = Theme(**data)
        theme.to_color_system().generate()
    except Exception as exc:  # a theme file must never stop the reader from starting
        raise ValueError(str(exc)) from None
    return theme


def load_themes(folders: list[Path]) -> tuple[list[Theme], list[str]]:
    """Every theme in `folders` (later folders override earlier ones by name) and a message
    per file that could not be used."""
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = load_theme(path)
            except ValueError as exc:
                problems.append(f"Theme file {path} skipped: {exc}")
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems
