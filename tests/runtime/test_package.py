"""Properties of the runtime modules as a shipped package: imports and import cost."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.runtime.conftest import RUNTIME_DIR, install_runtime_package

# orjson, pybase64, numpy and aiohttp (with yarl, which it installs) are optional: the
# runtime imports them only when they are installed, and numpy only once the caller has
# passed a numpy array.
ALLOWED_TOP_LEVEL = {
    "httpx",
    "pydantic",
    "orjson",
    "typing_extensions",
    "pybase64",
    "numpy",
    "aiohttp",
    "yarl",
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Return (relative level, module name) for every import statement in the file."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.extend((0, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_runtime_imports_only_allowed_packages() -> None:
    stdlib = sys.stdlib_module_names
    for path in sorted(RUNTIME_DIR.glob("*.py")):
        for level, module in imported_modules(path):
            top = module.split(".")[0]
            if level == 0:
                assert top in stdlib or top in ALLOWED_TOP_LEVEL, f"{path.name} imports {module}"
            else:
                assert level == 1, f"{path.name} imports from outside its package: {module}"
                assert (RUNTIME_DIR / f"{module}.py").exists(), f"{path.name} imports {module}"


def test_every_module_has_docstring() -> None:
    for path in sorted(RUNTIME_DIR.glob("*.py")):
        assert ast.get_docstring(ast.parse(path.read_text())), f"{path.name} has no docstring"


def test_import_skips_heavy_modules(tmp_path: Path) -> None:
    install_runtime_package(tmp_path, "rtpkg_import_check")
    sys.modules.pop("rtpkg_import_check", None)
    script = (
        "import json, sys\n"
        "import rtpkg_import_check._base_client, rtpkg_import_check._pagination\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )

    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    loaded = set(json.loads(completed.stdout))
    for heavy in ("asyncio", "numpy", "gzip"):
        assert heavy not in loaded, f"importing the runtime loads {heavy}"
