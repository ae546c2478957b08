"""An httpx transport that sends the asynchronous client's requests with aiohttp.

httpx's own asynchronous transport (httpcore on anyio) spends several times more CPU
per request than aiohttp, and more still with many requests in flight, because its
connection pool checks every connection for each request. The asynchronous client
uses this transport when aiohttp is installed and no `http_client` is given.

Everything above the transport stays with httpx: authentication, redirects, event
hooks, proxies from the environment (httpx routes those requests to its own proxy
transports) and response decoding. aiohttp only moves bytes, so it is created with
automatic decompression and environment proxies turned off. TLS uses the same
certificate store as httpx.

aiohttp errors become the httpx exceptions that httpx's transport raises in the same
situation, so callers and the retry logic see one set of errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator

import aiohttp
import httpx
import yarl

__all__ = ["AiohttpTransport"]

logger = logging.getLogger(__name__)

_CHUNK_SIZE = 64 * 1024
# aiohttp adds these headers itself unless they are skipped, but httpx has already set
# the ones the request should carry.
_SKIPPED_AUTO_HEADERS = ("Accept", "Accept-Encoding", "Content-Type", "User-Agent")


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Send httpx requests over an aiohttp connection pool.

    `max_connections` bounds the open connections, like httpx.Limits, and idle
    connections close after `keepalive_expiry` seconds. The aiohttp session is made on
    the first request, inside the running event loop, and a request on another event
    loop gets a new session. httpx's `write` timeout has no aiohttp equivalent and is not
    applied, and aiohttp keeps every idle connection until it expires, where httpx
    keeps at most 20 by default.
    """

    def __init__(
        self, *, max_connections: int = 100, keepalive_expiry: float = 5.0
    ) -> None:
        self._max_connections = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._current_session()
        timeout = self._timeout(request.extensions.get("timeout", {}))
        content = await request.aread()

        with _mapped_errors(request):
            response = await session.request(
                request.method,
                yarl.URL(str(request.url), encoded=True),
                headers=request.headers.multi_items(),
                data=content or None,
                allow_redirects=False,
                timeout=timeout,
            )

        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_ResponseStream(response, request),
            extensions={
                "http_version": b"HTTP/1.1",
                "reason_phrase": (response.reason or "").encode("ascii", "replace"),
            },
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _current_session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if (
            self._session is not None
            and self._loop is loop
            and not self._session.closed
        ):
            return self._session

        if self._session is not None and not self._session.closed:
            # The session belongs to an event loop that has stopped, so it cannot be
            # closed from here; its connections close with that loop.
            logger.debug("Event loop changed; opening a new aiohttp session")
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            limit_per_host=0,
            keepalive_timeout=self._keepalive_expiry,
            ssl=httpx.create_ssl_context(),
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            trust_env=False,
            skip_auto_headers=_SKIPPED_AUTO_HEADERS,
        )
        self._loop = loop
        return self._session

    def _timeout(self, parts: dict[str, float | None]) -> aiohttp.ClientTimeout:
        """Translate httpx's timeout parts.

        aiohttp's `connect` limit covers both waiting for a pooled connection and
        opening one, so it takes httpx's `pool` value, and `sock_connect` its `connect`.
        """
        key = (parts.get("connect"), parts.get("read"), parts.get("pool"))
        timeout = self._timeouts.get(key)
        if timeout is None:
            connect, read, pool = key
            timeout = aiohttp.ClientTimeout(
                total=None, connect=pool, sock_connect=connect, sock_read=read
            )
            self._timeouts[key] = timeout
        return timeout


class _ResponseStream(httpx.AsyncByteStream):
    """The body of an aiohttp response, read in chunks as httpx iterates over it."""

    def __init__(
        self, response: aiohttp.ClientResponse, request: httpx.Request
    ) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _mapped_errors(self._request):
            async for chunk in self._response.content.iter_chunked(_CHUNK_SIZE):
                yield chunk

    async def aclose(self) -> None:
        self._response.release()


@contextlib.contextmanager
def _mapped_errors(request: httpx.Request) -> Iterator[None]:
    """Raise aiohttp's errors as the httpx exceptions for the same failures."""
    try:
        yield
    except aiohttp.ConnectionTimeoutError as error:
        raise httpx.ConnectTimeout(
            str(error) or "connect timed out", request=request
        ) from error
    except TimeoutError as error:
        # SocketTimeoutError, the `sock_read` limit, and any other read timeout.
        raise httpx.ReadTimeout(
            str(error) or "read timed out", request=request
        ) from error
    except aiohttp.ClientConnectorError as error:
        raise httpx.ConnectError(str(error), request=request) from error
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError) as error:
        raise httpx.RemoteProtocolError(str(error), request=request) from error
    except aiohttp.ClientResponseError as error:
        # aiohttp raises this for a response it cannot parse. The status errors that
        # share the class come only from raise_for_status, which is not used here.
        raise httpx.RemoteProtocolError(str(error), request=request) from error
    except (aiohttp.ClientOSError, aiohttp.ClientConnectionError) as error:
        # A connection reset or another socket error after the connection was made.
        raise httpx.ReadError(str(error), request=request) from error
    except aiohttp.InvalidURL as error:
        raise httpx.UnsupportedProtocol(str(error), request=request) from error
    except aiohttp.ClientError as error:
        raise httpx.TransportError(str(error), request=request) from error
