"""Who a quotation is given to, read from the words around it: cue verbs, their subjects, channels, relays.

The speaker phrase is found by syntax (the subject of a cue verb next to the quote), then mapped to the
actor mention heading it. A phrase that names no actor keeps its words and no key: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.analysis.quoting import cues
from brief.analysis.quoting.context import Context, Speaker
from brief.analysis.quoting.spans import MASK, QuoteSpan

_TOKEN = re.compile(r"\S+")
_LEAD = re.compile(r"[\s,—–\-]*")
_PAREN_END = re.compile(r"\s*\([^()~]{1,40}\)\s*$")
_DATEISH = re.compile(r"^(?:" + cues._MONTHS + r")$|^\d{1,2}$")
_COORDINATED = re.compile(r"(?:,\s*|\s)(?:and|but|or|then)\s*$|,\s*$")
_HANDLE = re.compile(r"^@\w+")
_AFTER_PREPOSITION = re.compile(r"\s+(?:of|from|for|at|in|with)(?:\s+the)?\s+$")
_OWN_OBJECT = re.compile(r"\s+(?:yes|no|nothing|so|little|otherwise|goodbye|hello)\b")
_DASH_CREDIT = re.compile(r"[\s,]*[―—–]+\s*((?:[A-Z][\w’'\.\-]*\s?){1,5})[\s.]*$")
_QUOTE_CHARS = set("“”\"‘" + MASK)


@dataclass
class Frame:
    speaker: Speaker | None
    cue: str | None
    channel: str | None = None
    reported_by: str | None = None
    clause_end: int = 0  # end of the sentence holding the attribution
    inherited: bool = False  # a follow-on quote: the speaker comes from the quote before
    credit: bool = False  # '"…" ― Name': names the speaker of its own quote only


def _capitalised(word: str) -> bool:
    w = word.lstrip("(\"“‘")
    return bool(w) and (w[0].isupper() or bool(_HANDLE.match(w)))


def _speaker_from_phrase(ctx: Context, start: int, end: int) -> Speaker | None:
    """Classify the phrase [start, end) that stands where a speaker goes."""
    text = ctx.text[start:end].strip()
    if not text:
        return None
    start = ctx.text.index(text, start)
    end = start + len(text)
    words = text.split()
    low = text.lower()
    if len(words) == 1 and (low in cues.PRONOUNS or low in cues.FIRST_PERSON):
        return Speaker(start, end, text, None, "pronoun")
    mention = ctx.mention_at(start, end)
    if mention is not None and mention.start > start and _AFTER_PREPOSITION.search(ctx.masked, start, mention.start):
        # 'Del. Stacey Plaskett of the Virgin Islands': the name before the preposition heads the phrase.
        cut = _AFTER_PREPOSITION.search(ctx.masked, start, mention.start).start()
        return _speaker_from_phrase(ctx, start, cut) if cut > start else None
    if mention is not None and ctx.kind(mention.actor_key) == "place" and mention.start > start:
        # 'Del. Stacey Plaskett of the Virgin Islands', 'a senator from Ohio': the place is not the speaker.
        person = next((m for m in ctx.mentions_between(start, mention.start) if ctx.kind(m.actor_key) == "person"
                       and not ctx.is_possessive(m)), None)
        if person is None:
            return Speaker(start, end, text, None, "generic")
        mention = person
    if mention is not None:
        key = None if ctx.is_ambiguous(mention) else mention.actor_key
        return Speaker(mention.start, mention.end, mention.text, key, "named")
    last = words[-1]
    if _capitalised(last) and not (len(words) == 1 and low in cues.DETERMINERS):
        # A name the actor pass did not catch: keep its words; an actor of the article with that surname, if one.
        run = []
        for w in reversed(words):
            if not _capitalised(w) or w.lower() in cues.DETERMINERS:
                break
            run.append(w)
        name = " ".join(reversed(run))
        s = ctx.text.index(name, start)
        return Speaker(s, s + len(name), name, ctx.key_by_surname(last.strip(".,’'")), "named")
    if words[0].lower() in cues.DETERMINERS or words[0].endswith(("’s", "'s")) or (len(words) == 1 and re.fullmatch(r"[a-z]+s", words[0])):
        return Speaker(start, end, text, None, "generic")  # 'a spokesman', 'the agency', 'officials'
    return None


def subject_before(ctx: Context, verb_start: int, left: int, anchored: bool = False) -> Speaker | None:
    """The subject of a cue verb: the phrase ending just before it (past adverbs, dates, an appositive).

    `anchored`: the phrase must start at `left` (a tail right after the closing mark)."""
    found = _subject_before(ctx, verb_start, left)
    if found is None:
        return None
    speaker, phrase_start = found
    if anchored and ctx.masked[left:phrase_start].strip(" ,—–-\n"):
        return None
    return speaker


def _subject_before(ctx: Context, verb_start: int, left: int) -> tuple[Speaker | None, int] | None:
    masked = ctx.masked
    region = masked[left:verb_start]
    trail = cues.TRAILING_ADVERBIALS.search(region)
    end = left + (trail.start() if trail else len(region.rstrip()))
    while end > left and masked[end - 1].isspace():
        end -= 1
    if end > left and masked[end - 1] == ",":
        return _appositive_subject(ctx, left, end - 1)
    paren = _PAREN_END.search(masked, left, end)
    if paren is not None:
        end = paren.start()
    tokens = list(_TOKEN.finditer(masked, left, end))
    np_start = end
    count = 0
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        word = tok.group()
        if any(c in _QUOTE_CHARS for c in word) or word[-1] in ",;:—–":
            break
        lw = word.lower()
        if _DATEISH.match(word) and np_start < end:
            break
        if lw in cues.CLAUSE_WORDS:
            if np_start == end:
                if lw == "who":
                    return _relative_antecedent(ctx, left, tok.start()), tok.start()
                return None
            if lw in cues.PREPOSITIONS:
                collected = masked[np_start:end].split()
                if all(_capitalised(w) for w in collected):
                    return None  # "a spokesman for Trump": the name is not the subject
                # "In a Bloomberg interview Trump declared": a fronted phrase, the name heads the subject.
            if lw in {"and", "or", "&"}:
                before = tokens[k - 1].group() if k > 0 else ""
                if before and before[-1] not in ",;" and (_capitalised(before) or before.lower() in cues.PRONOUNS):
                    return None  # "Grassley and Leahy said": two speakers
            break
        np_start = tok.start()
        count += 1
        if count >= 10:
            break
    if np_start >= end:
        return None
    return _speaker_from_phrase(ctx, np_start, end), np_start


def _relative_antecedent(ctx: Context, left: int, who_at: int) -> Speaker | None:
    """'Trump, who has called it "a disaster"': the name before 'who'."""
    before = ctx.masked[left:who_at].rstrip().rstrip(",").rstrip()
    end = left + len(before)
    mention = ctx.mention_at(max(left, end - 60), end)
    if mention is not None and mention.end >= end - 1:
        return Speaker(mention.start, mention.end, mention.text, mention.actor_key, "named")
    return None


def _appositive_subject(ctx: Context, left: int, comma: int) -> tuple[Speaker | None, int] | None:
    """'X, a Miami lawyer who ..., said' and 'X, R-Wis., said': the name before the first comma."""
    masked = ctx.masked
    for m in ctx.mentions_between(left, comma):
        after = masked[m.end : comma + 1]
        head = re.match(r"(?:\s*\([^)]{0,30}\))?\s*,", after)
        if head is None or ctx.is_possessive(m):
            continue
        appositive = after[head.end() :]
        if any(c in _QUOTE_CHARS for c in appositive) or len(appositive.split()) > 30 or cues.CUE.search(appositive):
            continue
        pre_text = masked[left : m.start].rsplit(",", 1)[-1]
        pre = pre_text.split()
        if len(pre) > 5 or any(w.lower() in cues.CLAUSE_WORDS or any(c in _QUOTE_CHARS for c in w) for w in pre):
            continue
        phrase_start = m.start - len(pre_text.lstrip())
        return Speaker(m.start, m.end, m.text, m.actor_key, "named"), phrase_start
    # "A spokesman, who declined to be named, said"
    phrase = masked[left:comma].split(",")[0]
    words = phrase.split()
    if words and words[0].lower() in cues.DETERMINERS and len(words) <= 6 and not any(c in _QUOTE_CHARS for c in phrase):
        s = masked.index(phrase.strip(), left)
        return Speaker(s, s + len(phrase.strip()), ctx.text[s : s + len(phrase.strip())], None, "generic"), s
    return None


def subject_after(ctx: Context, verb_end: int, right: int) -> Speaker | None:
    """The subject after an inverted cue: '"…," said Ronald R. Fieldstone, a Miami lawyer'."""
    masked = ctx.masked
    start = None
    end = None
    count = 0
    for tok in _TOKEN.finditer(masked, verb_end, right):
        word = tok.group()
        if any(c in _QUOTE_CHARS for c in word):
            break
        bare = word.rstrip(",;.:")
        if bare.lower() in ("and", "&") and start is not None and _capitalised(masked[start:end].split()[-1]):
            return None  # 'said Richard and Judy producer Amanda Ross': a compound, not one name
        if bare.lower() in cues.CLAUSE_WORDS or (not bare and word):
            break
        if _DATEISH.match(bare) or bare.lower() in {"today", "yesterday", "tonight"}:
            break
        if start is None:
            start = tok.start()
        end = tok.start() + len(bare)
        count += 1
        stop = word[-1] in ",;:" or (word.endswith(".") and not _is_abbreviation(bare))
        if stop or count >= 10:
            break
    if start is None or end is None:
        return None
    paren = _PAREN_END.search(masked, start, end)
    if paren is not None:
        end = paren.start()
    return _speaker_from_phrase(ctx, start, end)


def _is_abbreviation(word: str) -> bool:
    return len(word.rstrip(".")) <= 3 and word[:1].isupper()


def _is_outlet(ctx: Context, speaker: Speaker | None) -> bool:
    if speaker is None or speaker.kind != "named":
        return False
    kind = ctx.kind(speaker.key)
    return kind in (None, "organization", "other") and bool(cues.OUTLET_WORDS.search(speaker.text))


def _tail_frame(ctx: Context, start: int, end: int) -> Frame | None:
    """'"…," X said', '"…," said X', '"…," according to X', '"…," Reuters quoted X as saying'."""
    masked = ctx.masked
    lead = _LEAD.match(masked, start, end)
    s = lead.end() if lead else start
    if s >= end:
        return None
    dash = _DASH_CREDIT.match(masked, start, end)
    if dash is not None:
        # '"…" ― Sonya Herridge': a credit line after the quote.
        who = _speaker_from_phrase(ctx, dash.start(1), dash.end(1))
        return Frame(who, None, credit=True) if who is not None and who.kind == "named" else None
    relay = cues.QUOTED_AS_SAYING.match(masked, s, end)
    if relay is not None:
        who = subject_after(ctx, relay.start("who") - 1, relay.end("who"))
        return Frame(who, relay.group("cue"), reported_by=relay.group("outlet"))
    according = cues.ACCORDING_TO.match(masked, s, end)
    if according is not None:
        return Frame(subject_after(ctx, according.end() - 1, end), "according to")
    cue = cues.CUE.match(masked, s, end)
    if cue is not None:
        if _OWN_OBJECT.match(masked, cue.end(), end):
            return None
        who = subject_after(ctx, cue.end(), end)
        return Frame(who, cue.group()) if who is not None else None
    cue = cues.CUE.search(masked, s, min(end, s + 250))
    if cue is None:
        return None
    if _OWN_OBJECT.match(masked, cue.end(), end):
        return None  # 'Melanie said yes': the verb has words of its own
    who = subject_before(ctx, cue.start(), s, anchored=True)
    return Frame(who, cue.group()) if who is not None else None


def head_frame(ctx: Context, start: int, end: int) -> Frame | None:
    """'X said: "…"', 'X noted "positive movement"', 'X called it "regrettable" and reaffirmed …'."""
    masked = ctx.masked
    relay = None
    for relay in cues.QUOTED_AS_SAYING.finditer(masked, start, end):
        pass
    if relay is not None and not masked[relay.end() : end].strip(" ,:\n"):
        who = subject_after(ctx, relay.start("who") - 1, relay.end("who"))
        return Frame(who, relay.group("cue"), reported_by=relay.group("outlet"))
    found = list(cues.CUE.finditer(masked, start, end))
    if not found:
        according = re.match(r"\s*According to\s+", masked[start:end])
        if according:
            return Frame(subject_after(ctx, start + according.end() - 1, end), "according to")
        return None
    return _cue_subject(ctx, found, len(found) - 1, start, end)


def _cue_subject(ctx: Context, found: list[re.Match], i: int, start: int, end: int) -> Frame | None:
    cue = found[i]
    if cue.group().endswith("ing") and ctx.masked[start : cue.start()].rstrip().endswith(","):
        # 'Clinton spoke out on Tuesday, arguing that …': the participle's subject opens the sentence.
        if i > 0:
            earlier = _cue_subject(ctx, found, i - 1, start, end)
            if earlier is not None:
                return Frame(earlier.speaker, cue.group())
        opener = _sentence_subject(ctx, start, cue.start())
        return Frame(opener, cue.group()) if opener is not None else None
    who = subject_before(ctx, cue.start(), start)
    if cue.group().endswith("ing") and (who is None or who.kind == "generic"):
        # 'the Council issued a statement calling …', 'Dean … began by saying …': the clause's subject speaks.
        opener = _sentence_subject(ctx, start, cue.start())
        if opener is not None:
            return Frame(opener, cue.group())
    if who is not None:
        return Frame(who, cue.group())
    left = ctx.masked[start : cue.start()]
    if re.search(r"(?:^|\s)(?:to|and)\s*$", left) and (i == 0 or re.search(r"\bto\s*$", left)):
        # 'Trump took to Twitter to accuse …', 'Trump, her opponent, bemoaned the unrest and said …'
        opener = _sentence_subject(ctx, start, cue.start())
        if opener is not None:
            return Frame(opener, cue.group())
    if i == len(found) - 1 and not left.strip() and re.fullmatch(r"[^,;~]{1,80}[:,]\s*", ctx.masked[cue.end() : end]):
        # 'Said Ellis: "…"'
        who = subject_after(ctx, cue.end(), end)
        if who is not None:
            return Frame(who, cue.group())
    if i == 0:
        according = re.match(r"\s*According to\s+", ctx.masked[start : cue.start()])
        if according:
            return Frame(subject_after(ctx, start + according.end() - 1, cue.start()), "according to")
        return None
    # A coordinated verb ("… and reaffirmed", ", adding") shares the subject of the cue before it.
    earlier = _cue_subject(ctx, found, i - 1, start, end)
    if earlier is None:
        return None
    left = ctx.masked[found[i - 1].end() : cue.start()]
    if _COORDINATED.search(left) or cue.group().endswith("ing"):
        return Frame(earlier.speaker, cue.group())
    return earlier


def _sentence_subject(ctx: Context, start: int, end: int) -> Speaker | None:
    """A person or organisation heading the sentence as its subject.

    'During a speech, Trump attacked …', 'Democratic nominee Hillary Clinton chimed in …',
    'Donald Trump, her Republican opponent, bemoaned …'."""
    for m in ctx.mentions_between(start, end):
        lead = ctx.masked[start : m.start].rsplit(",", 1)[-1].split()
        if len(lead) > 4 or any(w.lower() in cues.CLAUSE_WORDS or any(c in _QUOTE_CHARS for c in w) for w in lead):
            continue
        if ctx.is_possessive(m) or cues.CUE.search(ctx.masked, start, m.start):
            return None
        # 'Lib Dem chairman Matthew Taylor': a name qualifying a role before the name that heads the phrase.
        while True:
            later = [n for n in ctx.mentions_between(m.end, min(end, m.end + 40))
                     if re.fullmatch(r"\s+(?:[a-z\-]+\s+){1,3}", ctx.masked[m.end : n.start])
                     and not any(w in cues.CLAUSE_WORDS for w in ctx.masked[m.end : n.start].split())]
            if not later:
                break
            m = later[0]
        if ctx.kind(m.actor_key) not in ("person", "organization") or ctx.is_possessive(m):
            return None
        rest = ctx.masked[m.end : end]
        appositive = re.match(r"(?:\s*\([^)]{0,30}\))?,\s+[^,~“”\"]{1,80},\s", rest)
        after = rest[appositive.end() :] if appositive else rest
        if not re.match(r"\s*[a-z]", after):
            return None  # the name is not followed by its verb
        return Speaker(m.start, m.end, m.text, m.actor_key, "named")
    return None


def _relay_speaker(ctx: Context, head_start: int, open_at: int) -> tuple[Speaker, str] | None:
    """'as Trump seeks a "bigger, better deal," CBS News reported': the person whose verb governs the quote."""
    persons = [m for m in ctx.mentions_between(head_start, open_at) if ctx.kind(m.actor_key) == "person"]
    if not persons:
        return None
    m = persons[-1]
    between = ctx.masked[m.end : open_at]
    words = between.split()
    if not words or len(words) > 6 or any(c in between for c in ",;:" + MASK) or not words[0].islower():
        return None
    return Speaker(m.start, m.end, m.text, m.actor_key, "named"), words[0]


def channel_in(ctx: Context, start: int, end: int) -> str | None:
    """How or where the words were said, when the sentence says so."""
    masked = ctx.masked
    told = cues.TOLD.search(masked, start, end)
    if told is not None:
        # 'told Reuters', "told CNN's Wolf Blitzer", "told Bill O'Reilly of Fox News"; not 'told Congress'.
        name = _outlet_name(told.group(1))
        if name:
            return name
    within = cues.CHANNEL_IN.search(masked, start, end)
    platform = cues.CHANNEL_ON.search(masked, start, end)
    if within is not None and within.group(2) and _outlet_name(within.group(2)):
        return _outlet_name(within.group(2))  # 'in an interview with CNN
    if platform is not None:
        return platform.group(1)
    for on in cues.CHANNEL_ON_OUTLET.finditer(masked, start, end):
        name = on.group(1)
        if not cues.NOT_CHANNEL.match(name) and cues.OUTLET_WORDS.search(name):
            return _clean_name(name)
    if within is not None:
        phrase = within.group(1)
        for p in cues.PLATFORMS:
            if re.search(r"\b" + re.escape(p) + r"\b", phrase) and p != "X":
                return p
        return phrase
    return None


def _outlet_name(name: str) -> str | None:
    """The outlet in "CNN's Wolf Blitzer" or "Bill O'Reilly of Fox News"; None when it names no outlet."""
    name = re.split(r"[’']s\s", name)[0]
    if " of " in name:
        name = name.split(" of ")[-1]
    return _clean_name(name) if cues.OUTLET_WORDS.search(name) and not cues.NOT_CHANNEL.match(name) else None


def _clean_name(name: str) -> str:
    name = name.strip().rstrip(".,")
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _reported_by(ctx: Context, start: int, end: int) -> str | None:
    """', Reuters reported' or ', according to Reuters' after an attribution already made."""
    masked = ctx.masked
    m = re.search(r",\s+according to\s+(" + cues._NAME + r")", masked[start:end])
    if m and cues.OUTLET_WORDS.search(m.group(1)):
        return _clean_name(m.group(1))
    m = re.search(r",\s+(" + cues._NAME + r")\s+(?:reported|reports)\b", masked[start:end])
    if m and cues.OUTLET_WORDS.search(m.group(1)):
        return _clean_name(m.group(1))
    return None


def _final_attribution(ctx: Context, after: int, tail_end: int) -> Frame | None:
    """A sentence-final attribution after a partial quote: '… "soon" for talks, Yermak said.'"""
    masked = ctx.masked
    for comma in re.finditer(r",", masked[after:tail_end]):
        c = after + comma.end()
        frame = _tail_frame(ctx, c, tail_end)
        if frame is None or frame.speaker is None or frame.cue.endswith("ing"):
            continue
        rest = masked[c:tail_end]
        if re.search(r"\b(?:that|whether|if)\b", rest) or cues.QUOTED_AS_SAYING.search(rest):
            continue
        return frame
    return None


def _colon_paragraph(ctx: Context, span: QuoteSpan) -> Frame | None:
    """'Sanders made the following comment:' ending the paragraph before a quote paragraph."""
    before = ctx.masked[: span.open_at].rstrip()
    if not before.endswith(":") or ctx.paragraph(len(before) - 1) == ctx.paragraph(span.open_at):
        return None
    start = ctx.sentence_start(len(before) - 1)
    frame = head_frame(ctx, start, len(before) - 1)
    if frame is not None and frame.speaker is not None:
        return frame
    who = _sentence_subject(ctx, start, len(before))
    return Frame(who, None) if who is not None else None


def attribute(ctx: Context, span: QuoteSpan, next_open: int | None) -> Frame | None:
    """The frame naming who said the quotation in `span`, or None when the words around it name no one."""
    text = ctx.text
    after = span.after
    tail_end = ctx.sentence_end(after)
    if next_open is not None:
        tail_end = min(tail_end, next_open)
    head_start = ctx.sentence_start(span.open_at)
    clause_end = max(tail_end, after)
    closes_sentence = text[span.end - 1] == "." and re.match(r"[\s”\"’]*(?:$|\n|[A-Z“\"‘])", text[after : after + 3] or "")
    frame = None
    tail_open = not closes_sentence and tail_end > after
    if tail_open:
        frame = _tail_frame(ctx, after, tail_end)
    if frame is None or frame.speaker is None:
        head = head_frame(ctx, head_start, span.open_at)
        if head is not None and head.speaker is not None:
            frame = head
    if (frame is None or frame.speaker is None) and tail_open:
        frame = _final_attribution(ctx, after, tail_end)
    if (frame is None or frame.speaker is None) and head_start == span.open_at:
        frame = _colon_paragraph(ctx, span) or frame
    if frame is None:
        return None
    frame.clause_end = clause_end
    if frame.cue in cues.RELAY_VERBS and _is_outlet(ctx, frame.speaker):
        relayed = _relay_speaker(ctx, head_start, span.open_at)
        if relayed is not None:
            frame = Frame(relayed[0], relayed[1], reported_by=_clean_name(frame.speaker.text), clause_end=clause_end)
    if frame.channel is None:
        frame.channel = channel_in(ctx, head_start, clause_end)
    if frame.reported_by is None:
        frame.reported_by = _reported_by(ctx, after, clause_end)
    return frame
