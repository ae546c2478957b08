"""429 and 503 responses with Retry-After: the delay the server requests, caps and attempt counts."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest
from turbopuffer_client import InternalServerError, RateLimitError

from tests.fake_turbopuffer import FakeTurbopuffer

from .conftest import MakeClient, count_requests, timed

ROWS = [{"id": 1, "title": "a"}, {"id": 2, "title": "b"}]
WRITE_PATH = "/v2/namespaces/docs"


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds_is_honoured(
    make_client: MakeClient, server: FakeTurbopuffer, status: int
) -> None:
    server.inject("POST", WRITE_PATH, status=status, headers={"Retry-After": "1"})
    tpuf = make_client(max_retries=2)

    result, elapsed = timed(lambda: tpuf.namespace("docs").write(upsert_rows=ROWS))

    assert result.rows_affected == 2
    assert 0.95 <= elapsed < 1.6
    assert count_requests(server, "POST", WRITE_PATH) == 2


def test_retry_after_http_date_is_honoured(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    # An HTTP date has whole seconds, so two seconds ahead means a wait of 1 to 2 s.
    retry_at = formatdate(time.time() + 2, usegmt=True)
    server.inject("POST", WRITE_PATH, status=503, headers={"Retry-After": retry_at})
    tpuf = make_client(max_retries=2)

    result, elapsed = timed(lambda: tpuf.namespace("docs").write(upsert_rows=ROWS))

    assert result.rows_affected == 2
    assert 0.95 <= elapsed < 2.6
    assert count_requests(server, "POST", WRITE_PATH) == 2


@pytest.mark.parametrize(
    "retry_after",
    ["999999", "86400", formatdate(time.time() + 86400, usegmt=True)],
    ids=["huge-seconds", "one-day", "date-tomorrow"],
)
@pytest.mark.parametrize("status", [429, 503])
def test_huge_retry_after_uses_backoff(
    make_client: MakeClient, server: FakeTurbopuffer, status: int, retry_after: str
) -> None:
    server.inject("POST", WRITE_PATH, status=status, headers={"Retry-After": retry_after})
    tpuf = make_client(max_retries=2)

    result, elapsed = timed(lambda: tpuf.namespace("docs").write(upsert_rows=ROWS))

    assert result.rows_affected == 2
    assert elapsed < 0.5
    assert count_requests(server, "POST", WRITE_PATH) == 2


@pytest.mark.parametrize("max_retries", [1, 3])
def test_attempts_stop_at_max_retries(
    make_client: MakeClient, server: FakeTurbopuffer, max_retries: int
) -> None:
    server.inject(
        "POST",
        WRITE_PATH,
        status=429,
        headers={"Retry-After": "0"},
        body={"status": "error", "error": "write rate limit exceeded for namespace docs"},
        times=10,
    )
    tpuf = make_client(max_retries=max_retries)

    with pytest.raises(RateLimitError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert count_requests(server, "POST", WRITE_PATH) == max_retries + 1
    assert caught.value.status_code == 429
    assert caught.value.message == "write rate limit exceeded for namespace docs"
    assert str(caught.value) == (
        "429 Too Many Requests: write rate limit exceeded for namespace docs"
    )
    assert server.write_count("docs") == 0


def test_last_503_raises_internal_server_error(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    server.inject(
        "POST", "/v2/namespaces/docs/query", status=503, headers={"Retry-After": "0"}, times=10
    )
    tpuf = make_client(max_retries=2)

    with pytest.raises(InternalServerError) as caught:
        tpuf.namespace("docs").query(rank_by=("id", "asc"), top_k=1)

    assert caught.value.status_code == 503
    assert caught.value.message == "injected fault: HTTP 503"
    assert count_requests(server, "POST", "/v2/namespaces/docs/query") == 3


@pytest.mark.parametrize("status", [429, 503])
def test_max_retries_zero_raises_at_once(
    make_client: MakeClient, server: FakeTurbopuffer, status: int
) -> None:
    server.inject("POST", WRITE_PATH, status=status, headers={"Retry-After": "30"})
    tpuf = make_client(max_retries=0)

    started = time.monotonic()
    with pytest.raises((RateLimitError, InternalServerError)) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)
    elapsed = time.monotonic() - started

    assert caught.value.status_code == status
    assert elapsed < 0.5
    assert count_requests(server, "POST", WRITE_PATH) == 1
