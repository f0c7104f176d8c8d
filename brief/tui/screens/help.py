"""`?`: every key, generated from the action registry with the user's keymap applied."""

from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from brief.tui import actions
from brief.tui.commands import HelpCommands
from brief.tui.widgets.document import DocBuilder, Document


def help_document(keymap: dict[str, str]):
    def build(doc: DocBuilder) -> None:
        groups: dict[str, list] = {}
        for action, keys in actions.effective_keys(keymap):
            groups.setdefault(action.group, []).append((action, keys))
        for name, items in groups.items():
            doc.section(name) if doc.blocks else doc.heading(name, "label")
            table = Table.grid(padding=(0, 2))
            table.add_column(min_width=14, no_wrap=True)
            table.add_column(ratio=1)
            for action, keys in items:
                table.add_row(doc.piece(actions.display_keys(keys), "mention"), doc.piece(action.description))
            doc.add(Padding(table, (0, 0, 0, 2)))
        doc.section("Mouse")
        doc.line(doc.piece("  click a row or a link to open it; the wheel scrolls"))
        doc.section("Keymap")
        doc.line(doc.piece("  override keys in keymap.toml in the config dir, e.g. down = \"j,down,ctrl+n\"", "dim"))
    return build


class HelpScreen(ModalScreen[None]):
    COMMANDS = {HelpCommands}
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=True),
                Binding("j,down", "scroll(1)", show=False), Binding("k,up", "scroll(-1)", show=False),
                Binding("pagedown,space", "page(1)", show=False), Binding("pageup", "page(-1)", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 84; height: 90%; border: thick $primary; background: $surface; }
    HelpScreen #help-title { height: 1; background: $primary; color: $background; text-style: bold; }
    /* Notifications would draw over the keys: they wait (with their timeouts) for the reader. */
    HelpScreen Toast { display: none; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(" Keys — esc, q or ? to close", id="help-title", markup=False)
            yield Document(id="help")

    def on_mount(self) -> None:
        document = self.query_one("#help", Document)
        document.show(help_document(self.app.keymap_overrides))
        document.focus()

    def action_page(self, step: int) -> None:
        document = self.query_one("#help", Document)
        document.page_down() if step > 0 else document.page_up()

    def action_scroll(self, step: int) -> None:
        document = self.query_one("#help", Document)
        document.scroll_to(y=document.scroll_offset.y + step, animate=False)
