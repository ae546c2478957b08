"""A spec cannot inject code: every string it contains ends up inside a literal, docstring or comment.

The fixture spec puts triple quotes, backslashes, NUL, Unicode line separators and
`"); import os; os.system("...` into names, descriptions, titles, defaults, examples,
enum values, paths, media types and server URLs. The generated files are parsed with
`ast` and compared with the definitions the generator meant to emit, and the package
is imported and called to check that the strings survived unchanged.
"""

from __future__ import annotations

import ast
import importlib
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import GeneratorConfig
from generator.pipeline import GenerationResult, generate
from tests.generator.conftest import credentials
from tests.support.scripted_server import ScriptedServer, json_response

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "specs/fixtures/hostile/openapi.yaml"
PACKAGE = "hostile_client"
RUNTIME = {path.name for path in (REPO / "templates/runtime").glob("*.py")}
# Every import a generated module may make, by module.
ALLOWED_IMPORTS = {
    "__future__": {"annotations"},
    "collections.abc": {"Mapping", "Sequence"},
    "datetime": None,
    "enum": None,
    "httpx": None,
    "importlib": None,
    "os": None,
    "pydantic": {"ConfigDict", "Field"},
    "types": {"TracebackType"},
    "typing": {
        "TYPE_CHECKING",
        "Annotated",
        "Any",
        "Literal",
        "NotRequired",
        "Required",
        "Self",
        "TypeAlias",
        "Union",
        "cast",
    },
    "typing_extensions": {"Self", "TypeAliasType", "TypedDict"},
    "urllib.parse": {"quote"},
    "uuid": {"UUID"},
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, GenerationResult]]:
    folder = tmp_path_factory.mktemp("hostile") / "out"
    result = generate(SPEC, folder, GeneratorConfig(package_name=PACKAGE))
    sys.path.insert(0, str(folder))
    yield folder, result
    sys.path.remove(str(folder))


def generated_modules(folder: Path) -> dict[str, ast.Module]:
    return {
        path.name: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for path in sorted((folder / PACKAGE).glob("*.py"))
        if path.name not in RUNTIME
    }


def top_level_names(module: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in module.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.If):
            names.update(top_level_names(ast.Module(body=node.body + node.orelse, type_ignores=[])))
    return names


def test_generated_files_parse(hostile: tuple[Path, GenerationResult]) -> None:
    folder, _ = hostile

    modules = generated_modules(folder)

    assert set(modules) == {"__init__.py", "_client.py", "_parameters.py", "types.py"}


def test_module_statements_are_only_definitions(hostile: tuple[Path, GenerationResult]) -> None:
    folder, _ = hostile
    allowed = (
        ast.Import,
        ast.ImportFrom,
        ast.Assign,
        ast.AnnAssign,
        ast.ClassDef,
        ast.FunctionDef,
        ast.If,
    )

    for name, module in generated_modules(folder).items():
        docstring, *rest = module.body
        assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant), name
        for node in rest:
            assert isinstance(node, allowed), f"{name}: {ast.dump(node)[:200]}"
            if isinstance(node, ast.If):
                assert ast.unparse(node.test) == "TYPE_CHECKING", name


def test_imports_are_only_the_expected_ones(hostile: tuple[Path, GenerationResult]) -> None:
    folder, _ = hostile

    for name, module in generated_modules(folder).items():
        for node in ast.walk(module):
            if isinstance(node, ast.Import):
                assert {alias.name for alias in node.names} <= set(ALLOWED_IMPORTS), name
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert node.module in ALLOWED_IMPORTS, f"{name}: from {node.module}"
                allowed_names = ALLOWED_IMPORTS[node.module]
                if allowed_names is not None:
                    assert {alias.name for alias in node.names} <= allowed_names, (
                        f"{name}: {ast.dump(node)}"
                    )


def test_no_call_reaches_os_or_exec(hostile: tuple[Path, GenerationResult]) -> None:
    folder, _ = hostile

    for name, module in generated_modules(folder).items():
        for node in ast.walk(module):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
            ):
                assert node.attr == "environ", name
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"exec", "eval", "compile", "__import__", "open"}, name
            if isinstance(node, ast.Attribute):
                assert node.attr != "system", name


def test_types_module_defines_exactly_its_exports(hostile: tuple[Path, GenerationResult]) -> None:
    folder, result = hostile
    module = generated_modules(folder)["types.py"]
    exported = next(
        node.value
        for node in module.body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__"
    )

    declared = {element.value for element in exported.elts}  # type: ignore[attr-defined]

    assert top_level_names(module) - {"__all__"} == declared
    assert {d.name for d in result.api.definitions} <= declared


def test_client_classes_define_exactly_their_methods(
    hostile: tuple[Path, GenerationResult],
) -> None:
    folder, result = hostile
    module = generated_modules(folder)["_client.py"]
    operations = {operation.method_name for operation in result.api.operations}
    own = {"__init__", "base_url", "close", "__repr__"}

    classes = {node.name: node for node in module.body if isinstance(node, ast.ClassDef)}
    sync_methods = {
        node.name
        for node in classes[result.api.client_class].body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    async_class = classes["Async" + result.api.client_class]
    async_methods = {
        node.name
        for node in async_class.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }

    assert top_level_names(module) == {
        "__all__",
        "DEFAULT_TIMEOUT",
        "DEFAULT_MAX_RETRIES",
        "_USER_AGENT",
        "_resolve_base_url",
        *classes,
    }
    assert sync_methods == own | {"__enter__", "__exit__"} | operations
    assert async_methods == own | {"__aenter__", "__aexit__"} | operations


def test_pyproject_is_valid_toml(hostile: tuple[Path, GenerationResult]) -> None:
    folder, result = hostile

    project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert project["description"] == f"Typed Python client for the {result.api.title}"


def test_strings_survive_unchanged(hostile: tuple[Path, GenerationResult]) -> None:
    types: Any = importlib.import_module(f"{PACKAGE}.types")
    evil = next(
        getattr(types, name)
        for name in types.__all__
        if name.startswith("Evil") and "Nested" not in name
    )
    aliases = {info.alias for info in evil.model_fields.values()}

    assert evil.__doc__ == 'Class docstring """ with \\ and \x00 and \u2028 line separator\\'
    assert 'from"); os.system("echo field")' in aliases
    assert '日本語"; import os' in aliases
    assert evil.model_fields["kind"].annotation is not None
    assert (
        evil.model_validate({'from"); os.system("echo field")': "x", "kind\\": "\u2028"}).kind
        == "\u2028"
    )


def test_hostile_client_sends_the_wire_names(hostile: tuple[Path, GenerationResult]) -> None:
    package: Any = importlib.import_module(PACKAGE)
    client_class = getattr(
        package,
        next(n for n in package.__all__ if n.endswith("Client") and not n.startswith("Async")),
    )
    method = next(name for name in vars(client_class) if name.startswith("get_"))

    with ScriptedServer() as server:
        server.always(
            "GET",
            "/items/a%2Fb/%22%22%22%5C",
            json_response({'from"); os.system("echo field")': "x"}),
        )
        with client_class(
            **credentials(client_class, "k"), base_url=server.url, max_retries=0
        ) as client:
            evil = getattr(client, method)("a/b", q_import_os_os_system_echo_query="v")
        request = server.requests[0]

    assert request.path.startswith("/items/a%2Fb/%22%22%22%5C?")
    assert request.path.endswith(
        "?q%22%29%3B%20import%20os%3B%20os.system%28%22echo%20query%22%29=v"
    )
    assert evil.to_dict() == {'from"); os.system("echo field")': "x"}
