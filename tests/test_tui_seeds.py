"""The reader end to end on the bundled seeds: only what the engine already gives."""

from __future__ import annotations

from test_tui_support import screen_text

from brief.config import Settings
from brief.tui.app import corpus_app
from brief.tui.screens.help import HelpScreen


async def open_seeds(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_seeds_open_on_the_story_list(seeds_path):
    app = corpus_app(seeds_path, Settings(), no_cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seeds(pilot)
        screen = app.main
        assert screen.library is not None
        assert len(screen.vlist.source) >= 1
        assert screen.place is not None and screen.place.kind == "story"
        assert "Yermak" in screen_text(app)


async def test_seeds_sources_help_and_quit(seeds_path):
    app = corpus_app(seeds_path, Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_seeds(pilot)
        await pilot.press("5")
        text = screen_text(app)
        assert "Reuters" in text and "CBS News" in text
        await pilot.press("2", "enter")
        assert app.main.place.kind == "article"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def test_seeds_at_80x24_reach_every_list(seeds_path):
    app = corpus_app(seeds_path, Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seeds(pilot)
        for key in "12345":
            await pilot.press(key, "enter", "tab", "escape", "escape")
            assert app.main.tab == {"1": "stories", "2": "articles", "3": "actors",
                                    "4": "quotes", "5": "sources"}[key]
        assert app.is_running
