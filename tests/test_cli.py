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
