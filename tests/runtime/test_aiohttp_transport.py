"""AiohttpTransport details that the shared client tests do not reach.

The client tests in test_client.py run with this transport too (the "async-aiohttp"
kind of `make_client`); these cover what only this transport does.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from types import SimpleNamespace

import httpx

from tests.runtime.conftest import API_KEY
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response


def api_client(runtime: SimpleNamespace, server: ScriptedServer, transport: object) -> object:
    return runtime.base_client.AsyncAPIClient(
        base_url=server.url,
        api_key=API_KEY,
        user_agent="transport-tests/1.0",
        max_retries=0,
        http_client=httpx.AsyncClient(transport=transport),
    )


def test_sends_only_the_clients_headers(runtime: SimpleNamespace, server: ScriptedServer) -> None:
    server.enqueue("POST", "/v1/items", json_response({"ok": True}))
    transport = runtime.aiohttp_transport.AiohttpTransport()
    client = api_client(runtime, server, transport)

    async def send() -> None:
        await client.request("POST", "/v1/items", response_type=None, body={"a": [1, 2]})
        await transport.aclose()

    asyncio.run(send())

    request = server.requests[0]
    assert request.headers["user-agent"] == "transport-tests/1.0"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept-encoding"] == "identity"
    assert json.loads(request.body) == {"a": [1, 2]}


def test_gzip_response_is_decoded_once(runtime: SimpleNamespace, server: ScriptedServer) -> None:
    body = gzip.compress(json.dumps({"id": 7}).encode())
    headers = [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]
    server.enqueue("GET", "/v1/item", ScriptedResponse(headers=headers, body=body))
    transport = runtime.aiohttp_transport.AiohttpTransport()
    client = api_client(runtime, server, transport)

    async def fetch() -> object:
        try:
            return await client.request("GET", "/v1/item", response_type=dict[str, int])
        finally:
            await transport.aclose()

    assert asyncio.run(fetch()) == {"id": 7}


def test_new_event_loop_gets_new_session(runtime: SimpleNamespace, server: ScriptedServer) -> None:
    server.always("GET", "/v1/item", json_response({"id": 1}))
    transport = runtime.aiohttp_transport.AiohttpTransport()
    client = api_client(runtime, server, transport)

    async def fetch() -> object:
        return await client.request("GET", "/v1/item", response_type=dict[str, int])

    first = asyncio.run(fetch())
    second = asyncio.run(fetch())
    asyncio.run(transport.aclose())

    assert first == second == {"id": 1}
    assert len(server.requests) == 2


def test_aclose_closes_the_session(runtime: SimpleNamespace, server: ScriptedServer) -> None:
    server.enqueue("GET", "/v1/item", json_response({"id": 1}))
    transport = runtime.aiohttp_transport.AiohttpTransport()
    client = api_client(runtime, server, transport)

    async def fetch_and_close() -> object:
        await client.request("GET", "/v1/item", response_type=None)
        session = transport._session
        await transport.aclose()
        return session

    session = asyncio.run(fetch_and_close())

    assert session is not None
    assert session.closed
    assert transport._session is None
