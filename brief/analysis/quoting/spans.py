"""Quoted spans in raw text: curly and straight marks, UK-style singles, newswire quotes over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DOUBLE = re.compile(r'[“”"\n]')
# The mark first, then what stands before it: a search then skips ahead to the next mark.
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[—–][‘'])(?=[A-Za-z])")
_SINGLE_CLOSE = re.compile(r"[’'](?<=\S[’'])(?![A-Za-z0-9])")
# Elisions that open with an apostrophe, not a quote mark.
_ELISIONS = re.compile(r"[‘'](?:em|til|cause|n'?|tis|twas|bout|round)\b", re.IGNORECASE)
_FINAL_PUNCT = ".?!"
MASK = "~"


@dataclass
class QuoteSpan:
    """Where a quotation sits: `segments` hold the quoted words, one per paragraph it runs over."""

    open_at: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    close_end: int | None = None  # just after the closing mark; None when the paragraph ended first
    single: bool = False

    @staticmethod
    def nested_close_ahead(text: str, pos: int) -> bool:
        """Two closing marks follow in the paragraph: the inner quote's and the outer one's."""
        end = text.find("\n", pos)
        rest = text[pos + 1 : end if end >= 0 else len(text)]
        closes = [i for i, c in enumerate(rest) if c == "”"]
        opens = rest.find("“")
        return len(closes) >= 2 and (opens < 0 or opens > closes[1])

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    @property
    def after(self) -> int:
        """Where the text after the quotation starts."""
        return self.close_end if self.close_end is not None else self.end


def _straight_shape(text: str, pos: int) -> str | None:
    """Which way a straight double mark faces: 'open' ( "Word), 'close' (word" ), or None when it cannot tell."""
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    opens = (prev.isspace() or prev in "([{—–/") and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _paragraph_opens_with_quote(text: str, newline: int) -> int | None:
    """The offset of the opening mark when the paragraph after `newline` starts with one."""
    i = newline
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i if i < n and text[i] in '“"' else None


def _double_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    cur: QuoteSpan | None = None
    depth = 0
    seg_start = 0
    skip_at = -1  # the opening mark of a continued paragraph: not a new quote
    for m in _DOUBLE.finditer(text):
        pos = m.start()
        ch = m.group()
        if pos == skip_at:
            seg_start = pos + 1
            continue
        if ch == "\n":
            if cur is None or pos < seg_start:
                continue
            cur.segments.append((seg_start, pos))
            nxt = _paragraph_opens_with_quote(text, pos)
            if nxt is not None:
                skip_at = nxt  # newswire: the quote goes on in the next paragraph
                seg_start = len(text) + 1
            else:
                spans.append(cur)
                cur = None
            continue
        if ch == '"':
            shape = _straight_shape(text, pos)
            if shape == "open" and cur is not None and depth == 0:
                # '"A. "B." X': a quote paragraph run into the previous one, its closing mark never typed.
                ch = "“"
            elif shape == "close" and cur is None:
                continue  # a stray closing mark
        if cur is None:
            if ch == "”" and not (pos + 1 < len(text) and text[pos + 1].isalnum()):
                continue  # a stray closing mark
            cur = QuoteSpan(open_at=pos)
            seg_start = pos + 1
            continue
        if ch == "“" and pos > 0 and not text[pos - 1].isspace() and (pos + 1 >= len(text) or not text[pos + 1].isalnum()):
            ch = "”"  # an opening mark typed where a closing one belongs
        if ch == "“" and text[pos] == "“" and cur.nested_close_ahead(text, pos):
            depth += 1  # “…“hell”…”: a quote inside the quote, closed before the outer one
            continue
        if ch == "”" and depth:
            depth -= 1
            continue
        if ch == "“":
            # A new opening mark while one is open: the first was never closed.
            cur.segments.append((seg_start, pos))
            spans.append(cur)
            cur = QuoteSpan(open_at=pos)
            seg_start = pos + 1
            continue
        cur.segments.append((seg_start, pos))
        cur.close_end = pos + 1
        spans.append(cur)
        cur = None
    if cur is not None and seg_start <= len(text):
        cur.segments.append((seg_start, len(text)))
        spans.append(cur)
    return spans


def _single_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """UK-style and headline single quotes, outside double quotes; apostrophes are not quotes."""
    if "‘" not in text and "'" not in text:
        return []
    inside = [(s.open_at, s.after) for s in doubles]

    def in_double(pos: int) -> bool:
        return any(a <= pos < b for a, b in inside)

    spans: list[QuoteSpan] = []
    offset = 0
    for para in text.split("\n"):
        pos = 0
        while True:
            m = _SINGLE_OPEN.search(para, pos)
            if m is None:
                break
            o = m.start()
            pos = o + 1
            if in_double(offset + o) or _ELISIONS.match(para, o):
                continue
            closers = [c.start() for c in _SINGLE_CLOSE.finditer(para, o + 2) if not in_double(offset + c.start())]
            close = None
            for k, c in enumerate(closers):
                # "voters’ rights": a plural possessive, when a better closer follows.
                if para[c - 1] in "sS" and para[c + 1 : c + 3].strip()[:1].islower() and k + 1 < len(closers):
                    continue
                close = c
                break
            if close is None:
                continue
            spans.append(QuoteSpan(open_at=offset + o, segments=[(offset + o + 1, offset + close)], close_end=offset + close + 1, single=True))
            pos = close + 1
        offset += len(para) + 1
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation at the top level, in text order, with its words trimmed of spaces and a trailing comma."""
    doubles = _double_spans(text)
    singles = _single_spans(text, doubles)
    if singles:
        # A double quote nested in a UK-style single quote belongs to it.
        doubles = [d for d in doubles if not any(s.open_at < d.open_at and d.after <= s.after for s in singles)]
    spans = []
    for span in sorted(doubles + singles, key=lambda s: s.open_at):
        segments = [_trimmed(text, a, b) for a, b in span.segments]
        segments = [(a, b) for a, b in segments if b > a]
        if not segments or not any(ch.isalnum() for a, b in segments for ch in text[a:b]):
            continue
        span.segments = segments
        spans.append(span)
    return spans


def masked_text(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted words hidden, so patterns and names outside quotes are all that is seen.

    A final . ? ! stays visible: it ends the sentence around the quote."""
    chars = list(text)
    for span in spans:
        for a, b in span.segments:
            chars[a:b] = "\n".join(MASK * len(line) for line in text[a:b].split("\n"))  # line breaks stay
        last = span.end - 1
        if text[last] in _FINAL_PUNCT:
            chars[last] = text[last]
        # A trailing comma inside the marks was trimmed from the span: hide it too.
        if span.close_end is not None:
            for i in range(span.end, span.close_end - 1):
                if chars[i] == ",":
                    chars[i] = MASK
    return "".join(chars)
