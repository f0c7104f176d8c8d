"""The `/` search box, made the first time it is opened (Input is not needed to paint a list)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def action_cancel(self) -> None:
        self.screen.cancel_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.search_submitted(event.value)
