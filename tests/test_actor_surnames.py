"""People sharing a surname within one article, and names written family name first, on articles
written for these tests: a bare surname goes to one of them only on clear evidence."""

from __future__ import annotations

from actor_support import by_name, extract

from brief.analysis.actors import ActorExtractor
from brief.analysis.names import hyphenated_given, is_unresolved
from brief.analysis.quotes import QuoteExtractor
from brief.analysis.segment import split_sentences


def key_at(extraction, text: str, word: str, nth: int = 0) -> str:
    """The actor key of the nth mention starting where `word` occurs in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return next(m.actor_key for m in extraction.mentions if m.start == start)


def speakers(text: str) -> dict[str, str | None]:
    """Quote text -> the name of the actor given as its speaker (None when no one is)."""
    sentences = split_sentences(text)
    actors = ActorExtractor().extract(text, sentences)
    names = {a.key: a.name for a in actors.actors}
    quotes = QuoteExtractor().extract("a", text, sentences, actors)
    return {q.text: names.get(q.speaker_key) if q.speaker_key else None for q in quotes}


# -- hyphenated and family-first names ---------------------------------------------------------

def test_hyphenated_given_names_are_whole_and_the_family_name_comes_first():
    text = ("UN Secretary General Ban Ki-moon condemned the launch on Friday. South Korean President "
            "Park Geun-hye called her cabinet together, and Kim Jong-un was not seen in public.\n"
            "\"This cannot go on,\" Ban said. Park said the North would pay. Kim has stayed silent.\n"
            "European Commission President Jean-Claude Juncker agreed with them.")
    ex = extract(text)
    ban, park, kim = by_name(ex, "Ban Ki-moon"), by_name(ex, "Park Geun-hye"), by_name(ex, "Kim Jong-un")
    assert {ban.kind, park.kind, kim.kind} == {"person"}
    assert key_at(ex, text, "Ban said") == ban.key
    assert key_at(ex, text, "Park said") == park.key
    assert key_at(ex, text, "Kim has") == kim.key
    assert by_name(ex, "Jean-Claude Juncker").first_name == "Jean-Claude"
    assert not {"Ban Ki", "Park Geun", "Kim Jong"} & {a.name for a in ex.actors}


def test_a_lower_case_word_after_a_hyphen_still_ends_a_name():
    text = "A Texas-based lawyer said the Bush-era rules and the Kremlin-backed group were at fault."
    ex = extract(text)
    names = {a.name for a in ex.actors}
    assert "Texas" in names and "Kremlin" in names
    assert not any("-" in n for n in names)


def test_hyphenated_given_name_shapes():
    for word in ("Ki-moon", "Geun-hye", "Jong-un", "Jae-in", "Ing-wen", "Myung-bak"):
        assert hyphenated_given(word), word
    for word in ("Texas-based", "Bush-era", "Xi-led", "Iran-backed", "Anti-war", "Jean-Claude", "Al-Qaeda"):
        assert not hyphenated_given(word), word


# -- different first names -----------------------------------------------------------------------

def test_an_unknown_first_name_opening_a_sentence_before_a_known_surname_is_a_person():
    text = ("Officers stopped Dwayne Lamont Okafor outside his flat on Tuesday. The footage shows an officer "
            "pointing at Okafor. Zemiraya Okafor can be heard begging them not to shoot.")
    ex = extract(text)
    dwayne = by_name(ex, "Dwayne Lamont Okafor")
    assert key_at(ex, text, "Zemiraya Okafor") != dwayne.key
    assert key_at(ex, text, "Okafor.") == dwayne.key


def test_mr_before_a_later_full_name_of_a_woman_is_not_her():
    text = ("President Delacroix spoke in Ohio on Monday. \"We will win,\" Mr. Delacroix said.\n"
            "Mr. Delacroix was joined later by the first lady, Marian Delacroix, who spoke briefly.\n"
            "Mr. Delacroix left at nine.")
    ex = extract(text)
    marian = by_name(ex, "Marian Delacroix")
    him = key_at(ex, text, "Delacroix spoke")
    assert him != marian.key
    assert key_at(ex, text, "Delacroix left") == him


# -- a bare surname among several people who bear it ----------------------------------------------

_CAMPAIGN = (
    "Senator Marian Hallworth opened her campaign in Dayton on Monday. Marian Hallworth told supporters the "
    "plant would stay open.\n"
    "Hallworth spoke for forty minutes about jobs and schools.\n"
    "Her husband, the former governor Gregory Hallworth, watched from the front row.\n"
    "\"We are not done yet,\" Hallworth said.\n"
    "The crowd cheered loudly and the band played on for an hour. Volunteers handed out leaflets and "
    "sandwiches to everyone who had waited outside in the rain since the early morning.\n"
    "Later, in a long evening interview with local reporters about the plant, the schools and the budget "
    "that the state legislature will take up again next spring, the senator repeated her promise.\n"
    "\"Dayton deserves better,\" Hallworth said. Marian Hallworth then left for Toledo.\n"
)


def test_bare_surname_goes_to_the_only_bearer_named_so_far():
    ex = extract(_CAMPAIGN)
    assert key_at(ex, _CAMPAIGN, "Hallworth spoke") == by_name(ex, "Marian Hallworth").key


def test_bare_surname_right_after_a_relative_is_named_is_unresolved_and_names_no_speaker():
    ex = extract(_CAMPAIGN)
    key = key_at(ex, _CAMPAIGN, "Hallworth said")
    assert is_unresolved(key)
    assert by_name(ex, "Gregory Hallworth").key != by_name(ex, "Marian Hallworth").key
    assert speakers(_CAMPAIGN)["We are not done yet"] is None


def test_bare_surname_far_from_the_relative_goes_to_the_main_bearer():
    ex = extract(_CAMPAIGN)
    assert key_at(ex, _CAMPAIGN, "Hallworth said", nth=1) == by_name(ex, "Marian Hallworth").key
    assert speakers(_CAMPAIGN)["Dayton deserves better"] == "Marian Hallworth"


def test_form_of_address_and_bound_pronoun_choose_between_bearers():
    text = ("Marian Hallworth and her husband Gregory Hallworth arrived together.\n"
            "Mrs. Hallworth waved. Hallworth said he would not run again.")
    ex = extract(text)
    assert key_at(ex, text, "Hallworth waved") == by_name(ex, "Marian Hallworth").key
    assert key_at(ex, text, "Hallworth said") == by_name(ex, "Gregory Hallworth").key


def test_a_relative_named_only_through_the_other_does_not_count():
    text = ("Gregory Hallworth's wife, Marian Hallworth, is running for the Senate. Marian Hallworth "
            "opened her campaign in Dayton.\n"
            "\"It is time,\" Hallworth said.")
    ex = extract(text)
    assert key_at(ex, text, "Hallworth said") == by_name(ex, "Marian Hallworth").key


def test_an_unresolved_surname_joins_no_one_across_articles():
    from datetime import date

    from brief.analysis.article import analyse_article
    from brief.analysis.merge import ActorMerger
    from brief.config import Settings
    from brief.models import Article

    second = ("Senator Marian Hallworth visited Toledo on Tuesday. Hallworth promised new jobs.\n")
    articles = [Article(id=f"a{i}", title="t", text=t, path=f"a{i}.txt", published=date(2025, 3, 5))
                for i, t in enumerate((_CAMPAIGN, second))]
    analyses = {a.id: analyse_article(a, Settings()) for a in articles}
    result = ActorMerger().merge(articles, analyses)
    marian = next(a for a in result.actors if a.name == "Marian Hallworth")
    unresolved = next(k for k in result.local_actor_ids if is_unresolved(k.split(":", 1)[1]))
    assert result.local_actor_ids[unresolved] != marian.id
    assert result.local_actor_ids["a1:" + next(a.key for a in analyses["a1"].actors
                                               if a.name == "Marian Hallworth")] == marian.id


def test_himself_after_a_bare_surname_names_the_man():
    text = ("Rock singer Gregory Pemberton and his wife Marian Pemberton made the show together.\n"
            "Pemberton himself could not explain its success.")
    ex = extract(text)
    assert key_at(ex, text, "Pemberton himself") == by_name(ex, "Gregory Pemberton").key


def test_a_relative_in_apposition_is_no_antecedent_for_she_said():
    text = ("Attorney General Loretta Vance spoke to students on Monday.\n"
            "She has been criticised for meeting Gregory Pemberton while the department was investigating his "
            "wife, the nominee Marian Pemberton, over her emails.\n"
            "\"Nobody says that to my face,\" she said.\n")
    assert speakers(text)["Nobody says that to my face"] != "Marian Pemberton"


def test_a_longer_run_ending_in_a_full_name_is_no_other_bearer():
    text = ("Riverside Hawks RB Tobias Quennell out for season\n"
            "Riverside Hawks running back Tobias Quennell will miss the rest of the season. Quennell hurt his knee "
            "on Sunday.")
    ex = extract(text)
    assert key_at(ex, text, "Quennell hurt") == by_name(ex, "Tobias Quennell").key
