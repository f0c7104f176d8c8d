"""Briefs per actor (what they said, what is said about them, where, with whom) and per source (the
outlets, what they cite, what each reports in a story that the others don't).

Every step is a pass over articles, mentions or sentences with dictionaries in between: the work grows
with the corpus, never with its square.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from brief.analysis.stories import Candidate, local_actor_map, select_sentences
from brief.models import (
    ActorBrief,
    Article,
    ArticleAnalysis,
    Briefing,
    OutletExclusive,
    Quote,
    SourceProfile,
    SummarySentence,
)

if TYPE_CHECKING:
    from brief.analysis.digest import ArticleDigest

SAID_ABOUT = 5  # sentences in an actor's "said about" summary
APPEARS_WITH = 10  # actors listed as appearing with one
PER_ARTICLE = 3  # sentences per article an actor's summary may draw on
EXCLUSIVES = 5  # sentences per outlet and story
COVERED = 0.5  # share of a sentence's content words another outlet's sentence must carry to cover it


def build_briefs(briefing: Briefing, digests: dict[str, ArticleDigest] | None = None) -> None:
    """Fills stories' quotes and sources, actor briefs and source profiles; `digests` stand for
    `briefing.analyses` when the briefing does not hold them."""
    from brief.analysis.digest import digests_of

    digests = digests if digests is not None else digests_of(briefing.articles, briefing.analyses)
    articles = {a.id: a for a in briefing.articles}
    local_ids = briefing.local_actor_ids or local_actor_map(briefing.articles, digests, briefing.actors)
    _fill_stories(briefing, articles, digests)
    _actor_briefs(briefing, articles, local_ids, digests)
    briefing.sources = _source_profiles(briefing, articles, digests)


def _fill_stories(briefing: Briefing, articles: dict[str, Article], digests: dict[str, ArticleDigest]) -> None:
    quotes_of: dict[str, list[str]] = defaultdict(list)
    for quote in briefing.quotes:
        quotes_of[quote.article_id].append(quote.id)
    for story in briefing.stories:
        members = [articles[a] for a in story.article_ids if a in articles]
        story.quote_ids = [q for a in story.article_ids for q in quotes_of.get(a, ())]
        story.sources = list(dict.fromkeys(a.source for a in members if a.source))
        cited = (c for a in members for c in _cited(digests, a.id))
        story.cited_sources = list(dict.fromkeys(cited))


def _cited(digests: dict[str, ArticleDigest], article_id: str) -> tuple[str, ...]:
    digest = digests.get(article_id)
    return digest.cited_sources if digest else ()


def _actor_briefs(briefing: Briefing, articles: dict[str, Article], local_ids: dict[str, str],
                  digests: dict[str, ArticleDigest]) -> None:
    story_of = {a: s.id for s in briefing.stories for a in s.article_ids}
    # Sentences that carry an actor's own quotes are what they said, not what is said about them.
    spoken: dict[str, list[Quote]] = defaultdict(list)
    for quote in briefing.quotes:
        if quote.speaker_id:
            spoken[quote.article_id].append(quote)
    about: dict[str, list[Candidate]] = defaultdict(list)
    together: dict[str, Counter[str]] = defaultdict(Counter)
    actors_in: dict[str, set[str]] = defaultdict(set)
    for actor in briefing.actors:
        for article_id in actor.article_ids:
            actors_in[article_id].add(actor.id)
    for article_id, digest in digests.items():
        for key in digest.mention_counts:
            actor_id = local_ids.get(f"{article_id}:{key}")
            if actor_id:
                actors_in[article_id].add(actor_id)
        starts = digest.starts
        summary = set(digest.summary)
        fragments = digest.fragments
        own: set[tuple[str, int]] = set()  # (speaker, sentence) for each sentence a quote touches
        for quote in spoken.get(article_id, ()):
            first = max(0, bisect_right(starts, quote.start) - 1)
            last = max(first, bisect_right(starts, max(quote.start, quote.end - 1)) - 1)
            own.update((quote.speaker_id, k) for k in range(first, last + 1))
        taken: Counter[str] = Counter()
        seen: set[tuple[str, int]] = set()
        for key, k in digest.mention_sentences:
            actor_id = local_ids.get(f"{article_id}:{key}")
            if not actor_id:
                continue
            if (actor_id, k) in seen or taken[actor_id] >= PER_ARTICLE:
                continue
            seen.add((actor_id, k))
            if k in fragments or (actor_id, k) in own:
                continue
            sentence = digest.sentence(k)
            taken[actor_id] += 1
            prior = 1.0 / (1 + k) + (0.5 if k in summary else 0.0)
            about[actor_id].append(Candidate(sentence.text, article_id, sentence.start, sentence.end, prior))
    for present in actors_in.values():
        if len(present) > 1:
            for actor_id in present:
                together[actor_id].update(present)  # counts itself too: dropped below
    said_by: dict[str, list[str]] = defaultdict(list)
    for quote in briefing.quotes:
        if quote.speaker_id:
            said_by[quote.speaker_id].append(quote.id)
    for actor in briefing.actors:
        article_ids = list(dict.fromkeys(actor.article_ids))
        outlets = Counter(articles[a].source for a in article_ids if a in articles and articles[a].source)
        stories = Counter(story_of[a] for a in article_ids if a in story_of)
        briefing.actor_briefs[actor.id] = ActorBrief(
            actor_id=actor.id,
            said=list(dict.fromkeys(actor.quote_ids + said_by.get(actor.id, []))),
            said_about=select_sentences(about.get(actor.id, []), SAID_ABOUT),
            story_ids=[s for s, _ in sorted(stories.items(), key=lambda kv: (-kv[1], kv[0]))],
            outlets=[o for o, _ in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
            appears_with=[a for a, _ in sorted(together[actor.id].items(), key=lambda kv: (-kv[1], kv[0]))
                          if a != actor.id][:APPEARS_WITH],
        )


def _source_profiles(briefing: Briefing, articles: dict[str, Article],
                     digests: dict[str, ArticleDigest]) -> list[SourceProfile]:
    outlets: dict[str, SourceProfile] = {}
    cited: dict[str, SourceProfile] = {}
    for article in briefing.articles:
        names = _cited(digests, article.id)
        if article.source:
            profile = outlets.setdefault(article.source, SourceProfile(name=article.source, kind="outlet"))
            profile.article_ids.append(article.id)
            profile.cites = list(dict.fromkeys(profile.cites + list(names)))
        for name in names:
            profile = cited.setdefault(name, SourceProfile(name=name, kind="cited"))
            profile.article_ids.append(article.id)
            if article.source and article.source not in profile.cited_by:
                profile.cited_by.append(article.source)
    for story in briefing.stories:
        for exclusive in outlet_exclusives(story.id, [articles[a] for a in story.article_ids if a in articles],
                                           digests):
            outlets[exclusive.outlet].exclusives.append(exclusive)
    profiles = sorted(outlets.values(), key=lambda p: (-len(p.article_ids), p.name))
    for name, profile in sorted(cited.items(), key=lambda kv: (-len(kv[1].article_ids), kv[0])):
        if name in outlets:  # an outlet of the corpus that others cite: one profile holds both
            outlets[name].cited_by = profile.cited_by
        else:
            profiles.append(profile)
    return profiles


def _covered(n: int, sentences: list[tuple[str, str, int, frozenset[str]]], index: dict[str, list[int]]) -> bool:
    """Whether another outlet's sentence holds `COVERED` of sentence n's words. Such a sentence must
    hold one of the rarest len - needed + 1 of them (prefix filtering), so only those words' sentences
    are candidates, each checked by a set intersection."""
    outlet, _, _, words = sentences[n]
    needed = max(1, -int(-COVERED * len(words) // 1))
    rarest = sorted(words, key=lambda w: (len(index[w]), w))[: len(words) - needed + 1]
    checked: set[int] = set()
    for w in rarest:
        for m in index[w]:
            if m in checked or sentences[m][0] == outlet:
                continue
            checked.add(m)
            if len(words & sentences[m][3]) >= needed:
                return True
    return False


def outlet_exclusives(story_id: str, members: list[Article],
                      analyses: dict[str, ArticleAnalysis] | dict[str, ArticleDigest]) -> list[OutletExclusive]:
    """Per outlet of the story, its sentences whose content no other outlet's article in the story
    carries (no sentence there holds `COVERED` of its content words)."""
    from brief.analysis.terms import stem_set

    if len({a.source for a in members if a.source}) < 2:
        return []
    sentences: list[tuple[str, str, int, frozenset[str]]] = []  # outlet, article id, index, words
    texts: dict[str, list] = {}
    for article in members:
        analysis = analyses.get(article.id)
        if not article.source or analysis is None:
            continue
        for k, sentence in enumerate(analysis.sentences):
            sentences.append((article.source, article.id, k, stem_set(sentence.text)))
        texts[article.id] = analysis.sentences
    index: dict[str, list[int]] = defaultdict(list)
    for n, (_, _, _, words) in enumerate(sentences):
        for w in words:
            index[w].append(n)
    found: dict[str, list[SummarySentence]] = defaultdict(list)
    for n, (outlet, article_id, k, words) in enumerate(sentences):
        if len(words) < 4 or len(found[outlet]) >= EXCLUSIVES:
            continue
        if _covered(n, sentences, index):
            continue
        sentence = texts[article_id][k]
        found[outlet].append(SummarySentence(text=sentence.text, article_id=article_id,
                                             start=sentence.start, end=sentence.end))
    return [OutletExclusive(story_id=story_id, outlet=o, sentences=s) for o, s in found.items() if s]
