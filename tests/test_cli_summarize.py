"""`brief summarize FILE... [-n N | --ratio R] [--method M] [--json]`."""

from __future__ import annotations

import json
import subprocess
import sys

from brief.cli import main

ARTICLE = """Dunmore council approves new bridge
The council in Dunmore approved a new footbridge over the river on Monday. The bridge will cost 4 million euros.
Work on the bridge starts in May and should end next spring, the council said. Residents had asked for a crossing for years.
"This bridge joins the two halves of our town," said Mayor Lena Ortiz. Critics said the money should go to schools.
"""


def write_article(tmp_path, name="bridge.txt", text=ARTICLE):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_output_lists_each_file_with_its_summary(tmp_path, capsys):
    path = write_article(tmp_path)
    assert main(["summarize", str(path), "-n", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 1
    assert set(data[0]) == {"path", "summary"}
    assert data[0]["path"] == str(path)
    summary = data[0]["summary"]
    assert len(summary) == 2
    assert all(isinstance(s, str) and s in ARTICLE for s in summary)
    assert ARTICLE.index(summary[0]) < ARTICLE.index(summary[1])  # text order


def test_ratio_method_and_several_files(tmp_path, capsys):
    first = write_article(tmp_path, "a.txt")
    second = write_article(tmp_path, "b.txt", ARTICLE.replace("Dunmore", "Carrick"))
    assert main(["summarize", str(first), str(second), "--ratio", "0.5", "--method", "lexrank", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["path"] for item in data] == [str(first), str(second)]
    assert all(1 <= len(item["summary"]) <= 5 for item in data)


def test_plain_output_prints_one_sentence_a_line(tmp_path):
    path = write_article(tmp_path)
    result = subprocess.run([sys.executable, "-m", "brief", "summarize", str(path), "-n", "3"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert all(line in ARTICLE for line in lines)


def test_bad_method_is_a_usage_error(tmp_path):
    path = write_article(tmp_path)
    result = subprocess.run([sys.executable, "-m", "brief", "summarize", str(path), "--method", "bogus"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
