"""The reader builds a corpus big enough for worker processes (Textual's stderr capture has no file
descriptor, which once broke starting them: "bad value(s) in fds_to_keep")."""

from __future__ import annotations

import sys

from brief.config import Settings
from brief.stored_library import StoredLibrary
from brief.tui.app import corpus_app

TEXT = """Harbour council approves ferry timetable {n}

The harbour council voted on Tuesday to approve ferry timetable number {n} for the island routes.
"This gives families a reliable way home," said council chair Maria Olsen.
Ferries will run every {n} minutes from June, the council said.
"""


async def test_the_reader_builds_a_corpus_in_worker_processes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(120):  # above the size where loading and analysis use a process pool
        (corpus / f"a{n:03}.txt").write_text(TEXT.format(n=n + 10), encoding="utf-8")
    notices: list[str] = []
    app = corpus_app(corpus, Settings())
    notify = app.notify
    app.notify = lambda message, **kw: notices.append(message) or notify(message, **kw)
    async with app.run_test(size=(120, 40)) as pilot:
        assert sys.stderr.fileno() < 0  # what made spawning fail: Textual's capture of stderr
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not notices, notices
        assert isinstance(app._library, StoredLibrary)
        assert len(app._library.article_rows) == 120


async def test_the_reader_rebuilds_in_a_process_of_its_own(tmp_path, seeds_path, monkeypatch):
    # Linking in a thread of the reader held the interpreter lock for seconds: keys waited. The
    # rebuild now runs in a child process, so the reader's own refresh_library is never called.
    import shutil

    from brief import pipeline

    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_path, corpus)

    def in_the_reader(*args, **kwargs):
        raise AssertionError("rebuilt inside the reader's process")

    monkeypatch.setattr(pipeline, "refresh_library", in_the_reader)
    notices: list[str] = []
    app = corpus_app(corpus, Settings())
    notify = app.notify
    app.notify = lambda message, **kw: notices.append(message) or notify(message, **kw)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not notices, notices
        assert isinstance(app._library, StoredLibrary) and len(app._library.article_rows) == 2
