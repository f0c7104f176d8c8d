"""Fixes from a new-user trial of the reader: stale list events, long articles, opening URLs,
the saved place and notifications over the help screen."""

from __future__ import annotations

from test_tui_support import make_library

from brief.tui.app import BriefApp
from brief.tui.widgets.document import Target

WIDE = (120, 40)


def make_app(**kwargs) -> BriefApp:
    return BriefApp(library=make_library(**kwargs), corpus_label="test corpus")


async def test_a_highlight_from_a_longer_list_handled_after_a_tab_switch_is_ignored():
    app = make_app(extra_stories=80)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.main
        assert len(screen.vlist.source) == 82
        # G then a tab digit before the highlight is handled: the highlight of row 81 arrives
        # when the list shows the four sources.
        screen.vlist.cursor_last()
        screen.action_tab("sources")
        await pilot.pause()
        assert app.is_running and app._exception is None
        assert screen.tab == "sources"
        assert screen.place == Target("source", "Harbor Gazette")


async def test_keys_pressed_quickly_across_tabs_never_crash():
    app = make_app(extra_stories=80)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("G", "5", "1", "G", "4", "1", "G", "enter", "5")
        await pilot.pause()
        assert app.is_running and app._exception is None
        assert app.main.tab == "sources"


def test_an_unhandled_error_in_the_reader_exits_non_zero(monkeypatch, capsys):
    import functools
    from pathlib import Path

    import brief.tui.app as reader

    class FailingApp(reader.BriefApp):
        async def on_mount(self):
            await super().on_mount()
            self.set_timer(0.1, self.fail)

        def fail(self):
            raise IndexError(81)

    monkeypatch.setattr(reader.BriefApp, "run_async",
                        functools.partialmethod(reader.BriefApp.run_async, headless=True))
    monkeypatch.setattr(reader, "corpus_app",
                        lambda path, settings, no_cache=False: FailingApp(library=make_library()))
    assert reader.run_app(Path("."), None) == 1


def _long_briefing(paragraphs: int = 2000, one_line: bool = False):
    from brief.models import Article, ArticleAnalysis, Briefing, Sentence

    para = "The harbour committee met again on a grey morning to read the long minutes aloud. " * 3
    sep = " " if one_line else "\n"
    text = sep.join(f"{i} {para}".strip() for i in range(paragraphs)) + sep + "THE LAST WORDS"
    long_sentence = Sentence(start=0, end=len(text), text=text)
    article = Article(id="long", title="The very long minutes", text=text, path="long.txt")
    return Briefing(articles=[article],
                    analyses={"long": ArticleAnalysis(article_id="long", engine_version="x",
                                                      sentences=[long_sentence], summary=[0])})


async def test_a_long_article_shows_its_start_at_once_and_the_rest_follows():
    from brief.library import Library

    for one_line in (False, True):
        briefing = _long_briefing(one_line=one_line)
        app = BriefApp(library=Library(briefing), corpus_label="long")
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            screen = app.main
            screen.show_place(Target("article", "long"), reset=True)
            middle = screen.middle
            # Laid out only a slice (the 480 KB text is thousands of lines) when first shown...
            assert not middle.laid_out
            assert 40 <= len(middle._lines) < 1000
            shown = "\n".join("".join(s.text for s in line) for line in middle._lines)
            assert "The very long minutes" in shown and "0 The harbour committee" in shown
            # ... the summary line is cut, not 480 KB long...
            assert "…" in shown
            # ... and keys are handled while the rest is laid out.
            await pilot.press("1")
            assert screen.tab == "stories"
            await pilot.press("2")
            for _ in range(400):
                if middle.laid_out:
                    break
                await pilot.pause(0.05)
            assert middle.laid_out
            assert "THE LAST WORDS" in " ".join(" ".join(middle.plain_lines()[-2:]).split())
            assert len(middle._lines) > 2000


async def test_o_without_a_browser_shows_the_address(monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or False)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("2")  # the articles: the first is the Gazette's, with an https address
        await pilot.pause()
        assert app.main.place == Target("article", "a-gazette")
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://gazette.example/bridge"]
        messages = [str(n.message) for n in app._notifications]
        assert any("https://gazette.example/bridge" in m and "browser" in m for m in messages)


def test_the_place_is_kept_per_resolved_corpus_path(tmp_path, monkeypatch):
    from pathlib import Path

    from brief.config import Settings
    from brief.tui.app import corpus_app, corpus_label
    from brief.tui.state import ReaderState, corpus_key, load_state, save_state

    for folder in (tmp_path / "trial" / "fmt2", tmp_path / "other" / "fmt2"):
        folder.mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "trial")
    typed, absolute = Path("fmt2"), tmp_path / "trial" / "fmt2"
    assert corpus_key(typed) == corpus_key(absolute) == str(absolute.resolve())
    app = corpus_app(typed, Settings(), no_cache=True)
    assert app.state_key == str(absolute.resolve())
    assert app.corpus_label == "fmt2"

    save_state(ReaderState(tab="actors"), corpus=corpus_key(typed))
    assert load_state(corpus=corpus_key(absolute))[0].tab == "actors"
    # The same relative name in another folder is another corpus.
    monkeypatch.chdir(tmp_path / "other")
    assert load_state(corpus=corpus_key(typed))[0].tab == "stories"
    # A place kept under the path as typed (before) is still read, then kept under the new key.
    save_state(ReaderState(tab="quotes"), corpus="fmt2")
    state, problem = load_state(corpus=corpus_key(typed), old_keys=("fmt2",))
    assert state.tab == "quotes" and problem is None
    # `brief .` names the folder in the top bar.
    monkeypatch.chdir(absolute)
    assert corpus_label(Path(".")) == "fmt2"
    assert corpus_label(Path("..")) == "trial"


async def test_notifications_do_not_draw_over_the_help_screen():
    from test_tui_support import screen_text

    from brief.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        app.notify("Exported to /tmp/somewhere/brief-export.json", markup=False, timeout=30)
        await pilot.pause(0.3)
        assert "Keys — esc" in screen_text(app)
        assert "brief-export.json" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, HelpScreen)
        assert "brief-export.json" in screen_text(app)


async def test_showing_a_long_article_looks_up_only_the_actors_it_shows(monkeypatch):
    """A cached library reads the article's actor map for each lookup: 1,300 of them (a long
    transcript's actors) took seconds before the first paint."""
    from brief.library import Library
    from brief.models import Actor, LocalActor, Mention

    briefing = _long_briefing()
    text = briefing.articles[0].text
    analysis = briefing.analyses["long"]
    keys = [f"k{i}" for i in range(300)]
    mentions, start = [], 0
    for i in range(3000):  # "harbour" in each paragraph, each a mention of one of 300 actors
        start = text.index("harbour", start + 1)
        mentions.append(Mention(start=start, end=start + 7, text="harbour", actor_key=keys[i % 300]))
    briefing.analyses["long"] = analysis.model_copy(update={
        "mentions": mentions, "actors": [LocalActor(key=k, name=f"Actor {k}") for k in keys]})
    briefing.actors.extend(Actor(id=f"actor-{k}", name=f"Actor {k}") for k in keys)
    briefing.local_actor_ids.update({f"long:{k}": f"actor-{k}" for k in keys})
    library = Library(briefing)
    calls = []
    real = library.actor_for_mention
    monkeypatch.setattr(library, "actor_for_mention", lambda *a: calls.append(a) or real(*a))
    app = BriefApp(library=library, corpus_label="long")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        calls.clear()
        app.main.show_place(Target("article", "long"), reset=True)
        assert len(calls) < 200  # the context's 50, and those of the first paragraphs (not 3,300)
        shown = [t for t in app.main.middle.targets if t.kind == "actor"]
        assert shown and shown[0] == Target("actor", "actor-k0")
        app.main.middle.finish_layout()
        assert len(calls) <= 300 + 50  # each actor once, in the text
