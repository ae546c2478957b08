"""Slow responses: client and per-call timeouts bound each attempt, measured by the clock."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from turbopuffer_client import APITimeoutError

from tests.fake_turbopuffer import FakeTurbopuffer

from .conftest import BlockingClient, MakeClient, count_requests, timed

QUERY_PATH = "/v2/namespaces/docs/query"
# The server sleeps this long before a delayed response, far beyond every timeout here.
SLOW_RESPONSE_SECONDS = 2.0
TIMEOUT = 0.3
# Allowed lateness of a timeout: thread scheduling, connection setup and the error path.
MARGIN = 0.4


def seed(make_client: MakeClient) -> None:
    make_client().namespace("docs").write(upsert_rows=[{"id": 1}, {"id": 2}])


def query(tpuf: BlockingClient, **options: Any) -> Any:
    return tpuf.namespace("docs").query(rank_by=("id", "asc"), top_k=5, **options)


def test_client_timeout_holds(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed(make_client)
    server.inject("POST", QUERY_PATH, delay=SLOW_RESPONSE_SECONDS)
    tpuf = make_client(timeout=TIMEOUT, max_retries=0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        query(tpuf)
    elapsed = time.monotonic() - started

    assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + MARGIN
    assert "timed out" in caught.value.message
    assert "/v2/namespaces/docs/query" in caught.value.message


def test_call_timeout_overrides_client(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed(make_client)
    server.inject("POST", QUERY_PATH, delay=SLOW_RESPONSE_SECONDS)
    tpuf = make_client(timeout=30.0, max_retries=0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        query(tpuf, timeout=TIMEOUT)
    elapsed = time.monotonic() - started

    assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + MARGIN


def test_call_timeout_object_bounds_read(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed(make_client)
    server.inject("POST", QUERY_PATH, delay=SLOW_RESPONSE_SECONDS)
    tpuf = make_client(timeout=30.0, max_retries=0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        query(tpuf, timeout=httpx.Timeout(5.0, read=TIMEOUT))
    elapsed = time.monotonic() - started

    assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + MARGIN


def test_timed_out_attempt_is_retried(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed(make_client)
    server.inject("POST", QUERY_PATH, delay=SLOW_RESPONSE_SECONDS)
    tpuf = make_client(timeout=TIMEOUT, max_retries=1)

    result, elapsed = timed(lambda: query(tpuf))

    assert [row.id for row in result.rows] == [1, 2]
    assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + MARGIN
    assert count_requests(server, "POST", QUERY_PATH) == 2


def test_each_retry_gets_the_timeout(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    seed(make_client)
    server.inject("POST", QUERY_PATH, delay=SLOW_RESPONSE_SECONDS, times=3)
    tpuf = make_client(timeout=TIMEOUT, max_retries=2)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        query(tpuf)
    elapsed = time.monotonic() - started

    # Three attempts of TIMEOUT each, with two backoff waits of at most 50 ms between them.
    assert 3 * TIMEOUT - 0.05 <= elapsed < 3 * TIMEOUT + 0.1 + MARGIN
    assert count_requests(server, "POST", QUERY_PATH) == 3


def test_slow_response_within_timeout_succeeds(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    seed(make_client)
    server.inject("POST", QUERY_PATH, delay=0.2)
    tpuf = make_client(timeout=2.0, max_retries=0)

    result, elapsed = timed(lambda: query(tpuf))

    assert [row.id for row in result.rows] == [1, 2]
    assert 0.2 <= elapsed < 2.0
