"""The reader: a Textual app over a Library, loading the briefing in a worker thread."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, TimeoutError
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.message import Message

from brief.config import config_dir
from brief.library import Library
from brief.resources import seeds_dir, themes_dir
from brief.tui import actions
from brief.tui.safe import one_line
from brief.tui.screens.main import MainScreen
from brief.tui.state import corpus_key, load_state, save_state
from brief.tui.themes import DEFAULT_THEME, load_themes

if TYPE_CHECKING:  # not needed to paint the first screen of a cached corpus
    from brief.config import Settings
    from brief.models import Briefing

# How long a re-check of the corpus waits for the cached list to paint before it starts anyway.
PAINT_WAIT = 5.0
# How long the app, once mounted, waits for the cache that is being opened, so that the first frame
# shows the list; a slower cache is shown by the worker when it is open ("Opening…" meanwhile).
OPEN_WAIT = 0.25

Progress = Callable[[str, int, int], None]
# A loader returns the briefing (or library) to show, or None when what is shown is already current.
Loader = Callable[[Progress], "Briefing | Library | None"]
CachedOpener = Callable[[], "Library | None"]


class BriefApp(App[int]):
    TITLE = "brief"
    COMMANDS = set()  # brief's own commands live on its screens (see brief.tui.commands)
    ENABLE_COMMAND_PALETTE = True

    class LoadProgress(Message):
        def __init__(self, stage: str, done: int, total: int) -> None:
            self.stage, self.done, self.total = stage, done, total
            super().__init__()

    class Loaded(Message):
        def __init__(self, library: Library | None, error: str | None = None) -> None:
            self.library, self.error = library, error
            super().__init__()

    class Refreshed(Message):
        """The corpus was checked and what is shown is current (or the check failed)."""

        def __init__(self, error: str | None) -> None:
            self.error = error
            super().__init__()

    def __init__(self, *, settings: Settings | None = None, library: Library | None = None,
                 loader: Loader | None = None, corpus_label: str = "",
                 cached: CachedOpener | None = None, opening: Future | None = None,
                 cache_warnings: list | None = None, state_key: str | None = None,
                 old_state_keys: tuple[str, ...] = ()) -> None:
        """`cached` returns the library kept in the cache (or None) before `loader` checks the
        corpus; `opening`, if given, is that library being opened already (what `cached` returns).
        `cache_warnings`: filled (by the threads that open the cache) with what went wrong with it,
        such as a file that was not a database and was rebuilt. `state_key`: what the place in this
        corpus is kept under (its resolved path; the label if not given), `old_state_keys` what it
        may have been kept under before."""
        super().__init__()
        self._cache_warnings = cache_warnings if cache_warnings is not None else []
        self._announced = 0
        self._warnings_memo: tuple[tuple, list] | None = None
        self._cached = cached
        self._opening = opening
        self.loading_in_background = False
        if settings is None:
            from brief.config import Settings

            settings = Settings()
        self.settings = settings
        self._library = library
        self._loader = loader
        self.corpus_label = one_line(corpus_label)
        self.notices: list[str] = []
        self.state_key = state_key if state_key is not None else self.corpus_label
        self.reader_state, problem = load_state(corpus=self.state_key, old_keys=old_state_keys)
        if problem:
            self.notices.append(problem)
        self.read: set[str] = set(self.reader_state.read)
        themes, problems = load_themes([themes_dir(), config_dir() / "themes"])
        self.notices.extend(problems)
        for theme in themes:
            self.register_theme(theme)
        self.theme_names = [t.name for t in themes] or ["textual-dark", "textual-light"]
        wanted = [self.reader_state.theme, self.settings.theme, DEFAULT_THEME]
        self.theme = next((n for n in wanted if n and n in self.available_themes), self.theme_names[0])
        for name in wanted[:2]:
            if name and name not in self.available_themes:
                self.notices.append(f"Theme '{name}' not found; using '{self.theme}'")
                break
        self.keymap_overrides, keymap_problems = actions.load_keymap(config_dir() / "keymap.toml")
        self.notices.extend(keymap_problems)
        self._save_timer = None
        # Set once a library opened from the cache has painted: the corpus check waits for it.
        self._painted = threading.Event()

    async def on_mount(self) -> None:
        self.set_keymap(self.keymap_overrides)
        opened = self._library is None and self._opened_in_time()
        if self._loader is not None and (self._library is None or opened):
            self._load(self._loader, opened)
        if self._library is not None:
            self._keep(self._library)
            self.call_after_refresh(self._painted.set)
        # The screen shows the library from its first frame, if there is one already.
        await self.push_screen(MainScreen(self._library))
        for notice in self.notices:
            self.notify(notice, markup=False, severity="warning", timeout=8)
        self._announce_cache_warnings()
        if self._library is None and self._loader is not None:
            self.main.show_progress("load", 0, 1)

    def _opened_in_time(self) -> bool:
        """Whether the cache being opened since before the app started is open now (or within
        OPEN_WAIT), with a library: it is then shown by the first frame."""
        if self._opening is None:
            return False
        try:
            library = self._opening.result(OPEN_WAIT)
        except TimeoutError:
            return False
        except Exception:  # the worker reports it  # noqa: BLE001
            return False
        if library is None:
            return False
        self._library = library
        return True

    def _keep(self, library: Library) -> None:
        self._library = library
        # The briefing lives as long as the app: keep its objects out of the cyclic garbage
        # collector's full passes, which at 100,000 articles stall a keystroke for ~1 s.
        gc.freeze()

    def _show_library(self, library: Library) -> None:
        self._keep(library)
        self.main.set_library(library)

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("no main screen")

    @work(thread=True, exclusive=True, group="load")
    def _load(self, loader: Loader, shown: bool = False) -> None:
        def progress(stage: str, done: int, total: int) -> None:
            self.post_message(self.LoadProgress(stage, done, total))

        self.loading_in_background = True
        try:
            self._run_loader(loader, progress, shown)
        finally:
            self.loading_in_background = False

    def _run_loader(self, loader: Loader, progress: Progress, shown: bool = False) -> None:
        """`shown`: the cached library is on screen already (opened before the first frame)."""
        try:
            if self._cached is not None:
                # What was built last time paints at once; the corpus is then checked for changes.
                early = self._cached()  # at once if it was opened before the first frame
                if early is not None and not shown:
                    shown = True
                    self.post_message(self.Loaded(early))
            if shown:
                # Checking the corpus (a stat per file) would slow the first paint down: wait for it.
                self._painted.wait(PAINT_WAIT)
            result = loader(progress)
        except Exception as exc:  # shown in the reader rather than a traceback over the screen
            if shown:
                self.post_message(self.Refreshed(f"Could not check the corpus for changes: {exc}"))
            else:
                self.post_message(self.Loaded(None, f"Could not open the corpus: {exc}"))
            return
        if result is None:
            self.post_message(self.Refreshed(None))
            return
        self.post_message(self.Loaded(result if isinstance(result, Library) else Library(result)))

    def on_brief_app_load_progress(self, message: LoadProgress) -> None:
        self.main.show_progress(message.stage, message.done, message.total)

    def on_brief_app_refreshed(self, message: Refreshed) -> None:
        self.main.hide_progress()
        self._announce_cache_warnings()
        if message.error:
            self.notify(message.error, markup=False, severity="warning", timeout=8)

    def on_brief_app_loaded(self, message: Loaded) -> None:
        if message.library is None:
            self.main.show_failure(message.error or "Could not open the corpus")
            self.notify(message.error or "", markup=False, severity="error", timeout=15)
            return
        self._show_library(message.library)
        self.call_after_refresh(self._painted.set)
        self._announce_cache_warnings()
        warnings = message.library.warnings
        if warnings:
            key = self._key_of("show_warnings")
            self.notify(f"{len(warnings)} file(s) skipped or read with problems; first: "
                        f"{one_line(warnings[0].path)}: {one_line(warnings[0].message)}"
                        + (f" ({key}: all of them)" if key else ""),
                        markup=False, severity="warning", timeout=8)

    # Warnings ------------------------------------------------------------------------
    def load_warnings(self) -> list:
        """Every warning to show, each once: the cache's, then the library's (remembered until
        either changes: the top bar asks on every move)."""
        store = getattr(self._library, "store", None)  # a cached library's store may find a bad file later
        store_warnings = getattr(store, "warnings", None) or []
        library_warnings = self._library.warnings if self._library is not None else []
        key = (id(self._library), len(self._cache_warnings), len(store_warnings), len(library_warnings))
        if self._warnings_memo is None or self._warnings_memo[0] != key:
            seen: set[tuple[str, str]] = set()
            found = []
            for warning in [*self._cache_warnings, *store_warnings, *library_warnings]:
                if (warning.path, warning.message) not in seen:
                    seen.add((warning.path, warning.message))
                    found.append(warning)
            self._warnings_memo = (key, found)
        return self._warnings_memo[1]

    def _announce_cache_warnings(self) -> None:
        """A warning notification for each cache warning not shown yet (a cache that was not
        readable and was rebuilt, say), as `brief export` prints them."""
        warnings = self._cache_warnings
        for warning in warnings[self._announced:]:
            self.notify(f"{one_line(warning.path)}: {one_line(warning.message)}", title="Cache",
                        markup=False, severity="warning", timeout=10)
        if len(warnings) > self._announced:
            self._announced = len(warnings)
            self.main._update_topbar()

    def _key_of(self, action: str) -> str:
        for item, keys in actions.effective_keys(self.keymap_overrides):
            if item.action == action:
                return actions.display_keys(keys).split(" ")[0]
        return ""

    # Themes --------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        if name not in self.available_themes:
            return
        self.theme = name
        self.reader_state.theme = name
        self.save_state()

    def next_theme(self) -> None:
        names = self.theme_names
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.set_theme(names[index % len(names)])
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    # State ---------------------------------------------------------------------------
    def state_changed(self) -> None:
        """Save soon: marking many items read in a row writes the file once."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self.save_state)

    def save_state(self) -> None:
        self.reader_state.read = sorted(self.read)
        try:
            save_state(self.reader_state, corpus=self.state_key)
        except OSError as exc:
            self.notify(f"Could not save the reader state: {exc}", markup=False, severity="warning")

    def on_unmount(self) -> None:
        self._painted.set()
        self.save_state()

    # Export --------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        if self._library is None:
            self.notify("Nothing to export yet", markup=False)
            return
        from brief.export import IncompleteCache, StoredSource, write_export
        from brief.stored_library import StoredLibrary

        library = self._library
        # A cached briefing is written item by item, never put together whole in memory.
        source = (StoredSource(library.store, library.key, library.warnings)
                  if isinstance(library, StoredLibrary) else library.briefing)
        folder = Path.cwd()
        suffix = ".json" if kind == "json" else ".md"
        try:
            path, out = _new_file(folder, "brief-export", suffix)
        except OSError as exc:
            reason = "it is not writable" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
            self.notify(f"Could not export into {folder}: {reason}", markup=False, severity="error")
            return
        try:
            with out:
                write_export(source, kind, out.write)
        except IncompleteCache:
            path.unlink(missing_ok=True)
            self.notify("The cache lost part of this briefing; reopen the corpus to rebuild it, then export again",
                        markup=False, severity="error")
            return
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", markup=False, severity="error")
            return
        self.notify(f"Exported to {path}", markup=False)


def _new_file(folder: Path, stem: str, suffix: str):
    """A file made for writing in `folder`, never one that was there: `stem.suffix`, else
    `stem-2.suffix`, `stem-3.suffix`… Returns (path, open file)."""
    number = 1
    while True:
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            return path, path.open("x", encoding="utf-8")
        except FileExistsError:
            number += 1


def corpus_app(path: Path, settings: Settings, no_cache: bool = False) -> BriefApp:
    """The reader on the corpus at `path`; analysis runs in a worker thread."""

    shown: list[Library] = []
    cache_warnings: list = []  # what went wrong with the cache file (filled by the threads that open it)
    opening = None if no_cache else _open_cached(path, cache_warnings)

    def cached() -> Library | None:
        if opening is None:
            return None
        library = opening.result()
        if library is not None:
            shown.append(library)
        return library

    def loader(progress: Progress) -> Library | None:
        from brief.pipeline import build_briefing, default_store, is_current, refresh_in_child, refresh_library
        from brief.store import Store
        from brief.stored_library import StoredLibrary

        if no_cache:
            return Library(build_briefing(path, settings, store=Store(None), progress=progress))
        # Its own connection: the library on screen keeps reading through the other one.
        store = default_store()
        cache_warnings.extend(store.warnings)
        if shown and is_current(path, settings, store):
            return None  # nothing changed since the library on screen was made
        if store.usable:
            # Rebuilt in a process of its own, so keys never wait on it; the result is in the cache.
            key, changed = refresh_in_child(path, settings, progress=progress)
            if key is not None:
                return StoredLibrary(store, key) if changed or not shown else None
        library, changed = refresh_library(path, settings, store, progress=progress)
        return library if changed or not shown else None

    return BriefApp(settings=settings, loader=loader, cached=cached, opening=opening, corpus_label=corpus_label(path),
                    cache_warnings=cache_warnings, state_key=corpus_key(path), old_state_keys=(str(path),))


def corpus_label(path: Path) -> str:
    """What the top bar calls the corpus: its path as given, the folder's name for `.` or `..`
    (`brief .`), or "sample corpus" for the bundled seeds (whose path is deep in site-packages)."""
    try:
        resolved = path.expanduser().resolve()
        if resolved == seeds_dir().resolve():
            return "sample corpus"
    except (OSError, RuntimeError):
        return str(path)
    if path.name in ("", ".", ".."):  # `.`, `..`, `../..`, `/`
        return resolved.name or str(resolved)
    return str(path)


def _open_cached(path: Path, warnings: list | None = None) -> Future:
    """The library last built for `path`, opened from the cache in a thread of its own from now
    on, while Textual starts: a future of the library, or of None when nothing is cached.
    What went wrong with the cache file (it was not a database and was rebuilt, say) is added
    to `warnings` before the future is done."""
    # Imported here rather than in the thread: a thread importing modules while Textual starts up
    # competes with it for the GIL, and the screen is drawn (empty) while it waits.
    from brief.pipeline import default_store, open_cached
    from brief.stored_library import StoredLibrary  # noqa: F401 - what `open_cached` makes

    future: Future = Future()

    def run() -> None:
        try:
            store = default_store()
            if warnings is not None:
                warnings.extend(store.warnings)
            future.set_result(open_cached(path, store))
        except BaseException as exc:  # raised again where the reader reports it  # noqa: BLE001
            future.set_exception(exc)

    threading.Thread(target=run, name="brief-open-cache", daemon=True).start()
    return future


def run_app(path: Path, settings: Settings, no_cache: bool = False) -> int:
    app = corpus_app(path, settings, no_cache)

    async def run() -> int:
        result = await app.run_async()
        # An unhandled exception in the reader (shown as a traceback once the terminal is back)
        # ends `brief` with failure, not 0: Textual sets the return code and returns no result.
        result = result if isinstance(result, int) else (app.return_code or 0)
        if app.loading_in_background:
            # The reader is closed and the terminal restored, but a re-analysis still runs in a
            # thread that Python would wait for. What it finished is already in the cache (each
            # batch is its own transaction), so leave now; the next start carries on from there.
            from brief.pipeline import stop_children

            stop_children()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(result)
        return result

    return asyncio.run(run())
