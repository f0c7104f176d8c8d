"""Stories: same event from several outlets merges; two events of the same kind stay apart."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from brief.analysis.article import analyse_article
from brief.analysis.corpus import assemble
from brief.analysis.stories import StoryClusterer, average_link, story_id
from brief.config import Settings
from brief.models import Article

# Articles written for these tests: two earthquakes, two rehab stays, and unrelated news around them.
TEXTS = {
    "quake-chile-wire": ("Magnitude 7.2 earthquake strikes near Valparaiso, Chile", "Wire Daily", date(2024, 3, 2), """\
A magnitude 7.2 earthquake struck off the coast of central Chile on Saturday, killing at least 12 people near the port city of Valparaiso, officials said.
The quake hit at a depth of 35 kilometres, according to the US Geological Survey, and was felt in the capital Santiago.
Chile's interior minister Carolina Toha said rescue teams were searching collapsed buildings in Vina del Mar.
"We are working to reach every family," Toha said on X.
Power was cut to 400,000 homes across the Valparaiso region, the utility Chilquinta said.
Chile sits on the Pacific Ring of Fire and is among the most seismically active countries."""),
    "quake-chile-herald": ("Chile quake kills 12 in Valparaiso region", "Morning Herald", date(2024, 3, 3), """\
At least 12 people died when a 7.2 magnitude earthquake shook central Chile on Saturday, the government said.
Interior minister Carolina Toha told Radio Cooperativa that rescuers were digging through rubble in Vina del Mar and Valparaiso.
"We are working to reach every family," Toha said.
The US Geological Survey put the depth at 35 kilometres.
About 400,000 homes in the Valparaiso region lost power, Chilquinta reported.
Fishermen in the port of San Antonio said the sea withdrew briefly after the shaking, but no tsunami followed."""),
    "quake-nepal-wire": ("Magnitude 5.8 earthquake hits western Nepal near Pokhara", "Wire Daily", date(2024, 3, 9), """\
A magnitude 5.8 earthquake struck western Nepal on Friday night, killing three people in villages near Pokhara, police said.
The quake was centred in Kaski district at a depth of 10 kilometres, Nepal's National Earthquake Monitoring Centre said.
Home Minister Ram Chandra Paudel said army helicopters were flying injured villagers to Pokhara hospitals.
Landslides blocked the Prithvi highway between Pokhara and Kathmandu for several hours.
Nepal lost nearly 9,000 people in the 2015 Gorkha earthquake."""),
    "quake-nepal-herald": ("Three dead as quake shakes Kaski district in Nepal", "Morning Herald", date(2024, 3, 9), """\
Three villagers were killed and dozens injured when a 5.8 magnitude earthquake shook Kaski district in western Nepal on Friday.
Home Minister Ram Chandra Paudel told reporters that army helicopters had carried the injured to hospitals in Pokhara.
The National Earthquake Monitoring Centre said the quake struck at a depth of 10 kilometres.
Landslides closed the Prithvi highway to Kathmandu for several hours, police said.
Many houses in the hill villages around Pokhara are built of stone and mud."""),
    "rehab-reid-wire": ("Actress Tara Reid enters Promises rehab centre", "Wire Daily", date(2024, 4, 1), """\
Actress Tara Reid has checked into the Promises treatment centre in Malibu, her publicist Jack Ketsoyan said on Monday.
"She asks for privacy at this time," Ketsoyan told People magazine.
The 33-year-old American Pie star was seen at a Los Angeles party last week.
Reid launched a fashion line called Mantra in December."""),
    "rehab-reid-herald": ("Tara Reid in rehab at Promises, publicist says", "Morning Herald", date(2024, 4, 2), """\
Tara Reid has entered the Promises treatment centre in Malibu, publicist Jack Ketsoyan confirmed.
"She asks for privacy at this time," Ketsoyan said.
The 33-year-old actress, known for American Pie, was photographed at a Los Angeles party days earlier.
Friends said her family supported her decision."""),
    "rehab-lohan-wire": ("Lindsay Lohan begins court-ordered rehab at Betty Ford clinic", "Wire Daily", date(2024, 4, 3), """\
Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on Thursday to begin 90 days of court-ordered rehab, her lawyer Mark Heller said.
A Santa Monica judge ordered the stay after the 26-year-old actress pleaded no contest to reckless driving.
"She is committed to getting better," Heller told Access Hollywood.
Lohan had been due at the clinic on Wednesday but spent the night in a hotel."""),
    "rehab-lohan-herald": ("Lohan arrives at Betty Ford Center a day late", "Morning Herald", date(2024, 4, 4), """\
Lindsay Lohan arrived at the Betty Ford Center in Rancho Mirage on Thursday, a day after a Santa Monica judge's deadline, lawyer Mark Heller said.
The 26-year-old actress faces 90 days of rehab under her plea deal over a reckless driving crash.
"She is committed to getting better," Heller said.
Photographers waited outside the clinic in the California desert."""),
    "football": ("Harbour City beat Northfield 3-1 in cup semi-final", "Wire Daily", date(2024, 3, 5), """\
Harbour City reached the cup final after beating Northfield 3-1 on Tuesday night.
Striker Joao Almeida scored twice before half-time and captain Ben Okafor added a third.
Northfield manager Petra Lind said her side had been second best.
The final will be played at the national stadium in May."""),
    "budget": ("Finance ministry unveils budget with tax cut for small firms", "Morning Herald", date(2024, 3, 6), """\
The finance ministry presented a budget on Wednesday that cuts the corporate tax rate for small firms to 15 percent.
Finance minister Alma Reyes said the measure would cost 2.4 billion in its first year.
Opposition leader Tomas Berg called the plan a giveaway that would widen the deficit.
Parliament will vote on the budget next month."""),
}


def make_articles(texts=TEXTS) -> list[Article]:
    return [Article(id=key, title=title, text=text, path=f"{key}.txt", source=source, published=published)
            for key, (title, source, published, text) in texts.items()]


@pytest.fixture(scope="module")
def corpus():
    articles = make_articles()
    analyses = {a.id: analyse_article(a, Settings()) for a in articles}
    return articles, analyses


def _story_sets(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def test_same_event_from_two_outlets_merges_and_same_kind_events_stay_apart(corpus):
    articles, analyses = corpus
    stories = assemble(articles, analyses, []).stories
    sets = _story_sets(stories)
    assert frozenset({"quake-chile-wire", "quake-chile-herald"}) in sets
    assert frozenset({"quake-nepal-wire", "quake-nepal-herald"}) in sets
    assert frozenset({"rehab-reid-wire", "rehab-reid-herald"}) in sets
    assert frozenset({"rehab-lohan-wire", "rehab-lohan-herald"}) in sets
    assert frozenset({"football"}) in sets and frozenset({"budget"}) in sets


def test_story_fields(corpus):
    articles, analyses = corpus
    story = next(s for s in assemble(articles, analyses, []).stories if "quake-chile-wire" in s.article_ids)
    assert story.id == story_id(story.article_ids)
    assert story.title in {"Magnitude 7.2 earthquake strikes near Valparaiso, Chile", "Chile quake kills 12 in Valparaiso region"}
    assert story.published == date(2024, 3, 2)
    assert story.sources == ["Wire Daily", "Morning Herald"]
    assert "X" in story.cited_sources and "Radio Cooperativa" in story.cited_sources


def test_summary_sentences_point_to_their_articles_without_repeats(corpus):
    articles, analyses = corpus
    by_id = {a.id: a for a in articles}
    for story in assemble(articles, analyses, []).stories:
        assert story.summary
        texts = [" ".join(s.text.split()) for s in story.summary]
        assert len(texts) == len(set(texts))
        for sentence in story.summary:
            assert sentence.article_id in story.article_ids
            assert by_id[sentence.article_id].text[sentence.start:sentence.end] == sentence.text
    quake = next(s for s in assemble(articles, analyses, []).stories if "quake-chile-wire" in s.article_ids)
    # Both outlets open with the death toll and magnitude: the summary keeps one of them, not both.
    openers = [s for s in quake.summary if "12" in s.text and "7.2" in s.text]
    assert len(openers) <= 1


def test_articles_far_apart_in_time_do_not_merge():
    texts = dict(TEXTS)
    title, source, _, text = texts["quake-chile-herald"]
    texts["quake-chile-herald"] = (title, source, date(2024, 9, 1), text)
    articles = make_articles(texts)
    analyses = {a.id: analyse_article(a, Settings()) for a in articles}
    sets = _story_sets(StoryClusterer().cluster(articles, analyses, [], []))
    assert frozenset({"quake-chile-wire"}) in sets and frozenset({"quake-chile-herald"}) in sets


def test_clusterer_compares_only_blocked_candidates(corpus, monkeypatch):
    """Articles sharing no distinctive term are never compared."""
    import brief.analysis.stories as stories

    articles, analyses = corpus
    compared = []
    original = stories._cosine

    def counting(a, b):
        compared.append(1)
        return original(a, b)

    monkeypatch.setattr(stories, "_cosine", counting)
    clusterer = StoryClusterer()
    features = clusterer._features(articles, analyses, [])
    from collections import Counter

    df = Counter(t for f in features for t in f)
    vectors = clusterer._weigh(features, df, len(features))
    pairs = clusterer._candidate_pairs(vectors, df, [None] * len(articles), list(range(len(articles))))
    ids = [a.id for a in articles]
    assert (ids.index("football"), ids.index("budget")) not in pairs
    assert len(pairs) < len(articles) * (len(articles) - 1) // 2


def test_average_link_joins_by_average_not_by_single_link():
    # 0-1 close, 2 close to 1 only: average of (0,2)=0 and (1,2)=0.5 is 0.25, below 0.3.
    pairs = {(0, 1): 0.9, (1, 2): 0.5}
    assert sorted(map(sorted, average_link(3, pairs, 0.3))) == [[0, 1], [2]]
    assert sorted(map(sorted, average_link(3, pairs, 0.2))) == [[0, 1, 2]]


def test_seeds_form_one_story(seeds_path: Path):
    from brief.pipeline import build_briefing

    briefing = build_briefing(seeds_path, Settings())
    gold = json.loads((seeds_path.parent.parent / "shared" / "gold" / "seeds.json").read_text()) \
        if (seeds_path.parent.parent / "shared" / "gold" / "seeds.json").exists() else None
    assert len(briefing.articles) == 2
    assert len(briefing.stories) == 1
    assert len(briefing.stories[0].article_ids) == 2
    if gold:
        assert len(gold["stories"]) == 1


def test_sentence_opening_inside_an_earlier_quote_is_a_fragment():
    from brief.analysis.stories import inside_quote
    from brief.models import ArticleAnalysis, Quote, Sentence

    text = '"We held the line. We will hold it again," the mayor said. Rain fell.'
    quote = Quote(id="q", text="We held the line. We will hold it again", article_id="a", start=1, end=40)
    analysis = ArticleAnalysis(article_id="a", engine_version="t", quotes=[quote])
    first, second, third = (Sentence(start=0, end=18, text=text[0:18]), Sentence(start=19, end=58, text=text[19:58]),
                            Sentence(start=59, end=69, text=text[59:69]))
    assert not inside_quote(first, analysis)
    assert inside_quote(second, analysis)
    assert not inside_quote(third, analysis)


def test_quote_fragments_sweep_agrees_with_inside_quote():
    from brief.analysis.stories import inside_quote, quote_fragments
    from brief.models import ArticleAnalysis, Quote, Sentence

    sentences = [Sentence(start=s, end=s + 9, text="x" * 9) for s in range(0, 200, 10)]
    quotes = [Quote(id="a", text="", article_id="a", start=5, end=38),
              Quote(id="b", text="", article_id="a", start=100, end=175),
              Quote(id="c", text="", article_id="a", start=110, end=125)]
    analysis = ArticleAnalysis(article_id="a", engine_version="t", sentences=sentences, quotes=quotes)
    assert quote_fragments(analysis) == {k for k, s in enumerate(sentences) if inside_quote(s, analysis)}


def test_large_story_compared_sparsely_stays_whole():
    # 300 articles of one story, each compared (as blocking does) with about 30 of the others.
    import random

    rng = random.Random(3)
    n = 300
    pairs = {}
    for i in range(n):
        for j in rng.sample(range(n), 15):
            if i != j:
                pairs[(min(i, j), max(i, j))] = 0.25
    assert len(average_link(n, pairs, 0.08)) > 1  # counting every uncompared pair as 0 breaks it up
    # Computing the uncompared pairs before merging keeps it whole (all its articles are alike).
    assert len(average_link(n, pairs, 0.08, similarity=lambda a, b: 0.25)) == 1


def test_uncompared_pairs_can_also_keep_clusters_apart():
    # Two groups bridged by one strong candidate pair: the pairs never compared are unlike.
    pairs = {(0, 1): 0.9, (2, 3): 0.9, (1, 2): 0.9}
    same_group = lambda a, b: 0.9 if (a < 2) == (b < 2) else 0.0  # noqa: E731
    assert sorted(map(sorted, average_link(4, pairs, 0.5, similarity=same_group))) == [[0, 1], [2, 3]]




def test_story_summary_prefers_sentences_that_name_their_speaker():
    from brief.analysis.stories import Candidate, select_sentences

    texts = [
        "“The harbour will reopen on Monday after the storm repairs,” he added.",
        "Harbour master Ines Duarte said the harbour will reopen on Monday after the storm repairs.",
    ]
    candidates = [Candidate(text, f"a{i}", 0, len(text), 1.0) for i, text in enumerate(texts)]
    assert [c.text for c in select_sentences(candidates, 1)] == [texts[1]]


def test_a_story_whose_summaries_are_unusable_is_summarised_from_its_leads(corpus):
    articles, analyses = corpus
    chile = ("quake-chile-wire", "quake-chile-herald")
    analyses = {k: (v.model_copy(update={"summary": []}) if k in chile else v) for k, v in analyses.items()}
    story = next(s for s in assemble(articles, analyses, []).stories if "quake-chile-wire" in s.article_ids)
    by_id = {a.id: a for a in articles}
    assert story.summary
    for sentence in story.summary:
        text = by_id[sentence.article_id].text
        assert text[sentence.start:sentence.end] == sentence.text
        assert text.count("\n", 0, sentence.start) < 3  # one of the article's first three sentences
