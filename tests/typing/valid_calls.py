"""Calls that mypy and pyright must both accept; checked by tests/test_type_checking.py."""

from __future__ import annotations

from turbopuffer_client import Turbopuffer
from turbopuffer_client.types import Filter, FilterAnd, RankBy


def exercise(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    ns.write(
        upsert_rows=[{"id": 1, "vector": [0.1, 0.2], "title": "a"}],
        distance_metric="cosine_distance",
        schema={"title": {"type": "string", "full_text_search": True}},
        patch_by_filter={"filters": ("title", "Eq", "a"), "patch": {"title": "b"}},
        encryption={"mode": "customer-managed", "key_name": "k"},
    )
    ns.write(copy_from_namespace="src", deletes=[1, "two"])
    ns.query(filters=("Not", ("title", "Eq", "gamma")), rank_by=("text", "BM25", "quick fox"))
    ns.query(rank_by=("vector", "ANN", [0.1, 0.2]), include_attributes=["title"])
    ns.query(rank_by=("vector", "kNN", [0.1, 0.2]), filters=("tags", "ContainsAny", ["a"]))
    ns.query(rank_by=[("n", "asc"), ("m", "desc")], include_attributes=True)
    ns.query(aggregate_by={"count": ("Count",), "total": ("Sum", "n")}, group_by=["category"])
    ns.query(
        rank_by=("title", "BM25", "fox"),
        compute_attributes={"hl": ("Highlight", "title")},
        limit={"total": 10, "per": {"attributes": ["category"], "limit": 2}},
        consistency={"level": "eventual"},
        vector_encoding="base64",
    )
    ns.multi_query(
        queries=[{"rank_by": ("vector", "ANN", [0.1]), "top_k": 5}, {"top_k": 1}],
        rerank_by=("RRF",),
    )
    ns.update_metadata(pinning=None)
    ns.update_metadata(pinning={"replicas": 2}, read_only=False)
    ns.update_schema(schema={"embedding": {"type": "[3]f32", "embed": None}})
    ns.copy_from(source_namespace="src", dest_encryption={"mode": "default"}, timeout=60.0)
    ns.poll_copy_from("token")

    parts: list[Filter] = [("n", "Gte", 2), ("Not", ("title", "Eq", "gamma"))]
    both: FilterAnd = ("And", parts)
    ns.query(filters=both)
    ranking: RankBy = ("Product", 2.0, ("title", "BM25", "fox"))
    ns.query(filters=("title", "Glob", "x*"), rank_by=ranking)
    for summary in tpuf.namespaces(prefix="do", page_size=10):
        summary.id.upper()
