"""End-to-end tests of the generated asynchronous client against the fake server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from turbopuffer_client import AsyncTurbopuffer, NotFoundError
from turbopuffer_client.types import (
    CopyFromNamespaceOperationFinished,
    CopyFromNamespaceOperationRunning,
    QueryResult,
)

from tests.fake_turbopuffer import FakeTurbopuffer


@pytest.fixture
async def tpuf(fake_turbopuffer: FakeTurbopuffer) -> AsyncIterator[AsyncTurbopuffer]:
    async with AsyncTurbopuffer(
        api_key="test-key", base_url=fake_turbopuffer.base_url, max_retries=0
    ) as client:
        yield client


async def seed(tpuf: AsyncTurbopuffer, name: str = "docs") -> None:
    await tpuf.namespace(name).write(
        upsert_rows=[
            {"id": 1, "vector": [0.1, 0.2], "title": "alpha beta", "n": 1},
            {"id": 2, "vector": [0.9, 0.1], "title": "beta gamma", "n": 2},
            {"id": 3, "vector": [0.2, 0.3], "title": "gamma", "n": 3},
        ],
        distance_metric="cosine_distance",
    )


async def test_write_and_query(tpuf: AsyncTurbopuffer) -> None:
    await seed(tpuf)

    result = await tpuf.namespace("docs").query(
        rank_by=("vector", "ANN", [0.1, 0.2]), top_k=2, include_attributes=["title"]
    )

    assert isinstance(result, QueryResult)
    assert [row.id for row in result.rows or []] == [1, 3]
    assert (result.rows or [])[0]["title"] == "alpha beta"


async def test_multi_query_and_explain(tpuf: AsyncTurbopuffer) -> None:
    await seed(tpuf)
    ns = tpuf.namespace("docs")

    multi = await ns.multi_query(queries=[{"rank_by": ("n", "desc"), "top_k": 1}])
    plan = await ns.explain_query(rank_by=("n", "desc"), top_k=1)

    assert [row.id for row in multi.results[0].rows or []] == [3]
    assert plan.plan_text


async def test_schema_metadata_and_updates(tpuf: AsyncTurbopuffer) -> None:
    await seed(tpuf)
    ns = tpuf.namespace("docs")

    updated = await ns.update_schema(schema={"title": {"type": "string", "filterable": True}})
    schema = await ns.schema()
    metadata = await ns.metadata()
    patched = await ns.update_metadata(read_only=True)

    assert updated["title"].filterable is True
    assert schema["n"].type == "int"
    assert metadata.approx_row_count == 3
    assert patched.read_only is True


async def test_cache_warm_recall_and_delete(tpuf: AsyncTurbopuffer) -> None:
    await seed(tpuf)
    ns = tpuf.namespace("docs")

    warm = await ns.hint_cache_warm()
    recall = await ns.recall(num=1, top_k=1)
    deleted = await ns.delete_all()

    assert warm.status == "ACCEPTED"
    assert recall.avg_recall >= 0.0
    assert deleted.status == "OK"
    with pytest.raises(NotFoundError):
        await ns.metadata()


async def test_copy_from_waits_for_async_operation(
    tpuf: AsyncTurbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    await seed(tpuf, "src")
    fake_turbopuffer.copy_polls_until_finished = 2

    result = await tpuf.namespace("dest").copy_from(source_namespace="src")

    assert result.status == "OK"
    assert sorted(doc["id"] for doc in fake_turbopuffer.documents("dest")) == [1, 2, 3]


async def test_branch_start_and_poll(
    tpuf: AsyncTurbopuffer, fake_turbopuffer: FakeTurbopuffer
) -> None:
    await seed(tpuf, "src")
    fake_turbopuffer.copy_polls_until_finished = 1

    branched = await tpuf.namespace("branch").branch_from(source_namespace="src")
    started = await tpuf.namespace("dest").start_copy_from(source_namespace="src")
    first = await tpuf.namespace("dest").poll_copy_from(started.token)
    second = await tpuf.namespace("dest").poll_copy_from(started.token)

    assert branched.status == "OK"
    assert isinstance(first, CopyFromNamespaceOperationRunning)
    assert isinstance(second, CopyFromNamespaceOperationFinished)


async def test_namespaces_follows_cursor(tpuf: AsyncTurbopuffer) -> None:
    for index in range(5):
        await tpuf.namespace(f"ns-{index}").write(upsert_rows=[{"id": index}])

    names = [summary.id async for summary in tpuf.namespaces(page_size=2)]

    assert names == [f"ns-{index}" for index in range(5)]
