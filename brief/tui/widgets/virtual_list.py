"""A list of any length drawn line by line: no widget per row, so 100,000 rows cost what
one screenful does. Rows come from a `RowSource` asked only for the rows on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowSource(Protocol):
    def __len__(self) -> int: ...

    def key(self, index: int) -> str: ...

    def row(self, index: int, width: int, styles: Callable[[str], Style]) -> Text: ...


class EmptySource:
    def __len__(self) -> int:
        return 0

    def key(self, index: int) -> str:
        raise IndexError(index)

    def row(self, index: int, width: int, styles: Callable[[str], Style]) -> Text:
        raise IndexError(index)


class VirtualList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--dim", "virtual-list--unread",
                         "virtual-list--accent", "virtual-list--quote"}
    DEFAULT_CSS = """
    VirtualList { scrollbar-gutter: stable; scrollbar-size-vertical: 1; overflow-x: hidden;
        scrollbar-background: $surface; scrollbar-background-hover: $surface;
        scrollbar-background-active: $surface; background: $surface; }
    VirtualList > .virtual-list--cursor { background: $panel; text-style: bold; }
    VirtualList:focus > .virtual-list--cursor { background: $primary-muted; }
    VirtualList > .virtual-list--dim { color: $text-muted; }
    VirtualList > .virtual-list--unread { color: $accent; }
    VirtualList > .virtual-list--accent { color: $secondary; }
    VirtualList > .virtual-list--quote { color: $success; }
    """

    class _RowMessage(Message):
        def __init__(self, vlist: VirtualList, index: int) -> None:
            self.vlist = vlist
            self.index = index
            self.source = vlist.source
            super().__init__()

        @property
        def is_current(self) -> bool:
            """Whether the row is still on the list: a tab switched (or keys queued while busy)
            after the move leaves a highlight of a row the new list may not have."""
            return self.vlist.source is self.source and 0 <= self.index < len(self.source)

    class Highlighted(_RowMessage):
        """The cursor moved to row `index` of `source` (the list may show another source by the
        time this is handled: see `is_current`)."""

    class Selected(_RowMessage):
        """enter on row `index` of `source`."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source: RowSource = EmptySource()
        self.cursor = 0

    def set_source(self, source: RowSource, cursor: int = 0, announce: bool = True) -> None:
        """Show `source` with the cursor on row `cursor`; `announce` posts Highlighted."""
        self.source = source
        self.cursor = max(0, min(cursor, len(source) - 1))
        self.virtual_size = Size(self.size.width, len(source))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._reveal(center=True)
        self.refresh()
        if announce and len(source):
            self.post_message(self.Highlighted(self, self.cursor))

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh())

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"virtual-list--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        base = self.rich_style
        if index >= len(self.source):
            return Strip.blank(width, base)
        text = self.source.row(index, width, self._style)
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        if index == self.cursor:
            text.stylize(self._style("cursor"))
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.adjust_cell_length(width).apply_style(base)

    # Cursor --------------------------------------------------------------------------
    def move_to(self, index: int) -> None:
        if not len(self.source):
            return
        index = max(0, min(index, len(self.source) - 1))
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        self._refresh_row(old)
        self._refresh_row(index)
        self._reveal()
        self.post_message(self.Highlighted(self, index))

    def _refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _reveal(self, center: bool = False) -> None:
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, center=center,
                              immediate=True, force=True)

    @property
    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def cursor_first(self) -> None:
        self.move_to(0)

    def cursor_last(self) -> None:
        self.move_to(len(self.source) - 1)

    def page_down(self) -> None:
        self.move_to(self.cursor + self.page)

    def page_up(self) -> None:
        self.move_to(self.cursor - self.page)

    def select_current(self) -> None:
        if len(self.source):
            self.post_message(self.Selected(self, self.cursor))

    @property
    def current_key(self) -> str | None:
        return self.source.key(self.cursor) if len(self.source) else None

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.source))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y
        if 0 <= index < len(self.source):
            event.stop()
            self.move_to(index)
            self.select_current()
