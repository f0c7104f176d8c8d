"""Finding the files of a corpus fast: one `os.scandir` per folder, one stat per file.

Hidden files and folders (a leading '.') are skipped. Symlinked folders are followed once: a folder
reached again (a symlink loop, or a second link to it) is reported and not re-read.
`NAME.meta.json` beside `NAME.txt` (or any article file) is that file's metadata sidecar.
"""

from __future__ import annotations

import errno
import os
import stat as stat_module
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SIDECAR = ".meta.json"


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    mtime_ns: int
    sidecar: str | None = None
    sidecar_stamp: str = ""  # "mtime_ns:size" of the sidecar, for the cache fingerprint


Warn = Callable[[str, str], None]


def _stamp(st: os.stat_result) -> str:
    return f"{st.st_mtime_ns}:{st.st_size}"


def _stat_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop; skipped"
    if exc.errno == errno.ENOENT:
        return "broken symlink (its target does not exist); skipped"
    if exc.errno == errno.EACCES:
        return "cannot read: permission denied; skipped"
    return f"cannot read: {exc.strerror or exc}; skipped"


def _stem(name: str) -> str:
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def walk(root: str, is_article: Callable[[str], bool], warn: Warn) -> Iterator[FileEntry]:
    """Every article file under `root` (a folder or one file), in name order, folders depth first."""
    try:
        st = os.stat(root)
    except OSError as exc:
        warn(root, _stat_problem(exc))
        return
    if not stat_module.S_ISDIR(st.st_mode):
        name = os.path.basename(root)
        if name.endswith(SIDECAR):
            warn(root, "a metadata sidecar, not an article; skipped")
            return
        if not is_article(name):
            warn(root, f"unsupported file type '{os.path.splitext(name)[1] or name}'; skipped")
            return
        sidecar = os.path.join(os.path.dirname(root), _stem(name) + SIDECAR)
        try:
            side = os.stat(sidecar)
            yield FileEntry(root, st.st_size, st.st_mtime_ns, sidecar, _stamp(side))
        except OSError:
            yield FileEntry(root, st.st_size, st.st_mtime_ns)
        return
    yield from _walk_dir(root, (st.st_dev, st.st_ino), set(), is_article, warn)


def _walk_dir(top: str, key: tuple[int, int], seen: set[tuple[int, int]],
              is_article: Callable[[str], bool], warn: Warn) -> Iterator[FileEntry]:
    seen.add(key)
    try:
        with os.scandir(top) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        warn(top, f"cannot list this folder: {exc.strerror or exc}; skipped")
        return
    sidecars = {e.name[: -len(SIDECAR)]: e for e in entries if e.name.endswith(SIDECAR)}
    used: set[str] = set()
    folders: list[tuple[os.DirEntry, os.stat_result]] = []
    for entry in entries:
        if entry.name.endswith(SIDECAR):
            continue
        try:
            st = entry.stat()  # follows symlinks: a link to a file is read as that file
        except OSError as exc:
            warn(entry.path, _stat_problem(exc))
            continue
        if stat_module.S_ISDIR(st.st_mode):
            folders.append((entry, st))
            continue
        if not stat_module.S_ISREG(st.st_mode):
            warn(entry.path, "not a regular file; skipped")
            continue
        if not is_article(entry.name):
            warn(entry.path, f"unsupported file type '{os.path.splitext(entry.name)[1] or entry.name}'; skipped")
            continue
        stem = _stem(entry.name)
        side = sidecars.get(stem)
        stamp = ""
        if side is not None:
            used.add(stem)
            try:
                stamp = _stamp(side.stat())
            except OSError as exc:
                warn(side.path, _stat_problem(exc))
                side = None
        yield FileEntry(entry.path, st.st_size, st.st_mtime_ns, side.path if side else None, stamp)
    for stem, side in sidecars.items():
        if stem not in used:
            warn(side.path, "metadata sidecar with no article file beside it; ignored")
    for entry, st in folders:
        folder_key = (st.st_dev, st.st_ino)
        if folder_key in seen:
            warn(entry.path, "symlink loop (this folder was already read); skipped")
            continue
        yield from _walk_dir(entry.path, folder_key, seen, is_article, warn)
