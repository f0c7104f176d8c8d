"""Cleaning: escape codes, control and invisible characters, Unicode form and site boilerplate."""

import unicodedata

import pytest

from brief.corpus.clean import Boilerplate, clean_inline, clean_text

RULES = Boilerplate()


def clean(text: str, rules: Boilerplate = RULES) -> str:
    return clean_text(text, rules)


def test_terminal_escape_sequences_are_removed_in_every_form():
    text = (
        "\x1b[1;31mRed\x1b[0m alert in \x1b]0;window title\x07the city.\n"
        "A \x1b]8;;http://example.com\x1b\\link\x1b]8;;\x1b\\ here and \x1bP1$r0m\x1b\\a DCS.\n"
        "APC \x1b_payload\x1b\\gone, PM \x1b^secret\x1b\\gone, SOS \x1bXstring\x1b\\gone.\n"
        "Eight-bit \x9b31mCSI\x9b0m and \x9d2;title\x9c OSC, charset \x1b(B and reset \x1bc done."
    )
    out = clean(text)
    assert out == (
        "Red alert in the city.\n"
        "A link here and a DCS.\n"
        "APC gone, PM gone, SOS gone.\n"
        "Eight-bit CSI and OSC, charset and reset done."
    )


def test_unterminated_string_sequence_stops_at_the_end_of_its_line():
    assert clean("Before \x1b]0;no terminator\nThe next line stays.") == "Before\nThe next line stays."


def test_control_characters_go_but_tabs_and_newlines_stay():
    assert clean("One\x00 two\x07 three\x08\tfour\x7f.\nNext\x0bline.") == "One two three\tfour.\nNext\nline."


def test_bidi_overrides_and_isolates_are_removed():
    text = "Pay \u202eecnalab\u202c the \u2066isolated\u2069 \u202aembedded\u202c bill."
    assert clean(text) == "Pay ecnalab the isolated embedded bill."


def test_markup_like_text_stays_literal():
    text = "The [bold]headline[/bold] and [link=http://x]click[/link] and <b>tags</b> stay."
    assert clean(text) == text


def test_crlf_and_cr_become_lf_and_paragraph_breaks_are_single_newlines():
    assert clean("First para.\r\n\r\nSecond para.\rThird para.\r\n") == "First para.\nSecond para.\nThird para."


def test_nfc_composes_without_compatibility_folding():
    decomposed = "Cafe\u0301 costs \u00bd of 5 km\u00b2 \ufb01nes\u2122."
    out = clean(decomposed)
    assert out == unicodedata.normalize("NFC", decomposed)
    assert "Café" in out and "km²" in out and "½" in out and "ﬁ" in out and "™" in out


def test_odd_spaces_become_plain_and_runs_collapse():
    assert clean("A\u00a0no-break\u2009thin   many  spaces.") == "A no-break thin many spaces."


def test_seed_style_boilerplate_is_removed_and_the_glued_quote_kept():
    text = (
        "Kyiv said the talks went well.\n"
        "Impact Shorts\n"
        "More Shorts“Today our teams began working,” the president said.\n"
        "“There is movement,” he added.\n"
        "With inputs from agencies\n"
        ")"
    )
    assert clean(text) == (
        "Kyiv said the talks went well.\n"
        "“Today our teams began working,” the president said.\n"
        "“There is movement,” he added."
    )


def test_a_closing_bracket_glued_to_the_next_article_is_dropped():
    assert clean(")Ukrainian officials met on Tuesday.") == "Ukrainian officials met on Tuesday."
    assert clean(") and then it went on.") == ") and then it went on."


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Read more", "Read more: Why the talks stalled", "Also read | Ten things",
    "Subscribe to our newsletter", "Sign up for our daily briefing", "Share this article", "Follow us on Telegram",
    "Share on Facebook", "Published: March 5, 2025 10:15 IST", "Updated 2025-03-05 10:00", "© 2025 Example Media",
    "All rights reserved.", "***", "—", "Story continues below advertisement", "With inputs from PTI",
    "Click here to read the full report",
])
def test_general_boilerplate_lines(line):
    assert clean(f"The minister spoke on Tuesday.\n{line}\nShe left at noon.") == (
        "The minister spoke on Tuesday.\nShe left at noon."
    )


@pytest.mark.parametrize("sentence", [
    "Advertisement revenue rose 5% in the quarter.",
    "Read more books, the minister told pupils.",
    "Subscribers rose to 2 million in March.",
    "Follow-up talks are planned for next week.",
    "Share prices fell on the news.",
    "Updated figures released on 5 March show 3% growth.",
    "Published on Tuesday, the report found growth.",
    "Watch this space, he said.",
    "More Shorts were ordered by the army.",
    "Shorts and T-shirts sold out, the shop said.",
    "Related talks will resume on Monday.",
])
def test_real_sentences_that_start_like_boilerplate_are_kept(sentence):
    assert clean(f"{sentence}\nAnother sentence.") == f"{sentence}\nAnother sentence."


def test_user_patterns_remove_whole_lines_only():
    rules = Boilerplate([r"(?i)brought to you by .*", r"STATIC LINE"])
    text = "Brought to you by Acme\nReal text mentions STATIC LINE inside.\nSTATIC LINE"
    assert clean(text, rules) == "Real text mentions STATIC LINE inside."


def test_builtin_rules_can_be_turned_off():
    rules = Boilerplate(builtin=False)
    assert clean("Advertisement\nText.", rules) == "Advertisement\nText."


def test_a_bad_user_pattern_is_reported_not_raised():
    rules = Boilerplate(["(unclosed"])
    assert rules.errors and "(unclosed" in rules.errors[0]
    assert clean("Text stays.", rules) == "Text stays."


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "The committee met on Tuesday to discuss the budget and the\n"
        "new plan for the river crossing, which has been delayed for\n"
        "years.\n\n"
        "Members agreed to vote on it next month, officials said after\n"
        "the meeting.\n"
    )
    assert clean(text) == (
        "The committee met on Tuesday to discuss the budget and the new plan for the river crossing, "
        "which has been delayed for years.\n"
        "Members agreed to vote on it next month, officials said after the meeting."
    )


def test_one_paragraph_per_line_is_kept_as_is():
    text = "First paragraph ends here.\nSecond one too.\n“A quote,” she said.\n"
    assert clean(text) == "First paragraph ends here.\nSecond one too.\n“A quote,” she said."


def test_clean_inline_makes_one_line():
    assert clean_inline("  A\x1b[1m title\n with\tbreaks ") == "A title with breaks"
