"""brief's own commands for the command palette (ctrl+p).

Titles and names are user data: hits are built as `Content(str)`, never from markup (the
palette's own `Matcher.highlight` parses markup, so it is not used).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content


SEARCH_LIMIT = 200  # candidates scored per keystroke, so 100,000 stories stay quick


def _display(label: str, text: str, query_words: list[str]) -> Content:
    content = Content(label + text)
    lower = content.plain.casefold()
    for word in query_words:
        start = lower.find(word, len(label))
        if start >= 0:
            content = content.stylize("bold underline", start, start + len(word))
    return content


class _BriefProvider(Provider):
    def commands(self) -> Iterable[tuple[str, str, Callable[[], object], bool]]:
        """(label, text, callback, offered on an empty query)."""
        raise NotImplementedError

    def matching(self, words: list[str]) -> Iterable[tuple[str, str, Callable[[], object]]]:
        """(label, text, callback) of the commands whose words contain all of `words`."""
        for label, text, callback, _ in self.commands():
            folded = (label + text).casefold()
            if all(word in folded for word in words):
                yield label, text, callback

    async def discover(self) -> Hits:
        for label, text, callback, discoverable in self.commands():
            if discoverable:
                yield DiscoveryHit(_display(label, text, []), callback, text=label + text)

    async def search(self, query: str) -> Hits:
        words = query.casefold().split()
        if not words:
            return
        matcher = self.matcher(query)
        found = 0
        for label, text, callback in self.matching(words):
            score = matcher.match(label + text) or 0.01
            yield Hit(score, _display(label, text, words), callback, text=label + text)
            found += 1
            if found >= SEARCH_LIMIT:
                return


class ReaderCommands(_BriefProvider):
    """Open a story or an actor by name, switch theme, export, help, quit."""

    def commands(self):
        screen = self.screen
        app = self.app
        for name in app.theme_names:
            yield "Theme: ", name, partial(app.set_theme, name), True
        yield "Export: ", "briefing as JSON (brief-export.json in the current folder)", partial(app.export, "json"), True
        yield "Export: ", "briefing as Markdown (brief-export.md in the current folder)", partial(app.export, "markdown"), True
        yield "Show warnings", "", screen.action_show_warnings, True
        yield "Help: ", "show every key", screen.action_help, True
        yield "Quit", "", app.exit, True

    def matching(self, words):
        yield from super().matching(words)
        # Stories and actors: maybe 100,000, casefolded once per library; the first word
        # filters in one tight pass, callbacks are made for hits only.
        first = max(words, key=len)
        rest = [word for word in words if word is not first]
        items = [item for item in self.screen.palette_items() if first in item[3]]
        follow = self.screen.follow
        for label, text, target, folded in items:
            if all(word in folded for word in rest):
                yield label, text, _Follow(follow, target)


class _Follow:
    __slots__ = ("follow", "target")

    def __init__(self, follow, target):
        self.follow, self.target = follow, target

    def __call__(self) -> None:
        self.follow(self.target)


class HelpCommands(_BriefProvider):
    def commands(self):
        yield "Close help", "", self.screen.dismiss, True
        yield "Quit", "", self.app.exit, True
