"""Summaries: every method, both lengths, edge cases, sumy parity of the fast methods, and no NLTK data."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pytest

from brief.analysis.segment import split_sentences
from brief.analysis.summarize import METHODS, WordTokenizer, build_document, summarize, summary_length

ARTICLE = """Flooding closed the main rail line between Dunmore and Carrick on Tuesday after two days of heavy rain.
The rail operator said trains between Dunmore and Carrick would not run before Friday. Buses replaced trains on the line.
Engineers found that floodwater had washed away ballast under the track near Carrick. Repairs to the track will take three days, the operator said.
"We are sorry for the disruption to passengers," said Hana Okoro, the operator's chief executive. "Our engineers are working around the clock."
Local shops in Carrick said trade fell by half as commuters stayed at home. The mayor of Carrick asked the government for emergency funds.
Forecasters expect more rain later in the week, which could delay the repairs to the rail line.
"""


@pytest.fixture(scope="module")
def sentences():
    return split_sentences(ARTICLE)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_returns_valid_indices_for_a_count(method, sentences):
    picked = summarize(sentences, method=method, count=3, title="Floods close Dunmore rail line")
    assert len(picked) == 3
    assert picked == sorted(set(picked))
    assert all(0 <= i < len(sentences) for i in picked)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_returns_valid_indices_for_a_ratio(method, sentences):
    picked = summarize(sentences, method=method, ratio=0.25)
    assert len(picked) == round(len(sentences) * 0.25)
    assert picked == sorted(set(picked))
    assert all(0 <= i < len(sentences) for i in picked)


@pytest.mark.parametrize("method", METHODS)
def test_edge_cases(method, sentences):
    assert summarize([], method=method) == []
    one = split_sentences("A single sentence about the flood.")
    assert summarize(one, method=method, count=3) == [0]
    assert summarize(one, method=method, ratio=0.1) == [0]
    assert summarize(sentences, method=method, count=len(sentences) + 5) == list(range(len(sentences)))


@pytest.mark.parametrize("text", ["It is. He was. They were.", "2004. 2005! 3.5?", "Rain. Rain rain. Rain rain."])
def test_texts_without_content_words_summarise_without_warnings(text):
    sentences = split_sentences(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for method in METHODS:
            picked = summarize(sentences, method=method, count=2)
            assert len(picked) == 2 and all(0 <= i < 3 for i in picked), method


def test_summary_length():
    assert summary_length(12, count=3) == 3
    assert summary_length(12, count=3, ratio=0.5) == 6
    assert summary_length(12, ratio=0.01) == 1
    assert summary_length(2, count=5) == 2
    assert summary_length(0, count=3) == 0


def test_unknown_method_is_an_error(sentences):
    with pytest.raises(ValueError, match="unknown summary method"):
        summarize(sentences, method="bogus")


def test_textrank_picks_the_sentences_most_linked_to_the_rest(sentences):
    picked = summarize(sentences, method="textrank", count=2)
    chosen = " ".join(sentences[i].text for i in picked)
    assert "Carrick" in chosen and "rail" in chosen


@pytest.mark.parametrize("fast, sumy", [("textrank", "textrank-sumy"), ("reduction", "reduction-sumy")])
@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_fast_methods_pick_what_sumy_picks(fast, sumy, count, sentences):
    assert summarize(sentences, method=fast, count=count) == summarize(sentences, method=sumy, count=count)


def test_duplicate_sentences_keep_their_own_positions():
    text = "Rain fell on Carrick. The river rose in Carrick. Rain fell on Carrick. Shops shut early."
    sentences = split_sentences(text)
    for method in ("textrank", "reduction", "lexrank"):
        picked = summarize(sentences, method=method, count=2)
        assert len(set(picked)) == 2


def test_document_keeps_our_sentences_paragraphs_and_title(sentences):
    document = build_document(sentences, title="Floods close rail line")
    assert [str(s) for s in document.sentences] == [s.text for s in sentences]
    assert [str(h) for h in document.headings] == ["Floods close rail line"]
    assert len(document.paragraphs) == 1 + len({s.paragraph for s in sentences})


def test_word_tokenizer_keeps_words_like_sumy():
    words = WordTokenizer().to_words("The firm's high-speed 3G sales rose 2.5% in the U.S. — don't panic!")
    assert words == ("The", "firm", "high-speed", "sales", "rose", "in", "the", "U", "S", "don't", "panic")


def test_summaries_need_no_nltk_data(tmp_path):
    """Every method runs with NLTK's data path empty and nltk.data lookups forbidden."""
    code = (
        "import nltk.data\n"
        "def refuse(*a, **k): raise AssertionError('NLTK data looked up')\n"
        "nltk.data.find = nltk.data.load = refuse\n"
        "from brief.analysis.segment import split_sentences\n"
        "from brief.analysis.summarize import METHODS, summarize\n"
        f"sentences = split_sentences({ARTICLE!r})\n"
        "for method in METHODS:\n"
        "    assert len(summarize(sentences, method=method, count=2, title='Floods')) == 2, method\n"
        "print('ok')\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_text_of_thousands_of_sentences_is_summarised_from_its_first_ones():
    # Every method rates sentence pairs: 50,000 sentences would want a matrix of hundreds of GB.
    from brief.analysis.segment import split_sentences
    from brief.analysis.summarize import MAX_RATED, summarize

    text = " ".join(f"Council member {i} proposed budget line {i} for the harbour bridge repairs." for i in range(3000))
    sentences = split_sentences(text)
    assert len(sentences) > MAX_RATED
    for method in ("reduction", "textrank", "lexrank"):
        picked = summarize(sentences, method=method, count=3)
        assert len(picked) == 3 and all(0 <= i < MAX_RATED for i in picked)
    assert summarize(sentences, ratio=0.9) == list(range(MAX_RATED))
