"""The per-file cache: an unchanged file is not re-read; a changed file, sidecar or setting is."""

import json
import os

import pytest

import brief.corpus.loader as loader
from brief.config import Settings
from brief.corpus import load_corpus
from brief.store import Store


@pytest.fixture
def reads(monkeypatch):
    seen: list[str] = []
    real = loader.load_file

    def counting(entry, settings, rules):
        seen.append(os.path.basename(entry.path))
        return real(entry, settings, rules)

    monkeypatch.setattr(loader, "load_file", counting)
    return seen


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("Alpha said on March 5, 2025 that talks resumed.")
    (root / "b.txt").write_text("Beta text.")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_a_warm_cache_reads_no_file_and_gives_the_same_result(corpus, tmp_path, reads):
    store = Store(tmp_path / "cache.sqlite3")
    cold = load_corpus(corpus, Settings(), store=store)
    assert sorted(reads) == ["a.txt", "b.txt", "empty.txt"]
    reads.clear()
    warm = load_corpus(corpus, Settings(), store=store)
    assert reads == []
    assert warm == cold and len(warm.warnings) == 1  # the empty file is still reported


def test_changed_files_sidecars_and_settings_are_re_read(corpus, tmp_path, reads):
    store = Store(tmp_path / "cache.sqlite3")
    load_corpus(corpus, Settings(), store=store)
    reads.clear()
    (corpus / "b.txt").write_text("Beta text, edited.")
    (corpus / "a.meta.json").write_text(json.dumps({"source": "Gazette"}))
    result = load_corpus(corpus, Settings(), store=store)
    assert sorted(reads) == ["a.txt", "b.txt"]
    assert result.articles[0].source == "Gazette"
    reads.clear()
    load_corpus(corpus, Settings(boilerplate_patterns=["Beta.*"]), store=store)
    assert sorted(reads) == ["a.txt", "b.txt", "empty.txt"]


def test_no_store_and_an_empty_store_both_work(corpus, reads):
    assert load_corpus(corpus, Settings(), store=None) == load_corpus(corpus, Settings(), store=Store(None))
    assert len(reads) == 6


def test_reading_in_several_processes_gives_the_same_result_in_the_same_order(tmp_path, monkeypatch):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(40):
        (root / f"{i:03d}.txt").write_text(f"Article number {i} says the vote was on March {1 + i % 28}, 2025.")
    (root / "empty.txt").write_bytes(b"")
    serial = load_corpus(root, Settings(), workers=1)
    monkeypatch.setattr(loader, "_PARALLEL_FROM", 2)
    monkeypatch.setattr(loader, "_BATCH", 7)
    seen = []
    parallel = load_corpus(root, Settings(), workers=2, progress=lambda done, total: seen.append((done, total)))
    assert parallel == serial and len(parallel.articles) == 40
    assert seen[-1] == (41, 41)
