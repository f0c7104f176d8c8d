"""Bad input never stops a load: each bad file gets one warning naming it and why; good files load."""

import codecs
import hashlib
import json
import os
from pathlib import Path

import pytest

from brief.cli import main
from brief.config import Settings
from brief.corpus import load_corpus
from brief.corpus.readers import READERS

GOOD = "The council approved the budget on Tuesday.\nThe mayor welcomed it."


def load(path: Path, **settings):
    return load_corpus(path, Settings(**settings))


def only_warning(result, name: str) -> str:
    matching = [w for w in result.warnings if Path(w.path.split("#")[0]).name == name]
    assert len(matching) == 1, result.warnings
    return matching[0].message


def with_good(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD)
    return tmp_path


def assert_good_loaded(result):
    assert [a.text for a in result.articles] == [GOOD]


def test_empty_file(tmp_path):
    (with_good(tmp_path) / "empty.txt").write_bytes(b"")
    result = load(tmp_path)
    assert "empty" in only_warning(result, "empty.txt")
    assert_good_loaded(result)


def test_blank_and_escape_only_files(tmp_path):
    (with_good(tmp_path) / "blank.txt").write_text("  \n\n\t\n")
    (tmp_path / "codes.txt").write_bytes(b"\x1b[31m\x1b[0m\n")
    result = load(tmp_path)
    assert "no text" in only_warning(result, "blank.txt")
    assert "no text" in only_warning(result, "codes.txt")
    assert_good_loaded(result)


def test_binary_files(tmp_path):
    (with_good(tmp_path) / "nul.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "noise.txt").write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 65]) * 100)
    result = load(tmp_path)
    assert "binary" in only_warning(result, "nul.txt")
    assert "binary" in only_warning(result, "noise.txt")
    assert_good_loaded(result)


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "win.txt").write_bytes("The minister’s “café” plan costs €5 – naïve.".encode("cp1252"))
    result = load(tmp_path)
    (article,) = result.articles
    assert article.text == "The minister’s “café” plan costs €5 – naïve."
    assert "cp1252" in only_warning(result, "win.txt")


def test_8bit_c1_controls_in_terminal_output_are_controls_not_cp1252(tmp_path):
    (tmp_path / "term.txt").write_bytes(b"\x1b[1mBold\x1b[0m and \x9b31mred\x9b0m text.")
    result = load(tmp_path)
    assert result.warnings == []
    assert result.articles[0].text == "Bold and red text."


def test_a_stray_byte_in_utf8_does_not_mangle_the_rest(tmp_path):
    (tmp_path / "mixed.txt").write_bytes("Zelenskyy’s café".encode() + b" and \x92quoted\x92.")
    (article,) = load(tmp_path).articles
    assert article.text == "Zelenskyy’s café and ’quoted’."


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_byte_order_marks_are_honoured(tmp_path, bom, encoding):
    (tmp_path / "bom.txt").write_bytes(bom + "Ünïcode “text” here.".encode(encoding))
    result = load(tmp_path)
    assert result.warnings == []
    assert result.articles[0].text == "Ünïcode “text” here."


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    (with_good(tmp_path) / "big.txt").write_text("x " * 600)
    opened = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    result = load(tmp_path, max_file_bytes=1000)
    assert "size limit" in only_warning(result, "big.txt")
    assert not any(p.endswith("big.txt") for p in opened)
    assert_good_loaded(result)


def test_jsonl_applies_the_size_limit_per_line(tmp_path):
    lines = [json.dumps({"text": "Short record."}), json.dumps({"text": "y " * 800}), json.dumps({"text": "Last one."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    result = load(tmp_path, max_file_bytes=1000)
    assert [a.text for a in result.articles] == ["Short record.", "Last one."]
    assert "size limit" in only_warning(result, "feed.jsonl")


def test_malformed_json(tmp_path):
    (with_good(tmp_path) / "broken.json").write_text('{"title": "x", "text": ')
    (tmp_path / "scalar.json").write_text("42")
    (tmp_path / "notext.json").write_text(json.dumps({"title": "No body"}))
    result = load(tmp_path)
    assert "not valid JSON" in only_warning(result, "broken.json")
    assert "expected an article object" in only_warning(result, "scalar.json")
    assert "no article text" in only_warning(result, "notext.json")
    assert_good_loaded(result)


def test_malformed_jsonl_lines_skip_only_themselves(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"text": "One."}\n{broken\n["not", "object"]\n{"text": "Four."}\n')
    result = load(tmp_path)
    assert [a.text for a in result.articles] == ["One.", "Four."]
    assert [(w.path.rsplit("/", 1)[1], w.message.split(":")[0]) for w in result.warnings] == [
        ("feed.jsonl#2", "line 2"), ("feed.jsonl#3", "expected an article object, found list; skipped")]


def test_malformed_front_matter_keeps_the_body(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nThe body survives.\n")
    (tmp_path / "list.md").write_text("---\n- a\n- b\n---\nAnother body.\n")
    (tmp_path / "open.md").write_text("---\ntitle: x\nNo closing fence here.\n")
    result = load(tmp_path)
    texts = [a.text for a in result.articles]
    assert texts[:2] == ["The body survives.", "Another body."]
    assert "No closing fence here." in texts[2]  # an unclosed fence: the whole file is read as text
    assert "not valid YAML" in only_warning(result, "bad.md")
    assert "not a mapping" in only_warning(result, "list.md")
    assert "not closed" in only_warning(result, "open.md")


def test_unreadable_file(tmp_path, monkeypatch):
    (with_good(tmp_path) / "locked.txt").write_text("Secret.")
    real_open = open

    def deny(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    result = load(tmp_path)
    assert "permission denied" in only_warning(result, "locked.txt")
    assert_good_loaded(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_unreadable_file_by_mode(tmp_path):
    locked = with_good(tmp_path) / "locked.txt"
    locked.write_text("Secret.")
    locked.chmod(0)
    result = load(tmp_path)
    assert "permission denied" in only_warning(result, "locked.txt")


def test_symlink_loops_and_broken_links(tmp_path):
    with_good(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    result = load(tmp_path)
    assert "symlink loop" in only_warning(result, "up")
    assert "symlink loop" in only_warning(result, "self.txt")
    assert "broken symlink" in only_warning(result, "dangling.txt")
    assert_good_loaded(result)


def test_exact_duplicates_are_named_with_their_original(tmp_path):
    with_good(tmp_path)
    (tmp_path / "copy.txt").write_text(GOOD)
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": GOOD}) + "\n")
    result = load(tmp_path)
    assert len(result.articles) == 1
    assert result.articles[0].path.endswith("copy.txt")  # first in path order
    messages = {w.path.rsplit("/", 1)[1]: w.message for w in result.warnings}
    assert messages == {
        "good.txt": f"exact duplicate of {tmp_path}/copy.txt; skipped",
        "feed.jsonl#1": f"exact duplicate of {tmp_path}/copy.txt; skipped",
    }


def test_unsupported_files_and_orphan_sidecars_are_reported(tmp_path):
    with_good(tmp_path)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "lost.meta.json").write_text("{}")
    (tmp_path / "good.meta.json").write_text("{broken")
    result = load(tmp_path)
    assert "unsupported file type '.png'" in only_warning(result, "photo.png")
    assert "no article file beside it" in only_warning(result, "lost.meta.json")
    assert "not valid JSON" in only_warning(result, "good.meta.json")
    assert_good_loaded(result)


def test_a_file_name_with_escape_codes_cannot_reach_the_terminal(tmp_path):
    (tmp_path / "evil\x1b[31m.txt").write_bytes(b"")
    (warning,) = load(tmp_path).warnings
    assert "\x1b" not in warning.path and "\\x1b[31m" in warning.path


def test_nothing_raises_on_a_reader_crash(tmp_path, monkeypatch):
    (with_good(tmp_path) / "odd.html").write_text("<p>x</p>")

    def crash(source):
        raise ValueError("parser bug")
        yield

    monkeypatch.setitem(READERS, ".html", crash)
    result = load(tmp_path)
    assert "cannot be parsed" in only_warning(result, "odd.html")
    assert_good_loaded(result)


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        digest.update(f"{path}|{st.st_mode}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def done_when_corpus(root: Path) -> Path:
    """The corpus of issue 2's "Done when": one file of each kind, good and bad."""
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.dat.txt").write_bytes(bytes(range(256)) * 4)
    (root / "windows.txt").write_bytes("Budget talks resume\n\nThe mayor’s “plan” costs €5m, officials said.".encode("cp1252"))
    (root / "broken.json").write_text('{"title": "Broken", "text": "never closed')
    (root / "huge.txt").write_text("word " * 3000)
    (root / "post.md").write_text("---\ntitle: Front matter title\nsource: The Gazette\ndate: 2025-03-05\n---\n"
                                  "The gazette reports the bridge reopened.\n")
    (root / "feed.jsonl").write_text(json.dumps({"title": "First record", "text": "The first record's text."}) + "\n"
                                     + json.dumps({"title": "Second record", "text": "The second record's text."}) + "\n")
    (root / "codes.txt").write_bytes(b"\x1b]0;title\x07\x1b[1m[bold]Loud[/bold] news\x1b[0m\n\n"
                                     b"The \x1b[31m[red]council[/red]\x1b[0m met.\x9b2J\x1bP1;2|x\x1b\\\n")
    return root


def test_done_when_corpus_exports_with_exit_0(tmp_path, capsys, monkeypatch):
    corpus = done_when_corpus(tmp_path / "corpus")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("max_file_bytes = 10000\n")
    monkeypatch.setenv("BRIEF_CONFIG_DIR", str(tmp_path / "config"))
    before = _tree_digest(corpus)
    assert main(["export", str(corpus), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out and "\\u001b" not in out and "\x1b" not in err
    data = json.loads(out)
    titles = {a["path"].rsplit("/", 1)[1]: a["title"] for a in data["articles"]}
    assert titles == {
        "codes.txt": "[bold]Loud[/bold] news",
        "feed.jsonl#1": "First record",
        "feed.jsonl#2": "Second record",
        "post.md": "Front matter title",
        "windows.txt": "Budget talks resume",
    }
    by_title = {a["title"]: a for a in data["articles"]}
    assert by_title["Front matter title"]["source"] == "The Gazette"
    assert by_title["Front matter title"]["published"] == "2025-03-05"
    warned = sorted(Path(w["path"]).name for w in data["warnings"])
    assert warned == ["binary.dat.txt", "broken.json", "empty.txt", "huge.txt", "windows.txt"]
    assert "cp1252" in next(w["message"] for w in data["warnings"] if w["path"].endswith("windows.txt"))
    assert _tree_digest(corpus) == before  # the corpus is never written to
    assert main(["export", str(corpus), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "\x1b" not in markdown and "Loud" in markdown


def test_a_cp1252_or_binary_jsonl_is_one_warning_not_one_a_line(tmp_path):
    records = "\n".join(json.dumps({"text": f"Caf\u00e9 {i}."}, ensure_ascii=False) for i in range(5))
    (tmp_path / "win.jsonl").write_bytes(records.encode("cp1252"))
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02\n" * 50)
    result = load(tmp_path)
    assert [a.text for a in result.articles] == [f"Café {i}." for i in range(5)]
    assert "cp1252" in only_warning(result, "win.jsonl")
    assert "binary" in only_warning(result, "bin.jsonl")


def test_nested_page_furniture_is_dropped_safely(tmp_path):
    nested = "<header><nav><aside><nav>menu</nav></aside></nav></header>" * 50
    (tmp_path / "a.html").write_text(f"<html><body>{nested}<p>Real text.</p><footer><nav>x</nav></footer></body></html>")
    (article,) = load(tmp_path).articles
    assert article.text == "Real text."


def test_deeply_nested_html_is_a_warning_not_a_crash(tmp_path):
    (tmp_path / "deep.html").write_text("<div>" * 5000 + "Deep text." + "</div>" * 5000)
    result = load(tmp_path)
    assert len(result.articles) + len(result.warnings) == 1


def test_utf16_without_a_bom_is_read_with_a_warning(tmp_path):
    (tmp_path / "le.txt").write_bytes("Plain “UTF-16” text, no mark.".encode("utf-16-le"))
    result = load(tmp_path)
    assert result.articles[0].text == "Plain “UTF-16” text, no mark."
    assert "UTF-16-LE" in only_warning(result, "le.txt")


def test_the_same_copy_from_two_outlets_is_two_articles(tmp_path):
    for name, outlet in (("a.json", "Daily"), ("b.json", "Weekly")):
        (tmp_path / name).write_text(json.dumps({"title": "Wire story", "text": GOOD, "source": outlet}))
    result = load(tmp_path)
    assert [a.source for a in result.articles] == ["Daily", "Weekly"]
    assert len({a.id for a in result.articles}) == 2 and result.warnings == []
