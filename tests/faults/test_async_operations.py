"""copy_from as an asynchronous operation: polling, error results, hostile Locations, deadlines."""

from __future__ import annotations

import time

import pytest
from turbopuffer_client import (
    APITimeoutError,
    AsyncOperationError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer.pytest_plugin import FakeTurbopufferFactory

from .conftest import API_KEY, MakeClient, count_requests

COPY_PATH = "/v2/namespaces/dest?stainless_overload=copyFrom"
POLL_PREFIX = "/v1/namespaces/dest/operations/"
ACCEPTED_HEADERS = {"Preference-Applied": "respond-async"}
TIMESTAMP = "2026-01-01T00:00:00.000Z"


def seed_source(make_client: MakeClient) -> None:
    make_client().namespace("src").write(upsert_rows=[{"id": 1, "a": "x"}, {"id": 2, "a": "y"}])


def poll_count(server: FakeTurbopuffer) -> int:
    return sum(1 for request in server.requests if request.path.startswith(POLL_PREFIX))


def finished_with_error(status_code: int, message: str) -> dict[str, object]:
    return {
        "status": "finished",
        "start_time": TIMESTAMP,
        "finish_time": TIMESTAMP,
        "result": {
            "error": {"status_code": status_code, "detail": {"status": "error", "error": message}}
        },
    }


def test_finishes_after_several_polls(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed_source(make_client)
    server.copy_polls_until_finished = 3
    tpuf = make_client()

    result = tpuf.namespace("dest").copy_from(source_namespace="src")

    assert result.status == "OK"
    assert result.rows_affected == 2
    assert poll_count(server) == 4
    assert server.documents("dest") == server.documents("src")
    copy_requests = [request for request in server.requests if request.path == COPY_PATH]
    assert [request.headers["prefer"] for request in copy_requests] == ["respond-async"]


def test_missing_source_raises_mapped_error(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    server.copy_polls_until_finished = 1
    tpuf = make_client()

    with pytest.raises(NotFoundError) as caught:
        tpuf.namespace("dest").copy_from(source_namespace="missing")

    assert caught.value.status_code == 404
    assert caught.value.message == "source namespace 'missing' not found"
    assert poll_count(server) == 2


@pytest.mark.parametrize(
    ("status_code", "error_class"),
    [(409, ConflictError), (429, RateLimitError), (500, InternalServerError)],
)
def test_error_result_raises_mapped_error_once(
    make_client: MakeClient,
    server: FakeTurbopuffer,
    status_code: int,
    error_class: type[Exception],
) -> None:
    seed_source(make_client)
    server.copy_polls_until_finished = 1
    server.inject(
        "GET", POLL_PREFIX, status=200, body=finished_with_error(status_code, "copy failed")
    )
    tpuf = make_client()

    with pytest.raises(error_class) as caught:
        tpuf.namespace("dest").copy_from(source_namespace="src")

    assert caught.value.status_code == status_code  # type: ignore[attr-defined]
    assert caught.value.message == "copy failed"  # type: ignore[attr-defined]
    # A finished operation is final: neither the poll nor the copy is repeated.
    assert poll_count(server) == 1
    assert count_requests(server, "POST", COPY_PATH) == 1


@pytest.mark.parametrize("other_host", ["other-port", "localhost"])
def test_location_on_other_origin_is_refused(
    make_client: MakeClient,
    server: FakeTurbopuffer,
    fake_turbopuffer_factory: FakeTurbopufferFactory,
    other_host: str,
) -> None:
    other = fake_turbopuffer_factory(api_key=API_KEY)
    if other_host == "localhost":
        # Same address and port, but another host name is another origin.
        foreign_base = server.base_url.replace("127.0.0.1", "localhost")
    else:
        foreign_base = other.base_url
    foreign_location = f"{foreign_base}/v1/namespaces/dest/operations/abc"
    server.inject(
        "POST",
        COPY_PATH,
        status=202,
        headers={**ACCEPTED_HEADERS, "Location": foreign_location},
        body={"token": "abc"},
    )
    tpuf = make_client()

    with pytest.raises(AsyncOperationError) as caught:
        tpuf.namespace("dest").copy_from(source_namespace="src")

    assert "another origin" in caught.value.message
    assert foreign_location in caught.value.message
    assert API_KEY not in caught.value.message
    assert other.requests == []
    assert poll_count(server) == 0


def test_missing_location_raises(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject("POST", COPY_PATH, status=202, headers=ACCEPTED_HEADERS, body={"token": "abc"})
    tpuf = make_client()

    with pytest.raises(AsyncOperationError) as caught:
        tpuf.namespace("dest").copy_from(source_namespace="src")

    assert "no Location header" in caught.value.message
    assert poll_count(server) == 0


@pytest.mark.parametrize("status", [429, 500])
def test_failed_polls_are_retried(
    make_client: MakeClient, server: FakeTurbopuffer, status: int
) -> None:
    seed_source(make_client)
    server.copy_polls_until_finished = 1
    server.inject("GET", POLL_PREFIX, status=status, headers={"Retry-After": "0"}, times=2)
    tpuf = make_client(max_retries=2)

    result = tpuf.namespace("dest").copy_from(source_namespace="src")

    assert result.rows_affected == 2
    # Two failed polls, one "running" and one "finished".
    assert poll_count(server) == 4
    assert count_requests(server, "POST", COPY_PATH) == 1


def test_poll_failing_past_retries_raises(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed_source(make_client)
    server.inject("GET", POLL_PREFIX, status=429, headers={"Retry-After": "0"}, times=10)
    tpuf = make_client(max_retries=2)

    with pytest.raises(RateLimitError) as caught:
        tpuf.namespace("dest").copy_from(source_namespace="src")

    assert caught.value.status_code == 429
    assert poll_count(server) == 3


def test_endless_operation_times_out(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed_source(make_client)
    server.copy_polls_until_finished = None
    tpuf = make_client()
    timeout = 0.8

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        tpuf.namespace("dest").copy_from(source_namespace="src", timeout=timeout)
    elapsed = time.monotonic() - started

    assert timeout - 0.05 <= elapsed < timeout + 0.4
    assert "asynchronous operation" in caught.value.message
    assert poll_count(server) >= 3
    assert "dest" not in server.namespace_names()


def test_endless_operation_uses_client_timeout(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    seed_source(make_client)
    server.copy_polls_until_finished = None
    tpuf = make_client(timeout=0.5)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        tpuf.namespace("dest").copy_from(source_namespace="src")
    elapsed = time.monotonic() - started

    assert 0.45 <= elapsed < 0.9


def test_202_without_preference_is_normal(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    write_result = {
        "status": "OK",
        "message": "copy accepted",
        "rows_affected": 0,
        "billing": {"billable_logical_bytes_written": 0},
    }
    server.inject(
        "POST",
        COPY_PATH,
        status=202,
        headers={"Location": "/v1/namespaces/dest/operations/abc"},
        body=write_result,
    )
    tpuf = make_client()

    result = tpuf.namespace("dest").copy_from(source_namespace="src")

    assert result.message == "copy accepted"
    assert result.rows_affected == 0
    assert poll_count(server) == 0
