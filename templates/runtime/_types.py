"""Small shared types: the NOT_GIVEN sentinel and the timeout alias.

NOT_GIVEN marks an argument the caller left out. It is different from None, because an
absent field and a field set to null mean different things in a JSON request body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias, TypeVar, final

import httpx

__all__ = ["NOT_GIVEN", "NotGiven", "Timeout", "strip_not_given"]

_KeyT = TypeVar("_KeyT")
_ValueT = TypeVar("_ValueT")


@final
class NotGiven:
    """Type of the NOT_GIVEN sentinel, a default that means "the caller passed nothing".

    It is falsy, so `if value:` treats it like an empty value.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Timeout: TypeAlias = float | httpx.Timeout | None
"""Seconds as a float, a detailed httpx.Timeout, or None for no timeout."""


def strip_not_given(mapping: Mapping[_KeyT, _ValueT | NotGiven]) -> dict[_KeyT, _ValueT]:
    """Return a copy of `mapping` without the NOT_GIVEN values.

    Explicit None values stay, because they are sent as JSON null.
    """
    return {key: value for key, value in mapping.items() if not isinstance(value, NotGiven)}
