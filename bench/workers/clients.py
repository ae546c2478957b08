"""Measure one turbopuffer client in this interpreter and print the samples as JSON.

Run as a script by `bench.client_bench`, once with this project's environment for the
generated client ("ours", "ours-aiohttp") and once with the official client's
environment ("official"). It imports nothing from this repository except the
generated package, so it runs in either environment.

    python clients.py request-build --client ours --rows 10000 --dims 768 --runs 3
    python clients.py response-parse --client official --rows 1000 --dims 768 --runs 3
    python clients.py cpu --client ours-aiohttp --port 8123 --requests 2000 --concurrency 64

Request building and response parsing go through a mock transport that captures the
request and returns a canned response, so no request leaves the process. Times are the
CPU time of this process (time.process_time), which a busy machine disturbs less than
wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import random
import struct
import sys
import time
from collections.abc import Callable
from typing import Any

API_KEY = "bench-key"
NAMESPACE = "bench"
# A port nothing listens on: the mock transports respond before any connection is made.
UNUSED_BASE_URL = "http://127.0.0.1:9"
WRITE_RESPONSE = {
    "status": "OK",
    "message": "Write applied.",
    "rows_affected": 0,
    "billing": {"billable_logical_bytes_written": 0},
}


def main() -> None:
    arguments = _parser().parse_args()
    if arguments.package_path:
        sys.path.insert(0, arguments.package_path)

    if arguments.command == "request-build":
        result = request_build(
            arguments.client,
            arguments.rows,
            arguments.dims,
            arguments.runs,
            numpy_input=arguments.numpy,
        )
    elif arguments.command == "response-parse":
        result = response_parse(arguments.client, arguments.rows, arguments.dims, arguments.runs)
    else:
        result = asyncio.run(
            cpu_per_request(
                arguments.client, arguments.port, arguments.requests, arguments.concurrency
            )
        )
    print(json.dumps(result))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["request-build", "response-parse", "cpu"])
    parser.add_argument("--client", required=True, choices=["ours", "ours-aiohttp", "official"])
    parser.add_argument("--package-path", help="Folder holding the generated package.")
    parser.add_argument("--rows", type=int, default=10_000, help="Documents in the workload.")
    parser.add_argument("--dims", type=int, default=768, help="Dimensions of each vector.")
    parser.add_argument("--runs", type=int, default=3, help="Measured runs after one warm-up.")
    parser.add_argument(
        "--numpy", action="store_true", help="Give vectors as numpy float32 arrays."
    )
    parser.add_argument("--port", type=int, help="Port of the local server on 127.0.0.1.")
    parser.add_argument("--requests", type=int, default=2000, help="Measured queries.")
    parser.add_argument("--concurrency", type=int, default=64, help="Queries in flight at once.")
    return parser


# --- request build ----------------------------------------------------------------


def request_build(
    client: str, rows: int, dims: int, runs: int, *, numpy_input: bool
) -> dict[str, Any]:
    """Time `write(upsert_rows=...)` from the call until the transport receives the bytes."""
    documents = _documents(rows, dims, numpy_input=numpy_input)
    captured: dict[str, Any] = {}

    def on_request(content: bytes) -> None:
        captured["cpu"] = time.process_time()
        captured["content"] = content

    namespace = _namespace_with_mock(client, on_request, WRITE_RESPONSE)
    samples = []
    for run in range(runs + 1):
        started = time.process_time()
        try:
            namespace.write(upsert_rows=documents, distance_metric="cosine_distance")
        except TypeError as error:
            return {"error": f"TypeError: {error}"}
        if run > 0:
            samples.append(captured["cpu"] - started)

    body = json.loads(captured["content"])
    return {
        "samples": samples,
        "bytes": len(captured["content"]),
        "vectors_match": _vectors_match(body, documents),
        "pack_samples": _packing_floor(documents, runs) if not numpy_input else [],
    }


def _packing_floor(documents: list[dict[str, Any]], runs: int) -> list[float]:
    """Time packing every vector into float32 bytes with struct, which any client must do.

    Converting Python floats is the step that base64 encoding cannot skip, and
    struct.pack is the fastest way in the standard library.
    """
    vectors = [document["vector"] for document in documents]
    packer = struct.Struct(f"<{len(vectors[0])}f")
    samples = []
    for _ in range(runs):
        started = time.process_time()
        for vector in vectors:
            packer.pack(*vector)
        samples.append(time.process_time() - started)
    return samples


def _documents(rows: int, dims: int, *, numpy_input: bool) -> list[dict[str, Any]]:
    generator = random.Random(5)
    documents = [
        {
            "id": index,
            "vector": [generator.uniform(-1.0, 1.0) for _ in range(dims)],
            "title": f"document {index}",
            "category": f"category {index % 16}",
        }
        for index in range(rows)
    ]
    if numpy_input:
        import numpy

        for document in documents:
            document["vector"] = numpy.asarray(document["vector"], dtype=numpy.float32)
    return documents


def _vectors_match(body: dict[str, Any], documents: list[dict[str, Any]]) -> bool:
    """Check that every vector sent decodes to the float32 values of the input."""
    for sent, document in zip(body["upsert_rows"], documents, strict=True):
        values = [float(value) for value in document["vector"]]
        expected = struct.unpack(f"<{len(values)}f", struct.pack(f"<{len(values)}f", *values))
        vector = sent["vector"]
        if isinstance(vector, str):
            raw = base64.b64decode(vector)
            vector = struct.unpack(f"<{len(raw) // 4}f", raw)
        if tuple(vector) != expected and [float(v) for v in vector] != values:
            return False
    return True


# --- response parse ---------------------------------------------------------------


def response_parse(client: str, rows: int, dims: int, runs: int) -> dict[str, Any]:
    """Time `query()` on a canned result, and a bare orjson.loads of the same bytes."""
    import orjson

    content = orjson.dumps(_query_result(rows, dims))
    namespace = _namespace_with_mock(client, lambda content: None, content)

    client_samples, loads_samples = [], []
    for run in range(runs + 1):
        started = time.process_time()
        result = namespace.query(
            rank_by=("vector", "ANN", [0.0] * dims), top_k=rows, include_attributes=True
        )
        client_samples.append(time.process_time() - started)

        started = time.process_time()
        orjson.loads(content)
        loads_samples.append(time.process_time() - started)

    returned_rows = len(result.rows or [])
    return {
        "samples": client_samples[1:],
        "loads_samples": loads_samples[1:],
        "bytes": len(content),
        "rows": returned_rows,
    }


def _query_result(rows: int, dims: int) -> dict[str, Any]:
    generator = random.Random(7)
    return {
        "rows": [
            {
                "id": index,
                "$dist": generator.random(),
                "vector": [generator.uniform(-1.0, 1.0) for _ in range(dims)],
                "title": f"document {index}",
            }
            for index in range(rows)
        ],
        "performance": {
            "cache_hit_ratio": 1.0,
            "cache_temperature": "hot",
            "server_total_ms": 3,
            "query_execution_ms": 2,
            "exhaustive_search_count": 0,
            "approx_namespace_size": rows,
        },
        "billing": {"billable_logical_bytes_queried": 1, "billable_logical_bytes_returned": 1},
    }


# --- mock transports ----------------------------------------------------------------


def _namespace_with_mock(client: str, on_request: Callable[[bytes], None], response: Any) -> Any:
    """Return a namespace handle whose client gets `response` for every request."""
    body = response if isinstance(response, bytes) else json.dumps(response).encode()
    headers = {"Content-Type": "application/json"}

    if client == "official":
        import httpx2
        import turbopuffer

        def official_handler(request: httpx2.Request) -> httpx2.Response:
            on_request(request.content)
            return httpx2.Response(200, content=body, headers=headers)

        http_client = httpx2.Client(transport=httpx2.MockTransport(official_handler))
        official = turbopuffer.Turbopuffer(
            api_key=API_KEY, base_url=UNUSED_BASE_URL, http_client=http_client
        )
        return official.namespace(NAMESPACE)

    import httpx
    import turbopuffer_client

    def handler(request: httpx.Request) -> httpx.Response:
        on_request(request.content)
        return httpx.Response(200, content=body, headers=headers)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    ours = turbopuffer_client.Turbopuffer(
        api_key=API_KEY, base_url=UNUSED_BASE_URL, http_client=http
    )
    return ours.namespace(NAMESPACE)


# --- CPU per request ----------------------------------------------------------------


async def cpu_per_request(
    client: str, port: int, requests: int, concurrency: int
) -> dict[str, Any]:
    """Send `requests` small queries, `concurrency` at a time, and return the CPU seconds each."""
    async_client, close = _async_client(client, f"http://127.0.0.1:{port}")
    namespace = async_client.namespace(NAMESPACE)
    limit = asyncio.Semaphore(concurrency)

    async def one_query() -> None:
        async with limit:
            await namespace.query(
                rank_by=("vector", "ANN", [0.1, 0.2, 0.3, 0.4]),
                top_k=10,
                include_attributes=["title"],
            )

    try:
        # The warm-up opens the connections and fills the caches before measuring.
        await asyncio.gather(*(one_query() for _ in range(max(requests // 10, concurrency))))
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        await asyncio.gather(*(one_query() for _ in range(requests)))
        cpu, wall = time.process_time() - cpu_started, time.perf_counter() - wall_started
    finally:
        await close()
    return {"samples": [cpu / requests], "wall_seconds": wall}


def _async_client(client: str, base_url: str) -> tuple[Any, Callable[[], Any]]:
    if client == "official":
        import turbopuffer

        official = turbopuffer.AsyncTurbopuffer(api_key=API_KEY, base_url=base_url)
        return official, official.close

    import httpx
    import turbopuffer_client

    if client == "ours-aiohttp":
        http_client = httpx.AsyncClient(transport=turbopuffer_client.AiohttpTransport())
        ours = turbopuffer_client.AsyncTurbopuffer(
            api_key=API_KEY, base_url=base_url, http_client=http_client
        )
        return ours, http_client.aclose

    ours = turbopuffer_client.AsyncTurbopuffer(api_key=API_KEY, base_url=base_url)
    return ours, ours.close


if __name__ == "__main__":
    main()
