"""Cleaning by general rules: what a reader would not call part of the article goes.

The shape of `Article.text` that every later step relies on:
- one paragraph per line: paragraphs are separated by a single "\\n"; there are no blank lines,
  no leading or trailing whitespace on a line, and runs of spaces are one space (tabs stay);
- Unicode NFC. Not NFKC: compatibility folding rewrites meaning ("km²" -> "km2", "½" -> "1⁄2",
  "™" -> "TM", superscript footnote marks become digits) where NFC only joins what is canonically one
  character, so text that looks the same is stored the same and nothing else changes;
- no terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC, in their 7-bit and 8-bit C1 forms), no other
  control character but tab and newline, no bidi embeddings, overrides or isolates (U+202A-202E,
  U+2066-2069), no BOMs or soft hyphens; CRLF, CR, NEL, U+2028/2029, VT and FF become newlines and
  other space characters (no-break space, thin space...) a plain space;
- markup-looking text ("[bold]", "<b>" in a .txt) stays as literal text: it is the viewer's job to
  show it literally;
- site boilerplate removed: a built-in rule only ever removes a whole short line ("Impact Shorts",
  "With inputs from agencies", a lone ")") or a short label glued to the start of a line
  ("More Shorts“Today our ..." keeps "“Today our ..."), never part of a sentence.

Where the source has blank lines between paragraphs and wraps lines inside them (most lines
ending mid-sentence), the wrapped lines are joined; otherwise every line is its own paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Terminal control sequences (ECMA-48). String sequences run to their terminator (BEL or ST) or,
# when a file cuts one short, to the end of the line: never further, so no text is swallowed.
_TERMINAL = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x9c\x1b\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC (titles, hyperlinks)
    r"|(?:\x1b[P_^X]|[\x90\x98\x9e\x9f])[^\x07\x9c\x1b\n]*(?:\x1b\\|\x9c)?"  # DCS, APC, PM, SOS
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI (colours, cursor moves)
    r"|\x1b[ -/]*[0-~]?"  # any other escape (charset selection, ESC 7, ESC c) or a lone ESC
)
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
# Runs of two or more spaces, or any space character other than a plain space (single spaces, the
# common case, are not matched at all: substituting them costs time for nothing).
# Space characters (Zs) other than the plain space; a single-space run is never substituted (it is
# the common case and substituting it costs time for nothing).
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(" {2,}")
# Anything the slow path must handle; most text has none of it.
_UNUSUAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")

OPENING_QUOTES = "“\"‘'«„‹「『"
_TERMINAL_PUNCT = tuple(".!?:;\"”’')]»…")

# Labels a site puts on a line of their own: widget headings, buttons, ad slots, share bars.
# They match a whole line (trailing ":" or "»" allowed) and, when glued to what follows
# without a space, also a prefix.
BOILERPLATE_LABELS = (
    "impact shorts", "more shorts", "top shorts", "latest shorts", "shorts",
    "advertisement", "advertisements", "advertisment", "ad", "ads", "sponsored", "sponsored content",
    "promoted", "promoted content", "paid content", "paid post", "partner content",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading", "continue reading below", "article continues below", "scroll to continue",
    "scroll to continue with content", "skip advertisement", "skip ad", "remove ads",
    "read more", "read also", "also read", "see also", "must read", "read next", "up next",
    "recommended", "recommended for you", "recommended stories", "related", "related stories",
    "related articles", "related news", "related content", "related posts", "related topics",
    "more stories", "more news", "more from this section", "top stories", "trending", "trending now",
    "trending stories", "most read", "most popular", "popular", "latest news", "latest stories",
    "latest", "you may also like", "you might also like", "don't miss", "don’t miss", "editor's picks",
    "editor’s picks", "in other news", "in case you missed it", "what to read next",
    "share", "share this", "share this article", "share this story", "share this post",
    "share on facebook", "share on twitter", "share on x", "share on whatsapp", "share on linkedin",
    "share via email", "share via", "tweet", "email", "print", "copy link", "link copied", "copied",
    "comments", "comment", "leave a comment", "view comments", "show comments", "join the conversation",
    "follow us", "follow", "subscribe", "subscribe now", "newsletter", "sign up", "sign in", "log in",
    "login", "register", "listen to this article", "listen", "watch", "watch video", "watch now",
    "video", "play video", "gallery", "view gallery", "photos", "back to top", "skip to content",
    "skip to main content", "menu", "close", "search", "home", "next article", "previous article",
    "next story", "previous story", "open in app", "download the app", "get the app",
)

_WORD = r"[^\W\d_][\w'’.&-]*"
# Whole-line rules with a variable tail; each is limited to a few words and most refuse a line
# that ends like a sentence, so no reported sentence can be taken for one of them.
_LINE_RULES: tuple[tuple[str, int, bool], ...] = (
    # (pattern, most words, allowed to end like a sentence)
    (r"(?:with )?(?:additional |more )?(?:inputs?|reporting|contributions?) (?:from|by) .+", 10, True),
    (r"(?:read more|also read|read also|see also|read next|must read|watch|listen|more|related)"
     r"\s*[:|»›>\-–—]\s*.+", 16, False),
    (r"(?:click|tap) here\b.*", 16, True),
    (r"(?:subscribe|sign up|register)\b.*\b(?:newsletters?|updates|alerts|briefing|digest|podcast|channel|"
     r"our|free|now|today|here|membership|inbox)\b.*", 20, True),
    (r"(?:follow|like|join) us\b.*", 14, True),
    (r"follow @\w+\b.*", 10, True),
    (r"(?:share|follow)(?: (?:this|the))? (?:article|story|post|on|via)\b.*", 10, False),
    (r"(?:first published|published|last updated|updated|posted)\s*(?::|on\b|at\b)?\s*"
     r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b).*", 14, False),
    (r"(?:©|\(c\)|copyright ©|copyright \d{4}).*", 16, True),
    (r"all rights reserved\.?", 4, True),
)


class Boilerplate:
    """The boilerplate rules of one configuration: the built-in ones and the user's whole-line patterns."""

    def __init__(self, patterns: Iterable[str] = (), builtin: bool = True):
        self.errors: list[str] = []
        self.builtin = builtin
        self.user: list[re.Pattern[str]] = []
        for pattern in patterns:
            try:
                self.user.append(re.compile(pattern))
            except re.error as exc:
                self.errors.append(f"boilerplate pattern {pattern!r} is not a valid regular expression ({exc}); ignored")
        labels = sorted(BOILERPLATE_LABELS, key=len, reverse=True)
        alternation = "|".join(re.escape(label) for label in labels)
        self._label_line = re.compile(rf"(?:{alternation})\s*[:|»›>.!…]*", re.IGNORECASE)
        # Only labels unlikely to begin a real word may be peeled off the front of a line.
        glueable = [label for label in labels if " " in label or len(label) >= 10]
        self._label_prefix = re.compile("|".join(re.escape(label) for label in glueable), re.IGNORECASE)
        self._rules = [(re.compile(p, re.IGNORECASE), words, sentence_ok) for p, words, sentence_ok in _LINE_RULES]

    def is_boilerplate(self, line: str) -> bool:
        if any(p.fullmatch(line) for p in self.user):
            return True
        if not self.builtin:
            return False
        if not any(ch.isalnum() for ch in line):
            return True  # a lone ")", "***", "—"
        if self._label_line.fullmatch(line):
            return True
        words = line.count(" ") + 1
        ends_like_sentence = line.endswith(_TERMINAL_PUNCT)
        for pattern, most_words, sentence_ok in self._rules:
            if words <= most_words and (sentence_ok or not ends_like_sentence) and pattern.fullmatch(line):
                return True
        return False

    def strip_glued(self, line: str) -> str:
        """Peel boilerplate glued to the start of a line: 'More Shorts“Today' -> '“Today', ')Ukrainian' -> 'Ukrainian'."""
        if not self.builtin:
            return line
        while True:
            match = self._label_prefix.match(line)
            if match and match.end() < len(line) and _opens_text(line[match.end()]):
                line = line[match.end():]
                continue
            if line[:1] in ")]}" and len(line) > 1:
                rest = line.lstrip(")]}")
                if rest and _opens_text(rest[0]):
                    line = rest
                    continue
            return line


def _opens_text(ch: str) -> bool:
    return ch in OPENING_QUOTES or ch.isupper()


@lru_cache(maxsize=16)
def boilerplate_rules(patterns: tuple[str, ...], builtin: bool) -> Boilerplate:
    return Boilerplate(patterns, builtin)


def strip_terminal_codes(text: str) -> str:
    """Remove escape sequences and control characters (but tab, CR and LF) before a format is parsed."""
    if not _UNUSUAL.search(text):
        return text
    text = _TERMINAL.sub("", text)
    return _CONTROLS.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n").replace("\x85", "\n"))


def normalize(text: str) -> str:
    """Escape codes, controls and invisible characters gone, newlines LF, spaces plain, NFC."""
    if _UNUSUAL.search(text):
        text = _TERMINAL.sub("", text)
        text = _NEWLINES.sub("\n", text)
        text = _CONTROLS.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = _ODD_SPACES.sub(" ", text)
    return _SPACE_RUNS.sub(" ", text) if "  " in text else text


def clean_inline(value: str) -> str:
    """A one-line field (title, source, author): normalised, all whitespace one space."""
    return " ".join(normalize(value).split())


def clean_text(text: str, rules: Boilerplate, unwrap: bool = True) -> str:
    """Raw article text -> `Article.text` (see the module docstring for its shape).

    `unwrap=False` for text whose lines are already paragraphs (from HTML or Markdown).
    """
    text = normalize(text)
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            line = rules.strip_glued(line)
        if not line or rules.is_boilerplate(line):
            if blocks[-1]:
                blocks.append([])  # a removed line still ends a paragraph: never glue across it
            continue
        blocks[-1].append(line)
    blocks = [b for b in blocks if b]
    if unwrap and _looks_wrapped(blocks):
        return "\n".join(p for block in blocks for p in _unwrap(block))
    return "\n".join(line for block in blocks for line in block)


_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,3}[.)])\s")


def _looks_wrapped(blocks: list[list[str]]) -> bool:
    """Lines broken for width, not for meaning: most lines that continue a block end mid-sentence."""
    inner = [line for block in blocks for line in block[:-1]]
    if len(inner) < 3:
        return False  # too few lines to tell wrapping from short paragraphs
    mid_sentence = sum(1 for line in inner if not line.endswith(_TERMINAL_PUNCT))
    return mid_sentence / len(inner) >= 0.6


def _unwrap(block: list[str]) -> list[str]:
    paragraphs: list[str] = []
    for line in block:
        if paragraphs and not _LIST_ITEM.match(line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def split_blank_paragraphs(text: str) -> list[str]:
    return [p for p in _BLANK_LINES.split(text) if p.strip()]
