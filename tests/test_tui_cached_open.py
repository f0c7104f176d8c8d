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


async def test_second_open_reads_the_cache_and_a_change_is_picked_up(tmp_path, seeds_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)
    first, titles = await _open(corpus)
    assert not isinstance(first, StoredLibrary) and titles

    second, again = await _open(corpus)
    assert isinstance(second, StoredLibrary)
    assert again == titles

    (corpus / "extra.txt").write_text(
        "Lighthouse keepers strike over pay\n\nLighthouse keepers on the northern coast began a strike on "
        "Monday over pay, their union said.\n", encoding="utf-8")
    third, changed = await _open(corpus)
    assert not isinstance(third, StoredLibrary)
    assert len(third.article_rows) == 3
