"""A corpus opened before paints from the cache, then is checked for changes in the background."""

from __future__ import annotations

import shutil

from brief.config import Settings
from brief.stored_library import StoredLibrary
from brief.tui.app import corpus_app

SIZE = (120, 40)


async def _open(path):
    app = corpus_app(path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        library = app._library
        titles = [row.title for row in library.story_rows]
    return library, titles


async def test_second_open_reads_the_cache_and_a_change_is_picked_up(tmp_path, seeds_path, monkeypatch):
    from brief.tui.screens.main import MainScreen

    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)
    stages: list[str] = []
    show = MainScreen.show_progress
    monkeypatch.setattr(MainScreen, "show_progress",
                        lambda self, stage, done, total: stages.append(stage) or show(self, stage, done, total))
    first, titles = await _open(corpus)
    assert "assemble" in stages and titles  # built (in a child process), reported step by step
    # A built library is served from the cache too, so the whole briefing is not held.
    assert isinstance(first, StoredLibrary)

    stages.clear()
    second, again = await _open(corpus)
    assert isinstance(second, StoredLibrary)
    assert again == titles and "assemble" not in stages and "analyse" not in stages

    (corpus / "extra.txt").write_text(
        "Lighthouse keepers strike over pay\n\nLighthouse keepers on the northern coast began a strike on "
        "Monday over pay, their union said.\n", encoding="utf-8")
    third, _ = await _open(corpus)
    assert "assemble" in stages
    assert len(third.article_rows) == 3


async def test_export_from_a_cached_library_streams_from_the_cache(tmp_path, seeds_path, monkeypatch):
    import json

    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)
    monkeypatch.chdir(tmp_path)

    def whole(self):
        raise AssertionError("the export must not put the whole briefing together")

    monkeypatch.setattr(StoredLibrary, "read_briefing", whole)
    app = corpus_app(corpus, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app._library, StoredLibrary)
        app.export("json")
        app.export("markdown")
    exported = json.loads((tmp_path / "brief-export.json").read_text(encoding="utf-8"))
    assert len(exported["articles"]) == 2 and all(a["summary"] for a in exported["articles"])
    assert (tmp_path / "brief-export.md").read_text(encoding="utf-8").startswith("# Briefing")
