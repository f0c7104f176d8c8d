"""Cross-article steps over per-article analyses (or their digests): actors merged, stories, quote
groups, briefs."""

from __future__ import annotations

from collections.abc import Callable

from brief.analysis.briefs import build_briefs, fill_briefing
from brief.analysis.collector import release_free_memory
from brief.analysis.digest import ArticleDigest, digests_of
from brief.analysis.groups import QuoteGrouper
from brief.analysis.merge import ActorMerger
from brief.analysis.stories import StoryClusterer
from brief.models import Article, ArticleAnalysis, Briefing, LoadWarning

STEPS = 4  # progress steps of `assemble`: actors, quote groups, stories, briefs


def assemble(articles: list[Article], analyses: dict[str, ArticleAnalysis] | dict[str, ArticleDigest],
             warnings: list[LoadWarning], progress: Callable[[int], None] | None = None,
             with_actor_briefs: bool = True, release_quotes: bool = False, to_write: bool = False) -> Briefing:
    """The briefing of `articles`. Given full analyses, the briefing holds them; given digests (a cached
    corpus, where the views read analyses from the cache), it holds none. `progress(n)` is told each
    of the `STEPS` steps done, so a long assemble is seen moving. Without `with_actor_briefs` the
    caller makes them (`briefs.actor_briefs`), to write each as it comes. With `release_quotes` the
    given digests drop their quote tuples once merged (see `ArticleDigest.release_quotes`). With
    `to_write` the briefing is made to be written to the cache and dropped, in the forms
    `save_briefing` reads and that hold least: its quotes are `LinkedQuote` records, its local actor
    ids a `LocalActorIds`."""
    step = progress or (lambda n: None)
    digests = digests_of(articles, analyses)
    kept = {k: v for k, v in analyses.items() if isinstance(v, ArticleAnalysis)}
    merged = ActorMerger().merge(articles, digests, quote_models=not to_write)
    actors, quotes = merged.actors, merged.quotes
    for article_id, digest in digests.items():
        # Merging made the quotes (models, or records to write); the digests keep only where quotations
        # run. Digests made here go with this call; the caller's own only when it says it is done with
        # their quotes.
        if release_quotes or analyses.get(article_id) is not digest:
            digest.release_quotes()
    release_free_memory()  # merging's working set, gone: not carried into clustering's peak
    step(1)
    groups = QuoteGrouper().group(quotes, articles)
    step(2)
    stories = StoryClusterer().cluster(articles, digests, actors, quotes, merged.local_actor_ids)
    step(3)
    # Built, not validated: every part was just made (as its model, or in its compact form to be
    # written), and validating would copy the mention-to-actor map (1.5 million entries at 100,000
    # articles) and every list.
    briefing = Briefing.model_construct(
        articles=articles, analyses=kept, stories=stories, actors=actors, quotes=quotes, quote_groups=groups,
        warnings=warnings,
        local_actor_ids=merged.local_actor_ids if to_write else merged.local_actor_ids.to_dict(),
    )
    del merged
    if with_actor_briefs:
        build_briefs(briefing, digests)
        forget_corpus_memos()
    else:
        fill_briefing(briefing, digests)
    step(4)
    return briefing


def forget_corpus_memos() -> None:
    """The memos of one corpus's linking (stemmed sentences, shared actor tuples), dropped once its
    briefing is made: by `assemble`, or by a caller that makes the actor briefs itself, after them."""
    from brief.analysis.digest import forget_shared_actors
    from brief.analysis.terms import stem_set

    stem_set.cache_clear()
    forget_shared_actors()
