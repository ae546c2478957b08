"""Types of the Store API: response models, request parameters and type aliases.

Responses are pydantic models. Request parameters are TypedDicts and plain type
aliases, checked by type checkers and sent as they are, without validation cost.
"""

from __future__ import annotations

import datetime
from typing import (
    TYPE_CHECKING,
    Literal,
    NotRequired,
    Required,
    TypeAlias,
)
from uuid import UUID

from typing_extensions import TypeAliasType, TypedDict

from ._models import Model

__all__ = [
    "Item",
    "NewItemParam",
    "Status",
]


class NewItemParam(TypedDict, total=False):
    name: Required[str]
    """The item's name."""
    status: NotRequired[Status]
    """Whether the item can be bought."""
    price: NotRequired[float | None]


class Item(Model):
    name: str
    """The item's name."""
    status: Status | None = None
    """Whether the item can be bought."""
    price: float | None = None
    id: UUID
    created_at: datetime.datetime


# Type checkers read plain aliases, which they resolve recursively (`Filter` contains
# `["Not", Filter]`). At run time pydantic needs TypeAliasType for the same recursion.
if TYPE_CHECKING:
    Status: TypeAlias = Literal["available", "sold"]
    """Whether the item can be bought."""

else:
    Status = TypeAliasType("Status", Literal["available", "sold"])
