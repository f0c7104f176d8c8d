"""Shared helpers for bench scripts: where the shared corpora are, and a clean exit when they are not."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
RESULTS = ROOT / "bench" / "results"


def require(path: Path) -> Path:
    """The shared file, or a clear message and exit 0 when the shared corpora are absent."""
    if not path.exists():
        print(f"skipped: {path} is not there (the shared corpora live in ../shared/corpora beside the project)")
        raise SystemExit(0)
    return path


def write_result(name: str, text: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / name
    out.write_text(text, encoding="utf-8")
    return out
