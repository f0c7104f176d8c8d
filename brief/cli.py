"""The command line (DESIGN.md section 4): `brief [PATH]`, `brief export`, `brief summarize`.

Exit codes: 0 success, 1 failure, 2 usage error; messages go to standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from brief import __version__
from brief.config import ConfigError, Settings, data_dir, load_settings
from brief.resources import seeds_dir

SUBCOMMANDS = ("export", "summarize")
METHODS = ("lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")


class CliError(Exception):
    """A failure to report on stderr with exit code 1."""


def _error(message: str) -> None:
    print(f"brief: {message}", file=sys.stderr)


def default_corpus(settings: Settings) -> Path:
    """The user's corpus (config, then the data dir) or, when they have none, the bundled seeds."""
    if settings.corpus is not None:
        return settings.corpus.expanduser()
    user = data_dir() / "corpus"
    if user.is_dir() and any(user.iterdir()):
        return user
    return seeds_dir()


def _corpus_path(arg: str | None, settings: Settings) -> Path:
    path = Path(arg).expanduser() if arg else default_corpus(settings)
    if not path.exists():
        raise CliError(f"no such file or folder: {path}")
    return path


def _stderr_progress():
    if not sys.stderr.isatty():
        return None
    names = {"load": "Reading", "analyse": "Analysing", "assemble": "Linking"}

    def progress(stage: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if stage == "assemble" and done == total else ""
        sys.stderr.write(f"\r{names.get(stage, stage):<10} [{bar}] {done}/{total}\x1b[K{end}")
        sys.stderr.flush()

    return progress


GLOBAL_FLAGS = ("--no-cache",)  # accepted before the subcommand as well as after it


def _global_options() -> argparse.ArgumentParser:
    """The options every command takes (a parent parser), before or after its name."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    return parser


def _root_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief", parents=[_global_options()],
        description="A terminal news-briefing reader. Opens the reader on PATH, on your corpus, "
        "or on the bundled sample corpus.",
        epilog="Subcommands: 'brief export [PATH] --format json|markdown [-o FILE]', "
        "'brief summarize FILE... [-n N | --ratio R] [--method M] [--json]'. "
        "Run 'brief export --help' or 'brief summarize --help' for details.",
    )
    parser.add_argument("path", nargs="?", help="a folder of articles or one article file")
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brief export", description="Write the briefing of a corpus.",
                                     parents=[_global_options()])
    parser.add_argument("path", nargs="?", help="a folder of articles or one file (default: your corpus)")
    parser.add_argument("--format", "-f", choices=("json", "markdown"), default="json")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE instead of standard output ('-': standard output)")
    return parser


def _summarize_parser() -> argparse.ArgumentParser:
    # --no-cache is accepted (summarize never uses the cache), so that `brief --no-cache summarize` works
    parser = argparse.ArgumentParser(prog="brief summarize", description="Print an extractive summary of each file.",
                                     parents=[_global_options()])
    parser.add_argument("files", nargs="+", metavar="FILE")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=int, metavar="N", help="summary length in sentences")
    length.add_argument("--ratio", type=float, metavar="R", help="summary length as a share of the sentences")
    parser.add_argument("--method", choices=METHODS, help="summariser (default: from config)")
    parser.add_argument("--json", action="store_true", help="print [{path, summary: [sentences]}]")
    return parser


def _store(no_cache: bool):
    from brief.pipeline import default_store
    from brief.store import Store

    return Store(None) if no_cache else default_store()


def cmd_export(argv: list[str], settings: Settings) -> int:
    args = _export_parser().parse_args(argv)
    from brief.export import IncompleteCache, StoredSource
    from brief.pipeline import build_briefing, refresh_library
    from brief.stored_library import StoredLibrary

    path = _corpus_path(args.path, settings)
    if args.output == "-":  # `-o -`: standard output, as without -o
        args.output = None
    _check_writable(args.output)  # before the analysis, which can take minutes
    store = _store(args.no_cache)
    if args.no_cache:
        source = build_briefing(path, settings, store=store, progress=_stderr_progress())
    else:
        # An unchanged corpus is exported from its cached briefing without reading a file; a changed
        # one is built and saved first. Either way the export reads the cache item by item.
        library, changed = refresh_library(path, settings, store, progress=_stderr_progress())
        if isinstance(library, StoredLibrary):
            # A fresh build also reports what went wrong with the cache, as the built briefing would.
            warnings = list(library.warnings) + (list(store.warnings) if changed else [])
            source = StoredSource(store, library.key, warnings)
        else:  # the cache could not keep it: the briefing is in memory
            source = library.briefing
    for warning in source.warnings:
        _error(f"warning: {warning.path}: {warning.message}")
    if _article_count(source) == 0:
        _error(f"warning: {path}: no articles found; the briefing is empty")
    try:
        _write_export(source, args.format, args.output)
    except IncompleteCache:
        # An analysis went missing under the cached briefing (a corrupt entry was discarded):
        # building again recomputes it and saves the briefing whole again.
        rebuilt = build_briefing(path, settings, store=store, progress=_stderr_progress())
        if not args.output:
            raise CliError("the cached briefing was damaged and has been rebuilt; "
                           "what was written is incomplete: run the command again") from None
        _write_export(rebuilt, args.format, args.output)
    return 0


def _article_count(source) -> int:
    from brief.export import StoredSource

    return source.article_count() if isinstance(source, StoredSource) else len(source.articles)


def _check_writable(output: str | None) -> None:
    """Fail now, not after the analysis, when `output` cannot be written: its folder is missing
    or not writable, or it is a folder. Nothing is created or truncated here."""
    if not output:
        return
    import os

    target = Path(output).expanduser()
    folder = target.parent
    if target.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"no such folder: {folder}"
    elif target.exists() and not os.access(target, os.W_OK):
        problem = "permission denied"
    elif not target.exists() and not os.access(folder, os.W_OK | os.X_OK):
        problem = f"the folder {folder} is not writable"
    else:
        return
    raise CliError(f"cannot write {output}: {problem}")


def _write_export(source, fmt: str, output: str | None) -> None:
    """Write the export as it is made, to `output` or standard output."""
    from brief.export import write_export

    if not output:
        write_export(source, fmt, sys.stdout.write)
        return
    try:
        with open(output, "w", encoding="utf-8") as out:
            write_export(source, fmt, out.write)
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror or exc}") from None


def cmd_summarize(argv: list[str], settings: Settings) -> int:
    parser = _summarize_parser()
    args = parser.parse_args(argv)
    if args.sentences is not None and args.sentences < 1:
        parser.error("-n must be at least 1")
    if args.ratio is not None and not 0 < args.ratio <= 1:
        parser.error("--ratio must be above 0 and at most 1")
    from brief.analysis.segment import split_sentences
    from brief.analysis.summarize import summarize
    from brief.corpus import load_corpus
    from brief.store import Store

    method = args.method or settings.summary_method
    ratio = args.ratio if args.ratio is not None else (None if args.sentences else settings.summary_ratio)
    count = args.sentences or settings.summary_sentences
    results = []
    failed = False
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            _error(f"{name}: is a folder; summarize takes files (brief export summarises a folder)"
                   if path.is_dir() else f"{name}: no such file")
            failed = True
            continue
        loaded = load_corpus(path, settings, store=Store(None))
        for warning in loaded.warnings:
            _error(f"warning: {warning.path}: {warning.message}")
        for article in loaded.articles:
            sentences = split_sentences(article.text)
            picked = summarize(sentences, method=method, count=count, ratio=ratio, title=article.title)
            results.append({"path": article.path, "summary": [sentences[i].text for i in picked]})
        if not loaded.articles:
            failed = True
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for i, item in enumerate(results):
            if len(results) > 1:
                print(("\n" if i else "") + f"== {item['path']}")
            for sentence in item["summary"]:
                print(sentence)
    return 1 if failed and not results else 0


def _mistyped_command(argv: list[str]) -> str | None:
    """The subcommand a first word that is no file or folder was probably meant to be ('exprt')."""
    if not argv or argv[0].startswith("-") or Path(argv[0]).expanduser().exists():
        return None
    import difflib

    close = difflib.get_close_matches(argv[0], SUBCOMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def cmd_open(argv: list[str], settings: Settings) -> int:
    args = _root_parser().parse_args(argv)
    path = _corpus_path(args.path, settings)
    from brief.tui.app import run_app

    return run_app(path, settings, no_cache=args.no_cache)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            settings = load_settings()
        except ConfigError as exc:
            _error(f"bad config: {exc}")
            return 1
        # Global options may come before the subcommand: `brief --no-cache export PATH`.
        leading = 0
        while leading < len(argv) and argv[leading] in GLOBAL_FLAGS:
            leading += 1
        rest = argv[leading:]
        if rest and rest[0] in SUBCOMMANDS:
            command = {"export": cmd_export, "summarize": cmd_summarize}[rest[0]]
            return command(argv[:leading] + rest[1:], settings)
        mistyped = _mistyped_command(rest)
        if mistyped:
            _error(f"unknown command '{rest[0]}'; did you mean '{mistyped}'? (see brief --help)")
            return 2
        return cmd_open(argv, settings)
    except CliError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
