"""Request helpers shared by the fake server's tests."""

from __future__ import annotations

from typing import Any

import httpx


def write(client: httpx.Client, namespace: str, **body: Any) -> dict[str, Any]:
    """Send a write, assert that it succeeded and return the WriteResult."""
    response = client.post(f"/v2/namespaces/{namespace}", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def query(client: httpx.Client, namespace: str, **body: Any) -> dict[str, Any]:
    """Send a query, assert that it succeeded and return the QueryResult."""
    response = client.post(f"/v2/namespaces/{namespace}/query", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def row_ids(result: dict[str, Any]) -> list[Any]:
    return [row["id"] for row in result["rows"]]
