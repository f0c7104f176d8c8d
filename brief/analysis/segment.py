"""Sentence and paragraph splitting for news text: one regex pass for candidate ends, a few rules to reject them.

A candidate end is a run of `.`, `!`, `?` or `…`, with any closing quotes or brackets glued to it, followed by
whitespace. It is rejected when the next word starts lower case (`"Why?" he asked`), or when the word before the
stop is an abbreviation (`Mr.`, `Feb. 28`, `U.S. President`) or an initial (`John F. Kennedy`) not
followed by a word that usually opens a sentence. Measured against syntok and pysbd in bench/eval_bbc.py.
"""

from __future__ import annotations

import re

from brief.models import Sentence

# A stop, closing quotes/brackets glued to it, then the whitespace before the next sentence.
_CANDIDATE = re.compile(r"[.!?…][.!?…]*[\"”’'»)\]]*(?=\s)")  # (a set first: the engine scans for it)
# The word just before a stop, with its inner dots (`U.S`, `a.m`, `@michaelgwaltz`), read backwards: matched
# at the start of the reversed text before the stop (searching forwards for `[\w@#&'’.-]*\w$` tried every
# start in the window, and backtracked through every word but the last).
_WORD_BEFORE_REVERSED = re.compile(r"\w[\w@#&'’.-]*")
_NEXT_WORD = re.compile(r"\s+([\"“‘'«(\[]*)([\w@#$£€]*)")

# After `?”` or `!”`: a short name and a speech verb closing the sentence (`“Why?” Rosa Vance asked.`).
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|wrote|writes|told|replied|shouted|"
    r"tweeted|posted|wondered|insisted|demanded|exclaimed)\b(?!\s+that\b)[^.!?\"“”]{0,40}[.!?]"
)
# Titles before a name: never the end of a sentence.
_TITLES = frozenset(
    "Mr Mrs Ms Mx Dr Prof Gov Sen Rep Reps Gen Col Lt Capt Sgt Maj Adm Cmdr Cdr Brig Rev Hon Pres Supt Insp "
    "Det Cpl Pte Fr Msgr Atty Amb Sec Gens Messrs Mmes Sens".split()
)
# Abbreviations that end a sentence only when a sentence opener follows (`... of Apple Inc. The ...`).
_ABBREVIATIONS = frozenset(
    "Inc Corp Ltd Co Bros Jr Sr St Ste Mt Ft Ave Blvd Rd Dept Univ Assn Est approx al cf ca viz "
    "Calif Conn Fla Ill Mass Mich Minn Penn Tenn Tex Va Wash Wis Ariz Ark Colo Del Ga Ind Kan Ky La Md Miss "
    "Mo Mont Neb Nev Okla Ore Pa Vt Wyo".split()
)
# Abbreviations that never end a sentence, whatever follows (`(e.g. Starsky & Hutch)`).
_NEVER_LAST = frozenset("e.g i.e E.g I.e v vs".split())
# Month names and reference words are abbreviations only before a number (`Feb. 28`, `No. 10`).
_BEFORE_NUMBER = frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Art Vol Vols Fig Figs Ch Sec pp p para".split()
)
# Words that open sentences far more often than they continue a name or title; after an abbreviation or an
# initial they mean the stop did end the sentence.
_OPENERS = frozenset(
    """A An The This That These Those It Its I We You He She They His Her Their Our My Your Them There Here
    But And Or Nor So Yet Still Also However Meanwhile Moreover Nevertheless Instead Thus Then Now Today
    Yesterday Tomorrow Earlier Later Last Next After Before When While Whereas If As Although Though Since
    Because Despite Unless Until Once In On At For From With Without By Of To Under Over During Among
    Between Through Into About Against Across Along Amid Following Including Unlike Like Besides Further
    Furthermore Indeed Overall Separately Elsewhere Similarly Likewise Even Only Just Perhaps Almost Nearly
    More Less Few Another Much Some Many Most All Both Each Every Any No Not None One Two Three Several Other
    Others Such What Who Whom Whose Why How Where Which Asked Speaking According Officials Analysts
    Critics""".split()
)


def _is_boundary(para: str, stop_start: int, stop_end: int) -> bool:
    """Whether the stop at para[stop_start:stop_end] ends a sentence."""
    follow = _NEXT_WORD.match(para, stop_end)
    if follow is None:
        return True
    opening, word = follow.groups()
    if word and word[0].islower():
        return False
    if not word and not opening:
        return False  # `Where is the Love? - picked up`, `(Ae Fond Kiss... ).`
    if para[stop_start] in "?!" and para[stop_end - 1] in "\"”’'" and _ATTRIBUTION.match(para, stop_end):
        return False  # `“Is this the end?” Rosa Vance asked.`
    if para[stop_start] != "." or para[stop_end - 1] != ".":
        return True  # `?`, `!`, `…`, or a stop inside a closing quote or bracket: `Cell Block H." Labour`
    window = max(0, stop_start - 40)
    before = _WORD_BEFORE_REVERSED.match(para[window:stop_start][::-1])
    if before is None:
        return True
    before_start = stop_start - before.end()
    token = para[before_start:stop_start].lstrip("'’-.")
    if not token:
        return True
    opener = bool(opening) or word in _OPENERS or not word
    if token in _TITLES or token in _NEVER_LAST:
        return False
    if token in _BEFORE_NUMBER:
        return not word[:1].isdigit()
    if token in _ABBREVIATIONS or token.lower() in _ABBREVIATIONS:
        return opener
    if "." in token and token.replace(".", "").isalpha():  # U.S, a.m, e.g, D.C
        return opener
    if len(token) == 1 and token.isupper() and token != "I":
        if token == "X" and para[:before_start].rstrip().endswith(" on"):
            return True  # the platform: `said on X.`
        return opener  # an initial: `John F. Kennedy`, `L. Douglas Wilder`, `N. Korea`
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into text; paragraphs are the non-blank lines, numbered from 0."""
    sentences: list[Sentence] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            start = 0
            for match in _CANDIDATE.finditer(line):
                if _is_boundary(line, match.start(), match.end()):
                    _add(sentences, text, line_start, line, start, match.end(), paragraph)
                    start = match.end()
            _add(sentences, text, line_start, line, start, len(line), paragraph)
            paragraph += 1
        line_start += len(line) + 1
    return sentences


def _add(sentences: list[Sentence], text: str, line_start: int, line: str, start: int, end: int, paragraph: int):
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    begin = line_start + start + (len(piece) - len(piece.lstrip()))
    # Sentence(start=..., ...) without BaseModel.__init__'s keyword round trip: the same validation.
    sentences.append(_validate_sentence({"start": begin, "end": begin + len(stripped), "text": stripped,
                                         "paragraph": paragraph}))


_validate_sentence = Sentence.__pydantic_validator__.validate_python
