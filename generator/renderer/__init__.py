"""Render an `Api` into the files of a Python package, as a mapping of relative path to text.

Generated modules come from the Jinja2 templates in `templates/package/`; the runtime
modules in `templates/runtime/` are copied unchanged.
"""

from __future__ import annotations

import functools
import keyword
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.model import AliasDefinition, Api, ObjectDefinition
from generator.naming import ANNOTATION_NAMES
from generator.renderer.literals import (
    comment_text,
    docstring,
    docstring_text,
    identifier,
    inline_docstring_text,
    literal,
)
from generator.renderer.methods import method_views
from generator.renderer.parameters import needs_parameters_module
from generator.renderer.type_expressions import (
    TypeNames,
    TypeRenderer,
    build_type_names,
    is_open_object,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class FieldView:
    name: str
    wire_name: str
    annotation: str
    required: bool
    docstring: str
    default: str | None


@dataclass(frozen=True)
class DefinitionView:
    kind: str  # "model", "typeddict", "alias"
    name: str
    docstring: str
    fields: tuple[FieldView, ...] = ()
    expression: str = ""
    checker_expression: str = ""
    extra: str = "unspecified"
    extra_annotation: str | None = None
    functional: bool = False
    # The spec schema it renders, and whether it is the "request" or "response" form.
    schema: str = ""
    direction: str = "response"


def render_package(api: Api) -> dict[str, str]:
    names = build_type_names(api)
    environment = _environment()
    context = {
        "api": api,
        "package": identifier(api.package_name),
        "definitions": definition_views(api, names),
        "client_methods": method_views(api, names, None),
        "resources": [
            (resource, method_views(api, names, resource.name)) for resource in api.resources
        ],
        "server": api.servers[0] if api.servers else None,
    }
    context["type_imports"] = _type_imports(context)
    context["uses_parameters_module"] = needs_parameters_module(api)
    context["uses_vectors_module"] = any(op.base64_vectors for op in api.operations)
    files = {}
    for template_name, output_name in _package_templates(api):
        template = environment.get_template(f"package/{template_name}")
        files[output_name.format(package=api.package_name)] = template.render(context)
    for runtime_file in sorted((TEMPLATES / "runtime").glob("*.py")):
        files[f"{api.package_name}/{runtime_file.name}"] = runtime_file.read_text(encoding="utf-8")
    files[f"{api.package_name}/py.typed"] = ""
    return files


def _package_templates(api: Api) -> list[tuple[str, str]]:
    templates = [
        ("__init__.py.jinja", "{package}/__init__.py"),
        ("_client.py.jinja", "{package}/_client.py"),
        ("types.py.jinja", "{package}/types.py"),
        ("pyproject.toml.jinja", "pyproject.toml"),
        ("README.md.jinja", "README.md"),
    ]
    if api.resources:
        templates.append(("_resources.py.jinja", "{package}/_resources.py"))
    if needs_parameters_module(api):
        templates.append(("_parameters.py.jinja", "{package}/_parameters.py"))
    return templates


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # noqa: S701 - the output is Python, escaped by the filters below
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    environment.filters["literal"] = literal
    environment.filters["identifier"] = identifier
    environment.filters["docstring"] = docstring
    environment.filters["docstring_text"] = docstring_text
    environment.filters["inline_docstring_text"] = inline_docstring_text
    environment.filters["comment_text"] = comment_text
    return environment


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Keep compiled templates in `templates/__pycache__`, as Python keeps .pyc files.

    Compiling the templates takes longer than rendering them, so every run after the
    first reuses the compiled code. Jinja checks each entry
    against the template's source, so an edited template is compiled again. Without
    a writable folder, or with PYTHONDONTWRITEBYTECODE set, templates are compiled
    on every run.
    """
    if sys.dont_write_bytecode:
        return None
    folder = TEMPLATES / "__pycache__"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder), "%s.jinja-cache")


def definition_views(api: Api, names: TypeNames) -> list[DefinitionView]:
    """Build a view of every definition form, in the order `types.py` declares them."""
    renderers = {
        (direction, quoted): TypeRenderer(names, direction, quote_refs=quoted)
        for direction in ("response", "request")
        for quoted in (False, True)
    }
    views = []
    for definition in api.definitions:
        name = definition.name
        if name not in names.request_forms:
            direction = names.shared_direction(name)
            assert isinstance(definition, AliasDefinition)
            views.append(_alias_view(definition, name, renderers[(direction, True)]))
            continue
        if names.needs_response_form(name):
            if isinstance(definition, ObjectDefinition):
                views.append(_model_view(definition, renderers[("response", False)]))
            else:
                views.append(_alias_view(definition, name, renderers[("response", True)]))
        if names.needs_request_form(name):
            request_name = names.request_name(name)
            if isinstance(definition, AliasDefinition):
                views.append(_alias_view(definition, request_name, renderers[("request", True)]))
            elif is_open_object(definition):
                views.append(_open_param_view(definition, names))
            else:
                views.append(
                    _typeddict_view(
                        definition, names, renderers[("request", False)], renderers[("request", True)]
                    )
                )
    return views


def _model_view(definition: ObjectDefinition, renderer: TypeRenderer) -> DefinitionView:
    fields = []
    for prop in definition.properties:
        annotation = renderer.render(prop.type)
        if not prop.required and not prop.nullable:
            annotation = f"{annotation} | None"
        fields.append(
            FieldView(
                name=identifier(prop.name),
                wire_name=prop.wire_name,
                annotation=annotation,
                required=prop.required,
                docstring=docstring(prop.description, "    "),
                default=None if prop.required else "None",
            )
        )
    extra_annotation = renderer.render(definition.extra_type) if definition.extra_type else None
    return DefinitionView(
        kind="model",
        name=identifier(definition.name),
        docstring=docstring(definition.description, "    "),
        fields=tuple(fields),
        extra=definition.extra,
        extra_annotation=extra_annotation,
        schema=definition.name,
    )


def _typeddict_view(
    definition: ObjectDefinition,
    names: TypeNames,
    renderer: TypeRenderer,
    quoted: TypeRenderer,
) -> DefinitionView:
    functional = not all(_is_plain_key(prop.wire_name) for prop in definition.properties)
    fields = []
    for prop in definition.properties:
        annotation = (quoted if functional else renderer).render(prop.type)
        wrapper = "Required" if prop.required else "NotRequired"
        fields.append(
            FieldView(
                name=prop.wire_name if functional else identifier(prop.wire_name),
                wire_name=prop.wire_name,
                annotation=f"{wrapper}[{annotation}]",
                required=prop.required,
                docstring=docstring(prop.description, "    "),
                default=None,
            )
        )
    return DefinitionView(
        kind="typeddict",
        name=names.request_name(definition.name),
        docstring=docstring(definition.description, "" if functional else "    "),
        fields=tuple(fields),
        functional=functional,
        schema=definition.name,
        direction="request",
    )


def _open_param_view(definition: ObjectDefinition, names: TypeNames) -> DefinitionView:
    known = ", ".join(f"`{p.wire_name}`" for p in definition.properties)
    text = definition.description
    if known:
        text += f"\n\nKnown keys: {known}; any other key is allowed too."
    return DefinitionView(
        kind="alias",
        name=names.request_name(definition.name),
        docstring=docstring(text, "    "),
        expression="Mapping[str, Any]",
        checker_expression="Mapping[str, Any]",
        schema=definition.name,
        direction="request",
    )


def _alias_view(definition: AliasDefinition, name: str, renderer: TypeRenderer) -> DefinitionView:
    """Build the view of an alias in two spellings: quoted members for run time, one string for checkers.

    Type checkers read the alias as a string, so it may name later definitions and
    use `X | Y` between them, which would fail at run time.
    """
    checker = TypeRenderer(renderer.names, renderer.direction, quote_refs=False)
    checker_expression = checker.render(definition.type)
    if checker.mentioned:
        checker_expression = literal(checker_expression)
    return DefinitionView(
        kind="alias",
        name=identifier(name),
        docstring=docstring(definition.description, "    "),
        expression=renderer.render(definition.type),
        checker_expression=checker_expression,
        schema=definition.name,
        direction=renderer.direction,
    )


def _is_plain_key(name: str) -> bool:
    """Return whether a TypedDict can declare this key in class syntax without shadowing a name."""
    return (
        name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
        and name not in ANNOTATION_NAMES
    )


def _type_imports(context: dict[str, object]) -> list[str]:
    used: set[str] = set()
    for method in context["client_methods"]:  # type: ignore[attr-defined]
        used |= method.used_names
    for _, methods in context["resources"]:  # type: ignore[attr-defined]
        for method in methods:
            used |= method.used_names
    return sorted(used)

