"""Settings (a pydantic model read from config.toml) and where brief keeps its files."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

APP_NAME = "brief"

SummaryMethod = Literal["lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction"]


class ConfigError(Exception):
    """The config file is unreadable or holds a bad value; the message names the key."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    corpus: Path | None = Field(None, description="folder or file opened by a bare `brief`")
    theme: str = "brief-dark"
    summary_method: SummaryMethod = "reduction"
    summary_sentences: int = Field(3, ge=1, le=100)
    summary_ratio: float | None = Field(None, gt=0, le=1)
    # Regular expressions; a line that matches one whole is boilerplate, in addition to the built-in rules.
    boilerplate_patterns: list[str] = Field(default_factory=list)
    builtin_boilerplate: bool = True
    max_file_bytes: int = Field(5_000_000, ge=1)
    workers: int | None = Field(None, ge=1, description="analysis processes; default: all cores")


def config_dir() -> Path:
    return Path(os.environ.get("BRIEF_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    return Path(os.environ.get("BRIEF_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME))


def state_dir() -> Path:
    return Path(os.environ.get("BRIEF_STATE_DIR") or platformdirs.user_state_dir(APP_NAME))


def data_dir() -> Path:
    return Path(os.environ.get("BRIEF_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def config_path() -> Path:
    return config_dir() / "config.toml"


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"]) or "(top level)"
        if item["type"] == "extra_forbidden":
            parts.append(f"unknown key '{key}'")
        else:
            parts.append(f"'{key}': {item['msg']} (got {item.get('input')!r})")
    return "; ".join(parts)


def load_settings(path: Path | None = None) -> Settings:
    """Read config.toml; a missing file means defaults, a bad one raises ConfigError naming the key."""
    path = path or config_path()
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}") from None
