"""Copy and branch between namespaces, synchronously and through polled operations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from tests.fake_turbopuffer import FakeTurbopuffer
from tests.fake_turbopuffer.pytest_plugin import FakeTurbopufferFactory

from .helpers import write

COPY_FROM = "?stainless_overload=copyFrom"
BRANCH_FROM = "?stainless_overload=branchFrom"
START_COPY_FROM = "/async?stainless_overload=startCopyFrom"
POLL_COPY_FROM = "?stainless_overload=pollCopyFrom"


def _seed_source(client: httpx.Client) -> None:
    write(
        client,
        "src",
        upsert_rows=[{"id": 1, "vector": [1.0, 0.0]}, {"id": 2, "vector": [0.0, 1.0]}],
        distance_metric="euclidean_squared",
    )


def _poll(client: httpx.Client, location: str) -> dict[str, Any]:
    response = client.get(location + POLL_COPY_FROM)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_copy_from_copies_documents(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)

    response = client.post(
        f"/v2/namespaces/dst{COPY_FROM}", json={"copy_from_namespace": {"source_namespace": "src"}}
    )

    assert response.status_code == 200
    assert response.json()["rows_affected"] == 2
    assert fake_turbopuffer.documents("dst") == fake_turbopuffer.documents("src")
    schema = client.get("/v1/namespaces/dst/schema").json()
    assert schema["vector"]["ann"] == {"distance_metric": "euclidean_squared"}


def test_copy_from_accepts_source_name_string(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)

    response = client.post(f"/v2/namespaces/dst{COPY_FROM}", json={"copy_from_namespace": "src"})

    assert response.status_code == 200
    assert len(fake_turbopuffer.documents("dst")) == 2


def test_copy_from_missing_source_is_404(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post(
        f"/v2/namespaces/dst{COPY_FROM}", json={"copy_from_namespace": {"source_namespace": "nope"}}
    )

    assert response.status_code == 404
    assert response.json()["error"] == "source namespace 'nope' not found"
    assert fake_turbopuffer.namespace_names() == []


def test_copy_from_top_level_body_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)

    response = client.post(f"/v2/namespaces/dst{COPY_FROM}", json={"source_namespace": "src"})

    assert response.status_code == 400
    errors = fake_turbopuffer.take_validation_errors()
    assert len(errors) == 1
    assert "must nest the parameters under 'copy_from_namespace'" in errors[0]


def test_branch_from_top_level_body_is_recorded(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    response = client.post(f"/v2/namespaces/dst{BRANCH_FROM}", json={"source_namespace": "src"})

    assert response.status_code == 400
    assert "'branch_from_namespace'" in fake_turbopuffer.take_validation_errors()[0]


def test_branch_from_clones_namespace(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)

    response = client.post(
        f"/v2/namespaces/branch{BRANCH_FROM}",
        json={"branch_from_namespace": {"source_namespace": "src"}},
    )
    write(client, "branch", deletes=[1])

    assert response.status_code == 200
    assert [document["id"] for document in fake_turbopuffer.documents("branch")] == [2]
    assert [document["id"] for document in fake_turbopuffer.documents("src")] == [1, 2]


def test_copy_from_prefer_async_returns_202(client: httpx.Client) -> None:
    _seed_source(client)

    response = client.post(
        f"/v2/namespaces/dst{COPY_FROM}",
        json={"copy_from_namespace": {"source_namespace": "src"}},
        headers={"Prefer": "respond-async"},
    )

    token = response.json()["token"]
    assert response.status_code == 202
    assert response.headers["preference-applied"] == "respond-async"
    assert response.headers["location"] == f"/v1/namespaces/dst/operations/{token}"


def test_start_copy_from_polls_until_finished(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)

    response = client.post(
        f"/v2/namespaces/dst{START_COPY_FROM}",
        json={"copy_from_namespace": {"source_namespace": "src"}},
    )
    location = response.headers["location"]
    statuses = []
    for _ in range(2):
        statuses.append(_poll(client, location)["status"])
        assert fake_turbopuffer.namespace_names() == ["src"]
    finished = _poll(client, location)
    again = _poll(client, location)

    assert response.status_code == 202
    assert "preference-applied" not in response.headers
    assert location == f"/v1/namespaces/dst/operations/{response.json()['token']}"
    assert statuses == ["running", "running"]
    assert finished["status"] == "finished"
    assert finished["result"]["success"]["rows_affected"] == 2
    assert datetime.fromisoformat(finished["finish_time"]) >= datetime.fromisoformat(
        finished["start_time"]
    )
    assert again == finished
    assert len(fake_turbopuffer.documents("dst")) == 2


def test_poll_without_overload_query_is_accepted(client: httpx.Client) -> None:
    _seed_source(client)
    response = client.post(
        f"/v2/namespaces/dst{START_COPY_FROM}", json={"copy_from_namespace": "src"}
    )

    polled = client.get(response.headers["location"])

    assert polled.status_code == 200
    assert polled.json()["status"] == "running"


def test_start_copy_missing_source_finishes_with_error(
    fake_turbopuffer_factory: FakeTurbopufferFactory,
) -> None:
    server = fake_turbopuffer_factory(copy_polls_until_finished=0)
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": "Bearer test-key"}
    ) as http_client:
        response = http_client.post(
            f"/v2/namespaces/dst{START_COPY_FROM}",
            json={"copy_from_namespace": {"source_namespace": "nope"}},
        )

        finished = _poll(http_client, response.headers["location"])

    assert response.status_code == 202
    assert finished["status"] == "finished"
    assert finished["result"] == {
        "error": {
            "status_code": 404,
            "detail": {"status": "error", "error": "source namespace 'nope' not found"},
        }
    }


def test_copy_polls_until_finished_is_settable(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)
    fake_turbopuffer.copy_polls_until_finished = 1

    response = client.post(
        f"/v2/namespaces/dst{START_COPY_FROM}", json={"copy_from_namespace": "src"}
    )
    location = response.headers["location"]

    assert _poll(client, location)["status"] == "running"
    assert _poll(client, location)["status"] == "finished"


def test_copy_without_poll_limit_never_finishes(
    fake_turbopuffer: FakeTurbopuffer, client: httpx.Client
) -> None:
    _seed_source(client)
    fake_turbopuffer.copy_polls_until_finished = None

    response = client.post(
        f"/v2/namespaces/dst{START_COPY_FROM}", json={"copy_from_namespace": "src"}
    )
    statuses = {_poll(client, response.headers["location"])["status"] for _ in range(20)}

    assert statuses == {"running"}
    assert "dst" not in fake_turbopuffer.namespace_names()


def test_unknown_operation_token_is_404(client: httpx.Client) -> None:
    response = client.get(f"/v1/namespaces/dst/operations/unknown{POLL_COPY_FROM}")

    assert response.status_code == 404
    assert "unknown" in response.json()["error"]


def test_token_of_other_namespace_is_404(client: httpx.Client) -> None:
    _seed_source(client)
    token = client.post(
        f"/v2/namespaces/dst{START_COPY_FROM}", json={"copy_from_namespace": "src"}
    ).json()["token"]

    response = client.get(f"/v1/namespaces/other/operations/{token}{POLL_COPY_FROM}")

    assert response.status_code == 404


def test_location_encodes_namespace_name(client: httpx.Client) -> None:
    _seed_source(client)

    response = client.post(
        f"/v2/namespaces/a%2Fb{START_COPY_FROM}", json={"copy_from_namespace": "src"}
    )

    assert response.headers["location"].startswith("/v1/namespaces/a%2Fb/operations/")
    assert _poll(client, response.headers["location"])["status"] == "running"
