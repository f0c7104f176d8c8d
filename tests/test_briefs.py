"""Briefs: per actor and per source, including what each outlet reports that the others don't."""

from __future__ import annotations

from datetime import date

from brief.analysis.briefs import build_briefs, outlet_exclusives
from brief.analysis.terms import cited_sources
from brief.models import (
    Actor, Article, ArticleAnalysis, Briefing, LocalActor, Mention, Quote, Sentence, Story,
)


def _analysis(article: Article, actors: dict[str, str]) -> ArticleAnalysis:
    """Sentences one per line; a mention wherever an actor's name appears."""
    sentences, offset = [], 0
    for line in article.text.split("\n"):
        sentences.append(Sentence(start=offset, end=offset + len(line), text=line))
        offset += len(line) + 1
    mentions = []
    for key, name in actors.items():
        start = article.text.find(name)
        while start >= 0:
            mentions.append(Mention(start=start, end=start + len(name), text=name, actor_key=key))
            start = article.text.find(name, start + 1)
    return ArticleAnalysis(
        article_id=article.id, engine_version="t", sentences=sentences, summary=[0, 1],
        actors=[LocalActor(key=k, name=n, kind="person") for k, n in actors.items()],
        mentions=sorted(mentions, key=lambda m: m.start),
        cited_sources=cited_sources(article.text),
    )


A_TEXT = """\
Mayor Ines Duarte ordered the evacuation of the riverside district on Sunday as the Lark river rose.
"We will keep the pumps running until the river falls," Duarte said on Telegram.
Engineer Tom Quill said the eastern flood wall had cracked near the old mill, Reuters reported.
Duarte and Quill inspected the wall together in the afternoon.
About 2,000 residents spent the night in the sports hall."""
B_TEXT = """\
Ines Duarte, the mayor, ordered the riverside district evacuated on Sunday as the Lark river rose.
"We will keep the pumps running until the river falls," Duarte told Radio North.
Volunteers filled 40,000 sandbags at the fire station overnight, according to AP.
About 2,000 residents spent the night in the sports hall."""


def _briefing() -> Briefing:
    a = Article(id="a", title="Mayor orders evacuation", text=A_TEXT, path="a.txt", source="River Post",
                published=date(2024, 5, 5))
    b = Article(id="b", title="Riverside district evacuated", text=B_TEXT, path="b.txt", source="Valley Times",
                published=date(2024, 5, 5))
    analyses = {"a": _analysis(a, {"d": "Duarte", "q": "Quill"}), "b": _analysis(b, {"d": "Duarte"})}
    duarte = Actor(id="duarte", name="Ines Duarte", kind="person", aliases=["Duarte"], article_ids=["a", "b"],
                   mention_count=4, quote_ids=["qa", "qb"])
    quill = Actor(id="quill", name="Tom Quill", kind="person", aliases=["Quill"], article_ids=["a"], mention_count=2)
    quotes = [
        Quote(id="qa", text="We will keep the pumps running until the river falls", article_id="a",
              start=A_TEXT.index("We will"), end=A_TEXT.index('," Duarte said'), speaker_id="duarte"),
        Quote(id="qb", text="We will keep the pumps running until the river falls", article_id="b",
              start=B_TEXT.index("We will"), end=B_TEXT.index('," Duarte told'), speaker_id="duarte"),
    ]
    story = Story(id="s1", title="Mayor orders evacuation", article_ids=["a", "b"])
    return Briefing(articles=[a, b], analyses=analyses, stories=[story], actors=[duarte, quill], quotes=quotes,
                    local_actor_ids={"a:d": "duarte", "a:q": "quill", "b:d": "duarte"})


def test_actor_brief():
    briefing = _briefing()
    build_briefs(briefing)
    duarte = briefing.actor_briefs["duarte"]
    assert duarte.said == ["qa", "qb"]
    assert duarte.story_ids == ["s1"]
    assert sorted(duarte.outlets) == ["River Post", "Valley Times"]
    assert duarte.appears_with == ["quill"]
    assert briefing.actor_briefs["quill"].appears_with == ["duarte"]
    texts = [s.text for s in duarte.said_about]
    assert texts, "sentences that mention her"
    assert not any("pumps" in t for t in texts), "her own quotes are what she said, not what is said about her"
    # Both outlets open with the same evacuation sentence: the summary keeps one.
    assert sum("evacuat" in t for t in texts) == 1
    for sentence in duarte.said_about:
        article = next(a for a in briefing.articles if a.id == sentence.article_id)
        assert article.text[sentence.start:sentence.end] == sentence.text


def test_story_sources_and_quotes():
    briefing = _briefing()
    build_briefs(briefing)
    story = briefing.stories[0]
    assert story.sources == ["River Post", "Valley Times"]
    assert story.quote_ids == ["qa", "qb"]
    assert story.cited_sources == ["Telegram", "Reuters", "Radio North", "AP"]


def test_source_profiles():
    briefing = _briefing()
    build_briefs(briefing)
    profiles = {p.name: p for p in briefing.sources}
    assert profiles["River Post"].kind == "outlet" and profiles["River Post"].article_ids == ["a"]
    assert profiles["River Post"].cites == ["Telegram", "Reuters"]
    assert profiles["Valley Times"].cites == ["Radio North", "AP"]
    assert profiles["Reuters"].kind == "cited" and profiles["Reuters"].cited_by == ["River Post"]
    assert profiles["AP"].cited_by == ["Valley Times"]


def test_exclusives_per_outlet():
    briefing = _briefing()
    build_briefs(briefing)
    profiles = {p.name: p for p in briefing.sources}
    post = [s.text for e in profiles["River Post"].exclusives for s in e.sentences]
    times = [s.text for e in profiles["Valley Times"].exclusives for s in e.sentences]
    assert any("flood wall had cracked" in t for t in post)
    assert any("sandbags" in t for t in times)
    shared = ("evacuat", "pumps", "sports hall")
    assert not any(word in t for t in post + times for word in shared)
    assert all(e.story_id == "s1" for p in briefing.sources for e in p.exclusives)


def test_no_exclusives_with_one_outlet():
    briefing = _briefing()
    for article in briefing.articles:
        article.source = "River Post"
    assert outlet_exclusives("s1", briefing.articles, briefing.analyses) == []


def test_cited_sources_patterns():
    text = ("Reuters reported the deal. CBS News reported on March 4 that talks stalled. "
            "Ratcliffe told Fox Business Network he agreed. Yermak said on X that talks went well. "
            "He wrote on Telegram that he was hopeful. The fund is stalled, according to AP. "
            "Smith told reporters he was tired. According to Smith, the vote failed.")
    assert cited_sources(text) == ["Reuters", "CBS News", "Fox Business Network", "X", "Telegram", "AP"]


def test_cited_sources_are_not_people_or_words():
    assert cited_sources("Smith told Jones that it was over. Brown reported for duty.") == []
    assert cited_sources("Workers on X-ray machines said they were tired.") == []


def test_cited_sources_trim_to_the_outlet():
    assert cited_sources("she told CNN’s Jake Tapper on Sunday") == ["CNN"]
    assert cited_sources("he told Bill O'Reilly of Fox News that it was fine") == ["Fox News"]
    assert cited_sources("The New York Times reported it; according to the Economist, it was late") == \
        ["New York Times", "The Economist"]
    assert cited_sources("according to the US, talks stalled") == []


def test_a_source_cased_differently_is_one_source():
    texts = {
        "c": "The council approved the budget on Monday, POLITICO reported.\nThe session ran late, RADIO NORTH reported.",
        "d": "Council members told Politico the vote was close.\nThe mayor told RADIO NORTH she was pleased.",
        "e": "The budget passed after a long night.\nThe session ran late, Radio North reported.",
    }
    outlets = {"c": "Valley Times", "d": "River Post", "e": "Politico"}
    articles = [Article(id=k, title=f"Budget {k}", text=t, path=f"{k}.txt", source=outlets[k],
                        published=date(2024, 5, 6)) for k, t in texts.items()]
    briefing = Briefing(articles=articles, analyses={a.id: _analysis(a, {}) for a in articles},
                        stories=[Story(id="s", title="Budget", article_ids=list(texts))])
    build_briefs(briefing)
    profiles = {p.name: p for p in briefing.sources}
    # POLITICO and Politico are the corpus's own outlet Politico; RADIO NORTH is cited more than Radio North
    assert "POLITICO" not in profiles and "Radio North" not in profiles
    assert profiles["Politico"].kind == "outlet" and profiles["Politico"].cited_by == ["Valley Times", "River Post"]
    assert profiles["RADIO NORTH"].article_ids == ["c", "d", "e"]
    assert profiles["Valley Times"].cites == ["Politico", "RADIO NORTH"]
    assert briefing.stories[0].cited_sources == ["Politico", "RADIO NORTH"]
