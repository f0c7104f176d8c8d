"""Every corpus format, metadata keys, sidecars, hidden files, walking order and paths."""

import json
from datetime import date
from pathlib import Path

from brief.config import Settings
from brief.corpus import load_corpus
from brief.corpus.loader import article_id
from brief.corpus.readers import READERS

BODY = "The council approved the budget on March 5, 2025, after a long debate.\nThe mayor welcomed the vote."


def load(path: Path, **settings):
    return load_corpus(path, Settings(**settings))


def test_every_format_has_a_reader():
    assert {".txt", ".md", ".json", ".jsonl", ".html", ".htm"} <= set(READERS)


def test_txt_with_a_headline_line(tmp_path):
    (tmp_path / "a.txt").write_text(f"Council passes budget\n\n{BODY}\n")
    (article,) = load(tmp_path).articles
    assert article.title == "Council passes budget"
    assert article.text == BODY
    assert article.published == date(2025, 3, 5) and article.published_from == "text"
    assert article.path == str(tmp_path / "a.txt")
    assert article.id == article_id(article.title, article.text, None, article.published)


def test_txt_without_a_headline_gets_a_title_from_its_first_sentence(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (article,) = load(tmp_path).articles
    assert article.text == BODY
    assert article.title == "The council approved the budget on March 5, 2025, after a long debate"


def test_markdown_with_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Budget passes\nsource: The Town Crier\ndate: 2025-03-06\nauthor: [Ann Lee, Bo Chen]\n"
        "url: https://example.com/budget\ntags: [politics]\n---\n"
        "The council **approved** the [budget](https://example.com) on Tuesday.\n\n"
        "- First item of the list\n- Second item\n\n> A quoted line.\n"
    )
    (article,) = load(tmp_path).articles
    assert article.title == "Budget passes"
    assert (article.source, article.author, article.url) == ("The Town Crier", "Ann Lee, Bo Chen", "https://example.com/budget")
    assert article.published == date(2025, 3, 6) and article.published_from == "given"
    assert article.text == (
        "The council approved the budget on Tuesday.\nFirst item of the list\nSecond item\nA quoted line."
    )


def test_markdown_heading_is_the_title_when_there_is_no_front_matter(tmp_path):
    (tmp_path / "a.md").write_text("# Budget passes\n\nThe council approved the budget.\n")
    (article,) = load(tmp_path).articles
    assert (article.title, article.text) == ("Budget passes", "The council approved the budget.")


def test_json_object_and_list_with_key_aliases(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(
        {"title": "One", "body": "First body.", "outlet": "Daily", "date": "2025-03-05", "extra": {"x": 1}}))
    (tmp_path / "many.json").write_text(json.dumps([
        {"title": "Two", "content": "Second body.", "publisher": {"name": "Weekly"}, "published": "2025-03-04"},
        {"title": "Three", "text": "Third body.", "source": "Monthly", "url": "https://x.test/3", "author": "Al"},
    ]))
    articles = load(tmp_path).articles
    assert [(a.title, a.text, a.source, a.path.rsplit("/", 1)[1]) for a in articles] == [
        ("Two", "Second body.", "Weekly", "many.json#1"),
        ("Three", "Third body.", "Monthly", "many.json#2"),
        ("One", "First body.", "Daily", "one.json"),
    ]
    assert articles[2].published == date(2025, 3, 5) and articles[1].url == "https://x.test/3"


def test_jsonl_records_get_a_line_suffix(tmp_path):
    lines = [json.dumps({"title": "A", "text": "Alpha text."}), "", json.dumps({"title": "B", "text": "Beta text."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles = load(tmp_path).articles
    assert [(a.title, a.path) for a in articles] == [
        ("A", f"{tmp_path}/feed.jsonl#1"), ("B", f"{tmp_path}/feed.jsonl#3")]


def test_html_body_text_without_page_furniture(tmp_path):
    (tmp_path / "page.html").write_text("""<!doctype html><html><head>
<title>Budget passes | Town Crier</title>
<meta property="og:title" content="Budget passes">
<meta property="og:site_name" content="Town Crier">
<meta property="article:published_time" content="2025-03-05T09:00:00Z">
<style>p { color: red }</style><script>var tracking = "noise";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Budget passes</h1>
<p>The council <b>approved</b> the budget<br>after a long debate.</p>
<aside>Related: other things</aside>
<p>The mayor said it was “a good day”.</p>
<div>Advertisement</div>
<script>alert("x")</script>
</article>
<footer>© 2025 Town Crier</footer></body></html>""")
    (article,) = load(tmp_path).articles
    assert article.title == "Budget passes"
    assert article.source == "Town Crier" and article.published == date(2025, 3, 5)
    assert article.text == "The council approved the budget\nafter a long debate.\nThe mayor said it was “a good day”."


def test_html_title_falls_back_to_title_tag_then_h1(tmp_path):
    (tmp_path / "a.htm").write_text("<html><head><title>Page title</title></head><body><p>Text one.</p></body></html>")
    (tmp_path / "b.html").write_text("<html><body><h1>Heading title</h1><p>Text two.</p></body></html>")
    titles = [a.title for a in load(tmp_path).articles]
    assert titles == ["Page title", "Heading title"]


def test_sidecar_metadata_beside_a_txt_and_sidecars_are_not_articles(tmp_path):
    (tmp_path / "story.txt").write_text("He spoke on Wednesday.\nMore text.")
    (tmp_path / "story.meta.json").write_text(json.dumps({"source": "Gazette", "published": "2025-03-05",
                                                         "url": "https://g.test/s"}))
    result = load(tmp_path)
    (article,) = result.articles
    assert (article.source, article.published, article.published_from, article.url) == (
        "Gazette", date(2025, 3, 5), "given", "https://g.test/s")
    assert result.warnings == []


def test_given_values_win_over_inferred_ones(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "It happened on March 1, 2025.", "date": "2025-03-09"}))
    (article,) = load(tmp_path).articles
    assert article.published == date(2025, 3, 9) and article.published_from == "given"


def test_source_is_never_guessed(tmp_path):
    (tmp_path / "reuters_story.txt").write_text("REUTERS: talks resumed, officials said.")
    (article,) = load(tmp_path).articles
    assert article.source is None


def test_folders_are_walked_recursively_in_name_order_and_hidden_ones_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("Inner text.")
    (tmp_path / "a.txt").write_text("Top text.")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden text.")
    (tmp_path / ".secret.txt").write_text("Secret text.")
    result = load(tmp_path)
    assert [a.text for a in result.articles] == ["Top text.", "Inner text."]
    assert result.warnings == []


def test_a_single_file_can_be_loaded(tmp_path):
    (tmp_path / "a.txt").write_text("Only text.")
    (tmp_path / "b.txt").write_text("Other text.")
    result = load(tmp_path / "a.txt")
    assert [a.text for a in result.articles] == ["Only text."]


def test_escape_codes_and_markup_in_a_file(tmp_path):
    (tmp_path / "evil.txt").write_bytes(
        b"\x1b]0;pwned\x07\x1b[2J\x1b[1;31m[bold]Alert[/bold] headline\x1b[0m\n\n"
        b"The [red]minister[/red] said \x1b[4mnothing\x1b[24m.\x07\x1bP+q\x1b\\\n")
    (article,) = load(tmp_path).articles
    assert article.title == "[bold]Alert[/bold] headline"
    assert article.text == "The [red]minister[/red] said nothing."
    assert not any(ch in article.title + article.text for ch in "\x1b\x07\x9b")


def test_plain_markdown_reads_like_rendered_markdown(tmp_path):
    prose = "The council met on Tuesday\nand voted.\n\nThe mayor spoke.\n"
    (tmp_path / "plain.md").write_text(prose)
    (tmp_path / "marked.md").write_text(prose.replace("Tuesday", "*Tuesday*"))
    for name in ("plain.md", "marked.md"):
        (article,) = load(tmp_path / name).articles
        assert article.text == "The council met on Tuesday and voted.\nThe mayor spoke."


def test_a_body_that_repeats_the_given_title_loses_the_repeat(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"title": "Budget Passes: What It Means",
                                                 "text": "Budget passes: what it means.\n\nThe council voted."}))
    (article,) = load(tmp_path).articles
    assert (article.title, article.text) == ("Budget Passes: What It Means", "The council voted.")
