"""load -> analyse -> assemble, with the cache between each step and progress callbacks.

Slow NLP imports (sumy, numpy) happen only inside the analysis modules, which are imported
here lazily: opening a corpus whose briefing is cached never pays for them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from brief import ENGINE_VERSION, LINK_VERSION
from brief.config import Settings, cache_dir
from brief.store import Store, pack_plain, unpack, unpack_plain

if TYPE_CHECKING:  # the models (and pydantic) load when something is analysed or built, not to open a cache
    from brief.models import Article, Briefing

# progress(stage, done, total); stages: "load", "analyse", "assemble"
Progress = Callable[[str, int, int], None]

_BATCH = 64
_PARALLEL_FROM = 96  # below this many articles a process pool costs more than it saves


def default_store() -> Store:
    return Store(cache_dir() / "cache.sqlite3")


def _briefing_key(keys: list[str], articles: list[Article]) -> str:
    digest = hashlib.sha256(f"{ENGINE_VERSION}|{LINK_VERSION}".encode())
    for key, article in zip(keys, articles):
        digest.update(key.encode())
        # Metadata does not change the analysis but does change the briefing (sources, dates, paths).
        digest.update(f"{article.source}|{article.published}|{article.path}|{article.url}".encode())
    return digest.hexdigest()


def spawn_context():
    """multiprocessing's "spawn" context, made usable under the reader.

    Spawning needs multiprocessing's resource tracker, which is started with the process's stderr;
    under Textual, stderr is a print capture whose file descriptor is -1, and starting the tracker
    then fails ("bad value(s) in fds_to_keep"): the reader could not analyse a corpus of more than
    a few dozen articles. The tracker is started here with stderr on /dev/null (its only output is
    warnings, which must not land on the reader's screen)."""
    import multiprocessing
    import sys
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if not usable:
        saved = sys.stderr
        with open(os.devnull, "w", encoding="utf-8") as quiet:
            sys.stderr = quiet
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = saved
    return multiprocessing.get_context("spawn")


def _one_thread_each() -> None:
    """In each analysis worker, before numpy loads: the workers already fill the cores, and BLAS
    threads of their own only fight them (seen stalling a summary for milliseconds on two cores)."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _analyse(pending: list[Article], keys: list[str], settings: Settings, store: Store,
             progress: Progress | None, workers: int, full: bool) -> dict[str, object]:
    """Analyse `pending` (cache keys `keys`), storing each batch in the cache as soon as it is done.

    Batches go to the cache one transaction each, so an interrupted cold build keeps what it did.
    Returns digests by key, or with `full` the whole analyses (a corpus not kept in the cache).
    """
    from brief.analysis.digest import ArticleDigest
    from brief.analysis.worker import analyse_packed
    from brief.models import ArticleAnalysis

    total = len(pending)
    if progress:
        progress("analyse", 0, total)  # starting the workers takes seconds: say what is under way
    done: dict[str, object] = {}
    texts = {k: a.text for k, a in zip(keys, pending)}

    def take(batch_keys: list[str], packed: list[tuple[bytes, bytes]]) -> None:
        store.put_packed("analyses", [(k, p[0]) for k, p in zip(batch_keys, packed)])
        store.put_packed("digests", [(k, p[1]) for k, p in zip(batch_keys, packed)])
        for key, (analysis, digest) in zip(batch_keys, packed):
            if full:
                done[key] = unpack(analysis, ArticleAnalysis)
            else:
                done[key] = ArticleDigest.from_plain(unpack_plain(digest), texts[key])
        if progress:
            progress("analyse", len(done), total)

    if workers <= 1 or total < _PARALLEL_FROM:
        step = 16
        for i in range(0, total, step):
            take(keys[i:i + step], analyse_packed(pending[i:i + step], settings))
        return done
    # Small enough batches that both workers stay busy to the end and progress moves often.
    size = max(8, min(_BATCH, total // (workers * 8) or 1))
    starts = range(0, total, size)
    # not imported on the path that only opens a cache
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # spawn, not fork: the reader builds from a worker thread, and forking a threaded process can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn_context(),
                             initializer=_one_thread_each) as pool:
        futures = {pool.submit(analyse_packed, pending[i:i + size], settings): i for i in starts}
        for future in as_completed(futures):
            # popped, so the batch's results (~10 KB an article) are freed once stored, not held to the end
            i = futures.pop(future)
            take(keys[i:i + size], future.result())
    return done


def _cached(store: Store, keys: list[str], articles: list[Article], full: bool) -> dict[str, object]:
    """Cached digests (or, with `full`, analyses) by key. A digest missing beside its analysis (a cache
    from before digests, or a damaged entry) is made again from the analysis and kept."""
    from brief.models import ArticleAnalysis

    if full:
        return dict(store.get_analyses(keys, ArticleAnalysis))
    from brief.analysis.digest import ArticleDigest, digest_of

    texts = {k: a.text for k, a in zip(keys, articles)}
    found: dict[str, object] = {}
    for key, plain in store.iter_digests(keys):  # each decoded as read: never all plain and all made at once
        digest = ArticleDigest.from_plain(plain, texts[key])
        if digest is not None:
            found[key] = digest
    lacking = [k for k in keys if k not in found]
    for i in range(0, len(lacking), 512):
        analyses = store.get_analyses(lacking[i:i + 512], ArticleAnalysis)
        made = {k: digest_of(a, texts[k]) for k, a in analyses.items()}
        store.put_packed("digests", [(k, pack_plain(d.to_plain())) for k, d in made.items()])
        found.update(made)
    return found


def build_briefing(path: Path, settings: Settings, store: Store | None = None,
                   progress: Progress | None = None, workers: int | None = None) -> Briefing:
    """Everything brief knows about the corpus at `path`, analyses included, in memory; cached work
    is reused, never redone."""
    return _build(path, settings, store, progress, workers, keep_analyses=True)[0]


def _build(path: Path, settings: Settings, store: Store | None,
           progress: Progress | None, workers: int | None, keep_analyses: bool = False) -> tuple[Briefing | None, str]:
    """(briefing, its cache key). Without `keep_analyses` the briefing may be None when it is already
    in the cache, and a built one does not hold the analyses if the cache keeps them."""
    from brief.corpus import load_corpus

    store = store if store is not None else default_store()
    workers = workers or settings.workers or os.cpu_count() or 1

    def load_progress(done: int, total: int) -> None:
        if progress:
            progress("load", done, total)

    loaded = load_corpus(path, settings, store=store, progress=load_progress, workers=workers)
    if progress:
        progress("load", len(loaded.articles), len(loaded.articles))

    from brief.keys import analysis_key

    keys = [analysis_key(a, settings) for a in loaded.articles]
    briefing_key = _briefing_key(keys, loaded.articles)
    if store.has_items(briefing_key):
        from brief.stored_library import StoredLibrary

        if not keep_analyses:
            from brief.briefing_writer import update_warnings

            update_warnings(store, briefing_key, loaded.warnings)
            return None, briefing_key  # the caller reads it from the cache as it needs it
        cached = StoredLibrary(store, briefing_key).read_briefing()
        if cached is not None:
            cached.warnings = loaded.warnings + store.warnings
            return cached, briefing_key

    # A briefing kept in the cache is read back item by item, its analyses from the cache: the
    # build holds only digests. Without a cache the briefing must hold the analyses themselves.
    full = keep_analyses or not store.usable
    analyses = _cached(store, keys, loaded.articles, full)
    missing = [(a, k) for a, k in zip(loaded.articles, keys) if k not in analyses]
    if missing:
        analyses.update(_analyse([a for a, _ in missing], [k for _, k in missing], settings, store,
                                 progress, workers, full))

    from brief.analysis.corpus import STEPS, assemble

    steps = STEPS + 1  # and saving it

    def step(done: int) -> None:
        if progress:
            progress("assemble", done, steps)

    step(0)
    by_id = {a.id: analyses[k] for a, k in zip(loaded.articles, keys)}
    del analyses  # by_id holds the same objects; one mapping fewer at 100,000 articles
    # A briefing that goes to the cache and is read back from it has its actor briefs written one by
    # one as they are made, never all held at once.
    streamed = store.path is not None and store.usable and not keep_analyses
    if streamed:
        _pack_texts(loaded.articles, by_id)
    briefing = assemble(loaded.articles, by_id, loaded.warnings, step, with_actor_briefs=not streamed,
                        release_quotes=True, to_write=streamed)
    if store.path is not None:
        from brief.analysis.briefs import actor_briefs
        from brief.briefing_writer import save_briefing
        from brief.keys import analysis_prefix

        save_briefing(store, briefing_key, briefing, analysis_prefix(settings),
                      actor_briefs(briefing, by_id) if streamed else None,
                      _text_of(by_id) if streamed else None)
    del by_id
    if streamed:
        from brief.analysis.corpus import forget_corpus_memos

        forget_corpus_memos()
    step(steps)
    briefing.warnings = loaded.warnings + store.warnings
    return briefing, briefing_key


def _pack_texts(articles: list[Article], digests: dict[str, object]) -> None:
    """Linking reads article texts only through the digests' sentences, and the briefing is written,
    not kept: each text is held once, compressed in its digest, and the articles keep their
    metadata (`save_briefing` writes each article with its text again)."""
    from brief.analysis.collector import release_free_memory

    for article in articles:
        digest = digests.get(article.id)
        if digest is not None:
            digest.pack_text()
            article.text = ""
    release_free_memory()


def _text_of(digests: dict[str, object]) -> Callable[[str], str]:
    return lambda article_id: digests[article_id].text


def corpus_manifest(path: Path, settings: Settings) -> str:
    """A digest of every file's name, size and modification time: equal digests, nothing to redo.

    Only stats are read, so checking a 100,000-file corpus costs a fraction of a second.
    """
    digest = hashlib.sha256(f"{ENGINE_VERSION}|{LINK_VERSION}|{settings.model_dump_json()}".encode())
    stack = [str(path)]
    while stack:
        top = stack.pop()
        try:
            if not os.path.isdir(top):
                st = os.stat(top)
                digest.update(f"{top}|{st.st_mtime_ns}|{st.st_size}\n".encode())
                continue
            with os.scandir(top) as entries:
                names = sorted(entries, key=lambda e: e.name)
        except OSError:
            continue
        for entry in names:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                st = entry.stat()
            except OSError:
                continue
            digest.update(f"{entry.path}|{st.st_mtime_ns}|{st.st_size}\n".encode())
    return digest.hexdigest()


def _corpus_key(path: Path) -> str:
    return str(path.expanduser().resolve())


def open_cached(path: Path, store: Store):
    """The library last built for this corpus, straight from the cache (no file is read), or None."""
    from brief.stored_library import StoredLibrary

    snapshot = store.get_snapshot(_corpus_key(path))
    if snapshot is None or not store.has_items(snapshot[1]):
        return None
    return StoredLibrary(store, snapshot[1])


def _current(store: Store, corpus: str, manifest: str) -> str | None:
    """The cached briefing's key if it was made from the files as they are now."""
    snapshot = store.get_snapshot(corpus)
    if snapshot is not None and snapshot[0] == manifest and store.has_items(snapshot[1]):
        return snapshot[1]
    return None


def is_current(path: Path, settings: Settings, store: Store) -> bool:
    """Whether the cached briefing of `path` was made from its files as they are now (stats only)."""
    return _current(store, _corpus_key(path), corpus_manifest(path, settings)) is not None


def refresh_library(path: Path, settings: Settings, store: Store, progress: Progress | None = None,
                    workers: int | None = None):
    """(library, changed): the cached library if no file changed since, else a rebuilt one.

    Only new or changed files are read and analysed; the rest comes from the cache. A rebuilt
    library is served from the cache too, so the whole briefing is freed once it is saved.
    """
    from brief.library import Library
    from brief.stored_library import StoredLibrary

    corpus = _corpus_key(path)
    manifest = corpus_manifest(path, settings)
    current = _current(store, corpus, manifest)
    if current is not None:
        return StoredLibrary(store, current), False
    briefing, key = _build(path, settings, store, progress, workers)
    store.put_snapshot(corpus, manifest, key)
    store.drop_items_except(store.snapshot_briefings())
    if store.path is not None and store.has_items(key):
        del briefing  # the cache holds it whole; a reader that lives on should not hold it too
        return StoredLibrary(store, key), True
    if briefing is None or (briefing.articles and not briefing.analyses):
        # Saved, then lost (the cache went bad meanwhile): a briefing in memory must hold its analyses.
        briefing = _build(path, settings, Store(None), progress, workers)[0]
    return Library(briefing), True


# The reader's rebuild, in a process of its own ----------------------------------------------------
_children: set = set()  # rebuilds still running, so a reader that quits can stop them


def _refresh_child(path: str, settings: Settings, workers: int | None, queue) -> None:
    """Top-level so a spawned process can run it: refresh_library, reporting over `queue`."""
    from brief.stored_library import StoredLibrary

    try:
        def progress(stage: str, done: int, total: int) -> None:
            queue.put(("progress", stage, done, total))

        library, changed = refresh_library(Path(path), settings, default_store(), progress=progress,
                                           workers=workers)
        queue.put(("done", library.key if isinstance(library, StoredLibrary) else None, changed))
    except Exception as exc:  # reported by the reader, never a traceback on its screen
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def refresh_in_child(path: Path, settings: Settings, progress: Progress | None = None,
                     workers: int | None = None) -> tuple[str | None, bool]:
    """`refresh_library` on the default cache, in a child process: (briefing key, changed).

    A reader that rebuilt in a thread would share the interpreter lock with its UI, and linking
    holds it for long stretches: keys waited seconds. The key is None when the child could not keep
    the briefing in the cache; the caller then builds it itself."""
    from queue import Empty

    context = spawn_context()
    queue = context.Queue()
    child = context.Process(target=_refresh_child, args=(str(path), settings, workers, queue))
    child.start()
    _children.add(child)
    try:
        while True:
            try:
                message = queue.get(timeout=0.25)
            except Empty:
                if not child.is_alive():
                    raise RuntimeError(f"the analysis process stopped (exit code {child.exitcode})") from None
                continue
            if message[0] == "progress":
                if progress:
                    progress(*message[1:])
            elif message[0] == "done":
                return message[1], message[2]
            else:
                raise RuntimeError(message[1])
    finally:
        child.join(timeout=10)
        _children.discard(child)


def stop_children() -> None:
    """Stop rebuilds still running (the reader is quitting); what they finished is in the cache."""
    for child in list(_children):
        child.terminate()
