"""The reader under Pilot: navigation, search, help, themes, state, sizes and literal text."""

from __future__ import annotations

import json

import pytest
from test_tui_support import (
    EVIL_NAME,
    EVIL_QUOTE,
    GAZETTE_TEXT,
    at,
    make_library,
    run_palette,
    screen_text,
)

from brief.config import config_dir, state_dir
from brief.tui.app import BriefApp
from brief.tui.screens.help import HelpScreen
from brief.tui.screens.main import MainScreen, safe_url
from brief.tui.widgets.document import Target

WIDE = (120, 40)
NARROW = (80, 24)


def make_app(**kwargs) -> BriefApp:
    return BriefApp(library=make_library(**kwargs), corpus_label="test corpus")


def main(app: BriefApp) -> MainScreen:
    return app.main


def flat(document) -> str:
    """A document's text with its line wrapping undone."""
    return " ".join(" ".join(document.plain_lines()).split())


async def move_to_target(pilot, predicate, limit: int = 60) -> Target:
    """Press j in the focused document until its cursor is on a target matching `predicate`."""
    document = pilot.app.screen.focused
    for _ in range(limit):
        target = document.current_target
        if target is not None and predicate(target):
            return target
        await pilot.press("j")
    raise AssertionError(f"no such target in {[t for t in document.targets]}")


async def test_opens_on_the_story_list_and_previews_the_first_story():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = main(app)
        assert screen.tab == "stories"
        assert screen.place == Target("story", "s-bridge")
        text = screen_text(app)
        assert "Riverside bridge opens" in text
        assert "Harbor Gazette" in text and "Valley Post" in text
        # Three panes side by side when wide.
        assert all(w.display and w.region.width for w in (screen.query_one("#left"), screen.middle, screen.context))


async def test_j_k_move_and_enter_opens_and_marks_read():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("j")
        assert screen.vlist.cursor == 1 and screen.place.id == "s-evil"
        await pilot.press("k")
        assert screen.vlist.cursor == 0
        await pilot.press("down", "up", "enter")
        assert screen.place == Target("story", "s-bridge")
        assert "s-bridge" in app.read
        assert app.focused is screen.middle


@pytest.mark.parametrize("key, tab, expected", [
    ("1", "stories", "Riverside bridge opens"),
    ("2", "articles", "Ribbon cut on"),
    ("3", "actors", "Tom Okafor"),
    ("4", "quotes", "This bridge joins two halves of our city"),
    ("5", "sources", "Reuters"),
])
async def test_number_keys_switch_lists(key, tab, expected):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert main(app).tab == tab
        assert expected in screen_text(app)


async def test_story_summary_sentence_leads_to_the_sentence_in_its_article():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("enter")
        target = await move_to_target(pilot, lambda t: t.kind == "article" and t.start is not None)
        await pilot.press("enter")
        assert screen.place == target
        assert screen.place.kind == "article" and screen.place.start == target.start
        # The focused span is on screen, highlighted.
        sentence = screen.library.article(target.id).text[target.start:target.end]
        visible = "\n".join(screen.middle.plain_lines()[int(screen.middle.scroll_offset.y):][:screen.middle.size.height])
        assert sentence.split()[0] in visible


async def test_article_mention_leads_to_actor_and_quote_to_quote():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("2", "enter")
        assert screen.place == Target("article", "a-gazette")
        await move_to_target(pilot, lambda t: t.kind == "actor" and t.id == "okafor")
        await pilot.press("enter")
        assert screen.place == Target("actor", "okafor")
        assert "engineer" in screen_text(app)
        await pilot.press("escape")
        assert screen.place == Target("article", "a-gazette")
        await move_to_target(pilot, lambda t: t.kind == "quote")
        await pilot.press("enter")
        assert screen.place.kind == "quote"


async def test_quote_leads_to_its_article_at_the_quote():
    app = make_app()
    async with app.run_test(size=(120, 16)) as pilot:
        screen = main(app)
        await pilot.press("4", "enter")
        assert screen.place == Target("quote", "q-gazette")
        target = await move_to_target(pilot, lambda t: t.kind == "article")
        start, end = at(GAZETTE_TEXT, "This bridge")
        assert target.start == start
        await pilot.press("enter")
        assert screen.place.kind == "article" and screen.place.start == start
        # The cursor sits on the quote itself, which is on screen.
        assert screen.middle.current_target == Target("quote", "q-gazette", start, target.end)
        line = screen.middle._target_lines[screen.middle.cursor]
        top = int(screen.middle.scroll_offset.y)
        assert top <= line < top + screen.middle.size.height


async def test_quote_view_shows_the_other_outlets_wording_with_differences_marked():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("4", "enter")
        text = flat(screen.middle)
        assert "As each outlet worded it" in text
        assert "Valley Post" in text and "our town" in text
        diff_style = screen.middle.get_component_rich_style("document--diff", partial=True)
        marked = {seg.text.strip() for line in screen.middle._lines for seg in line
                  if seg.style and diff_style.bold and seg.style.bold and seg.style.underline}
        assert {"town", "city"} <= marked
        assert "This" not in marked
        assert "Speaker: Lena Alvarez" in text and "Cue: said" in text


async def test_actor_view_lists_quotes_roles_brief_and_stories():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("3", "enter")
        assert screen.place == Target("actor", "alvarez")
        text = flat(screen.middle)
        for expected in ("Lena Alvarez", "person", "Mayor Alvarez", "mayor", "Said", "at the ceremony",
                         "What is said about them", "Stories", "Riverside bridge opens"):
            assert expected in text
        context = "\n".join(screen.context.plain_lines())
        assert "Tom Okafor" in context


async def test_source_view_shows_articles_citations_and_exclusives():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("5", "enter")
        assert screen.place == Target("source", "Harbor Gazette")
        text = flat(screen.middle)
        for expected in ("Mayor Alvarez opens the Riverside bridge", "Cites", "Reuters", "Only here", "decade"):
            assert expected in text
        await move_to_target(pilot, lambda t: t.kind == "source" and t.id == "Reuters")
        await pilot.press("enter")
        assert screen.place == Target("source", "Reuters")
        assert "Cited by" in "\n".join(screen.middle.plain_lines())


async def test_back_goes_through_the_history():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("enter")
        await move_to_target(pilot, lambda t: t.kind == "actor")
        await pilot.press("enter")
        first = screen.place
        await move_to_target(pilot, lambda t: t.kind == "quote")
        await pilot.press("enter")
        assert screen.place.kind == "quote"
        await pilot.press("backspace")
        assert screen.place == first
        await pilot.press("escape")
        assert screen.place == Target("story", "s-bridge")
        await pilot.press("escape")
        assert app.focused is screen.vlist


async def test_tab_and_shift_tab_move_between_panes():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        assert app.focused is screen.vlist
        await pilot.press("tab")
        assert app.focused is screen.middle
        await pilot.press("tab")
        assert app.focused is screen.context
        await pilot.press("tab")
        assert app.focused is screen.vlist
        await pilot.press("shift+tab")
        assert app.focused is screen.context
        await move_to_target(pilot, lambda t: t.kind == "actor")
        await pilot.press("enter")
        assert screen.place.kind == "actor" and app.focused is screen.middle


async def test_search_finds_actors_quotes_and_articles_and_n_cycles():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("slash")
        await pilot.press(*"okafor")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        kinds = [m.kind for m in screen.matches]
        assert kinds[0] == "actor" and "article" in kinds
        assert screen.place == screen.matches[0]
        assert "1/" in screen.status
        await pilot.press("n")
        assert screen.place == screen.matches[1]
        await pilot.press("N")
        assert screen.place == screen.matches[0]
        await pilot.press("N")
        assert screen.place == screen.matches[-1]
        # The article is shown at the match, highlighted.
        article = next(m for m in screen.matches if m.kind == "article")
        screen.show_place(article)
        backgrounds = {screen.middle.get_component_rich_style(f"document--{role}", partial=True).bgcolor
                       for role in ("match", "focus")}
        highlighted = [seg.text for line in screen.middle._lines for seg in line
                       if seg.style and seg.style.bgcolor in backgrounds]
        assert any(h.lower() == "okafor" for h in highlighted)
        # An empty search clears the matches and the highlights.
        await pilot.press("slash", "end", *["backspace"] * 6, "enter")
        assert screen.matches == [] and screen.search_query == ""
        match_bg = screen.middle.get_component_rich_style("document--match", partial=True).bgcolor
        assert not [seg for line in screen.middle._lines for seg in line if seg.style and seg.style.bgcolor == match_bg]


async def test_search_escape_cancels_and_no_match_is_told():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("slash", "q")
        assert app.is_running  # typed into the box, not a quit
        await pilot.press("escape")
        assert not screen.query_one("#search").has_class("-active")
        await pilot.press("slash", *"zebra", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.matches == [] and "no match" in screen.status


async def test_help_lists_every_key_from_the_registry():
    from brief.tui.actions import ACTIONS

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(app.screen.query_one("#help").plain_lines())
        for action in ACTIONS:
            assert action.description in text
        assert "ctrl+p" in text and "esc" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_keymap_overrides_keys_and_help(tmp_path):
    (config_dir() / "keymap.toml").write_text('[keys]\ndown = "ctrl+n"\nnonsense = "x"\n')
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("ctrl+n")
        assert screen.vlist.cursor == 1
        await pilot.press("j")  # no longer bound
        assert screen.vlist.cursor == 1
        assert any("unknown action 'nonsense'" in n for n in app.notices)
        await pilot.press("question_mark")
        assert "ctrl+n" in "\n".join(app.screen.query_one("#help").plain_lines())


async def test_theme_switch_is_kept_across_restarts():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        assert app.theme == "brief-dark"
        assert {"brief-dark", "brief-light", "brief-high-contrast"} <= set(app.theme_names)
        await pilot.press("t")
        changed = app.theme
        assert changed != "brief-dark"
    saved = json.loads((state_dir() / "reader.json").read_text())
    assert saved["theme"] == changed
    again = make_app()
    async with again.run_test(size=WIDE):
        assert again.theme == changed


async def test_user_theme_loads_and_broken_theme_gives_a_notice():
    themes = config_dir() / "themes"
    themes.mkdir()
    (themes / "mine.toml").write_text('name = "mine"\nprimary = "#ff8800"\ndark = false\n')
    (themes / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    (themes / "garbage.toml").write_text("this is [not toml")
    app = make_app()
    async with app.run_test(size=WIDE):
        assert "mine" in app.theme_names and "broken" not in app.available_themes
        assert sum("skipped" in n for n in app.notices) == 2
        assert app.theme == "brief-dark"


async def test_state_survives_a_restart():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter")  # read the first story
        await pilot.press("3", "j")
        assert main(app).vlist.current_key == "okafor"
    again = make_app()
    async with again.run_test(size=WIDE) as pilot:
        screen = main(again)
        assert screen.tab == "actors"
        assert screen.vlist.current_key == "okafor"
        assert "s-bridge" in again.read
        await pilot.press("1")
        assert "●" not in screen.vlist.source.row(0, 60, lambda name: __import__("rich.style").style.Style()).plain


async def test_the_selected_row_is_found_by_its_saved_position_without_a_search(monkeypatch):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "j")
        assert main(app).vlist.current_key == "okafor"
    assert app.reader_state.positions["actors"] == 1
    again = make_app()
    looked: list[int] = []
    from brief.tui import rows as rows_module

    original = rows_module.rows_for

    def counting_rows(*args, **kwargs):
        source = original(*args, **kwargs)
        key = source.key
        source.key = lambda i: looked.append(i) or key(i)
        return source

    monkeypatch.setattr("brief.tui.screens.main.rows_for", counting_rows)
    async with again.run_test(size=WIDE):
        assert main(again).vlist.current_key == "okafor"
    assert looked[:1] == [1]  # the saved position was checked first and held the row
    # A stale position (the list changed since) still finds the row by its id.
    path = state_dir() / "reader.json"
    path.write_text(path.read_text().replace('"actors": 1', '"actors": 0'))
    third = make_app()
    async with third.run_test(size=WIDE):
        assert main(third).vlist.current_key == "okafor"


async def test_the_last_item_shown_comes_back_after_a_restart():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter")
        await move_to_target(pilot, lambda t: t.kind == "actor" and t.id == "okafor")
        await pilot.press("enter")
        assert main(app).place == Target("actor", "okafor")
    again = make_app()
    async with again.run_test(size=WIDE):
        screen = main(again)
        assert screen.tab == "stories" and screen.vlist.current_key == "s-bridge"
        assert screen.place == Target("actor", "okafor")
    # A place that is gone from the corpus is dropped quietly.
    path = state_dir() / "reader.json"
    path.write_text(path.read_text().replace('"okafor"', '"nobody"'))
    third = make_app()
    async with third.run_test(size=WIDE):
        assert main(third).place == Target("story", "s-bridge")


async def test_random_keys_at_random_sizes_never_crash():
    import random

    rng = random.Random(4)
    keys = ["j", "k", "g", "G", "enter", "escape", "backspace", "tab", "shift+tab", "1", "2", "3", "4", "5",
            "n", "N", "m", "t", "pagedown", "pageup", "space", "question_mark", "escape", "slash", "a", "enter"]
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        for step in range(60):
            if step % 12 == 0:
                await pilot.resize_terminal(rng.randint(40, 160), rng.randint(12, 50))
            await pilot.press(rng.choice(keys))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        screen_text(app)


async def test_broken_state_file_is_ignored_with_a_notice():
    state_dir().joinpath("reader.json").write_text("{not json")
    app = make_app()
    async with app.run_test(size=WIDE):
        assert main(app).tab == "stories"
        assert any("ignored" in n for n in app.notices)


async def test_markup_and_escapes_in_articles_are_shown_literally():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("j", "enter")  # the story whose title is markup
        text = screen_text(app)
        assert "[bold]x[/bold] and [/b] and [$accent]" in text
        await move_to_target(pilot, lambda t: t.kind == "quote")
        await pilot.press("enter")  # follow the quote full of [@click=app.quit]
        assert app.is_running
        assert EVIL_QUOTE in screen_text(app)
        await move_to_target(pilot, lambda t: t.kind == "article")
        await pilot.press("enter")
        text = flat(screen.middle)
        assert "[link=http://x]click[/link] and [@click=app.quit]quit[/]" in text
        assert EVIL_NAME in text
        assert "\x1b" not in screen_text(app) and "\x07" not in screen_text(app)
        # Clicking the literal [@click=app.quit] text does nothing but follow brief's own link.
        await move_to_target(pilot, lambda t: t.kind == "quote")
        await pilot.press("enter")
        assert app.is_running and screen.place.kind == "quote"
        await pilot.press("3", "G")  # Mallory has the fewest mentions
        assert screen.place == Target("actor", "mallory")
        assert EVIL_NAME in screen_text(app)
        await pilot.press("2")
        assert "[bold]x[/bold]" in screen_text(app)


async def test_clicking_markup_text_runs_no_action():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("2", "j", "j", "enter")
        assert screen.place == Target("article", "a-evil")
        middle = screen.middle
        for y in range(middle.size.height):
            line = middle.plain_lines()[y] if y < len(middle.plain_lines()) else ""
            if "[@click=app.quit]" in line:
                x = line.index("[@click=app.quit]") + 3
                await pilot.click(middle, offset=(x + 1, y))
                break
        else:
            raise AssertionError("the markup is not on screen")
        await pilot.pause()
        assert app.is_running


async def test_urls_open_only_for_http(monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "enter", "o")
        assert opened == ["https://gazette.example/bridge"]
        await pilot.press("1", "2", "j", "enter", "o")  # javascript: address
        await pilot.press("2", "j", "j", "enter", "o")  # file: address
        assert opened == ["https://gazette.example/bridge"]
        # From a story, `o` opens the article under the cursor.
        await pilot.press("1", "g", "enter")
        await move_to_target(pilot, lambda t: t.kind == "article" and t.id == "a-gazette" and t.start is None)
        await pilot.press("o")
        assert opened == ["https://gazette.example/bridge"] * 2
    assert safe_url("HTTP://a.example/x") == "HTTP://a.example/x"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "http://", "data:text/html,x", "", None):
        assert safe_url(bad) is None


async def test_narrow_layout_shows_one_pane_and_reaches_everything():
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = main(app)
        assert screen.narrow
        shown = lambda: [w.id for w in (screen.query_one("#left"), screen.middle, screen.context) if w.display]  # noqa: E731
        assert shown() == ["left"]
        await pilot.press("enter")
        assert shown() == ["middle"] and app.focused is screen.middle
        await pilot.press("tab")
        assert shown() == ["context"]
        await move_to_target(pilot, lambda t: t.kind == "actor")
        await pilot.press("enter")
        assert shown() == ["middle"] and screen.place.kind == "actor"
        await pilot.press("escape")
        assert screen.place.kind == "story"
        await pilot.press("escape")
        assert shown() == ["left"]
        for key in "12345":
            await pilot.press(key)
            assert shown() == ["left"]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_resize_down_to_40x12_and_back():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.press("enter")
        for size in [(100, 30), (99, 30), (80, 24), (60, 20), (40, 12), (41, 13), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            screen_text(app)
            assert screen.narrow == (size[0] < 100)
        for key in ("j", "tab", "enter", "escape", "3", "slash", "escape", "question_mark", "escape"):
            await pilot.resize_terminal(40, 12)
            await pilot.press(key)
        assert app.is_running


async def test_mouse_click_opens_rows_and_links():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = main(app)
        await pilot.click(screen.vlist, offset=(5, 1))
        assert screen.place == Target("story", "s-evil") and app.focused is screen.middle
        await pilot.click("#tabs", offset=(13, 0))
        assert screen.tab == "articles"
        await pilot.press("1", "g", "enter")
        lines = screen.middle.plain_lines()
        y = next(i for i, line in enumerate(lines) if "Ribbon cut" in line)
        x = lines[y].index("Ribbon cut")
        await pilot.click(screen.middle, offset=(x + 2, y))
        assert screen.place == Target("article", "a-post")


async def test_command_palette_opens_actor_by_name():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Okafor")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).place == Target("actor", "okafor")


async def test_command_palette_switches_theme_and_exports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        for query in ("brief-light", "JSON"):
            await run_palette(pilot, query)
        assert app.theme == "brief-light"
        exported = json.loads((tmp_path / "brief-export.json").read_text())
        assert exported


async def test_toggle_read_mark():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter")
        assert "s-bridge" in app.read
        await pilot.press("m")
        assert "s-bridge" not in app.read


async def test_no_color_is_honoured(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=WIDE):
        assert app.no_color
        assert any(type(f).__name__ in ("Monochrome", "NoColor") for f in app._filters)


async def test_loader_runs_in_a_worker_with_progress_and_failures_are_shown():
    from test_tui_support import make_briefing

    seen = []

    def loader(progress):
        for stage in ("load", "analyse", "assemble"):
            progress(stage, 1, 1)
            seen.append(stage)
        return make_briefing()

    app = BriefApp(loader=loader)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == ["load", "analyse", "assemble"]
        assert main(app).place == Target("story", "s-bridge")

    def failing(progress):
        raise OSError("disk on fire")

    app = BriefApp(loader=failing)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "disk on fire" in screen_text(app)
        await pilot.press("j", "3", "slash", "escape", "question_mark", "escape")
        assert app.is_running


async def test_quit_keys():
    for key in ("q", "ctrl+q"):
        app = make_app()
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press(key)
            await pilot.pause()
            assert not app.is_running


async def test_j_scrolls_a_long_document_without_links_and_g_G_jump():
    from brief.library import Library
    from brief.models import Article, Briefing

    text = "\n\n".join(f"Paragraph {i} of a long article with no names in it." for i in range(80))
    app = BriefApp(library=Library(Briefing(articles=[Article(id="a", title="Long", text=text, path="a.md")])))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        await pilot.press("2", "enter")
        middle = screen.middle
        assert middle.scroll_offset.y == 0
        await pilot.press("j", "j", "j")
        assert middle.scroll_offset.y == 3
        await pilot.press("k")
        assert middle.scroll_offset.y == 2
        await pilot.press("G")
        assert middle.scroll_offset.y == middle.max_scroll_y > 0
        await pilot.press("g")
        assert middle.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert middle.scroll_offset.y > 10
