"""FakeTurbopuffer: an in-memory turbopuffer API on 127.0.0.1 for end-to-end tests."""

from __future__ import annotations

import copy
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, Self

from ._app import Application, RecordedRequest
from ._context import ServerState
from ._copies import CopyOperations
from ._faults import AfterApply, Fault, FaultInjector
from ._http import ConnectionStats, HttpServer
from ._spec import load_spec
from ._store import Document, Store

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
_STOP_TIMEOUT_SECONDS = 5.0
# serve_forever checks for shutdown this often, so stop() waits at most this long.
_SHUTDOWN_POLL_SECONDS = 0.01


class FakeTurbopuffer:
    """A turbopuffer API server that keeps namespaces in memory and checks requests against the spec.

    Every request the spec forbids gets a 400 response and is recorded in
    `validation_errors`. Responses the spec forbids and unhandled exceptions are
    recorded in `internal_errors`. The server binds to 127.0.0.1 on a port the
    OS assigns, which `base_url` reports after `start()`.
    """

    def __init__(
        self,
        *,
        spec_path: str | os.PathLike[str],
        api_key: str = "test-key",
        copy_polls_until_finished: int | None = 2,
        default_page_size: int = 100,
    ) -> None:
        self.faults = FaultInjector()
        state = ServerState(
            store=Store(),
            copies=CopyOperations(polls_until_finished=copy_polls_until_finished),
            default_page_size=default_page_size,
        )
        self._application = Application(
            spec=load_spec(spec_path), api_key=api_key, state=state, faults=self.faults
        )
        self._http_server: HttpServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._http_server is None:
            raise RuntimeError("the server is not running, call start() first")
        host, port = self._http_server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, in order, as (method, path, headers, body)."""
        return self._application.requests

    @property
    def validation_errors(self) -> list[str]:
        """One message per problem in a request the spec forbids."""
        return self._application.validation_errors

    @property
    def internal_errors(self) -> list[str]:
        """Responses of the fake that the spec forbids, and handler crashes."""
        return self._application.internal_errors

    @property
    def copy_polls_until_finished(self) -> int | None:
        """How many polls of a copy operation report "running" before it finishes.

        None makes every copy operation run forever.
        """
        return self._application.state.copies.polls_until_finished

    @copy_polls_until_finished.setter
    def copy_polls_until_finished(self, value: int | None) -> None:
        self._application.state.copies.polls_until_finished = value

    def connection_stats(self) -> ConnectionStats:
        """Return how many client connections are open, were open at most, and were accepted."""
        if self._http_server is None:
            raise RuntimeError("the server is not running, call start() first")
        return self._http_server.connection_stats()

    def start(self) -> None:
        if self._http_server is not None:
            raise RuntimeError("the server is already running")
        self._http_server = HttpServer((HOST, 0), self._application)
        self._thread = threading.Thread(
            target=self._http_server.serve_forever,
            kwargs={"poll_interval": _SHUTDOWN_POLL_SECONDS},
            name="fake-turbopuffer",
            daemon=True,
        )
        self._thread.start()
        logger.info("Fake turbopuffer server listening on %s", self.base_url)

    def stop(self) -> None:
        """Stop serving and close open connections. Calling it again does nothing."""
        if self._http_server is None:
            return
        http_server, self._http_server = self._http_server, None
        http_server.shutdown()
        http_server.close_connections()
        http_server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=_STOP_TIMEOUT_SECONDS)
            self._thread = None
        logger.info("Fake turbopuffer server stopped")

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def inject(
        self,
        method: str,
        path_prefix: str,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        times: int = 1,
        drop_connection: bool = False,
        reset_connection: bool = False,
        delay: float = 0.0,
        after_apply: AfterApply | None = None,
        truncate_body: bool = False,
    ) -> Fault:
        """Queue a fault for matching requests, as `FaultInjector.inject` describes."""
        return self.faults.inject(
            method,
            path_prefix,
            status=status,
            headers=headers,
            body=body,
            times=times,
            drop_connection=drop_connection,
            reset_connection=reset_connection,
            delay=delay,
            after_apply=after_apply,
            truncate_body=truncate_body,
        )

    def inject_randomly(self, *, rate: float, seed: int, faults: Sequence[Fault]) -> None:
        """Apply one of `faults` to a random share of requests, as `FaultInjector` describes."""
        self.faults.inject_randomly(rate=rate, seed=seed, faults=faults)

    def take_validation_errors(self) -> list[str]:
        """Return the validation errors recorded so far and clear them.

        Tests that send invalid requests on purpose call this so that the
        `fake_turbopuffer` fixture does not fail them at teardown.
        """
        errors = list(self._application.validation_errors)
        self._application.validation_errors.clear()
        return errors

    def document_count(self, namespace: str) -> int:
        """Return the number of documents stored in a namespace (0 when it does not exist)."""
        store = self._application.state.store
        with store.lock:
            found = store.find(namespace)
            return len(found.documents) if found is not None else 0

    def namespace_names(self) -> list[str]:
        store = self._application.state.store
        with store.lock:
            return store.names()

    def documents(self, namespace: str) -> list[Document]:
        """Return copies of the stored documents of a namespace, sorted by id.

        Vectors are lists of floats whichever encoding the client sent. Raises
        KeyError when the namespace does not exist.
        """
        store = self._application.state.store
        with store.lock:
            found = store.find(namespace)
            if found is None:
                raise KeyError(namespace)
            return copy.deepcopy(found.sorted_documents())

    def write_count(self, namespace: str) -> int:
        """Return how many write requests were applied to a namespace (0 when it does not exist)."""
        store = self._application.state.store
        with store.lock:
            found = store.find(namespace)
            return found.write_count if found is not None else 0
