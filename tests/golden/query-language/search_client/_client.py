"""The Search API clients: `SearchClient` and `AsyncSearchClient`.

Both have the same methods; the async client's methods are coroutines, and its
paginated methods return async iterators.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import Self, cast

import httpx

from ._auth import AuthScheme
from ._base_client import AsyncAPIClient, SyncAPIClient, encode_path_parameter
from ._retries import RetryPolicy
from ._types import NOT_GIVEN, NotGiven, Timeout, strip_not_given
from .types import (
    AttributeParam,
    Filter,
    Job,
    Metric,
    SearchResult,
)

__all__ = ["AsyncSearchClient", "SearchClient"]

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
_USER_AGENT = "search-client/0.1.0 (python)"


def _resolve_base_url(
    base_url: str | None,
) -> str:
    """Return the base URL: `base_url`, else $SEARCH_BASE_URL, else the spec's server URL."""
    if base_url is None:
        base_url = os.environ.get("SEARCH_BASE_URL")
    if base_url:
        return base_url
    raise ValueError("missing base URL: pass base_url=... or set $SEARCH_BASE_URL")


class SearchClient:
    """Synchronous client for the Search API."""

    def __init__(
        self,
        *,
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
            base_url: The API's base URL; overrides the server URL. Defaults to $SEARCH_BASE_URL.
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
            ),
            # The spec declares no security scheme, so no key is needed or sent.
            api_key="",
            user_agent=_USER_AGENT,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            compression=compression,
            http_client=http_client,
            auth_scheme=AuthScheme(kind="none"),
        )
        if retry_policy is not None:
            self._api.retry_policy = retry_policy

    @property
    def base_url(self) -> str:
        return self._api.base_url

    def search(
        self,
        *,
        filter_: Filter,
        top_k: int | NotGiven = NOT_GIVEN,
        metric: Metric | NotGiven = NOT_GIVEN,
        embedding: str | None | NotGiven = NOT_GIVEN,
        attributes: Mapping[str, AttributeParam] | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> SearchResult:
        """Send POST /search.

        Args:
            metric: How to compare vectors.
            embedding: A model name, or null to disable embedding.
        """
        body = strip_not_given(
            {
                "top_k": top_k,
                "filter": filter_,
                "metric": metric,
                "embedding": embedding,
                "attributes": attributes,
            }
        )
        response = self._api.request(
            "POST",
            "/search",
            response_type=SearchResult,
            body=body,
            timeout=timeout,
        )
        return cast("SearchResult", response)

    def get_job(
        self,
        id_: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Send GET /jobs/{id}."""
        response = self._api.request(
            "GET",
            "/jobs/" + encode_path_parameter(str(id_)),
            response_type=Job,
            timeout=timeout,
        )
        return cast("Job", response)

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


class AsyncSearchClient:
    """Asynchronous client for the Search API."""

    def __init__(
        self,
        *,
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
            base_url: The API's base URL; overrides the server URL. Defaults to $SEARCH_BASE_URL.
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
            ),
            # The spec declares no security scheme, so no key is needed or sent.
            api_key="",
            user_agent=_USER_AGENT,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            compression=compression,
            http_client=http_client,
            auth_scheme=AuthScheme(kind="none"),
        )
        if retry_policy is not None:
            self._api.retry_policy = retry_policy

    @property
    def base_url(self) -> str:
        return self._api.base_url

    async def search(
        self,
        *,
        filter_: Filter,
        top_k: int | NotGiven = NOT_GIVEN,
        metric: Metric | NotGiven = NOT_GIVEN,
        embedding: str | None | NotGiven = NOT_GIVEN,
        attributes: Mapping[str, AttributeParam] | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> SearchResult:
        """Send POST /search.

        Args:
            metric: How to compare vectors.
            embedding: A model name, or null to disable embedding.
        """
        body = strip_not_given(
            {
                "top_k": top_k,
                "filter": filter_,
                "metric": metric,
                "embedding": embedding,
                "attributes": attributes,
            }
        )
        response = await self._api.request(
            "POST",
            "/search",
            response_type=SearchResult,
            body=body,
            timeout=timeout,
        )
        return cast("SearchResult", response)

    async def get_job(
        self,
        id_: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Send GET /jobs/{id}."""
        response = await self._api.request(
            "GET",
            "/jobs/" + encode_path_parameter(str(id_)),
            response_type=Job,
            timeout=timeout,
        )
        return cast("Job", response)

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
