"""End-to-end tests of the generated synchronous client against the fake server."""

from __future__ import annotations

import pytest
from turbopuffer_client import NotFoundError, Turbopuffer
from turbopuffer_client.types import (
    CopyFromNamespaceOperationFinished,
    CopyFromNamespaceOperationRunning,
    NamespaceMetadata,
    QueryResult,
    WriteResult,
)

from tests.fake_turbopuffer import FakeTurbopuffer

API_KEY = "test-key"


@pytest.fixture
def tpuf(fake_turbopuffer: FakeTurbopuffer) -> Turbopuffer:
    client = Turbopuffer(api_key=API_KEY, base_url=fake_turbopuffer.base_url, max_retries=0)
    yield client
    client.close()


def seed(tpuf: Turbopuffer, name: str = "docs") -> None:
    tpuf.namespace(name).write(
        upsert_rows=[
            {"id": 1, "vector": [0.1, 0.2], "title": "alpha beta", "n": 1},
            {"id": 2, "vector": [0.9, 0.1], "title": "beta gamma", "n": 2},
            {"id": 3, "vector": [0.2, 0.3], "title": "gamma", "n": 3},
        ],
        distance_metric="cosine_distance",
    )


def test_readme_example_runs(tpuf: Turbopuffer) -> None:
    ns = tpuf.namespace("docs")
    written = ns.write(
        upsert_rows=[{"id": 1, "vector": [0.1, 0.2], "title": "a"}],
        distance_metric="cosine_distance",
    )
    result = ns.query(rank_by=("vector", "ANN", [0.1, 0.2]), top_k=10, include_attributes=["title"])
    tpuf.namespace("src").write(upsert_rows=[{"id": 7, "vector": [0.5, 0.5]}])
    copied = ns.copy_from(source_namespace="src", timeout=30 * 60)
    names = [summary.id for summary in tpuf.namespaces(prefix="do")]

    assert isinstance(written, WriteResult)
    assert written.rows_affected == 1
    assert isinstance(result, QueryResult)
    assert result.rows is not None
    assert result.rows[0]["title"] == "a"
    assert isinstance(copied, WriteResult)
    assert names == ["docs"]


def test_write_sends_rows_and_returns_counts(
    tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").write(deletes=[3], return_affected_ids=True)

    assert result.status == "OK"
    assert result.deleted_ids == [3]
    assert sorted(doc["id"] for doc in fake_turbopuffer.documents("docs")) == [1, 2]


def test_write_omits_parameters_not_given(
    tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    tpuf.namespace("docs").write(upsert_rows=[{"id": 1, "title": "a"}])

    body = fake_turbopuffer.requests[-1].body
    assert body == {"upsert_rows": [{"id": 1, "title": "a"}]}


def test_query_ranks_by_vector(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").query(
        rank_by=("vector", "ANN", [0.1, 0.2]), top_k=2, include_attributes=["title"]
    )

    assert result.rows is not None
    assert [row.id for row in result.rows] == [1, 3]
    assert result.rows[0]["$dist"] == pytest.approx(0.0, abs=1e-6)
    assert result.performance.server_total_ms >= 0


def test_query_filters_nested(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").query(
        filters=("And", [("n", "Gte", 2), ("Not", ("title", "Eq", "gamma"))]),
        rank_by=("n", "asc"),
        top_k=10,
        include_attributes=True,
    )

    assert result.rows is not None
    assert [row.id for row in result.rows] == [2]


def test_query_aggregates(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").query(aggregate_by={"count": ("Count",)})

    assert result.aggregations == {"count": 3}


def test_multi_query_returns_one_result_per_query(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").multi_query(
        queries=[
            {"rank_by": ("vector", "ANN", [0.1, 0.2]), "top_k": 1},
            {"rank_by": ("title", "BM25", "gamma"), "top_k": 2},
        ]
    )

    assert len(result.results) == 2
    assert [row.id for row in result.results[0].rows or []] == [1]


def test_explain_query_returns_plan(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").explain_query(rank_by=("n", "desc"), top_k=1)

    assert result.plan_text


def test_schema_and_update_schema(tpuf: Turbopuffer) -> None:
    seed(tpuf)
    ns = tpuf.namespace("docs")

    updated = ns.update_schema(schema={"title": {"type": "string", "full_text_search": True}})
    schema = ns.schema()

    assert updated["title"].type == "string"
    assert schema["title"].full_text_search is True
    assert schema["n"].type == "int"


def test_metadata_and_update_metadata(tpuf: Turbopuffer) -> None:
    seed(tpuf)
    ns = tpuf.namespace("docs")

    metadata = ns.metadata()
    patched = ns.update_metadata(read_only=True, pinning={"replicas": 2})

    assert isinstance(metadata, NamespaceMetadata)
    assert metadata.approx_row_count == 3
    assert metadata.encryption.mode == "default"
    assert metadata.index.status == "up-to-date"
    assert patched.read_only is True
    assert patched.pinning is not None
    assert patched.pinning.replicas == 2


def test_update_metadata_sends_null_to_remove_pinning(
    tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    seed(tpuf)

    tpuf.namespace("docs").update_metadata(pinning=None)

    assert fake_turbopuffer.requests[-1].body == {"pinning": None}


def test_delete_all_then_not_found(tpuf: Turbopuffer) -> None:
    seed(tpuf)
    ns = tpuf.namespace("docs")

    deleted = ns.delete_all()

    assert deleted.status == "OK"
    with pytest.raises(NotFoundError) as caught:
        ns.metadata()
    assert caught.value.status_code == 404
    assert "docs" in caught.value.message


def test_hint_cache_warm_accepts(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").hint_cache_warm()

    assert result.status == "ACCEPTED"


def test_recall_reports_averages(tpuf: Turbopuffer) -> None:
    seed(tpuf)

    result = tpuf.namespace("docs").recall(num=2, top_k=2, include_ground_truth=True)

    assert 0.0 <= result.avg_recall <= 1.0
    assert result.ground_truth is not None


def test_copy_from_waits_for_async_operation(
    tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    seed(tpuf, "src")
    fake_turbopuffer.copy_polls_until_finished = 3

    result = tpuf.namespace("dest").copy_from(source_namespace="src")

    assert result.status == "OK"
    assert sorted(doc["id"] for doc in fake_turbopuffer.documents("dest")) == [1, 2, 3]
    first = fake_turbopuffer.requests[-5]
    assert first.body == {"copy_from_namespace": {"source_namespace": "src"}}
    assert first.headers.get("prefer") == "respond-async"
    assert "stainless_overload=copyFrom" in first.path


def test_copy_from_missing_source_raises_not_found(tpuf: Turbopuffer) -> None:
    with pytest.raises(NotFoundError):
        tpuf.namespace("dest").copy_from(source_namespace="missing")


def test_branch_from_nests_body(tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer) -> None:
    seed(tpuf, "src")

    result = tpuf.namespace("branch").branch_from(source_namespace="src")

    assert result.status == "OK"
    assert fake_turbopuffer.requests[-1].body == {
        "branch_from_namespace": {"source_namespace": "src"}
    }


def test_start_and_poll_copy_from(tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer) -> None:
    seed(tpuf, "src")
    fake_turbopuffer.copy_polls_until_finished = 1
    ns = tpuf.namespace("dest")

    started = ns.start_copy_from(source_namespace="src")
    first = ns.poll_copy_from(started.token)
    second = ns.poll_copy_from(started.token)

    assert isinstance(first, CopyFromNamespaceOperationRunning)
    assert isinstance(second, CopyFromNamespaceOperationFinished)
    assert second.result.success.rows_affected == 3  # type: ignore[union-attr]


def test_namespaces_follows_cursor(tpuf: Turbopuffer) -> None:
    for index in range(5):
        tpuf.namespace(f"ns-{index}").write(upsert_rows=[{"id": index}])

    names = [summary.id for summary in tpuf.namespaces(page_size=2)]

    assert names == [f"ns-{index}" for index in range(5)]


def test_namespace_name_is_one_path_segment(
    tpuf: Turbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    tpuf.namespace("a/../b?c#d").write(upsert_rows=[{"id": 1}])

    assert fake_turbopuffer.namespace_names() == ["a/../b?c#d"]
