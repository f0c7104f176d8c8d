"""Helpers shared by the actor tests."""

from __future__ import annotations

from brief.analysis.actors import ActorExtractor
from brief.analysis.segment import split_sentences


def extract(text: str):
    return ActorExtractor().extract(text, split_sentences(text))


def by_name(extraction, name: str):
    found = [a for a in extraction.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in extraction.actors]}"
    return found[0]
