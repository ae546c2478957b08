"""BearerAuth and resolve_api_key in _auth.py."""

from __future__ import annotations

import httpx
import pytest

from tests.runtime.conftest import API_KEY


def test_bearer_auth_sets_header(runtime) -> None:
    auth = runtime.auth.BearerAuth(API_KEY)
    request = httpx.Request("GET", "http://127.0.0.1/")

    flow = auth.auth_flow(request)
    sent = next(flow)

    assert sent.headers["authorization"] == f"Bearer {API_KEY}"


def test_bearer_auth_repr_masks_key(runtime) -> None:
    auth = runtime.auth.BearerAuth(API_KEY)

    assert API_KEY not in repr(auth)
    assert API_KEY not in str(auth)
    assert "****" in repr(auth)


def test_redact_replaces_key(runtime) -> None:
    auth = runtime.auth.BearerAuth(API_KEY)

    assert auth.redact(f"bad key {API_KEY}!".encode()) == b"bad key ****!"
    assert auth.redact(b"nothing here") == b"nothing here"


@pytest.mark.parametrize(
    "bad_key", ["", "   ", "tpuf_secret\nX-Injected: 1", " tpuf_secret", "tpuf_sécret"]
)
def test_invalid_key_is_rejected_without_echo(runtime, bad_key: str) -> None:
    with pytest.raises(ValueError) as caught:
        runtime.auth.BearerAuth(bad_key)

    assert "secret" not in str(caught.value)


def test_resolve_prefers_argument(runtime, monkeypatch) -> None:
    monkeypatch.setenv("RT_TEST_API_KEY", "from-env")

    assert runtime.auth.resolve_api_key("from-arg", env_var="RT_TEST_API_KEY") == "from-arg"


def test_resolve_reads_env_var(runtime, monkeypatch) -> None:
    monkeypatch.setenv("RT_TEST_API_KEY", "from-env")

    assert runtime.auth.resolve_api_key(None, env_var="RT_TEST_API_KEY") == "from-env"


@pytest.mark.parametrize("env_value", [None, ""])
def test_resolve_missing_names_both_sources(runtime, monkeypatch, env_value) -> None:
    if env_value is None:
        monkeypatch.delenv("RT_TEST_API_KEY", raising=False)
    else:
        monkeypatch.setenv("RT_TEST_API_KEY", env_value)

    with pytest.raises(ValueError) as caught:
        runtime.auth.resolve_api_key(None, env_var="RT_TEST_API_KEY")

    assert "RT_TEST_API_KEY" in str(caught.value)
    assert "api_key=" in str(caught.value)
