"""Actors and their mentions within one article (stub)."""

from __future__ import annotations

from dataclasses import dataclass, field

from brief.models import LocalActor, Mention, Sentence


@dataclass
class ActorExtraction:
    actors: list[LocalActor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


class ActorExtractor:
    def extract(self, text: str, sentences: list[Sentence]) -> ActorExtraction:
        return ActorExtraction()
