"""Digests: the cross-article steps give the same briefing from digests as from whole analyses, and
the cached digests survive a round trip, a version change and corruption."""

from __future__ import annotations

from brief.analysis.article import analyse_article
from brief.analysis.corpus import assemble
from brief.analysis.digest import DIGEST_VERSION, ArticleDigest, digest_of
from brief.config import Settings
from brief.corpus import load_corpus
from brief.keys import analysis_key
from brief.pipeline import build_briefing, refresh_library
from brief.store import Store, pack_plain, unpack_plain


def _briefing_json(briefing) -> str:
    return briefing.model_dump_json(exclude={"analyses", "warnings"})


def test_seeds_assemble_the_same_from_digests_as_from_analyses(seeds_path):
    loaded = load_corpus(seeds_path, Settings(), store=Store(None))
    analyses = {a.id: analyse_article(a, Settings()) for a in loaded.articles}
    digests = {a.id: digest_of(analyses[a.id], a.text) for a in loaded.articles}
    whole = assemble(loaded.articles, analyses, [])
    slim = assemble(loaded.articles, digests, [])
    assert whole.quotes and whole.actor_briefs and whole.stories
    assert _briefing_json(slim) == _briefing_json(whole)
    assert whole.analyses and not slim.analyses  # a digest-made briefing leaves analyses to the cache


def test_a_digest_answers_as_its_analysis_does(seeds_path):
    article = load_corpus(seeds_path, Settings(), store=Store(None)).articles[0]
    analysis = analyse_article(article, Settings())
    digest = ArticleDigest.from_plain(unpack_plain(pack_plain(digest_of(analysis, article.text).to_plain())),
                                      article.text)
    assert digest is not None
    assert digest.terms == analysis.terms
    assert [(s.start, s.end, s.text) for s in digest.sentences] == [(s.start, s.end, s.text) for s in analysis.sentences]
    assert [a.name for a in digest.actors] == [a.name for a in analysis.actors]
    counts = {}
    for m in analysis.mentions:
        counts[m.actor_key] = counts.get(m.actor_key, 0) + 1
    assert digest.mention_counts == counts
    assert [q.model_dump() for q in digest.quote_models()] == [q.model_dump() for q in analysis.quotes]
    assert digest.summary == tuple(analysis.summary)


def test_a_digest_of_another_version_or_shape_is_not_taken():
    assert ArticleDigest.from_plain((DIGEST_VERSION + 1, "x"), "") is None
    assert ArticleDigest.from_plain(("nonsense",), "") is None
    assert ArticleDigest.from_plain(None, "") is None


def test_lost_or_corrupt_digests_are_made_again_from_the_analyses(tmp_path, seeds_path):
    cache = tmp_path / "cache.sqlite3"
    settings = Settings()
    first = build_briefing(seeds_path, settings, store=Store(cache))
    store = Store(cache)
    assert store._db.execute("SELECT count(*) FROM digests").fetchone() == (2,)
    store._db.execute("UPDATE digests SET data = x'00ff'")
    store._db.execute("DELETE FROM items")
    library, changed = refresh_library(seeds_path, settings, store)
    assert changed
    assert [r.title for r in library.story_rows] == [s.title for s in first.stories]
    keys = [analysis_key(a, settings) for a in first.articles]
    assert set(store.get_digests(keys)) == set(keys)  # made again and kept


def test_assembling_with_release_gives_the_same_briefing_and_keeps_only_quote_spans(seeds_path):
    loaded = load_corpus(seeds_path, Settings(), store=Store(None))
    analyses = {a.id: analyse_article(a, Settings()) for a in loaded.articles}
    digests = {a.id: digest_of(analyses[a.id], a.text) for a in loaded.articles}
    fragments = {i: d.fragments for i, d in digests.items()}
    kept = assemble(loaded.articles, dict(digests), [])
    assert all(d.quotes for d in digests.values() if analyses[d.article_id].quotes)  # not released
    released = assemble(loaded.articles, digests, [], release_quotes=True)
    assert _briefing_json(released) == _briefing_json(kept)
    assert all(d.quotes == () for d in digests.values())
    assert {i: d.fragments for i, d in digests.items()} == fragments


def test_the_same_actor_in_two_digests_is_one_tuple(seeds_path):
    article = load_corpus(seeds_path, Settings(), store=Store(None)).articles[0]
    plain = unpack_plain(pack_plain(digest_of(analyse_article(article, Settings()), article.text).to_plain()))
    first = ArticleDigest.from_plain(plain, article.text)
    second = ArticleDigest.from_plain(unpack_plain(pack_plain(plain)), article.text)
    assert first.actors and all(a is b for a, b in zip(first.actors, second.actors))


def test_a_digest_with_its_text_packed_reads_the_same_text_and_sentences(seeds_path):
    settings = Settings()
    for article in load_corpus(seeds_path, settings, store=None).articles:
        analysis = analyse_article(article, settings)
        digest = digest_of(analysis, article.text)
        before = (digest.text, digest.sentences)
        digest.pack_text()
        digest.pack_text()  # once packed, stays packed
        assert type(digest._text) is bytes and len(digest._text) < len(article.text.encode())
        assert (digest.text, digest.sentences) == before
        assert [s.text for s in digest.sentences] == [s.text for s in analysis.sentences]
