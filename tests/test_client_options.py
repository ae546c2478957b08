"""Client construction: base URL from region or environment, API key from the environment."""

from __future__ import annotations

import pytest
from turbopuffer_client import AsyncTurbopuffer, RetryPolicy, Turbopuffer

from tests.fake_turbopuffer import FakeTurbopuffer


def test_region_fills_server_url() -> None:
    client = Turbopuffer(api_key="k", region="gcp-us-central1")

    assert client.base_url == "https://gcp-us-central1.turbopuffer.com"


def test_region_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TURBOPUFFER_REGION", "aws-eu-west-1")

    client = AsyncTurbopuffer(api_key="k")

    assert client.base_url == "https://aws-eu-west-1.turbopuffer.com"


def test_missing_region_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TURBOPUFFER_REGION", raising=False)
    monkeypatch.delenv("TURBOPUFFER_BASE_URL", raising=False)

    with pytest.raises(ValueError, match="region"):
        Turbopuffer(api_key="k")


def test_base_url_from_environment_wins_over_region(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TURBOPUFFER_BASE_URL", "http://127.0.0.1:9")

    client = Turbopuffer(api_key="k", region="gcp-us-central1")

    assert client.base_url.rstrip("/") == "http://127.0.0.1:9"


def test_api_key_from_environment(
    monkeypatch: pytest.MonkeyPatch, fake_turbopuffer: FakeTurbopuffer
) -> None:
    monkeypatch.setenv("TURBOPUFFER_API_KEY", "test-key")

    with Turbopuffer(base_url=fake_turbopuffer.base_url) as client:
        result = client.namespace("docs").write(upsert_rows=[{"id": 1}])

    assert result.status == "OK"
    assert fake_turbopuffer.requests[-1].headers["authorization"] == "Bearer test-key"


def test_missing_api_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TURBOPUFFER_API_KEY", raising=False)

    with pytest.raises(ValueError, match="TURBOPUFFER_API_KEY"):
        Turbopuffer(region="gcp-us-central1")


def test_default_headers_and_compression_are_sent(fake_turbopuffer: FakeTurbopuffer) -> None:
    with Turbopuffer(
        api_key="test-key",
        base_url=fake_turbopuffer.base_url,
        default_headers={"X-Team": "search"},
        compression=True,
    ) as client:
        client.namespace("docs").write(upsert_rows=[{"id": 1, "title": "a"}])

    request = fake_turbopuffer.requests[-1]
    assert request.headers["x-team"] == "search"
    assert request.headers["content-encoding"] == "gzip"
    assert request.body == {"upsert_rows": [{"id": 1, "title": "a"}]}


def test_compression_is_off_by_default(fake_turbopuffer: FakeTurbopuffer) -> None:
    with Turbopuffer(api_key="test-key", base_url=fake_turbopuffer.base_url) as client:
        client.namespace("docs").write(upsert_rows=[{"id": 1}])

    request = fake_turbopuffer.requests[-1]
    assert "content-encoding" not in request.headers
    assert request.headers["accept-encoding"] == "identity"


def test_repr_does_not_show_the_key() -> None:
    client = Turbopuffer(api_key="secret-key-123", region="gcp-us-central1")

    assert "secret-key-123" not in repr(client)
    assert "secret-key-123" not in repr(client.namespace("docs"))


def test_retry_policy_option_sets_retries(fake_turbopuffer: FakeTurbopuffer) -> None:
    fake_turbopuffer.inject("POST", "/v2/namespaces/docs", status=503, times=3)
    policy = RetryPolicy(max_retries=3, initial_delay=0.001, max_delay=0.01)

    with Turbopuffer(
        api_key="test-key", base_url=fake_turbopuffer.base_url, max_retries=0, retry_policy=policy
    ) as client:
        result = client.namespace("docs").write(upsert_rows=[{"id": 1}])

    assert result.status == "OK"
    assert len([r for r in fake_turbopuffer.requests if r.method == "POST"]) == 4
