"""Format generated files and put them in place without ever leaving a half-written package.

Files are written to a staging folder beside the output folder and formatted there
with ruff: its safe lint fixes (import sorting among them), then black-compatible
layout, or `black` when chosen. Only then is the staging folder swapped in for the old
output folder with renames.
If anything fails before the swap, the old output is untouched and the staging
folder is removed.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from generator.diagnostics import GenerationError, error

logger = logging.getLogger(__name__)

Formatter = Literal["ruff", "black"]


def stage_package(files: Mapping[str, str], output: Path, *, formatter: Formatter = "ruff") -> Path:
    """Write and format `files` in a new staging folder beside `output`; return that folder."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        format_folder(staging, formatter=formatter)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def replace_folder(staging: Path, output: Path) -> None:
    """Swap `staging` in for `output` with two renames, removing the old output afterwards."""
    output = output.resolve()
    backup = None
    if output.exists():
        backup = output.with_name(f".{output.name}.previous-{os.getpid()}")
        if backup.exists():
            shutil.rmtree(backup)
        output.rename(backup)
    try:
        staging.rename(output)
    except OSError:
        if backup is not None:
            backup.rename(output)
        raise
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def read_folder(folder: Path) -> dict[str, bytes]:
    """Read every file under `folder`, keyed by relative POSIX path, to compare two packages."""
    if not folder.is_dir():
        return {}
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        # Tool caches (.ruff_cache, __pycache__) and build artefacts (build/, *.egg-info)
        # left by `pip install` are not part of a package.
        top = relative.parts[0]
        if top == "build" or top.endswith(".egg-info"):
            continue
        if path.is_file() and not any(part.startswith((".", "__pycache__")) for part in relative.parts):
            files[relative.as_posix()] = path.read_bytes()
    return files


def format_folder(folder: Path, *, formatter: Formatter = "ruff") -> None:
    """Apply ruff's safe lint fixes (imports first of all), then lay the code out."""
    python_files = [str(p) for p in sorted(folder.rglob("*.py"))]
    if not python_files:
        return
    config = ["--no-cache", "--config", str(Path(__file__).with_name("ruff-output.toml"))]
    # The fixes work on unformatted code too, and laying out last also wraps the lines
    # that they leave too long, so one layout pass is enough.
    _run([_ruff(), "check", "--fix-only", "--quiet", *config, *python_files], folder)
    _layout(python_files, folder, config, formatter)


def _layout(python_files: list[str], folder: Path, config: list[str], formatter: Formatter) -> None:
    if formatter == "black":
        _run([sys.executable, "-m", "black", "--quiet", *python_files], folder)
    else:
        _run([_ruff(), "format", "--quiet", *config, *python_files], folder)


def _ruff() -> str:
    beside_python = Path(sys.executable).with_name("ruff")
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("ruff")
    if found is None:
        raise error("ruff", "", "the ruff formatter is not installed; run `pip install ruff`")
    return found


def _run(command: list[str], folder: Path) -> None:
    logger.debug("running %s", " ".join(command[:3]))
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()[:2000]
        raise GenerationError(
            [error(str(folder), "", f"formatting failed ({command[0]} {command[1]}): {output}").diagnostics[0]]
        )
