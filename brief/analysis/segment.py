"""Sentence and paragraph splitting (stub)."""

from __future__ import annotations

import re

from brief.models import Sentence

_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for p_index, para in enumerate(text.split("\n")):
        start = offset
        pos = 0
        for piece in _END.split(para):
            i = para.find(piece, pos)
            if piece.strip():
                sentences.append(Sentence(start=start + i, end=start + i + len(piece), text=piece, paragraph=p_index))
            pos = i + len(piece)
        offset += len(para) + 1
    return sentences
