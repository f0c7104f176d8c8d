"""`?`: every key, generated from the action registry with the user's keymap applied."""

from __future__ import annotations

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
        group = None
        for action, keys in actions.effective_keys(keymap):
            if action.group != group:
                group = action.group
                doc.section(group) if doc.blocks else doc.heading(group, "label")
            doc.line(doc.piece(f"  {actions.display_keys(keys):<16}", "mention"), doc.piece(action.description))
        doc.section("Mouse")
        doc.line(doc.piece("  click a row or a link to open it; the wheel scrolls"))
        doc.section("Keymap")
        doc.line(doc.piece("  override keys in keymap.toml in the config dir, e.g. down = \"j,down,ctrl+n\"", "dim"))
    return build


class HelpScreen(ModalScreen[None]):
    COMMANDS = {HelpCommands}
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=True),
                Binding("j,down", "scroll(1)", show=False), Binding("k,up", "scroll(-1)", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 84; height: 90%; border: thick $primary; background: $surface; }
    HelpScreen #help-title { height: 1; background: $primary; color: $background; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(" Keys — esc, q or ? to close", id="help-title", markup=False)
            yield Document(id="help")

    def on_mount(self) -> None:
        document = self.query_one("#help", Document)
        document.show(help_document(self.app.keymap_overrides))
        document.focus()

    def action_scroll(self, step: int) -> None:
        document = self.query_one("#help", Document)
        document.scroll_to(y=document.scroll_offset.y + step, animate=False)
