"""Models given the same fields share one set of their names, and each still reports its own."""

from __future__ import annotations

import pickle

from brief.models import Quote, SummarySentence


def _quote(id_: str) -> Quote:
    return Quote(id=id_, text="We will build it.", article_id="a1", start=0, end=17)


def test_instances_given_the_same_fields_share_their_names():
    first, second = _quote("q1"), _quote("q2")
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == {"id", "text", "article_id", "start", "end"}
    validated = Quote.model_validate_json(first.model_dump_json())
    assert validated.model_fields_set == set(Quote.model_fields)


def test_setting_a_field_changes_only_that_instances_names():
    first, second = _quote("q1"), _quote("q2")
    first.group_id = "g1"
    assert "group_id" in first.model_fields_set
    assert "group_id" not in second.model_fields_set
    assert second.model_dump(exclude_unset=True) == {"id": "q2", "text": "We will build it.",
                                                      "article_id": "a1", "start": 0, "end": 17}
    second.start = 3  # a field already given: nothing to copy, still shared
    assert second.model_fields_set is _quote("q3").model_fields_set


def test_copies_and_pickles_keep_their_own_names():
    first = _quote("q1")
    copied = first.model_copy(update={"cue": "said"})
    assert "cue" in copied.model_fields_set and "cue" not in first.model_fields_set
    restored = pickle.loads(pickle.dumps(first))
    assert restored == first and restored.model_fields_set == first.model_fields_set
    restored.channel = "on X"
    assert "channel" not in first.model_fields_set


def test_nested_models_share_too():
    a = SummarySentence(text="One.", article_id="a1", start=0, end=4)
    b = SummarySentence.model_validate({"text": "Two.", "article_id": "a2", "start": 5, "end": 9})
    assert a.model_fields_set is b.model_fields_set
