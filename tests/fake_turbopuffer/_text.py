"""Tokenizing and BM25 scoring for full-text ranking and token filters.

The tokenizer lowercases and splits on runs of word characters. It has no
stemming and no stop words, so scores differ from the real API, but the order of
clearly better and worse matches is the same.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ._store import Document, Id

_WORD = re.compile(r"\w+")

# The defaults the spec gives for the k1 and b options of FullTextSearchConfig.
DEFAULT_K1 = 1.2
DEFAULT_B = 0.75


def tokenize(value: Any) -> list[str]:
    """Return the tokens of a string or of every string in a list, and none for other values."""
    if isinstance(value, str):
        return _WORD.findall(value.lower())
    if isinstance(value, list):
        return [token for item in value if isinstance(item, str) for token in tokenize(item)]
    return []


def query_tokens(query: str | Sequence[str]) -> list[str]:
    """Tokenize a query given as one string or as a list of tokens."""
    if isinstance(query, str):
        return tokenize(query)
    return [token for item in query for token in tokenize(item)]


def token_matches(token: str, candidates: Iterable[str], *, as_prefix: bool) -> bool:
    if as_prefix:
        return any(candidate.startswith(token) for candidate in candidates)
    return token in candidates


class Bm25Index:
    """Term statistics of one attribute over all documents of a namespace."""

    def __init__(self, documents: Iterable[Document], attribute: str) -> None:
        self._counts: dict[Id, Counter[str]] = {}
        for document in documents:
            tokens = tokenize(document.get(attribute))
            if tokens:
                self._counts[document["id"]] = Counter(tokens)
        total_length = sum(sum(counts.values()) for counts in self._counts.values())
        self._average_length = total_length / len(self._counts) if self._counts else 0.0

    def score(
        self, document_id: Id, tokens: Sequence[str], *, last_as_prefix: bool = False
    ) -> float:
        """Return the BM25 score of one document for the query tokens, or 0.0 when none match."""
        counts = self._counts.get(document_id)
        if counts is None:
            return 0.0

        length = sum(counts.values())
        total = 0.0
        for position, token in enumerate(tokens):
            as_prefix = last_as_prefix and position == len(tokens) - 1
            frequency = self._frequency(counts, token, as_prefix=as_prefix)
            if frequency == 0:
                continue
            normalized = 1 - DEFAULT_B + DEFAULT_B * length / self._average_length
            saturation = frequency * (DEFAULT_K1 + 1) / (frequency + DEFAULT_K1 * normalized)
            total += self._inverse_document_frequency(token, as_prefix=as_prefix) * saturation
        return total

    def _frequency(self, counts: Counter[str], token: str, *, as_prefix: bool) -> int:
        if as_prefix:
            return sum(count for term, count in counts.items() if term.startswith(token))
        return counts.get(token, 0)

    def _inverse_document_frequency(self, token: str, *, as_prefix: bool) -> float:
        containing = sum(
            1
            for counts in self._counts.values()
            if token_matches(token, counts, as_prefix=as_prefix)
        )
        total = len(self._counts)
        return math.log(1 + (total - containing + 0.5) / (containing + 0.5))
