"""Injected faults: scripted statuses, dropped and reset connections, cut bodies, delays,
drops after a write, random faults and connection counts."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.fake_turbopuffer import FakeTurbopuffer, Fault


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


def test_reset_connection_resets_without_response(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("GET", "/v1/namespaces", reset_connection=True)

    with pytest.raises(httpx.ReadError) as caught:
        raw_client.get("/v1/namespaces")

    assert "reset" in str(caught.value).lower()
    assert raw_client.get("/v1/namespaces").status_code == 200


def test_truncate_body_cuts_normal_response(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject("POST", "/v2/namespaces/ns", truncate_body=True)

    with pytest.raises(httpx.RemoteProtocolError) as caught:
        raw_client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]})

    assert "incomplete" in str(caught.value) or "complete message body" in str(caught.value)
    assert fake_turbopuffer.write_count("ns") == 1


def test_truncate_body_cuts_scripted_response(fake_turbopuffer: FakeTurbopuffer) -> None:
    body = b'{"namespaces": [{"id": "a"}, {"id": "b"}]}'
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=200, body=body, truncate_body=True)
    received = bytearray()

    with (
        httpx.Client(base_url=fake_turbopuffer.base_url) as http_client,
        http_client.stream("GET", "/v1/namespaces") as response,
        pytest.raises(httpx.RemoteProtocolError),
    ):
        for chunk in response.iter_raw():
            received.extend(chunk)

    assert response.headers["content-length"] == str(len(body))
    assert bytes(received) == body[: len(body) // 2]


def test_random_faults_follow_rate_and_seed(fake_turbopuffer: FakeTurbopuffer) -> None:
    def statuses(seed: int) -> list[int]:
        fake_turbopuffer.faults.clear()
        fake_turbopuffer.inject_randomly(
            rate=0.3, seed=seed, faults=[Fault("GET", "/v1/", status=503)]
        )
        with httpx.Client(base_url=fake_turbopuffer.base_url) as http_client:
            return [http_client.get("/v1/namespaces").status_code for _ in range(100)]

    first = statuses(seed=7)
    again = statuses(seed=7)

    assert first == again
    assert 10 <= first.count(503) <= 50
    assert set(first) == {401, 503}
    assert fake_turbopuffer.faults.random_applied_count == 2 * first.count(503)


def test_random_faults_apply_only_where_they_match(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject_randomly(
        rate=1.0, seed=1, faults=[Fault("POST", "/v2/namespaces/ns/query", status=500)]
    )

    write = raw_client.post("/v2/namespaces/ns", json={"upsert_rows": [{"id": 1}]})
    query = raw_client.post("/v2/namespaces/ns/query", json={"rank_by": ["id", "asc"]})

    assert write.status_code == 200
    assert query.status_code == 500


def test_queued_faults_come_before_random_ones(
    fake_turbopuffer: FakeTurbopuffer, raw_client: httpx.Client
) -> None:
    fake_turbopuffer.inject_randomly(rate=1.0, seed=1, faults=[Fault("GET", "/", status=503)])
    fake_turbopuffer.inject("GET", "/v1/namespaces", status=429)

    statuses = [raw_client.get("/v1/namespaces").status_code for _ in range(2)]
    fake_turbopuffer.faults.clear()

    assert statuses == [429, 503]
    assert fake_turbopuffer.faults.applied_count == 2
    assert fake_turbopuffer.faults.random_applied_count == 1
    assert raw_client.get("/v1/namespaces").status_code == 200


@pytest.mark.parametrize("rate", [-0.1, 1.5])
def test_random_fault_rate_is_checked(fake_turbopuffer: FakeTurbopuffer, rate: float) -> None:
    with pytest.raises(ValueError, match="rate"):
        fake_turbopuffer.inject_randomly(rate=rate, seed=1, faults=[Fault("*", "/", status=500)])


def test_connection_stats_count_connections(fake_turbopuffer: FakeTurbopuffer) -> None:
    clients = [httpx.Client(base_url=fake_turbopuffer.base_url) for _ in range(3)]
    for http_client in clients:
        http_client.get("/v1/namespaces")
    while_open = fake_turbopuffer.connection_stats()
    for http_client in clients:
        http_client.close()
    deadline = time.monotonic() + 2.0
    while fake_turbopuffer.connection_stats().open and time.monotonic() < deadline:
        time.sleep(0.01)
    after_close = fake_turbopuffer.connection_stats()

    assert while_open.open == 3
    assert while_open.accepted == 3
    assert after_close.open == 0
    assert after_close.peak_open == 3


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
        {"status": 500, "reset_connection": True},
        {"drop_connection": True, "truncate_body": True},
        {"after_apply": "drop", "truncate_body": True},
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
