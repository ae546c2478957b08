"""Turn names from a spec into valid, readable, deterministic Python identifiers.

Wire names are never changed: generated code keeps them as aliases and dictionary
keys. Only the Python-side identifier is normalised here. Soft keywords (`match`,
`type`) are valid names and stay as they are, so the same spec yields the same names
whichever Python version runs the generator.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

# Attributes of pydantic's BaseModel that a field must not shadow.
PYDANTIC_RESERVED = frozenset(
    {
        "schema",
        "json",
        "dict",
        "copy",
        "construct",
        "validate",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
        "schema_json",
        "fields",
    }
)
BUILTIN_NAMES = frozenset(dir(builtins))
# Names that generated annotations use. A model field with one of these names would
# shadow the type for every later annotation in the class body.
ANNOTATION_NAMES = frozenset(
    {"int", "float", "str", "bool", "list", "dict", "tuple", "bytes", "datetime", "date"}
)
# Names that generated modules import or define at module level.
MODULE_LEVEL_NAMES = frozenset(
    {
        "Any",
        "Annotated",
        "Literal",
        "Mapping",
        "Sequence",
        "Union",
        "Optional",
        "Dict",
        "Client",
        "Tuple",
        "List",
        "TypedDict",
        "TypeAlias",
        "TypeAliasType",
        "Required",
        "NotRequired",
        "Field",
        "BaseModel",
        "ConfigDict",
        "datetime",
        "date",
        "UUID",
        "NotGiven",
        "NOT_GIVEN",
        "Timeout",
        "APIError",
        "APIStatusError",
        "APIConnectionError",
        "APITimeoutError",
        "APIResponseValidationError",
        "AsyncOperationError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "RetryPolicy",
        "InternalServerError",
        "SyncCursorPager",
        "AsyncCursorPager",
        "SyncAPIClient",
        "AsyncAPIClient",
        "Model",
        "Self",
        "TracebackType",
        "AiohttpTransport",
        "AuthScheme",
        "BinaryIO",
        "annotations",
        "cast",
        "httpx",
        "os",
    }
)

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")


def ascii_words(name: str) -> list[str]:
    """Split a name into ASCII words: "fooBar-baz.HTTPServer" -> foo, Bar, baz, HTTP, Server."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = []
    for chunk in _NON_WORD.split(folded):
        words.extend(part for part in _WORD_BOUNDARY.split(chunk) if part)
    return words


def snake_case(name: str, *, fallback: str = "value") -> str:
    words = [word.lower() for word in ascii_words(name)]
    result = "_".join(words) or fallback
    if result[0].isdigit():
        result = f"{fallback}_{result}"
    return result


def pascal_case(name: str, *, fallback: str = "Model") -> str:
    words = ascii_words(name)
    result = "".join(word[0].upper() + word[1:] for word in words) or fallback
    if result[0].isdigit():
        result = f"{fallback}{result}"
    return result


def upper_snake_case(name: str, *, fallback: str = "VALUE") -> str:
    return snake_case(name, fallback=fallback.lower()).upper()


def field_name(wire_name: str) -> str:
    """Return the model field name for a property's wire name."""
    name = snake_case(wire_name, fallback="field")
    if keyword.iskeyword(name) or name in PYDANTIC_RESERVED:
        name += "_"
    elif name in ANNOTATION_NAMES:
        name += "_"
    if name.startswith("model_") or name == "self":
        name += "_"
    return name


def argument_name(wire_name: str, reserved: frozenset[str] = frozenset()) -> str:
    """Return a method keyword argument name; `reserved` contains names the method already uses."""
    name = snake_case(wire_name, fallback="arg")
    if keyword.iskeyword(name) or name in BUILTIN_NAMES or name in MODULE_LEVEL_NAMES:
        name += "_"
    while name in reserved or name == "self":
        name += "_"
    return name


def class_name(raw: str) -> str:
    name = pascal_case(raw)
    if keyword.iskeyword(name) or name in BUILTIN_NAMES or name in MODULE_LEVEL_NAMES:
        name += "Model"
    return name


def method_name(raw: str) -> str:
    name = snake_case(raw, fallback="call")
    if keyword.iskeyword(name) or name in BUILTIN_NAMES:
        name += "_"
    return name


class NameRegistry:
    """Hands out names that are unique ignoring case, deterministically: `Foo`, `Foo2`, ..."""

    def __init__(self, reserved: frozenset[str] | set[str] = frozenset()) -> None:
        self._taken = {name.lower() for name in reserved}

    def claim(self, name: str) -> str:
        candidate = name
        counter = 2
        while candidate.lower() in self._taken:
            candidate = f"{name}{counter}"
            counter += 1
        self._taken.add(candidate.lower())
        return candidate

    def __contains__(self, name: str) -> bool:
        return name.lower() in self._taken
