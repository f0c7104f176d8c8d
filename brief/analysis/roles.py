"""Titles and roles: which words make an office ('CIA Director', 'national security adviser') and
how to write a role so that one office written two ways counts once."""

from __future__ import annotations

import re

from brief.analysis.names import demonyms, places

# Occupations: they make a role, but before a single word they may describe a firm ('producer Yukos').
OCCUPATIONS = frozenset("""
singer actor actress conductor author writer novelist poet composer artist designer economist analyst
striker midfielder defender goalkeeper winger forward batsman bowler player captain chef comedian presenter
producer filmmaker film-maker rapper musician drummer guitarist lawyer scientist researcher doctor nurse
campaigner activist entrepreneur businessman businesswoman journalist reporter correspondent photographer
mp mep msp broadcaster champion skipper boxer golfer sprinter jockey trainer referee umpire founder
executive head boss officer manager coach leader chief aide lawmaker nominee candidate
""".split())

# Words that name an office or a form of address: a run of them before a name is that person's title.
TITLE_HEADS = frozenset("""
president minister secretary director advisor adviser chief spokesman spokeswoman spokesperson
chairman chairwoman chair governor gov senator sen sens representative rep reps congressman congresswoman
mayor chancellor king queen prince princess pope ambassador envoy general gen lt colonel col admiral adm
commander judge justice prosecutor attorney sheriff leader speaker commissioner coach manager captain
capt professor prof premier president-elect aide lawmaker nominee candidate ceo cfo coo founder
officer detective inspector sergeant sgt superintendent head boss executive treasurer
archbishop bishop cardinal rev reverend sheikh emir ayatollah
""".split()) | OCCUPATIONS

# Forms of address: they make a person, not a role.
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady".split())

# Words that may stand inside a title between its head words ('Chief of Staff', 'Deputy Foreign Minister').
TITLE_WORDS = TITLE_HEADS | HONORIFICS | frozenset("""
former acting deputy vice senior assistant associate interim first prime foreign defence defense home
interior finance health education energy trade treasury state homeland security national economic
intelligence press communications federal majority minority opposition shadow supreme high court
district county city staff of the to for affairs human rights army navy air force police military
republican democratic democrat independent conservative labour liberal party white house
special top chief general managing operating financial technology science culture transport
environment agriculture labor justice development digital public cabinet crown elect tory
presidential gubernatorial congressional parliamentary ministerial campaign
""".split())

# Heads that make a role only with more words: bare 'Head'/'Boss' before a name is rarely a title.
_WEAK_HEADS = frozenset("head boss executive officer".split())

_HEAD_OF_STATE = frozenset("president vice-president premier king queen chancellor".split())
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_SPACES = re.compile(r"\s+")
_SMALL = frozenset("of the to for and at in on".split())


def is_title_head(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_HEADS and word.lower().rstrip(".") not in _WEAK_HEADS


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS


def pretty_role(words: list[str]) -> str:
    """'US', 'National', 'Security', 'Advisor' -> 'US National Security Advisor'; a demonym before
    a head-of-state title becomes 'of Country' ('Ukrainian President' -> 'President of Ukraine')."""
    words = [w for w in words if w]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return ""
    out = []
    for i, w in enumerate(words):
        if w.islower() and (i == 0 or w not in _SMALL):
            w = w[:1].upper() + w[1:]
        if w in ("U.S.", "U.S"):
            w = "US"
        if w in ("U.K.", "U.K"):
            w = "UK"
        out.append(w)
    first, rest = out[0], out[1:]
    country = demonyms().get(first) or (places().get(first) if first.isupper() or first in places() else None)
    if country and rest and rest[0].lower() in _HEAD_OF_STATE | {"prime", "vice"}:
        where = "the United States" if country == "United States" else (
            "the United Kingdom" if country == "United Kingdom" else country)
        return f"{' '.join(rest)} of {where}"
    if first in demonyms() and demonyms()[first] and rest:
        return f"{' '.join(rest)} of {demonyms()[first]}"
    return " ".join(out)


def role_key(role: str) -> str:
    """One key per office however it is written: case, 'Adviser'/'Advisor', 'U.S.'/'US', articles."""
    key = _SPACES.sub(" ", role.lower().replace(".", "")).strip()
    key = _ARTICLE.sub("", key)
    key = key.replace("adviser", "advisor").replace("defence", "defense")
    return key


def specific_roles(roles: list[str]) -> list[str]:
    """'President' says nothing that 'President of Ukraine' does not: keep the fuller one."""
    keys = [role_key(r) for r in roles]
    return [r for r, k in zip(roles, keys) if not any(k != other and k in other for other in keys)]
