"""Authentication, routing by spec path and overload, and keep-alive connections."""

from __future__ import annotations

import http.client
from urllib.parse import quote

import httpx

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer.pytest_plugin import FakeTurbopufferFactory, spec_path

from .helpers import query, row_ids, write


def test_missing_api_key_returns_401(fake_turbopuffer: FakeTurbopuffer) -> None:
    response = httpx.get(f"{fake_turbopuffer.base_url}/v1/namespaces")

    assert response.status_code == 401
    assert response.json()["status"] == "error"
    assert "API key" in response.json()["error"]
    assert fake_turbopuffer.validation_errors == []


def test_wrong_api_key_returns_401(fake_turbopuffer: FakeTurbopuffer) -> None:
    response = httpx.get(
        f"{fake_turbopuffer.base_url}/v1/namespaces",
        headers={"Authorization": "Bearer other-key"},
    )

    assert response.status_code == 401


def test_custom_api_key_is_accepted(fake_turbopuffer_factory: FakeTurbopufferFactory) -> None:
    server = fake_turbopuffer_factory(api_key="secret-123")

    accepted = httpx.get(
        f"{server.base_url}/v1/namespaces", headers={"Authorization": "Bearer secret-123"}
    )
    rejected = httpx.get(
        f"{server.base_url}/v1/namespaces", headers={"Authorization": "Bearer test-key"}
    )

    assert accepted.status_code == 200
    assert rejected.status_code == 401


def test_unknown_path_is_404_and_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.get("/v3/nothing/here")

    assert response.status_code == 404
    errors = fake_turbopuffer.take_validation_errors()
    assert len(errors) == 1
    assert "/v3/nothing/here" in errors[0]


def test_unlisted_method_is_405_and_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.put("/v2/namespaces/ns", json={})

    assert response.status_code == 405
    assert "DELETE, POST" in response.json()["error"]
    assert len(fake_turbopuffer.take_validation_errors()) == 1


def test_unknown_overload_is_404_and_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post("/v2/namespaces/ns?stainless_overload=bogus", json={})

    assert response.status_code == 404
    errors = fake_turbopuffer.take_validation_errors()
    assert "stainless_overload='bogus'" in errors[0]


def test_requests_are_recorded_with_raw_path(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    client.get("/v1/namespaces", params={"prefix": "a b"})

    method, path, headers, body = fake_turbopuffer.requests[-1]
    assert method == "GET"
    assert path == "/v1/namespaces?prefix=a+b"
    assert headers["authorization"] == "Bearer test-key"
    assert body is None


def test_recorded_request_has_parsed_body(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    write(client, "ns", upsert_rows=[{"id": 1}])

    recorded = fake_turbopuffer.requests[-1]
    assert recorded.path == "/v2/namespaces/ns"
    assert recorded.body == {"upsert_rows": [{"id": 1}]}


def test_percent_encoded_namespace_round_trips(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    name = "a/b?c#d %e"
    encoded = quote(name, safe="")

    response = client.post(f"/v2/namespaces/{encoded}", json={"upsert_rows": [{"id": 1}]})
    listed = client.get("/v1/namespaces").json()["namespaces"]
    queried = query(client, encoded)

    assert response.status_code == 200
    assert listed == [{"id": name}]
    assert row_ids(queried) == [1]
    assert fake_turbopuffer.namespace_names() == [name]


def test_encoded_percent_sign_is_decoded_once(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    # "%2541" encodes the literal text "%41", which decoding twice would turn into "A".
    client.post("/v2/namespaces/x%2541", json={"upsert_rows": [{"id": 1}]})

    assert fake_turbopuffer.namespace_names() == ["x%41"]


def test_connection_is_kept_alive(fake_turbopuffer: FakeTurbopuffer) -> None:
    host, port = fake_turbopuffer.base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    headers = {"Authorization": "Bearer test-key"}
    try:
        connection.request("GET", "/v1/namespaces", headers=headers)
        first = connection.getresponse()
        first.read()
        socket_after_first = connection.sock

        connection.request("GET", "/v1/namespaces", headers=headers)
        second = connection.getresponse()
        second.read()

        assert first.status == 200
        assert second.status == 200
        assert socket_after_first is not None
        assert connection.sock is socket_after_first
    finally:
        connection.close()


def test_server_stop_closes_idle_connections(fake_turbopuffer: FakeTurbopuffer) -> None:
    with httpx.Client(
        base_url=fake_turbopuffer.base_url, headers={"Authorization": "Bearer test-key"}
    ) as http_client:
        assert http_client.get("/v1/namespaces").status_code == 200

        fake_turbopuffer.stop()

        try:
            http_client.get("/v1/namespaces", timeout=2)
        except httpx.TransportError:
            pass
        else:
            raise AssertionError("a request after stop() should fail to connect")


def test_context_manager_starts_and_stops() -> None:
    with FakeTurbopuffer(spec_path=spec_path()) as server:
        response = httpx.get(
            f"{server.base_url}/v1/namespaces", headers={"Authorization": "Bearer test-key"}
        )
        assert response.status_code == 200
        base_url = server.base_url

    try:
        httpx.get(f"{base_url}/v1/namespaces", timeout=2)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the server should not respond after the with block")
