"""Injected faults: scripted statuses, dropped connections, delays and drops after a write."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer


def test_status_fault_repeats_given_times(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject(
        "POST", "/v2/namespaces/ns", status=429, headers={"Retry-After": "0"}, times=2
    )

    responses = [
        raw_client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]}) for _ in range(3)
    ]

    assert [response.status_code for response in responses] == [429, 429, 200]
    assert responses[0].headers["retry-after"] == "0"
    assert responses[0].json() == {"status": "error", "error": "injected fault: HTTP 429"}
    assert fake_turbopuffer.write_count("ns") == 1
    assert fake_turbopuffer.faults.pending() == []


def test_status_fault_uses_given_body(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=503, body="<html>down</html>")

    response = raw_client.get("/v1/namespaces")

    assert response.status_code == 503
    assert response.text == "<html>down</html>"


def test_fault_matches_method_and_prefix(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("POST", "/v2/namespaces/ns/query", status=500)

    other_method = raw_client.get("/v1/namespaces")
    other_path = raw_client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]})
    matching = raw_client.post("/v2/namespaces/ns/query", json={})

    assert other_method.status_code == 200
    assert other_path.status_code == 200
    assert matching.status_code == 500


def test_any_method_fault(fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client) -> None:
    fake_turbopuffer.inject("*", "/v1/", status=502)

    assert raw_client.get("/v1/namespaces").status_code == 502


def test_faults_apply_in_queue_order(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=500)
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=503)

    statuses = [raw_client.get("/v1/namespaces").status_code for _ in range(3)]

    assert statuses == [500, 503, 200]


def test_fault_takes_priority_over_auth(fake_turbopuffer: FakeTurbopuffer) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=429)

    response = httpx.get(f"{fake_turbopuffer.base_url}/v1/namespaces")

    assert response.status_code == 429


def test_drop_connection_sends_no_response(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("POST", "/v2/namespaces/ns", drop_connection=True)

    with pytest.raises(httpx.RemoteProtocolError):
        raw_client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]})
    retried = raw_client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]})

    assert retried.status_code == 200
    assert fake_turbopuffer.write_count("ns") == 1


def test_after_apply_drop_applies_write(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("POST", "/v2/namespaces/ns", after_apply="drop")
    body = {"upsert_rows": [{"id": 1, "a": "x"}]}

    with pytest.raises(httpx.RemoteProtocolError):
        raw_client.post("/v2/namespaces/ns", json=body)
    documents_after_drop = fake_turbopuffer.documents("ns")
    retried = raw_client.post("/v2/namespaces/ns", json=body)

    assert documents_after_drop == [{"id": 1, "a": "x"}]
    assert retried.status_code == 200
    assert fake_turbopuffer.documents("ns") == [{"id": 1, "a": "x"}]
    assert fake_turbopuffer.write_count("ns") == 2


def test_delay_slows_normal_response(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", delay=0.1)

    started = time.monotonic()
    response = raw_client.get("/v1/namespaces")
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert elapsed >= 0.1


def test_delay_exceeding_timeout_times_out(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", delay=0.2)

    with pytest.raises(httpx.ReadTimeout):
        raw_client.get("/v1/namespaces", timeout=0.05)


def test_clear_removes_pending_faults(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=500, times=5)

    fake_turbopuffer.faults.clear()

    assert raw_client.get("/v1/namespaces").status_code == 200


def test_faulted_requests_are_recorded(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=500)

    raw_client.get("/v1/namespaces")

    assert fake_turbopuffer.requests[-1].path == "/v1/namespaces"


def test_invalid_request_under_fault_is_still_recorded(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("POST", "/v2/namespaces/ns", status=503)

    response = raw_client.post("/v2/namespaces/ns", json={"upsert_rows": "nope"})

    assert response.status_code == 503
    assert len(fake_turbopuffer.take_validation_errors()) == 1


@pytest.mark.parametrize(
    "options",
    [
        {"status": 500, "drop_connection": True},
        {"status": 500, "after_apply": "drop"},
        {"after_apply": "respond"},
        {"times": 0},
        {"delay": -1.0},
    ],
)
def test_conflicting_fault_options_are_rejected(
    fake_turbopuffer: FakeTurbopuffer, options: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        fake_turbopuffer.inject("GET", "/v1/namespaces", **options)  # type: ignore[arg-type]
