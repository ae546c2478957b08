"""Types of the Search API: response models, request parameters and type aliases.

Responses are pydantic models. Request parameters are TypedDicts and plain type
aliases, checked by type checkers and sent as they are, without validation cost.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NotRequired,
    Required,
    TypeAlias,
    Union,
)
from uuid import UUID

from pydantic import Field
from typing_extensions import TypeAliasType, TypedDict

from ._models import Model

__all__ = [
    "AttributeParam",
    "Document",
    "Filter",
    "FilterAnd",
    "FilterEq",
    "FilterInInts",
    "FilterNot",
    "Job",
    "JobDone",
    "JobRunning",
    "Metric",
    "Paging",
    "SearchResult",
]


class Paging(Model):
    top_k: int | None = None


class AttributeParam(TypedDict, total=False):
    type: Required[str]
    filterable: NotRequired[bool]


class Document(Model):
    id: UUID | int
    score: float | None = None


class SearchResult(Model):
    documents: list[Document]
    counts: dict[str, int] | None = None


class JobRunning(Model):
    state: Literal["running"]
    progress: str | None = None


class JobDone(Model):
    state: Literal["done"]
    finished_at: datetime.datetime


# Type checkers read plain aliases, which they resolve recursively (`Filter` contains
# `["Not", Filter]`). At run time pydantic needs TypeAliasType for the same recursion.
if TYPE_CHECKING:
    Metric: TypeAlias = Literal["cosine", "dot"]
    """How to compare vectors."""

    FilterEq: TypeAlias = tuple[str, Literal["Eq"], Any]
    """Exact match."""

    FilterInInts: TypeAlias = tuple[str, Literal["In"], Sequence[int]]

    FilterNot: TypeAlias = "tuple[Literal['Not'], Filter]"

    FilterAnd: TypeAlias = "tuple[Literal['And'], Sequence[Filter]]"

    Filter: TypeAlias = "FilterEq | FilterInInts | FilterNot | FilterAnd"

    Job: TypeAlias = "Annotated[JobRunning | JobDone, Field(discriminator='state')]"
    """A background job."""

else:
    Metric = TypeAliasType("Metric", Literal["cosine", "dot"])
    FilterEq = TypeAliasType("FilterEq", tuple[str, Literal["Eq"], Any])
    FilterInInts = TypeAliasType(
        "FilterInInts", tuple[str, Literal["In"], Sequence[int]]
    )
    FilterNot = TypeAliasType("FilterNot", tuple[Literal["Not"], "Filter"])
    FilterAnd = TypeAliasType("FilterAnd", tuple[Literal["And"], Sequence["Filter"]])
    Filter = TypeAliasType(
        "Filter", Union["FilterEq", "FilterInInts", "FilterNot", "FilterAnd"]
    )
    Job = TypeAliasType(
        "Job", Annotated[Union["JobRunning", "JobDone"], Field(discriminator="state")]
    )
