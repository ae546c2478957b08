"""The public surface of a generated package, built from the intermediate model.

The surface lists what code calling the package can use. For the client class and the
resource handle classes, it lists their methods with each argument (name, type,
required or not, positional or keyword-only) and the return type, and the client's
constructor options and environment variables. For every type `types.py` exports, it
lists the fields or the aliased type. Types are shapes (see `generator.shapes`) in the
names the package uses. The `Async...` classes mirror the sync ones, so only the sync
ones are listed.

NOTE: names the templates export on their own (the error classes, the pagers, the
runtime helpers) are not in the intermediate model, so they are not listed. A change
to them shows only as a changed fingerprint, which bumps the patch version.

The surface is stored as `surface.json` beside the package. The next regeneration
reads it back and compares it with the new surface to report what changed for callers.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict
from urllib.parse import urlencode

from generator.diagnostics import error
from generator.model import Api, ObjectDefinition, Operation, TypeNode, UnionType
from generator.renderer import DefinitionView, definition_views
from generator.renderer.literals import identifier
from generator.renderer.methods import MethodView, method_views
from generator.renderer.type_expressions import TypeNames, build_type_names
from generator.shapes import Shape, ShapeBuilder, union_of

logger = logging.getLogger(__name__)

SURFACE_FILE = "surface.json"
# Incremented when the layout of the file changes in a way older readers cannot follow.
SURFACE_FORMAT = 1

Usage = Literal["request", "response", "both"]


class ArgumentSurface(TypedDict):
    name: str
    type: Shape
    required: bool
    positional: NotRequired[bool]
    wire: NotRequired[str]


class MethodSurface(TypedDict):
    http: NotRequired[str]
    arguments: list[ArgumentSurface]
    returns: Shape


class ClassSurface(TypedDict):
    arguments: NotRequired[list[ArgumentSurface]]
    environment: NotRequired[dict[str, str]]
    methods: dict[str, MethodSurface]


class FieldSurface(TypedDict):
    type: Shape
    required: bool
    wire: NotRequired[str]


class TypeSurface(TypedDict):
    kind: Literal["model", "typeddict", "alias"]
    schema: NotRequired[str]
    used_in: Usage
    type: NotRequired[Shape]
    discriminator: NotRequired[str]
    fields: NotRequired[dict[str, FieldSurface]]


class Surface(TypedDict):
    format: int
    package: str
    version: str
    fingerprint: str
    classes: dict[str, ClassSurface]
    types: dict[str, TypeSurface]


def build_surface(api: Api, *, fingerprint: str) -> Surface:
    """Build the surface of the package `render_package(api)` makes.

    `fingerprint` identifies the model and generator the package came from, so a later
    run can tell whether the package changed in ways the surface does not show, such as
    docstrings.
    """
    names = build_type_names(api)
    classes: dict[str, ClassSurface] = {api.client_class: _client_surface(api, names)}
    for resource in api.resources:
        classes[resource.class_name] = {"methods": _methods(api, names, resource.name)}
    types = {view.name: _type_surface(api, names, view) for view in definition_views(api, names)}
    return {
        "format": SURFACE_FORMAT,
        "package": api.package_name,
        "version": api.package_version,
        "fingerprint": fingerprint,
        "classes": dict(sorted(classes.items())),
        "types": dict(sorted(types.items())),
    }


# --- classes and methods -----------------------------------------------------------


def _client_surface(api: Api, names: TypeNames) -> ClassSurface:
    environment = {"api_key": api.api_key_env, "base_url": api.base_url_env}
    arguments: list[ArgumentSurface] = []
    if api.servers:
        for variable in api.servers[0].variables:
            name = identifier(variable.argument or variable.name)
            arguments.append({"name": name, "type": "str", "required": variable.default is None})
            if variable.env_var:
                environment[name] = variable.env_var

    methods = _methods(api, names, None)
    for resource in api.resources:
        handle: ArgumentSurface = {
            "name": identifier(resource.bound_parameter),
            "type": "str",
            "required": True,
            "positional": True,
        }
        methods[identifier(resource.name)] = {"arguments": [handle], "returns": resource.class_name}
    return {
        "arguments": arguments,
        "environment": environment,
        "methods": dict(sorted(methods.items())),
    }


def _methods(api: Api, names: TypeNames, resource: str | None) -> dict[str, MethodSurface]:
    operations = [operation for operation in api.operations if operation.resource == resource]
    views = method_views(api, names, resource)
    methods = {
        view.name: _method_surface(operation, view, names)
        for operation, view in zip(operations, views, strict=True)
    }
    return dict(sorted(methods.items()))


def _method_surface(operation: Operation, view: MethodView, names: TypeNames) -> MethodSurface:
    request = ShapeBuilder(names, "request")
    response = ShapeBuilder(names, "response")
    argument_types = _argument_types(operation)

    arguments: list[ArgumentSurface] = []
    for argument, positional in [
        *((argument, True) for argument in view.positional),
        *((argument, False) for argument in view.keyword),
    ]:
        if argument.name not in argument_types:
            raise ValueError(
                f"{view.name}: argument {argument.name!r} matches no parameter or body "
                "property of its operation, so the surface cannot give its type"
            )
        node, wire = argument_types[argument.name]
        required = positional or argument.default is None
        entry: ArgumentSurface = {
            "name": argument.name,
            "type": request.build(node),
            "required": required,
        }
        if positional:
            entry["positional"] = True
        if wire != argument.name:
            entry["wire"] = wire
        arguments.append(entry)

    returns: Shape = "None"
    if operation.response.type is not None:
        returns = response.build(operation.response.type)
    if operation.pagination is not None:
        returns = ["SyncCursorPager", response.build(operation.pagination.item_type), returns]
    return {"http": _http(operation), "arguments": arguments, "returns": returns}


def _argument_types(operation: Operation) -> dict[str, tuple[TypeNode, str]]:
    """The type and wire name of every argument, by the Python name the method uses."""
    found: dict[str, tuple[TypeNode, str]] = {}
    parameters = (
        *operation.path_parameters,
        *operation.query_parameters,
        *operation.header_parameters,
        *operation.cookie_parameters,
    )
    for parameter in parameters:
        found[identifier(parameter.name)] = (parameter.type, parameter.wire_name)
    if operation.body is not None:
        properties = operation.body.properties or (operation.body.single,)
        for prop in properties:
            if prop is not None:
                found[identifier(prop.name)] = (prop.type, prop.wire_name)
    return found


def _http(operation: Operation) -> str:
    target = operation.path
    if operation.fixed_query:
        target += "?" + urlencode(operation.fixed_query)
    return f"{operation.http_method} {target}"


# --- types -----------------------------------------------------------------------


def _type_surface(api: Api, names: TypeNames, view: DefinitionView) -> TypeSurface:
    definition = api.definition(view.schema)
    builder = ShapeBuilder(names, "request" if view.direction == "request" else "response")
    surface: TypeSurface = {"kind": view.kind}  # type: ignore[typeddict-item]
    if view.schema != view.name:
        surface["schema"] = view.schema
    surface["used_in"] = _usage(names, view)

    if view.kind == "alias":
        if isinstance(definition, ObjectDefinition):
            # An object that allows any extra key is taken by requests as a plain mapping.
            surface["type"] = ["Mapping", "str", "Any"]
            return surface
        surface["type"] = builder.build(definition.type)
        if isinstance(definition.type, UnionType) and definition.type.discriminator:
            surface["discriminator"] = definition.type.discriminator
        return surface

    assert isinstance(definition, ObjectDefinition)
    properties = {prop.wire_name: prop for prop in definition.properties}
    fields: dict[str, FieldSurface] = {}
    for field in view.fields:
        prop = properties[field.wire_name]
        shape = builder.build(prop.type)
        if view.kind == "model" and not prop.required and not prop.nullable:
            shape = union_of([shape, "None"])
        entry: FieldSurface = {"type": shape, "required": prop.required}
        if field.wire_name != field.name:
            entry["wire"] = field.wire_name
        fields[field.name] = entry
    surface["fields"] = fields
    return surface


def _usage(names: TypeNames, view: DefinitionView) -> Usage:
    """Tell whether callers pass the type in, get it back, or both, which decides variance."""
    if view.direction == "request":
        return "request"
    if view.schema in names.request_forms:
        return "response"
    requested = view.schema in names.request_reachable
    returned = view.schema in names.response_reachable
    if requested and returned:
        return "both"
    return "request" if requested else "response"


# --- reading and writing ---------------------------------------------------------


def dump_surface(surface: Surface) -> str:
    """Serialise a surface as stable JSON with one argument, field or alias per line."""
    return _dump(surface, "") + "\n"


def _dump(value: Any, indent: str) -> str:
    if not _spreads(value):
        return json.dumps(value, ensure_ascii=False)
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key)}: {_dump(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    items = [f"{inner}{_dump(item, inner)}" for item in value]
    return "[\n" + ",\n".join(items) + f"\n{indent}]"


def _spreads(value: Any) -> bool:
    """Tell whether a value spreads over several lines: it contains a mapping or a list of them."""
    if isinstance(value, dict):
        return any(isinstance(item, dict) or _is_list_of_dicts(item) for item in value.values())
    return _is_list_of_dicts(value)


def _is_list_of_dicts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def load_surface(path: Path) -> Surface | None:
    """Read the surface stored at `path`; None when there is none. Raise on a bad file."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(
            str(path),
            "",
            f"unreadable surface snapshot: {exc}; delete it to start a new change history",
        ) from None
    if not isinstance(data, dict) or data.get("format") != SURFACE_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise error(
            str(path),
            "/format",
            f"surface snapshot format {found!r} is not {SURFACE_FORMAT}, the one this generator "
            "reads; use the generator that wrote it, or delete the file to start a new change "
            "history",
        )
    for key, kind in (("version", str), ("fingerprint", str), ("classes", dict), ("types", dict)):
        if not isinstance(data.get(key), kind):
            raise error(
                str(path),
                f"/{key}",
                f"missing or not a {kind.__name__}; delete the file to start a new change history",
            )
    logger.debug("read the surface of %s %s from %s", data.get("package"), data["version"], path)
    return data  # type: ignore[return-value]
