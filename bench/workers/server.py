"""A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with one query result.

It runs in its own process, so its CPU time is not counted against the client being
measured. It prints the port it listens on, keeps connections alive, and exits after
`--seconds` at the latest.

    python server.py --seconds 300
"""

from __future__ import annotations

import argparse
import asyncio
import json

QUERY_RESULT = {
    "rows": [
        {"id": index, "$dist": 0.01 * index, "title": f"document {index}"} for index in range(10)
    ],
    "performance": {
        "cache_hit_ratio": 1.0,
        "cache_temperature": "hot",
        "server_total_ms": 1,
        "query_execution_ms": 1,
        "exhaustive_search_count": 0,
        "approx_namespace_size": 10,
    },
    "billing": {"billable_logical_bytes_queried": 1, "billable_logical_bytes_returned": 1},
}


def _response() -> bytes:
    body = json.dumps(QUERY_RESULT).encode()
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


RESPONSE = _response()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer requests on one connection until the client closes it."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def serve(seconds: float) -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await asyncio.sleep(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="Exit after this long.")
    asyncio.run(serve(parser.parse_args().seconds))


if __name__ == "__main__":
    main()
