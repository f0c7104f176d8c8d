"""Every test runs with its own config, cache, state and data dirs, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("brief-home")
    for name in ("CONFIG", "CACHE", "STATE", "DATA"):
        path = base / name.lower()
        path.mkdir()
        monkeypatch.setenv(f"BRIEF_{name}_DIR", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield base


@pytest.fixture
def seeds_path() -> Path:
    return SEEDS
