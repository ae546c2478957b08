"""Match a raw request target to a spec operation.

A match needs the same method, the same path template and the same
`stainless_overload` query value as the spec's path key. Path parameters are
percent-decoded exactly once, after splitting on "/", so a namespace name that
contains an encoded "/" or "?" stays one parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from ._errors import ApiError, MethodNotAllowed, NotFound
from ._spec import OVERLOAD_PARAMETER, Operation


@dataclass(frozen=True)
class RequestTarget:
    """A request target split into encoded path segments and decoded query pairs."""

    raw: str
    segments: tuple[str, ...]
    query: tuple[tuple[str, str], ...]

    @property
    def overload(self) -> str | None:
        for name, value in self.query:
            if name == OVERLOAD_PARAMETER:
                return value
        return None


@dataclass(frozen=True)
class RouteMatch:
    operation: Operation
    path_params: dict[str, str]


class RouteError(ApiError):
    """Raised when no spec operation matches, with status 404 or 405."""

    def __init__(self, error: NotFound | MethodNotAllowed) -> None:
        super().__init__(error.message)
        self.status = error.status


def parse_target(raw: str) -> RequestTarget:
    path, _, query = raw.partition("?")
    path = path.split("#", 1)[0]
    return RequestTarget(
        raw=raw,
        segments=tuple(path.strip("/").split("/")),
        query=tuple(parse_qsl(query, keep_blank_values=True)),
    )


class Router:
    """Find the operation for a request among the spec's operations."""

    def __init__(self, operations: Sequence[Operation]) -> None:
        self._operations = tuple(operations)

    def match(self, method: str, target: RequestTarget) -> RouteMatch:
        """Return the matching operation and its decoded path parameters.

        Raises RouteError (404) when no path template fits and RouteError (405)
        when templates fit but none lists the method.
        """
        by_template = [
            (operation, params)
            for operation in self._operations
            if (params := _match_segments(operation.segments, target.segments)) is not None
        ]
        if not by_template:
            raise RouteError(NotFound(f"no operation in the spec matches the path {target.raw!r}"))

        by_method = [(op, params) for op, params in by_template if op.method == method]
        if not by_method:
            allowed = ", ".join(sorted({op.method for op, _ in by_template}))
            raise RouteError(
                MethodNotAllowed(
                    f"{method} is not allowed on {target.raw!r}, the spec lists {allowed}"
                )
            )

        chosen = _choose_overload(by_method, target.overload)
        if chosen is None:
            raise RouteError(
                NotFound(
                    f"no operation in the spec matches {method} {target.raw!r} "
                    f"with {OVERLOAD_PARAMETER}={target.overload!r}"
                )
            )
        operation, params = chosen
        return RouteMatch(operation=operation, path_params=params)


def _match_segments(template: tuple[str, ...], segments: tuple[str, ...]) -> dict[str, str] | None:
    if len(template) != len(segments):
        return None

    params: dict[str, str] = {}
    for expected, actual in zip(template, segments, strict=True):
        if expected.startswith("{") and expected.endswith("}"):
            if not actual:
                return None
            params[expected[1:-1]] = unquote(actual)
        elif expected != actual:
            return None
    return params


def _choose_overload(
    candidates: list[tuple[Operation, dict[str, str]]], overload: str | None
) -> tuple[Operation, dict[str, str]] | None:
    for candidate in candidates:
        if candidate[0].overload == overload:
            return candidate

    # The real API ignores the overload query value, so a request without it
    # still reaches an operation the spec only lists under an overload name,
    # as long as that name is the only one for the path and method.
    if overload is None and len(candidates) == 1:
        return candidates[0]
    return None
