"""Writes whose response is lost after the server applied them: retried, with nothing lost or doubled.

turbopuffer writes address documents by id, so applying the same write twice leaves
the same documents as applying it once. The fake server counts both the writes it
applied and the documents it holds, which shows the retry happened and changed nothing.
"""

from __future__ import annotations

import pytest
from turbopuffer_client import APIConnectionError, NotFoundError

from tests.fake_turbopuffer import FakeTurbopuffer

from .conftest import MakeClient, count_requests

WRITE_PATH = "/v2/namespaces/docs"
ROWS = [
    {"id": 1, "title": "alpha", "n": 1},
    {"id": 2, "title": "beta", "n": 2},
    {"id": "doc-3", "title": "gamma", "n": 3},
]


@pytest.mark.parametrize("drops", [1, 2])
def test_upsert_drop_is_retried(
    make_client: MakeClient, server: FakeTurbopuffer, drops: int
) -> None:
    server.inject("POST", WRITE_PATH, after_apply="drop", times=drops)
    tpuf = make_client(max_retries=2)

    result = tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert result.rows_affected == 3
    assert server.documents("docs") == ROWS
    assert server.document_count("docs") == 3
    assert server.write_count("docs") == drops + 1
    assert count_requests(server, "POST", WRITE_PATH) == drops + 1


def test_upsert_over_rows_is_retried(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    tpuf = make_client(max_retries=2)
    tpuf.namespace("docs").write(upsert_rows=ROWS)
    server.inject("POST", WRITE_PATH, after_apply="drop")
    update = [{"id": 2, "title": "beta v2", "n": 20}, {"id": 4, "title": "delta", "n": 4}]

    tpuf.namespace("docs").write(upsert_rows=update)

    assert server.documents("docs") == [ROWS[0], update[0], update[1], ROWS[2]]
    assert server.document_count("docs") == 4
    assert server.write_count("docs") == 3


def test_columnar_upsert_drop_is_retried(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject("POST", WRITE_PATH, after_apply="drop")
    tpuf = make_client(max_retries=2)

    tpuf.namespace("docs").write(
        upsert_columns={"id": [1, 2, "doc-3"], "title": ["alpha", "beta", "gamma"], "n": [1, 2, 3]}
    )

    assert server.documents("docs") == ROWS
    assert server.write_count("docs") == 2


def test_patch_and_delete_drop_is_retried(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    tpuf = make_client(max_retries=2)
    tpuf.namespace("docs").write(upsert_rows=ROWS)
    server.inject("POST", WRITE_PATH, after_apply="drop")

    tpuf.namespace("docs").write(patch_rows=[{"id": 1, "title": "alpha v2"}], deletes=[2])

    assert server.documents("docs") == [{"id": 1, "title": "alpha v2", "n": 1}, ROWS[2]]
    assert server.write_count("docs") == 3


def test_write_without_retries_can_be_resent(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    server.inject("POST", WRITE_PATH, after_apply="drop")
    tpuf = make_client(max_retries=0)

    # The server applied the write, but the client cannot know: the outcome is unknown.
    with pytest.raises(APIConnectionError):
        tpuf.namespace("docs").write(upsert_rows=ROWS)
    applied_before_resend = server.documents("docs")
    tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert applied_before_resend == ROWS
    assert server.documents("docs") == ROWS
    assert server.write_count("docs") == 2


def test_delete_all_retry_raises_not_found(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    tpuf = make_client(max_retries=2)
    tpuf.namespace("docs").write(upsert_rows=ROWS)
    server.inject("DELETE", WRITE_PATH, after_apply="drop")

    # The first attempt deleted the namespace, so the retry finds nothing to delete.
    with pytest.raises(NotFoundError):
        tpuf.namespace("docs").delete_all()

    assert "docs" not in server.namespace_names()
    assert count_requests(server, "DELETE", WRITE_PATH) == 2
