"""HTML: the readable body text (scripts, styles, navigation, headers, footers, asides dropped) and
the metadata the page carries (Open Graph, article:* meta, JSON-LD, <title>, <h1>, <time>)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from brief.corpus.readers import Draft, Source, records

EXTENSIONS = (".html", ".htm", ".xhtml")

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "select", "figure", "dialog", "menu", "object", "embed", "canvas", "video", "audio",
         "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[role=dialog]",
         "[aria-hidden=true]", "[hidden]")
_BLOCKS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr td th caption "
    "figcaption address hr br center details summary".split()
)


def _meta(tree, *names: str) -> str | None:
    for name in names:
        node = tree.css_first(f'meta[property="{name}"]') or tree.css_first(f'meta[name="{name}"]')
        if node is not None:
            value = (node.attributes.get("content") or "").strip()
            if value:
                return value
    return None


def _json_ld(tree) -> dict:
    """The first NewsArticle-like object of the page's JSON-LD, if any."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "", strict=False)
        except json.JSONDecodeError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and ("headline" in item or "datePublished" in item):
                return item
    return {}


def paragraphs(root) -> list[str]:
    """Text of `root`, one string per block element; inline elements flow into their block."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            out.append(text)
        current.clear()

    def visit(node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append(child.text_content or "")
            elif tag in _BLOCKS:
                flush()
                visit(child)
                flush()
            elif tag not in ("-comment", "-doctype"):
                visit(child)

    visit(root)
    flush()
    return out


def _title_and_meta(tree) -> tuple[str | None, dict[str, object]]:
    ld = _json_ld(tree)
    h1 = None
    for scope in ("article h1", "main h1", "h1"):
        node = tree.css_first(scope)
        if node is not None and node.text(deep=True).strip():
            h1 = " ".join(node.text(deep=True).split())
            break
    title_node = tree.css_first("title")
    page_title = " ".join(title_node.text(deep=True).split()) if title_node is not None else None
    title = _meta(tree, "og:title", "twitter:title") or records._as_text(ld.get("headline")) or h1 or page_title
    time_node = tree.css_first("article time[datetime]") or tree.css_first("time[datetime]")
    canonical = tree.css_first('link[rel="canonical"]')
    meta = {
        "source": _meta(tree, "og:site_name", "application-name") or records._as_text(ld.get("publisher")),
        "url": _meta(tree, "og:url") or (canonical.attributes.get("href") if canonical is not None else None)
        or records._as_text(ld.get("url")),
        "published": _meta(tree, "article:published_time", "datePublished", "pubdate", "publish-date",
                           "date", "dc.date", "DC.date.issued", "sailthru.date")
        or records._as_text(ld.get("datePublished"))
        or (time_node.attributes.get("datetime") if time_node is not None else None),
        "author": _meta(tree, "author", "article:author") or records._as_text(ld.get("author")),
    }
    return title, {k: v for k, v in meta.items() if v}


def drop(tree, selector: str) -> None:
    """Remove the matching elements with their content; only the outermost of nested matches is
    removed (its descendants go with it and must not be touched again)."""
    doomed = tree.css(selector)
    ids = {node.mem_id for node in doomed}
    for node in doomed:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            node.decompose()


def read(source: Source) -> Iterator[Draft]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source.read_text())
    title, meta = _title_and_meta(tree)
    drop(tree, ", ".join(_DROP))
    articles = tree.css("article")
    root = max(articles, key=lambda n: len(n.text(deep=True))) if articles else (
        tree.css_first("main") or tree.body or tree.root)
    body = paragraphs(root) if root is not None else []
    if body and title and body[0] == title:
        body = body[1:]  # the headline is the title, not the first paragraph
    yield Draft(text="\n".join(body), title=title, meta=meta, structured=True)
