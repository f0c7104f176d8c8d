"""`w`: every warning met while loading the corpus and opening the cache, path and message
shown literally (file names and messages may hold anything)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from brief.tui.screens.help import HelpScreen
from brief.tui.widgets.document import DocBuilder, Document
from brief.wording import counted


def warnings_document(warnings: Sequence):
    def build(doc: DocBuilder) -> None:
        if not warnings:
            doc.line(doc.piece("No warnings: every file was read without problems.", "dim"))
            return
        for warning in warnings:
            doc.line(doc.piece(warning.path, "label"))
            doc.line(doc.piece(warning.message), indent=2)
    return build


class WarningsScreen(ModalScreen[None]):
    """A scrollable list of warnings (the help screen's frame and keys); esc closes it."""

    BINDINGS = [Binding("escape,q,w", "dismiss", "Close", show=True), *HelpScreen.BINDINGS[1:]]
    DEFAULT_CSS = HelpScreen.DEFAULT_CSS.replace("HelpScreen", "WarningsScreen")
    action_page = HelpScreen.action_page
    action_scroll = HelpScreen.action_scroll

    def __init__(self, warnings: Sequence) -> None:
        super().__init__()
        self.warnings = list(warnings)

    def compose(self) -> ComposeResult:
        with Vertical():
            title = f" {counted(len(self.warnings), 'warning')} — esc to close"
            yield Static(title, id="help-title", markup=False)
            yield Document(id="help")

    def on_mount(self) -> None:
        document = self.query_one("#help", Document)
        document.show(warnings_document(self.warnings))
        document.focus()
