"""brief's own commands for the command palette (ctrl+p).

Titles and names are user data: hits are built as `Content(str)`, never from markup (the
palette's own `Matcher.highlight` parses markup, so it is not used).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from brief.tui.safe import one_line

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
        for label, text, callback, _ in self.commands():
            whole = (label + text).casefold()
            if all(word in whole for word in words):
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
        yield "Export: ", "briefing as JSON (brief-export.json)", partial(app.export, "json"), True
        yield "Export: ", "briefing as Markdown (brief-export.md)", partial(app.export, "markdown"), True
        yield "Help: ", "show every key", screen.action_help, True
        yield "Quit", "", app.exit, True
        library = screen.library
        if library is None:
            return
        for row in library.story_rows:
            yield "Open story: ", one_line(row.title), partial(screen.follow, _target("story", row.id)), False
        for row in library.actor_rows:
            yield "Open actor: ", one_line(row.name), partial(screen.follow, _target("actor", row.id)), False


class HelpCommands(_BriefProvider):
    def commands(self):
        yield "Close help", "", self.screen.dismiss, True
        yield "Quit", "", self.app.exit, True


def _target(kind: str, key: str):
    from brief.tui.widgets.document import Target

    return Target(kind, key)
