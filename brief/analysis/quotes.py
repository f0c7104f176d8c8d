"""Quotes and their speakers within one article.

Quoted spans are found from the marks (brief.analysis.quoting.spans), each is framed by the words
around it (speakers), pronouns are resolved (coref), and a quote with no frame continues the previous
speaker only where nobody else is named between. Short quoted phrases with no cue (scare quotes,
titles, nicknames) are not speech and are dropped. An unknown speaker stays None: never a guess.
"""

from __future__ import annotations

import bisect
import re

from brief.analysis.actors import ActorExtraction
from brief.analysis.quoting.context import Context
from brief.analysis.quoting.cues import CUE
from brief.analysis.quoting.coref import LastSpeaker, PronounResolver
from brief.analysis.quoting.speakers import Frame, attribute, channel_in, head_frame
from brief.analysis.quoting.spans import QuoteSpan, find_quote_spans, masked_text
from brief.models import Quote, Sentence

_WORD = re.compile(r"[\w’'\-]+")
_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by as is vs".split())
_HEAD_OPENS_SENTENCE = re.compile(r"(?:^|[:,—–]|[.!?][\"”’]?)\s*$")
_PREVIOUS_CHANNEL_PARAGRAPHS = 1
# A capitalised phrase in quotes after these is the name of a show or work, not words said.
_BEFORE_SHOWS = frozenset("on told tells in to at from with".split())
_BEFORE_TITLES = frozenset("of for the a an and his her their its".split())


_validate_quote = Quote.__pydantic_validator__.validate_python


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


class QuoteExtractor:
    def extract(self, article_id: str, text: str, sentences: list[Sentence], actors: ActorExtraction) -> list[Quote]:
        spans = find_quote_spans(text)
        if not spans:
            return []
        ctx = Context(text, masked_text(text, spans), spans, actors.actors, actors.mentions)
        resolver = PronounResolver(ctx)
        sentence_starts = [s.start for s in sentences]
        quotes: list[Quote] = []
        last: LastSpeaker | None = None
        for i, span in enumerate(spans):
            next_open = spans[i + 1].open_at if i + 1 < len(spans) else None
            words = _WORD.findall(" ".join(text[a:b] for a, b in span.segments))
            if not words:
                continue
            kind = self._kind(ctx, span, words)
            if kind == "partial" and self._not_speech(ctx, span, words):
                continue
            frame = attribute(ctx, span, next_open)
            if frame is None:
                if kind == "partial" and (len(words) <= 3 or _is_title_case(words)) and not self._cue_nearby(ctx, span):
                    continue  # a scare quote, a title or a nickname: no one is said to have said it
                if kind == "direct" and (len(words) <= 2 or (len(words) <= 6 and _is_title_case(words))) \
                        and not self._cue_nearby(ctx, span):
                    continue  # 'All Bets Are Off.': a heading or a title, not a sentence said
                frame = self._follow_on(ctx, span, kind, last) or self._after_report(ctx, span, kind)
            key = None
            if frame is not None and frame.speaker is not None:
                key = frame.speaker.key
                if frame.speaker.kind == "pronoun":
                    key = resolver.resolve(frame.speaker.text, frame.speaker.start, last)
            channel = frame.channel if frame else None
            if frame is not None and channel is None and key is not None:
                channel = self._channel_before(ctx, span, key)
            paragraph = ctx.paragraph(span.open_at)
            if frame is not None and not frame.inherited:
                last = LastSpeaker(
                    key=key,
                    # A credit line ('"…" ― Name') names the speaker of its own quote only.
                    kind="credit" if frame.credit else (frame.speaker.kind if frame.speaker else "generic"),
                    clause_end=frame.clause_end,
                    quote_end=span.after,
                    paragraph=paragraph,
                )
            elif frame is not None and last is not None:
                last.quote_end = span.after
                last.paragraph = paragraph
            speaker = frame.speaker if frame is not None and not frame.inherited else None
            # Quote(id=..., ...) without BaseModel.__init__'s keyword round trip: the same validation.
            quotes.append(
                _validate_quote({
                    "id": f"{article_id}-q{len(quotes) + 1}",
                    "text": " ".join(text[a:b].strip() for a, b in span.segments),
                    "article_id": article_id,
                    "start": span.start,
                    "end": span.end,
                    "kind": kind,
                    "speaker_key": key,
                    "speaker_text": speaker.text if speaker else None,
                    "speaker_start": speaker.start if speaker else None,
                    "speaker_end": speaker.end if speaker else None,
                    "cue": frame.cue if frame else None,
                    "channel": channel,
                    "reported_by": frame.reported_by if frame else None,
                    "sentence": max(0, bisect.bisect_right(sentence_starts, span.start) - 1) if sentences else None,
                })
            )
        return quotes

    @staticmethod
    def _cue_nearby(ctx: Context, span: QuoteSpan) -> bool:
        """A speech verb in the sentence, or 'as "…"' ('described him as "unhinged"')."""
        start = ctx.sentence_start(span.open_at)
        head = ctx.masked[start : span.open_at]
        if re.search(r"\bas(?:\s+an?|\s+the)?\s*$", head) and not re.search(r"\b(?:known|such|billed|nicknamed|famous|better)\s+as\s*$", head):
            return True
        return bool(CUE.search(ctx.masked, start, ctx.sentence_end(span.after)))

    @staticmethod
    def _not_speech(ctx: Context, span: QuoteSpan, words: list[str]) -> bool:
        """Titles of shows and works ('told "Morning Joe"', 'the "American Pie" star') and markup debris."""
        if not any(len(w) > 1 and w[0].isalpha() for w in words):
            return True
        quoted = ctx.text[span.start : span.end]
        if re.search(r"https?:|\.com\b|pic\.twitter|^@\w+$", quoted):
            return True
        if _is_title_case(words) and len(words) <= 6:
            before = ctx.text[max(0, span.open_at - 12) : span.open_at].split()
            word = before[-1].lower().strip(",") if before else ""
            if word in _BEFORE_SHOWS or word.endswith(("’s", "'s")):
                return True  # 'said on "Face the Nation"', 'told CNN's "State of the Union"'
            if word in _BEFORE_TITLES:
                return not QuoteExtractor._cue_nearby(ctx, span)  # 'proclaimed a goal of "Peace Through Strength"'
        return False

    @staticmethod
    def _kind(ctx: Context, span: QuoteSpan, words: list[str]) -> str:
        """Direct when a whole sentence is quoted: it opens with a capital where a sentence may start."""
        first = ctx.text[span.start]
        if not (first.isupper() or first.isdigit()):
            return "partial"
        if len(span.segments) > 1 or re.search(r"[.!?]\s+\S", ctx.text[span.start : span.end]):
            return "direct"
        head = ctx.masked[ctx.sentence_start(span.open_at) : span.open_at]
        if _HEAD_OPENS_SENTENCE.search(head) or re.search(r"\b(?:said|says|added|told|wrote|asked)\s*$", head):
            return "direct"
        if ctx.text[span.end - 1] in ".?!" and len(words) >= 6 and not _is_title_case(words):
            return "direct"
        return "partial"

    @staticmethod
    def _follow_on(ctx: Context, span: QuoteSpan, kind: str, last: LastSpeaker | None) -> Frame | None:
        """A quote with no cue of its own goes on from the previous speaker where nobody else comes between."""
        if kind != "direct" or last is None or last.key is None or last.kind == "credit":
            return None
        if CUE.search(ctx.masked, span.after, ctx.sentence_end(span.after)):
            return None  # it has a cue of its own, naming someone this pass could not tell
        if ctx.paragraph(span.open_at) - last.paragraph > 1:
            return None
        since = last.clause_end if last.clause_end <= span.open_at else last.quote_end
        between = ctx.mentions_between(since, span.open_at)
        if any(m.actor_key != last.key and ctx.kind(m.actor_key) in ("person", "organization") for m in between):
            return None
        # Only a paragraph that is all quote goes on the previous speaker's words.
        head = ctx.masked[ctx.paragraph_bounds(span.open_at)[0] : span.open_at]
        if head.strip() and ctx.paragraph(span.open_at) != ctx.paragraph(last.quote_end):
            return None
        return Frame(speaker=_Inherited(last.key), cue=None, clause_end=span.after, inherited=True)

    @staticmethod
    def _after_report(ctx: Context, span: QuoteSpan, kind: str) -> Frame | None:
        """'Cummings called him a master dealmaker. "He showed again and again …"': the quote after a report."""
        if kind != "direct" or CUE.search(ctx.masked, span.after, ctx.sentence_end(span.after)):
            return None
        start = ctx.sentence_start(span.open_at)
        if start != span.open_at or start == ctx.paragraph_bounds(start)[0]:
            return None  # only a quote opening a sentence inside the paragraph of the report
        prev_start = ctx.sentence_start(start - 1)
        if any(prev_start <= s.open_at < start for s in ctx.spans):
            return None
        frame = head_frame(ctx, prev_start, start)
        if frame is None or frame.speaker is None or frame.speaker.key is None or frame.speaker.kind != "named":
            return None
        return Frame(speaker=_Inherited(frame.speaker.key), cue=None, clause_end=span.after, inherited=True)

    @staticmethod
    def _channel_before(ctx: Context, span: QuoteSpan, key: str) -> str | None:
        """'In his evening address, Zelensky said … / "…," Zelensky said': the channel of the sentence before."""
        start = ctx.sentence_start(span.open_at)
        if start == 0:
            return None
        prev_start = ctx.sentence_start(start - 1)
        if ctx.paragraph(span.open_at) - ctx.paragraph(prev_start) > _PREVIOUS_CHANNEL_PARAGRAPHS:
            return None
        if not any(m.actor_key == key for m in ctx.mentions_between(prev_start, start)):
            return None
        if any(prev_start <= s.open_at < start for s in ctx.spans):
            return None  # a channel named with an earlier quote belongs to that quote
        return channel_in(ctx, prev_start, start)


class _Inherited:
    """The speaker of a follow-on quote: the previous one's actor, named by no words of its own."""

    kind = "inherited"
    text = None
    start = None
    end = None

    def __init__(self, key: str):
        self.key = key
