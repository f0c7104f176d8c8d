"""What the middle pane (an item) and the right pane (its context) show, as documents.

Each view reads the library and fills a DocBuilder with plain strings; links are Targets.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from rich.table import Table
from rich.text import Text

from brief.library import Library
from brief.models import Article, Quote, SummarySentence
from brief.tui.safe import clean, one_line
from brief.tui.widgets.document import DocBuilder, Target
from brief.wording import counted

LIST_LIMIT = 200  # a source may have thousands of articles: show the first ones
CONTEXT_LIMIT = 50


@dataclass
class ViewContext:
    query: str = ""
    read: set[str] = field(default_factory=set)


Build = Callable[[DocBuilder], None]
CursorOn = Callable[[Target], bool] | None


def main_view(lib: Library, place: Target, ctx: ViewContext) -> tuple[Build, CursorOn]:
    """The builder for the middle pane and which link to put the cursor on."""
    views = {"story": story_view, "article": article_view, "actor": actor_view,
             "quote": quote_view, "source": source_view}
    view = views.get(place.kind)
    if view is None:
        return (lambda doc: doc.heading(f"Nothing to show for {place.kind}")), None
    cursor_on: CursorOn = None
    if place.kind == "article" and place.start is not None:
        start = place.start
        cursor_on = lambda t: t.kind == "quote" and t.start == start  # noqa: E731
    return (lambda doc: view(lib, place, ctx, doc)), cursor_on


def context_view(lib: Library, place: Target, ctx: ViewContext) -> Build:
    return lambda doc: _context(lib, place, ctx, doc)


# Helpers -----------------------------------------------------------------------------
def _outlet(article: Article | None) -> str:
    return one_line(article.source) if article and article.source else "unknown outlet"


def _speaker_name(lib: Library, quote: Quote) -> str | None:
    actor = lib.actor(quote.speaker_id) if quote.speaker_id else None
    if actor:
        return one_line(actor.name)
    return one_line(quote.speaker_text) if quote.speaker_text else None


def _limited(doc: DocBuilder, items: list, limit: int = LIST_LIMIT) -> list:
    if len(items) > limit:
        return items[:limit]
    return items


def _more(doc: DocBuilder, items: list, limit: int = LIST_LIMIT) -> None:
    if len(items) > limit:
        doc.line(doc.piece(f"  … and {len(items) - limit} more", "dim"))


def _quote_line(lib: Library, doc: DocBuilder, quote: Quote, with_outlet: bool = True) -> None:
    speaker = _speaker_name(lib, quote)
    parts = []
    parts.append(doc.piece(f"{speaker}: " if speaker else "(unattributed) ", "title"))
    parts.append(doc.piece(f"“{one_line(quote.text)}”", "quote", Target("quote", quote.id)))
    details = [x for x in (quote.channel, _outlet(lib.article(quote.article_id)) if with_outlet else None) if x]
    if details:
        parts.append(doc.piece("  — " + ", ".join(one_line(d) for d in details), "dim"))
    doc.line(*parts, indent=2)


def _actor_line(lib: Library, doc: DocBuilder, actor_id: str) -> None:
    actor = lib.actor(actor_id)
    if actor is None:
        return
    doc.line(doc.piece(one_line(actor.name), "link", Target("actor", actor.id)),
             doc.piece(f"  {actor.kind}", "dim"), indent=2)


SENTENCE_CHARS = 600  # a summary sentence is shown up to this long: its link leads to all of it


def _sentence_text(text: str) -> str:
    """A sentence for a summary line, cut (with …) when very long: a text with no full stop is
    one sentence, and 2 MB of it on a summary line took seconds to lay out."""
    if len(text) > SENTENCE_CHARS:
        text = text[:SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
    return one_line(text)


def _sentence_line(lib: Library, doc: DocBuilder, sentence: SummarySentence) -> None:
    article = lib.article(sentence.article_id)
    target = Target("article", sentence.article_id, sentence.start, sentence.end)
    doc.line(doc.piece(f"[{_outlet(article)}] ", "dim"), doc.piece(_sentence_text(sentence.text), None, target), indent=2)


def _article_line(lib: Library, doc: DocBuilder, article_id: str, ctx: ViewContext) -> None:
    article = lib.article(article_id)
    if article is None:
        return
    mark = "  " if article_id in ctx.read else "● "
    details = " · ".join(x for x in (_outlet(article), article.published and article.published.isoformat()) if x)
    doc.line(doc.piece(mark, "unread"), doc.piece(one_line(article.title), "link", Target("article", article_id)),
             doc.piece(f"  {details}", "dim"), indent=2)


MATCH_LIMIT = 1000  # highlights per document; a one-letter search must not stall the view


def _highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    if not query:
        return []
    found = []
    for match in re.finditer(re.escape(query), text, re.IGNORECASE):
        found.append((match.start(), match.end()))
        if len(found) >= MATCH_LIMIT:
            break
    return found


# Story -------------------------------------------------------------------------------
def story_view(lib: Library, place: Target, ctx: ViewContext, doc: DocBuilder) -> None:
    story = lib.story(place.id)
    if story is None:
        doc.heading("This story is no longer in the corpus.", "warning")
        return
    doc.heading(one_line(story.title))
    count = len(story.article_ids)
    parts = [doc.piece(f"{counted(count, 'article')} · ", "dim")]
    parts += _join_links(doc, [("source", s) for s in story.sources]) or [doc.piece("unknown outlets", "dim")]
    if story.published:
        parts.append(doc.piece(f" · {story.published.isoformat()}", "dim"))
    doc.line(*parts)
    if story.cited_sources:
        doc.line(doc.piece("Cites: ", "dim"), *_join_links(doc, [("source", s) for s in story.cited_sources]))
    if story.summary:
        doc.section("Summary")
        for sentence in story.summary:
            _sentence_line(lib, doc, sentence)
    doc.section("Articles")
    for article_id in _limited(doc, story.article_ids):
        _article_line(lib, doc, article_id, ctx)
    _more(doc, story.article_ids)
    if story.actor_ids:
        doc.section("Actors")
        for actor_id in story.actor_ids[:LIST_LIMIT]:
            _actor_line(lib, doc, actor_id)
    if story.quote_ids:
        doc.section("Quotes")
        for quote_id in story.quote_ids[:LIST_LIMIT]:
            quote = lib.quote(quote_id)
            if quote:
                _quote_line(lib, doc, quote)


def _join_links(doc: DocBuilder, items: list[tuple[str, str]]) -> list[Text]:
    parts: list[Text] = []
    for i, (kind, name) in enumerate(items):
        if i:
            parts.append(doc.piece(", "))
        parts.append(doc.piece(one_line(name), "link", Target(kind, name)))
    return parts


# Article -----------------------------------------------------------------------------
def article_view(lib: Library, place: Target, ctx: ViewContext, doc: DocBuilder) -> None:
    article = lib.article(place.id)
    if article is None:
        doc.heading("This article is no longer in the corpus.", "warning")
        return
    analysis = lib.analysis(article.id)
    doc.heading(one_line(article.title), "title")
    meta = [x for x in (article.published and article.published.isoformat(),
                        article.author and f"by {one_line(article.author)}") if x]
    parts = [doc.piece(_outlet(article), "link", Target("source", article.source))] if article.source \
        else [doc.piece("unknown outlet", "dim")]
    if meta:
        parts.append(doc.piece(" · " + " · ".join(meta), "dim"))
    doc.line(*parts)
    if article.url:
        doc.line(doc.piece(one_line(article.url), "link", Target("url", article.url)))
    stories = lib.stories_of_article(article.id)
    if stories:
        doc.line(doc.piece("Story: ", "dim"),
                 *[doc.piece(one_line(s.title), "link", Target("story", s.id)) for s in stories[:3]])
    if analysis and analysis.summary:
        doc.section("Summary")
        for index in analysis.summary:
            if 0 <= index < len(analysis.sentences):
                s = analysis.sentences[index]
                doc.line(doc.piece("• "), doc.piece(_sentence_text(s.text), None, Target("article", article.id, s.start, s.end)), indent=2)
    doc.section("Text")
    doc.add_lazy(block for block, _ in _article_blocks(lib, article, place, ctx, doc))


def _article_text(lib: Library, article: Article, place: Target, ctx: ViewContext, doc: DocBuilder) -> Text:
    """The clean text with quotes, mentions, search matches and the focused span marked, whole."""
    out = Text(end="")
    for block, newline in _article_blocks(lib, article, place, ctx, doc):
        out.append_text(block)
        if newline:
            out.append("\n")
    return out


BLOCK_CHARS = 2000  # a longer paragraph is laid out in blocks of about this size, cut at a space


def _block_breaks(text: str) -> list[int]:
    """Where a block starts that is not a new line: every BLOCK_CHARS characters or so of a long
    paragraph (a 2 MB file of one line), after a space, so that it is laid out a slice at a time."""
    breaks = []
    start = 0
    size = len(text)
    while start < size:
        newline = text.find("\n", start)
        end = size if newline < 0 else newline
        position = start + BLOCK_CHARS
        while position < end:
            space = text.find(" ", position, end)
            if space < 0:
                break
            breaks.append(space + 1)
            position = space + 1 + BLOCK_CHARS
        start = end + 1
    return breaks


def _article_blocks(lib: Library, article: Article, place: Target, ctx: ViewContext,
                    doc: DocBuilder) -> Iterator[tuple[Text, bool]]:
    """The clean text with quotes, mentions, search matches and the focused span marked, a
    paragraph (a line of the text) at a time, each with whether a line break follows it; made as
    it is laid out, so that a long article shows its start at once."""
    text = clean(article.text)
    size = len(text)
    # start, end, role, target (for a mention, its actor key until it is looked up)
    spans: list[tuple[int, int, str, Target | str | None]] = []
    analysis = lib.analysis(article.id)
    for quote in lib.quotes_of_article(article.id):
        spans.append((quote.start, quote.end, "quote", Target("quote", quote.id, quote.start, quote.end)))
    # A mention's actor is looked up when its paragraph is made, once per actor: a cached library
    # reads the article's actor map for each lookup (1 ms), and a long transcript mentions 1,300.
    actors: dict[str, Target | None] = {}

    def resolve(target: Target | str | None) -> Target | None:
        if not isinstance(target, str):
            return target
        if target not in actors:
            actor = lib.actor_for_mention(article.id, target)
            actors[target] = Target("actor", actor.id) if actor else None
        return actors[target]

    if analysis:
        for mention in analysis.mentions:
            spans.append((mention.start, mention.end, "mention", mention.actor_key))
    for start, end in _highlight_spans(text, ctx.query):
        spans.append((start, end, "match", None))
    if place.start is not None:
        spans.append((place.start, place.end if place.end is not None else place.start + 1, "focus", None))
    spans = sorted((s for s in spans if 0 <= s[0] < s[1] <= size), key=lambda s: s[0])
    newlines = [m.start() for m in re.finditer("\n", text)]
    breaks = set(_block_breaks(text))
    cuts = sorted({0, size, *(s[0] for s in spans), *(s[1] for s in spans),
                   *newlines, *(n + 1 for n in newlines), *breaks})
    order = {"quote": 0, "mention": 1, "match": 2, "focus": 3}
    out = Text(end="")
    anchored = False
    active: list[tuple[int, int, str, Target | str | None]] = []
    upcoming = 0
    for left, right in zip(cuts, cuts[1:]):
        if text[left] == "\n":  # a cut either side: the paragraph ends
            yield out, True
            out = Text(end="")
            continue
        if left in breaks:
            yield out, False
            out = Text(end="")
        # Sweep: spans enter at their start and leave at their end, so each cut costs the
        # spans open there, not all spans of the article.
        while upcoming < len(spans) and spans[upcoming][0] <= left:
            active.append(spans[upcoming])
            upcoming += 1
        active = [s for s in active if s[1] > left]
        covering = sorted(active, key=lambda s: order[s[2]])
        roles = tuple(dict.fromkeys(s[2] for s in covering))
        # The innermost link wins: a mention inside a quote leads to the actor.
        target = next((t for t in (resolve(s[3]) for s in reversed(covering)) if t is not None), None)
        anchor = "focus" in roles and not anchored
        anchored = anchored or anchor
        out.append_text(doc.piece(text[left:right], roles or None, target, anchor=anchor))
    yield out, False


# Actor -------------------------------------------------------------------------------
def actor_view(lib: Library, place: Target, ctx: ViewContext, doc: DocBuilder) -> None:
    actor = lib.actor(place.id)
    if actor is None:
        doc.heading("This actor is no longer in the corpus.", "warning")
        return
    brief = lib.actor_brief(actor.id)
    doc.heading(one_line(actor.name))
    doc.line(doc.piece(f"{actor.kind} · {counted(actor.mention_count, 'mention')} · "
                       f"{counted(len(actor.article_ids), 'article')} · {counted(len(actor.quote_ids), 'quote')}", "dim"))
    variants = [a for a in actor.aliases if a != actor.name]
    if variants:
        doc.line(doc.piece("Also: ", "dim"), doc.piece(", ".join(one_line(v) for v in variants)))
    if actor.roles:
        doc.section("Roles")
        sources = {}
        for item in actor.role_sources:
            sources.setdefault(item.get("role"), item.get("article_id"))
        for role in actor.roles:
            parts = [doc.piece(one_line(role))]
            article_id = sources.get(role)
            if article_id and lib.article(article_id):
                parts.append(doc.piece(f"  ({_outlet(lib.article(article_id))})", "dim",
                                       Target("article", article_id)))
            doc.line(*parts, indent=2)
    if actor.quote_ids:
        doc.section("Said")
        for quote_id in actor.quote_ids[:LIST_LIMIT]:
            quote = lib.quote(quote_id)
            if quote:
                doc.line(doc.piece(f"“{one_line(quote.text)}”", "quote", Target("quote", quote.id)),
                         doc.piece("  — " + ", ".join(x for x in (one_line(quote.channel), _outlet(lib.article(quote.article_id))) if x), "dim"),
                         indent=2)
    if brief and brief.said_about:
        doc.section("What is said about them")
        for sentence in brief.said_about:
            _sentence_line(lib, doc, sentence)
    story_ids = brief.story_ids if brief else []
    if story_ids:
        doc.section("Stories")
        for story_id in story_ids[:LIST_LIMIT]:
            story = lib.story(story_id)
            if story:
                doc.line(doc.piece(one_line(story.title), "link", Target("story", story.id)), indent=2)
    if brief and brief.outlets:
        doc.section("Outlets")
        doc.line(*_join_links(doc, [("source", o) for o in brief.outlets]), indent=2)


# Quote -------------------------------------------------------------------------------
def quote_view(lib: Library, place: Target, ctx: ViewContext, doc: DocBuilder) -> None:
    quote = lib.quote(place.id)
    if quote is None:
        doc.heading("This quote is no longer in the corpus.", "warning")
        return
    words = doc.piece(f"“{clean(quote.text)}”", "quote")
    for start, end in _highlight_spans(words.plain, ctx.query):
        words.stylize(doc.style("match"), start, end)
    doc.add(words)
    doc.blank()
    actor = lib.actor(quote.speaker_id) if quote.speaker_id else None
    if actor:
        doc.line(doc.piece("Speaker: ", "dim"), doc.piece(one_line(actor.name), "link", Target("actor", actor.id)),
                 doc.piece(f"  (named as “{one_line(quote.speaker_text)}”)" if quote.speaker_text and quote.speaker_text != actor.name else "", "dim"))
    else:
        doc.line(doc.piece("Speaker: ", "dim"), doc.piece(one_line(quote.speaker_text) or "unattributed"))
    details = []
    for name, value in (("Cue", quote.cue), ("Channel", quote.channel), ("Reported by", quote.reported_by),
                        ("Kind", quote.kind)):
        if value:
            details += [doc.piece(f"{name}: ", "dim"), doc.piece(one_line(value) + "   ")]
    doc.line(*details)
    article = lib.article(quote.article_id)
    if article:
        doc.line(doc.piece("In: ", "dim"),
                 doc.piece(one_line(article.title), "link", Target("article", article.id, quote.start, quote.end)),
                 doc.piece(f"  {_outlet(article)}" + (f" · {article.published.isoformat()}" if article.published else ""), "dim"))
    group = lib.quote_group(quote.group_id) if quote.group_id else None
    others = [lib.quote(q) for q in group.quote_ids if q != quote.id] if group else []
    others = [q for q in others if q is not None]
    doc.section("As each outlet worded it")
    if not others:
        doc.line(doc.piece("  No other outlet carries this quote.", "dim"))
        return
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1), show_edge=False)
    table.add_column(Text(f"{_outlet(article)} (this)", style=doc.style("label"), end=""), ratio=1)
    table.add_column(Text("Elsewhere", style=doc.style("label"), end=""), ratio=1)
    for other in others:
        mine, theirs = worded_diff(quote.text, other.text, doc)
        outlet = doc.piece(_outlet(lib.article(other.article_id)) + ": ", "dim", Target("quote", other.id))
        table.add_row(mine, Text.assemble(outlet, theirs, end=""))
    doc.add(table)


_TOKEN = re.compile(r"\S+")


def _normal(word: str) -> str:
    return re.sub(r"[^\w]", "", word.casefold())


def worded_diff(a: str, b: str, doc: DocBuilder) -> tuple[Text, Text]:
    """`a` and `b` with the words that differ between them marked."""
    words_a, words_b = _TOKEN.findall(clean(a)), _TOKEN.findall(clean(b))
    matcher = difflib.SequenceMatcher(a=[_normal(w) for w in words_a], b=[_normal(w) for w in words_b],
                                      autojunk=False)
    same_a: set[int] = set()
    same_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        same_a.update(range(block.a, block.a + block.size))
        same_b.update(range(block.b, block.b + block.size))

    def render(words: list[str], same: set[int]) -> Text:
        out = Text(end="")
        for i, word in enumerate(words):
            if i:
                out.append(" ")
            out.append(word, doc.style("quote") if i in same else doc.style(("quote", "diff")))
        return out

    return render(words_a, same_a), render(words_b, same_b)


# Source ------------------------------------------------------------------------------
def source_view(lib: Library, place: Target, ctx: ViewContext, doc: DocBuilder) -> None:
    source = lib.source(place.id)
    if source is None:
        doc.heading(one_line(place.id))
        doc.line(doc.piece("Not an outlet of this corpus.", "dim"))
        return
    doc.heading(one_line(source.name))
    kind = "outlet" if source.kind == "outlet" else "cited source (quoted by outlets)"
    doc.line(doc.piece(f"{kind} · {counted(len(source.article_ids), 'article')}", "dim"))
    if source.article_ids:
        doc.section("Articles")
        for article_id in _limited(doc, source.article_ids):
            _article_line(lib, doc, article_id, ctx)
        _more(doc, source.article_ids)
    if source.cites:
        doc.section("Cites")
        doc.line(*_join_links(doc, [("source", s) for s in source.cites]), indent=2)
    if source.cited_by:
        doc.section("Cited by")
        doc.line(*_join_links(doc, [("source", s) for s in source.cited_by]), indent=2)
    if source.exclusives:
        doc.section("Only here")
        for exclusive in source.exclusives[:LIST_LIMIT]:
            story = lib.story(exclusive.story_id)
            title = one_line(story.title) if story else exclusive.story_id
            doc.line(doc.piece(title, "link", Target("story", exclusive.story_id)), indent=2)
            for sentence in exclusive.sentences:
                doc.line(doc.piece(_sentence_text(sentence.text), None,
                                   Target("article", sentence.article_id, sentence.start, sentence.end)), indent=4)


# Context (right pane) ----------------------------------------------------------------
def _context(lib: Library, place: Target, ctx: ViewContext, doc: DocBuilder) -> None:
    actor_ids: list[str] = []
    quotes: list[Quote] = []
    extra: list[tuple[str, list[tuple[str, str]]]] = []
    if place.kind == "story" and (story := lib.story(place.id)):
        actor_ids = story.actor_ids
        quotes = [q for q in map(lib.quote, story.quote_ids[:CONTEXT_LIMIT]) if q]
        extra = [("Outlets", [("source", s) for s in story.sources]),
                 ("Cited", [("source", s) for s in story.cited_sources])]
    elif place.kind == "article" and lib.article(place.id):
        seen: dict[str, None] = {}
        analysis = lib.analysis(place.id)
        for local in analysis.actors if analysis else []:
            if len(seen) >= CONTEXT_LIMIT:  # only these are shown (each lookup reads the cache)
                break
            actor = lib.actor_for_mention(place.id, local.key)
            if actor:
                seen.setdefault(actor.id)
        actor_ids = list(seen)
        quotes = lib.quotes_of_article(place.id)
        extra = [("Story", [("story", s.id) for s in lib.stories_of_article(place.id)])]
    elif place.kind == "actor" and (actor := lib.actor(place.id)):
        brief = lib.actor_brief(actor.id)
        actor_ids = brief.appears_with if brief else []
        quotes = [q for q in map(lib.quote, actor.quote_ids[:CONTEXT_LIMIT]) if q]
    elif place.kind == "quote" and (quote := lib.quote(place.id)):
        if quote.speaker_id:
            actor_ids = [quote.speaker_id]
        group = lib.quote_group(quote.group_id) if quote.group_id else None
        quotes = [q for q in map(lib.quote, group.quote_ids if group else []) if q and q.id != quote.id]
        speaker = lib.actor(quote.speaker_id) if quote.speaker_id else None
        if speaker:
            quotes += [q for q in map(lib.quote, speaker.quote_ids[:CONTEXT_LIMIT])
                       if q and q.id != quote.id and q not in quotes]
    elif place.kind == "source" and (source := lib.source(place.id)):
        for article_id in source.article_ids[:CONTEXT_LIMIT]:
            quotes.extend(lib.quotes_of_article(article_id))
        speakers = dict.fromkeys(q.speaker_id for q in quotes if q.speaker_id)
        actor_ids = list(speakers)
        extra = [("Cites", [("source", s) for s in source.cites])]
    doc.heading("Actors", "label")
    if actor_ids:
        for actor_id in actor_ids[:CONTEXT_LIMIT]:
            _actor_line(lib, doc, actor_id)
    else:
        doc.line(doc.piece("  none found", "dim"))
    doc.section("Quotes")
    if quotes:
        for quote in quotes[:CONTEXT_LIMIT]:
            _quote_line(lib, doc, quote, with_outlet=place.kind != "article")
    else:
        doc.line(doc.piece("  none found", "dim"))
    for title, links in extra:
        if links:
            doc.section(title)
            for kind, key in links:
                label = key
                if kind == "story" and (story := lib.story(key)):
                    label = story.title
                doc.line(doc.piece(one_line(label), "link", Target(kind, key)), indent=2)
