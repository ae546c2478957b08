"""Path parameters stay one percent-encoded segment, and base URLs must be http or https."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from turbopuffer_client import AsyncTurbopuffer, NotFoundError, Turbopuffer

from tests.fake_turbopuffer import FakeTurbopuffer

from .conftest import API_KEY, MakeClient

ROWS = [{"id": 1, "title": "a"}]


@pytest.mark.parametrize(
    ("name", "segment"),
    [
        ("../admin", "..%2Fadmin"),
        ("a/../../v1/namespaces", "a%2F..%2F..%2Fv1%2Fnamespaces"),
        ("docs?prefix=x", "docs%3Fprefix%3Dx"),
        ("docs#fragment", "docs%23fragment"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("100%", "100%25"),
        ("a b&c=d", "a%20b%26c%3Dd"),
        ("naïve", "na%C3%AFve"),
    ],
)
def test_namespace_name_stays_one_segment(
    make_client: MakeClient, server: FakeTurbopuffer, name: str, segment: str
) -> None:
    tpuf = make_client()

    tpuf.namespace(name).write(upsert_rows=ROWS)
    result = tpuf.namespace(name).query(rank_by=("id", "asc"), top_k=1)

    assert [request.path for request in server.requests] == [
        f"/v2/namespaces/{segment}",
        f"/v2/namespaces/{segment}/query",
    ]
    assert server.namespace_names() == [name]
    assert [row.id for row in result.rows or []] == [1]
    assert tpuf.namespace_ids() == [name]


def test_operation_token_stays_one_segment(
    make_client: MakeClient, server: FakeTurbopuffer
) -> None:
    tpuf = make_client()

    with pytest.raises(NotFoundError):
        tpuf.namespace("docs").poll_copy_from("../../../v1/namespaces?x=1#y")

    assert server.requests[0].path == (
        "/v1/namespaces/docs/operations/..%2F..%2F..%2Fv1%2Fnamespaces%3Fx%3D1%23y"
        "?stainless_overload=pollCopyFrom"
    )


def test_empty_namespace_name_is_rejected(make_client: MakeClient, server: FakeTurbopuffer) -> None:
    tpuf = make_client()

    with pytest.raises(ValueError, match="must not be empty"):
        tpuf.namespace("")

    assert server.requests == []


CLIENT_CLASSES = [Turbopuffer, AsyncTurbopuffer]


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize(
    "base_url",
    [
        "ftp://example.com",
        "file:///etc/passwd",
        "ws://127.0.0.1:8080",
        "javascript:alert(1)",
        "127.0.0.1:8080",
        "example.com",
        "https://",
        "http:///v1",
    ],
)
def test_base_url_must_be_http_or_https(client_class: type[Any], base_url: str) -> None:
    with pytest.raises(ValueError) as caught:
        client_class(api_key=API_KEY, base_url=base_url)

    assert str(caught.value) == (
        f"Invalid base_url {base_url!r}: expected an absolute URL with the scheme http or "
        "https, for example 'https://api.example.com'."
    )


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
def test_base_url_from_environment_is_checked(
    client_class: type[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TURBOPUFFER_BASE_URL", "gopher://127.0.0.1:70")

    with pytest.raises(ValueError, match="scheme http or https"):
        client_class(api_key=API_KEY)


@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("http://127.0.0.1:9/", "http://127.0.0.1:9"),
        ("https://gcp-us-central1.turbopuffer.com", "https://gcp-us-central1.turbopuffer.com"),
        ("https://proxy.example.com/turbopuffer/", "https://proxy.example.com/turbopuffer"),
    ],
)
def test_http_and_https_base_urls_are_accepted(
    client_class: type[Any], base_url: str, expected: str
) -> None:
    # Constructing a client sends no request, so these hosts are never contacted.
    client = client_class(api_key=API_KEY, base_url=base_url)
    base_url_seen = client.base_url
    if isinstance(client, Turbopuffer):
        client.close()
    else:
        asyncio.run(client.close())

    assert base_url_seen == expected
