"""Build union types from `oneOf` and `anyOf`.

Variants that are all constants merge into one `Literal[...]`. Inline tuple variants
(arrays with `prefixItems`) are hoisted into named aliases, named by
`x-turbopuffer-variant-name`, else by their constant position (`["id", "Eq", 1]`
in `Filter` becomes `FilterEq`), else by title or position. A variant marked
`x-turbopuffer-variant-drop-on-conflict` is dropped when another variant has its
name or its exact shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointers
from generator.model import (
    AliasDefinition,
    AnyType,
    LiteralType,
    RefType,
    Source,
    TupleType,
    TypeNode,
    UnionType,
)
from generator.naming import ascii_words, pascal_case

if TYPE_CHECKING:
    from generator.parser.schemas import SchemaParser

_CONSTRAINT_KEYWORDS = {
    "required",
    "not",
    "minProperties",
    "maxProperties",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "description",
    "title",
}


def build_union(
    parser: SchemaParser, schema: dict[str, Any], keyword: str, pointer: str, hint: str
) -> TypeNode:
    raw_variants = schema[keyword]
    if not isinstance(raw_variants, list) or not raw_variants:
        parser.log.error(pointers.join(pointer, keyword), f"'{keyword}' must be a non-empty list")
        return AnyType(open_in_spec=False)
    if all(_is_constraint_only(variant) for variant in raw_variants):
        rest = {k: v for k, v in schema.items() if k != keyword}
        return parser.type_of(rest, pointer, hint)
    if schema.get("properties"):
        rest = {k: v for k, v in schema.items() if k not in (keyword, "discriminator")}
        combined = {"allOf": [rest, {keyword: raw_variants}]}
        return parser.type_of(combined, pointer, hint)

    candidates = [
        _variant(parser, variant, pointers.join(pointer, keyword, index), hint, index)
        for index, variant in enumerate(raw_variants)
    ]
    kept = _drop_conflicting(parser, candidates, hint)
    nodes = [_hoist_tuple(parser, candidate, hint) for candidate in kept]

    discriminator = schema.get("discriminator", {})
    property_name = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
    return simplify_union(nodes, property_name)


class _Candidate:
    """A parsed union variant with what naming and conflict checks need."""

    def __init__(
        self, node: TypeNode, label: str, explicit: bool, droppable: bool, raw: Any, pointer: str
    ) -> None:
        self.node = node
        self.label = label
        self.explicit = explicit
        self.droppable = droppable
        self.raw = raw
        self.pointer = pointer


def _variant(parser: SchemaParser, raw: Any, pointer: str, hint: str, index: int) -> _Candidate:
    resolved, _ = parser.resolve(raw, pointer) if isinstance(raw, dict) else (raw, pointer)
    explicit_name = raw.get("x-turbopuffer-variant-name") if isinstance(raw, dict) else None
    label = explicit_name or _label(raw, resolved, index)
    node = parser.type_of(raw, pointer, join_name(hint, label))
    droppable = bool(isinstance(raw, dict) and raw.get("x-turbopuffer-variant-drop-on-conflict"))
    return _Candidate(node, label, bool(explicit_name), droppable, raw, pointer)


def _label(raw: Any, resolved: Any, index: int) -> str:
    if isinstance(resolved, dict):
        for item in resolved.get("prefixItems") or []:
            if isinstance(item, dict) and isinstance(item.get("const"), str):
                return str(item["const"])
        if isinstance(resolved.get("title"), str):
            return str(resolved["title"])
        for sub in (resolved.get("properties") or {}).values():
            if isinstance(sub, dict) and isinstance(sub.get("const"), str):
                return str(sub["const"])
    if isinstance(raw, dict) and isinstance(raw.get("title"), str):
        return str(raw["title"])
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
        return str(raw["$ref"]).rsplit("/", 1)[-1]
    if isinstance(resolved, dict) and isinstance(resolved.get("type"), str):
        return str(resolved["type"])
    return f"Variant{index + 1}"


def join_name(hint: str, label: str) -> str:
    """Join a parent name and a variant label without repeating words: Index + index-up-to-date."""
    hint_words = ascii_words(hint)
    label_words = [word.capitalize() if word.islower() else word for word in ascii_words(label)]
    overlap = 0
    for size in range(min(len(hint_words), len(label_words)), 0, -1):
        if [w.lower() for w in hint_words[-size:]] == [w.lower() for w in label_words[:size]]:
            overlap = size
            break
    return hint + "".join(word[0].upper() + word[1:] for word in label_words[overlap:] if word)


def _drop_conflicting(
    parser: SchemaParser, candidates: list[_Candidate], hint: str
) -> list[_Candidate]:
    kept = []
    for candidate in candidates:
        rivals = [other for other in candidates if other is not candidate]
        conflict = any(
            other.node == candidate.node or (not candidate.explicit and other.label == candidate.label)
            for other in rivals
            if not other.droppable
        )
        if candidate.droppable and conflict:
            parser.dropped_variants.append(
                f"{hint}: dropped variant {candidate.label!r} at {candidate.pointer} "
                "(x-turbopuffer-variant-drop-on-conflict; it has the name or shape of another variant)"
            )
            continue
        kept.append(candidate)
    return kept


def _hoist_tuple(parser: SchemaParser, candidate: _Candidate, hint: str) -> TypeNode:
    if not isinstance(candidate.node, TupleType):
        return candidate.node
    name = parser.hoist_name(join_name(hint, pascal_case(candidate.label, fallback="Variant")))
    raw = candidate.raw if isinstance(candidate.raw, dict) else {}
    description = raw.get("description", "")
    definition = AliasDefinition(
        name=name,
        type=candidate.node,
        description=description.strip() if isinstance(description, str) else "",
        source=Source(*parser.log.where(candidate.pointer)),
        extensions={k: v for k, v in raw.items() if k.startswith("x-")},
    )
    return parser.add_definition(definition)


def simplify_union(nodes: list[TypeNode], discriminator: str | None = None) -> TypeNode:
    """Flatten nested unions, merge literals into one, drop duplicates."""
    flat: list[TypeNode] = []
    for node in nodes:
        if isinstance(node, UnionType) and node.discriminator is None:
            flat.extend(node.variants)
        else:
            flat.append(node)

    literal_values: list[Any] = []
    others: list[TypeNode] = []
    for node in flat:
        if isinstance(node, LiteralType):
            literal_values.extend(v for v in node.values if (type(v), v) not in {(type(x), x) for x in literal_values})
        elif isinstance(node, AnyType):
            return node
        elif node not in others:
            others.append(node)

    merged: list[TypeNode] = [LiteralType(tuple(literal_values))] if literal_values else []
    merged.extend(others)
    if len(merged) == 1:
        return merged[0]
    all_refs = all(isinstance(node, RefType) for node in merged)
    return UnionType(tuple(merged), discriminator if all_refs else None)


def _is_constraint_only(variant: Any) -> bool:
    return isinstance(variant, dict) and bool(variant) and set(variant) <= _CONSTRAINT_KEYWORDS


__all__ = ["build_union", "join_name", "simplify_union"]
