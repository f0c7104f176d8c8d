"""How the cross-article steps manage memory: one switch for the cyclic garbage collector, and giving
freed memory back."""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a cross-article step runs, then resumed as it was.

    The steps make hundreds of thousands of lasting objects (and no reference cycles), and each
    time that many allocations trigger a full collection, it walks every object of the corpus in
    memory: at 10,000 articles that was a quarter of the steps' time, with nothing to collect."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's `malloc_trim`), where there is one.

    Large objects (article texts, big dicts) live in the C heap, which keeps what they freed for
    later allocations: a build that has just dropped a few hundred megabytes of texts would carry
    them to its peak. Elsewhere (macOS, musl, Windows) this does nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
