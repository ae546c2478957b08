"""Turn JSON Schema nodes of a spec into type expressions and named definitions.

Component schemas become named definitions. Inline object schemas are hoisted into
definitions named after where they appear (`NamespaceMetadataIndex...`), and every
other inline schema stays an inline type expression. Each parsed node is counted
for the type-coverage report: precise, `Any` because the spec leaves it open, or
`Any` because the generator could not map it (which also logs a warning).
"""

from __future__ import annotations

import logging
from pathlib import PurePosixPath
from typing import Any

from generator import pointers
from generator.bundler import BUNDLE_KEY
from generator.diagnostics import DiagnosticLog
from generator.model import (
    MISSING,
    AliasDefinition,
    AnyType,
    ArrayType,
    Definition,
    LiteralType,
    MapType,
    ObjectDefinition,
    PrimitiveType,
    Property,
    RefType,
    Source,
    TupleType,
    TypeNode,
    UnionType,
)
from generator.naming import MODULE_LEVEL_NAMES, NameRegistry, class_name, field_name, pascal_case
from generator.parser.json_types import declared_types, intersect, mismatched_values
from generator.parser.unions import build_union

logger = logging.getLogger(__name__)

_STRING_FORMATS = {"date-time": "datetime", "date": "date", "uuid": "uuid", "binary": "bytes"}
_SIMPLE_TYPES = {"integer": "int", "number": "float", "boolean": "bool", "null": "none"}
_COMBINING_KEYWORDS = ("allOf", "oneOf", "anyOf", "not")
# Keywords that show an allOf part describes an object (merged parts keep `type: object`).
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "allOf", "x-property-pointers")
# Keywords that constrain a value without changing its Python type.
_ANNOTATION_KEYWORDS = {
    "description",
    "title",
    "default",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "externalDocs",
    "xml",
    "$comment",
    "nullable",
}


class CoverageCounter:
    """Classifies each schema node, by JSON pointer, as precise, open in the spec, or loosened.

    Keyed by pointer so a node parsed twice (a component reached through two allOf
    merges, say) is counted once.
    """

    def __init__(self) -> None:
        self._kinds: dict[str, str] = {}

    def count(self, pointer: str, node: TypeNode) -> None:
        if isinstance(node, AnyType):
            self._kinds[pointer] = "open_in_spec" if node.open_in_spec else "loosened"
        else:
            self._kinds[pointer] = "precise"

    def total(self, kind: str) -> int:
        return sum(1 for value in self._kinds.values() if value == kind)

    def loosened_pointers(self) -> list[str]:
        return sorted(p for p, kind in self._kinds.items() if kind == "loosened")


class SchemaParser:
    """Parses the schemas of one spec document; shared by every operation of it."""

    def __init__(
        self,
        document: dict[str, Any],
        log: DiagnosticLog,
        *,
        openapi_31: bool,
        reserved_names: frozenset[str] = frozenset(),
    ) -> None:
        self.document = document
        self.log = log
        self.openapi_31 = openapi_31
        self.definitions: dict[str, Definition] = {}
        self.coverage = CoverageCounter()
        self.dropped_variants: list[str] = []
        self._names = NameRegistry(MODULE_LEVEL_NAMES | reserved_names)
        self._name_by_pointer: dict[str, str] = {}
        self._in_progress: set[str] = set()
        # $ref loops already reported, by the references they pass through.
        self._reported_loops: set[frozenset[str]] = set()
        # Components whose name went to the other file's schema they refer to.
        self._shared_names: set[str] = set()
        # Inline objects already hoisted, keyed by pointer and schema identity; the schema
        # is kept in the value so its id() stays unique.
        self._hoisted: dict[tuple[str, int], tuple[Any, RefType]] = {}

    # --- entry points -----------------------------------------------------------

    def parse_components(self) -> None:
        """Name every component schema first, so references resolve in any order."""
        schemas = self.document.get("components", {}).get("schemas", {}) or {}
        for raw_name in schemas:
            pointer = pointers.join("/components/schemas", raw_name)
            self._name_by_pointer[pointer] = self._names.claim(class_name(raw_name))
        for raw_name in schemas:
            pointer = pointers.join("/components/schemas", raw_name)
            self._name_bundled_target(schemas[raw_name], pointer)
        for raw_name in schemas:
            pointer = pointers.join("/components/schemas", raw_name)
            self._define(pointer, self._name_by_pointer[pointer])

    def _name_bundled_target(self, schema: Any, pointer: str) -> None:
        """Let a component that is only a `$ref` to another file's schema lend it its name.

        `Owner: {$ref: owner.yaml}` then yields one class `Owner`, not an alias `Owner`
        of a class named after the file.
        """
        if not isinstance(schema, dict) or set(schema) != {"$ref"}:
            return
        target = schema["$ref"]
        if not isinstance(target, str) or not target.startswith(f"#/{BUNDLE_KEY}/"):
            return
        target_pointer = target[1:]
        if target_pointer in self._name_by_pointer:
            return
        self._name_by_pointer[target_pointer] = self._name_by_pointer[pointer]
        self._shared_names.add(pointer)

    def type_of(self, schema: Any, pointer: str, hint: str) -> TypeNode:
        """Return the type expression for `schema`; `hint` names any object hoisted out of it."""
        if isinstance(schema, dict) and "$ref" in schema:
            return self._reference(schema, pointer, hint)
        node = self._parse_node(schema, pointer, hint)
        self.coverage.count(pointer, node)
        return node

    def hoist_name(self, hint: str) -> str:
        return self._names.claim(class_name(hint))

    def resolve(self, schema: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s to the schema they name; return it with its pointer."""
        chain: list[str] = []
        while isinstance(schema, dict) and "$ref" in schema:
            target = schema["$ref"]
            if not isinstance(target, str) or not target.startswith("#"):
                self.log.error(pointer, f"unsupported $ref {target!r}; only local references work")
                return {}, pointer
            if target in chain:
                loop = frozenset(chain)
                if loop not in self._reported_loops:
                    self._reported_loops.add(loop)
                    path = " -> ".join(self._shown(item) for item in (*chain, target))
                    self.log.error(pointer, f"$refs form a loop that never reaches a schema: {path}")
                return {}, pointer
            chain.append(target)
            try:
                schema = pointers.resolve(self.document, target)
            except pointers.PointerNotFound:
                self.log.error(pointer, f"dangling $ref: {self._shown(target)!r} does not exist")
                return {}, pointer
            pointer = target[1:]
        return schema, pointer

    def _shown(self, target: str) -> str:
        """Return a local reference as the user wrote it: `#/a/b`, or `other.yaml#/a/b` when bundled."""
        file, pointer = self.log.where(target[1:])
        return f"#{pointer}" if file == self.log.file else f"{file}#{pointer}"

    # --- references and definitions ---------------------------------------------

    def _reference(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode:
        target, target_pointer = self.resolve(schema, pointer)
        if target_pointer == pointer:  # the reference could not be followed
            return AnyType(open_in_spec=False)
        name = self._name_by_pointer.get(target_pointer)
        if name is None:
            if not _is_definition_worthy(target):
                return self.type_of(target, target_pointer, hint)
            name = self._names.claim(class_name(_ref_name_hint(target_pointer, hint)))
            self._name_by_pointer[target_pointer] = name
            self._define(target_pointer, name)
        return RefType(name)

    def _define(self, pointer: str, name: str) -> None:
        if pointer in self._shared_names:
            schema = pointers.resolve(self.document, pointer)
            pointer = schema["$ref"][1:]
        if name in self.definitions or pointer in self._in_progress:
            return
        self._in_progress.add(pointer)
        schema = pointers.resolve(self.document, pointer)
        self.definitions[name] = self.definition_of(schema, pointer, name)
        self._in_progress.discard(pointer)

    def definition_of(self, schema: Any, pointer: str, name: str) -> Definition:
        """Build the named definition for a schema: an object, or an alias of any other type."""
        source = Source(*self.log.where(pointer))
        description = _description(schema)
        extensions = _extensions(schema)
        if isinstance(schema, dict) and _is_object_schema(schema):
            merged = self.merged_object(schema, pointer)
            if merged is not None:
                properties, extra, extra_type = self._object_parts(merged, pointer, name)
                self.coverage.count(pointer, RefType(name))
                return ObjectDefinition(
                    name=name,
                    properties=properties,
                    extra=extra,
                    extra_type=extra_type,
                    description=description,
                    source=source,
                    extensions=extensions,
                )
        node = self.type_of(schema, pointer, name)
        return AliasDefinition(name, node, description, source, extensions)

    def add_definition(self, definition: Definition) -> RefType:
        self.definitions[definition.name] = definition
        return RefType(definition.name)

    # --- schema nodes -----------------------------------------------------------

    def _parse_node(self, schema: Any, pointer: str, hint: str) -> TypeNode:
        if schema is True or schema == {}:
            return AnyType()
        if not isinstance(schema, dict):
            self.log.warn(pointer, f"schema {schema!r} is not an object; typed as Any")
            return AnyType(open_in_spec=False)
        if schema.get("x-stainless-any"):
            return AnyType()

        node = self._parse_keywords(schema, pointer, hint)
        if schema.get("nullable") is True and not _includes_none(node):
            node = UnionType((node, PrimitiveType("none")))
        return node

    def _parse_keywords(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode:
        if "allOf" in schema:
            return self._all_of(schema, pointer, hint)
        if "oneOf" in schema or "anyOf" in schema:
            return self._one_of(schema, pointer, hint)
        if "const" in schema:
            return self._const(schema, pointer)
        if "enum" in schema:
            return self._enum(schema, pointer)

        schema_type = schema.get("type")
        if isinstance(schema_type, list):
            return self._type_list(schema, schema_type, pointer, hint)
        if schema_type is None:
            schema_type = _implied_type(schema)
        return self._typed(schema, schema_type, pointer, hint)

    def _typed(self, schema: dict[str, Any], schema_type: Any, pointer: str, hint: str) -> TypeNode:
        if schema_type is None:
            return AnyType()
        if schema_type == "string":
            return PrimitiveType(_STRING_FORMATS.get(schema.get("format", ""), "str"))  # type: ignore[arg-type]
        if schema_type in _SIMPLE_TYPES:
            return PrimitiveType(_SIMPLE_TYPES[schema_type])  # type: ignore[arg-type]
        if schema_type == "array":
            return self._array(schema, pointer, hint)
        if schema_type == "object":
            return self._object(schema, pointer, hint)
        self.log.error(pointer, f"unknown type {schema_type!r}; use one of the JSON Schema types")
        return AnyType(open_in_spec=False)

    def _type_list(self, schema: dict[str, Any], types: list[Any], pointer: str, hint: str) -> TypeNode:
        if not types:
            self.log.error(pointer, "an empty 'type' list allows no value; list at least one type")
            return AnyType(open_in_spec=False)
        variants = []
        for schema_type in types:
            if schema_type is None:
                self.log.error(
                    pointer,
                    "the 'type' list holds a YAML null (unquoted null); write \"null\" in quotes",
                )
                variants.append(PrimitiveType("none"))
                continue
            variants.append(self._typed(schema, schema_type, pointer, hint))
        return variants[0] if len(variants) == 1 else UnionType(tuple(variants))

    def _const(self, schema: dict[str, Any], pointer: str) -> TypeNode:
        return self._literal_values([schema["const"]], schema, pointers.join(pointer, "const"), "const")

    def _enum(self, schema: dict[str, Any], pointer: str) -> TypeNode:
        values = schema["enum"]
        if not isinstance(values, list) or not values:
            self.log.error(pointer, "'enum' must be a non-empty list of values")
            return AnyType(open_in_spec=False)
        return self._literal_values(values, schema, pointers.join(pointer, "enum"), "enum")

    def _literal_values(
        self, values: list[Any], schema: dict[str, Any], pointer: str, keyword: str
    ) -> TypeNode:
        """`Literal[...]` of const or enum values; floats, which Literal cannot hold, widen to float."""
        types = declared_types(schema)
        if types is not None:
            mismatched = mismatched_values(values, types)
            if mismatched:
                allowed = " or ".join(sorted(types))
                self.log.error(
                    pointer,
                    f"{keyword} value {mismatched[0]!r} is not of the schema's type {allowed}; "
                    "no value can match both",
                )
                return AnyType(open_in_spec=False)
        scalars = [v for v in values if v is None or isinstance(v, (str, int, float, bool))]
        if len(scalars) != len(values):
            self.log.warn(
                pointer, f"{keyword} holds objects or arrays, which Literal cannot express; typed as Any"
            )
            return AnyType(open_in_spec=False)

        floats = [v for v in scalars if isinstance(v, float)]
        exact = [v for v in scalars if not isinstance(v, float)]
        unique_values = tuple(value for _, value in dict.fromkeys((type(v), v) for v in exact))
        if not floats:
            return LiteralType(unique_values)
        self.log.warn(
            pointer,
            f"{keyword} value {floats[0]!r} is a float, which Literal cannot hold; typed as float",
        )
        float_type = PrimitiveType("float")
        return UnionType((LiteralType(unique_values), float_type)) if unique_values else float_type

    def _array(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode:
        prefix = schema.get("prefixItems")
        if isinstance(prefix, list):
            items = tuple(
                self.type_of(item, pointers.join(pointer, "prefixItems", index), f"{hint}Item{index}")
                for index, item in enumerate(prefix)
            )
            closed = schema.get("additionalItems") is False or schema.get("items") is False
            if not closed and schema.get("maxItems") != len(prefix):
                self.log.warn(
                    pointer,
                    "prefixItems without 'items: false' allows extra items; "
                    "typed as a tuple of the listed positions only",
                )
            return TupleType(items)
        items_schema = schema.get("items")
        if items_schema is None or items_schema is True:
            return ArrayType(AnyType())
        return ArrayType(self.type_of(items_schema, pointers.join(pointer, "items"), f"{hint}Item"))

    def _object(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode:
        if schema.get("properties"):
            return self._hoist(schema, pointer, hint)
        additional = schema.get("additionalProperties", True)
        if additional is True or additional is None:
            return MapType(AnyType())
        if additional is False:
            return MapType(AnyType(open_in_spec=True))
        return MapType(
            self.type_of(additional, pointers.join(pointer, "additionalProperties"), f"{hint}Value")
        )

    # --- objects and allOf ------------------------------------------------------

    def _hoist(self, schema: dict[str, Any], pointer: str, hint: str) -> RefType:
        """Define an inline object schema under a name derived from `hint`, once."""
        key = (pointer, id(schema))
        if key in self._hoisted:
            return self._hoisted[key][1]
        name = self.hoist_name(hint)
        reference = RefType(name)
        self._hoisted[key] = (schema, reference)
        return self.add_definition(self.definition_of(schema, pointer, name))

    def _object_parts(
        self, schema: dict[str, Any], pointer: str, owner: str
    ) -> tuple[tuple[Property, ...], Any, TypeNode | None]:
        properties = self.properties_of(schema, pointer, owner)
        additional = schema.get("additionalProperties")
        if additional is None:
            return properties, "unspecified", None
        if additional is False:
            return properties, "forbid", None
        if additional is True or additional == {}:
            return properties, "allow", None
        extra_type = self.type_of(
            additional, pointers.join(pointer, "additionalProperties"), f"{owner}Extra"
        )
        return properties, "allow", extra_type

    def properties_of(
        self, schema: dict[str, Any], pointer: str, owner: str
    ) -> tuple[Property, ...]:
        required = set(schema.get("required") or [])
        names = NameRegistry()
        result = []
        for wire_name, sub in (schema.get("properties") or {}).items():
            sub_pointer = schema.get("x-property-pointers", {}).get(wire_name) or pointers.join(
                pointer, "properties", wire_name
            )
            node = self.type_of(sub, sub_pointer, f"{owner}{pascal_case(wire_name, fallback='Field')}")
            result.append(
                Property(
                    name=names.claim(field_name(wire_name)),
                    wire_name=wire_name,
                    type=node,
                    required=wire_name in required,
                    nullable=_includes_none(node),
                    description=_description(sub) or self._referenced_description(sub, sub_pointer),
                    default=self.default_of(sub, sub_pointer),
                    deprecated=bool(sub.get("deprecated")) if isinstance(sub, dict) else False,
                    source=Source(*self.log.where(sub_pointer)),
                )
            )
        return tuple(result)

    def default_of(self, schema: Any, pointer: str) -> Any:
        """Return the schema's `default`, or else that of the schema it refers to, or MISSING."""
        if isinstance(schema, dict) and "default" in schema:
            return schema["default"]
        if isinstance(schema, dict) and "$ref" in schema:
            target, _ = self.resolve(schema, pointer)
            if isinstance(target, dict):
                return target.get("default", MISSING)
        return MISSING

    def _referenced_description(self, schema: Any, pointer: str) -> str:
        if isinstance(schema, dict) and "$ref" in schema:
            target, _ = self.resolve(schema, pointer)
            return _description(target)
        return ""

    def merged_object(
        self, schema: dict[str, Any], pointer: str, *, _visiting: frozenset[str] = frozenset()
    ) -> dict[str, Any] | None:
        """Merge `allOf` parts into one object schema; None when a part is not an object.

        Parts that only annotate (`{description: ...}`) or only list `required` names
        are merged too, because they constrain the same object.
        """
        if "allOf" not in schema:
            return schema
        if not isinstance(schema["allOf"], list):
            self.log.error(pointers.join(pointer, "allOf"), "'allOf' must be a list of schemas")
            return None
        visiting = _visiting | {pointer}
        shapes_object = False
        merged: dict[str, Any] = {"properties": {}, "required": [], "x-property-pointers": {}}
        parts = [(part, pointers.join(pointer, "allOf", i)) for i, part in enumerate(schema["allOf"])]
        own = {k: v for k, v in schema.items() if k != "allOf"}
        parts.append((own, pointer))
        for part, part_pointer in parts:
            resolved, resolved_pointer = self.resolve(part, part_pointer)
            if not isinstance(resolved, dict):
                return None
            if "allOf" in resolved and resolved is not own:
                if resolved_pointer in visiting or resolved_pointer in self._in_progress - {pointer}:
                    self.log.error(pointer, "allOf includes itself, a cycle no type can represent")
                    return None
                resolved = self.merged_object(resolved, resolved_pointer, _visiting=visiting)
                if resolved is None:
                    return None
            elif not _is_object_compatible(resolved):
                return None
            shapes_object = shapes_object or resolved.get("type") == "object" or any(
                k in resolved for k in _OBJECT_KEYWORDS
            )
            self._merge_into(merged, resolved, resolved_pointer, pointer)
        if not shapes_object:
            return None
        if not merged["required"]:
            del merged["required"]
        return merged

    def _merge_into(
        self, merged: dict[str, Any], part: dict[str, Any], part_pointer: str, pointer: str
    ) -> None:
        part_pointers = part.get("x-property-pointers", {})
        for wire_name, sub in (part.get("properties") or {}).items():
            sub_pointer = part_pointers.get(wire_name) or pointers.join(
                part_pointer, "properties", wire_name
            )
            existing = merged["properties"].get(wire_name)
            if existing is not None and existing != sub and not _is_annotation_only(sub):
                self.log.warn(
                    sub_pointer,
                    f"allOf parts define property {wire_name!r} differently "
                    f"(also at {merged['x-property-pointers'][wire_name]}); the later part wins",
                )
            if existing is None or not _is_annotation_only(sub):
                merged["properties"][wire_name] = sub
                merged["x-property-pointers"][wire_name] = sub_pointer
        for name in part.get("required") or []:
            if name not in merged["required"]:
                merged["required"].append(name)
        if "additionalProperties" in part:
            merged["additionalProperties"] = part["additionalProperties"]

    def _all_of(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode:
        parts = schema["allOf"]
        siblings = {k for k in schema if k not in _ANNOTATION_KEYWORDS and not k.startswith("x-")}
        if not isinstance(parts, list) or not parts:
            self.log.error(pointers.join(pointer, "allOf"), "'allOf' must be a non-empty list of schemas")
            return AnyType(open_in_spec=False)
        shaping = [(i, part) for i, part in enumerate(parts) if not _is_annotation_only(part)]
        if not shaping and siblings == {"allOf"}:
            return AnyType()
        if len(shaping) == 1 and siblings == {"allOf"}:
            index, part = shaping[0]
            return self.type_of(part, pointers.join(pointer, "allOf", index), hint)

        if self.merged_object(schema, pointer) is not None:
            return self._hoist(schema, pointer, hint)
        distributed = self._distribute_all_of(schema, pointer, hint)
        if distributed is not None:
            return distributed
        errors_before = len(self.log.errors)
        merged = self._merged_scalar(schema, pointer)
        if merged is not None:
            return self.type_of(merged, pointer, hint)
        if len(self.log.errors) > errors_before:
            return AnyType(open_in_spec=False)
        self.log.warn(pointer, "allOf mixes objects with non-object schemas; typed as Any")
        return AnyType(open_in_spec=False)

    def _merged_scalar(self, schema: dict[str, Any], pointer: str) -> dict[str, Any] | None:
        """Merge allOf parts that are not objects (`{type: string}` + `{maxLength: 5}`) into one.

        Reports an error, and returns None, when the parts allow no common type.
        """
        own = {k: v for k, v in schema.items() if k != "allOf"}
        merged: dict[str, Any] = {}
        types: frozenset[str] | None = declared_types(own)
        for index, part in enumerate(schema["allOf"]):
            resolved, _ = self.resolve(part, pointers.join(pointer, "allOf", index))
            if not isinstance(resolved, dict) or any(k in resolved for k in _COMBINING_KEYWORDS):
                return None
            part_types = declared_types(resolved)
            if part_types is not None:
                common = part_types if types is None else intersect(types, part_types)
                if not common:
                    self.log.error(
                        pointers.join(pointer, "allOf", index),
                        f"allOf requires both {' or '.join(sorted(types or ()))} and "
                        f"{' or '.join(sorted(part_types))}; no value can be both",
                    )
                    return None
                types = common
            merged.update(resolved)
        merged.update(own)
        if types is None or "object" in types:
            return None
        merged["type"] = sorted(types) if len(types) > 1 else next(iter(types))
        merged.pop("nullable", None)
        if "null" in types and isinstance(merged["type"], str):
            merged["type"] = [merged["type"]]
        return merged

    def _distribute_all_of(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode | None:
        """allOf [A, oneOf [B, C]] becomes a union of the objects A+B and A+C."""
        parts = schema["allOf"]
        union_index = None
        for index, part in enumerate(parts):
            resolved, _ = self.resolve(part, pointers.join(pointer, "allOf", index))
            if isinstance(resolved, dict) and ("oneOf" in resolved or "anyOf" in resolved):
                if union_index is not None:
                    return None
                union_index = index
        if union_index is None:
            return None
        union_schema, union_pointer = self.resolve(
            parts[union_index], pointers.join(pointer, "allOf", union_index)
        )
        keyword = "oneOf" if "oneOf" in union_schema else "anyOf"
        variants = []
        for index, variant in enumerate(union_schema[keyword]):
            others = [p for i, p in enumerate(parts) if i != union_index]
            combined = {**{k: v for k, v in schema.items() if k != "allOf"}, "allOf": [*others, variant]}
            variant_resolved, _ = self.resolve(variant, pointers.join(union_pointer, keyword, index))
            label = _title(variant_resolved) or _ref_label(variant) or f"Variant{index + 1}"
            variants.append(self.type_of(combined, pointer, f"{hint}{pascal_case(label)}"))
        return UnionType(tuple(variants))

    # --- unions -----------------------------------------------------------------

    def _one_of(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeNode:
        keyword = "oneOf" if "oneOf" in schema else "anyOf"
        return build_union(self, schema, keyword, pointer, hint)


def _is_object_schema(schema: dict[str, Any]) -> bool:
    if "allOf" in schema:
        return True
    if schema.get("type") == "object" and schema.get("properties"):
        return True
    return "type" not in schema and bool(schema.get("properties")) and "oneOf" not in schema


def _is_object_compatible(schema: dict[str, Any]) -> bool:
    """Return whether an allOf part merges into an object: it is one, or only adds constraints."""
    if _is_object_schema(schema):
        return True
    schema_type = schema.get("type", "object")
    if schema_type != "object":
        return False
    return not any(k in schema for k in (*_COMBINING_KEYWORDS, "enum", "const", "items", "prefixItems"))


def _is_definition_worthy(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        _is_object_schema(schema) or "oneOf" in schema or "anyOf" in schema
    )


def _is_annotation_only(schema: Any) -> bool:
    return isinstance(schema, dict) and all(
        k in _ANNOTATION_KEYWORDS or k.startswith("x-") for k in schema
    )


def _implied_type(schema: dict[str, Any]) -> str | None:
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema or "prefixItems" in schema:
        return "array"
    return None


def _includes_none(node: TypeNode) -> bool:
    if isinstance(node, PrimitiveType):
        return node.kind == "none"
    if isinstance(node, LiteralType):
        return None in node.values
    if isinstance(node, UnionType):
        return any(_includes_none(variant) for variant in node.variants)
    return False


def _description(schema: Any) -> str:
    if not isinstance(schema, dict):
        return ""
    if isinstance(schema.get("description"), str):
        return schema["description"].strip()
    # `allOf: [{$ref: X}, {description: ...}]` is how OpenAPI 3.0 describes a reference.
    for part in schema.get("allOf") or ():
        if _is_annotation_only(part) and isinstance(part.get("description"), str):
            return part["description"].strip()
    return ""


def _title(schema: Any) -> str:
    if isinstance(schema, dict) and isinstance(schema.get("title"), str):
        return schema["title"]
    return ""


def _ref_label(schema: Any) -> str:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return schema["$ref"].rsplit("/", 1)[-1]
    return ""


def _ref_name_hint(target_pointer: str, hint: str) -> str:
    tokens = pointers.split(target_pointer)
    if len(tokens) == 2 and tokens[0] == BUNDLE_KEY:
        # A whole file is the schema: name it after the file, `pet.yaml` -> `Pet`.
        return PurePosixPath(tokens[1]).stem
    return tokens[-1] if tokens and not tokens[-1].isdigit() else hint


def _extensions(schema: Any) -> dict[str, Any]:
    if not isinstance(schema, dict):
        return {}
    return {k: v for k, v in schema.items() if k.startswith("x-") and k != "x-property-pointers"}
