"""The intermediate model: the API as plain, immutable data.

The parser builds it from a spec, the renderer turns it into code, and the summary
and change report walk it. It imports neither openapi-pydantic nor Jinja.

Types are a small tree of `TypeNode`s. A `RefType` names a `Definition`: an object
schema (`ObjectDefinition`, rendered as a pydantic model for responses and a
TypedDict for requests) or a named type alias (`AliasDefinition`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Literal

JsonScalar = str | int | float | bool | None


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Source:
    """Location of a definition: the spec file and a JSON pointer into it."""

    file: str
    pointer: str


# --- type expressions -----------------------------------------------------------


@dataclass(frozen=True)
class TypeNode:
    """Base of all type expressions."""


@dataclass(frozen=True)
class AnyType(TypeNode):
    """Any JSON value. `open_in_spec` is False when the generator loosened a type."""

    open_in_spec: bool = True


PrimitiveKind = Literal["str", "int", "float", "bool", "none", "datetime", "date", "uuid", "bytes"]


@dataclass(frozen=True)
class PrimitiveType(TypeNode):
    kind: PrimitiveKind


@dataclass(frozen=True)
class LiteralType(TypeNode):
    """One of a fixed set of JSON scalars: `const` or `enum`."""

    values: tuple[JsonScalar, ...]


@dataclass(frozen=True)
class ArrayType(TypeNode):
    item: TypeNode


@dataclass(frozen=True)
class TupleType(TypeNode):
    """A fixed-length array with one type per position (`prefixItems`)."""

    items: tuple[TypeNode, ...]


@dataclass(frozen=True)
class MapType(TypeNode):
    """An object with arbitrary string keys whose values share one type."""

    value: TypeNode


@dataclass(frozen=True)
class UnionType(TypeNode):
    """Any one of several types; `discriminator` names the property that picks the variant."""

    variants: tuple[TypeNode, ...]
    discriminator: str | None = None


@dataclass(frozen=True)
class RefType(TypeNode):
    """A reference to a named `Definition`."""

    name: str


# --- named definitions ----------------------------------------------------------

# "allow" and "forbid" come from an explicit additionalProperties; "unspecified" from
# its absence, which responses read as "allow" and request TypedDicts as closed.
ExtraPolicy = Literal["allow", "forbid", "unspecified"]


@dataclass(frozen=True)
class Property:
    """A property of an object schema, a request body keyword, or a parameter."""

    name: str
    wire_name: str
    type: TypeNode
    required: bool
    nullable: bool = False
    description: str = ""
    default: Any = MISSING
    deprecated: bool = False
    source: Source | None = None


@dataclass(frozen=True)
class ObjectDefinition:
    """An object schema with named properties."""

    name: str
    properties: tuple[Property, ...]
    extra: ExtraPolicy = "unspecified"
    extra_type: TypeNode | None = None
    description: str = ""
    source: Source | None = None
    extensions: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class AliasDefinition:
    """A named type alias: a union, a tuple, a literal set, or any other type."""

    name: str
    type: TypeNode
    description: str = ""
    source: Source | None = None
    extensions: dict[str, Any] = field(default_factory=dict, compare=False)


Definition = ObjectDefinition | AliasDefinition


# --- operations -----------------------------------------------------------------

ParameterLocation = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: str
    location: ParameterLocation
    type: TypeNode
    required: bool
    description: str = ""
    explode: bool = True
    deprecated: bool = False
    source: Source | None = None
    # OpenAPI's serialisation style: "form" for query and cookie, "simple" for path and header.
    style: str = "form"
    default: Any = MISSING


@dataclass(frozen=True)
class RequestBody:
    """Request body of an operation, and how it becomes keyword arguments.

    Object bodies spread their properties into keywords. Any other body (a map, an
    array, a scalar) is one keyword, `single`. `schema` is the whole body's type when
    the spec names it (a `$ref`), so the named schema is rendered too. `wrap_in` nests the body under a key
    of the JSON sent, for APIs whose wire format differs from the spec.
    """

    media_type: str
    properties: tuple[Property, ...] = ()
    schema: TypeNode | None = None
    single: Property | None = None
    wrap_in: str | None = None
    required: bool = True
    source: Source | None = None


@dataclass(frozen=True)
class Response:
    status: str
    type: TypeNode | None
    media_type: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Pagination:
    items_field: str
    cursor_parameter: str
    next_cursor_field: str
    item_type: TypeNode


@dataclass(frozen=True)
class Base64Vectors:
    """The places of a request body's vectors, which the client sends as base64.

    All names are wire names of body properties: `rows` hold lists of documents,
    `columns` maps of attribute name to values, and `schema` the attribute types,
    whose float32 vector attributes count as vectors besides `attributes`.
    """

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    attributes: tuple[str, ...]
    schema: str | None


@dataclass(frozen=True)
class Operation:
    """One HTTP operation and the method that calls it."""

    method_name: str
    http_method: str
    path: str
    fixed_query: tuple[tuple[str, str], ...]
    resource: str | None
    description: str
    path_parameters: tuple[Parameter, ...]
    query_parameters: tuple[Parameter, ...]
    header_parameters: tuple[Parameter, ...]
    cookie_parameters: tuple[Parameter, ...]
    body: RequestBody | None
    response: Response
    # Responses of explicit 4xx and 5xx codes with a JSON schema, which errors are parsed as.
    error_responses: tuple[Response, ...] = ()
    async_operation: bool = False
    pagination: Pagination | None = None
    base64_vectors: Base64Vectors | None = None
    deprecated: bool = False
    source: Source | None = None
    extensions: dict[str, Any] = field(default_factory=dict, compare=False)


# --- the API --------------------------------------------------------------------


@dataclass(frozen=True)
class ServerVariable:
    """A `{name}` in the server URL; `argument` is the client's keyword argument for it."""

    name: str
    default: str | None
    description: str = ""
    enum: tuple[str, ...] = ()
    env_var: str | None = None
    argument: str = ""


@dataclass(frozen=True)
class Server:
    url: str
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True)
class Resource:
    """A handle object grouping operations that share one bound path parameter."""

    name: str
    class_name: str
    bound_parameter: str
    description: str = ""


@dataclass(frozen=True)
class AuthScheme:
    """Authentication scheme: a bearer token, or an API key in a header, query or cookie."""

    kind: Literal["bearer", "api_key", "basic", "none"]
    location: Literal["header", "query", "cookie"] = "header"
    name: str = "Authorization"


@dataclass(frozen=True)
class Coverage:
    """Counts of schema nodes that became precise types and of those that became `Any`."""

    precise: int = 0
    open_in_spec: int = 0
    loosened: int = 0

    @property
    def typed_nodes(self) -> int:
        return self.precise + self.loosened

    @property
    def percent(self) -> float:
        return 100.0 if not self.typed_nodes else 100.0 * self.precise / self.typed_nodes


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    package_name: str
    distribution_name: str
    package_version: str
    client_class: str
    api_key_env: str
    base_url_env: str
    servers: tuple[Server, ...]
    auth: AuthScheme
    definitions: tuple[Definition, ...]
    operations: tuple[Operation, ...]
    resources: tuple[Resource, ...]
    coverage: Coverage = Coverage()
    overrides: tuple[str, ...] = ()
    dropped_variants: tuple[str, ...] = ()

    def definition(self, name: str) -> Definition:
        """Return the first definition named `name`; raise KeyError when there is none."""
        return self._definitions_by_name[name]

    @functools.cached_property
    def _definitions_by_name(self) -> dict[str, Definition]:
        # Built once, because callers look up every definition in turn, and a linear
        # search for each made large specs take quadratic time.
        index: dict[str, Definition] = {}
        for definition in self.definitions:
            index.setdefault(definition.name, definition)
        return index
