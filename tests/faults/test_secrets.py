"""The API key stays out of logs, reprs and exceptions, and off redirects to other origins."""

from __future__ import annotations

import logging
import socket
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from turbopuffer_client import (
    APIConnectionError,
    APIError,
    APIStatusError,
    AsyncTurbopuffer,
    AuthenticationError,
    Turbopuffer,
)

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer.pytest_plugin import FakeTurbopufferFactory

from .conftest import API_KEY, BlockingClient, ClientKind, MakeClient

WRITE_PATH = "/v2/namespaces/docs"
QUERY_PATH = "/v2/namespaces/docs/query"
COPY_PATH = "/v2/namespaces/dest?stainless_overload=copyFrom"
POLL_PREFIX = "/v1/namespaces/dest/operations/"
ROWS = [{"id": 1, "title": "a"}]
ECHOED_KEY_MESSAGE = f"invalid API key: Bearer {API_KEY}"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def everything_printed(error: BaseException) -> str:
    """Return what a user could see of an exception: str, repr, args and the traceback."""
    parts = [str(error), repr(error), repr(error.args), "".join(traceback.format_exception(error))]
    if isinstance(error, APIError):
        parts.append(error.message)
    if isinstance(error, APIStatusError):
        parts.append(repr(error.body))
    return "\n".join(parts)


def error_scenarios(
    server: FakeTurbopuffer, tpuf: BlockingClient, refused: BlockingClient
) -> dict[str, Callable[[], Any]]:
    """Return calls that each fail in another way, with the fault each needs queued."""
    docs = tpuf.namespace("docs")

    def echoed_in_json() -> Any:
        server.inject(
            "POST", WRITE_PATH, status=401, body={"status": "error", "error": ECHOED_KEY_MESSAGE}
        )
        return docs.write(upsert_rows=ROWS)

    def echoed_in_text() -> Any:
        server.inject("POST", WRITE_PATH, status=500, body=ECHOED_KEY_MESSAGE, times=3)
        return docs.write(upsert_rows=ROWS)

    def echoed_in_operation_error() -> Any:
        server.copy_polls_until_finished = 0
        body = {
            "status": "finished",
            "start_time": "2026-01-01T00:00:00.000Z",
            "finish_time": "2026-01-01T00:00:00.000Z",
            "result": {
                "error": {
                    "status_code": 403,
                    "detail": {"status": "error", "error": ECHOED_KEY_MESSAGE},
                }
            },
        }
        server.inject("GET", POLL_PREFIX, status=200, body=body)
        return tpuf.namespace("dest").copy_from(source_namespace="docs", source_api_key=API_KEY)

    def dropped() -> Any:
        server.inject("POST", QUERY_PATH, drop_connection=True, times=3)
        return docs.query(rank_by=("id", "asc"), top_k=1)

    def timed_out() -> Any:
        server.inject("POST", QUERY_PATH, delay=0.5, times=3)
        return docs.query(rank_by=("id", "asc"), top_k=1, timeout=0.1)

    def wrong_shape() -> Any:
        server.inject("POST", QUERY_PATH, status=200, body={"rows": [{"title": API_KEY}]})
        return docs.query(rank_by=("id", "asc"), top_k=1)

    def echoed_as_union_tag() -> Any:
        body = {"status": API_KEY, "start_time": "2026-01-01T00:00:00.000Z"}
        server.inject("GET", POLL_PREFIX, status=200, body=body)
        return tpuf.namespace("dest").poll_copy_from("abc")

    return {
        "key-echoed-in-json-error": echoed_in_json,
        "key-echoed-in-text-error": echoed_in_text,
        "key-echoed-in-operation-error": echoed_in_operation_error,
        "dropped-connection": dropped,
        "timeout": timed_out,
        "wrong-shape": wrong_shape,
        "key-echoed-as-union-tag": echoed_as_union_tag,
        "connection-refused": lambda: refused.namespace("docs").write(upsert_rows=ROWS),
    }


SCENARIOS = [
    "key-echoed-in-json-error",
    "key-echoed-in-text-error",
    "key-echoed-in-operation-error",
    "dropped-connection",
    "timeout",
    "wrong-shape",
    "key-echoed-as-union-tag",
    "connection-refused",
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_key_absent_from_exceptions(
    make_client: MakeClient, server: FakeTurbopuffer, scenario: str
) -> None:
    tpuf = make_client(max_retries=2)
    refused = make_client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0)
    tpuf.namespace("docs").write(upsert_rows=ROWS)

    with pytest.raises(APIError) as caught:
        error_scenarios(server, tpuf, refused)[scenario]()

    assert API_KEY not in everything_printed(caught.value)


def test_echoed_key_is_masked_in_message(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    server.inject(
        "POST", WRITE_PATH, status=401, body={"status": "error", "error": ECHOED_KEY_MESSAGE}
    )
    tpuf = make_client()

    with pytest.raises(AuthenticationError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert caught.value.message == "invalid API key: Bearer ****"


def test_key_absent_from_debug_logs(
    make_client: MakeClient, server: FakeTurbopuffer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tpuf = make_client(max_retries=2)
    refused = make_client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=1)
    tpuf.namespace("docs").write(upsert_rows=ROWS)
    server.copy_polls_until_finished = 2
    tpuf.namespace("dest").copy_from(source_namespace="docs")
    server.inject("POST", WRITE_PATH, status=429, headers={"Retry-After": "0"})
    tpuf.namespace("docs").write(upsert_rows=ROWS)
    failures = 0

    for call in error_scenarios(server, tpuf, refused).values():
        try:
            call()
        except APIError:
            failures += 1

    log_text = caplog.text
    messages = [record.getMessage() for record in caplog.records]
    assert failures == len(SCENARIOS)
    assert any(message.startswith("Retrying") for message in messages)
    assert any("HTTP Request" in message for message in messages)
    assert all(API_KEY not in message for message in messages)
    assert API_KEY not in log_text


def test_key_absent_from_reprs(client_kind: ClientKind, server: FakeTurbopuffer) -> None:
    sent: list[httpx.Request] = []
    http_client = recording_http_client(client_kind, sent)
    tpuf = BlockingClient(
        client_kind, api_key=API_KEY, base_url=server.base_url, http_client=http_client
    )
    namespace = tpuf.namespace("docs")
    namespace.write(upsert_rows=ROWS)

    reprs = [
        repr(tpuf.client),
        str(tpuf.client),
        repr(namespace.handle),
        repr(tpuf.client._api),
        repr(tpuf.client._api._core.auth),
        repr(sent[0]),
        repr(sent[0].headers),
    ]
    if isinstance(http_client, httpx.Client):
        http_client.close()
    else:
        tpuf.run(http_client.aclose)
    tpuf.close()

    assert sent[0].headers["authorization"] == f"Bearer {API_KEY}"
    for text in reprs:
        assert API_KEY not in text


def recording_http_client(
    kind: ClientKind, sent: list[httpx.Request]
) -> httpx.Client | httpx.AsyncClient:
    """Return an httpx client of the kind's flavour that records each request it sends."""
    if kind == "sync":
        return httpx.Client(event_hooks={"request": [sent.append]})

    async def record(request: httpx.Request) -> None:
        sent.append(request)

    return httpx.AsyncClient(event_hooks={"request": [record]})


def test_redirect_to_other_origin_drops_key(
    make_client: MakeClient,
    server: FakeTurbopuffer,
    fake_turbopuffer_factory: FakeTurbopufferFactory,
) -> None:
    other = fake_turbopuffer_factory(api_key=API_KEY)
    server.inject(
        "GET", "/v1/namespaces", status=307, headers={"Location": f"{other.base_url}/v1/namespaces"}
    )
    tpuf = make_client()

    with pytest.raises(AuthenticationError):
        tpuf.namespace_ids()

    assert server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    assert len(other.requests) == 1
    assert "authorization" not in other.requests[0].headers


def test_redirect_to_other_host_name_drops_key(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    # localhost is 127.0.0.1 here, so the redirect reaches the same server under another name.
    other_host = server.base_url.replace("127.0.0.1", "localhost")
    server.inject("POST", WRITE_PATH, status=308, headers={"Location": f"{other_host}{WRITE_PATH}"})
    tpuf = make_client()

    with pytest.raises(AuthenticationError):
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert [request.path for request in server.requests] == [WRITE_PATH, WRITE_PATH]
    assert server.requests[1].headers["host"].startswith("localhost:")
    assert "authorization" not in server.requests[1].headers
    assert server.requests[1].body == {"upsert_rows": ROWS}
    assert server.write_count("docs") == 0


def test_redirect_on_same_origin_keeps_key(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    server.inject("POST", WRITE_PATH, status=308, headers={"Location": "/v2/namespaces/moved"})
    tpuf = make_client()

    tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert server.requests[1].path == "/v2/namespaces/moved"
    assert server.requests[1].headers["authorization"] == f"Bearer {API_KEY}"
    assert server.documents("moved") == ROWS


@pytest.mark.parametrize("client_class", [Turbopuffer, AsyncTurbopuffer])
def test_base_url_with_credentials_is_rejected(client_class: type[Any]) -> None:
    with pytest.raises(ValueError) as caught:
        client_class(api_key=API_KEY, base_url=f"https://user:{API_KEY}@api.example.com")

    assert "user name or password" in str(caught.value)
    assert API_KEY not in str(caught.value)


def test_connection_error_keeps_no_headers(make_client: MakeClient) -> None:
    tpuf = make_client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0)

    with pytest.raises(APIConnectionError) as caught:
        tpuf.namespace("docs").write(upsert_rows=ROWS)

    assert "authorization" not in caught.value.request.headers
