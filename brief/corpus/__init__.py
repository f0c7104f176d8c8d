"""Reading a corpus: files -> decoded, cleaned `Article`s, with a warning for every bad file."""

from brief.corpus.loader import LoadResult, load_corpus

__all__ = ["LoadResult", "load_corpus"]
