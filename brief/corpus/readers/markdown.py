"""Markdown with optional YAML front matter. The body is rendered (CommonMark) and read like HTML,
so links, emphasis and code marks do not end up in the text; a leading '# Heading' is the title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from brief.corpus.clean import split_blank_paragraphs
from brief.corpus.readers import Draft, Source, records

EXTENSIONS = (".md", ".markdown", ".mdown")

# Anything that Markdown would render differently from plain prose: emphasis, code, links, images,
# headings, quotes, lists, rules, HTML, entities, escapes, tables, indented code.
_SYNTAX = re.compile(
    r"[*_`\[\]|\\~]|<[A-Za-z/!?]|&(?:#\d+|#x[\da-fA-F]+|\w+);"
    r"|^ {0,3}(?:#|>|[-+*]\s|\d{1,9}[.)]\s|=+\s*$|-+\s*$)|^(?: {4}|\t)",
    re.MULTILINE,
)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)


def split_front_matter(text: str, source: Source) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    match = _FRONT.match(text)
    if match is None:
        source.warn("front matter is not closed by a '---' line; read the whole file as text")
        return {}, text
    import yaml

    body = text[match.end():]
    try:
        data = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""
        source.warn(f"front matter is not valid YAML{at}; its metadata was ignored")
        return {}, body
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        source.warn(f"front matter is a {type(data).__name__}, not a mapping of keys; its metadata was ignored")
        return {}, body
    return data, body


@lru_cache(maxsize=1)
def _renderer():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def read(source: Source) -> Iterator[Draft]:
    from selectolax.lexbor import LexborHTMLParser

    from brief.corpus.readers.html import drop, paragraphs

    front, body = split_front_matter(source.read_text(), source)
    meta = records.metadata(front)
    title = meta.pop("title", None)
    if not _SYNTAX.search(body):
        # Plain prose: what rendering would give (blank-line paragraphs, soft breaks joined), 20x faster.
        text = "\n".join(" ".join(p.split()) for p in split_blank_paragraphs(body))
        yield Draft(text=text, title=title, meta=meta, structured=True)
        return
    tree = LexborHTMLParser(_renderer().render(body))
    drop(tree, "script, style, nav, header, footer, aside, iframe")
    heading = tree.css_first("h1")
    if title is None and heading is not None:
        first = tree.body.css_first("*") if tree.body is not None else None
        if first is not None and first.tag == "h1":  # only a heading that opens the document is a title
            title = " ".join(heading.text(deep=True).split())
            heading.decompose()
    text = "\n".join(paragraphs(tree.body)) if tree.body is not None else ""
    if title and text.split("\n", 1)[0] == title:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    yield Draft(text=text, title=title, meta=meta, structured=True)
