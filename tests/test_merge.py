"""Merging actors across articles: written articles for each rule, and the seeds against the gold file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from brief.analysis.article import analyse_article
from brief.analysis.merge import ActorMerger
from brief.config import Settings
from brief.models import Article, Quote

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"


def article(aid: str, text: str) -> Article:
    return Article(id=aid, title=text.split(".")[0], text=text, path=f"{aid}.txt", published=date(2025, 3, 5))


def merge(*texts: str):
    articles = [article(f"art{i}", t) for i, t in enumerate(texts)]
    analyses = {a.id: analyse_article(a, Settings()) for a in articles}
    return articles, analyses, ActorMerger().merge(articles, analyses)


def actor_named(result, name: str):
    found = [a for a in result.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in result.actors]}"
    return found[0]


def people(result, surname: str):
    return [a for a in result.actors if a.kind == "person" and any(x.endswith(surname) for x in a.aliases)]


def test_transliterated_names_across_articles_are_one_person():
    _, _, result = merge(
        "President Oleksandr Hrytsenkiy spoke in Kyiv on Monday. Hrytsenkiy said the talks went well.",
        "Oleksandr Hrytsenky, the president, met envoys in Kyiv. Hrytsenky said little.",
    )
    found = people(result, "Hrytsenkiy") + people(result, "Hrytsenky")
    assert len({a.id for a in found}) == 1
    person = found[0]
    assert {"Oleksandr Hrytsenkiy", "Oleksandr Hrytsenky", "Hrytsenky"} <= set(person.aliases)
    assert len(person.article_ids) == 2
    assert {s["article_id"] for s in person.role_sources} == {"art0", "art1"}


def test_different_first_names_stay_apart_across_articles():
    _, _, result = merge("Anna Lindqvist opened the farm in Uppsala.", "Erik Lindqvist sold the farm in Uppsala.")
    assert len(people(result, "Lindqvist")) == 2


def test_bare_surname_merges_only_with_shared_company():
    _, _, result = merge(
        "Governor Paula Hendry met Mayor Rui Costa in Porto to discuss the harbour bridge.",
        "Mayor Costa and Hendry signed the harbour bridge deal in Porto, officials said.",
        "The village chess cup went to Hendry, organisers said.",
    )
    hendrys = people(result, "Hendry")
    full = [a for a in hendrys if a.name == "Paula Hendry"]
    assert len(full) == 1 and set(full[0].article_ids) == {"art0", "art1"}
    assert not any("art2" in a.article_ids for a in full)


def test_local_ids_and_quote_speakers_point_to_corpus_actors():
    articles, analyses, result = merge("Mike Waltz spoke in Washington.", "Waltz, the adviser, spoke again in Washington.")
    waltz = actor_named(result, "Mike Waltz")
    for a in articles:
        for local in analyses[a.id].actors:
            assert f"{a.id}:{local.key}" in result.local_actor_ids
    local = next(x for x in analyses["art0"].actors if x.name == "Mike Waltz")
    assert result.local_actor_ids[f"art0:{local.key}"] == waltz.id
    # quotes carry the corpus id of their speaker
    analyses["art0"].quotes = [Quote(id="q1", text="hi", article_id="art0", start=0, end=2, speaker_key=local.key)]
    result = ActorMerger().merge(articles, analyses)
    assert result.quotes[0].speaker_id == waltz.id
    assert actor_named(result, "Mike Waltz").quote_ids == ["q1"]
    actors, quotes = result  # still unpacks as a pair
    assert quotes[0].id == "q1"


@pytest.fixture(scope="module")
def seeds_briefing():
    from brief.pipeline import build_briefing
    from brief.store import Store

    return build_briefing(ROOT / "seeds", Settings(), store=Store(None))


GOLD_PEOPLE = ["Volodymyr Zelenskyy", "Andriy Yermak", "Mike Waltz", "Donald Trump", "John Ratcliffe"]


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file absent")
@pytest.mark.parametrize("canonical", GOLD_PEOPLE)
def test_seed_people_are_one_actor_with_all_their_variants(seeds_briefing, canonical):
    gold = next(a for a in json.loads(GOLD.read_text())["actors"] if a["canonical"] == canonical)
    holders = [a for a in seeds_briefing.actors if set(a.aliases) & set(gold["variants"])]
    assert len(holders) == 1, [(a.name, a.aliases) for a in holders]
    actor = holders[0]
    assert actor.name == canonical and actor.kind == "person"
    assert set(gold["variants"]) <= set(actor.aliases)
    assert actor.roles


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file absent")
def test_seed_roles(seeds_briefing):
    roles = {a.name: a.roles for a in seeds_briefing.actors}
    assert "President of Ukraine" in roles["Volodymyr Zelenskyy"]
    assert "CIA Director" in roles["John Ratcliffe"]
    assert "US National Security Advisor" in roles["Mike Waltz"]
    assert "President of the United States" in roles["Donald Trump"]
    assert any(r.startswith("Chief of Staff to") for r in roles["Andriy Yermak"])


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file absent")
def test_seed_places_organisations_and_no_junk(seeds_briefing):
    gold = json.loads(GOLD.read_text())
    names = {a.name for a in seeds_briefing.actors}
    aliases = {x for a in seeds_briefing.actors for x in a.aliases}
    for bad in gold["not_actors"]:
        assert bad not in names and bad not in aliases
    us = [a for a in seeds_briefing.actors if a.name == "United States"]
    assert len(us) == 1 and {"US", "U.S.", "United States"} <= set(us[0].aliases)
    for entry in gold["actors"]:
        if entry["kind"] == "organization" or entry["canonical"] in ("Ukraine", "Russia"):
            assert entry["canonical"] in names
    assert len(seeds_briefing.local_actor_ids) == sum(len(x.actors) for x in seeds_briefing.analyses.values())


def test_peer_title_is_not_a_surname():
    _, _, result = merge(
        "Singer Ray Charles played in Atlanta. Charles said the show went well.",
        "Prince Charles visited Atlanta. Prince Charles said the show went well.",
    )
    charles = [a for a in result.actors if a.kind == "person" and "Charles" in a.name]
    assert sorted(a.name for a in charles) == ["Charles", "Ray Charles"]


def test_common_places_are_no_evidence_for_a_bare_surname():
    _, _, result = merge(
        "Ambassador Karin Moll spoke in London about the US.",
        "In London, Moll ran the marathon for the US team, organisers said.",
    )
    molls = people(result, "Moll")
    assert not any(len(a.article_ids) == 2 for a in molls)


def test_nicknames_and_initials_merge_across_articles_but_other_names_do_not():
    _, _, result = merge(
        "Michael Ferreira, the finance minister, spoke in Lisbon.",
        "Finance minister Mike Ferreira said more in Lisbon.",
        "M. Ferreira signed the Lisbon budget.",
        "Ambassador Joana Ferreira won the Lisbon race.",
    )
    names = sorted((a.name, len(a.article_ids)) for a in people(result, "Ferreira"))
    assert names == [("Joana Ferreira", 1), ("Michael Ferreira", 3)]


def test_form_of_address_keeps_husband_and_wife_apart_across_articles():
    _, _, result = merge(
        "Opposition leader Michael Howard spoke in Folkestone about taxes and schools.",
        "Mrs Howard spoke in Folkestone about taxes and schools, said Opposition aides.",
    )
    michael = actor_named(result, "Michael Howard")
    assert michael.article_ids == ["art0"]


def test_handle_alone_joins_the_person_named_elsewhere():
    _, _, result = merge(
        "National security adviser Michael Tornquist spoke in Oslo. Tornquist said talks went well.",
        "\"We spoke today,\" the minister wrote, tagging @miketornquist.",
    )
    person = actor_named(result, "Michael Tornquist")
    assert "@miketornquist" in person.aliases and len(person.article_ids) == 2


def test_acronym_alone_joins_the_body_that_defined_it():
    _, _, result = merge(
        "The Harbour Safety Board (HSB) met on Monday.",
        "The HSB said on Tuesday it would act.",
    )
    board = actor_named(result, "Harbour Safety Board")
    assert len(board.article_ids) == 2 and "HSB" in board.aliases


def test_different_middle_initials_are_different_people():
    _, _, result = merge(
        "Former president George H.W. Bush spoke in Houston.",
        "President George W. Bush spoke in Texas.",
        "George Bush spoke in Texas again.",
    )
    bushes = sorted((a.name, len(a.article_ids)) for a in people(result, "Bush"))
    # the plain 'George Bush', with nothing to tell which of the two he is, is not guessed
    assert bushes == [("George Bush", 1), ("George H.W. Bush", 1), ("George W. Bush", 1)]


def test_a_name_typed_other_in_one_article_joins_the_person_of_another():
    _, _, result = merge(
        "Senator Ruffo Delgado spoke in Lima.",
        "Crowds cheered Ruffo Delgado in Lima.",
    )
    person = actor_named(result, "Ruffo Delgado")
    assert person.kind == "person" and len(person.article_ids) == 2


def test_local_actor_ids_read_like_the_dict_of_article_and_key():
    from brief.analysis.merge import LocalActorIds

    ids = LocalActorIds()
    plain = {}
    for article_id, key, actor_id in [("a1", "p:waltz", "x"), ("a1", "o:nato", "y"), ("b2", "p:waltz", "x"),
                                      ("a1", "p:waltz", "z"), ("c3", "unresolved:smith", "w")]:
        ids.set(article_id, key, actor_id)
        plain[f"{article_id}:{key}"] = actor_id
    assert len(ids) == len(plain) == 4 and bool(ids)
    assert dict(ids.items()) == plain == ids.to_dict() and set(ids) == set(plain)
    assert ids["c3:unresolved:smith"] == "w" and ids.get("a1:p:waltz") == "z"
    assert ids.get("a1:p:nobody") is None and ids.get("zz:p:waltz", "none") == "none"
    assert "b2:p:waltz" in ids and "b2:o:nato" not in ids and 3 not in ids
    with pytest.raises(KeyError):
        ids["b2:o:nato"]
    assert not LocalActorIds()
