"""Weighted keywords of an article (to block and cluster stories), content-word stems, and cited sources.

Terms are article-local (no corpus statistics) so they cache with the article; the clusterer weighs
them by corpus rarity. Names and numbers are what tell two events of the same kind apart (two
earthquakes differ in place and magnitude, two rehab stays in who and where), so they get their own
keys ("n:" name phrases, "#" numbers) beside the stemmed words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import compress
from operator import itemgetter

# A word: letters with inner apostrophes/hyphens/dots (U.S.), or a number (6.1, 1,200, 33-year-old -> 33).
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_AMERICA = {"US", "U.S.", "U.S", "USA", "U.S.A."}
_NAME_BOOST = 2.0
_NUMBER_BOOST = 1.5
_TITLE_REPEAT = 2
# Capitalised but not names: they open sentences and label dates.
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms",
    "dr", "today", "yesterday", "tomorrow",
}


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english")) | _CALENDAR


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=200_000)
def _normal(token: str) -> str | None:
    """The content-word stem of a token, or None for stop words and one-letter words."""
    if token in _AMERICA:
        return "usa"
    word = token.lower().replace("’", "'").strip(".'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or word in stop_words():
        return None
    if word[0].isdigit():
        return word.replace(",", "")
    return stem(word)


def content_stems(text: str) -> list[str]:
    """Stemmed content words of `text`, in order (stop words dropped; 'U.S.' and 'US' are one word)."""
    out = []
    for token in _TOKEN.findall(text):
        norm = _normal(token)
        if norm:
            out.append(norm)
    return out


@lru_cache(maxsize=300_000)
def stem_set(text: str) -> frozenset[str]:
    """The set of `content_stems(text)`, cached: cross-article steps meet one sentence many times."""
    return frozenset(content_stems(text))


def article_terms(title: str, text: str, limit: int = 60) -> dict[str, float]:
    """The article's `limit` heaviest terms: stems, name phrases ("n:tara reid") and numbers ("#6.1")."""
    # Each segment (sentence or line) is tokenised once, into (token, gap after it) pairs, and each
    # token's facts come from a memo (_token_info); the per-token work is left to C (map, Counter).
    segments = []
    common: set[str | None] = set()
    keys: list[str | None] = []
    for part, repeat in ((title, _TITLE_REPEAT), (text, 1)):
        for segment in _SEGMENT.split(part):
            pairs = _TOKEN_GAP.findall(segment)
            if not pairs:
                continue
            infos = list(map(_INFO.get, map(_FIRST, pairs)))
            if None in infos:  # word forms not met yet
                infos = [info or _token_info(pair[0]) for info, pair in zip(infos, pairs)]
            common.update(map(_LOWER, infos))  # words also written in lower case (and None)
            # A headline in title case: most of its non-stop words capitalised, so capitals say nothing.
            words = sum(map(_CONTENT, infos))
            names = not (words >= 3 and sum(map(_CAPITAL, infos)) >= 0.7 * words)
            for _ in range(repeat):
                keys.extend(map(_KEY, infos))  # stems and numbers (None for stop words)
            if names:
                segments.append((pairs, infos, repeat))
    # A capitalised word that is not a common word of the article (one it also writes in lower case,
    # capitalised only by position or by a headline's title case: "Police said", "Placed on Injured
    # Reserve") is a name: besides its stem it gives "n:word", and with a capitalised neighbour
    # "n:word word" (Tara Reid, Fox News).
    for pairs, infos, repeat in segments:
        last = -2
        previous = None
        for i in compress(range(len(infos)), map(_NAME, infos)):
            _, _, _, _, name, name_key, low, possessive = infos[i]
            if low in common:
                continue
            found = [name_key]
            if previous is not None and last == i - 1 and pairs[last][1].strip() in ("", "-"):
                found.append(f"n:{previous} {name}")
            for _ in range(repeat):
                keys.extend(found)
            last = i
            previous = None if possessive else name
    counts = Counter(keys)
    counts.pop(None, None)
    # The `limit` heaviest keys, by weight and then key. A weight depends only on the key's count and
    # kind, so the keys are put in one bucket per weight, the buckets taken heaviest first and the
    # keys of each in order: no weight is worked out or compared once per key.
    buckets: dict[float, list[str]] = {}
    for key, c in counts.items():
        head = key[:2]
        weight = _WEIGHTS.get((c, head if head == "n:" else head[:1] == "#"))
        if weight is None:
            weight = _weight(c, head)
        bucket = buckets.get(weight)
        if bucket is None:
            buckets[weight] = [key]
        else:
            bucket.append(key)
    out: dict[str, float] = {}
    for weight in sorted(buckets, reverse=True):
        rounded = round(weight, 3)
        for key in sorted(buckets[weight]):
            if len(out) == limit:
                return out
            out[key] = rounded
    return out


_WEIGHTS: dict[tuple[int, str | bool], float] = {}  # (count, "n:" or whether a number) -> weight


def _weight(count: int, head: str) -> float:
    """A key's weight from its count and first two characters (names "n:", numbers "#")."""
    weight = 1.0 + math.log(count)
    if head == "n:":
        weight *= _NAME_BOOST
    elif head.startswith("#"):
        weight *= _NUMBER_BOOST
    if len(_WEIGHTS) < 100_000:
        _WEIGHTS[(count, head if head == "n:" else head.startswith("#"))] = weight
    return weight


# Where sentences and lines end. The stop goes with the break: no token ends in . ! ? before a space.
# (`[.!?]\s+|\n+`, written to start with one character set, which the regex engine scans for.)
_SEGMENT = re.compile(r"[.!?\n](?:(?<=[.!?])\s+|(?<=\n)\n*)")
# _TOKEN, and the characters up to the next token (never a letter or digit: any starts a token).
_TOKEN_GAP = re.compile(rf"({_TOKEN.pattern})([^A-Za-z\d]*)")
_INFO: dict[str, tuple] = {}
_LOWER, _CONTENT, _CAPITAL, _KEY, _NAME = (itemgetter(i) for i in range(5))
_FIRST = itemgetter(0)


def _token_info(token: str) -> tuple:
    """What article_terms needs of a token, memoised: (its lower case if it is written in lower case,
    whether a title-case test counts it, whether it counts as a capital there, its key (stem or
    number) or None, its name form when it may be a name, "n:" + that, lower case, possessive)."""
    if len(_INFO) >= 200_000:
        _INFO.clear()
    low = token.lower()
    content = token[0].isalpha() and low not in stop_words()
    info: tuple
    if token[0].isdigit():
        number = token.replace(",", "")
        key = "#" + number if len(number) >= 2 or "." in number else None
        info = (None, content, False, key, None, None, low, False)
    else:
        key = _normal(token)
        name = None
        if key is not None and token[0].isupper() and low not in stop_words() and token not in _AMERICA:
            name = low.replace("’", "'").removesuffix("'s").rstrip(".")
        info = (low if token[0].islower() else None, content, content and token[0].isupper(), key, name,
                None if name is None else "n:" + name, low, token.endswith(("'s", "’s")))
    _INFO[token] = info
    return info


# --- cited sources -----------------------------------------------------------------------------------

# Platforms are a closed set: a post "on X" names one of these.
PLATFORMS = {
    "x": "X", "twitter": "Twitter", "telegram": "Telegram", "facebook": "Facebook", "instagram": "Instagram",
    "tiktok": "TikTok", "youtube": "YouTube", "truth social": "Truth Social", "threads": "Threads",
    "bluesky": "Bluesky", "linkedin": "LinkedIn", "weibo": "Weibo", "wechat": "WeChat", "reddit": "Reddit",
    "substack": "Substack", "vk": "VK",
}
_KNOWN_OUTLETS = {
    "reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg", "cnn", "bbc", "nbc",
    "abc", "cbs", "msnbc", "fox news", "politico", "axios", "the guardian", "guardian", "the new york times",
    "new york times", "the washington post", "washington post", "the wall street journal",
    "wall street journal", "financial times", "the economist", "al jazeera", "tass", "ria novosti",
    "interfax", "xinhua", "dpa", "ukrinform", "npr", "people", "variety", "tmz", "usa today", "the hill",
    "the times", "the telegraph", "le monde", "der spiegel", "kyiv independent", "the kyiv independent",
    "the associated press",
}
# Words that make a capitalised phrase an outlet (CBS News, Fox Business Network, Kyiv Post, ...).
_MEDIA_WORDS = {
    "news", "network", "times", "post", "journal", "tv", "radio", "agency", "press", "magazine", "channel",
    "herald", "tribune", "gazette", "daily", "telegraph", "independent", "broadcasting", "television",
    "media", "wire", "reporter", "chronicle", "observer", "guardian", "today", "weekly", "newspaper",
}
# Capitalised, even acronyms, yet not sources: countries ("according to the US") and lone media words.
_NOT_SOURCES = {"us", "uk", "usa", "uae", "radio", "tv", "television", "news", "times", "post", "press", "media"}
# Possessive (`*+`): what follows a phrase starts with a space, never with a character given back from
# a word or a word given back from the phrase (the phrase's words start with capitals or are of/the/and/&,
# the verbs after it with none of those), so backtracking into it found nothing, slowly.
_CAP = r"(?:[A-Z][\w’'&.-]*+|of|the|and|&)"
_PHRASE = rf"((?:[Tt]he[ \t]+)?[A-Z][\w’'&.-]*+(?:[ \t]+{_CAP})*+)"
_SPEECH = r"(?:said|says|wrote|writes|posted|posts|tweeted|announced|stated|shared|added|noted|declared|commented)"
_OUTLET_PATTERNS = [
    re.compile(rf"\b{_PHRASE}\s+(?:has\s+|had\s+)?(?:reported|reports|quoted|quotes|cited|cites|said\s+in\s+a\s+report)\b"),
    re.compile(rf"\baccording\s+to\s+(?:a\s+report\s+(?:by|from|in)\s+)?{_PHRASE}"),
    re.compile(rf"\b(?:told|tells|telling)\s+{_PHRASE}"),
    re.compile(rf"\b(?:in\s+an\s+interview\s+with|speaking\s+to|reported\s+by|report\s+by|cited\s+by|quoted\s+by)\s+{_PHRASE}"),
]
_PLATFORM_PATTERN = re.compile(
    rf"\b{_SPEECH}\s+(?:in\s+a\s+(?:post|message|statement|video)\s+)?(?:on|to)\s+(?:his\s+|her\s+|their\s+|its\s+)?"
    r"(X|Twitter|Telegram|Facebook|Instagram|TikTok|YouTube|Truth Social|Threads|Bluesky|LinkedIn|Weibo|WeChat|Reddit|Substack|VK)\b"
    r"|\b(?:a\s+|in\s+a\s+)?(?:post|message|video|statement)\s+on\s+"
    r"(X|Twitter|Telegram|Facebook|Instagram|TikTok|YouTube|Truth Social|Threads|Bluesky|LinkedIn|Weibo|WeChat|Reddit|Substack|VK)\b"
)


# Words each pattern above cannot match without (in the same order), so a text lacking them skips
# the pattern's scan; the platform pattern needs a platform's name.
_OUTLET_NEEDS = [("report", "quote", "cite"), ("according",), ("told", "tell"),
                 ("interview", "speaking", "report", "cited", "quoted")]
_PLATFORM_NEEDS = ("X", "Twitter", "Telegram", "Facebook", "Instagram", "TikTok", "YouTube", "Truth Social",
                   "Threads", "Bluesky", "LinkedIn", "Weibo", "WeChat", "Reddit", "Substack", "VK")


def _sentence_part(words: list[str], reverse: bool = False) -> list[str]:
    """The words up to a sentence end ('Radio North. Volunteers' -> 'Radio North'; reversed, the
    words after it -> 'Volunteers'); an initialism such as U.S. is no end."""
    for i, word in enumerate(words):
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            return words[:i] if reverse else words[:i] + [word.rstrip(".")]
    return words


def _trim_phrase(phrase: str) -> str:
    words = phrase.split()
    while words and words[-1].lower() in ("of", "the", "and", "&"):
        words.pop()
    return " ".join(words).rstrip(".,’'").removesuffix("’s").removesuffix("'s")


def _is_outlet(phrase: str, people: set[str], organizations: set[str]) -> bool:
    low = phrase.lower()
    if not phrase or low in people or low.split()[-1] in people or low in _NOT_SOURCES:
        return False
    if low in _KNOWN_OUTLETS or low in organizations:
        return True
    words = low.split()
    if any(w in _MEDIA_WORDS for w in words[1:]) or words[0] in ("radio", "tv", "television") \
            or (words[0] in _KNOWN_OUTLETS and len(words) > 1):
        return True
    # An acronym (AP, CNN, NHK) is an agency or outlet far more often than a person.
    return phrase.isupper() and 2 <= len(phrase) <= 5 and phrase.isalpha()


def cited_sources(text: str, extraction=None) -> list[str]:
    """Outlets and platforms the article cites ('Reuters reported', 'told Fox Business Network',
    'on Telegram', 'according to AP'), in order of first citation, each once."""
    people: set[str] = set()
    organizations: set[str] = set()
    for actor in getattr(extraction, "actors", None) or []:
        names = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        if actor.kind == "person":
            people |= names
        elif actor.kind == "organization":
            organizations |= names
    found: list[tuple[int, str]] = []
    for pattern, needs in zip(_OUTLET_PATTERNS, _OUTLET_NEEDS):
        if not any(word in text for word in needs):
            continue
        for match in pattern.finditer(text):
            # "Yesterday Reuters reported": the outlet ends the phrase; "told CNN's Jake Tapper": it starts it.
            words = match.group(1).split()
            if pattern is _OUTLET_PATTERNS[0]:
                words = _sentence_part(words[::-1], reverse=True)[::-1]
                spans = [words[i:] for i in range(len(words))]
            else:
                words = _sentence_part(words)
                # "told CNN's Jake Tapper": the outlet ends at its possessive.
                cut = next((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
                words = words[: cut + 1] if cut is not None else words
                # "told Bill O'Reilly of Fox News": the outlet is after the person's "of".
                if "of" in words[1:]:
                    words = words[words.index("of", 1) + 1:] if _is_outlet(
                        _trim_phrase(" ".join(words[words.index("of", 1) + 1:])), people, organizations) else words
                spans = [words[:i] for i in range(len(words), 0, -1)]
            for candidate in spans:
                phrase = _trim_phrase(" ".join(candidate))
                if _is_outlet(phrase, people, organizations):
                    found.append((match.start(1), phrase))
                    break
    for match in _PLATFORM_PATTERN.finditer(text) if any(name in text for name in _PLATFORM_NEEDS) else ():
        name = match.group(1) or match.group(2)
        found.append((match.start(), PLATFORMS[name.lower()]))
    seen: dict[str, str] = {}
    for _, name in sorted(found):
        # "The New York Times" is "New York Times"; "The Hill" stays whole.
        if name.lower().startswith("the "):
            name = name[4:] if len(name.split()) > 2 else "The " + name[4:]
        seen.setdefault(name.lower(), name)
    return list(seen.values())
