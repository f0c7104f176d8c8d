import json
import subprocess
import sys

from brief import __version__
from brief.cli import main


def run_brief(*args: str, input: str | None = None):
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, input=input)


def test_version():
    result = run_brief("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_help_lists_subcommands():
    result = run_brief("--help")
    assert result.returncode == 0
    assert "export" in result.stdout and "summarize" in result.stdout


def test_export_seeds_json_has_contract_keys(seeds_path, capsys):
    assert main(["export", str(seeds_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"articles", "stories", "actors", "quotes", "warnings"}
    assert len(data["articles"]) == 2


def test_missing_path_is_exit_1_with_message(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_usage_error_is_exit_2():
    result = run_brief("export", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_a_mistyped_command_is_named_not_taken_for_a_path(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["exprt", "corpus"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'exprt'" in err and "did you mean 'export'" in err


def test_a_folder_named_like_a_command_still_opens_as_a_path(tmp_path, monkeypatch):
    from brief import cli

    (tmp_path / "exprt").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli._mistyped_command(["exprt"]) is None
    assert cli._mistyped_command(["--no-cache"]) is None


def test_exporting_an_empty_folder_warns(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["export", str(tmp_path / "empty"), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert "no articles found" in captured.err
    assert json.loads(captured.out)["articles"] == []


def test_exporting_an_empty_folder_from_the_cache_warns_too(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["export", str(tmp_path / "empty")]) == 0
    assert "no articles found" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "empty")]) == 0  # the cached, unchanged, empty briefing
    assert "no articles found" in capsys.readouterr().err


def test_summarize_says_a_folder_is_a_folder(tmp_path, capsys):
    assert main(["summarize", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_markdown_counts_are_singular_for_one(tmp_path, capsys):
    (tmp_path / "one.txt").write_text("Harbour council approves ferry timetable\n\nThe council voted on "
                                      "Tuesday to approve a new ferry timetable for the island routes.\n",
                                      encoding="utf-8")
    assert main(["export", str(tmp_path), "--format", "markdown", "--no-cache"]) == 0
    assert "1 story, 1 article," in capsys.readouterr().out
