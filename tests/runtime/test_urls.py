"""Path parameter encoding, base URL checks and query strings in _urls.py."""

from __future__ import annotations

import enum

import httpx
import pytest


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("plain-name_1.v2~x", "plain-name_1.v2~x"),
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("q?x=1", "q%3Fx%3D1"),
        ("frag#1", "frag%231"),
        ("100%", "100%25"),
        ("sp ace", "sp%20ace"),
        ("ünï", "%C3%BCn%C3%AF"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("...", "..."),
    ],
)
def test_encode_path_parameter(runtime, value: str, encoded: str) -> None:
    assert runtime.urls.encode_path_parameter(value) == encoded


def test_encoded_segment_keeps_path_shape(runtime) -> None:
    for value in ["..", "../..", "a/../../b", "?x", "#y"]:
        segment = runtime.urls.encode_path_parameter(value)
        url = httpx.URL(f"https://api.example.com/v2/namespaces/{segment}/query")

        assert url.raw_path.startswith(b"/v2/namespaces/")
        assert url.raw_path.endswith(b"/query")
        assert url.query == b""


def test_encode_path_parameter_rejects_empty(runtime) -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        runtime.urls.encode_path_parameter("")


def test_client_module_exports_encoder(runtime) -> None:
    assert runtime.base_client.encode_path_parameter is runtime.urls.encode_path_parameter


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://api.example.com", "https://api.example.com"),
        ("https://api.example.com/", "https://api.example.com"),
        ("http://127.0.0.1:8080/prefix/", "http://127.0.0.1:8080/prefix"),
    ],
)
def test_validate_base_url_accepts_http(runtime, base_url: str, expected: str) -> None:
    assert runtime.urls.validate_base_url(base_url) == expected


@pytest.mark.parametrize(
    "base_url",
    ["ftp://h", "ws://h", "h", "/relative", "", "https://", "https://h/?q=1", "https://h:99999"],
)
def test_validate_base_url_rejects(runtime, base_url: str) -> None:
    with pytest.raises(ValueError) as caught:
        runtime.urls.validate_base_url(base_url)

    assert repr(base_url) in str(caught.value)


def test_encode_query_values(runtime) -> None:
    class Order(enum.Enum):
        ASC = "asc"

    query = runtime.urls.encode_query(
        {
            "flag": True,
            "off": False,
            "skip": None,
            "unset": runtime.types.NOT_GIVEN,
            "ids": [1, None, 2],
            "pair": ("x", "y z"),
            "order": Order.ASC,
            "text": "a&b=c",
        }
    )

    assert query == "flag=true&off=false&ids=1&ids=2&pair=x&pair=y%20z&order=asc&text=a%26b%3Dc"


def test_build_url_joins_query(runtime) -> None:
    build = runtime.urls.build_url

    assert build("https://h", "/v1/x", None) == "https://h/v1/x"
    assert build("https://h", "/v1/x", {"a": None}) == "https://h/v1/x"
    assert build("https://h", "/v1/x", {"a": 1}) == "https://h/v1/x?a=1"
    assert build("https://h", "/v1/x?o=copy", {"a": 1}) == "https://h/v1/x?o=copy&a=1"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("https://h/a", "https://h:443/b", True),
        ("http://h/a", "http://h:80/b", True),
        ("https://h/a", "http://h/a", False),
        ("https://h/a", "https://h:8443/a", False),
        ("https://h/a", "https://other/a", False),
    ],
)
def test_is_same_origin(runtime, first: str, second: str, same: bool) -> None:
    assert runtime.urls.is_same_origin(httpx.URL(first), httpx.URL(second)) is same


@pytest.mark.parametrize(
    "base_url", ["https://user:secret@h", "https://secret@h", "http://:secret@h"]
)
def test_validate_base_url_rejects_credentials_unquoted(runtime, base_url: str) -> None:
    with pytest.raises(ValueError) as caught:
        runtime.urls.validate_base_url(base_url)

    assert "user name or password" in str(caught.value)
    assert "secret" not in str(caught.value)
