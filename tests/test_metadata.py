"""Titles and publication dates inferred from the text."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from brief.config import Settings
from brief.corpus import load_corpus
from brief.corpus.metadata import (find_dates, first_sentence, infer_published, looks_like_headline,
                                   parse_given_date, resolve_dates, title_from_text)

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "seeds.json"


@pytest.mark.parametrize("text", [
    "The deal was signed on March 5, 2025, officials said.",
    "The deal was signed on 5 March 2025, officials said.",
    "The deal was signed on 5th March, 2025, officials said.",
    "The deal was signed on Mar. 5, 2025, officials said.",
    "The deal was signed on 2025-03-05, officials said.",
])
def test_explicit_dates(text):
    assert infer_published(text) == date(2025, 3, 5)


def test_weekday_resolves_to_the_most_recent_such_day_on_or_before_the_texts_date():
    text = ("The minister said on Wednesday that talks would resume.\n"
            "A statement dated March 7, 2025 confirmed the plan.")
    dates = {d for d, m in resolve_dates(find_dates(text)) if m.weekday is not None}
    assert dates == {date(2025, 3, 5)}  # the Wednesday before Friday 7 March
    assert infer_published("Officials said on Wednesday that the deal, first agreed on March 5, 2025, "
                           "would hold.") == date(2025, 3, 5)


def test_month_day_takes_its_year_from_the_full_dates_of_the_text():
    text = "The vote was on March 4. The law, drafted on March 1, 2025, takes effect soon."
    assert infer_published(text) == date(2025, 3, 4)
    # Across a new year: nearest to the dated mention.
    assert infer_published("Talks began on Dec. 30 and ended on Jan. 2, 2025.") == date(2025, 1, 2)
    resolved = resolve_dates(find_dates("Talks began on Dec. 30 and ended on Jan. 2, 2025."))
    assert {d for d, _ in resolved} == {date(2024, 12, 30), date(2025, 1, 2)}


def test_dates_announced_as_ahead_are_not_the_publication_date():
    text = "Leaders met on March 5, 2025. They will meet again on March 20, 2025, and next Tuesday."
    assert infer_published(text) == date(2025, 3, 5)


def test_a_dateline_wins_over_dates_in_the_story():
    head = "Published: 6 March 2025\nThe vote of March 9, 2025 was a surprise."
    assert infer_published("The vote of March 9, 2025 was a surprise.", head=head) == date(2025, 3, 6)


def test_no_year_anywhere_means_no_date():
    assert infer_published("He spoke on Wednesday and again on March 5.") is None
    assert infer_published("Nothing dated here at all.") is None


def test_may_and_march_as_words_are_not_dates():
    assert find_dates("Trump may lift the pause; the march of 5 soldiers went on.") == []


def test_given_dates_in_common_forms():
    assert parse_given_date("2025-03-05") == date(2025, 3, 5)
    assert parse_given_date("2025-03-05T22:10:00+02:00") == date(2025, 3, 5)
    assert parse_given_date("Wed, 05 Mar 2025 10:00:00 GMT") == date(2025, 3, 5)
    assert parse_given_date("March 5, 2025") == date(2025, 3, 5)
    assert parse_given_date(date(2025, 3, 5)) == date(2025, 3, 5)
    assert parse_given_date("soon") is None


def test_headlines():
    assert looks_like_headline("Ad sales boost Time Warner profit")
    assert looks_like_headline("Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.")
    assert looks_like_headline("‘Regrettable’: Zelensky reaches out after clash?")
    assert not looks_like_headline("The company said profits rose sharply in the last quarter of the year.")
    assert not looks_like_headline("Here is what he said:")
    assert not looks_like_headline("Word")


def test_title_from_first_sentence_is_short_and_cut_at_a_word():
    text = ("The U.S. envoy met Mr. Smith on Feb. 3 in the capital, where both sides agreed to continue talks "
            "about the grain corridor and prisoner exchanges. Later they left.")
    assert first_sentence(text).endswith("prisoner exchanges.")
    title = title_from_text(text)
    assert title.startswith("The U.S. envoy met Mr. Smith") and title.endswith("…") and len(title) <= 91
    assert title_from_text("Short one. Then more.") == "Short one"


# The seeds -----------------------------------------------------------------------------

@pytest.fixture
def seeds_without_sidecars(tmp_path, seeds_path):
    for txt in seeds_path.glob("*.txt"):
        shutil.copy(txt, tmp_path / txt.name)
    return tmp_path


def test_seeds_load_with_outlet_and_date_from_their_sidecars(seeds_path):
    result = load_corpus(seeds_path, Settings())
    assert result.warnings == []
    by_name = {Path(a.path).name: a for a in result.articles}
    assert {n: (a.source, a.published) for n, a in by_name.items()} == {
        "000_1913a039c75a8ccb.txt": ("Firstpost", date(2025, 3, 5)),
        "002_586a47ec60a85a45.txt": ("The Kyiv Independent", date(2025, 3, 5)),
    }
    if GOLD.exists():
        gold = json.loads(GOLD.read_text())["articles"]
        assert {n: a.published.isoformat() for n, a in by_name.items()} == {n: g["published"] for n, g in gold.items()}


def test_seed_texts_alone_give_their_day_but_no_year(seeds_without_sidecars):
    result = load_corpus(seeds_without_sidecars, Settings())
    first, second = result.articles
    assert (first.source, second.source) == (None, None)  # never guessed from the file name
    # Neither text says a year: the date stays unknown rather than guessed...
    assert (first.published, second.published) == (None, None)
    # ...but what each says is read: the first 'on Wednesday', the second 'March 5' first and last.
    assert [m.weekday for m in find_dates(first.text)] == [2]
    assert [(m.month, m.day) for m in find_dates(second.text)] == [(3, 5), (2, 28), (3, 4), (3, 4), (3, 5)]
    # With the year known (as the sidecar gives it), both resolve to 5 March 2025, Wednesday included.
    assert infer_published(second.text, anchor=date(2025, 12, 31)) == date(2025, 3, 5)
    assert infer_published(first.text + "\nThe call was on March 5, 2025.") == date(2025, 3, 5)


def test_seed_titles_are_made_from_their_first_sentences(seeds_path):
    titles = [a.title for a in load_corpus(seeds_path, Settings()).articles]
    assert titles[0].startswith("Ukrainian President Volodymyr Zelenskyy’s chief of staff on Wednesday")
    assert titles[1].startswith("Ukrainian and American delegations will meet")
    assert all(len(t) <= 91 for t in titles)


def test_seeds_have_no_boilerplate_and_keep_the_glued_quote(seeds_path):
    first = load_corpus(seeds_path, Settings()).articles[0]
    lines = first.text.split("\n")
    for junk in ("Impact Shorts", "More Shorts", "With inputs from agencies", ")"):
        assert junk not in lines
    assert "More Shorts" not in first.text and "Impact Shorts" not in first.text
    assert "“Today our Ukrainian and US teams began working on a meeting." in first.text
    assert any(line.startswith("“Today our Ukrainian") for line in lines)
    assert first.text.endswith("to move forward,” Ratcliffe said.")
    # The seed text itself is unchanged on disk.
    raw = (seeds_path / "000_1913a039c75a8ccb.txt").read_text()
    assert raw.startswith("Ukrainian President") and raw.endswith("With inputs from agencies\n)")


def test_month_day_told_as_past_is_not_put_after_the_texts_date():
    text = "She checked into rehab on May 3, 2013. The crash on June 8 led to charges."
    assert infer_published(text) == date(2013, 5, 3)


def test_month_year_gives_the_year_when_no_full_date_does():
    assert infer_published("In March 2025 the plan stalled; on March 5 talks resumed.") == date(2025, 3, 5)
