"""Sentence splitting on news text written for these tests (and the project's seed articles)."""

from __future__ import annotations

import pytest

from brief.analysis.segment import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Treasury said on Feb. 12 that Gov. Ana Ruiz had met Mr. Okafor and Dr. Lin at 9 a.m. Friday.",
        "Sen. Paul Hart of St. Louis spoke after Rep. Jo Marsh at the Apple Inc. offices in Washington, D.C. today.",
        "John F. Kennedy and J. K. Rowling were both mentioned by Lt. Gen. Ray Odum in Plessy v. Ferguson.",
        "Growth slowed to 2.5% and the firm made $1.13bn, i.e. less than forecast, e.g. in Europe.",
        "Talks on Jan. 5 and No. 10 Downing Street followed (see Fig. 3 of the report).",
        '"Why?" he asked, and "Never!" she replied.',
        "She said it was fine... and then she left.",
    ],
)
def test_one_sentence_stays_whole(text):
    assert texts(text) == [text]


def test_dotted_abbreviation_ends_a_sentence_before_a_sentence_opener():
    text = "The rate rose in the U.S. The Fed held it. Talks in Washington, D.C. He said no. It was 9 a.m. Then rain."
    assert texts(text) == [
        "The rate rose in the U.S.",
        "The Fed held it.",
        "Talks in Washington, D.C.",
        "He said no.",
        "It was 9 a.m.",
        "Then rain.",
    ]


def test_handle_ends_a_sentence_only_when_a_new_sentence_follows():
    text = "I spoke with @janedoe. We agreed to meet. Ask @janedoe. or her office, said Tom."
    assert texts(text) == ["I spoke with @janedoe.", "We agreed to meet.", "Ask @janedoe. or her office, said Tom."]


def test_a_quote_over_several_sentences_is_split_but_never_before_its_closing_mark():
    text = (
        "“We spoke with the envoy, @kmorrow. We discussed the next round of talks,” Ivan Petrenko said on X. "
        "“We also agreed to meet soon.” Officials did not comment. "
        'He said it would come "soon." Then he left.'
    )
    assert texts(text) == [
        "“We spoke with the envoy, @kmorrow.",
        "We discussed the next round of talks,” Ivan Petrenko said on X.",
        "“We also agreed to meet soon.”",
        "Officials did not comment.",
        'He said it would come "soon."',
        "Then he left.",
    ]


def test_said_on_x_breaks_before_the_next_opening_quote_or_sentence():
    text = 'Mira Holt said on X. "It is done." She wrote on X. Later she deleted it.'
    assert texts(text) == ['Mira Holt said on X.', '"It is done."', "She wrote on X.", "Later she deleted it."]


def test_question_and_exclamation_inside_quotes_end_a_sentence_before_a_capital():
    text = '“Is this the end?” Rosa Vance asked. “No!” The crowd roared. “Really?” he said.'
    assert texts(text) == [
        "“Is this the end?” Rosa Vance asked.", "“No!”", "The crowd roared.", "“Really?” he said."
    ]


def test_offsets_point_into_the_text_and_paragraphs_are_lines():
    text = "First one. Second one.\n\n  Third, after a blank line.\nFourth here.\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one.", "Second one.", "Third, after a blank line.", "Fourth here."]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 2]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_empty_and_blank_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("\n \n\n") == []


def test_a_line_without_a_stop_is_one_sentence():
    assert texts("Impact Shorts\nThe minister resigned") == ["Impact Shorts", "The minister resigned"]


def test_seed_articles_split_where_a_reader_would(seeds_path):
    counts = {"000_1913a039c75a8ccb.txt": 20, "002_586a47ec60a85a45.txt": 15}
    for name, count in counts.items():
        text = (seeds_path / name).read_text(encoding="utf-8")
        sentences = split_sentences(text)
        assert len(sentences) == count, name
        assert all(text[s.start:s.end] == s.text for s in sentences)
    second = texts((seeds_path / "002_586a47ec60a85a45.txt").read_text(encoding="utf-8"))
    assert any("Oval Office exchange on Feb. 28 between Zelensky and U.S. President Donald Trump." in s for s in second)
