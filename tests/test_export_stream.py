"""`brief export` streams a cached briefing item by item, byte for byte what the whole briefing gives."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from brief.briefing_writer import save_briefing
from brief.cli import main
from brief.config import Settings
from brief.export import (
    IncompleteCache,
    StoredSource,
    to_dict,
    to_json,
    to_markdown,
    write_json,
    write_markdown,
)
from brief.models import Actor, Briefing, Quote
from brief.pipeline import build_briefing, refresh_library
from brief.store import Store
from brief.stored_library import StoredLibrary

STORIES = [
    ("Harbour council approves new ferry timetable",
     ("The harbour council voted on Tuesday to approve a new ferry timetable for the island routes.\n"
     "\"This gives families a reliable way home,\" said council chair Maria Olsen.\n"
     "Ferries will run every {n} minutes from June, the council said.\n")),
    ("Storm closes *coastal* road_again [update] #3",
     ("A winter storm closed the coastal road near Brightwater on Monday, police said.\n"
     "\"Nobody should drive there tonight,\" said Inspector Tom Reyes of the county police.\n"
     "Repairs will take {n} days, according to the roads agency.\n")),
    ("Library <reopens> after | repairs!",
     ("The city library reopened on Friday after months of repairs to its roof.\n"
     "\"We missed our readers,\" librarian Ana Costa told The Courier.\n"
     "About {n} people visited on the first day, Costa said.\n")),
]


def _written_corpus(root: Path) -> Path:
    """Three stories told by two outlets each, one file without a source, and one bad file."""
    root.mkdir()
    for s, (title, text) in enumerate(STORIES):
        for o, outlet in enumerate(("The Gazette", "Harbour Times \\ Weekly")):
            body = text.format(n=10 * (s + 1) + o)
            (root / f"s{s}_{o}.md").write_text(
                f"---\ntitle: {title}\nsource: {outlet}\ndate: 2025-03-0{s + 1}\n---\n{body}", encoding="utf-8")
    (root / "plain.txt").write_text(f"{STORIES[0][0]}\n\n{STORIES[0][1].format(n=99)}", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def _reference_markdown(briefing: Briefing) -> str:
    """`to_markdown` as it was before streaming: the whole briefing, in lists (kept here as the oracle)."""
    from brief.export import _md

    articles = {a.id: a for a in briefing.articles}
    quotes_by_speaker: dict[str, list] = {}
    for q in briefing.quotes:
        if q.speaker_id:
            quotes_by_speaker.setdefault(q.speaker_id, []).append(q)
    lines = ["# Briefing", ""]
    def counted(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    lines += [(f"{counted(len(briefing.stories), 'story', 'stories')}, "
               f"{counted(len(briefing.articles), 'article', 'articles')}, "
               f"{counted(len(briefing.actors), 'actor', 'actors')}, "
               f"{counted(len(briefing.quotes), 'quote', 'quotes')}."), ""]
    lines += ["## Stories", ""]
    for story in briefing.stories:
        lines += [f"### {_md(story.title)}", ""]
        outlets = story.sources or sorted({articles[i].source or "unknown source" for i in story.article_ids})
        lines += [f"Sources: {_md(', '.join(outlets))}", ""]
        if story.cited_sources:
            lines += [f"Citing: {_md(', '.join(story.cited_sources))}", ""]
        for sentence in story.summary:
            origin = articles.get(sentence.article_id)
            where = (origin.source or origin.title) if origin else sentence.article_id
            lines.append(f"- {_md(sentence.text)} ({_md(where)})")
        lines.append("")
    lines += ["## Actors", ""]
    for actor in sorted(briefing.actors, key=lambda a: -a.mention_count):
        lines += [f"### {_md(actor.name)} ({actor.kind})", ""]
        if actor.roles:
            lines += [f"Roles: {_md('; '.join(actor.roles))}", ""]
        others = [a for a in actor.aliases if a != actor.name]
        if others:
            lines += [f"Also: {_md(', '.join(others))}", ""]
        for q in quotes_by_speaker.get(actor.id, []):
            how = ", ".join(x for x in (q.cue, f"on {q.channel}" if q.channel else None) if x)
            origin = articles.get(q.article_id)
            where = (origin.source or origin.title) if origin else q.article_id
            lines.append(f"- “{_md(q.text)}” ({_md(how)}; {_md(where)})")
        if quotes_by_speaker.get(actor.id):
            lines.append("")
    if briefing.warnings:
        lines += ["## Warnings", ""]
        lines += [f"- {_md(w.path)}: {_md(w.message)}" for w in briefing.warnings]
        lines.append("")
    return "\n".join(lines)


def _reference_json(briefing: Briefing) -> str:
    """The JSON contract as `to_json` wrote it before streaming: one json.dumps of the whole."""
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def _streamed(source, writer) -> str:
    out = io.StringIO()
    writer(source, out.write)
    return out.getvalue()


@pytest.fixture(params=["seeds", "written"])
def corpus(request, tmp_path, seeds_path) -> Path:
    if request.param == "seeds":
        return shutil.copytree(seeds_path, tmp_path / "seeds")
    return _written_corpus(tmp_path / "written")


def _cached(corpus: Path, tmp_path: Path) -> StoredLibrary:
    library, _ = refresh_library(corpus, Settings(), Store(tmp_path / "cache.sqlite3"))
    assert isinstance(library, StoredLibrary)
    return library


def test_streamed_export_is_byte_identical_to_the_whole_briefing(corpus, tmp_path):
    stored = _cached(corpus, tmp_path)
    whole = stored.read_briefing()
    assert whole is not None and whole.articles and whole.stories
    source = StoredSource(stored.store, stored.key)
    assert _streamed(source, write_json) == to_json(whole) == _reference_json(whole)
    assert _streamed(source, write_markdown) == to_markdown(whole) == _reference_markdown(whole)
    fresh = build_briefing(corpus, Settings(), store=Store(None))  # built in memory, never cached
    assert to_json(fresh) == _reference_json(fresh) == _streamed(source, write_json)
    assert to_markdown(fresh) == _reference_markdown(fresh) == _streamed(source, write_markdown)


def test_written_corpus_exercises_quotes_warnings_and_markup(tmp_path):
    whole = _cached(_written_corpus(tmp_path / "written"), tmp_path).read_briefing()
    assert whole is not None
    assert len(whole.stories) >= 3 and whole.warnings
    assert any(q.speaker_id for q in whole.quotes)
    markdown = to_markdown(whole)
    assert "\\*coastal\\*" in markdown and "## Warnings" in markdown and "“" in markdown


def test_export_command_never_puts_the_whole_briefing_together(corpus, tmp_path, monkeypatch, capsys):
    expected = {}
    for fmt in ("json", "markdown"):
        assert main(["export", str(corpus), "--no-cache", "--format", fmt]) == 0
        expected[fmt] = capsys.readouterr().out

    def whole(*_args, **_kwargs):
        raise AssertionError("the export put the whole briefing together")

    monkeypatch.setattr(StoredLibrary, "briefing", property(whole))
    monkeypatch.setattr(StoredLibrary, "read_briefing", whole)
    for run in ("built now", "from the cache"):
        for fmt in ("json", "markdown"):
            out = tmp_path / f"out-{fmt}"
            assert main(["export", str(corpus), "--format", fmt, "-o", str(out)]) == 0, run
            assert out.read_text(encoding="utf-8") == expected[fmt], (run, fmt)
            assert main(["export", str(corpus), "--format", fmt]) == 0
            assert capsys.readouterr().out == expected[fmt], (run, fmt)


def test_actors_saved_out_of_order_are_printed_by_mentions(tmp_path):
    whole = _cached(_written_corpus(tmp_path / "written"), tmp_path).read_briefing()
    assert whole is not None
    extra = [Actor(id=f"x{i}", name=f"Extra {i}", mention_count=n) for i, n in enumerate((1, 50, 7, 50, 0))]
    whole.actors = extra[:2] + list(reversed(whole.actors)) + extra[2:]
    whole.quotes = whole.quotes + [Quote(id="xq", text="Late *words*", article_id="nowhere", start=0, end=1,
                                         speaker_id="x1", cue="said", channel="radio")]
    store = Store(tmp_path / "other.sqlite3")
    save_briefing(store, "unsorted", whole)  # the older layout: analyses kept among the items
    source = StoredSource(store, "unsorted")
    assert _streamed(source, write_markdown) == _reference_markdown(whole)
    assert _streamed(source, write_json) == _reference_json(whole)


def test_a_missing_analysis_is_reported_not_exported_as_an_empty_summary(tmp_path):
    stored = _cached(_written_corpus(tmp_path / "written"), tmp_path)
    stored.store._db.execute("DELETE FROM analyses WHERE rowid IN (SELECT rowid FROM analyses LIMIT 1)")
    with pytest.raises(IncompleteCache):
        _streamed(StoredSource(stored.store, stored.key), write_json)
    # Markdown prints no per-article summary: it needs no analysis.
    _streamed(StoredSource(stored.store, stored.key), write_markdown)


def _drop_analyses() -> None:
    from brief.pipeline import default_store

    store = default_store()
    store._db.execute("DELETE FROM analyses")
    store.close()


def test_export_command_rebuilds_a_damaged_cache(tmp_path, capsys):
    corpus = _written_corpus(tmp_path / "written")
    assert main(["export", str(corpus), "--no-cache"]) == 0
    expected = capsys.readouterr().out
    assert main(["export", str(corpus), "-o", str(tmp_path / "first.json")]) == 0
    _drop_analyses()
    out = tmp_path / "out.json"
    assert main(["export", str(corpus), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected
    assert main(["export", str(corpus)]) == 0  # the cache was repaired: it streams again
    assert capsys.readouterr().out == expected
    _drop_analyses()
    assert main(["export", str(corpus)]) == 1  # half of it is out already: say so, and repair
    assert "run the command again" in capsys.readouterr().err
    assert main(["export", str(corpus)]) == 0
    assert capsys.readouterr().out == expected
