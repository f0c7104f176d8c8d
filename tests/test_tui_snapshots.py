"""Screenshots of the main screens, compared with accepted ones in tests/__snapshots__.

Fixed size, fixed data (tests/test_tui_support.py), no clock; update with
`pytest tests/test_tui_snapshots.py --snapshot-update` after checking the new pictures.
"""

from __future__ import annotations

import pytest
from test_tui_support import make_library

from brief.tui.app import BriefApp
from brief.tui.widgets.document import Target


def app() -> BriefApp:
    return BriefApp(library=make_library(), corpus_label="snapshot corpus")


def showing(place: Target):
    async def run_before(pilot) -> None:
        screen = pilot.app.main
        screen.follow(place)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("name, place", [
    ("story", None),
    ("article_at_quote", Target("article", "a-gazette", 60, 100)),
    ("actor", Target("actor", "alvarez")),
    ("quote", Target("quote", "q-gazette")),
    ("source", Target("source", "Harbor Gazette")),
    ("markup_story", Target("story", "s-evil")),
])
def test_wide_screens(snap_compare, name, place):
    assert snap_compare(app(), terminal_size=(120, 40), run_before=showing(place) if place else None)


def test_narrow_list(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24))


def test_narrow_article(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), press=["2", "enter"])


def test_help(snap_compare):
    assert snap_compare(app(), terminal_size=(100, 40), press=["question_mark"])


@pytest.mark.parametrize("theme", ["brief-light", "brief-high-contrast"])
def test_themes(snap_compare, theme):
    async def run_before(pilot) -> None:
        pilot.app.set_theme(theme)
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(120, 30), run_before=run_before)
