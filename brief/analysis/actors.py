"""Actors and their mentions within one article: people, organisations and places, by rule.

A candidate is a run of capitalised words (with name particles, initials and 'of' inside an
office or body's name), an acronym or a handle. A title before it is taken as the person's role
and left out of the name. A capitalised word that only opens a sentence is a name only when the
article also capitalises it mid-sentence, or when it is a known name. Variants of one name
(surname alone, honorific + surname, transliterations, a handle) are folded into one LocalActor.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter, not_
from pathlib import Path

from brief.analysis.names import (
    address_gender,
    demonyms,
    gender_of,
    first_name_forms,
    first_names_agree,
    given_names,
    hyphenated_given,
    name_key,
    organizations,
    places,
    plain_key,
    surname_index,
    UNRESOLVED_SUFFIX,
)
from brief.analysis.roles import HONORIFICS, OCCUPATIONS, TITLE_HEADS, TITLE_WORDS, pretty_role, role_key, specific_roles
from brief.models import ActorKind, LocalActor, Mention, Sentence

_LEXICON = Path(__file__).resolve().parent / "lexicon"

# A handle, a dotted acronym (U.S.) or a word. The first character is taken before the alternatives (the
# regex engine scans for a set, where it tried three alternatives at every position), and lookbehinds
# tell which it may start: after '@' a handle (not one inside an address or '@@'), after a capital not
# preceded by a word character a dotted acronym, after a letter a word with inner hyphens and apostrophes.
_TOKEN = re.compile(
    r"[@\w](?:(?<=@)(?<![\w@]@)[A-Za-z0-9_]{2,}"
    r"|(?<=[A-Z])(?<!\w[A-Z])\.(?:[A-Z]\.)+"
    r"|(?<=[^\W\d_])\w*(?:[-'’][^\W\d_]\w*)*)"
)
_WHOLE = _FIRST_CHAR = itemgetter(0)
_PARTICLES = frozenset("de van von der den del della di da dos das du la le bin ibn al el ter ten".split())
_ABBREVIATED = frozenset("mr mrs ms dr st sen gov rep gen col lt sgt capt prof rev jr sr adm maj cpl pres".split())
_OPENING = "“\"‘'(["
_OPENING_MARK = re.compile("[" + re.escape(_OPENING) + "]")
_SPEECH_CUES = frozenset(
    "said says say told tells added adds wrote writes asked asks explained stated noted argued insisted "
    "warned claimed replied declared announced tweeted posted according".split()
)
_PERSON_PRONOUN_AFTER = re.compile(r"(?:,?\s+(?:who|whose)\b|,\s+(?:from|of)\s+the\s+[A-Z])")
_APPOSITIVE = re.compile(r"^,\s+(?:(?:the|a|an)\s+)?([^,.;:“”\"()\n]{3,90}?)\s*(?=,|\.|;|\)|$|\s(?:said|says|told|added|wrote))")
_LOWER_TITLE_SCAN = 5
_HEADS_AND_ADDRESS = TITLE_HEADS | HONORIFICS
_FIRST_NAME_ADDRESS = frozenset("sir dame".split())
_DEFINED_ACRONYM = re.compile(r"\s*\(((?:[A-Z]\.?){2,7})\)")
# Offices addressed by a form of address: 'Mr. President', 'Madam Speaker'
_ADDRESSED_OFFICES = frozenset("president speaker chairman chairwoman secretary ambassador mayor prime".split())
# Words a title-case headline leaves in lower case
_TITLE_CASE_SMALL = frozenset("the and for but nor yet from with into onto upon over via per off out".split())
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_NOUN_AFTER_NAME = frozenset("winner winners nominee nominees award awards prize fans player players team side squad "
                             "group firm company deal show film album".split())
_SPEECH_IN_LINE = re.compile(r"\b(?:said|says|told|added|according to)\b")
_CONTRACTION = re.compile(r"['’](?:m|ve|ll|re|d|t)$", re.I)
_HANDLE_AFTER = re.compile(r",?\s+(@[A-Za-z0-9_]{2,})")
# A mention that names someone only through a relative or an era ('Bill Clinton's wife', 'the
# Bill Clinton administration'): it does not put that person in the reader's mind.
_RELATION_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:late|former|then|estranged|own|future)\s+)?(?:wife|husband|spouse|widow|widower|"
    r"daughter|son|mother|father|brother|sister|children|family|administration|presidency|era|years|foundation|"
    r"library)\b")
_RELATION_BEFORE = re.compile(
    r"\b(?:administration|presidency|era|tenure|wife|husband|widow|daughter|son|mother|father|brother|sister)"
    r"\s+of\s+(?:the\s+)?(?:[\w.]+\s+){0,3}$")
# A pronoun bound to a bare surname: 'Clinton said she', 'Clinton and her', 'Clinton's own'.
_BOUND_PRONOUN = re.compile(
    r",?\s+(?:(?:(?:said|says|added|adds|wrote|writes|argued|insisted|told\s+\w+),?\s+(?:that\s+)?|and\s+)(he|she|his|her)"
    r"|(himself|herself))\b")
_NEARBY_CHARS = 300
_STOP_VERBS = frozenset("is was are were has had have who which that said says told and but".split())


@lru_cache(maxsize=None)
def _not_names() -> frozenset[str]:
    words: set[str] = set()
    for line in (_LEXICON / "not_names.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=None)
def _time_words() -> frozenset[str]:
    words: set[str] = set()
    for line in (_LEXICON / "time_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


# Month names that are also given names ('Theresa May', 'April Ryan'): a month only in a date's company.
_NAME_MONTHS = frozenset("may june april august".split())
_ABBREVIATED_TIME = frozenset("mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec".split())
_DATE_BEFORE = re.compile(r"(?:\b(?:in|on|of|since|until|till|by|from|through|last|next|this|early|late|mid|end|"
                          r"during|before|after|between|and|or|to)\s+|-)$", re.I)
_DATE_AFTER = re.compile(r"^(?:\.?\s*\d|\s+(?:of\s+)?\d|,\s*\d)")


def _is_time(tok: _Token, text: str) -> bool:
    """Months, weekdays and the like, allowing for the months that are also names."""
    low = tok.low
    if low not in _time_words():
        return False
    after = text[tok.end:tok.end + 6]
    if low in _ABBREVIATED_TIME:
        return after.startswith(".") or bool(_DATE_AFTER.match(after))
    if low in _NAME_MONTHS:
        return bool(_DATE_AFTER.match(after) or _DATE_BEFORE.search(text[max(0, tok.start - 10):tok.start]))
    return True


@lru_cache(maxsize=None)
def _org_suffixes() -> frozenset[str]:
    words: set[str] = set()
    for line in (_LEXICON / "org_suffixes.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


# Capitals that are not organisations however they are written.
_NOT_ACRONYMS = frozenset(
    "I A OK TV AM PM GMT BST EST EDT PST UTC ET CEO CFO COO MP MEP PR ID HQ DJ VS TBD FAQ RIP PC CD DVD GP HIV "
    "AIDS SMS IT AI GDP VAT IPO DNA TV3 UFO VIP PhD LGBT".split())
# Last words of names of things: awards, contests, laws, works, events. Never people.
_THING_SUFFIXES = frozenset(
    "award awards prize prizes cup open championship championships games olympics bill act treaty accord "
    "agreement festival show series album film novel report index war election elections referendum budget "
    "summit conference".split())
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
# Title words that are ordinary words when alone ('Former', 'Deputy'); party and body names are not here.
_QUALIFIERS = frozenset("former acting deputy vice senior assistant associate interim prime shadow".split())


_validate_mention = Mention.__pydantic_validator__.validate_python
_validate_actor = LocalActor.__pydantic_validator__.validate_python  # LocalActor(**fields), as _mention does


def _mention(start: int, end: int, text: str, actor_key: str) -> Mention:
    """Mention(start=..., ...) without BaseModel.__init__'s keyword round trip: the same validation."""
    return _validate_mention({"start": start, "end": end, "text": text, "actor_key": actor_key})


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    kind: str  # word | dotted | handle | contraction
    low: str
    capitalised: bool = False  # a word or acronym with a capital first: name material
    possessive: bool = False
    initial: bool = False  # opens a sentence (or a quotation)
    closes: bool = False  # 'New York-based': the name ends here
    index: int = 0



@dataclass(slots=True)
class _Candidate:
    tokens: list[_Token]
    title: list[_Token] = field(default_factory=list)  # capitalised title words before the name
    lower_title: list[str] = field(default_factory=list)  # lower-case title words before it
    possessor: str | None = None  # 'Zelensky's Chief of Staff X' -> 'President Volodymyr Zelensky'
    initial: bool = False
    headline: bool = False
    title_only: bool = False  # 'the U.S. President's National Security Advisor': an office, no name
    # Where the name starts and ends: its tokens never change once it is a candidate.
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.tokens[0].start
        self.end = self.tokens[-1].end

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass
class ActorExtraction:
    actors: list[LocalActor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class _Actor:
    key: str
    name: str
    kind: ActorKind
    first: str | None = None
    surname_key: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    person_votes: int = 0
    last_seen: int = 0
    gender: str = ""  # 'm'/'f' from the first name or a form of address, '' when unknown
    seen: list[int] = field(default_factory=list)  # starts of the mentions that name them, not a relative

    def add_alias(self, alias: str) -> None:
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str) -> None:
        if role and role_key(role) not in {role_key(r) for r in self.roles}:
            self.roles.append(role)


class _Tokens(dict):
    """An article's tokens by index (a token's index is its place in the text's order of tokens).

    Most tokens are words not written with a capital first, which the rules only look at beside a
    name: those become _Token objects when first asked for. `words`, `starts` and `ends` hold every
    token's text (as matched, before a possessive or a hyphenated tail is cut off a capitalised
    word), start and end; `size` is how many tokens there are."""

    __slots__ = ("ends", "size", "starts", "words")

    def __missing__(self, index: int) -> _Token:
        if not 0 <= index < self.size:
            raise IndexError(index)
        word = self.words[index]
        tok = self[index] = _Token(self.starts[index], self.ends[index], word, "handle" if word[0] == "@" else "word",
                                   word.lower(), False, False, False, False, index)
        return tok


def _tokenize(text: str, capitals: list[int], handles: list[int]) -> tuple[_Tokens, set[str]]:
    """The tokens of `text`, and the set of the words not written with a capital first (the tokens
    of kind 'word' whose first letter is not upper case). `capitals` gets the indices of the
    capitalised tokens, `handles` those of the handles, so that later steps need not walk every
    token again."""
    matches = list(_TOKEN.finditer(text))
    tokens = _Tokens()
    tokens.starts = starts = list(map(re.Match.start, matches))
    tokens.ends = ends = list(map(re.Match.end, matches))
    tokens.words = words = list(map(_WHOLE, matches))
    tokens.size = len(words)
    firsts = list(map(_FIRST_CHAR, words))
    upper = list(map(str.isupper, firsts))
    handles.extend(compress(range(len(words)), map("@".__eq__, firsts)))
    lower = set(compress(words, map(not_, upper)))
    if handles:
        lower.difference_update(map(words.__getitem__, handles))
    size = len(text)
    token = _Token
    get = tokens.get
    capital_append = capitals.append
    for index in compress(range(len(words)), upper):
        word = words[index]
        start = starts[index]
        end = ends[index]
        kind = "dotted" if word[-1] == "." else "word"
        possessive = closes = False
        if kind == "word" and ("'" in word or "’" in word) and _CONTRACTION.search(word):
            kind = "contraction"  # I'm, We've, Don't: never a name
        elif kind == "word" and "-" in word and word.rsplit("-", 1)[1].islower() and not (
                (before := get(index - 1)) is not None and before.capitalised and text[before.end:start] == " "
                and hyphenated_given(word)):
            word = word.rsplit("-", 1)[0]  # 'Texas-based', 'Kremlin-backed': the name is the head
            end, closes = start + len(word), True
        elif len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":
            word, end, possessive = word[:-2], end - 2, True
        elif word[-1] == "s" and end < size and text[end] in "'’" and (end + 1 >= size or not text[end + 1].isalnum()):
            possessive = True
        tokens[index] = token(start, end, word, kind, word.lower(), kind != "contraction", possessive, False, closes, index)
        if kind != "contraction":
            capital_append(index)
    return tokens, lower


def _mark_initials(text: str, tokens: _Tokens, sentences: list[Sentence]) -> None:
    starts = sorted({s.start for s in sentences} | {0} | {m.end() for m in re.finditer(r"\n", text)})
    token_starts = tokens.starts
    n = tokens.size
    # The first token of a sentence (or line), when nothing alphanumeric stands before it; only the
    # first can be, as any later one has that first token before it.
    for j, start in enumerate(starts):
        k = bisect.bisect_left(token_starts, start)
        if k == n:
            break
        at = token_starts[k]
        if (j + 1 == len(starts) or starts[j + 1] > at) and not any(ch.isalnum() for ch in text[start:at]):
            tokens[k].initial = True
    # A token right after an opening quote or bracket that does not follow a letter or digit.
    for m in _OPENING_MARK.finditer(text):
        at = m.end()
        k = bisect.bisect_left(token_starts, at)
        if k < n and token_starts[k] == at and (at < 2 or not text[at - 2].isalnum()):
            tokens[k].initial = True


def _headline_paragraphs(text: str, tokens: _Tokens) -> list[tuple[int, int]]:
    """Spans of title-case lines ('Stealth Over Health: Hillary Clinton Was Headed...'): their
    capitals say nothing, so only names known from the body are taken there."""
    spans = []
    pos = 0
    ti = 0
    starts = tokens.starts
    token_words = tokens.words
    get = tokens.get
    for line in text.split("\n"):
        end = pos + len(line)
        stop = bisect.bisect_left(starts, end, ti)  # the line's tokens are tokens[ti:stop]
        # Both tests below need nine capitals to each lower-case word (or none), so more lower-case
        # words than a tenth of the line's tokens settle it: a paragraph of prose is seen in a few words.
        lower, size = 0, stop - ti
        for i in range(ti, stop):
            t = get(i)
            if t is None:  # a word not written with a capital first, or a handle, not made a _Token yet
                w = token_words[i]
                if w[0] != "@" and len(w) >= 3 and w.lower() not in _TITLE_CASE_SMALL:
                    lower += 1
                    if 10 * lower > size:
                        break
            elif t.kind == "word" and len(t.text) >= 3 and not t.text[0].isupper() and t.low not in _TITLE_CASE_SMALL:
                lower += 1
                if 10 * lower > size:
                    break
        if 10 * lower > size:
            ti = stop
            pos = end + 1
            continue
        capitals = [t.text[0].isupper() for t in map(tokens.__getitem__, range(ti, stop))
                    if t.kind == "word" and len(t.text) >= 3 and t.low not in _TITLE_CASE_SMALL]
        words, caps = len(capitals), sum(capitals)
        ti = stop
        stripped = line.rstrip()
        short_furniture = 1 <= words <= 4 and caps == words and not stripped.endswith((".", "!", "?", "”", '"', ":"))
        title_case = (words >= 5 and caps / words >= 0.9 and not stripped.endswith(("”", '"'))
                      and not _SPEECH_IN_LINE.search(line))
        if short_furniture or title_case:
            spans.append((pos, end))
        pos = end + 1
    return spans


def _is_filler(tok: _Token, not_names: frozenset[str]) -> bool:
    """An opener, function word or time word; 'US' the country is not 'us' the pronoun."""
    if tok.kind != "word" or (tok.text.isupper() and len(tok.text) > 1):
        return False
    return tok.low in not_names or tok.low in _PARTICLES


def _acronym(tok: _Token) -> bool:
    if tok.kind == "dotted":
        return True
    t = tok.text
    return 2 <= len(t) <= 6 and t.isupper() and t.isalpha() and t not in _NOT_ACRONYMS


def _joinable(text: str, a: _Token, b: _Token) -> bool:
    gap = text[a.end:b.start]
    if a.possessive or a.closes:
        return False
    if gap in (" ", "\u00a0"):
        return True
    if gap == ". " and (len(a.text) == 1 or a.low in _ABBREVIATED):
        return True
    return False


def _runs(text: str, tokens: _Tokens, capitals: list[int]) -> list[list[_Token]]:
    """Maximal runs of capitalised tokens, allowing particles ('Ursula von der Leyen') and 'of'
    inside names of offices and bodies ('Chief of Staff', 'Bank of England')."""
    runs: list[list[_Token]] = []
    suffixes = _org_suffixes()
    n = tokens.size
    j = 0
    # a run starts at each capitalised token not taken by the run before
    for i in capitals:
        if i < j:
            continue
        tok = tokens[i]
        run = [tok]
        j = i + 1
        while j < n:
            nxt = tokens[j]
            if not _joinable(text, run[-1], nxt):
                break
            if nxt.capitalised:
                run.append(nxt)
                j += 1
                continue
            # a lower-case link: particle or 'of (the)', then a capital must follow
            k = j
            if nxt.low in _PARTICLES:
                k = j + 1
                while k < n and tokens[k].low in _PARTICLES and not tokens[k].capitalised and k - j < 3:
                    k += 1
            elif nxt.low == "of" and (run[-1].low.rstrip(".") in TITLE_HEADS or run[-1].low in suffixes):
                k = j + 1
                if k < n and tokens[k].low == "the" and _joinable(text, tokens[j], tokens[k]):
                    k += 1
            else:
                break
            if k < n and k > j and tokens[k].capitalised and _joinable(text, tokens[k - 1], tokens[k]):
                run.extend(map(tokens.__getitem__, range(j, k + 1)))
                j = k + 1
                continue
            break
        runs.append(run)
    return runs


def _title_part(tok: _Token, honorific: bool) -> bool:
    """Whether a word before an office word still belongs to the title ('Bank of England Governor')."""
    word = tok.low.rstrip(".")
    if word in TITLE_WORDS or tok.text in demonyms():
        return True
    if honorific:
        return False  # 'BBC Mr Howard': only offices stand before a form of address
    return _acronym(tok) or bool(_lexicon_kind(tok.text)) or word in _org_suffixes()


def _split_known_prefix(text: str, run: list[_Token], surnames: frozenset[str]) -> list[list[_Token]]:
    """'Washington Post Trump' is an outlet, then a man: split after a known body or place when what
    follows is a given name, or a surname the article gives with a given name elsewhere."""
    if len(run) < 2 or _lexicon_kind(text[run[0].start:run[-1].end]):
        return [run]
    for k in range(min(4, len(run) - 1), 0, -1):
        if _lexicon_kind(text[run[0].start:run[k - 1].end]) and (
                _given(run[k].text) or (k == len(run) - 1 and run[k].text in surnames)) and run[k].low not in TITLE_WORDS:
            return [run[:k], run[k:]]
    return [run]


def _name_parts(toks: list[_Token]) -> tuple[_Token, _Token | None]:
    """(family name, given name or None): 'Ban Ki-moon' -> (Ban, Ki-moon), 'Mike Waltz' -> (Waltz, Mike)."""
    if len(toks) == 2 and surname_index([t.text for t in toks]) == 0:
        return toks[0], toks[1]
    return toks[-1], (toks[0] if len(toks) >= 2 else None)


def _given(word: str) -> bool:
    """A given name, hyphenated ones too ('Jean-Marc'); never a demonym ('German', 'Americo'...)."""
    if word in demonyms():
        return False
    return word in given_names() or ("-" in word and word.split("-", 1)[0] in given_names())


def _plural_demonym(word: str) -> bool:
    """'Ukrainians', 'Americans': people of a country, not an actor (but 'Germany' is a place)."""
    return word.endswith("s") and word[:-1] in demonyms()


_LEXICON_KINDS: dict[str, tuple[ActorKind, str] | None] = {}  # name -> _lexicon_kind(name), per process
_UNKNOWN = ("", "")


def _lexicon_kind(name: str) -> tuple[ActorKind, str] | None:
    kind = _LEXICON_KINDS.get(name, _UNKNOWN)
    if kind is _UNKNOWN:
        if len(_LEXICON_KINDS) >= 200_000:
            _LEXICON_KINDS.clear()
        canonical = places().get(name)
        if canonical is not None:
            kind = "place", canonical
        else:
            canonical = organizations().get(name)
            kind = ("organization", canonical) if canonical is not None else None
        _LEXICON_KINDS[name] = kind
    return kind


class ActorExtractor:
    def extract(self, text: str, sentences: list[Sentence]) -> ActorExtraction:
        capitals: list[int] = []
        handles: list[int] = []
        tokens, distinct = _tokenize(text, capitals, handles)
        if not tokens.size:
            return ActorExtraction()
        _mark_initials(text, tokens, sentences)
        headlines = _headline_paragraphs(text, tokens)
        candidates = self._candidates(text, tokens, headlines, frozenset(map(str.lower, distinct)), capitals, handles)
        # the words the article writes in lower case ('police'), as the resolver reads them
        return _Resolver(text, tokens, candidates, {w for w in distinct if w.islower()}).resolve()

    # -- candidates ---------------------------------------------------------------------------

    def _candidates(self, text: str, tokens: _Tokens, headlines: list[tuple[int, int]],
                    lower_words: frozenset[str], capitals: list[int], handles: list[int]) -> list[_Candidate]:
        not_names = _not_names()
        dem = demonyms()
        out: list[_Candidate] = []
        hi = 0
        prev_possessor: tuple[int, str] | None = None  # (end offset, text) of a run ending in 's
        pending_party: dict[int, str] = {}  # name start -> party adjective before it
        # words that start a name mid-sentence somewhere ('... against Chelsea'), not inside a longer one
        get = tokens.get  # (a token not made yet is not capitalised)
        mid_caps = frozenset([t.text for t in map(tokens.__getitem__, capitals) if not t.initial and (
            (b := get(t.index - 1)) is None or not b.capitalised or text[b.end:t.start] != " ")])
        runs = _runs(text, tokens, capitals)
        # names that start a run mid-sentence somewhere, to tell 'Injured Chelsea' from 'World War II'
        mid_runs = frozenset(text[r[0].start:r[-1].end] for r in runs if not r[0].initial)
        surnames = frozenset(r[-1].text for r in runs if len(r) >= 2 and _given(r[-2].text))
        for run in runs:
            while hi < len(headlines) and headlines[hi][1] < run[0].start:
                hi += 1
            in_headline = hi < len(headlines) and headlines[hi][0] <= run[0].start <= headlines[hi][1]
            whole = text[run[0].start:run[-1].end]
            # (the lexicon is looked up only when there is a filler to strip)
            if (((run[0].initial or run[0].low in ("the", "a", "an")) and _is_filler(run[0], not_names))
                    or _is_filler(run[-1], not_names) or run[-1].low in ("of", "the")) and _lexicon_kind(whole) is None:
                # openers and function words that only start the sentence ('Both', 'Today', 'The')
                while run and (run[0].initial or run[0].low in ("the", "a", "an")) and _is_filler(
                        run[0], not_names) and _lexicon_kind(text[run[0].start:run[-1].end]) is None:
                    if len(run) > 1 and run[0].initial:
                        run[1].initial = True
                    run = run[1:]
                while run and (_is_filler(run[-1], not_names) or run[-1].low in ("of", "the")):
                    run = run[:-1]
            if not run:
                continue
            if (len(run) >= 3 and run[0].initial and _given(run[1].text) and not _given(run[0].text)
                    and run[0].low.rstrip(".") not in TITLE_WORDS and not _lexicon_kind(run[0].text)
                    and not _acronym(run[0]) and run[0].text not in demonyms()):
                run = run[1:]  # 'Rival Hillary Clinton': a capitalised opener before a full name
            elif len(run) >= 3 and run[0].text in demonyms() and _given(run[1].text):
                party = run[0]  # 'Democrat Hillary Clinton', 'Russian Elena Dementieva'
                run = run[1:]
                if not demonyms()[party.text]:
                    pending_party[run[0].start] = party.text
            if (run[0].text in dem or _plural_demonym(run[0].text)) and all(
                    t.text in dem or _plural_demonym(t.text) for t in run):
                continue  # 'African Americans', 'Ukrainians'
            if len(run) >= 2 and all(t.text.isupper() and len(t.text) > 2 for t in run) and not _lexicon_kind(
                    text[run[0].start:run[-1].end]):
                continue  # 'FULL TEXT', 'MIDWAY ATOLL': shouted furniture
            elif (len(run) >= 2 and run[0].initial and len(run[0].text) > 1 and run[0].text not in mid_caps
                  and (text[run[1].start:run[-1].end] in mid_runs or run[0].low.endswith(("ing", "ly"))
                       or run[0].low in lower_words and run[-1].low not in _org_suffixes())
                  and not _given(run[0].text) and run[0].low.rstrip(".") not in TITLE_WORDS
                  and not (len(run) == 2 and run[1].text in surnames and run[0].low not in lower_words
                           and not run[0].low.endswith(("ing", "ly", "ed")))  # 'Rakeyia Scott' after 'Keith Scott'
                  and not _lexicon_kind(run[0].text) and not _acronym(run[0]) and run[0].text not in demonyms()
                  and not _lexicon_kind(text[run[0].start:run[-1].end])):
                run[1].initial = True
                run = run[1:]  # 'Injured Chelsea ...' where the article names 'Chelsea' mid-sentence
            pieces = [part for piece in self._split_on_time_words(run, text)
                      for part in _split_known_prefix(text, piece, surnames)]
            for piece in pieces:
                for cand in self._split_title(text, piece, lower_words):
                    cand.initial = cand.start == piece[0].start and piece[0].initial
                    cand.headline = in_headline
                    first = cand.title[0] if cand.title else cand.tokens[0]
                    self._lower_title(text, tokens, first.index, cand)
                    if prev_possessor and cand.title and 0 < (cand.title[0].start - prev_possessor[0]) <= 4:
                        cand.possessor = prev_possessor[1]
                    if cand.start in pending_party and not cand.lower_title:
                        cand.lower_title = [pending_party[cand.start]]  # a party member: 'Democrat' is the role
                    out.append(cand)
            last = run[-1]
            prev_possessor = (last.end + 2, text[run[0].start:last.end]) if last.possessive else None
        for i in handles:
            out.append(_Candidate(tokens=[tokens[i]]))
        out.sort(key=lambda c: c.start)
        return out

    @staticmethod
    def _split_on_time_words(run: list[_Token], text: str) -> list[list[_Token]]:
        pieces: list[list[_Token]] = [[]]
        for tok in run:
            if _is_time(tok, text):
                if pieces[-1]:
                    pieces.append([])
                continue
            pieces[-1].append(tok)
        if len(pieces) == 1:
            return pieces if pieces[0] else []
        out = []
        for piece in pieces:
            while piece and piece[0].low in ("of", "the", "and"):
                piece = piece[1:]
            while piece and piece[-1].low in ("of", "the", "and"):
                piece = piece[:-1]
            if piece:
                out.append(piece)
        return out

    @staticmethod
    def _split_title(text: str, run: list[_Token], lower_words: frozenset[str] = frozenset()) -> list[_Candidate]:
        """'US National Security Advisor Mike Waltz' -> title [US ... Advisor], name [Mike Waltz]."""
        whole = text[run[0].start:run[-1].end]
        if len(run) == 1 or run[-1].low in _org_suffixes() or _lexicon_kind(whole):
            return [_Candidate(tokens=run)]
        if run[-1].low.rstrip(".") in TITLE_HEADS and not _lexicon_kind(whole) and (
                run[-2].low in _org_suffixes() or _lexicon_kind(run[-2].text) or _acronym(run[-2])
                or run[-2].low.rstrip(".") in TITLE_HEADS):
            # 'UK Independence Party MEP', 'Linux Chief Executive': an office of a body, no one named
            body = run[:-1]
            while body and body[-1].low.rstrip(".") in TITLE_HEADS | _QUALIFIERS:
                body = body[:-1]
            if body and not all(t.low.rstrip(".") in TITLE_WORDS or t.text in demonyms() or _acronym(t)
                                or t.text in places() for t in body):
                return [_Candidate(tokens=body)]
        if run[-1].low.rstrip(".") in TITLE_HEADS and not any(t.low.rstrip(".") in HONORIFICS for t in run) and all(
                t.low.rstrip(".") in TITLE_WORDS or t.text in demonyms() or _acronym(t) or t.text in places()
                for t in run):
            return [_Candidate(tokens=run, title=run, title_only=True)]
        # the title ends at the last office word that still leaves a name after it
        heads = [i for i, tok in enumerate(run[:-1]) if tok.low.rstrip(".") in _HEADS_AND_ADDRESS]
        if heads:
            h = heads[-1]
            # 'Chief of Staff', 'Secretary of State', 'Director of National Intelligence'
            after_of = False
            while h + 2 < len(run) and run[h + 1].low in TITLE_WORDS and (
                    run[h + 1].low in ("of", "the", "for") or after_of):
                h += 1
                after_of = after_of or run[h].low in ("of", "for")
            rest = run[h + 1:]
            honorific = run[h].low.rstrip(".") in HONORIFICS
            if len(rest) == 1 and (rest[0].low in TITLE_HEADS or rest[0].low in TITLE_WORDS) and not (
                    honorific and run[h].low != "lord"):
                return [_Candidate(tokens=run, title=run, title_only=True)]  # 'Lord Chancellor', not 'Mr King'
            if len(rest) == 1 and (rest[0].low in lower_words or rest[0].low.rstrip("s") in lower_words
                                   or rest[0].low in _THING_SUFFIXES):
                return [_Candidate(tokens=run)]  # 'General Election', 'General Workers': no person there
            if len(rest) == 1 and honorific and rest[0].low in _ADDRESSED_OFFICES:
                return [_Candidate(tokens=run, title=run, title_only=True)]  # 'Mr. President'
            if all(t.low not in ("of", "the") for t in rest) and (rest[0].kind != "dotted" or len(rest) > 1):
                # how far back the title goes: 'Harrogate Mr Kennedy' is a place, then a man
                b = h
                while b > 0 and _title_part(run[b - 1], honorific):
                    b -= 1
                before = [_Candidate(tokens=run[:b])] if b > 0 else []
                return before + [_Candidate(tokens=rest, title=run[b:h + 1])]
        return [_Candidate(tokens=run)]

    @staticmethod
    def _lower_title(text: str, tokens: _Tokens, first: int, cand: _Candidate) -> None:
        """Lower-case title words just before the name or title: 'national security adviser Mike Waltz',
        'president Zelenskyy', 'Zelenskyy's chief of staff Andriy Yermak'."""
        words: list[_Token] = []
        j = first - 1
        while j >= 0 and len(words) < _LOWER_TITLE_SCAN:
            tok = tokens[j]
            if text[tok.end:tokens[j + 1].start] != " " or tok.kind != "word":
                break
            if tok.capitalised:
                # 'Democratic presidential nominee', 'Russian foreign minister', 'Finance minister X',
                # 'Linux founder X', 'Manchester United striker X': the body or place the office is of
                while (words and j >= 0 and tokens[j].capitalised and not tokens[j].possessive
                       and not _is_time(tokens[j], text) and not (tokens[j].initial and _is_filler(tokens[j], _not_names()))
                       and text[tokens[j].end:tokens[j + 1].start] == " " and len(words) < _LOWER_TITLE_SCAN + 3):
                    words.insert(0, tokens[j])
                    if tokens[j].initial:
                        break
                    j -= 1
                break
            if tok.low not in TITLE_WORDS:
                if words and tok.low in ("best", "supporting"):
                    return  # 'the best actress Oscar' names an award
                break
            words.insert(0, tok)
            j -= 1
        if words and words[-1].low in ("of", "the", "to", "for", "at"):
            return  # 'the leader of the Democratic caucus': the name is the body, not the holder
        while words and words[0].low in ("of", "the", "to", "for"):
            words = words[1:]
        if not any(w.low in TITLE_HEADS for w in words):
            return
        cand.lower_title = [w.text for w in words]
        if j >= 0 and tokens[j].possessive and text[tokens[j].end:words[0].start].strip() in ("'s", "’s", "'", "’", ""):
            # walk back over the possessor's capitalised run
            k = j
            while k > 0 and tokens[k - 1].capitalised and text[tokens[k - 1].end:tokens[k].start] == " ":
                k -= 1
            cand.possessor = text[tokens[k].start:tokens[j].end]


class _Resolver:
    """Turns candidates into local actors, one per person/body/place, and a mention per occurrence."""

    def __init__(self, text: str, tokens: _Tokens, candidates: list[_Candidate], lower_words: set[str]):
        self.text = text
        self.tokens = tokens
        self.candidates = candidates
        self.actors: list[_Actor] = []
        self.by_key: dict[str, _Actor] = {}
        self.mentions: list[Mention] = []
        self.handle_roles: dict[int, str] = {}
        self.spoke: set[str] = set()  # actors named right before a speech verb
        not_names = _not_names()
        # Evidence from the whole article: words capitalised mid-sentence, words seen in lower case.
        self.mid_caps: set[str] = {tok.text for cand in candidates if not cand.headline
                                   for tok in cand.tokens[1 if cand.initial else 0:]}
        self.lower_words = lower_words
        self.not_names = not_names
        # surname keys of multi-word person-like names, so a surname alone can find its person
        self.full_names: dict[str, list[_Candidate]] = {}
        self.full_counts: dict[str, Counter] = {}  # surname key -> how often each given name is used with it
        self.address_genders: dict[str, set[str]] = {}  # surname key -> genders of 'Mr X' / 'Mrs X'
        self.paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
        self._speech_memo: dict[int, bool] = {}  # end of a name -> whether a speech verb follows it

    # -- classification -------------------------------------------------------------------------

    def _speech_after(self, cand: _Candidate) -> bool:
        end = cand.end
        known = self._speech_memo.get(end)
        if known is None:
            after = self.text[end:end + 24].lower()
            after = after.lstrip(" ,")
            first = after.split(" ", 1)[0] if after else ""
            known = self._speech_memo[end] = first in _SPEECH_CUES
        return known

    def _speech_before(self, cand: _Candidate) -> bool:
        before = self.text[max(0, cand.start - 12):cand.start].lower().split()
        return bool(before) and before[-1] in ("said", "says", "told", "added", "wrote")

    def _kind(self, cand: _Candidate, name: str) -> tuple[ActorKind, str | None]:
        lex = _lexicon_kind(name)
        if lex:
            return lex
        toks = cand.tokens
        if toks[0].kind == "handle":
            return "other", None
        last = toks[-1].low.rstrip(".")
        if len(toks) > 1 and last in _THING_SUFFIXES:
            return "other", None
        if len(toks) > 1 and toks[0].text in organizations() and not _given(toks[1].text):
            return "organization", None  # 'BBC Sport', 'Reuters Television'
        if len(toks) > 1 and (last in _org_suffixes() or any(
                t.low == "of" and toks[i - 1].low in _org_suffixes() for i, t in enumerate(toks) if i)):
            return "organization", None
        if len(toks) == 1 and _acronym(toks[0]):
            return "organization", None
        heads = [w for w in [t.low.rstrip(".") for t in cand.title] + [w.lower() for w in cand.lower_title]
                 if w in TITLE_HEADS or w in HONORIFICS] if cand.title or cand.lower_title else None
        # 'crude producer Yukos', 'rival Nintendo': an occupation before one word may describe a firm
        if heads and (len(toks) > 1 or cand.title or any(w not in OCCUPATIONS for w in heads)):
            return "person", None
        if 2 <= len(toks) <= 4 and _given(toks[0].text) and toks[-1].text not in places():
            return "person", None
        if len(toks) == 2 and surname_index([t.text for t in toks]) == 0 and toks[0].text not in places():
            return "person", None  # 'Kim Jong-un'

        if len(toks) >= 2 and all(len(t.text) == 1 for t in toks):
            return "other", None  # 'U. S', spelled-out letters
        if len(toks) >= 2 and any(t.kind == "word" and len(t.text) == 1 for t in toks[:-1]):
            return "person", None  # 'J. Smith', 'Charles B. Rangel'
        if len(toks) <= 4 and toks[0].kind == "word" and self._appositive_role(cand):
            return "person", None  # 'Kerr Putney, the police chief,'
        if (2 <= len(toks) <= 3 and toks[0].text not in places() and toks[-1].low not in TITLE_WORDS
                and (self._speech_after(cand) or _PERSON_PRONOUN_AFTER.match(self.text, cand.end))):
            return "person", None  # not 'Indianapolis Colts said', 'The Hollywood Reporter said'
        return "other", None

    def _accept_single(self, cand: _Candidate) -> bool:
        tok = cand.tokens[0]
        word = tok.text
        if tok.kind == "handle":
            return True
        if _lexicon_kind(word):
            return word != "X" or self.text[max(0, tok.start - 4):tok.start].lower().endswith(("on ", "via "))
        if _is_filler(tok, self.not_names) or _is_time(tok, self.text):
            return False
        low = word.lower().rstrip(".")
        if (low in TITLE_HEADS or low in HONORIFICS or low in _QUALIFIERS) and not cand.title:
            return False
        if word in demonyms() or _plural_demonym(word) or word in _NOT_ACRONYMS or _PLURAL_ACRONYM.match(word) or len(word) == 1:
            return False
        if cand.title or cand.lower_title:
            return True
        if len(word) == 2 and not word.isupper() and self.text.startswith(".", tok.end) and not _given(word):
            return False  # 'Va.', 'Ky.': abbreviations of states
        if _acronym(tok):
            return True
        if word.isupper() and len(word) > 6:
            return False
        if cand.initial:
            if word.lower() in self.lower_words:
                return False
            return (word in self.mid_caps or self._known_surname(word) is not None or self._speech_after(cand)
                    or tok.possessive or bool(self._appositive_role(cand)))
        return True

    def _known_surname(self, word: str) -> list[_Candidate] | None:
        return self.full_names.get(name_key(word))

    # -- resolution -----------------------------------------------------------------------------

    def resolve(self) -> ActorExtraction:
        body = [c for c in self.candidates if not c.headline]
        heads = [c for c in self.candidates if c.headline]
        kinds: dict[int, tuple[ActorKind, str | None]] = {}
        for cand in body:
            if len(cand.tokens) >= 2:
                name = cand.text(self.text)
                kind = self._kind(cand, name)
                kinds[id(cand)] = kind
                if kind[0] == "person":
                    family, given = _name_parts(cand.tokens)
                    self.full_names.setdefault(name_key(family.text), []).append(cand)
                    if given is not None and not self._relation_only(cand):
                        counts = self.full_counts.setdefault(name_key(family.text), Counter())
                        counts[plain_key(given.text)] += 1
            elif len(cand.tokens) == 1 and cand.title:
                gender = next((address_gender(t.text) for t in cand.title if address_gender(t.text)), "")
                if gender:
                    self.address_genders.setdefault(name_key(cand.tokens[0].text), set()).add(gender)
        for cand in body:
            self._resolve_one(cand, kinds.get(id(cand)))
        for cand in heads:
            self._resolve_known(cand)
        self._resolve_handles()
        return self._result()

    def _new_actor(self, name: str, kind: ActorKind, *, first: str | None = None, surname: str | None = None,
                   key_hint: str | None = None) -> _Actor:
        base = key_hint or plain_key(name) or "x"
        key = base
        n = 2
        while key in self.by_key:
            key = f"{base}-{n}"
            n += 1
        actor = _Actor(key=key, name=name, kind=kind, first=first, surname_key=surname)
        self.actors.append(actor)
        self.by_key[key] = actor
        return actor

    def _person_for(self, surname_key: str, first: str | None, pos: int, gender: str = "",
                    cand: _Candidate | None = None) -> _Actor | None:
        """The person this surname (with this first name, if any) refers to: agreeing first names
        only ('Mrs Howard' is not Michael Howard). A bare surname borne by several people of the
        article goes to one only on evidence (see `_one_of`), else to an unresolved actor."""
        matches = [a for a in self.actors if a.surname_key == surname_key and a.kind in ("person", "other")
                   and not (gender and a.gender and gender != a.gender)]
        if first:
            agree = [a for a in matches if a.first and first_names_agree(a.first, first)]
            if agree:
                return max(agree, key=lambda a: a.last_seen)
            bare = [a for a in matches if not a.first]
            return bare[0] if len(bare) == 1 and not [a for a in matches if a.first] else None
        if not matches:
            return None
        if len(matches) > 1:
            # 'New Orleans Saints RB Reggie Bush' beside 'Reggie Bush', an untyped run of five words: no other bearer
            bearers = [a for a in matches if a.kind == "person" or len(a.name.split()) <= 3]
            matches = [a for a in bearers or matches
                       if not any(b is not a and " " in b.name and a.name.endswith(" " + b.name) for b in bearers)] or matches
        if len(matches) == 1:
            return matches[0]
        return self._one_of(matches, pos, cand) or self._unresolved(surname_key, cand)

    def _one_of(self, matches: list[_Actor], pos: int, cand: _Candidate | None) -> _Actor | None:
        """Which of several people sharing a surname a bare one means: the one a bound pronoun agrees
        with ('Clinton said she'), else the only one of them named nearby (this or the previous
        paragraph, or the last few sentences), else, when none is, the article's main bearer of the
        name (named in full clearly more often than the others). Otherwise no one."""
        bound = _BOUND_PRONOUN.match(self.text, cand.end) if cand is not None else None
        if bound:
            gender = "f" if (bound.group(1) or bound.group(2)) in ("she", "her", "herself") else "m"
            matches = [a for a in matches if a.gender in ("", gender)]
            if len(matches) == 1:
                return matches[0]
        if not matches:
            return None
        i = bisect.bisect_right(self.paragraphs, pos) - 1
        # this and the previous paragraph, or back to the paragraph holding a point a few sentences back
        window = self.paragraphs[max(0, min(i - 1, bisect.bisect_right(self.paragraphs, pos - _NEARBY_CHARS) - 1))]
        near = [a for a in matches if a.seen and a.seen[-1] >= window]
        if len(near) == 1:
            unresolved = self.by_key.get(plain_key(cand.tokens[-1].text) + UNRESOLVED_SUFFIX) if cand else None
            # still in doubt when the surname was left unresolved since that one was named
            if unresolved is None or not unresolved.seen or unresolved.seen[-1] < near[0].seen[-1]:
                return near[0]
            return None
        if near:
            return None
        counts = self.full_counts.get(matches[0].surname_key or "", Counter())
        ranked = sorted(((sum(counts[f] for f in first_name_forms(a.first)) if a.first else 0, a) for a in matches),
                        key=lambda pair: -pair[0])
        return ranked[0][1] if ranked[0][0] > ranked[1][0] else None

    def _unresolved(self, surname_key: str, cand: _Candidate | None) -> _Actor:
        name = cand.tokens[-1].text if cand is not None else surname_key
        key = plain_key(name) + UNRESOLVED_SUFFIX
        return self.by_key.get(key) or self._new_actor(name, "person", key_hint=key)

    def _relation_only(self, cand: _Candidate) -> bool:
        """Named only through someone else or an era: 'Bill Clinton's wife', 'the administration of
        former President Bill Clinton'."""
        if _RELATION_AFTER.match(self.text, cand.end):
            return True
        before = max(0, cand.start - 60)
        return " of " in self.text[before:cand.start] and bool(_RELATION_BEFORE.search(self.text, before, cand.start))

    def _mention(self, actor: _Actor, cand: _Candidate, name: str) -> None:
        self.mentions.append(_mention(cand.start, cand.end, name, actor.key))
        if self._speech_after(cand):
            self.spoke.add(actor.key)
        actor.last_seen = cand.start
        if actor.kind in ("person", "other") and not self._relation_only(cand):
            actor.seen.append(cand.start)
        actor.add_alias(name)
        # A title names a person's office ('President Zelenskyy'); before a place or a body it is another
        # word's ('chief UK economist' gave the United Kingdom the alias 'chief UK').
        if (cand.title or cand.lower_title) and actor.kind not in ("place", "organization"):
            prefix = self.text[(cand.title[0].start if cand.title else cand.start):cand.start]
            if cand.lower_title and not cand.title:
                prefix = " ".join(cand.lower_title) + " "
            actor.add_alias((prefix + name).strip())

    def _roles(self, actor: _Actor, cand: _Candidate) -> None:
        role = ""
        if cand.title:
            heads = [t for t in cand.title if t.low.rstrip(".") not in HONORIFICS]
            if heads and any(t.low.rstrip(".") in TITLE_HEADS for t in heads):
                role = pretty_role([t.text for t in heads])
                for t in cand.title:
                    self._title_entity(t)
        elif cand.lower_title:
            role = pretty_role(cand.lower_title)
        if role and cand.possessor:
            role = f"{role} to {cand.possessor}"
        if role:
            actor.add_role(role)
        appositive = self._appositive_role(cand)
        if appositive:
            actor.add_role(appositive)

    def _appositive_role(self, cand: _Candidate) -> str:
        """'Waltz, the national security adviser,' -> 'National Security Adviser'."""
        if not self.text.startswith(",", cand.end):
            return ""  # what _APPOSITIVE needs first, without the slice
        appositive = _APPOSITIVE.match(self.text[cand.end:cand.end + 120])
        if not appositive:
            return ""
        words = appositive.group(1).strip().split()
        lowered = [w.lower().strip("’'") for w in words]
        if (len(words) > 9 or any(w in _STOP_VERBS or w in ("to", "be", "likely") for w in lowered)
                or lowered[0].endswith(("ing", "ed")) or lowered[0] in ("became", "now", "then")
                or any(ch.isdigit() for ch in appositive.group(1))):
            return ""
        for i, w in enumerate(lowered):
            # an office is head-final ('the national security adviser') or head + of ('head of policy')
            if w in TITLE_HEADS and (i == len(lowered) - 1 or lowered[i + 1] in ("of", "for", "at", "in", "with")):
                return pretty_role(words)
        return ""

    def _office_without_name(self, cand: _Candidate) -> None:
        """An office named alone is no actor, but its country or body is, and a handle right after
        it ('...National Security Advisor, @michaelgwaltz') holds that office."""
        for tok in cand.title:
            self._title_entity(tok)
        after = _HANDLE_AFTER.match(self.text, cand.end)
        if after:
            role = pretty_role([t.text for t in cand.title if t.low.rstrip(".") not in HONORIFICS])
            if cand.possessor:
                role = f"{role} to the {cand.possessor}"
            self.handle_roles[after.start(1)] = role

    def _title_entity(self, tok: _Token) -> None:
        """'US' in 'US National Security Advisor' and 'CIA' in 'CIA Director' are mentions too."""
        lex = _lexicon_kind(tok.text)
        if lex is None and not (_acronym(tok) and tok.text not in _NOT_ACRONYMS):
            return
        kind, canonical = lex or ("organization", tok.text)
        actor = self.by_key.get(plain_key(canonical)) or self._new_actor(tok.text, kind, key_hint=plain_key(canonical))
        if tok.text == canonical or len(tok.text) > len(actor.name):
            actor.name = tok.text
        self.mentions.append(_mention(tok.start, tok.end, tok.text, actor.key))
        actor.add_alias(tok.text)

    def _resolve_one(self, cand: _Candidate, kind: tuple[ActorKind, str | None] | None) -> None:
        toks = cand.tokens
        if toks[0].kind == "handle":
            return  # after everyone else is known
        name = cand.text(self.text)
        if cand.title_only:
            self._office_without_name(cand)
            return
        if len(toks) == 1 and not self._accept_single(cand):
            if cand.title:
                for t in cand.title:
                    self._title_entity(t)
            return
        if kind is None:
            kind = self._kind(cand, name)
        actor_kind, canonical = kind
        if canonical:
            key = plain_key(canonical)
            actor = self.by_key.get(key) or self._new_actor(name, actor_kind, key_hint=key)
            self._mention(actor, cand, name)
            if len(name) > len(actor.name) or name == canonical:
                actor.name = name if name == canonical or len(name) > len(actor.name) else actor.name
            return
        if actor_kind in ("person", "other") and toks[-1].kind == "word":
            family, given = _name_parts(toks)
            surname = name_key(family.text)
            first = given.text if given is not None else None
            epithet = (len(toks) == 3 and not _given(toks[0].text) and _given(toks[1].text) and any(
                a.surname_key == surname and a.first and first_names_agree(a.first, toks[1].text) for a in self.actors))
            if epithet:
                first = toks[1].text  # 'Crooked Hillary Clinton' after 'Hillary Clinton': her, with an epithet
            if (actor_kind == "other" and len(toks) == 2 and first and not _lexicon_kind(first)
                    and toks[0].low.rstrip(".") not in TITLE_WORDS and toks[0].low not in self.lower_words
                    and any(a.surname_key == surname and a.kind == "person" for a in self.actors)):
                actor_kind = "person"  # 'Ivanka Trump' in an article about Donald Trump: one of the family
            gender = gender_of(first) or next((address_gender(t.text) for t in cand.title if address_gender(t.text)), "")
            if first is None and actor_kind == "other" and not self._known_surname(family.text):
                actor = self._person_for(surname, None, cand.start, gender, cand) if any(
                    a.surname_key == surname for a in self.actors) else None
            else:
                actor = self._person_for(surname, first, cand.start, gender, cand)
            if actor is None and first is None and any(t.low.rstrip(".") in _FIRST_NAME_ADDRESS for t in cand.title):
                # 'Sir John' after 'Sir John Stevens': these forms of address take the given name
                known = [a for a in self.actors if a.kind == "person" and a.first == toks[0].text]
                actor = max(known, key=lambda a: a.last_seen) if known else None
            if actor is None and first is None:
                addressed = self.address_genders.get(surname, set())
                known_gender = gender or (next(iter(addressed)) if len(addressed) == 1 else "")
                later = [c for c in self._known_surname(family.text) or () if c.start > cand.start and not (
                    known_gender and gender_of(c.tokens[0].text) and known_gender != gender_of(c.tokens[0].text))]
                givens = [_name_parts(c.tokens)[1] for c in later]
                if later and all(g is not None and first_names_agree(g.text, givens[0].text) for g in givens):
                    # a surname before its full name: the one person named so later ('Mr. Obama' is
                    # not the 'Michelle Obama' named further down)
                    full = later[0]
                    actor = self._new_actor(full.text(self.text), "person", first=givens[0].text, surname=surname)
            if actor is None:
                actor = self._new_actor(name, actor_kind, first=first, surname=surname)
            if actor_kind == "person" or (
                    first is None and len(actor.name.split()) >= 2 and actor.kind == "other"
                    and actor.name.split()[0] not in places() and actor.name.split()[-1].lower() not in TITLE_WORDS):
                actor.kind = "person"  # named again by its last word alone: a surname ('the Colts' is no one's)
            if first and not actor.first:
                actor.first = first
            actor.gender = actor.gender or gender
            if len(toks) > len(actor.name.split()) and not epithet:
                actor.name = name
            self._mention(actor, cand, name)
            self._roles(actor, cand)
            return
        key = plain_key(name)
        actor = self.by_key.get(key) or self._new_actor(name, actor_kind, key_hint=key)
        self._mention(actor, cand, name)
        self._roles(actor, cand)
        if len(toks) > 1:
            self._acronym_defined(actor, cand)

    def _acronym_defined(self, actor: _Actor, cand: _Candidate) -> None:
        """'the National Health Service (NHS)': the acronym names the same body from then on."""
        defined = _DEFINED_ACRONYM.match(self.text, cand.end)
        if not defined:
            return
        acronym = defined.group(1)
        initials = "".join(t.text[0] for t in cand.tokens if t.low not in ("of", "the", "and", "for", "de"))
        if initials.upper() == acronym.replace(".", "").upper() and plain_key(acronym) not in self.by_key:
            self.by_key[plain_key(acronym)] = actor
            if actor.kind == "other":
                actor.kind = "organization"

    def _resolve_known(self, cand: _Candidate) -> None:
        """A headline run: only names the body has already made actors."""
        name = cand.text(self.text)
        lex = _lexicon_kind(name)
        if lex:
            actor = self.by_key.get(plain_key(lex[1]))
            if actor:
                self._mention(actor, cand, name)
            return
        if cand.tokens[0].kind == "handle":
            return
        family, given = _name_parts(cand.tokens)
        surname = name_key(family.text)
        first = given.text if given is not None else None
        matches = [a for a in self.actors if a.surname_key == surname and first_names_agree(a.first, first)]
        if len(matches) == 1:
            self._mention(matches[0], cand, name)

    def _resolve_handles(self) -> None:
        people = [a for a in self.actors if a.kind == "person" and a.surname_key]
        for cand in self.candidates:
            tok = cand.tokens[0]
            if tok.kind != "handle":
                continue
            actor = _person_for_handle(tok.text, people)
            if actor is None:
                actor = self.by_key.get(plain_key(tok.text)) or self._new_actor(tok.text, "other", key_hint=plain_key(tok.text))
            self.mentions.append(_mention(tok.start, tok.end, tok.text, actor.key))
            actor.add_alias(tok.text)
            if tok.start in self.handle_roles:
                actor.add_role(self.handle_roles[tok.start])

    def _coordinated_with_people(self, keys: set[str]) -> set[str]:
        """'Costa and Hendry': a word joined by 'and' to a person is a person too."""
        kinds = {a.key: a.kind for a in self.actors}
        starts = {m.start: m for m in self.mentions}
        ends = {m.end: m for m in self.mentions}
        found = set()
        for m in self.mentions:
            if m.actor_key not in keys:
                continue
            following = _NEXT_WORD.match(self.text, m.end)
            if following and (following.group(1) in TITLE_WORDS or following.group(1) in _NOUN_AFTER_NAME):
                continue  # 'Burt Reynolds and Oscar nominee Alan Alda': 'Oscar' qualifies a noun
            after = starts.get(m.end + 5) if self.text[m.end:m.end + 5] == " and " else None
            before = ends.get(m.start - 5) if self.text[max(0, m.start - 5):m.start] == " and " else None
            if any(n is not None and kinds.get(n.actor_key) == "person" for n in (after, before)):
                found.add(m.actor_key)
                self.by_key[m.actor_key].kind = "person"
        return found

    def _result(self) -> ActorExtraction:
        # A lone capitalised word seen once, with nothing saying what it is, is more often a title
        # of a work or a stray capital than an actor.
        counts = Counter(m.actor_key for m in self.mentions)
        weak = {a.key for a in self.actors if a.kind == "other" and " " not in a.name and not a.roles
                and counts[a.key] <= 1 and not a.name.startswith("@") and a.key not in self.spoke}
        if weak:
            weak -= self._coordinated_with_people(weak)
        if weak:
            self.actors = [a for a in self.actors if a.key not in weak]
            self.mentions = [m for m in self.mentions if m.actor_key not in weak]
        self.mentions.sort(key=lambda m: (m.start, m.end))
        actors = [
            _validate_actor({"key": a.key, "name": a.name, "kind": a.kind, "aliases": a.aliases,
                             "roles": specific_roles(a.roles) if a.roles else [], "first_name": a.first if a.kind == "person" else None})
            for a in self.actors
        ]
        return ActorExtraction(actors=actors, mentions=self.mentions)


def _person_for_handle(handle: str, people: list[_Actor]) -> _Actor | None:
    """'@michaelgwaltz' is Mike Waltz: the handle holds the surname, and what comes before it
    starts with the first name (or a nickname form of it) or its initial."""
    body = plain_key(handle)
    found = []
    for person in people:
        surname = plain_key(person.name.split()[-1])
        if len(surname) < 3 or surname not in body:
            continue
        before = body[:body.index(surname)]
        if not before:
            found.append(person)
            continue
        if person.first:
            forms = first_name_forms(person.first)
            if any(before.startswith(f) for f in forms if len(f) >= 2) or before[0] == plain_key(person.first)[:1] and len(before) <= 2:
                found.append(person)
    return found[0] if len(found) == 1 else None
