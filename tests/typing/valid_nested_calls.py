"""Calls that pyright must accept: lists of query-language tuples nested inside tuples.

NOTE: mypy (2.4) rejects these valid calls. It cannot infer the literal types of a
list of tuples inside a tuple when the expected type is a union with several tuples
of the same length, as `Filter` and `RankBy` are. mypy users can build such filters
step by step with the variant aliases (`FilterAnd`, `RankByTextSum`).
Checked by tests/test_type_checking.py.
"""

from __future__ import annotations

from turbopuffer_client import Turbopuffer
from turbopuffer_client.types import Filter


def exercise(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    ns.write(delete_condition=("Or", [("n", "Lt", 3), ("n", "Gt", 10)]))
    ns.query(
        filters=("And", [("n", "Gte", 2), ("Not", ("title", "Eq", "gamma"))]),
        rank_by=("text", "BM25", "quick fox"),
        top_k=10,
    )
    ns.query(rank_by=("Sum", [("title", "BM25", "fox"), ("body", "BM25", ["quick", "fox"])]))
    ns.multi_query(queries=[{"top_k": 1}], rerank_by=("RRF", {"rank_constant": 60}))
    nested: Filter = ("Not", ("Or", [("a", "In", [1, 2]), ("b", "Glob", "x*")]))
    ns.query(filters=nested)
