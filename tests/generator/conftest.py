"""Generate every corpus document and case spec once per test session.

Generating the large corpus documents takes seconds, so one session-scoped fixture
generates all of them into a temporary folder, and the tests read, import, lint and
type-check those packages. Each package gets a distinct name (`corpus_box`,
`case_01_keyword_property_names`), so all of them can be imported side by side and
checked by one mypy run.
"""

from __future__ import annotations

import importlib
import inspect
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.config import GeneratorConfig
from generator.diagnostics import Diagnostic, GenerationError
from generator.pipeline import generate
from tests.conftest import SHARED

BIN = Path(sys.executable).parent
CORPUS = sorted((SHARED / "specs/corpus").glob("*.*"))
CASES = sorted((SHARED / "cases").glob("*.yaml"))
# A copy of a generated package with one type error, checked in the same mypy run.
MYPY_CANARY = "mypy_canary"
# Case specs that are invalid on purpose: generating them must fail with an error.
INVALID_CASES = frozenset({"23-oas31-unquoted-null-in-type-array-INVALID"})


@dataclass
class GeneratedPackage:
    """One generated package: where it is, its import name, and what generating it reported."""

    spec: Path
    folder: Path
    package: str
    warnings: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)

    @property
    def package_folder(self) -> Path:
        return self.folder / self.package


def credentials(client_type: Any, key: str) -> dict[str, str]:
    """Return `{"api_key": key}` when the client takes a key; specs without security take none."""
    parameters = inspect.signature(client_type.__init__).parameters
    return {"api_key": key} if "api_key" in parameters else {}


def package_name(spec: Path) -> str:
    prefix = "case" if spec.parent.name == "cases" else "corpus"
    stem = re.sub(r"[^0-9a-z]+", "_", spec.stem.lower()).strip("_")
    return f"{prefix}_{stem.removeprefix('oai_')}"


def _generate(spec: Path, root: Path) -> GeneratedPackage:
    name = package_name(spec)
    generated = GeneratedPackage(spec, root / name, name)
    try:
        result = generate(spec, generated.folder, GeneratorConfig(package_name=name))
    except GenerationError as exc:
        generated.errors = exc.diagnostics
    else:
        generated.warnings = result.warnings
    return generated


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, GeneratedPackage]]:
    """Every corpus document and case, generated once, by spec file stem; importable."""
    root = tmp_path_factory.mktemp("generated")
    packages = {spec.stem: _generate(spec, root) for spec in (*CORPUS, *CASES)}
    folders = [str(p.folder) for p in packages.values() if not p.errors]
    sys.path[:0] = folders
    yield packages
    for folder in folders:
        sys.path.remove(folder)


@pytest.fixture(scope="session")
def mypy_report(generated: dict[str, GeneratedPackage]) -> dict[str, list[str]]:
    """mypy --strict over all generated packages in one run: error lines by package name."""
    valid = [p for p in generated.values() if not p.errors]
    root = valid[0].folder.parent
    canary = _broken_copy(valid[0], root / MYPY_CANARY)
    command = [
        str(BIN / "mypy"),
        "--strict",
        "--no-incremental",
        "--cache-dir=/dev/null",
        *(f"{p.package}/{p.package}" for p in valid),
        f"{MYPY_CANARY}/{canary}",
    ]
    result = subprocess.run(
        command, cwd=root, capture_output=True, text=True, check=False, timeout=600
    )
    report: dict[str, list[str]] = {p.package: [] for p in valid}
    for line in result.stdout.splitlines():
        if ": error:" in line:
            package = Path(line.split(":", 1)[0]).parts[0]
            report.setdefault(package, []).append(line)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return report


def _broken_copy(package: GeneratedPackage, folder: Path) -> str:
    """Copy a package under the name MYPY_CANARY with one type error, to prove mypy reports it."""
    shutil.copytree(package.package_folder, folder / MYPY_CANARY)
    client = folder / MYPY_CANARY / "_client.py"
    client.write_text(
        client.read_text(encoding="utf-8") + "\n\nWRONG: int = 'text'\n", encoding="utf-8"
    )
    return MYPY_CANARY


@pytest.fixture(scope="session")
def ruff_report(generated: dict[str, GeneratedPackage]) -> dict[str, list[str]]:
    """`ruff check` with ruff's default rules over every generated package, by package name."""
    report: dict[str, list[str]] = {}
    for package in generated.values():
        if package.errors:
            continue
        result = subprocess.run(
            [
                str(BIN / "ruff"),
                "check",
                "--no-cache",
                "--isolated",
                "--output-format=concise",
                package.package,
            ],
            cwd=package.folder,
            capture_output=True,
            text=True,
            check=False,
        )
        report[package.package] = [] if result.returncode == 0 else result.stdout.splitlines()
    return report


def client_class(generated: GeneratedPackage, *, asynchronous: bool = False) -> Any:
    """The generated client class (`...Client` or `Async...Client`) of a package."""
    module = importlib.import_module(generated.package)
    for name in module.__all__:
        if name.endswith("Client") and name.startswith("Async") == asynchronous:
            return getattr(module, name)
    raise LookupError(f"{generated.package} exports no client class")


def types_module(generated: GeneratedPackage) -> Any:
    return importlib.import_module(f"{generated.package}.types")
