"""The cache between the steps: nothing analysed twice, changes picked up, corruption survived."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import brief.analysis.article as article_module
from brief.config import Settings
from brief.models import Quote
from brief.pipeline import build_briefing, open_cached, refresh_library
from brief.store import Store
from brief.stored_library import StoredLibrary

ARTICLE = """Harbour council approves new ferry timetable

The harbour council voted on Tuesday to approve a new ferry timetable for the island routes.
"This gives families a reliable way home," said council chair Maria Olsen.
Ferries will run every forty minutes from June, the council said.
"""


def _corpus(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(ARTICLE.replace("forty", f"{20 + i}"), encoding="utf-8")
    return folder


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    real = article_module.analyse_article

    def counting(article, settings):
        calls.append(article.path)
        return real(article, settings)

    monkeypatch.setattr(article_module, "analyse_article", counting)
    return calls


def test_second_run_reanalyses_nothing(tmp_path, counted):
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache.sqlite3")
    first = build_briefing(corpus, Settings(), store=store)
    assert len(counted) == 3
    second = build_briefing(corpus, Settings(), store=Store(tmp_path / "cache.sqlite3"))
    assert len(counted) == 3
    assert [a.id for a in second.articles] == [a.id for a in first.articles]


def test_changed_file_alone_is_reanalysed_and_deleted_drops_out(tmp_path, counted):
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache.sqlite3")
    library, changed = refresh_library(corpus, Settings(), store)
    assert changed and len(library.article_rows) == 3
    counted.clear()
    (corpus / "a1.txt").write_text(ARTICLE.replace("forty", "ninety"), encoding="utf-8")
    (corpus / "a2.txt").unlink()
    library, changed = refresh_library(corpus, Settings(), store)
    assert changed
    assert [Path(p).name for p in counted] == ["a1.txt"]
    assert sorted(Path(library.article(r.id).path).name for r in library.article_rows) == ["a0.txt", "a1.txt"]


def test_unchanged_corpus_opens_from_cache_item_by_item(tmp_path, counted):
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache.sqlite3")
    built, _ = refresh_library(corpus, Settings(), store)
    reopened = open_cached(corpus, Store(tmp_path / "cache.sqlite3"))
    assert isinstance(reopened, StoredLibrary)
    assert [r.id for r in reopened.story_rows] == [r.id for r in built.story_rows]
    row = reopened.article_rows[0]
    assert reopened.article(row.id).text == built.article(row.id).text
    again, changed = refresh_library(corpus, Settings(), Store(tmp_path / "cache.sqlite3"))
    assert not changed and isinstance(again, StoredLibrary)


def test_corrupt_cache_is_rebuilt_with_a_warning(tmp_path):
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache.sqlite3"
    build_briefing(corpus, Settings(), store=Store(cache))
    cache.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(cache) + suffix).unlink(missing_ok=True)
    briefing = build_briefing(corpus, Settings(), store=Store(cache))
    assert len(briefing.articles) == 3
    assert any("cache" in w.message for w in briefing.warnings)
    assert len(build_briefing(corpus, Settings(), store=Store(cache)).articles) == 3


def test_corrupt_entry_is_recomputed(tmp_path):
    corpus = _corpus(tmp_path, 1)
    cache = tmp_path / "cache.sqlite3"
    store = Store(cache)
    build_briefing(corpus, Settings(), store=store)
    store._db.execute("UPDATE analyses SET data = x'00ff'")
    store._db.execute("DELETE FROM items")
    briefing = build_briefing(corpus, Settings(), store=Store(cache))
    assert len(briefing.articles) == 1
    assert any("corrupt" in w.message for w in briefing.warnings)


def test_seeds_copy_builds_without_cache(tmp_path, seeds_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)
    briefing = build_briefing(corpus, Settings(), store=Store(None))
    assert len(briefing.articles) == 2


def test_two_processes_share_one_cache(tmp_path):
    import subprocess
    import sys

    corpus = _corpus(tmp_path, 6)
    cache = tmp_path / "shared.sqlite3"
    code = (
        "import sys; from pathlib import Path; from brief.config import Settings; "
        "from brief.pipeline import refresh_library; from brief.store import Store; "
        "s = Store(Path(sys.argv[2])); lib, _ = refresh_library(Path(sys.argv[1]), Settings(), s); "
        "print(len(lib.article_rows), len(s.warnings))"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(corpus), str(cache)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert out.split() == ["6", "0"]


def test_cached_briefing_exports_exactly_as_the_fresh_one(tmp_path, counted):
    from brief.export import to_dict

    corpus = _corpus(tmp_path, 4)
    cache = tmp_path / "cache.sqlite3"
    fresh, _ = refresh_library(corpus, Settings(), Store(cache))
    again, changed = refresh_library(corpus, Settings(), Store(cache))
    assert not changed and isinstance(again, StoredLibrary)
    assert to_dict(again.briefing) == to_dict(fresh.briefing)
    counted.clear()
    rebuilt = build_briefing(corpus, Settings(), store=Store(cache))
    assert counted == [] and to_dict(rebuilt) == to_dict(fresh.briefing)


def test_whole_briefing_is_kept_once_as_items_and_analyses_are_not_copied(tmp_path):
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache.sqlite3")
    built, _ = refresh_library(corpus, Settings(), store)
    assert store._db.execute("SELECT count(*) FROM briefings").fetchone() == (0,)
    assert store._db.execute("SELECT count(*) FROM items WHERE kind = 'analysis'").fetchone() == (0,)
    assert store._db.execute("SELECT count(*) FROM analyses").fetchone() == (3,)
    reopened = open_cached(corpus, Store(tmp_path / "cache.sqlite3"))
    row = reopened.article_rows[0]
    assert reopened.analysis(row.id) == built.analysis(row.id)


def test_corrupt_analysis_under_a_cached_briefing_is_recomputed(tmp_path, counted):
    corpus = _corpus(tmp_path, 2)
    cache = tmp_path / "cache.sqlite3"
    build_briefing(corpus, Settings(), store=Store(cache))
    Store(cache)._db.execute("UPDATE analyses SET data = x'00ff'")
    counted.clear()
    briefing = build_briefing(corpus, Settings(), store=Store(cache))
    assert len(counted) == 2 and len(briefing.analyses) == 2
    assert any("corrupt" in w.message for w in briefing.warnings)


def test_parallel_analysis_stores_every_article_and_reports_progress(tmp_path):
    corpus = _corpus(tmp_path, 100)  # above the size where a process pool is used
    seen: list[tuple[str, int, int]] = []
    store = Store(tmp_path / "cache.sqlite3")
    library, _ = refresh_library(corpus, Settings(), store, progress=lambda *a: seen.append(a), workers=2)
    assert len(library.article_rows) == 100
    analysed = [d for stage, d, t in seen if stage == "analyse"]
    assert analysed == sorted(analysed) and analysed[-1] == 100
    assert ("load", 100, 100) in seen and seen[-1] == ("assemble", 5, 5)
    # linking moves step by step (actors, quote groups, stories, briefs, saving), not all at once
    assert [d for stage, d, t in seen if stage == "assemble"] == [0, 1, 2, 3, 4, 5]
    assert store._db.execute("SELECT count(*) FROM analyses").fetchone() == (100,)
    # each article written with its text, though linking held the texts compressed in the digests
    from brief.corpus import load_corpus

    for article in load_corpus(corpus, Settings(), store=None).articles:
        assert library.article(article.id) == article


def test_stored_lists_are_read_a_chunk_at_a_time(tmp_path, monkeypatch):
    import brief.briefing_writer as writer

    monkeypatch.setattr(writer, "ROW_CHUNK", 2)
    corpus = _corpus(tmp_path, 5)
    cache = tmp_path / "cache.sqlite3"
    built, _ = refresh_library(corpus, Settings(), Store(cache))
    reopened = open_cached(corpus, Store(cache))
    rows = reopened.article_rows
    assert len(rows) == 5
    assert rows[4].id == built.article_rows[4].id and rows[-1].id == rows[4].id
    assert [r.id for r in rows] == [r.id for r in built.article_rows]
    assert rows.raw._chunks.keys() == {0, 1, 2}
    with pytest.raises(IndexError):
        rows[5]


def test_a_rebuilt_library_is_served_from_the_cache(tmp_path):
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache.sqlite3")
    library, changed = refresh_library(corpus, Settings(), store)
    assert changed and isinstance(library, StoredLibrary)
    assert len(library.article_rows) == 3 and library.analysis(library.article_rows[0].id) is not None
    built, _ = refresh_library(corpus, Settings(), Store(None))
    assert not isinstance(built, StoredLibrary) and len(built.article_rows) == 3


def test_a_cache_that_cannot_be_opened_still_gives_summaries(tmp_path, seeds_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    store = Store(blocker / "cache.sqlite3")
    assert not store.usable and store.warnings
    library, changed = refresh_library(seeds_path, Settings(), store)
    assert changed and not isinstance(library, StoredLibrary)
    ids = [row.id for row in library.article_rows]
    assert ids and all(library.analysis(i) and library.analysis(i).summary for i in ids)


def test_actor_briefs_written_as_they_are_made_equal_the_whole_briefings(tmp_path, seeds_path):
    # A build for the cache writes each actor brief as it is made instead of holding them all.
    library, _ = refresh_library(seeds_path, Settings(), Store(tmp_path / "cache.sqlite3"))
    assert isinstance(library, StoredLibrary)
    whole = build_briefing(seeds_path, Settings(), Store(None))
    assert whole.actor_briefs and len(library.actor_rows) == len(whole.actors)
    for actor in whole.actors:
        assert library.actor_brief(actor.id) == whole.actor_briefs[actor.id]


def test_quotes_written_from_linking_records_equal_the_whole_briefings(tmp_path, seeds_path):
    # A build for the cache links quotes as slotted records and makes each a model as it is written.
    library, _ = refresh_library(seeds_path, Settings(), Store(tmp_path / "cache.sqlite3"))
    whole = build_briefing(seeds_path, Settings(), Store(None))
    assert whole.quotes and all(type(q) is Quote for q in whole.quotes)
    assert any(q.speaker_id for q in whole.quotes) and any(q.group_id for q in whole.quotes)
    stored = [library.quote(q.id) for q in whole.quotes]
    assert [q.model_dump() for q in stored] == [q.model_dump() for q in whole.quotes]
    assert [q.model_fields_set for q in stored] == [q.model_fields_set for q in whole.quotes]


def test_local_actor_ids_written_per_article_equal_the_whole_briefings(tmp_path, seeds_path):
    library, _ = refresh_library(seeds_path, Settings(), Store(tmp_path / "cache.sqlite3"))
    whole = build_briefing(seeds_path, Settings(), Store(None))
    assert whole.local_actor_ids and type(whole.local_actor_ids) is dict
    for compound, actor_id in whole.local_actor_ids.items():
        article_id, _, key = compound.partition(":")
        assert library.actor_for_mention(article_id, key).id == actor_id


def test_articles_written_from_compressed_texts_equal_the_loaded_ones(tmp_path, seeds_path):
    # A build for the cache keeps each text compressed in its digest while linking, and writes it back.
    from brief.corpus import load_corpus

    library, _ = refresh_library(seeds_path, Settings(), Store(tmp_path / "cache.sqlite3"))
    loaded = load_corpus(seeds_path, Settings(), store=None).articles
    assert loaded and all(a.text for a in loaded)
    for article in loaded:
        assert library.article(article.id) == article
    whole = build_briefing(seeds_path, Settings(), Store(None))
    assert [s.summary for s in library.briefing.stories] == [s.summary for s in whole.stories]


def test_an_articles_mentions_read_its_actor_map_once(tmp_path, seeds_path, monkeypatch):
    library, _ = refresh_library(seeds_path, Settings(), Store(tmp_path / "cache.sqlite3"))
    whole = build_briefing(seeds_path, Settings(), Store(None))
    reads = []
    real = library.store.get_item
    monkeypatch.setattr(library.store, "get_item", lambda key, kind, id_: reads.append((kind, id_)) or real(key, kind, id_))
    for article in whole.articles:
        for local in whole.analyses[article.id].actors:
            expected = whole.local_actor_ids.get(f"{article.id}:{local.key}")
            found = library.actor_for_mention(article.id, local.key)
            assert (found.id if found else None) == expected
    assert sorted(r for r in reads if r[0] == "local") == sorted(("local", a.id) for a in whole.articles)


def test_a_cache_that_cannot_be_opened_still_gives_actor_briefs(tmp_path, seeds_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    library, _ = refresh_library(seeds_path, Settings(), Store(blocker / "cache.sqlite3"))
    ids = [row.id for row in library.actor_rows]
    assert ids and all(library.actor_brief(i) is not None for i in ids)


def test_warnings_follow_the_corpus_when_its_articles_do_not_change(tmp_path):
    # A bad file added beside unchanged articles leaves the briefing as it was, but not its warnings.
    corpus = _corpus(tmp_path)
    store = Store(tmp_path / "cache.sqlite3")
    library, _ = refresh_library(corpus, Settings(), store)
    assert not library.warnings
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    library, changed = refresh_library(corpus, Settings(), store)
    assert changed and [w.path for w in library.warnings] == [str(corpus / "empty.txt")]
    (corpus / "empty.txt").unlink()
    library, changed = refresh_library(corpus, Settings(), store)
    assert changed and not library.warnings


def test_a_cache_another_process_is_setting_up_is_waited_for_not_discarded(tmp_path, monkeypatch):
    # SQLite answers "database is locked" at once to the second of two processes setting up a new cache.
    import sqlite3

    path = tmp_path / "cache.sqlite3"
    Store(path).put_snapshot("corpus", "manifest", "key")
    real = Store._connect
    calls = []

    def busy_twice(self):
        calls.append(1)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return real(self)

    monkeypatch.setattr(Store, "_connect", busy_twice)
    store = Store(path)
    assert store.usable and not store.warnings and len(calls) == 3
    assert store.get_snapshot("corpus") == ("manifest", "key")  # the file was kept, not rebuilt
