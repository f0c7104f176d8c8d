"""A scrollable document of rich text with links, drawn line by line (Textual's Line API).

A view fills a `DocBuilder` with plain-string pieces; pieces that lead somewhere carry a
`Target` in their style's meta, so keys (j/k move between links, enter follows) and mouse
clicks both find it. Styles come from this widget's component classes, so a theme change
only needs a relayout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rich.console import RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from brief.tui.safe import clean

ROLES = ("heading", "title", "label", "dim", "link", "quote", "mention", "match", "focus",
         "diff", "warning", "cursor", "unread")


@dataclass(frozen=True)
class Target:
    """Where a link leads: an item of the library, optionally a span inside an article."""

    kind: str  # story, article, actor, quote, source, url
    id: str
    start: int | None = None
    end: int | None = None


class DocBuilder:
    """Collects the blocks of a document; every string passed in is shown literally."""

    def __init__(self, styles: dict[str, Style]):
        self.styles = styles
        self.blocks: list[RenderableType] = []
        self.targets: list[Target] = []

    def style(self, role: str | tuple[str, ...] | None) -> Style:
        if isinstance(role, tuple):
            return Style.combine(self.styles.get(r, Style()) for r in role)
        return self.styles.get(role or "", Style())

    def piece(self, text: str, role: str | tuple[str, ...] | None = None,
              target: Target | None = None, anchor: bool = False) -> Text:
        """`text` shown literally; a target links it (consecutive pieces with the same
        target, such as a quote cut by a mention, form one link)."""
        style = self.style(role)
        meta = {}
        if target is not None:
            if not self.targets or self.targets[-1] != target:
                self.targets.append(target)
            meta["target"] = len(self.targets) - 1
        if anchor:
            meta["anchor"] = True
        if meta:
            style = style + Style(meta=meta)
        return Text(clean(text), style=style, end="")

    def line(self, *parts: Text | str, indent: int = 0) -> Text:
        """Join pieces (plain strings are shown literally, unstyled) into one paragraph,
        wrapped lines indented by `indent`."""
        text = Text(end="")
        for part in parts:
            text.append_text(part if isinstance(part, Text) else Text(clean(part), end=""))
        self.blocks.append(Padding(text, (0, 0, 0, indent), expand=False) if indent else text)
        return text

    def heading(self, text: str, role: str = "heading") -> None:
        self.blocks.append(self.piece(text, role))

    def section(self, text: str) -> None:
        self.blank()
        self.blocks.append(self.piece(text, "label"))

    def blank(self) -> None:
        if self.blocks:
            self.blocks.append(Text("", end=""))

    def add(self, renderable: RenderableType) -> None:
        self.blocks.append(renderable)

    def add_lazy(self, blocks: Iterable[RenderableType]) -> None:
        """Blocks made only as the document is laid out (an article's paragraphs): a long text
        shows its start at once and the rest follows a slice at a time. Put them last: the
        targets of their pieces are numbered as they are made."""
        self.blocks.append(_Lazy(blocks))


class _Lazy:
    def __init__(self, blocks: Iterable[RenderableType]) -> None:
        self.blocks = blocks


def _flat(blocks: list) -> Iterator[RenderableType]:
    for block in blocks:
        if isinstance(block, _Lazy):
            yield from block.blocks
        else:
            yield block


Build = Callable[[DocBuilder], None]

# A document is laid out a slice at a time: about this many characters (some 30 ms) before the
# event loop gets a turn, so keys are never kept waiting by a long article (a 2 MB text took 8 s
# of CPU laid out whole, on every visit). The first slice is laid out at once; a document smaller
# than it (nearly all of them) is done at once.
SLICE_CHARS = 8000


class Document(ScrollView, can_focus=True):
    """A read-only document; `j`/`k` go from link to link, scrolling where there is none."""

    COMPONENT_CLASSES = {f"document--{role}" for role in ROLES}
    DEFAULT_CSS = """
    Document { scrollbar-gutter: stable; scrollbar-size-vertical: 1; overflow-x: hidden;
        scrollbar-background: $surface; scrollbar-background-hover: $surface;
        scrollbar-background-active: $surface; background: $surface; }
    Document > .document--heading { text-style: bold; color: $primary; }
    Document > .document--title { text-style: bold; }
    Document > .document--label { text-style: bold; color: $secondary; }
    Document > .document--dim { color: $text-muted; }
    Document > .document--link { text-style: underline; }
    Document > .document--quote { color: $success; }
    Document > .document--mention { text-style: bold; color: $accent; }
    Document > .document--match { background: $warning-muted; color: $text; }
    Document > .document--focus { background: $primary-muted; color: $text; }
    Document > .document--diff { text-style: bold underline; color: $warning; }
    Document > .document--warning { color: $warning; }
    Document > .document--unread { color: $accent; }
    Document > .document--cursor { text-style: reverse; }
    """

    class Opened(Message):
        """A link was followed (enter or click)."""

        def __init__(self, document: Document, target: Target) -> None:
            self.document = document
            self.target = target
            super().__init__()


    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._build: Build = lambda doc: None
        self._lines: list[list[Segment]] = []
        self._line_targets: list[frozenset[int]] = []
        self._target_lines: dict[int, int] = {}
        self._anchor_line: int | None = None
        self.targets: list[Target] = []
        self.cursor: int | None = None
        self._layout_key: tuple | None = None
        self._want_cursor: Callable[[Target], bool] | None = None
        self._want_scroll = True
        self._pending: Iterator[RenderableType] | None = None  # blocks not laid out yet
        self._generation = 0

    # Content -------------------------------------------------------------------------
    def show(self, build: Build, cursor_on: Callable[[Target], bool] | None = None) -> None:
        """Replace the document; put the cursor on the first target `cursor_on` accepts,
        else scroll to the anchor (if any), else to the top."""
        self._build = build
        self._want_cursor = cursor_on
        self._want_scroll = True
        self._layout_key = None
        self.cursor = None
        self._relayout()
        self.refresh()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._invalidate())

    def _invalidate(self) -> None:
        self._layout_key = None
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _styles(self) -> dict[str, Style]:
        return {role: self.get_component_rich_style(f"document--{role}", partial=True)
                for role in ROLES}

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _relayout(self) -> None:
        if not self.is_mounted:
            return
        width = self.text_width
        key = (width, self.app.theme)
        if key == self._layout_key:
            return
        self._layout_key = key
        self._generation += 1
        builder = DocBuilder(self._styles())
        self._build(builder)
        self.targets = builder.targets  # grows as lazy blocks are laid out
        self._options = self.app.console.options.update(width=width, min_width=width, max_width=width,
                                                        height=None, highlight=False, markup=False)
        self._lines, self._line_targets = [], []
        self._target_lines, self._anchor_line = {}, None
        self._pending = _flat(builder.blocks)
        self._lay_out(SLICE_CHARS)

    @property
    def laid_out(self) -> bool:
        """Whether the whole document is laid out (a long one is laid out a slice at a time)."""
        return self._pending is None

    def finish_layout(self) -> None:
        """Lay the rest of the document out now."""
        self._relayout()
        if self._pending is not None:
            self._lay_out(None)

    def _lay_out(self, chars: int | None) -> None:
        """Lay out the next blocks, about `chars` characters of them (None: all), then let the
        event loop run before the next slice."""
        pending = self._pending
        if pending is None:
            return
        console, options = self.app.console, self._options
        lines, line_targets, target_lines = self._lines, self._line_targets, self._target_lines
        done = 0
        for block in pending:
            first = len(lines)
            lines.extend(console.render_lines(block, options, pad=False, new_lines=False))
            for number in range(first, len(lines)):
                found = set()
                for segment in lines[number]:
                    style = segment.style
                    if style is not None and style._meta:
                        meta = style.meta
                        if "target" in meta:
                            found.add(meta["target"])
                            target_lines.setdefault(meta["target"], number)
                        if meta.get("anchor") and self._anchor_line is None:
                            self._anchor_line = number
                line_targets.append(frozenset(found))
            done += len(block) if isinstance(block, Text) else 200
            if chars is not None and done >= chars:
                break
        else:
            self._pending = None
        self.virtual_size = Size(self.text_width, len(lines))
        if self.cursor is not None and self.cursor >= len(self.targets):
            self.cursor = None
        if self._want_scroll and (self._pending is None or self._scroll_target_found()):
            self._want_scroll = False
            self._initial_scroll()
        if self._pending is not None:
            generation = self._generation
            self.set_timer(0.001, lambda: self._next_slice(generation))
        self.refresh()

    def _next_slice(self, generation: int) -> None:
        if generation == self._generation and self.is_mounted:
            self._lay_out(SLICE_CHARS)

    def _scroll_target_found(self) -> bool:
        """Whether what the first scroll goes to (the cursor's link, else the anchor) is laid out."""
        if self._want_cursor is not None:
            return any(self._want_cursor(target) for index, target in enumerate(self.targets)
                       if index in self._target_lines)
        return self._anchor_line is not None

    def _initial_scroll(self) -> None:
        if self._want_cursor is not None:
            for index, target in enumerate(self.targets):
                if self._want_cursor(target):
                    self.cursor = index
                    self._scroll_to_line(self._target_lines.get(index, 0), center=True)
                    return
        if self._anchor_line is not None:
            self._scroll_to_line(self._anchor_line, center=True)
        else:
            self.scroll_to(0, 0, animate=False, immediate=True)

    def _scroll_to_line(self, line: int, center: bool = False) -> None:
        self.scroll_to_region(Region(0, line, 1, 1), animate=False, center=center,
                              immediate=True, force=True)

    # Drawing -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        if self._layout_key != (self.text_width, self.app.theme):
            self._relayout()
        width = self.scrollable_content_region.width
        number = int(self.scroll_offset.y) + y
        base = self.rich_style
        if number >= len(self._lines):
            return Strip.blank(width, base)
        segments = self._lines[number]
        if self.cursor is not None and self.cursor in self._line_targets[number]:
            cursor_style = self.get_component_rich_style("document--cursor", partial=True)
            segments = [
                Segment(s.text, (s.style or Style()) + cursor_style)
                if s.style is not None and s.style._meta and s.style.meta.get("target") == self.cursor
                else s
                for s in segments
            ]
        return Strip(segments).adjust_cell_length(width).apply_style(base)

    # Keys ----------------------------------------------------------------------------
    @property
    def current_target(self) -> Target | None:
        return self.targets[self.cursor] if self.cursor is not None else None

    def _visible(self) -> tuple[int, int]:
        top = int(self.scroll_offset.y)
        return top, top + max(1, self.scrollable_content_region.height) - 1

    def cursor_down(self) -> None:
        top, bottom = self._visible()
        after = self.cursor if self.cursor is not None and self._target_lines.get(self.cursor, -1) >= top else None
        following = [i for i in range(len(self.targets))
                     if (after is None or i > after) and self._target_lines.get(i, -1) >= top]
        if following and self._target_lines[following[0]] <= bottom:
            self._move_cursor(following[0])
        elif self.scroll_offset.y < self.max_scroll_y:
            self.scroll_to(y=self.scroll_offset.y + 1, animate=False, immediate=True)
            if self.cursor is not None and self._target_lines.get(self.cursor, 0) < top + 1:
                self.cursor = None
        elif following:
            self._move_cursor(following[0])

    def cursor_up(self) -> None:
        top, bottom = self._visible()
        before = self.cursor if self.cursor is not None and self._target_lines.get(self.cursor, 10**9) <= bottom else None
        preceding = [i for i in range(len(self.targets))
                     if (before is None or i < before) and self._target_lines.get(i, 10**9) <= bottom]
        if preceding and self._target_lines[preceding[-1]] >= top:
            self._move_cursor(preceding[-1])
        elif self.scroll_offset.y > 0:
            self.scroll_to(y=self.scroll_offset.y - 1, animate=False, immediate=True)
            if self.cursor is not None and self._target_lines.get(self.cursor, 0) > bottom - 1:
                self.cursor = None
        elif preceding:
            self._move_cursor(preceding[-1])

    def _move_cursor(self, index: int) -> None:
        self.cursor = index
        self._scroll_to_line(self._target_lines.get(index, 0))
        self.refresh()

    def cursor_first(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = None
        self.refresh()

    def cursor_last(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.cursor = None
        self.refresh()

    def page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def open_current(self) -> bool:
        target = self.current_target
        if target is None:
            return False
        self.post_message(self.Opened(self, target))
        return True

    # Mouse ---------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta if event.style else {}
        index = meta.get("target")
        if isinstance(index, int) and 0 <= index < len(self.targets):
            event.stop()
            self.cursor = index
            self.refresh()
            self.post_message(self.Opened(self, self.targets[index]))

    def plain_lines(self) -> list[str]:
        """The laid-out text (all of it), for tests and screen readers of the scrollback."""
        self.finish_layout()
        return ["".join(s.text for s in line) for line in self._lines]
