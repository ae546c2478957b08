"""APIKeyAuth and BasicAuth in _auth.py, sent through the clients to a real server."""

from __future__ import annotations

import base64
import logging

import pytest

from tests.runtime.conftest import API_KEY
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response


def scheme(runtime, kind: str, location: str = "header", name: str = "Authorization"):
    return runtime.auth.AuthScheme(kind=kind, location=location, name=name)


def test_header_key_sent_by_name(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/keys", ScriptedResponse(status=204))
    client = make_client(auth_scheme=scheme(runtime, "api_key", "header", "X-Api-Key"))

    client.request("GET", "/keys", response_type=None)

    sent = server.requests[0]
    assert sent.headers["x-api-key"] == API_KEY
    assert "authorization" not in sent.headers


def test_query_key_sent_by_name(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/keys", ScriptedResponse(status=204))
    client = make_client(auth_scheme=scheme(runtime, "api_key", "query", "api_key"))

    client.request("GET", "/keys?page=2", response_type=None, params={"limit": 5})

    assert server.requests[0].path == f"/keys?page=2&limit=5&api_key={API_KEY}"


def test_cookie_key_joins_cookie_parameters(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/health", ScriptedResponse(status=204))
    client = make_client(auth_scheme=scheme(runtime, "api_key", "cookie", "session_id"))

    client.request("GET", "/health", response_type=None, headers={"Cookie": "theme=dark"})
    client.request("GET", "/health", response_type=None)

    assert server.requests[0].headers["cookie"] == f"session_id={API_KEY}; theme=dark"
    assert server.requests[1].headers["cookie"] == f"session_id={API_KEY}"


def test_basic_auth_header(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/me", ScriptedResponse(status=204))
    client = make_client(api_key="ada:s3cret-pass", auth_scheme=scheme(runtime, "basic"))

    client.request("GET", "/me", response_type=None)

    token = base64.b64encode(b"ada:s3cret-pass").decode()
    assert server.requests[0].headers["authorization"] == f"Basic {token}"


def test_basic_auth_needs_user_and_password(runtime) -> None:
    with pytest.raises(ValueError) as caught:
        runtime.auth.BasicAuth("only-a-password")

    assert "user:password" in str(caught.value)
    assert "only-a-password" not in str(caught.value)


@pytest.mark.parametrize("bad_key", ["a;b", "a,b", 'a"b', "a\\b"])
def test_cookie_key_rejects_breaking_characters(runtime, bad_key: str) -> None:
    with pytest.raises(ValueError) as caught:
        runtime.auth.APIKeyAuth(bad_key, location="cookie", name="session_id")

    assert bad_key not in str(caught.value)


@pytest.mark.parametrize(
    ("location", "name"), [("header", "X-Api-Key"), ("query", "api_key"), ("cookie", "sid")]
)
def test_api_key_repr_and_redact_mask_key(runtime, location: str, name: str) -> None:
    auth = runtime.auth.APIKeyAuth(API_KEY, location=location, name=name)

    assert API_KEY not in repr(auth)
    assert API_KEY not in str(auth)
    assert auth.redact(f"echo {API_KEY}".encode()) == b"echo ****"


def test_basic_auth_redacts_password_and_token(runtime) -> None:
    auth = runtime.auth.BasicAuth("ada:s3cret-pass")
    token = base64.b64encode(b"ada:s3cret-pass").decode()

    assert auth.redact(b"pw s3cret-pass") == b"pw ****"
    assert auth.redact(f"token {token}".encode()) == b"token ****"
    assert "s3cret" not in repr(auth)


def test_query_key_kept_out_of_logs_and_errors(
    make_client, runtime, server: ScriptedServer, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = {"error": f"bad key {API_KEY}"}
    server.always("GET", "/keys", json_response(echo, status=403))
    client = make_client(auth_scheme=scheme(runtime, "api_key", "query", "api_key"), max_retries=0)

    with pytest.raises(runtime.errors.PermissionDeniedError) as caught:
        client.request("GET", "/keys", response_type=None)

    assert API_KEY in server.requests[0].path
    assert API_KEY not in str(caught.value)
    assert API_KEY not in repr(caught.value)
    assert caplog.records
    assert all(API_KEY not in record.getMessage() for record in caplog.records)


def test_query_key_kept_out_of_connection_errors(runtime) -> None:
    unused = ScriptedServer()
    unused.start()
    url = unused.url
    unused.stop()
    client = runtime.base_client.SyncAPIClient(
        base_url=url,
        api_key=API_KEY,
        user_agent="runtime-tests/1.0",
        max_retries=0,
        auth_scheme=runtime.auth.AuthScheme(kind="api_key", location="query", name="api_key"),
    )

    with client, pytest.raises(runtime.errors.APIConnectionError) as caught:
        client.request("GET", "/keys", response_type=None)

    assert API_KEY not in str(caught.value)
    assert API_KEY not in str(caught.value.request.url)


def test_header_key_not_sent_to_other_origin(
    make_client, runtime, server: ScriptedServer, other_server: ScriptedServer
) -> None:
    server.enqueue(
        "GET",
        "/moved",
        ScriptedResponse(status=307, headers=[("Location", f"{other_server.url}/here")]),
    )
    server.enqueue("GET", "/local", ScriptedResponse(status=307, headers=[("Location", "/here")]))
    server.enqueue("GET", "/here", ScriptedResponse(status=204))
    other_server.enqueue("GET", "/here", ScriptedResponse(status=204))
    client = make_client(auth_scheme=scheme(runtime, "api_key", "header", "X-Api-Key"))

    client.request("GET", "/moved", response_type=None)
    client.request("GET", "/local", response_type=None)

    assert "x-api-key" not in other_server.requests[0].headers
    assert all(API_KEY not in value for value in other_server.requests[0].headers.values())
    assert server.requests_to("GET", "/here")[0].headers["x-api-key"] == API_KEY


def test_redirect_loop_stops(make_client, runtime, server: ScriptedServer) -> None:
    server.always("GET", "/loop", ScriptedResponse(status=307, headers=[("Location", "/loop")]))
    client = make_client(
        auth_scheme=scheme(runtime, "api_key", "header", "X-Api-Key"), max_retries=0
    )

    with pytest.raises(runtime.errors.APIStatusError) as caught:
        client.request("GET", "/loop", response_type=None)

    assert caught.value.status_code == 307
    assert len(server.requests) == 21


def test_build_auth_picks_scheme(runtime) -> None:
    auth = runtime.auth

    assert isinstance(auth.build_auth(API_KEY, auth.AuthScheme()), auth.BearerAuth)
    assert isinstance(auth.build_auth("u:p", auth.AuthScheme(kind="basic")), auth.BasicAuth)
    api_key = auth.build_auth(API_KEY, auth.AuthScheme(kind="api_key", location="query", name="k"))
    assert isinstance(api_key, auth.APIKeyAuth)
    assert api_key.httpx_follows_redirects is False
