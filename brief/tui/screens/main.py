"""The reader's screen: lists on the left, the item in the middle, its context on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, ProgressBar, Static
from textual.widgets._footer import FooterKey

from brief.tui import actions
from brief.tui.rows import rows_for
from brief.tui.safe import one_line
from brief.tui.state import TABS
from brief.tui.widgets.document import Document, Target
from brief.tui.widgets.virtual_list import VirtualList
from brief.wording import counted

# The views (and the models and pydantic behind them), the palette's commands, search and the web
# browser are imported when first used: the first screen of a cached corpus needs none of them.
if TYPE_CHECKING:
    from textual.command import Provider

    from brief.library import Library
    from brief.tui.views import ViewContext

WIDE = 100  # columns from which the three panes show side by side
SMALL = 80  # columns under which the footer shows only the keys that matter most
TAB_LABELS = {"stories": "Stories", "articles": "Articles", "actors": "Actors",
              "quotes": "Quotes", "sources": "Sources"}
PANES = ("list", "middle", "context")


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address with a host, else None: nothing else is opened."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


class TabBar(Widget):
    """The list tabs, `1 Stories  2 Articles …`; a click switches."""

    DEFAULT_CSS = """
    TabBar { height: 1; background: $panel; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.active = "stories"

    def _labels(self) -> list[tuple[str, str]]:
        """The longest labels that fit: names, short names, numbers."""
        styles = (
            lambda tab, n: f" {n} {TAB_LABELS[tab]}",
            lambda tab, n: f" {n} {TAB_LABELS[tab]} " if tab == self.active else f" {n} {TAB_LABELS[tab][:3]}",
            lambda tab, n: f" {n} {TAB_LABELS[tab][:3]} " if tab == self.active else f" {n}",
        )
        for style in styles:
            labels = [(tab, style(tab, n)) for n, tab in enumerate(TABS, 1)]
            if sum(len(label) for _, label in labels) <= self.size.width:
                return labels
        return [(tab, str(n)) for n, tab in enumerate(TABS, 1)]

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for tab, label in self._labels():
            text.append(label, "reverse bold" if tab == self.active else "")
        return text

    def on_click(self, event: events.Click) -> None:
        x = 0
        for tab, label in self._labels():
            if x <= event.x < x + len(label):
                self.screen.action_tab(tab)
                return
            x += len(label)


class BriefFooter(Footer):
    """The footer; when the screen is small it shows the keys that matter most (help and quit
    always), so that none is cut off."""

    small = reactive(False, recompose=True)
    ESSENTIAL = frozenset({"open", "back", "search", "help", "app.quit"})

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        if self.small:
            keys = [key for key in keys
                    if isinstance(key, FooterKey) and key.action in self.ESSENTIAL
                    and not key.has_class("-command-palette")]
            self.styles.grid_size_columns = max(1, len(keys))
        yield from keys


def _reader_commands() -> type[Provider]:
    from brief.tui.commands import ReaderCommands

    return ReaderCommands


class MainScreen(Screen):
    COMMANDS = {_reader_commands}
    BINDINGS = actions.bindings()
    DEFAULT_CSS = """
    MainScreen { layout: vertical; }
    #topbar { height: 1; background: $panel; color: $foreground; }
    #loading { height: auto; padding: 1 2; display: none; }
    #loading.-active { display: block; }
    #panes { height: 1fr; }
    #left { width: 34%; min-width: 37; }
    #list { height: 1fr; }
    #middle { width: 1fr; }
    #context { width: 28%; min-width: 24; }
    #left, #middle, #context { border-left: tall $panel; }
    #left:focus-within, #middle:focus, #context:focus { border-left: tall $primary; }
    MainScreen.-narrow #left, MainScreen.-narrow #middle, MainScreen.-narrow #context {
        display: none; width: 1fr; min-width: 0;
    }
    MainScreen.-narrow #left.-shown, MainScreen.-narrow #middle.-shown,
    MainScreen.-narrow #context.-shown { display: block; }
    MainScreen.-narrow #left, MainScreen.-narrow #middle, MainScreen.-narrow #context { border-left: none; }
    MainScreen.-narrow #tabs { display: none; }
    MainScreen.-narrow #tabs.-shown { display: block; }
    #search { dock: bottom; display: none; height: 3; }
    #search.-active { display: block; }
    """

    def __init__(self, library: Library | None = None) -> None:
        """`library`: shown from the first frame (else given later to `set_library`)."""
        super().__init__()
        self._initial = library
        self.library: Library | None = None
        self.tab = "stories"
        self.place: Target | None = None
        self.history: list[Target] = []
        self.matches: list[Target] = []
        self.match_index = -1
        self.search_query = ""
        self.pane = "list"  # the pane shown when narrow
        self.status = ""
        self._palette_items = None

    def compose(self) -> ComposeResult:
        yield Static(id="topbar", markup=False)
        with Vertical(id="loading"):
            yield Static("Opening…", id="loading-label", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
        # Above the panes, so that the list names have the screen's width (the list pane's is
        # too small for them when wide); when narrow it goes with the list.
        yield TabBar(id="tabs")
        with Horizontal(id="panes"):
            with Vertical(id="left", classes="-shown"):
                yield VirtualList(id="list")
            yield Document(id="middle")
            yield Document(id="context")
        yield BriefFooter()  # the search box goes above it when first opened

    @property
    def vlist(self) -> VirtualList:
        return self.query_one("#list", VirtualList)

    @property
    def middle(self) -> Document:
        return self.query_one("#middle", Document)

    @property
    def context(self) -> Document:
        return self.query_one("#context", Document)

    def on_mount(self) -> None:
        self._update_layout(self.app.size.width)
        self.vlist.focus()
        self._update_topbar()
        if self._initial is not None:
            library, self._initial = self._initial, None
            self.set_library(library)

    def on_resize(self, event: events.Resize) -> None:
        self._update_layout(event.size.width)

    # Layout --------------------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def _update_layout(self, width: int) -> None:
        self.set_class(width < WIDE, "-narrow")
        for footer in self.query(BriefFooter):
            footer.small = width < SMALL
        self._show_pane(self.pane)
        self._update_topbar()

    def _pane_widget(self, pane: str) -> Widget:
        return {"list": self.vlist, "middle": self.middle, "context": self.context}[pane]

    def _show_pane(self, pane: str, focus: bool = False) -> None:
        changed = pane != self.pane
        self.pane = pane
        self.query_one("#left").set_class(pane == "list", "-shown")
        self.query_one(TabBar).set_class(pane == "list", "-shown")
        self.middle.set_class(pane == "middle", "-shown")
        self.context.set_class(pane == "context", "-shown")
        if focus:
            widget = self._pane_widget(pane)
            widget.focus()
        if changed and self.is_mounted:
            self._update_topbar()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for pane in PANES:
            if event.widget is self._pane_widget(pane) and pane != self.pane:
                self._show_pane(pane)

    # Loading -------------------------------------------------------------------------
    def show_progress(self, stage: str, done: int, total: int) -> None:
        names = {"load": "Reading articles", "analyse": "Analysing", "assemble": "Linking stories"}
        self.query_one("#loading").add_class("-active")
        self.query_one("#loading-label", Static).update(Text(f"{names.get(stage, stage)} {done}/{total}"))
        self.query_one("#progress", ProgressBar).update(total=max(total, 1), progress=done)

    def hide_progress(self) -> None:
        if self.library is not None:
            self.query_one("#loading").remove_class("-active")

    def show_failure(self, message: str) -> None:
        self.query_one("#loading").add_class("-active")
        self.query_one("#loading-label", Static).update(Text(message))
        self.query_one("#progress").display = False

    def palette_items(self) -> list[tuple[str, str, Target, str]]:
        """Stories and actors by name for the command palette (label, name, target, folded
        for matching), made once per library."""
        if self.library is None:
            return []
        if self._palette_items is None:
            items = []
            for label, kind, rows, name in (("Open story: ", "story", self.library.story_rows, "title"),
                                            ("Open actor: ", "actor", self.library.actor_rows, "name")):
                for row in rows:
                    text = one_line(getattr(row, name))
                    items.append((label, text, Target(kind, row.id), (label + text).casefold()))
            self._palette_items = items
        return self._palette_items

    def set_library(self, library: Library) -> None:
        self.library = library
        self._palette_items: list[tuple[str, str, Target, str]] | None = None
        self.query_one("#loading").remove_class("-active")
        state = self.app.reader_state
        tab = state.tab if state.tab in TABS else "stories"
        saved = state.place  # taken before the list's preview replaces it
        self.action_tab(tab, restore=state.selected.get(tab), first=True)
        if saved:
            # after the list's own preview (which runs once the list has painted) replaces the place;
            # looked up only then: reading the item would hold the first paint up
            def restore_place() -> None:
                last = self._saved_place(saved)
                if last is not None and last != self.place:
                    self.show_place(last)

            self.call_after_refresh(restore_place)

    def _saved_place(self, saved: dict | None) -> Target | None:
        """The place kept in the state file, if it is still in the library."""
        if not saved or self.library is None:
            return None
        try:
            place = Target(str(saved["kind"]), str(saved["id"]), saved.get("start"), saved.get("end"))
        except (KeyError, TypeError):
            return None
        lookup = {"story": self.library.story, "article": self.library.article, "actor": self.library.actor,
                  "quote": self.library.quote, "source": self.library.source}.get(place.kind)
        if lookup is None or lookup(place.id) is None:
            return None
        if not all(isinstance(x, int) or x is None for x in (place.start, place.end)):
            place = Target(place.kind, place.id)
        return place

    # Places --------------------------------------------------------------------------
    def _ctx(self) -> ViewContext:
        from brief.tui.views import ViewContext

        return ViewContext(query=self.search_query, read=self.app.read)

    def show_place(self, place: Target, push: bool = False, reset: bool = False) -> None:
        if self.library is None:
            return
        if reset:
            self.history.clear()
        elif push and self.place is not None and self.place != place:
            self.history.append(self.place)
        self.place = place
        self.app.reader_state.place = {"kind": place.kind, "id": place.id, "start": place.start, "end": place.end}
        from brief.tui.views import context_view, main_view

        build, cursor_on = main_view(self.library, place, self._ctx())
        self.middle.show(build, cursor_on)
        self.context.show(context_view(self.library, place, self._ctx()))
        self._update_topbar()

    def mark_read(self, place: Target) -> None:
        if place.kind in ("story", "article") and place.id not in self.app.read:
            self.app.read.add(place.id)
            self.app.state_changed()
            self.vlist.refresh()

    def _list_place(self, index: int) -> Target:
        source = self.vlist.source
        return Target(source.kind, source.key(index))

    @on(VirtualList.Highlighted)
    def _preview(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        if not event.is_current:  # from a list shown before (a tab key handled first)
            return
        self.end_search(redraw=False)  # moving in a list leaves the search
        self._preview_row(event.index)

    def _preview_row(self, index: int) -> None:
        place = self._list_place(index)
        self.app.reader_state.selected[self.tab] = place.id
        self.app.reader_state.positions[self.tab] = index
        self.show_place(place, reset=True)

    @on(VirtualList.Selected)
    def _open_from_list(self, event: VirtualList.Selected) -> None:
        event.stop()
        if not event.is_current:
            return
        place = self._list_place(event.index)
        if place != self.place:
            self.show_place(place, reset=True)
        self.mark_read(place)
        self._show_pane("middle", focus=True)

    @on(Document.Opened)
    def _follow(self, event: Document.Opened) -> None:
        event.stop()
        self.follow(event.target)

    def follow(self, target: Target) -> None:
        if target.kind == "url":
            self._open_url(target.id)
            return
        self.show_place(target, push=True)
        self.mark_read(target)
        if self.narrow or self.focused is not self.middle:
            self._show_pane("middle", focus=True)

    # Actions (ids, keys and descriptions are in brief.tui.actions) ---------------------
    def _focused_pane(self) -> Widget | None:
        focused = self.focused
        return focused if isinstance(focused, (VirtualList, Document)) else None

    def action_cursor_down(self) -> None:
        if pane := self._focused_pane():
            pane.cursor_down()

    def action_cursor_up(self) -> None:
        if pane := self._focused_pane():
            pane.cursor_up()

    def action_cursor_first(self) -> None:
        if pane := self._focused_pane():
            pane.cursor_first()

    def action_cursor_last(self) -> None:
        if pane := self._focused_pane():
            pane.cursor_last()

    def action_page_down(self) -> None:
        if pane := self._focused_pane():
            pane.page_down()

    def action_page_up(self) -> None:
        if pane := self._focused_pane():
            pane.page_up()

    def action_open(self) -> None:
        pane = self._focused_pane()
        if isinstance(pane, VirtualList):
            pane.select_current()
        elif isinstance(pane, Document):
            pane.open_current()

    def action_back(self) -> None:
        if self.end_search():  # esc first ends a search, where it is
            return
        if self.history:
            self.show_place(self.history.pop())
            if self.narrow and self.pane != "middle":
                self._show_pane("middle", focus=True)
        elif self.pane != "list":
            self._show_pane("list", focus=True)

    def _cycle_pane(self, step: int) -> None:
        index = (PANES.index(self.pane) + step) % len(PANES)
        self._show_pane(PANES[index], focus=True)

    def action_next_pane(self) -> None:
        self._cycle_pane(1)

    def action_previous_pane(self) -> None:
        self._cycle_pane(-1)

    def action_tab(self, tab: str, restore: str | None = None, first: bool = False) -> None:
        if tab not in TABS:
            return
        if not first:
            self.end_search(redraw=False)  # a new list leaves the search
        self.tab = tab
        self.app.reader_state.tab = tab
        self.query_one(TabBar).active = tab
        self.query_one(TabBar).refresh()
        if self.library is None:
            return
        source = rows_for(tab, self.library, self.app.read)
        wanted = restore if restore is not None else self.app.reader_state.selected.get(tab)
        cursor = 0
        if wanted is not None:
            cursor = _find_row(source, wanted, self.app.reader_state.positions.get(tab, -1))
        self.vlist.set_source(source, cursor, announce=False)
        if len(source) and first:
            # The list paints first; the selected row's detail (a big story reads hundreds of items)
            # follows right after, so opening a corpus shows its list without waiting for it.
            index = self.vlist.cursor
            self.call_after_refresh(lambda: self._preview_row(index) if self.vlist.source is source else None)
        elif len(source):
            self._preview_row(self.vlist.cursor)
        else:
            if not len(self.library.article_rows):
                message = f"No articles were found in {self.app.corpus_label or 'this corpus'}."
            else:
                message = f"No {tab} in this corpus yet."
            self.place = None
            self.history.clear()
            self.middle.show(lambda doc: doc.line(doc.piece(message, "dim")))
            self.context.show(lambda doc: None)
        self._show_pane("list", focus=True)

    async def action_search(self) -> None:
        from brief.tui.search_box import SearchInput

        boxes = self.query("#search").results(SearchInput)
        box = next(boxes, None)
        if box is None:  # made on first use: the first screen has no need of it
            box = SearchInput(placeholder="Search articles, actors and quotes (enter: go, esc: cancel)", id="search")
            await self.mount(box, before=self.query_one(Footer))
        box.add_class("-active")
        box.value = self.search_query
        box.focus()

    def close_search(self) -> None:
        box = self.query_one("#search")
        box.remove_class("-active")
        self._show_pane(self.pane, focus=True)

    def cancel_search(self) -> None:
        """esc in the search box: no new search, and the one before is over."""
        self.close_search()
        self.end_search()

    def end_search(self, redraw: bool = True) -> bool:
        """Forget the search (its matches, highlights and status in the top bar); whether there
        was one."""
        if not (self.search_query or self.matches or self.status):
            return False
        self.search_query, self.matches, self.match_index, self.status = "", [], -1, ""
        if redraw and self.place is not None:
            self.show_place(self.place)  # without the highlights; updates the top bar
        else:
            self._update_topbar()
        return True

    def search_submitted(self, value: str) -> None:
        """The search box's enter (see brief.tui.search_box)."""
        self.search_query = value.strip()
        self.close_search()
        if self.library is not None and self.search_query:
            self.status = f"searching “{self.search_query}”…"
            self._update_topbar()
            self._run_search(self.library, self.search_query)
        else:  # an empty search clears the matches and their highlights
            self.matches, self.status = [], ""
            if self.place is not None:
                self.show_place(self.place)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, library: Library, query: str) -> None:
        from brief.tui.search import search

        found = search(library, query)
        self.app.call_from_thread(self._search_done, query, found)

    def _search_done(self, query: str, found: list[Target]) -> None:
        if query != self.search_query:
            return
        self.matches = found
        self.match_index = -1
        if not found:
            self.status = f"no match for “{query}”"
            self._update_topbar()
            self.notify(f"No match for “{query}”", markup=False, severity="warning")
            return
        self.action_next_match()

    def _go_to_match(self, step: int) -> None:
        if not self.matches:
            self.notify("No search yet: press / to search", markup=False)
            return
        self.match_index = (self.match_index + step) % len(self.matches)
        self.status = f"“{self.search_query}” {self.match_index + 1}/{len(self.matches)}"
        self.show_place(self.matches[self.match_index], push=True)
        self._show_pane("middle", focus=True)

    def action_next_match(self) -> None:
        self._go_to_match(1)

    def action_previous_match(self) -> None:
        self._go_to_match(-1)

    def action_toggle_read(self) -> None:
        place = self.place
        if place is None or place.kind not in ("story", "article"):
            return
        if place.id in self.app.read:
            self.app.read.discard(place.id)
        else:
            self.app.read.add(place.id)
        self.app.state_changed()
        self.vlist.refresh()

    def action_open_url(self) -> None:
        url = None
        pane = self._focused_pane()
        target = pane.current_target if isinstance(pane, Document) else None
        if target is None or target.kind not in ("url", "article"):
            target = self.place
        if target is not None and target.kind == "url":
            url = target.id
        elif target is not None and target.kind == "article" and self.library:
            article = self.library.article(target.id)
            url = article.url if article else None
        if not url:
            self.notify("No web address here", markup=False)
            return
        self._open_url(url)

    def _open_url(self, url: str) -> None:
        safe = safe_url(url)
        if safe is None:
            self.notify("Only http and https addresses are opened", markup=False, severity="warning")
            return
        import webbrowser

        try:
            opened = webbrowser.open(safe)
        except Exception:  # a broken browser setting must not end the reader  # noqa: BLE001
            opened = False
        if not opened:  # no browser here (a server, a bare terminal): say where it leads
            self.notify(f"No web browser to open it with: {one_line(safe)}", title="Web address",
                        markup=False, severity="warning", timeout=15)

    def action_next_theme(self) -> None:
        self.app.next_theme()

    def action_show_warnings(self) -> None:
        from brief.tui.screens.warnings import WarningsScreen

        self.app.push_screen(WarningsScreen(self.app.load_warnings()))

    def action_help(self) -> None:
        from brief.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    # Top bar -------------------------------------------------------------------------
    def _update_topbar(self) -> None:
        text = Text(" brief ", style="bold reverse", end="")
        if self.narrow:
            # One pane at a time: say which, and that tab moves on.
            text.append(" ")
            for pane, label in zip(PANES, ("list", "item", "context")):
                text.append(f" {label} ", "reverse" if pane == self.pane else "dim")
        text.append(f" {self.app.corpus_label}", style="")
        warnings = self.app.load_warnings()
        if warnings:
            text.append(f"  ⚠ {counted(len(warnings), 'warning')}")
        if self.status:
            text.append(f"  {self.status}")
        self.query_one("#topbar", Static).update(text)


RESTORE_WINDOW = 2000  # rows either side of its old position where a selected row is looked for


def _find_row(source, wanted: str, hint: int) -> int:
    """The row whose key is `wanted`: at its saved position, or near it (a rebuilt list moves rows
    a little), else the first row. Never the whole list: at 500,000 rows (quotes of 100,000 articles)
    that read every chunk and held the first paint up for seconds, when the row was not there at all
    (a selection saved on another corpus)."""
    count = len(source)
    if 0 <= hint < count and source.key(hint) == wanted:
        return hint
    centre = hint if 0 <= hint < count else 0
    for i in range(max(0, centre - RESTORE_WINDOW), min(count, centre + RESTORE_WINDOW + 1)):
        if source.key(i) == wanted:
            return i
    return 0
