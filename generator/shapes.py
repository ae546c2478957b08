"""Type shapes: the types of a generated package as JSON trees, and how two of them differ.

A shape spells a type in the Python names the package uses, so a stored surface can be
compared with a new one and the differences shown as callers read them:

- a string is a name: `"str"`, `"Any"`, `"None"`, `"datetime.datetime"`, `"RankByParam"`
- `["Literal", "a", 1]` is `Literal['a', 1]` (None is never a Literal value, but a
  `"None"` variant of a union)
- `["Union", A, B]` is `A | B`, with `"None"` last when it is one of the variants
- `["list", T]`, `["Sequence", T]`, `["dict", "str", T]`, `["Mapping", "str", T]`,
  `["tuple", A, B]` and `["SyncCursorPager", Item, Page]` are the generic types they name

`compare_shapes` reads two shapes as sets of variants (the members of a union and the
values of a literal) and returns which variants one gained or lost. Names that only one
side uses are expanded to what they stand for before the sets are compared, so `str`
and `GroupBy = str | Mapping[...]` compare as a widening, not as unrelated types.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from generator.model import (
    AnyType,
    ArrayType,
    LiteralType,
    MapType,
    PrimitiveType,
    RefType,
    TupleType,
    TypeNode,
    UnionType,
)
from generator.renderer.literals import literal
from generator.renderer.type_expressions import TypeNames, TypeRenderer

# Really `str | list[Shape | JsonScalar]`, but that recursive alias needs a cast at every index.
Shape = Any

Relation = Literal["same", "widened", "narrowed", "mixed", "changed"]

# Generic types whose parameters are compared position by position.
_GENERICS = frozenset({"list", "Sequence", "dict", "Mapping", "tuple", "SyncCursorPager"})
# Maximum depth of name expansion, which stops an alias that refers to itself.
_MAX_EXPANSION_DEPTH = 8


class ShapeBuilder:
    """Builder of shapes from `TypeNode`s, with the names and containers of one direction."""

    def __init__(self, names: TypeNames, direction: Literal["request", "response"]) -> None:
        self.direction = direction
        self._renderer = TypeRenderer(names, direction, quote_refs=False)

    def build(self, node: TypeNode) -> Shape:
        if isinstance(node, (AnyType, PrimitiveType, RefType)):
            return self._renderer.render(node)
        if isinstance(node, LiteralType):
            return self._literal(node)
        if isinstance(node, ArrayType):
            container = "list" if self.direction == "response" else "Sequence"
            return [container, self.build(node.item)]
        if isinstance(node, MapType):
            container = "dict" if self.direction == "response" else "Mapping"
            return [container, "str", self.build(node.value)]
        if isinstance(node, TupleType):
            return ["tuple", *(self.build(item) for item in node.items)]
        if isinstance(node, UnionType):
            return union_of([self.build(variant) for variant in node.variants])
        raise TypeError(f"unknown type node {node!r}")

    def _literal(self, node: LiteralType) -> Shape:
        values = [value for value in node.values if value is not None]
        parts: list[Shape] = [["Literal", *values]] if values else []
        if None in node.values:
            parts.append("None")
        return union_of(parts)


def union_of(parts: list[Shape]) -> Shape:
    """Join `parts` into one flat union, with `None` last as the renderer writes it."""
    variants: list[Shape] = []
    for part in parts:
        variants.extend(part[1:] if _head(part) == "Union" else [part])
    if "None" in variants:
        variants = [variant for variant in variants if variant != "None"] + ["None"]
    if len(variants) == 1:
        return variants[0]
    return ["Union", *variants]


def format_shape(shape: Shape) -> str:
    """Spell a shape as the Python type expression the package uses."""
    if isinstance(shape, str):
        return shape
    head, *arguments = shape
    if head == "Union":
        return " | ".join(format_shape(argument) for argument in arguments)
    if head == "Literal":
        return f"Literal[{', '.join(literal(value) for value in arguments)}]"
    if head == "tuple" and not arguments:
        return "tuple[()]"
    return f"{head}[{', '.join(format_shape(argument) for argument in arguments)}]"


# --- comparing -------------------------------------------------------------------


@dataclass(frozen=True)
class TypeDelta:
    """The change between two types, judged on their values and named by their variants.

    `relation` compares the values the two types admit, with alias names expanded: a
    union that swaps `RankByVector` for `RankByAnn`, an alias of the same tuple, admits
    the same values. `lost` and `gained` name the variants (union members, literal
    values, generic types) whose values went or came, and `equivalents` the variants
    swapped for another name of the same values, as (old, new) pairs. `respelled` is
    set when the types admit the same values under different names.
    """

    relation: Relation = "same"
    lost: tuple[str, ...] = ()
    gained: tuple[str, ...] = ()
    equivalents: tuple[tuple[str, str], ...] = ()
    respelled: bool = False


def compare_shapes(
    old: Shape,
    new: Shape,
    *,
    old_expansions: Mapping[str, Shape],
    new_expansions: Mapping[str, Shape],
) -> TypeDelta:
    """Compare two shapes by the values they admit.

    The expansions map a name to the shape it stands for: a type alias to its aliased
    type, and a TypedDict to a description of its keys, because type checkers compare
    TypedDicts by their keys rather than by name.
    """
    if _key(old) == _key(new):
        return TypeDelta()

    old_variants = _variants(old)
    new_variants = _variants(new)
    if old_variants.keys() == new_variants.keys():
        return TypeDelta()  # the same variants in another order
    shared = old_variants.keys() & new_variants.keys()
    # Names on both sides are compared on their own; only the differing ones are expanded.
    lost = {
        key: _expand(shape, old_expansions)
        for key, shape in old_variants.items()
        if key not in shared
    }
    gained = {
        key: _expand(shape, new_expansions)
        for key, shape in new_variants.items()
        if key not in shared
    }
    old_values = _union_values(shared, old_variants, lost)
    new_values = _union_values(shared, new_variants, gained)
    if "Any" in old_values or "Any" in new_values:
        return _compare_with_any(old_values, new_values)

    lost_values = {key: shape for key, shape in old_values.items() if key not in new_values}
    gained_values = {key: shape for key, shape in new_values.items() if key not in old_values}
    nested = _pair_generics(lost_values, gained_values, old_expansions, new_expansions)
    overlap = bool(old_values.keys() & new_values.keys())
    relation = _relation(lost_values, gained_values, nested, overlap=overlap)

    # Name the variants as they are written, not the values they expand to.
    lost_names = [
        _name(old_variants[key])
        for key, values in lost.items()
        if values.keys() - new_values.keys()
    ]
    gained_names = [
        _name(new_variants[key])
        for key, values in gained.items()
        if values.keys() - old_values.keys()
    ]
    equivalents = tuple(
        (_name(old_variants[old_key]), _name(new_variants[new_key]))
        for old_key, old_members in lost.items()
        for new_key, new_members in gained.items()
        if old_members.keys() == new_members.keys()
    )
    return TypeDelta(
        relation, tuple(lost_names), tuple(gained_names), equivalents, respelled=relation == "same"
    )


def _relation(
    lost: dict[str, Shape], gained: dict[str, Shape], nested: Relation, *, overlap: bool
) -> Relation:
    if nested in ("changed", "mixed"):
        return "changed"
    if nested == "widened":
        return "mixed" if lost else "widened"
    if nested == "narrowed":
        return "mixed" if gained else "narrowed"
    if lost and gained:
        return "mixed" if overlap else "changed"
    if gained:
        return "widened"
    if lost:
        return "narrowed"
    return "same"


def _compare_with_any(old_values: dict[str, Shape], new_values: dict[str, Shape]) -> TypeDelta:
    # Any admits every value, so it absorbs the other variants of its union.
    if "Any" in old_values and "Any" in new_values:
        return TypeDelta()
    if "Any" in old_values:
        return TypeDelta("narrowed", lost=("Any",))
    return TypeDelta("widened", gained=("Any",))


def _pair_generics(
    lost: dict[str, Shape],
    gained: dict[str, Shape],
    old_expansions: Mapping[str, Shape],
    new_expansions: Mapping[str, Shape],
) -> Relation:
    """Compare the parameters of a lost and a gained generic type of the same kind.

    A pair is formed only when each side has exactly one generic of a kind, such as
    `Sequence[str]` and `Sequence[GroupBy]`. Paired variants are removed from `lost`
    and `gained`, and the result is how their parameters differ, all pairs together.
    """
    relations: set[Relation] = set()
    for signature in {_generic_signature(shape) for shape in lost.values()} - {None}:
        lost_keys = [key for key, shape in lost.items() if _generic_signature(shape) == signature]
        gained_keys = [
            key for key, shape in gained.items() if _generic_signature(shape) == signature
        ]
        if len(lost_keys) != 1 or len(gained_keys) != 1:
            continue
        old_generic = lost.pop(lost_keys[0])
        new_generic = gained.pop(gained_keys[0])
        for old_argument, new_argument in zip(old_generic[1:], new_generic[1:], strict=True):
            inner = compare_shapes(
                old_argument,
                new_argument,
                old_expansions=old_expansions,
                new_expansions=new_expansions,
            )
            relations.add(inner.relation)
    relations.discard("same")
    if not relations:
        return "same"
    if len(relations) == 1:
        return relations.pop()
    return "changed"


def _generic_signature(shape: Shape) -> tuple[str, int] | None:
    head = _head(shape)
    if head in _GENERICS:
        return head, len(shape)
    return None


def _expand(shape: Shape, expansions: Mapping[str, Shape], depth: int = 0) -> dict[str, Shape]:
    """Expand a name into the variants it stands for, through nested names, by key.

    Shapes other than expandable names come back as they are.
    """
    if not (isinstance(shape, str) and shape in expansions) or depth >= _MAX_EXPANSION_DEPTH:
        return {_key(shape): shape}
    expanded: dict[str, Shape] = {}
    for variant in _variants(expansions[shape]).values():
        expanded.update(_expand(variant, expansions, depth + 1))
    return expanded


def _union_values(
    shared: set[str], variants: dict[str, Shape], expanded: dict[str, dict[str, Shape]]
) -> dict[str, Shape]:
    values = {key: variants[key] for key in shared}
    for members in expanded.values():
        values.update(members)
    return values


def _variants(shape: Shape) -> dict[str, Shape]:
    """Split a shape into union members and literal values, each its own shape, by key."""
    head = _head(shape)
    if head == "Union":
        variants: dict[str, Shape] = {}
        for member in shape[1:]:
            variants.update(_variants(member))
        return variants
    if head == "Literal":
        return {_key(["Literal", value]): ["Literal", value] for value in shape[1:]}
    return {_key(shape): shape}


def _name(variant: Shape) -> str:
    """Spell a variant: a literal value on its own, anything else as a type."""
    if _head(variant) == "Literal":
        return literal(variant[1])
    return format_shape(variant)


def _head(shape: Shape) -> str | None:
    return shape[0] if isinstance(shape, list) and shape else None


def _key(shape: Shape) -> str:
    return shape if isinstance(shape, str) else json.dumps(shape, sort_keys=True)
