"""Settings (read from config.toml, checked by a pydantic model) and where brief keeps its files.

Opening a cached corpus must paint quickly: the defaults need no checking, so pydantic (and
platformdirs) are imported only when there is something to check (a config file, explicit
values) or a folder to look up.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

APP_NAME = "brief"

SummaryMethod = Literal["lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction"]


class ConfigError(Exception):
    """The config file is unreadable or holds a bad value; the message names the key."""


_MODEL: type[BaseModel] | None = None


def _model() -> type[BaseModel]:
    """The pydantic model that checks settings (the rules and messages of the config file)."""
    global _MODEL
    if _MODEL is None:
        from pydantic import BaseModel, ConfigDict, Field

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

        _MODEL = Settings
    return _MODEL


def _defaults() -> dict[str, Any]:
    """The default of every setting, in the model's order (kept equal to it by a test)."""
    return {"corpus": None, "theme": "brief-dark", "summary_method": "reduction", "summary_sentences": 3,
            "summary_ratio": None, "boilerplate_patterns": [], "builtin_boilerplate": True,
            "max_file_bytes": 5_000_000, "workers": None}


class Settings:
    """brief's settings: `Settings(**values)` checks the values as the config file's model does
    (a bad one raises pydantic's ValidationError); `Settings()` is the defaults, made without it.

    The pydantic methods the rest of brief uses (`model_validate`, `model_dump`,
    `model_dump_json`, `model_copy`) behave as they did when this class was the model itself.
    """

    corpus: Path | None
    theme: str
    summary_method: SummaryMethod
    summary_sentences: int
    summary_ratio: float | None
    boilerplate_patterns: list[str]
    builtin_boilerplate: bool
    max_file_bytes: int
    workers: int | None

    def __init__(self, **values: Any) -> None:
        if values:
            checked = _model().model_validate(values)
            self.__dict__.update({name: getattr(checked, name) for name in _defaults()})
        else:
            self.__dict__.update(_defaults())

    @classmethod
    def model_validate(cls, data: Any) -> Settings:
        checked = _model().model_validate(data)
        return cls._of(checked)

    @classmethod
    def _of(cls, checked: BaseModel) -> Settings:
        settings = cls.__new__(cls)
        settings.__dict__.update({name: getattr(checked, name) for name in _defaults()})
        return settings

    def _as_model(self) -> BaseModel:
        return _model().model_construct(**self.__dict__)

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        return self._as_model().model_dump(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        return self._as_model().model_dump_json(**kwargs)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Settings:
        return self._of(self._as_model().model_copy(update=update, deep=deep))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as the model was

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()) + ")"


def _user_dir(kind: str) -> str:
    import platformdirs

    return getattr(platformdirs, f"user_{kind}_dir")(APP_NAME)


def config_dir() -> Path:
    return Path(os.environ.get("BRIEF_CONFIG_DIR") or _user_dir("config"))


def cache_dir() -> Path:
    return Path(os.environ.get("BRIEF_CACHE_DIR") or _user_dir("cache"))


def state_dir() -> Path:
    return Path(os.environ.get("BRIEF_STATE_DIR") or _user_dir("state"))


def data_dir() -> Path:
    return Path(os.environ.get("BRIEF_DATA_DIR") or _user_dir("data"))


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
    from pydantic import ValidationError

    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}") from None
