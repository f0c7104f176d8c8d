"""Briefs per actor (what they said, what is said about them, where, with whom) and per source (the
outlets, what they cite, what each reports in a story that the others don't).

Every step is a pass over articles, mentions or sentences with dictionaries in between: the work grows
with the corpus, never with its square.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, compress
from typing import TYPE_CHECKING

from brief.analysis.collector import collector_paused
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
    fill_briefing(briefing, digests)
    briefing.actor_briefs = {b.actor_id: b for b in actor_briefs(briefing, digests)}


def fill_briefing(briefing: Briefing, digests: dict[str, ArticleDigest]) -> None:
    """Stories' quotes and sources, and the source profiles: all of `build_briefs` but the actor briefs."""
    with collector_paused():
        articles = {a.id: a for a in briefing.articles}
        cited = _cited_sources(briefing.articles, digests)
        _fill_stories(briefing, articles, cited)
        briefing.sources = _source_profiles(briefing, articles, digests, cited)


def actor_briefs(briefing: Briefing, digests: dict[str, ArticleDigest]) -> Iterator[ActorBrief]:
    """Each actor's brief, one at a time, in `briefing.actors` order: a build that writes them to the
    cache as they come never holds them all (at 100,000 articles they are hundreds of megabytes)."""
    with collector_paused():
        articles = {a.id: a for a in briefing.articles}
        local_ids = briefing.local_actor_ids or local_actor_map(briefing.articles, digests, briefing.actors)
        yield from _actor_briefs(briefing, articles, local_ids, digests)


def _fill_stories(briefing: Briefing, articles: dict[str, Article], cited_of: dict[str, tuple[str, ...]]) -> None:
    quotes_of: dict[str, list[str]] = defaultdict(list)
    for quote in briefing.quotes:
        quotes_of[quote.article_id].append(quote.id)
    for story in briefing.stories:
        members = [articles[a] for a in story.article_ids if a in articles]
        story.quote_ids = [q for a in story.article_ids for q in quotes_of.get(a, ())]
        story.sources = list(dict.fromkeys(a.source for a in members if a.source))
        cited = (c for a in members for c in cited_of.get(a.id, ()))
        story.cited_sources = list(dict.fromkeys(cited))


def _cited_sources(articles: list[Article], digests: dict[str, ArticleDigest]) -> dict[str, tuple[str, ...]]:
    """The sources each article cites, one name for each source however its articles case it: an
    outlet of the corpus as its own articles name it, else the form cited most (the first, on a tie).
    "POLITICO" and "Politico" are one source, "USA TODAY" and "USA Today" another."""
    outlets: dict[str, str] = {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        if article.source:
            outlets.setdefault(article.source.casefold(), article.source)
        digest = digests.get(article.id)
        for name in digest.cited_sources if digest else ():
            forms[name.casefold()][name] += 1
    name_of = {}
    for folded, counts in forms.items():
        chosen = outlets.get(folded) or max(counts, key=counts.__getitem__)
        name_of.update(dict.fromkeys(counts, chosen))
    out: dict[str, tuple[str, ...]] = {}
    for article in articles:
        digest = digests.get(article.id)
        if digest is not None and digest.cited_sources:
            out[article.id] = tuple(dict.fromkeys(name_of[name] for name in digest.cited_sources))
    return out


def _actor_briefs(briefing: Briefing, articles: dict[str, Article], local_ids: Mapping[str, str],
                  digests: dict[str, ArticleDigest]) -> Iterator[ActorBrief]:
    story_of = {a: s.id for s in briefing.stories for a in s.article_ids}
    # Sentences that carry an actor's own quotes are what they said, not what is said about them.
    spoken: dict[str, list[Quote]] = defaultdict(list)
    for quote in briefing.quotes:
        if quote.speaker_id:
            spoken[quote.article_id].append(quote)
    # Each actor's candidate sentences as flat (article number, start, end, prior) numbers, made into
    # Candidates with their text only when the actor's brief is made: held as tuples with their
    # texts, every actor's at once, they were the build's peak (about 800 MB at 100,000 articles).
    about: dict[str, array] = {}
    numbered = list(digests)
    actors_in: dict[str, set[str]] = defaultdict(set)
    for actor in briefing.actors:
        for article_id in actor.article_ids:
            actors_in[article_id].add(actor.id)
    get_id = local_ids.get
    for number, (article_id, digest) in enumerate(digests.items()):
        # the corpus actor of each of the article's actors, in the digest's order
        ids = [get_id(f"{article_id}:{local.key}") for local in digest.actors]
        present = [actor_id for actor_id, n in zip(ids, digest.counts) if n and actor_id]
        if present:
            actors_in[article_id].update(present)
        pairs = digest.pairs
        if not pairs:
            continue
        spans = digest.spans
        summary = set(digest.summary)
        fragments = digest.fragments
        own: set[tuple[str, int]] = set()  # (speaker, sentence) for each sentence a quote touches
        quotes = spoken.get(article_id)
        if quotes:
            starts = digest.starts
            for quote in quotes:
                first = max(0, bisect_right(starts, quote.start) - 1)
                last = max(first, bisect_right(starts, max(quote.start, quote.end - 1)) - 1)
                own.update((quote.speaker_id, k) for k in range(first, last + 1))
        taken: dict[str, int] = {}
        seen: set[tuple[str, int]] = set()
        for j in range(0, len(pairs), 2):
            actor_id = ids[pairs[j]]
            if not actor_id:
                continue
            k = pairs[j + 1]
            pair = (actor_id, k)
            if pair in seen:
                continue
            n = taken.get(actor_id, 0)
            if n >= PER_ARTICLE:
                continue
            seen.add(pair)
            if k in fragments or pair in own:
                continue
            taken[actor_id] = n + 1
            start, end = spans[2 * k], spans[2 * k + 1]
            prior = 1.0 / (1 + k) + (0.5 if k in summary else 0.0)
            found = about.get(actor_id)
            if found is None:
                found = about[actor_id] = array("d")
            found.extend((number, start, end, prior))
    appears_with = _appears_with(actors_in.values(), APPEARS_WITH)
    del actors_in
    said_by: dict[str, list[str]] = defaultdict(list)
    for quote in briefing.quotes:
        if quote.speaker_id:
            said_by[quote.speaker_id].append(quote.id)
    source_of = {a: article.source for a, article in articles.items() if article.source}
    for actor in briefing.actors:
        actor_id = actor.id
        article_ids = list(dict.fromkeys(actor.article_ids))
        outlets = _tally(source_of[a] for a in article_ids if a in source_of)
        stories = _tally(story_of[a] for a in article_ids if a in story_of)
        yield ActorBrief(
            actor_id=actor_id,
            said=list(dict.fromkeys(actor.quote_ids + said_by.get(actor_id, []))),
            said_about=select_sentences(_candidates(about.pop(actor_id, ()), numbered, digests), SAID_ABOUT),
            story_ids=_ranked(stories, len(stories)),
            outlets=_ranked(outlets, len(outlets)),
            appears_with=appears_with.get(actor_id, []),
        )


def _candidates(flat, numbered: list[str], digests: dict[str, ArticleDigest]) -> list[Candidate]:
    out = []
    for i in range(0, len(flat), 4):
        article_id = numbered[int(flat[i])]
        start, end = int(flat[i + 1]), int(flat[i + 2])
        out.append(Candidate(digests[article_id].text[start:end], article_id, start, end, flat[i + 3]))
    return out


def _tally(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _ranked(counts: dict[str, int], limit: int) -> list[str]:
    """The first `limit` keys by count, highest first, then by key: sorted((-count, key))[:limit]
    without sorting the whole of a long tally."""
    if len(counts) > limit > 0:
        values = counts.values()
        floor = sorted(values, reverse=True)[limit - 1]  # the limit-th highest count
        above = sorted((-counts[key], key) for key in compress(counts, map(floor.__lt__, values)))  # < limit
        at_floor = heapq.nsmallest(limit - len(above), compress(counts, map(floor.__eq__, values)))
        return [key for _, key in above] + at_floor
    items = [(-n, key) for key, n in counts.items()]
    items.sort()
    return [key for _, key in items]


def _together(present_sets: Iterable[set[str]]) -> dict[str, Counter[str]]:
    """For each actor, in how many articles (of two actors or more) each actor appears with it
    (itself included)."""
    return {actor_id: Counter(chain.from_iterable(groups)) for actor_id, groups in _articles_of(present_sets).items()}


def _articles_of(present_sets: Iterable[set[str]]) -> dict[str, list[tuple[str, ...]]]:
    """Each actor's articles of two actors or more, as the actors of each."""
    articles_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for present in present_sets:
        if len(present) > 1:
            members = tuple(present)
            for actor_id in members:
                articles_of[actor_id].append(members)
    return articles_of


def _appears_with(present_sets: Iterable[set[str]], limit: int) -> dict[str, list[str]]:
    """For each actor, the `limit` actors it appears with in most articles, then by id (it excluded):
    each tally ranked as soon as it is counted, while it is fresh in memory, then dropped."""
    out: dict[str, list[str]] = {}
    for actor_id, groups in _articles_of(present_sets).items():
        ranked = _ranked(Counter(chain.from_iterable(groups)), limit + 1)
        out[actor_id] = [a for a in ranked if a != actor_id][:limit]
    return out


def _source_profiles(briefing: Briefing, articles: dict[str, Article], digests: dict[str, ArticleDigest],
                     cited_of: dict[str, tuple[str, ...]]) -> list[SourceProfile]:
    outlets: dict[str, SourceProfile] = {}
    cited: dict[str, SourceProfile] = {}
    cites: dict[str, dict[str, None]] = {}  # outlet -> what its articles cite, in order of first citation
    for article in briefing.articles:
        names = cited_of.get(article.id, ())
        source = article.source
        if source:
            profile = outlets.get(source)
            if profile is None:
                profile = outlets[source] = SourceProfile(name=source, kind="outlet")
                cites[source] = {}
            profile.article_ids.append(article.id)
            if names:
                cites[source].update(dict.fromkeys(names))
        for name in names:
            profile = cited.get(name)
            if profile is None:
                profile = cited[name] = SourceProfile(name=name, kind="cited")
            profile.article_ids.append(article.id)
            if source and source not in profile.cited_by:
                profile.cited_by.append(source)
    for source, profile in outlets.items():
        profile.cites = list(cites[source])
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
    digests: dict[str, ArticleDigest] = {}
    for article in members:
        analysis = analyses.get(article.id)
        source = article.source
        if not source or analysis is None:
            continue
        article_id = article.id
        spans = getattr(analysis, "spans", None)
        if spans is not None:  # a digest: sentences sliced from its text, made whole only when chosen
            text = analysis.text
            sentences.extend((source, article_id, k, stem_set(text[spans[2 * k]:spans[2 * k + 1]]))
                             for k in range(len(spans) // 2))
            digests[article_id] = analysis
            texts.pop(article_id, None)
        else:
            for k, sentence in enumerate(analysis.sentences):
                sentences.append((source, article_id, k, stem_set(sentence.text)))
            texts[article_id] = analysis.sentences
            digests.pop(article_id, None)
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
        sentence = texts[article_id][k] if article_id in texts else digests[article_id].sentence(k)
        found[outlet].append(SummarySentence(text=sentence.text, article_id=article_id,
                                             start=sentence.start, end=sentence.end))
    return [OutletExclusive(story_id=story_id, outlet=o, sentences=s) for o, s in found.items() if s]
