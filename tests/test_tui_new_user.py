"""What a new user met on a fresh install: cache warnings, the list of warnings, export names,
outlets in the article list, the top bar, plurals and small screens."""

from __future__ import annotations

import json

from test_tui_support import make_library, run_palette, screen_text

from brief.tui.app import BriefApp
from brief.tui.widgets.document import Target

WIDE = (120, 40)


def make_app(**kwargs) -> BriefApp:
    return BriefApp(library=make_library(**kwargs), corpus_label="test corpus")


def flat(document) -> str:
    return " ".join(" ".join(document.plain_lines()).split())


# Plurals -----------------------------------------------------------------------------
async def test_counts_of_one_are_singular():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.main
        screen.show_place(Target("actor", "okafor"))
        await pilot.pause()
        actor = flat(screen.middle)
        assert "1 mention · 1 article · 1 quote" in actor
        await pilot.press("5")
        await pilot.pause()
        text = screen_text(app)
        assert "1 article" in text and "1 articles" not in text
        screen.show_place(Target("source", "Valley Post"))
        await pilot.pause()
        assert "outlet · 1 article" in flat(screen.middle) and "1 articles" not in flat(screen.middle)


# Outlets in the articles list --------------------------------------------------------
async def test_every_article_row_shows_its_outlet_even_when_the_title_fits():
    from test_tui_support import make_briefing

    from brief.library import Library

    briefing = make_briefing()
    briefing.articles[1].title = "Yukos unit buyer faces loan claim"
    briefing.articles[1].source = "The Daily Ledger"
    for size in (WIDE, (80, 24), (60, 20)):
        app = BriefApp(library=Library(briefing), corpus_label="test corpus")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("2")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            rows = [line for line in lines if "● " in line]  # unread article rows
            assert any("Yukos" in row and "The Daily Ledger" in row for row in rows), (size, rows)
            assert any("Mayor Alvarez" in row and "Harbor Gazette" in row for row in rows), (size, rows)


# Export from the palette -------------------------------------------------------------
def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_palette_export_never_overwrites_and_names_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brief-export.json").write_text("mine", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await run_palette(pilot, "JSON")
        await run_palette(pilot, "JSON")
        messages = _messages(app)
    assert (tmp_path / "brief-export.json").read_text(encoding="utf-8") == "mine"
    assert json.loads((tmp_path / "brief-export-2.json").read_text(encoding="utf-8"))
    assert json.loads((tmp_path / "brief-export-3.json").read_text(encoding="utf-8"))
    assert f"Exported to {tmp_path / 'brief-export-2.json'}" in messages
    assert f"Exported to {tmp_path / 'brief-export-3.json'}" in messages


async def test_palette_export_into_a_read_only_folder_says_so(tmp_path, monkeypatch):
    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    opened = Path.open

    def refuse(self, mode="r", *args, **kwargs):  # what a folder without write permission does
        if "x" in mode or "w" in mode:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, mode, *args, **kwargs)

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        monkeypatch.setattr(Path, "open", refuse)
        await run_palette(pilot, "Markdown")
        monkeypatch.setattr(Path, "open", opened)
        messages = _messages(app)
    assert any(m.startswith(f"Could not export into {tmp_path}") and "not writable" in m for m in messages), messages
    assert not list(tmp_path.iterdir())


# A corrupt cache ---------------------------------------------------------------------
async def test_a_corrupt_cache_is_reported_in_the_reader(tmp_path, seeds_path):
    import os
    import shutil
    from pathlib import Path

    from brief.config import Settings
    from brief.tui.app import corpus_app
    from brief.tui.screens.warnings import WarningsScreen

    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)
    cache = Path(os.environ["BRIEF_CACHE_DIR"]) / "cache.sqlite3"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(os.urandom(200_000))
    app = corpus_app(corpus, Settings())
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = _messages(app)
        assert any(m.startswith(f"{cache}: cache was unreadable") and "rebuilding it" in m for m in messages), messages
        severities = {str(n.message): n.severity for n in app._notifications}
        assert severities[next(m for m in messages if m.startswith(str(cache)))] == "warning"
        assert "⚠ 1 warning" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WarningsScreen)
        shown = "".join(line.strip() for line in app.screen.query_one("#help").plain_lines())
        assert str(cache) in shown and "cache was unreadable (file is not a database)" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


# The list of warnings ----------------------------------------------------------------
def _warned_app(count: int = 40) -> BriefApp:
    from test_tui_support import make_briefing

    from brief.library import Library
    from brief.models import LoadWarning

    briefing = make_briefing()
    briefing.warnings = [LoadWarning(path=f"bad/[b]file-{i}[/b].txt", message=f"not UTF-8 [$accent] at byte {i}")
                         for i in range(count)]
    return BriefApp(library=Library(briefing), corpus_label="test corpus")


async def test_w_lists_every_warning_literally_and_esc_closes_it():
    from brief.tui.screens.warnings import WarningsScreen

    app = _warned_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "⚠ 40 warnings" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WarningsScreen)
        document = app.screen.query_one("#help")
        shown = document.plain_lines()
        for i in range(40):
            assert f"bad/[b]file-{i}[/b].txt" in shown
            assert f"  not UTF-8 [$accent] at byte {i}" in shown
        assert document.virtual_size.height > document.size.height  # more than one screen: it scrolls
        await pilot.press("pagedown")
        await pilot.pause()
        assert document.scroll_offset.y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_palette_show_warnings():
    from brief.tui.screens.warnings import WarningsScreen

    app = _warned_app(5)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await run_palette(pilot, "Show warnings")
        assert isinstance(app.screen, WarningsScreen)
        assert "5 warnings" in screen_text(app)


async def test_w_is_in_the_help_screen():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = " ".join(app.screen.query_one("#help").plain_lines())
        assert "Show every warning" in help_text


# The top bar -------------------------------------------------------------------------
async def test_top_bar_calls_the_bundled_seeds_the_sample_corpus(seeds_path):
    from brief.config import Settings
    from brief.resources import seeds_dir
    from brief.tui.app import corpus_app

    app = corpus_app(seeds_dir(), Settings(), no_cache=True)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "sample corpus" in top and str(seeds_dir()) not in top
    assert corpus_app(seeds_path.parent, Settings(), no_cache=True).corpus_label == str(seeds_path.parent)


async def _search(pilot, query: str) -> None:
    await pilot.press("slash", *query, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_search_status_leaves_the_top_bar_when_the_search_is_over():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = app.main

        def top() -> str:
            return screen_text(app).splitlines()[0]

        await _search(pilot, "okafor")
        assert "“okafor” 1/" in top()
        await pilot.press("escape")
        await pilot.pause()
        assert "okafor" not in top() and screen.matches == []
        # a new tab
        await _search(pilot, "okafor")
        assert "“okafor” 1/" in top()
        await pilot.press("3")
        await pilot.pause()
        assert "okafor" not in top()
        # moving in a list
        await _search(pilot, "okafor")
        await pilot.press("shift+tab")  # back to the list
        await pilot.pause()
        assert screen.pane == "list"
        await pilot.press("j")
        await pilot.pause()
        assert "okafor" not in top()
        # esc in the search box
        await _search(pilot, "okafor")
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert "okafor" not in top()
        # n after the search is over says there is none
        await pilot.press("n")
        await pilot.pause()
        assert "okafor" not in top()


# Small and wide screens --------------------------------------------------------------
async def test_the_footer_keeps_help_and_quit_at_60_columns():
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "? Keys" in footer and "q Quit" in footer, footer
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "t Theme" in footer and "q Quit" in footer and "palette" in footer, footer


async def test_tab_labels_are_whole_at_120_columns_and_follow_the_list_when_narrow():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "1 Stories 2 Articles 3 Actors 4 Quotes 5 Sources" in text, text.splitlines()[:3]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "2 Articles" in screen_text(app)
        await pilot.press("enter")  # the story, on its own
        await pilot.pause()
        assert app.main.pane == "middle" and "2 Articles" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.main.pane == "list" and "2 Articles" in screen_text(app)
