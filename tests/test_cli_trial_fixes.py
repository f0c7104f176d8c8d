"""Command-line fixes from a new-user trial: export's destination, `-o -`, global options."""

from __future__ import annotations

import json

import pytest

from brief import cli
from brief.cli import main


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.md").write_text("---\ntitle: Ferry timetable changes\nsource: Bay Courier\n---\n"
                                   "The ferry company said on Monday that the winter timetable starts early.\n")
    return folder


def test_export_to_a_missing_folder_fails_before_analysing(corpus, tmp_path, capsys, monkeypatch):
    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed before checking the destination")

    monkeypatch.setattr("brief.pipeline.build_briefing", no_analysis)
    monkeypatch.setattr("brief.pipeline.refresh_library", no_analysis)
    assert main(["export", str(corpus), "-o", str(tmp_path / "out" / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "no such folder" in err
    assert not (tmp_path / "out").exists()
    assert main(["export", str(corpus), "-o", str(tmp_path), "--no-cache"]) == 1
    assert "it is a folder" in capsys.readouterr().err


def test_export_dash_o_dash_writes_to_standard_output(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(corpus), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["title"] == "Ferry timetable changes"
    assert not (tmp_path / "-").exists()


def test_export_to_a_file_still_works(corpus, tmp_path, capsys):
    out = tmp_path / "x.md"
    assert main(["export", str(corpus), "-f", "markdown", "-o", str(out)]) == 0
    assert "Ferry timetable changes" in out.read_text()


def test_global_options_go_before_the_subcommand_too(corpus, capsys, monkeypatch):
    seen = []
    real = cli._store
    monkeypatch.setattr(cli, "_store", lambda no_cache: seen.append(no_cache) or real(no_cache))
    assert main(["--no-cache", "export", str(corpus), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"]
    assert main(["export", str(corpus), "--no-cache"]) == 0
    capsys.readouterr()
    assert seen == [True, True]
    assert main(["--no-cache", "summarize", str(corpus / "one.md")]) == 0
    assert "ferry" in capsys.readouterr().out.lower()
    assert main(["--no-cache", "exprt", "x"]) == 2
    assert "did you mean 'export'" in capsys.readouterr().err
