"""Name knowledge shared by actor extraction and merging: lexicons, transliteration keys, nicknames.

The lexicons are small text files in `lexicon/`, written for this project (the given names are
the commonest US census first names plus a hand list of names frequent in world news).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_LEXICON = Path(__file__).resolve().parent / "lexicon"


def _lines(name: str) -> list[str]:
    text = (_LEXICON / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _alias_table(name: str) -> dict[str, str]:
    """'Canonical|alias|alias' lines -> {alias: canonical}, the canonical included."""
    table: dict[str, str] = {}
    for line in _lines(name):
        parts = [p.strip() for p in line.split("|") if p.strip()]
        for alias in parts:
            table.setdefault(alias, parts[0])
    return table


@lru_cache(maxsize=None)
def _given_table() -> dict[str, str]:
    table = {}
    for line in _lines("given_names.txt"):
        name, _, gender = line.partition("|")
        table[name.strip()] = gender.strip()
    return table


@lru_cache(maxsize=None)
def given_names() -> frozenset[str]:
    return frozenset(_given_table())


_MALE_ADDRESS = frozenset("mr sir lord king prince baron".split())
_FEMALE_ADDRESS = frozenset("mrs ms miss dame lady queen princess baroness".split())


def gender_of(first: str | None) -> str:
    """'m', 'f' or '' for a given name that is (almost) only one or the other."""
    return _given_table().get(first or "", "")


def address_gender(word: str) -> str:
    """'m' for Mr/Sir/Lord, 'f' for Mrs/Ms/Lady, '' otherwise."""
    low = word.lower().rstrip(".")
    return "m" if low in _MALE_ADDRESS else "f" if low in _FEMALE_ADDRESS else ""


@lru_cache(maxsize=None)
def places() -> dict[str, str]:
    return _alias_table("places.txt")


@lru_cache(maxsize=None)
def organizations() -> dict[str, str]:
    return _alias_table("organizations.txt")


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    """Demonym -> country ('' when it names no one country: 'Arab', 'Western')."""
    table: dict[str, str] = {}
    for line in _lines("demonyms.txt"):
        word, _, country = line.partition("|")
        table[word.strip()] = country.strip()
    return table


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Romanisations of Slavic names differ mostly in the ending: Zelenskyy / Zelensky / Zelenskiy,
# Andriy / Andrii / Andrei. Feminine forms (Zelenska) keep their 'a', so they stay apart.
_TRANSLIT_END = re.compile(r"(?:iy|yy|ii|ij|yi|ey|ei|y|i)$")
_NON_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A spelling-tolerant key for one name word: 'Zelenskyy' and 'Zelenskiy' -> 'zelensk'."""
    key = _NON_ALNUM.sub("", ascii_fold(word).lower())
    stripped = _TRANSLIT_END.sub("", key)
    return stripped if len(stripped) >= 3 else key


@lru_cache(maxsize=65536)
def plain_key(text: str) -> str:
    """Case-, accent- and punctuation-free form of a whole name: 'U.S.' -> 'us'."""
    return _NON_ALNUM.sub("", ascii_fold(text).lower())


_NICKNAMES = {
    "michael": "mike mick mikey", "william": "bill will billy willy liam", "robert": "bob rob bobby robbie bert",
    "james": "jim jimmy jamie", "joseph": "joe joey", "thomas": "tom tommy", "richard": "dick rick ricky rich",
    "anthony": "tony", "antonio": "tony", "daniel": "dan danny", "david": "dave davy", "christopher": "chris",
    "elizabeth": "liz beth betty lisa eliza", "catherine": "kate cathy katie", "katherine": "kate kathy katie",
    "alexander": "alex sasha", "alexandra": "alex sasha", "edward": "ed ted eddie ned", "theodore": "ted teddy theo",
    "steven": "steve", "stephen": "steve", "andrew": "andy drew", "nicholas": "nick nicky", "peter": "pete",
    "samuel": "sam sammy", "benjamin": "ben benny bibi", "matthew": "matt", "jonathan": "jon", "donald": "don donny",
    "ronald": "ron ronnie", "lawrence": "larry", "gerald": "jerry", "gregory": "greg", "jeffrey": "jeff",
    "charles": "charlie chuck", "henry": "hank harry", "john": "jack johnny", "kimberly": "kim", "susan": "sue",
    "patrick": "pat paddy", "patricia": "pat patty", "timothy": "tim", "vladimir": "vlad volodya",
    "volodymyr": "volodya", "margaret": "maggie meg peggy", "jennifer": "jen jenny", "rebecca": "becky",
    "deborah": "debbie deb", "victoria": "vicky", "frederick": "fred", "raymond": "ray", "kenneth": "ken kenny",
    "joshua": "josh", "zachary": "zach", "nathaniel": "nate nat", "nathan": "nate", "benedict": "ben",
    "gabriel": "gabe", "douglas": "doug", "phillip": "phil", "philip": "phil", "leonard": "leo len",
    "mitchell": "mitch", "abraham": "abe", "albert": "al", "alan": "al", "allan": "al", "dorothy": "dot",
    "francis": "frank", "franklin": "frank", "walter": "walt", "eugene": "gene", "jacob": "jake",
    "terence": "terry", "terrence": "terry", "barbara": "barb", "cynthia": "cindy", "pamela": "pam",
    "randolph": "randy", "randall": "randy", "rudolph": "rudy", "rudolf": "rudy", "stanley": "stan",
    "vincent": "vince", "zbigniew": "zbig",
}


@lru_cache(maxsize=None)
def _nickname_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for full, nicks in _NICKNAMES.items():
        members = {full, *nicks.split()}
        for member in members:
            groups.setdefault(member, set()).update(members)
    return {k: frozenset(v) for k, v in groups.items()}


def first_name_forms(first: str) -> frozenset[str]:
    """Lower-case forms a first name may take: itself and its nickname family ('mike' -> michael...)."""
    low = plain_key(first)
    return _nickname_groups().get(low, frozenset()) | {low}


def first_names_agree(a: str | None, b: str | None) -> bool:
    """Same given name allowing transliteration, nicknames and initials ('J.' ~ 'John'). None agrees."""
    if not a or not b:
        return True
    ka, kb = plain_key(a), plain_key(b)
    if not ka or not kb:
        return True
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    if name_key(a) == name_key(b):
        return True
    return bool(first_name_forms(a) & first_name_forms(b))


# A romanised East Asian given name of two hyphenated syllables ('Ki-moon', 'Geun-hye', 'Jong-un',
# 'Ing-wen'): the name goes on after the hyphen, unlike 'Texas-based' or 'Bush-era'.
_SYLLABLE = re.compile(r"(?:ch|kk|tt|pp|ss|jj|sh|ts|[bcdfghjklmnprstwxyz])?[wy]?[aeiou]{1,3}(?:ng|n|m|l|k|p|t)?")


def hyphenated_given(word: str) -> bool:
    """'Ki-moon' (Ban Ki-moon), 'Jong-un' (Kim Jong-un): a given name written family name first."""
    head, _, tail = word.partition("-")
    return (len(word) <= 10 and head[:1].isupper() and (len(head) == 1 or head[1:].islower()) and tail.islower()
            and all(_SYLLABLE.fullmatch(part.lower()) for part in (head, tail)))


def surname_index(words: list[str]) -> int:
    """Where the family name stands in a person's name: first in 'Ban Ki-moon' and 'Park Geun-hye'
    (family name, then a hyphenated given name), last otherwise."""
    return 0 if len(words) == 2 and hyphenated_given(words[1]) else len(words) - 1


# Marks the key of a bare surname that could be either of two people of the article (a Clinton
# after both Bill and Hillary were named): it names no one rather than the wrong one.
UNRESOLVED_SUFFIX = "-unresolved"


def is_unresolved(key: str | None) -> bool:
    """A bare surname the actor pass could not give to one of the people who bear it."""
    return bool(key) and key.endswith(UNRESOLVED_SUFFIX)
