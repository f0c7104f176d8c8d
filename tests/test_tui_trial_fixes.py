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
