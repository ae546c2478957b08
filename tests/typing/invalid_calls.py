"""Calls the type checkers must reject: every line marked `# invalid` must be flagged.

Checked by tests/test_type_checking.py, never run.
"""

from __future__ import annotations

from turbopuffer_client import Turbopuffer
from turbopuffer_client.types import Filter, RankBy


def exercise(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    ns.query(filters=("id", "Bogus", 1))  # invalid
    ns.query(rank_by=("vector", "ANN", "not-a-vector"))  # invalid
    ns.write(distance_metric="manhattan")  # invalid
    ns.copy_from()  # invalid
    ns.query(top_k="ten")  # invalid
    ns.query(filters=("And", [("id", "Eq")]))  # invalid
    ns.write(upsert_rows={"id": 1})  # invalid
    ns.update_metadata(pinning={"replicas": "two"})  # invalid
    ns.write(encryption={"mode": "customer-managed"})  # invalid
    ns.query(aggregate_by={"count": ("Average", "n")})  # invalid
    ns.multi_query(queries=[{"top_k": 1}], rerank_by=("RRF", {"k": 60}))  # invalid
    bad_filter: Filter = ("Not", "title")  # invalid
    bad_rank: RankBy = ("Sum", ("title", "BM25", "fox"))  # invalid
    ns.query(consistency={"level": "immediate"})  # invalid
    ns.unknown_method()  # invalid
    del bad_filter, bad_rank
