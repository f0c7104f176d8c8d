"""Where the bundled seeds and themes are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries them inside the package; a source checkout keeps them at the top level.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def themes_dir() -> Path:
    return _bundled("themes")
