"""Order documents by a `rank_by` expression and compute each row's `$dist`.

Supported: vector search (`ANN` and `kNN` are both exact here), ordering by one
or more attributes, and text expressions built from `BM25`, `Sum`, `Max`,
`Product`, `Attribute` and filters used as boosts. Vector search sorts by
ascending distance. Text search sorts by descending score and drops documents
that score zero, as BM25 matching does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._errors import BadRequest
from ._filters import matches
from ._store import Document, id_sort_key
from ._text import Bm25Index, query_tokens
from ._vectors import decode_vector, distance, is_number

RankedDocument = tuple[Document, float | None]

_ORDERS = ("asc", "desc")
_VECTOR_OPERATORS = ("ANN", "kNN")
_UNSUPPORTED_TEXT_OPERATORS = ("Saturate", "Decay", "Dist")


def rank_documents(
    documents: Sequence[Document],
    rank_by: Any,
    *,
    all_documents: Sequence[Document],
    metric: str,
) -> list[RankedDocument]:
    """Return `documents` in rank order, each with its `$dist` or None.

    `all_documents` supplies the corpus statistics for BM25, which the real
    API computes over the whole namespace rather than over the filtered rows.
    Without `rank_by`, documents are sorted by id.
    """
    if rank_by is None:
        return [(document, None) for document in sorted(documents, key=_by_id)]
    if not isinstance(rank_by, list) or not rank_by:
        raise BadRequest(f"invalid rank_by {rank_by!r}: expected a non-empty list")

    if _is_attribute_order(rank_by):
        return _order_by_attributes(documents, [rank_by])
    if all(_is_attribute_order(item) for item in rank_by):
        return _order_by_attributes(documents, rank_by)
    if len(rank_by) >= 3 and rank_by[1] in _VECTOR_OPERATORS:
        return _order_by_vector(documents, rank_by, metric=metric)
    if len(rank_by) >= 3 and rank_by[1] == "SparseKNN":
        raise BadRequest("rank_by with SparseKNN is not supported by the fake server")
    return _order_by_text_score(documents, rank_by, all_documents=all_documents)


def _by_id(document: Document) -> tuple[int, int | str]:
    return id_sort_key(document["id"])


def _is_attribute_order(expression: Any) -> bool:
    return (
        isinstance(expression, list)
        and len(expression) == 2
        and isinstance(expression[0], str)
        and expression[1] in _ORDERS
    )


def _order_by_attributes(
    documents: Sequence[Document], orders: Sequence[Sequence[str]]
) -> list[RankedDocument]:
    def compare(left: Document, right: Document) -> int:
        for attribute, order in orders:
            result = _compare_values(left.get(attribute), right.get(attribute), order=order)
            if result:
                return result
        return _compare_plain(_by_id(left), _by_id(right))

    ordered = sorted(documents, key=functools.cmp_to_key(compare))
    return [(document, None) for document in ordered]


def _compare_values(left: Any, right: Any, *, order: str) -> int:
    # NOTE: missing values sort last in both directions. The spec does not
    # document where the real API puts them.
    if left is None or right is None:
        return (left is None) - (right is None)
    result = _compare_plain(value_sort_key(left), value_sort_key(right))
    return result if order == "asc" else -result


def value_sort_key(value: Any) -> tuple[int, Any]:
    # Values of different JSON types cannot be compared in Python, so group
    # them by type first: booleans, numbers, strings, then everything else.
    if isinstance(value, bool):
        return (0, value)
    if is_number(value):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, repr(value))


def _compare_plain(left: Any, right: Any) -> int:
    return int(left > right) - int(left < right)


def _order_by_vector(
    documents: Sequence[Document], rank_by: list[Any], *, metric: str
) -> list[RankedDocument]:
    attribute, _, query = rank_by[0], rank_by[1], rank_by[2]
    if isinstance(query, list) and query and all(isinstance(item, list) for item in query):
        raise BadRequest("rank_by with multi-vector queries is not supported by the fake server")
    if not isinstance(query, list | str):
        raise BadRequest(
            "rank_by with an expression as the query vector is not supported by the fake server"
        )
    query_vector = decode_vector(query, where="rank_by query vector")

    scored: list[tuple[float, Document]] = []
    for document in documents:
        stored = document.get(attribute)
        if stored is not None:
            scored.append((distance(metric, stored, query_vector), document))
    scored.sort(key=lambda pair: (pair[0], _by_id(pair[1])))
    return [(document, score) for score, document in scored]


def _order_by_text_score(
    documents: Sequence[Document], rank_by: list[Any], *, all_documents: Sequence[Document]
) -> list[RankedDocument]:
    scorer = _TextScorer(all_documents)
    scored = [(scorer.score(rank_by, document), document) for document in documents]
    matching = [(score, document) for score, document in scored if score > 0]
    matching.sort(key=lambda pair: (-pair[0], _by_id(pair[1])))
    return [(document, score) for score, document in matching]


class _TextScorer:
    """Score documents for one text expression, building each BM25 index once."""

    def __init__(self, all_documents: Sequence[Document]) -> None:
        self._all_documents = all_documents
        self._indexes: dict[str, Bm25Index] = {}

    def score(self, expression: Any, document: Document) -> float:
        if not isinstance(expression, list) or len(expression) < 2:
            raise BadRequest(f"invalid rank_by expression {expression!r}")

        head, argument = expression[0], expression[1]
        if head in ("Sum", "Max") and isinstance(argument, list):
            return self._combine(head, argument, document)
        if head == "Product" and len(expression) == 3:
            return self._product(expression, document)
        if head == "Attribute" and isinstance(argument, str) and len(expression) == 2:
            value = document.get(argument)
            return float(value) if is_number(value) else 0.0
        if head in _UNSUPPORTED_TEXT_OPERATORS:
            raise BadRequest(f"rank_by with {head} is not supported by the fake server")
        if argument == "BM25" and len(expression) >= 3:
            return self._bm25(expression, document)
        # Any other expression is a filter, which adds 1.0 to the score when it matches.
        return 1.0 if matches(expression, document) else 0.0

    def _combine(self, head: str, expressions: list[Any], document: Document) -> float:
        scores = [self.score(item, document) for item in expressions]
        combine: Callable[[list[float]], float] = sum if head == "Sum" else max
        return combine(scores) if scores else 0.0

    def _product(self, expression: list[Any], document: Document) -> float:
        if is_number(expression[1]):
            return float(expression[1]) * self.score(expression[2], document)
        if is_number(expression[2]):
            return float(expression[2]) * self.score(expression[1], document)
        raise BadRequest(
            f"invalid Product expression {expression!r}: one argument must be a number"
        )

    def _bm25(self, expression: list[Any], document: Document) -> float:
        attribute, query = expression[0], expression[2]
        if not isinstance(attribute, str) or not isinstance(query, str | list):
            raise BadRequest(f"invalid BM25 expression {expression!r}")

        params = expression[3] if len(expression) > 3 and isinstance(expression[3], Mapping) else {}
        index = self._indexes.get(attribute)
        if index is None:
            index = Bm25Index(self._all_documents, attribute)
            self._indexes[attribute] = index
        return index.score(
            document["id"],
            query_tokens(query),
            last_as_prefix=bool(params.get("last_as_prefix", False)),
        )
