"""The turbopuffer API clients: `Turbopuffer` and `AsyncTurbopuffer`.

Both have the same methods; the async client's methods are coroutines, and its
paginated methods return async iterators.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import Self, cast

import httpx

from ._auth import resolve_api_key
from ._base_client import AsyncAPIClient, SyncAPIClient
from ._pagination import AsyncCursorPager, SyncCursorPager
from ._resources import AsyncNamespace, Namespace
from ._retries import RetryPolicy
from ._types import NOT_GIVEN, NotGiven, Timeout
from .types import (
    NamespacesResponse,
    NamespaceSummary,
)

__all__ = ["AsyncTurbopuffer", "Turbopuffer"]

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
_USER_AGENT = "turbopuffer-client/0.1.1 (python)"


def _resolve_base_url(
    base_url: str | None,
    region: str | None,
) -> str:
    """Return the base URL: `base_url`, else $TURBOPUFFER_BASE_URL, else the spec's server URL."""
    if base_url is None:
        base_url = os.environ.get("TURBOPUFFER_BASE_URL")
    if base_url:
        return base_url
    url = "https://{region}.turbopuffer.com"
    if region is None:
        region = os.environ.get("TURBOPUFFER_REGION")
    if region is None:
        raise ValueError(
            "missing region: pass region=..., set $TURBOPUFFER_REGION or pass base_url=..."
        )
    url = url.replace("{region}", region)
    return url


class Turbopuffer:
    """
    Synchronous client for the turbopuffer API.

    turbopuffer is a fast search engine that combines vector and full-text search using
    object storage.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
        compression: bool = False,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: The API key; defaults to $TURBOPUFFER_API_KEY.
            region: The turbopuffer region to use. Defaults to $TURBOPUFFER_REGION.
            base_url: The API's base URL; overrides the server URL. Defaults to $TURBOPUFFER_BASE_URL.
            timeout: Seconds to wait for each attempt of a call. For an asynchronous
                operation it also bounds the whole wait, polls included.
            max_retries: How many times to retry a failed call that is safe to retry.
            retry_policy: Retry count and delays (backoff, cap on `Retry-After`);
                when given, it replaces `max_retries`.
            default_headers: Headers sent with every request.
            compression: Gzip request bodies and accept gzip responses. Off by default,
                because clients are usually CPU-bound rather than network-bound.
            http_client: An httpx client to send requests with, for custom transports.
        """
        self._api = SyncAPIClient(
            base_url=_resolve_base_url(
                base_url,
                region,
            ),
            api_key=resolve_api_key(api_key, env_var="TURBOPUFFER_API_KEY"),
            user_agent=_USER_AGENT,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            compression=compression,
            http_client=http_client,
        )
        if retry_policy is not None:
            self._api.retry_policy = retry_policy

    @property
    def base_url(self) -> str:
        return self._api.base_url

    def namespace(self, namespace: str) -> Namespace:
        """
        Return a handle on one namespace; it sends no request until a method is called.
        """
        return Namespace(self._api, namespace)

    def namespaces(
        self,
        *,
        cursor: str | NotGiven = NOT_GIVEN,
        prefix: str | NotGiven = NOT_GIVEN,
        page_size: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPager[NamespaceSummary, NamespacesResponse]:
        """List namespaces.

        Args:
            cursor: Retrieve the next page of results.
            prefix: Retrieve only the namespaces that match the prefix.
            page_size: Limit the number of results per page.
        """
        start_cursor = None if isinstance(cursor, NotGiven) else cursor

        def fetch_page(page_cursor: str | None) -> NamespacesResponse:
            page = self._api.request(
                "GET",
                "/v1/namespaces",
                response_type=NamespacesResponse,
                params={
                    "cursor": page_cursor if page_cursor is not None else NOT_GIVEN,
                    "prefix": prefix,
                    "page_size": page_size,
                },
                timeout=timeout,
            )
            return cast("NamespacesResponse", page)

        return SyncCursorPager(
            fetch_page=fetch_page,
            get_items=lambda page: page.namespaces or [],
            get_next_cursor=lambda page: page.next_cursor,
            cursor=start_cursor,
        )

    def close(self) -> None:
        """Close the connections of the client's HTTP connection pool."""
        self._api.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class AsyncTurbopuffer:
    """
    Asynchronous client for the turbopuffer API.

    turbopuffer is a fast search engine that combines vector and full-text search using
    object storage.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        default_headers: Mapping[str, str] | None = None,
        compression: bool = False,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
            api_key: The API key; defaults to $TURBOPUFFER_API_KEY.
            region: The turbopuffer region to use. Defaults to $TURBOPUFFER_REGION.
            base_url: The API's base URL; overrides the server URL. Defaults to $TURBOPUFFER_BASE_URL.
            timeout: Seconds to wait for each attempt of a call. For an asynchronous
                operation it also bounds the whole wait, polls included.
            max_retries: How many times to retry a failed call that is safe to retry.
            retry_policy: Retry count and delays (backoff, cap on `Retry-After`);
                when given, it replaces `max_retries`.
            default_headers: Headers sent with every request.
            compression: Gzip request bodies and accept gzip responses. Off by default,
                because clients are usually CPU-bound rather than network-bound.
            http_client: An httpx client to send requests with, for custom transports.
        """
        self._api = AsyncAPIClient(
            base_url=_resolve_base_url(
                base_url,
                region,
            ),
            api_key=resolve_api_key(api_key, env_var="TURBOPUFFER_API_KEY"),
            user_agent=_USER_AGENT,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            compression=compression,
            http_client=http_client,
        )
        if retry_policy is not None:
            self._api.retry_policy = retry_policy

    @property
    def base_url(self) -> str:
        return self._api.base_url

    def namespace(self, namespace: str) -> AsyncNamespace:
        """
        Return a handle on one namespace; it sends no request until a method is called.
        """
        return AsyncNamespace(self._api, namespace)

    def namespaces(
        self,
        *,
        cursor: str | NotGiven = NOT_GIVEN,
        prefix: str | NotGiven = NOT_GIVEN,
        page_size: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncCursorPager[NamespaceSummary, NamespacesResponse]:
        """List namespaces.

        Args:
            cursor: Retrieve the next page of results.
            prefix: Retrieve only the namespaces that match the prefix.
            page_size: Limit the number of results per page.
        """
        start_cursor = None if isinstance(cursor, NotGiven) else cursor

        async def fetch_page(page_cursor: str | None) -> NamespacesResponse:
            page = await self._api.request(
                "GET",
                "/v1/namespaces",
                response_type=NamespacesResponse,
                params={
                    "cursor": page_cursor if page_cursor is not None else NOT_GIVEN,
                    "prefix": prefix,
                    "page_size": page_size,
                },
                timeout=timeout,
            )
            return cast("NamespacesResponse", page)

        return AsyncCursorPager(
            fetch_page=fetch_page,
            get_items=lambda page: page.namespaces or [],
            get_next_cursor=lambda page: page.next_cursor,
            cursor=start_cursor,
        )

    async def close(self) -> None:
        """Close the connections of the client's HTTP connection pool."""
        await self._api.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"
