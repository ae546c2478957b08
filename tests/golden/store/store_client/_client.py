"""The Store API clients: `StoreClient` and `AsyncStoreClient`.

Both have the same methods; the async client's methods are coroutines, and its
paginated methods return async iterators.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Self, cast

import httpx

from ._auth import resolve_api_key
from ._base_client import AsyncAPIClient, SyncAPIClient, encode_path_parameter
from ._retries import RetryPolicy
from ._types import NOT_GIVEN, NotGiven, Timeout, strip_not_given
from .types import (
    Item,
    Status,
)

__all__ = ["AsyncStoreClient", "StoreClient"]

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
_USER_AGENT = "store-client/0.1.0 (python)"


def _resolve_base_url(
    base_url: str | None,
) -> str:
    """Return the base URL: `base_url`, else $STORE_BASE_URL, else the spec's server URL."""
    if base_url is None:
        base_url = os.environ.get("STORE_BASE_URL")
    if base_url:
        return base_url
    url = "https://api.store.example/v1"
    return url


class StoreClient:
    """
    Synchronous client for the Store API.

    A minimal store used to pin down the generator's basic output.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
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
            api_key: The API key; defaults to $STORE_API_KEY.
            base_url: The API's base URL; overrides the server URL. Defaults to $STORE_BASE_URL.
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
            api_key=resolve_api_key(api_key, env_var="STORE_API_KEY"),
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

    def list_items(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        x_request_id: str | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Item]:
        """List items.

        Args:
            limit: Maximum number of items to return.
        """
        response = self._api.request(
            "GET",
            "/items",
            response_type=list[Item],
            params={
                "limit": limit,
                "tags": tags,
            },
            headers=strip_not_given(
                {
                    "X-Request-Id": x_request_id,
                }
            ),
            timeout=timeout,
        )
        return cast("list[Item]", response)

    def create_item(
        self,
        *,
        name: str,
        status: Status | NotGiven = NOT_GIVEN,
        price: float | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Item:
        """Create an item.

        Args:
            name: The item's name.
            status: Whether the item can be bought.
        """
        body = strip_not_given({"name": name, "status": status, "price": price})
        response = self._api.request(
            "POST",
            "/items",
            response_type=Item,
            body=body,
            timeout=timeout,
        )
        return cast("Item", response)

    def get_item(
        self,
        item_id: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Item:
        """Send GET /items/{item_id}."""
        response = self._api.request(
            "GET",
            "/items/" + encode_path_parameter(str(item_id)),
            response_type=Item,
            timeout=timeout,
        )
        return cast("Item", response)

    def delete_item(
        self,
        item_id: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Send DELETE /items/{item_id}."""
        self._api.request(
            "DELETE",
            "/items/" + encode_path_parameter(str(item_id)),
            response_type=None,
            timeout=timeout,
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


class AsyncStoreClient:
    """
    Asynchronous client for the Store API.

    A minimal store used to pin down the generator's basic output.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
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
            api_key: The API key; defaults to $STORE_API_KEY.
            base_url: The API's base URL; overrides the server URL. Defaults to $STORE_BASE_URL.
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
            api_key=resolve_api_key(api_key, env_var="STORE_API_KEY"),
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

    async def list_items(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        x_request_id: str | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Item]:
        """List items.

        Args:
            limit: Maximum number of items to return.
        """
        response = await self._api.request(
            "GET",
            "/items",
            response_type=list[Item],
            params={
                "limit": limit,
                "tags": tags,
            },
            headers=strip_not_given(
                {
                    "X-Request-Id": x_request_id,
                }
            ),
            timeout=timeout,
        )
        return cast("list[Item]", response)

    async def create_item(
        self,
        *,
        name: str,
        status: Status | NotGiven = NOT_GIVEN,
        price: float | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Item:
        """Create an item.

        Args:
            name: The item's name.
            status: Whether the item can be bought.
        """
        body = strip_not_given({"name": name, "status": status, "price": price})
        response = await self._api.request(
            "POST",
            "/items",
            response_type=Item,
            body=body,
            timeout=timeout,
        )
        return cast("Item", response)

    async def get_item(
        self,
        item_id: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Item:
        """Send GET /items/{item_id}."""
        response = await self._api.request(
            "GET",
            "/items/" + encode_path_parameter(str(item_id)),
            response_type=Item,
            timeout=timeout,
        )
        return cast("Item", response)

    async def delete_item(
        self,
        item_id: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        """Send DELETE /items/{item_id}."""
        await self._api.request(
            "DELETE",
            "/items/" + encode_path_parameter(str(item_id)),
            response_type=None,
            timeout=timeout,
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
