"""SyncAPIClient and AsyncAPIClient against a scripted HTTP server.

Every test that takes `make_client` runs once with each client.
"""

from __future__ import annotations

import gzip
import json
import socket
import time

import numpy as np
import pytest
from pydantic import BaseModel

from tests.runtime.conftest import API_KEY
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response


class Row(BaseModel):
    id: int
    name: str


class RowPage(BaseModel):
    rows: list[Row]


def test_request_returns_validated_model(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v1/rows", json_response({"rows": [{"id": 1, "name": "a"}]}))
    client = make_client()

    page = client.request("POST", "/v1/rows", response_type=RowPage, body={"top_k": 1})

    assert page == RowPage(rows=[Row(id=1, name="a")])
    sent = server.requests[0]
    assert json.loads(sent.body) == {"top_k": 1}
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    assert sent.headers["user-agent"] == "runtime-tests/1.0"
    assert sent.headers["accept"] == "application/json"


def test_request_validates_type_expressions(make_client, server: ScriptedServer) -> None:
    server.enqueue("GET", "/v1/by-name", json_response({"a": {"id": 1, "name": "a"}}))
    server.enqueue("GET", "/v1/ids", json_response([1, 2, 3]))
    server.enqueue("GET", "/v1/either", json_response("text"))
    client = make_client()

    by_name = client.request("GET", "/v1/by-name", response_type=dict[str, Row])
    ids = client.request("GET", "/v1/ids", response_type=list[int])
    either = client.request("GET", "/v1/either", response_type=int | str)

    assert by_name == {"a": Row(id=1, name="a")}
    assert ids == [1, 2, 3]
    assert either == "text"


def test_response_type_none_ignores_body(make_client, server: ScriptedServer) -> None:
    server.enqueue("DELETE", "/v1/rows/1", json_response({"status": "ok"}))
    client = make_client()

    assert client.request("DELETE", "/v1/rows/1", response_type=None) is None


def test_validation_error_names_field(make_client, runtime, server: ScriptedServer) -> None:
    body = {"rows": [{"id": 1, "name": "a"}, {"id": "not a number", "name": "b"}]}
    server.enqueue("GET", "/v1/rows", json_response(body))
    client = make_client()

    with pytest.raises(runtime.errors.APIResponseValidationError) as caught:
        client.request("GET", "/v1/rows", response_type=RowPage)

    assert "rows.1.id" in caught.value.message
    assert "integer" in caught.value.message
    assert caught.value.status_code == 200
    assert caught.value.body == body


def test_invalid_json_body_is_validation_error(
    make_client, runtime, server: ScriptedServer
) -> None:
    server.enqueue("GET", "/v1/rows", ScriptedResponse(body=b"{not json"))
    server.enqueue("GET", "/v1/map", ScriptedResponse(body=b"{not json"))
    client = make_client()

    with pytest.raises(runtime.errors.APIResponseValidationError) as for_model:
        client.request("GET", "/v1/rows", response_type=RowPage)
    with pytest.raises(runtime.errors.APIResponseValidationError) as for_adapter:
        client.request("GET", "/v1/map", response_type=dict[str, Row])

    assert "Invalid JSON" in for_model.value.message
    assert for_model.value.body == "{not json"
    assert "Invalid JSON" in for_adapter.value.message


def test_body_not_given_sends_no_content(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v1/empty", json_response({}))
    server.enqueue("POST", "/v1/null", json_response({}))
    client = make_client()

    client.request("POST", "/v1/empty", response_type=None)
    client.request("POST", "/v1/null", response_type=None, body=None)

    empty, null = server.requests
    assert empty.body == b""
    assert "content-type" not in empty.headers
    assert null.body == b"null"


def test_numpy_array_body_is_serialised(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v1/upsert", json_response({}))
    client = make_client()
    vector = np.array([0.5, 1.5], dtype=np.float32)

    client.request("POST", "/v1/upsert", response_type=None, body={"vectors": [vector]})

    assert json.loads(server.requests[0].body) == {"vectors": [[0.5, 1.5]]}


def test_query_parameters_are_encoded(make_client, server: ScriptedServer, runtime) -> None:
    server.enqueue("GET", "/v1/items", json_response({}))
    client = make_client()

    client.request(
        "GET",
        "/v1/items?overload=copy",
        response_type=None,
        params={
            "tag": ["a b", "c&d"],
            "exact": True,
            "deleted": False,
            "cursor": None,
            "page_size": runtime.types.NOT_GIVEN,
            "limit": 10,
        },
    )

    assert server.requests[0].path == (
        "/v1/items?overload=copy&tag=a%20b&tag=c%26d&exact=true&deleted=false&limit=10"
    )


def test_encoded_path_reaches_server_unchanged(
    make_client, server: ScriptedServer, runtime
) -> None:
    encode = runtime.urls.encode_path_parameter
    client = make_client()
    names = ["../admin", "a/b?c#d", "..", "ns with space"]
    paths = [f"/v2/namespaces/{encode(name)}" for name in names]
    for path in paths:
        server.enqueue("GET", path, json_response({}))

    for path in paths:
        client.request("GET", path, response_type=None)

    assert [request.path for request in server.requests] == [
        "/v2/namespaces/..%2Fadmin",
        "/v2/namespaces/a%2Fb%3Fc%23d",
        "/v2/namespaces/%2E%2E",
        "/v2/namespaces/ns%20with%20space",
    ]


def test_headers_merge_in_order(make_client, server: ScriptedServer) -> None:
    server.enqueue("GET", "/v1/h", json_response({}))
    client = make_client(default_headers={"X-Team": "search", "X-Trace": "default"})

    client.request(
        "GET",
        "/v1/h",
        response_type=None,
        headers={"X-Trace": "call", "Authorization": "Bearer other"},
    )

    sent = server.requests[0].headers
    assert sent["x-team"] == "search"
    assert sent["x-trace"] == "call"
    assert sent["authorization"] == f"Bearer {API_KEY}"


def test_connection_is_kept_alive(make_client, server: ScriptedServer) -> None:
    server.always("GET", "/v1/ping", json_response({}))
    client = make_client()

    for _ in range(3):
        client.request("GET", "/v1/ping", response_type=None)

    ports = {request.client_port for request in server.requests}
    assert len(ports) == 1


@pytest.mark.parametrize(
    ("status", "error_name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (418, "APIStatusError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (503, "InternalServerError"),
    ],
)
def test_status_maps_to_error_class(
    make_client, runtime, server: ScriptedServer, status: int, error_name: str
) -> None:
    body = {"status": "error", "error": f"failure {status}"}
    server.enqueue("GET", "/v1/x", json_response(body, status=status, headers={"X-Req": "7"}))
    client = make_client(max_retries=0)

    with pytest.raises(runtime.errors.APIStatusError) as caught:
        client.request("GET", "/v1/x", response_type=None)

    assert type(caught.value).__name__ == error_name
    assert caught.value.status_code == status
    assert caught.value.message == f"failure {status}"
    assert caught.value.body == body
    assert caught.value.headers["x-req"] == "7"


def test_html_502_page_becomes_short_message(make_client, runtime, server: ScriptedServer) -> None:
    page = (
        b"<html><head><title>502 Bad Gateway</title></head>\r\n<body>"
        b"<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    )
    server.enqueue(
        "GET",
        "/v1/x",
        ScriptedResponse(status=502, headers=[("Content-Type", "text/html")], body=page),
    )
    client = make_client(max_retries=0)

    with pytest.raises(runtime.errors.InternalServerError) as caught:
        client.request("GET", "/v1/x", response_type=None)

    assert "<" not in caught.value.message
    assert caught.value.message.startswith("502 Bad Gateway")
    assert str(caught.value).startswith("502 Bad Gateway: 502 Bad Gateway")
    assert caught.value.body == page.decode()


def test_retries_until_max_retries(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/v1/x", json_response({"status": "error", "error": "busy"}, status=503))
    client = make_client(max_retries=2)

    with pytest.raises(runtime.errors.InternalServerError):
        client.request("GET", "/v1/x", response_type=None)

    assert len(server.requests) == 3


def test_retry_then_success(make_client, server: ScriptedServer) -> None:
    server.enqueue(
        "GET",
        "/v1/x",
        json_response({"status": "error", "error": "slow down"}, status=429),
        json_response({"status": "error", "error": "oops"}, status=500),
        json_response({"id": 1, "name": "a"}),
    )
    client = make_client(max_retries=2)

    assert client.request("GET", "/v1/x", response_type=Row) == Row(id=1, name="a")
    assert len(server.requests) == 3


def test_max_retries_zero_raises_at_once(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/v1/x", json_response({}, status=500))
    client = make_client(max_retries=0)

    with pytest.raises(runtime.errors.InternalServerError):
        client.request("GET", "/v1/x", response_type=None)

    assert len(server.requests) == 1


def test_client_error_is_not_retried(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/v1/x", json_response({}, status=400))
    client = make_client(max_retries=2)

    with pytest.raises(runtime.errors.BadRequestError):
        client.request("GET", "/v1/x", response_type=None)

    assert len(server.requests) == 1


def test_retry_after_seconds_is_honoured(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue(
        "GET",
        "/v1/x",
        json_response({}, status=429, headers={"Retry-After": "0.3"}),
        json_response({}),
    )
    client = make_client()
    # The backoff alone would wait 5 s, so a quick retry proves Retry-After was used.
    client.client.retry_policy = runtime.retries.RetryPolicy(initial_delay=5.0, max_delay=5.0)

    started = time.monotonic()
    client.request("GET", "/v1/x", response_type=None)
    elapsed = time.monotonic() - started

    assert 0.3 <= elapsed < 2.0


def test_retry_after_http_date_is_honoured(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue(
        "GET",
        "/v1/x",
        json_response({}, status=503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        json_response({}),
    )
    client = make_client()
    client.client.retry_policy = runtime.retries.RetryPolicy(initial_delay=5.0, max_delay=5.0)

    started = time.monotonic()
    client.request("GET", "/v1/x", response_type=None)

    # A date in the past means no wait at all.
    assert time.monotonic() - started < 2.0


def test_huge_retry_after_falls_back_to_backoff(
    make_client, runtime, server: ScriptedServer
) -> None:
    server.enqueue(
        "GET",
        "/v1/x",
        json_response({}, status=429, headers={"Retry-After": "5"}),
        json_response({}),
    )
    client = make_client()
    client.client.retry_policy = runtime.retries.RetryPolicy(
        initial_delay=0.01, max_delay=0.05, max_retry_after=1.0
    )

    started = time.monotonic()
    client.request("GET", "/v1/x", response_type=None)

    assert time.monotonic() - started < 2.0
    assert len(server.requests) == 2


def test_connection_refused_after_retries(make_client, runtime, caplog) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    client = make_client(base_url=f"http://127.0.0.1:{closed_port}", max_retries=2)
    caplog.set_level("INFO", logger="rtpkg._base_client")

    with pytest.raises(runtime.errors.APIConnectionError) as caught:
        client.request("GET", "/v1/x", response_type=None)

    assert not isinstance(caught.value, runtime.errors.APITimeoutError)
    assert f"127.0.0.1:{closed_port}/v1/x" in caught.value.message
    retries = [record for record in caplog.records if record.getMessage().startswith("Retrying")]
    assert len(retries) == 2


def test_closed_connection_is_retried(make_client, server: ScriptedServer) -> None:
    server.enqueue(
        "GET", "/v1/x", ScriptedResponse(action="close"), json_response({"id": 1, "name": "a"})
    )
    client = make_client(max_retries=1)

    assert client.request("GET", "/v1/x", response_type=Row) == Row(id=1, name="a")
    assert len(server.requests) == 2


def test_truncated_body_is_connection_error(make_client, runtime, server: ScriptedServer) -> None:
    truncated = ScriptedResponse(body=b'{"id": 1, "name": "a"}', action="truncate")
    server.enqueue("GET", "/v1/x", truncated, truncated)
    client = make_client(max_retries=1)

    with pytest.raises(runtime.errors.APIConnectionError) as caught:
        client.request("GET", "/v1/x", response_type=Row)

    assert "RemoteProtocolError" in caught.value.message
    assert len(server.requests) == 2


def test_timeout_raises_within_margin(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/v1/slow", json_response({}, delay=2.0))
    client = make_client(timeout=0.2, max_retries=0)

    started = time.monotonic()
    with pytest.raises(runtime.errors.APITimeoutError) as caught:
        client.request("GET", "/v1/slow", response_type=None)
    elapsed = time.monotonic() - started

    assert 0.15 <= elapsed < 0.8
    assert "timed out" in caught.value.message


def test_timeout_is_retried(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue(
        "GET", "/v1/slow", json_response({}, delay=2.0), json_response({"id": 1, "name": "a"})
    )
    client = make_client(timeout=0.2, max_retries=1)

    assert client.request("GET", "/v1/slow", response_type=Row) == Row(id=1, name="a")
    assert len(server.requests) == 2


def test_call_timeout_overrides_client(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/v1/slow", json_response({}, delay=2.0))
    client = make_client(timeout=10.0, max_retries=0)

    started = time.monotonic()
    with pytest.raises(runtime.errors.APITimeoutError):
        client.request("GET", "/v1/slow", response_type=None, timeout=0.2)

    assert time.monotonic() - started < 0.8


def test_compression_off_sends_plain_json(make_client, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v1/x", json_response({"id": 1, "name": "a"}))
    client = make_client(compression=False)

    client.request("POST", "/v1/x", response_type=Row, body={"value": "x" * 100})

    sent = server.requests[0]
    assert sent.headers["accept-encoding"] == "identity"
    assert "content-encoding" not in sent.headers
    assert json.loads(sent.body) == {"value": "x" * 100}


def test_compression_on_gzips_both_ways(make_client, server: ScriptedServer) -> None:
    payload = json.dumps({"id": 1, "name": "a" * 100}).encode()
    server.enqueue(
        "POST",
        "/v1/x",
        ScriptedResponse(
            headers=[("Content-Type", "application/json"), ("Content-Encoding", "gzip")],
            body=gzip.compress(payload),
        ),
    )
    client = make_client(compression=True)

    row = client.request("POST", "/v1/x", response_type=Row, body={"value": "x" * 100})

    assert row == Row(id=1, name="a" * 100)
    sent = server.requests[0]
    assert sent.headers["accept-encoding"] == "gzip"
    assert sent.headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(sent.body)) == {"value": "x" * 100}


def test_redirect_to_other_origin_drops_key(
    make_client, server: ScriptedServer, other_server: ScriptedServer
) -> None:
    server.enqueue(
        "GET",
        "/v1/moved",
        ScriptedResponse(status=307, headers=[("Location", f"{other_server.url}/v1/here")]),
    )
    server.enqueue(
        "GET", "/v1/local", ScriptedResponse(status=307, headers=[("Location", "/v1/here")])
    )
    server.enqueue("GET", "/v1/here", json_response({"id": 2, "name": "b"}))
    other_server.enqueue("GET", "/v1/here", json_response({"id": 1, "name": "a"}))
    client = make_client()

    moved = client.request("GET", "/v1/moved", response_type=Row)
    local = client.request("GET", "/v1/local", response_type=Row)

    assert moved == Row(id=1, name="a")
    assert local == Row(id=2, name="b")
    redirected = other_server.requests[0]
    assert all(API_KEY not in value for value in redirected.headers.values())
    assert server.requests_to("GET", "/v1/here")[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_key_absent_from_debug_logs(make_client, runtime, server: ScriptedServer, caplog) -> None:
    caplog.set_level("DEBUG")
    echo = {"status": "error", "error": f"invalid api key {API_KEY}"}
    server.enqueue("GET", "/v1/ok", json_response({"id": 1, "name": "a"}))
    server.enqueue(
        "GET", "/v1/retry", json_response({}, status=500), json_response({"id": 1, "name": "a"})
    )
    server.enqueue("GET", "/v1/denied", json_response(echo, status=401))
    client = make_client()

    client.request("GET", "/v1/ok", response_type=Row, params={"q": "visible"})
    client.request("GET", "/v1/retry", response_type=Row)
    with pytest.raises(runtime.errors.AuthenticationError):
        client.request("GET", "/v1/denied", response_type=Row)

    messages = [record.getMessage() for record in caplog.records]
    ours = [message for message in messages if "/v1/ok" in message and "200" in message]
    assert ours, "expected a debug record for the successful request"
    assert any(message.startswith("Retrying GET") for message in messages)
    assert all(API_KEY not in message for message in messages)
    assert API_KEY not in caplog.text


def test_key_absent_from_errors(make_client, runtime, server: ScriptedServer) -> None:
    echo = {"status": "error", "error": f"invalid api key {API_KEY}"}
    server.enqueue("GET", "/v1/denied", json_response(echo, status=401))
    client = make_client()

    with pytest.raises(runtime.errors.AuthenticationError) as caught:
        client.request("GET", "/v1/denied", response_type=Row)

    error = caught.value
    assert error.message == "invalid api key ****"
    for text in (str(error), repr(error), repr(error.body), str(error.args)):
        assert API_KEY not in text


def test_key_absent_from_connection_error(make_client, runtime) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    client = make_client(base_url=f"http://127.0.0.1:{closed_port}", max_retries=0)

    with pytest.raises(runtime.errors.APIConnectionError) as caught:
        client.request("GET", "/v1/x", response_type=None)

    error = caught.value
    assert "authorization" not in error.request.headers
    for text in (str(error), repr(error), repr(error.request), repr(error.__cause__)):
        assert API_KEY not in text


def test_key_absent_from_client_repr(make_client) -> None:
    client = make_client()

    assert API_KEY not in repr(client.client)
    assert API_KEY not in str(client.client)
    assert client.client.base_url in repr(client.client)


@pytest.mark.parametrize(
    "base_url", ["ftp://example.com", "example.com", "", "file:///etc/hosts", "https://"]
)
def test_base_url_scheme_is_checked(runtime, base_url: str) -> None:
    for client_class in (runtime.base_client.SyncAPIClient, runtime.base_client.AsyncAPIClient):
        with pytest.raises(ValueError, match="http or https") as caught:
            client_class(base_url=base_url, api_key=API_KEY, user_agent="t")
        assert repr(base_url) in str(caught.value)


def test_base_url_path_prefix_is_kept(make_client, server: ScriptedServer) -> None:
    server.enqueue("GET", "/api/v1/x", json_response({}))
    client = make_client(base_url=f"{server.url}/api/")

    client.request("GET", "/v1/x", response_type=None)

    assert server.requests[0].path == "/api/v1/x"


def test_sync_client_context_manager(runtime, server: ScriptedServer) -> None:
    server.enqueue("GET", "/v1/x", json_response({}))
    client_class = runtime.base_client.SyncAPIClient

    with client_class(base_url=server.url, api_key=API_KEY, user_agent="t") as client:
        client.request("GET", "/v1/x", response_type=None)

    with pytest.raises(RuntimeError):
        client.request("GET", "/v1/x", response_type=None)


async def test_async_client_context_manager(runtime, server: ScriptedServer) -> None:
    server.enqueue("GET", "/v1/x", json_response({"id": 1, "name": "a"}))
    client_class = runtime.base_client.AsyncAPIClient

    async with client_class(base_url=server.url, api_key=API_KEY, user_agent="t") as client:
        row = await client.request("GET", "/v1/x", response_type=Row)

    assert row == Row(id=1, name="a")
    with pytest.raises(RuntimeError):
        await client.request("GET", "/v1/x", response_type=None)


def test_given_http_client_stays_open(runtime, server: ScriptedServer) -> None:
    import httpx

    server.always("GET", "/v1/x", json_response({}))
    http_client = httpx.Client()
    client_class = runtime.base_client.SyncAPIClient

    with client_class(
        base_url=server.url, api_key=API_KEY, user_agent="t", http_client=http_client
    ) as client:
        client.request("GET", "/v1/x", response_type=None)

    assert not http_client.is_closed
    assert server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    http_client.close()
