"""Pronoun speakers ('"…," he added') resolved to an actor of the article, or left unknown.

Gender comes only from the article itself (Mr./Ms., gendered role words, pronouns next to a lone name),
so a 'she' is never given to a man the article calls 'Mr.'; where the article does not tell, any person fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.analysis.names import gender_of
from brief.analysis.quoting.context import Context
from brief.analysis.quoting.cues import CUE

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s*$")
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
_ROLE = re.compile(
    r"\b(?:(spokeswoman|congresswoman|chairwoman|businesswoman|wife|widow|mother|daughter|sister|actress|"
    r"first lady|queen|princess|grandmother)|(spokesman|congressman|chairman|businessman|husband|widower|father|"
    r"son|brother|actor|king|prince|grandfather))\b",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:(spokeswoman|congresswoman|chairwoman|businesswoman|actress|mother|wife)|"
    r"(spokesman|congressman|chairman|businessman|actor|father|husband))\b"
)
_BOUND_PRONOUN = re.compile(
    r"(?:\s+(?:said|says|added|thinks|believes|wrote|argued|insisted|claimed|noted)(?:\s+that)?|\s+and|,\s+who\s+\w+)"
    r"\s+(?:(he|his|himself)|(she|her|herself))\b"
)
_OPENING_PRONOUN = re.compile(r"\b(?:(He)|(She))\b")
WINDOW_PARAGRAPHS = 2
_VERB_LIKE = re.compile(r"[a-z]+ed\b")
SENTENCES_BACK = 3  # sentences before the pronoun's own that may hold its person
_COMMON_SHAPE = re.compile(r"(?:ing|ed|ian|ese|ish)$")
_DEMONYMS = frozenset("Saudi Israeli Iraqi Afghan Thai Swiss Dutch Greek French Irish Welsh German Mexican Cuban".split())
# A capitalised word followed by a lowercase one, as a name before its verb ("Clinton leaned in").
_NAME_THEN_WORD = re.compile(r"(?<![\w’'])([A-Z][a-z]+)(?:\s+(?=[a-z])|,\s+(?=(?:a|an|the|who|whose|his|her)\b))")
_NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December The A An He She They It We His Her Their Its But And Mr Mrs Ms "
    "Dr Democrats Republicans Democratic Republican American Americans Some Many Most Still Yet So This That These "
    "Those There Here When While After Before If As In On At For With Without According Despite During Although "
    "Though Because Since Even Only Also Now Then Later Earlier Both Each All No Not One Other Others Such What Why "
    "How Who Where Meanwhile However Instead Last Next First Second Asked Speaking Several Few Another Every Nobody "
    "Everyone Someone Critics Supporters Officials Sources Experts Voters People Police Just Like Unlike From To By "
    "Of Is Was Are Were Do Does Did Can Could Would Should Will Has Have Had My Our Your You I'm Its Their Read "
    "Click Watch See More Today Tonight Yesterday Tomorrow".split()
)


@dataclass
class LastSpeaker:
    """The speaker of the latest attributed quote: a pronoun or a follow-on quote may point back to it."""

    key: str | None
    kind: str  # "named", "pronoun", "generic"
    clause_end: int
    quote_end: int
    paragraph: int


# 'investigating his wife, Democratic presidential nominee Hillary Clinton': named as someone's relative,
# in apposition, the person is no likely antecedent (but still someone else who fits).
_KIN_APPOSITION = re.compile(r"\b(?:wife|husband|widow|daughter|son|mother|father|brother|sister),\s+(?:[\w.-]+\s+){0,4}$")


def infer_genders(ctx: Context) -> dict[str, str]:
    votes: dict[str, list[int]] = {}

    def vote(key: str, gender: str, weight: int = 1) -> None:
        v = votes.setdefault(key, [0, 0])
        v[0 if gender == "m" else 1] += weight

    masked = ctx.masked
    for actor in ctx.actors.values():
        given = gender_of(actor.first_name) if actor.kind == "person" else ""
        if given:
            vote(actor.key, given, 3)  # 'Hillary' is a woman's name, 'Keith' a man's
    for m in ctx.mentions:
        if ctx.kind(m.actor_key) != "person":
            continue
        honorific = _HONORIFIC.search(masked, max(0, m.start - 6), m.start) or re.match(r"(Mr|Mrs|Ms|Miss)\b", m.text)
        if honorific:
            vote(m.actor_key, _HONORIFIC_GENDER[honorific.group(1).lower()], 3)
        role = _ROLE.search(masked, max(0, m.start - 16), m.start)  # 'spokeswoman Jennifer Palmieri'
        if role is None or masked[role.end() : m.start].strip():
            role = _ROLE_AFTER.match(masked, m.end)  # 'Palmieri, a spokeswoman'
        if role is not None:
            vote(m.actor_key, "f" if role.group(1) else "m")
        # 'Clinton said she …', 'Trump and his …', 'Warren, who …her': a pronoun bound to the name.
        bound = _BOUND_PRONOUN.match(masked, m.end)
        if bound is not None and not ctx.is_possessive(m):
            vote(m.actor_key, "m" if bound.group(1) else "f")
    # A sentence opening with He or She after a sentence whose only person opens it.
    for p in _OPENING_PRONOUN.finditer(masked):
        start = ctx.sentence_start(p.start())
        if start != p.start() or start == 0:
            continue
        prev = ctx.sentence_start(start - 1)
        persons = [m for m in ctx.mentions_between(prev, start) if ctx.kind(m.actor_key) == "person"]
        if len({m.actor_key for m in persons}) == 1 and persons[0].start - prev < 40:
            vote(persons[0].actor_key, "m" if p.group(1) else "f")
    genders = {}
    for key, (m, f) in votes.items():
        if m >= 2 * f + 1:
            genders[key] = "m"
        elif f >= 2 * m + 1:
            genders[key] = "f"
    return genders


class PronounResolver:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._genders: dict[str, str] | None = None
        self._lowercase_words: set[str] | None = None

    def _compatible(self, key: str | None, pronoun: str) -> bool:
        if key is None or key in self.ctx.conflated:
            return False
        kind = self.ctx.kind(key)
        p = pronoun.lower()
        if p in ("he", "she"):
            if kind != "person":
                return False
            if self._genders is None:
                self._genders = infer_genders(self.ctx)
            gender = self._genders.get(key)
            return gender is None or gender == ("m" if p == "he" else "f")
        if p in ("it", "they"):
            return kind == "organization"
        return False

    def _maybe_person(self, m, pronoun: str) -> bool:
        """A name the actor pass could not type ('other') that speaks ('McLenney said'): it may be the one meant."""
        if pronoun.lower() not in ("he", "she") or self.ctx.kind(m.actor_key) != "other":
            return False
        after = re.match(r"\s+(?:[a-z]+ly\s+)?", self.ctx.masked[m.end : m.end + 30])
        if not after:
            return False
        at = m.end + after.end()
        return CUE.match(self.ctx.masked, at) is not None or bool(_VERB_LIKE.match(self.ctx.masked, at))

    def _unknown_name(self, start: int, end: int) -> bool:
        """A capitalised word inside the sentence that no mention covers, followed by a verb-like word."""
        ctx = self.ctx
        covered = ctx.mentions_between(start, end)
        for m in _NAME_THEN_WORD.finditer(ctx.masked, start, end):
            word = m.group(1)
            if word in _NOT_NAMES or any(c.start <= m.start() < c.end for c in covered):
                continue
            if _COMMON_SHAPE.search(word) or word in _DEMONYMS or self._seen_lowercase(word):
                continue  # 'Shifting', 'Russian', 'Delegates' (also written 'delegates'): not a name
            return True
        return False

    def _seen_lowercase(self, word: str) -> bool:
        if self._lowercase_words is None:
            self._lowercase_words = set(re.findall(r"\b[a-z][a-z\-]+\b", self.ctx.masked))
        return word.lower() in self._lowercase_words

    def resolve(self, pronoun: str, pos: int, last: LastSpeaker | None) -> str | None:
        """The actor `pronoun` at `pos` refers to, or None when the article leaves it open."""
        ctx = self.ctx
        p = pronoun.lower()
        if p not in ("he", "she", "it", "they"):
            return None
        paragraph = ctx.paragraph(pos)
        if last is not None and last.clause_end <= pos and paragraph - last.paragraph <= WINDOW_PARAGRAPHS:
            others = [
                m for m in ctx.mentions_between(last.clause_end, pos)
                if m.actor_key != last.key and (self._compatible(m.actor_key, p) or self._maybe_person(m, p))
                and not ctx.is_possessive(m) and not ctx.is_modifier(m)
            ]
            if not others and self._unknown_name(last.clause_end, pos):
                return None  # someone the actor pass missed was named since
            if not others:
                # The latest speaker, with no one else who fits named since; an unnamed one stays unknown.
                if self._compatible(last.key, p):
                    return last.key
                if last.key is None or self.ctx.kind(last.key) not in ("person", "organization"):
                    return None  # the latest speaker may well be the one meant: do not look past it
        if p == "they":
            return None
        floor = ctx.paragraph_starts[max(0, paragraph - WINDOW_PARAGRAPHS)]
        end = pos
        sentences = 0
        while end > floor:
            start = ctx.sentence_start(end - 1) if end - 1 >= floor else floor
            candidates = [
                m for m in ctx.mentions_between(start, end)
                if self._compatible(m.actor_key, p) and not ctx.is_possessive(m) and not ctx.is_modifier(m)
                and not re.search(r"\b(?:to|with|by|from|for|against|about|of|and)\s+$", ctx.masked[max(0, m.start - 10) : m.start])
                and not _KIN_APPOSITION.search(ctx.masked, max(0, m.start - 60), m.start)
            ]
            if any(ctx.is_ambiguous(m) for m in candidates):
                return None  # a bare surname that may be someone else's
            keys = {m.actor_key for m in candidates}
            everyone = {m.actor_key for m in ctx.mentions_between(start, end)
                        if (self._compatible(m.actor_key, p) or self._maybe_person(m, p)) and not ctx.is_modifier(m)}
            if self._unknown_name(start, end):
                return None  # a name the actor pass missed may be the one meant
            if len(everyone) > len(keys) and keys:
                return None  # someone else who fits stands in the same sentence
            if len(keys) == 1:
                return keys.pop()
            if keys:
                return None
            if everyone:
                return None
            if self._unknown_name(start, end):
                return None  # a name the actor pass missed may be the one meant
            sentences += 1
            if start <= floor or sentences > SENTENCES_BACK:
                break
            end = start
        return None
