"""What a new user met on a fresh install: cache warnings, the list of warnings, export names,
outlets in the article list, the top bar, plurals and small screens."""

from __future__ import annotations

from test_tui_support import make_library, screen_text

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
