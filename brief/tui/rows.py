"""The left pane's lists: one row source per tab, drawing only the rows on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text

from brief.library import Library
from brief.tui.safe import one_line
from brief.wording import counted

StyleOf = Callable[[str], Style]


def _row(width: int, style: StyleOf, mark: str, title: str, suffix: str, keep: int = 0) -> Text:
    """`mark title … suffix`, the suffix right-aligned, shortened (its parts are separated by
    " · ") or dropped so that the title keeps most of the row. The first `keep` parts always
    stay (an article's outlet): the title is cut to make room for them."""
    text = Text(mark, style=style("unread"), end="")
    text.append(title)
    parts = suffix.split(" · ") if suffix else []
    while parts:  # drop the suffix's last parts until the title keeps most of the row
        suffix = " · ".join(parts)
        room = width - len(suffix) - 1
        if len(parts) <= keep or room >= max(16, int(width * 0.6)) or len(title) + len(mark) <= room:
            # What is kept leaves the title a few columns at least.
            most = max(1, width - len(mark) - min(len(title), 12) - 1)
            if len(suffix) > most:
                suffix = suffix[:most - 1] + "…"
            text.truncate(max(len(mark), width - len(suffix) - 1), overflow="ellipsis", pad=True)
            text.append(" " + suffix, style("dim"))
            break
        parts.pop()
    return text


class _Rows:
    def __init__(self, rows: Sequence, read: set[str]):
        self.rows = rows
        self.read = read

    def __len__(self) -> int:
        return len(self.rows)

    def key(self, index: int) -> str:
        return self.rows[index].id


class StoryRows(_Rows):
    kind = "story"

    def row(self, index: int, width: int, style: StyleOf) -> Text:
        row = self.rows[index]
        mark = "  " if row.id in self.read else "● "
        outlets = counted(len(row.sources), "outlet") if row.sources else f"{row.article_count} art."
        suffix = " · ".join(x for x in (outlets, row.published) if x)
        return _row(width, style, mark, one_line(row.title), suffix)


class ArticleRows(_Rows):
    kind = "article"

    def row(self, index: int, width: int, style: StyleOf) -> Text:
        row = self.rows[index]
        mark = "  " if row.id in self.read else "● "
        suffix = " · ".join(x for x in (one_line(row.source) if row.source else "", row.published) if x)
        return _row(width, style, mark, one_line(row.title), suffix, keep=1 if row.source else 0)


_KINDS = {"organization": "org"}


class ActorRows(_Rows):
    kind = "actor"

    def row(self, index: int, width: int, style: StyleOf) -> Text:
        row = self.rows[index]
        # Fixed-width columns, so counts line up; the kind goes first when narrow.
        counts = f"{row.mention_count:>3}× {row.quote_count:>2} q"
        suffix = f"{counts}  {_KINDS.get(row.kind, row.kind):<6}" if width >= 36 else counts
        text = Text(" ", end="")
        text.append(one_line(row.name))
        text.truncate(max(1, width - len(suffix) - 1), overflow="ellipsis", pad=True)
        text.append(" " + suffix, style("dim"))
        return text


class QuoteRows(_Rows):
    kind = "quote"

    def row(self, index: int, width: int, style: StyleOf) -> Text:
        row = self.rows[index]
        text = Text(" ", end="")
        text.append(f"{one_line(row.speaker) if row.speaker else '(unattributed)'}: ", style("accent"))
        text.append(f"“{one_line(row.text)}”", style("quote"))
        return text


class SourceRows(_Rows):
    kind = "source"

    def key(self, index: int) -> str:
        return self.rows[index].name

    def row(self, index: int, width: int, style: StyleOf) -> Text:
        row = self.rows[index]
        suffix = counted(row.article_count, "article") if row.kind == "outlet" else "cited"
        return _row(width, style, " ", one_line(row.name), suffix)


def rows_for(tab: str, lib: Library, read: set[str]) -> _Rows:
    if tab == "stories":
        return StoryRows(lib.story_rows, read)
    if tab == "articles":
        return ArticleRows(lib.article_rows, read)
    if tab == "actors":
        return ActorRows(lib.actor_rows, read)
    if tab == "quotes":
        return QuoteRows(lib.quote_rows, read)
    return SourceRows(lib.source_rows, read)
