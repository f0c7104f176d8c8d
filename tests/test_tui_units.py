"""The reader's parts without a running app: literal text, views, themes, state, keymap."""

from __future__ import annotations

import pytest
from rich.style import Style
from test_tui_support import make_library

from brief.library import Library
from brief.models import Actor, Article, ArticleAnalysis, Briefing, Mention, Quote
from brief.tui import actions
from brief.tui.safe import clean, literal, one_line
from brief.tui.state import ReaderState, load_state, save_state
from brief.tui.themes import load_theme, load_themes
from brief.tui.views import ViewContext, _article_text, worded_diff
from brief.tui.widgets.document import DocBuilder, Target

ROLES = {"quote": Style(italic=True), "mention": Style(bold=True), "diff": Style(underline=True),
         "match": Style(bgcolor="yellow"), "focus": Style(bgcolor="blue")}


def test_clean_replaces_controls_one_for_one():
    raw = "a\x1b[31mb\x07c\td\ne\u202ef\x9bg"
    shown = clean(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown and "\x9b" not in shown
    assert "\n" in shown and "\t" not in shown
    assert one_line("  a\n\nb\x00 ") == "a b\ufffd"
    assert literal("[bold]x[/bold]").plain == "[bold]x[/bold]"
    assert literal("[bold]x[/bold]").spans == []


def test_mention_inside_a_quote_links_to_the_actor():
    text = "Ann said “Bob is right” today."
    quote_start = text.index("Bob")
    briefing = Briefing(
        articles=[Article(id="a", title="t", text=text, path="a.md")],
        analyses={"a": ArticleAnalysis(article_id="a", engine_version="x", mentions=[
            Mention(start=quote_start, end=quote_start + 3, text="Bob", actor_key="bob")])},
        actors=[Actor(id="bob", name="Bob")],
        quotes=[Quote(id="q", text="Bob is right", article_id="a", start=quote_start,
                      end=quote_start + len("Bob is right"))],
        local_actor_ids={"a:bob": "bob"},
    )
    library = Library(briefing)
    doc = DocBuilder(ROLES)
    shown = _article_text(library, library.article("a"), Target("article", "a"), ViewContext(query="right"), doc)
    assert shown.plain == text
    assert doc.targets == [Target("actor", "bob"), Target("quote", "q", quote_start, quote_start + 12)]
    styles = {shown.plain[span.start:span.end]: span.style for span in shown.spans}
    assert styles["Bob"].bold and styles["Bob"].italic
    assert styles["right"].bgcolor is not None and styles["right"].italic


def test_spans_out_of_range_are_ignored():
    briefing = Briefing(articles=[Article(id="a", title="t", text="short", path="a.md")],
                        quotes=[Quote(id="q", text="x", article_id="a", start=3, end=99)])
    library = Library(briefing)
    shown = _article_text(library, library.article("a"), Target("article", "a", 40, 50), ViewContext(),
                          DocBuilder(ROLES))
    assert shown.plain == "short"


def test_worded_diff_marks_only_the_differing_words():
    mine, theirs = worded_diff("This bridge joins two halves of our city",
                               "This bridge joins the two halves of our town", DocBuilder(ROLES))
    marked = lambda text: [text.plain[s.start:s.end] for s in text.spans if s.style.underline]  # noqa: E731
    assert marked(mine) == ["city"]
    assert marked(theirs) == ["the", "town"]


def test_themes_load_and_broken_ones_are_reported(tmp_path):
    (tmp_path / "good.toml").write_text('name = "good"\nprimary = "#112233"\n[variables]\nborder = "#ffffff"\n')
    (tmp_path / "noname.toml").write_text('primary = "#112233"\n')
    (tmp_path / "extra.toml").write_text('name = "extra"\nprimary = "#112233"\nshiny = true\n')
    (tmp_path / "colour.toml").write_text('name = "colour"\nprimary = "#112233"\nbackground = 7\n')
    themes, problems = load_themes([tmp_path, tmp_path / "missing"])
    assert [t.name for t in themes] == ["good"]
    assert len(problems) == 3 and any("unknown keys: shiny" in p for p in problems)
    with pytest.raises(ValueError, match="'name' is missing"):
        load_theme(tmp_path / "noname.toml")


def test_bundled_themes_are_all_valid():
    from brief.resources import themes_dir

    themes, problems = load_themes([themes_dir()])
    assert problems == []
    assert {"brief-dark", "brief-light", "brief-high-contrast"} <= {t.name for t in themes}
    assert not next(t for t in themes if t.name == "brief-light").dark


def test_state_round_trip_is_atomic(tmp_path):
    path = tmp_path / "deep" / "reader.json"
    save_state(ReaderState(theme="brief-light", tab="quotes", selected={"quotes": "q1"}, read=["s1"]), path)
    state, problem = load_state(path)
    assert problem is None and state.tab == "quotes" and state.read == ["s1"] and state.theme == "brief-light"
    assert [p.name for p in path.parent.iterdir()] == ["reader.json"]
    path.write_text('{"tab": "nonsense", "read": "not a list"}')
    state, problem = load_state(path)
    assert state == ReaderState() and "ignored" in problem
    path.write_text('{"tab": "nonsense"}')
    assert load_state(path)[0].tab == "stories"


def test_keymap_file(tmp_path):
    path = tmp_path / "keymap.toml"
    assert actions.load_keymap(path) == ({}, [])
    path.write_text('down = ["ctrl+n", "j"]\nup = ""\nfly = "f"\n')
    keymap, problems = actions.load_keymap(path)
    assert keymap == {"brief.down": "ctrl+n,j"}
    assert len(problems) == 2
    path.write_text("[keys\n")
    assert "not readable" in actions.load_keymap(path)[1][0]
    keys = dict((a.id, k) for a, k in actions.effective_keys(keymap))
    assert keys["down"] == "ctrl+n,j" and keys["up"] == "k,up"


def test_every_action_has_a_screen_method():
    from brief.tui.screens.main import MainScreen

    ids = [a.id for a in actions.ACTIONS]
    assert len(ids) == len(set(ids))
    for action in actions.ACTIONS:
        if action.action.startswith("app."):
            continue
        name = action.action.split("(")[0]
        assert callable(getattr(MainScreen, f"action_{name}", None)), action.id


def test_library_lookups_used_by_the_views():
    library = make_library()
    assert [q.id for q in library.quotes_of_article("a-gazette")] == ["q-gazette", "q-okafor"]
    assert library.actor_for_mention("a-gazette", "okafor").name == "Tom Okafor"


def test_rendering_keeps_markup_emoji_codes_and_links_literal():
    from rich.console import Console

    console = Console(width=200, color_system=None, force_terminal=False)
    raw = "[bold]x[/bold] :smile: [link=http://x]y[/link] [@click=app.quit]q[/] \\[esc] \x1b[31m"
    doc = DocBuilder(ROLES)
    doc.line(doc.piece(raw, "quote", Target("quote", "q")), raw)
    lines = ["".join(seg.text for seg in line) for block in doc.blocks
             for line in console.render_lines(block, console.options, pad=False)]
    assert lines == [clean(raw) + clean(raw)]
    assert all(not (seg.style and seg.style.link) for block in doc.blocks
               for line in console.render_lines(block, console.options) for seg in line)


def test_a_saved_selection_is_looked_for_near_its_old_place_only():
    from brief.tui.screens.main import RESTORE_WINDOW, _find_row

    class Rows:
        def __init__(self, n):
            self.n, self.reads = n, 0

        def __len__(self):
            return self.n

        def key(self, i):
            self.reads += 1
            return f"r{i}"

    rows = Rows(500_000)
    assert _find_row(rows, "r250000", 250_000) == 250_000 and rows.reads == 1
    assert _find_row(rows, "r250010", 250_000) == 250_010  # the list moved a little since
    rows.reads = 0
    assert _find_row(rows, "elsewhere", 250_000) == 0  # saved on another corpus: the top, at once
    assert rows.reads <= 2 * RESTORE_WINDOW + 2
    assert _find_row(rows, "r5", -1) == 5


def test_places_are_kept_per_corpus_and_theme_and_read_marks_for_all(tmp_path):
    from brief.tui.state import KEPT_CORPORA

    path = tmp_path / "reader.json"
    path.write_text('{"theme": "brief-light", "tab": "actors", "read": ["s1"]}')  # a file from before
    assert load_state(path, corpus="/news/a")[0].tab == "actors"
    save_state(ReaderState(theme="brief-light", tab="quotes", selected={"quotes": "q1"}, read=["s1"]), path,
               corpus="/news/a")
    save_state(ReaderState(theme="brief-dark", tab="sources", read=["s1", "s2"]), path, corpus="/news/b")
    a, problem = load_state(path, corpus="/news/a")
    assert problem is None and a.tab == "quotes" and a.selected == {"quotes": "q1"}
    assert a.theme == "brief-dark" and a.read == ["s1", "s2"]  # the last chosen, for every corpus
    assert load_state(path, corpus="/news/b")[0].tab == "sources"
    fresh = load_state(path, corpus="/news/new")[0]
    assert fresh.tab == "stories" and fresh.selected == {} and fresh.place is None
    for i in range(KEPT_CORPORA + 5):
        save_state(ReaderState(tab="actors"), path, corpus=f"/c{i}")
    assert load_state(path, corpus="/news/a")[0].tab == "stories"  # the least recently used went
    assert load_state(path, corpus=f"/c{KEPT_CORPORA + 4}")[0].tab == "actors"
