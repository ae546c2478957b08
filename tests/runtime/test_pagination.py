"""SyncCursorPager and AsyncCursorPager in _pagination.py."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pydantic import BaseModel

from tests.support.scripted_server import ScriptedServer, json_response


@dataclass
class Page:
    items: list[int]
    next_cursor: str | None


class PageSource:
    """Pages keyed by cursor, with a log of the cursors fetched.

    Fetching more than 20 pages raises, so a pager that loops fails instead of hanging.
    """

    def __init__(self, pages: dict[str | None, Page]) -> None:
        self.pages = pages
        self.fetched: list[str | None] = []

    def fetch(self, cursor: str | None) -> Page:
        if len(self.fetched) >= 20:
            raise RuntimeError(f"pager fetched more than 20 pages: {self.fetched}")
        self.fetched.append(cursor)
        return self.pages[cursor]

    async def fetch_async(self, cursor: str | None) -> Page:
        return self.fetch(cursor)


THREE_PAGES = {
    None: Page([1, 2], "c1"),
    "c1": Page([3], "c2"),
    "c2": Page([4, 5], None),
}


def make_pager(runtime, source: PageSource, cursor: str | None = None):
    return runtime.pagination.SyncCursorPager(
        fetch_page=source.fetch,
        get_items=lambda page: page.items,
        get_next_cursor=lambda page: page.next_cursor,
        cursor=cursor,
    )


def make_async_pager(runtime, source: PageSource, cursor: str | None = None):
    return runtime.pagination.AsyncCursorPager(
        fetch_page=source.fetch_async,
        get_items=lambda page: page.items,
        get_next_cursor=lambda page: page.next_cursor,
        cursor=cursor,
    )


def test_iterates_items_across_pages(runtime) -> None:
    source = PageSource(THREE_PAGES)

    assert list(make_pager(runtime, source)) == [1, 2, 3, 4, 5]
    assert source.fetched == [None, "c1", "c2"]


def test_fetches_lazily(runtime) -> None:
    source = PageSource(THREE_PAGES)
    items = iter(make_pager(runtime, source))

    assert [next(items), next(items)] == [1, 2]
    assert source.fetched == [None]
    assert next(items) == 3
    assert source.fetched == [None, "c1"]


def test_starts_at_given_cursor(runtime) -> None:
    source = PageSource(THREE_PAGES)

    assert list(make_pager(runtime, source, cursor="c1")) == [3, 4, 5]


def test_empty_cursor_ends_iteration(runtime) -> None:
    source = PageSource({None: Page([1], ""), "": Page([99], None)})

    assert list(make_pager(runtime, source)) == [1]


def test_repeated_cursor_stops_with_warning(runtime, caplog) -> None:
    source = PageSource({None: Page([1], "c1"), "c1": Page([2], "c2"), "c2": Page([3], "c1")})

    with caplog.at_level(logging.WARNING):
        items = list(make_pager(runtime, source))

    assert items == [1, 2, 3]
    assert source.fetched == [None, "c1", "c2"]
    assert "'c1' again" in caplog.text


def test_same_cursor_twice_in_a_row_stops(runtime) -> None:
    source = PageSource({"c": Page([1], "c")})

    assert list(make_pager(runtime, source, cursor="c")) == [1]


def test_pages_and_first_page(runtime) -> None:
    source = PageSource(THREE_PAGES)
    pager = make_pager(runtime, source)

    assert [page.items for page in pager.pages()] == [[1, 2], [3], [4, 5]]
    assert pager.first_page() == THREE_PAGES[None]


def test_each_iteration_restarts(runtime) -> None:
    pager = make_pager(runtime, PageSource(THREE_PAGES))

    assert list(pager) == list(pager) == [1, 2, 3, 4, 5]


async def test_async_iterates_items(runtime) -> None:
    source = PageSource(THREE_PAGES)

    items = [item async for item in make_async_pager(runtime, source)]

    assert items == [1, 2, 3, 4, 5]
    assert source.fetched == [None, "c1", "c2"]


async def test_async_repeated_cursor_stops(runtime) -> None:
    source = PageSource({None: Page([1], "c1"), "c1": Page([2], "c1")})

    items = [item async for item in make_async_pager(runtime, source)]

    assert items == [1, 2]


async def test_async_pages_and_first_page(runtime) -> None:
    pager = make_async_pager(runtime, PageSource(THREE_PAGES))

    pages = [page.items async for page in pager.pages()]

    assert pages == [[1, 2], [3], [4, 5]]
    assert await pager.first_page() == THREE_PAGES[None]


class NamespacePage(BaseModel):
    namespaces: list[str]
    next_cursor: str | None = None


def test_pager_over_client(make_client, runtime, server: ScriptedServer) -> None:
    server.enqueue(
        "GET",
        "/v1/namespaces",
        json_response({"namespaces": ["a", "b"], "next_cursor": "n 1"}),
        json_response({"namespaces": ["c"]}),
    )
    client = make_client()

    def fetch(cursor: str | None):
        return client.request(
            "GET", "/v1/namespaces", response_type=NamespacePage, params={"cursor": cursor}
        )

    pager = runtime.pagination.SyncCursorPager(
        fetch_page=fetch,
        get_items=lambda page: page.namespaces,
        get_next_cursor=lambda page: page.next_cursor,
    )

    assert list(pager) == ["a", "b", "c"]
    assert [request.path for request in server.requests] == [
        "/v1/namespaces",
        "/v1/namespaces?cursor=n%201",
    ]
