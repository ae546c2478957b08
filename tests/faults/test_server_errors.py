"""Server errors, broken connections and broken bodies: what is retried and what is raised."""

from __future__ import annotations

import logging
import socket
from typing import Any

import pytest
from turbopuffer_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)

from tests.fake_turbopuffer import FakeTurbopuffer

from .conftest import MakeClient, count_requests

ROWS = [{"id": 1, "title": "a"}, {"id": 2, "title": "b"}]
WRITE_PATH = "/v2/namespaces/docs"
QUERY_PATH = "/v2/namespaces/docs/query"

NGINX_502_PAGE = """<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
"""


def closed_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on, so connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def retry_log_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.getMessage().startswith("Retrying")
    ]


def test_short_500_burst_succeeds(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject("POST", WRITE_PATH, status=500, times=2)
    tpuf = make_client(max_retries=2)

    result = tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert result.rows_affected == 2
    assert count_requests(server, "POST", WRITE_PATH) == 3
    assert server.write_count("docs") == 1


def test_long_500_burst_raises(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject("POST", WRITE_PATH, status=500, times=5)
    tpuf = make_client(max_retries=2)

    with pytest.raises(InternalServerError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert caught.value.status_code == 500
    assert caught.value.message == "injected fault: HTTP 500"
    assert count_requests(server, "POST", WRITE_PATH) == 3


def test_refused_connection_is_retried(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    port = closed_port()
    tpuf = make_client(base_url=f"http://127.0.0.1:{port}", max_retries=2)
    caplog.set_level(logging.INFO, logger="turbopuffer_client")

    with pytest.raises(APIConnectionError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert not isinstance(caught.value, APITimeoutError)
    assert f"POST http://127.0.0.1:{port}/v2/namespaces/docs" in caught.value.message
    assert "ConnectError" in caught.value.message
    assert len(retry_log_lines(caplog)) == 2


@pytest.mark.parametrize(
    "fault",
    [
        {"drop_connection": True},
        {"reset_connection": True},
        {"truncate_body": True},
    ],
    ids=["dropped", "reset", "truncated-mid-body"],
)
def test_broken_connection_is_retried(
    make_client: MakeClient, server: FakeTurbopuffer, fault: dict[str, Any]
) -> None:
    server.inject("POST", QUERY_PATH, times=2, **fault)
    tpuf = make_client(max_retries=2)
    tpuf.namespace("docs").write(upsert_rows=ROWS)

    result = tpuf.namespace("docs").query(rank_by=("id", "asc"), top_k=5)

    assert [row.id for row in result.rows or []] == [1, 2]
    assert count_requests(server, "POST", QUERY_PATH) == 3


@pytest.mark.parametrize(
    ("fault", "detail"),
    [
        ({"drop_connection": True}, "RemoteProtocolError"),
        ({"reset_connection": True}, "ReadError"),
        ({"truncate_body": True}, "RemoteProtocolError"),
    ],
    ids=["dropped", "reset", "truncated-mid-body"],
)
def test_broken_connection_raises_connection_error(
    make_client: MakeClient, server: FakeTurbopuffer, fault: dict[str, Any], detail: str
) -> None:
    server.inject("POST", QUERY_PATH, times=3, **fault)
    tpuf = make_client(max_retries=2)

    with pytest.raises(APIConnectionError) as caught:
        tpuf.namespace("docs").query(rank_by=("id", "asc"), top_k=5)

    assert not isinstance(caught.value, APITimeoutError)
    assert detail in caught.value.message
    assert "/v2/namespaces/docs/query" in caught.value.message
    assert count_requests(server, "POST", QUERY_PATH) == 3


def test_truncated_json_body_is_validation_error(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    # The HTTP framing is intact, so the body is complete but is not valid JSON.
    server.inject("POST", QUERY_PATH, status=200, body=b'{"rows": [{"id": 1}, {"id"')
    tpuf = make_client(max_retries=2)

    with pytest.raises(APIResponseValidationError) as caught:
        tpuf.namespace("docs").query(rank_by=("id", "asc"), top_k=5)

    assert "Invalid JSON" in caught.value.message
    assert caught.value.status_code == 200
    assert caught.value.body == '{"rows": [{"id": 1}, {"id"'
    assert count_requests(server, "POST", QUERY_PATH) == 1


def test_plain_text_error_is_retried(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject(
        "POST",
        WRITE_PATH,
        status=500,
        headers={"Content-Type": "text/plain"},
        body="upstream request timeout",
        times=3,
    )
    tpuf = make_client(max_retries=2)

    with pytest.raises(InternalServerError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert caught.value.message == "upstream request timeout"
    assert caught.value.body == "upstream request timeout"
    assert str(caught.value) == "500 Internal Server Error: upstream request timeout"
    assert count_requests(server, "POST", WRITE_PATH) == 3


def test_html_502_page_is_retried(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject(
        "POST",
        WRITE_PATH,
        status=502,
        headers={"Content-Type": "text/html"},
        body=NGINX_502_PAGE,
        times=3,
    )
    tpuf = make_client(max_retries=2)

    with pytest.raises(InternalServerError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert caught.value.status_code == 502
    assert caught.value.message == "502 Bad Gateway 502 Bad Gateway nginx"
    assert "<" not in str(caught.value)
    assert count_requests(server, "POST", WRITE_PATH) == 3


def test_html_502_page_then_success(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject(
        "POST",
        WRITE_PATH,
        status=502,
        headers={"Content-Type": "text/html"},
        body=NGINX_502_PAGE,
    )
    tpuf = make_client(max_retries=2)

    result = tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert result.rows_affected == 2
    assert server.write_count("docs") == 1


@pytest.mark.parametrize(
    ("status", "error_class", "attempts"),
    [
        (400, BadRequestError, 1),
        (401, AuthenticationError, 1),
        (403, PermissionDeniedError, 1),
        (404, NotFoundError, 1),
        (422, UnprocessableEntityError, 1),
        (408, APIStatusError, 3),
        (409, ConflictError, 3),
        (504, InternalServerError, 3),
    ],
)
def test_status_maps_to_error_and_retries(
    make_client: MakeClient,
    server: FakeTurbopuffer,
    status: int,
    error_class: type[APIStatusError],
    attempts: int,
) -> None:
    server.inject("POST", WRITE_PATH, status=status, times=5)
    tpuf = make_client(max_retries=2)

    with pytest.raises(error_class) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert caught.value.status_code == status
    assert caught.value.message == f"injected fault: HTTP {status}"
    assert count_requests(server, "POST", WRITE_PATH) == attempts


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (WRITE_PATH, {"status": "OK", "message": "written"}, "rows_affected"),
        (WRITE_PATH, {"status": "DONE", "message": "written", "rows_affected": 1}, "status"),
        (QUERY_PATH, {"rows": "none", "performance": {}, "billing": {}}, "rows"),
        (QUERY_PATH, {"rows": [{"title": "no id"}]}, "rows.0.id"),
        ("/v1/namespaces", {"namespaces": [{"name": "docs"}]}, "namespaces.0.id"),
        ("/v2/namespaces/docs/metadata", [], "(root)"),
    ],
    ids=[
        "missing-field",
        "wrong-literal",
        "wrong-type",
        "nested-missing",
        "page-item",
        "not-object",
    ],
)
def test_wrong_shape_names_field(
    make_client: MakeClient, server: FakeTurbopuffer, path: str, body: object, field: str
) -> None:
    server.inject("*", path, status=200, body=body)
    tpuf = make_client(max_retries=2)
    calls = {
        WRITE_PATH: lambda: tpuf.namespace("docs").write(upsert_rows=ROWS),
        QUERY_PATH: lambda: tpuf.namespace("docs").query(rank_by=("id", "asc"), top_k=5),
        "/v1/namespaces": lambda: tpuf.namespace_ids(),
        "/v2/namespaces/docs/metadata": lambda: tpuf.namespace("docs").metadata(),
    }

    with pytest.raises(APIResponseValidationError) as caught:
        calls[path]()

    assert f"{field}: " in caught.value.message
    assert caught.value.body == body
    assert caught.value.status_code == 200
