"""One article seen by the quote extractor: its text with quotes hidden, its sentences and its mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from brief.analysis.names import is_unresolved
from brief.analysis.quoting.spans import MASK, QuoteSpan
from brief.models import LocalActor, Mention

# A sentence ends at . ! ? (closing marks may follow) before a space and a capital, a digit or an opening mark.
# (Written to start with one character set, which the regex engine scans for, instead of trying both
# alternatives at every position: `[.!?][\"”’)\]]*\s+(?=[\"“‘(A-Z0-9])|;\s+`.)
_BOUNDARY = re.compile(r"[.!?;](?:(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(A-Z0-9])|(?<=;)\s+)")
# The token before a full stop, read backwards from the stop (a forward search for `(\S+)\.$` tried every start
# in its window, each running to the stop and back).
_TOKEN_BEFORE_DOT_REVERSED = re.compile(r"\S+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt st jr sr prof rev hon pres supt atty adm cmdr maj pvt "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd no vs etc mt ft ave blvd "
    "calif fla mass wash ill pa va ariz colo conn del ga ind kan ky la md mich minn miss mo mont neb nev "
    "okla ore tenn tex vt wis wyo".split()
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_DETERMINER_END = re.compile(r"\b(?:the|a|an|The|A|An)\s+$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sen Rep Gov Gen President Senator Governor Secretary Minister Prime Chief Director Judge "
    "Justice Mayor Lord Lady Sir Dame Prof Rev Former US U.S. Vice".split()
)
_POSSESSIVE = re.compile(r"^(?:’s|'s|’|')(?!\w)")


@dataclass
class Speaker:
    """Who a frame names as the speaker: a mention of an actor, a pronoun, or a phrase with no actor."""

    start: int
    end: int
    text: str
    key: str | None
    kind: str  # "named", "pronoun", "generic"


class Context:
    def __init__(self, text: str, masked: str, spans: list[QuoteSpan], actors: list[LocalActor], mentions: list[Mention]):
        self.text = text
        self.masked = masked
        self.spans = spans
        self.actors = {a.key: a for a in actors}
        inside = [(s.start, s.end) for s in spans]
        starts = [a for a, _ in inside]

        def quoted(m: Mention) -> bool:
            i = bisect.bisect_right(starts, m.start) - 1
            return i >= 0 and m.start < inside[i][1]

        # Names inside quotes are what was said, never who said it.
        self.mentions = sorted((m for m in mentions if not quoted(m) and m.actor_key in self.actors), key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        self._surnames: dict[str, set[str]] | None = None
        # Actors whose mentions carry different given names ('Rakeyia Scott', 'Keith Lamont Scott'): two people
        # under one key, so a pronoun must not be given to them.
        given: dict[str, set[str]] = {}
        for m in self.mentions:
            words = [w for w in m.text.split() if w.rstrip(".") not in _TITLES]
            if len(words) >= 2 and words[0][:1].isupper():
                given.setdefault(m.actor_key, set()).add(words[0].lower())
        self.conflated = {k for k, names in given.items() if len(names) > 1}
        # Sentence ends, found once: (start of the end mark, start of the next sentence), within paragraphs.
        bounds = [(m.start(), m.end()) for m in _BOUNDARY.finditer(masked) if "\n" not in m.group() and self._is_boundary(m)]
        self._bound_starts = [a for a, _ in bounds]
        self._bound_ends = [b for _, b in bounds]

    # --- places -----------------------------------------------------------------------------------
    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        i = self.paragraph(pos)
        start = self.paragraph_starts[i]
        end = self.paragraph_starts[i + 1] - 1 if i + 1 < len(self.paragraph_starts) else len(self.text)
        while end > start and self.text[end - 1] == "\n":
            end -= 1
        return start, end

    def _is_boundary(self, m: re.Match) -> bool:
        if m.group()[0] != ".":
            return True
        stop = m.start()
        before = _TOKEN_BEFORE_DOT_REVERSED.match(self.masked[max(0, stop - 30):stop][::-1])
        if before is None:
            return True
        token = self.masked[stop - before.end():stop].lstrip("(\"“‘")
        if MASK in token:
            return True
        return not (token.lower() in _ABBREVIATIONS or _INITIALS.fullmatch(token))

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos`, read on the masked text so quoted sentences do not count."""
        p_start, _ = self.paragraph_bounds(pos)
        i = bisect.bisect_right(self._bound_ends, pos) - 1
        return max(p_start, self._bound_ends[i]) if i >= 0 else p_start

    def sentence_end(self, pos: int) -> int:
        _, p_end = self.paragraph_bounds(pos)
        i = bisect.bisect_left(self._bound_starts, pos)
        if i < len(self._bound_starts) and self._bound_starts[i] < p_end:
            return self._bound_starts[i] + 1
        return p_end

    # --- mentions ---------------------------------------------------------------------------------
    def mentions_between(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention heading the phrase [start, end): the one covering its last word, not a possessive."""
        last_word = max(start, self.masked.rfind(" ", start, end) + 1)
        i = bisect.bisect_left(self._mention_starts, end) - 1
        while i >= 0 and self.mentions[i].start >= start - 60:
            m = self.mentions[i]
            if m.end > last_word and not self.is_possessive(m):
                return m
            i -= 1
        return None

    def is_ambiguous(self, m: Mention) -> bool:
        """A bare surname the actor pass left unresolved between people who bear it (a 'Clinton' right
        after both Bill and Hillary Clinton were named): it names no one."""
        return is_unresolved(m.actor_key)

    def is_possessive(self, m: Mention) -> bool:
        return bool(_POSSESSIVE.match(self.text, m.end)) or m.text.endswith(("’s", "'s"))

    def is_modifier(self, m: Mention) -> bool:
        """'the Clinton campaign', 'a Trump rally': the name qualifies a noun and is no one's subject."""
        before = self.masked[max(0, m.start - 5) : m.start]
        return bool(_DETERMINER_END.search(before)) and bool(_LOWER_NEXT.match(self.masked, m.end))

    def kind(self, key: str | None) -> str | None:
        actor = self.actors.get(key or "")
        return actor.kind if actor else None

    def key_by_surname(self, word: str, kinds: tuple[str, ...] = ("person", "organization")) -> str | None:
        """An actor of this article whose name ends with `word`, when exactly one does."""
        if self._surnames is None:
            self._surnames = {}
            for a in self.actors.values():
                if a.kind not in kinds:
                    continue
                for name in (a.name, *a.aliases):
                    parts = name.replace("’s", "").split()
                    if parts:
                        self._surnames.setdefault(parts[-1].lower().strip(".,"), set()).add(a.key)
        keys = self._surnames.get(word.lower().strip(".,’'"), set())
        return next(iter(keys)) if len(keys) == 1 else None
