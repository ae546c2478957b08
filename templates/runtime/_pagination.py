"""Cursor pagination: iterate over the items of every page, fetching pages lazily.

A pager starts at an optional cursor, fetches a page, yields its items, and reads the
next cursor from the page. It stops when the cursor is missing or empty, or when the
server returns a cursor that the pager has already fetched, because that page and all
pages after it would repeat. Each iteration starts again from the starting cursor.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic

from typing_extensions import TypeVar

__all__ = ["AsyncCursorPager", "SyncCursorPager"]

logger = logging.getLogger(__name__)

ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT", default=Any)


class SyncCursorPager(Generic[ItemT, PageT]):
    """Iterate over the items of all pages: `for item in pager`.

    `fetch_page(cursor)` fetches one page, `get_items(page)` returns its items and
    `get_next_cursor(page)` returns the cursor of the next page or None.
    """

    def __init__(
        self,
        *,
        fetch_page: Callable[[str | None], PageT],
        get_items: Callable[[PageT], list[ItemT]],
        get_next_cursor: Callable[[PageT], str | None],
        cursor: str | None = None,
    ) -> None:
        self._fetch_page = fetch_page
        self._get_items = get_items
        self._get_next_cursor = get_next_cursor
        self._start_cursor = cursor

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from self._get_items(page)

    def pages(self) -> Iterator[PageT]:
        """Iterate over the pages, fetching each one when the previous one is used up."""
        cursor = self._start_cursor
        fetched: set[str | None] = set()
        while True:
            page = self._fetch_page(cursor)
            fetched.add(cursor)
            yield page

            cursor = self._get_next_cursor(page)
            if not _has_next_page(cursor, fetched):
                return

    def first_page(self) -> PageT:
        """Fetch and return the page at the starting cursor."""
        return self._fetch_page(self._start_cursor)


class AsyncCursorPager(Generic[ItemT, PageT]):
    """Iterate over the items of all pages: `async for item in pager`.

    The same as SyncCursorPager, with an asynchronous `fetch_page`.
    """

    def __init__(
        self,
        *,
        fetch_page: Callable[[str | None], Awaitable[PageT]],
        get_items: Callable[[PageT], list[ItemT]],
        get_next_cursor: Callable[[PageT], str | None],
        cursor: str | None = None,
    ) -> None:
        self._fetch_page = fetch_page
        self._get_items = get_items
        self._get_next_cursor = get_next_cursor
        self._start_cursor = cursor

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in self._get_items(page):
                yield item

    async def pages(self) -> AsyncIterator[PageT]:
        """Iterate over the pages, fetching each one when the previous one is used up."""
        cursor = self._start_cursor
        fetched: set[str | None] = set()
        while True:
            page = await self._fetch_page(cursor)
            fetched.add(cursor)
            yield page

            cursor = self._get_next_cursor(page)
            if not _has_next_page(cursor, fetched):
                return

    async def first_page(self) -> PageT:
        """Fetch and return the page at the starting cursor."""
        return await self._fetch_page(self._start_cursor)


def _has_next_page(cursor: str | None, fetched: set[str | None]) -> bool:
    if not cursor:
        return False
    if cursor in fetched:
        logger.warning(
            "Stopping pagination: the server returned cursor %r again, so the next page "
            "would repeat one already fetched.",
            cursor,
        )
        return False
    return True
