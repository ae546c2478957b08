"""The committed output/ is exactly what the generator makes, and it is lint- and type-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.config import load_config
from generator.pipeline import generate
from generator.writer import read_folder
from tests.conftest import CONFIG, OUTPUT, SPEC

BIN = Path(sys.executable).parent


def test_regenerating_output_changes_nothing(tmp_path: Path) -> None:
    fresh = tmp_path / "output"
    shutil.copytree(OUTPUT, fresh)

    result = generate(SPEC, fresh, load_config(CONFIG))

    assert result.changed_files == []
    assert read_folder(fresh) == read_folder(OUTPUT)


def test_check_mode_reports_stale_output(tmp_path: Path) -> None:
    stale = tmp_path / "output"
    shutil.copytree(OUTPUT, stale)
    readme = stale / "README.md"
    readme.write_text(readme.read_text() + "\nedited by hand\n")

    result = generate(SPEC, stale, load_config(CONFIG), check=True)

    assert result.changed_files == ["README.md"]
    assert "edited by hand" in readme.read_text()


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=OUTPUT, capture_output=True, text=True, check=False)


def test_output_passes_ruff() -> None:
    result = run(str(BIN / "ruff"), "check", "--no-cache", "--isolated", "turbopuffer_client")

    assert result.returncode == 0, result.stdout + result.stderr


def test_output_passes_mypy_strict() -> None:
    result = run(
        str(BIN / "mypy"),
        "--strict",
        "--no-incremental",
        "--cache-dir=/dev/null",
        "turbopuffer_client",
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_output_passes_pyright_strict(tmp_path: Path) -> None:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        '{"typeCheckingMode": "strict", "pythonVersion": "3.11", '
        f'"include": ["{OUTPUT / "turbopuffer_client"}"]}}'
    )

    result = run(str(BIN / "pyright"), "--project", str(config), "--pythonpath", sys.executable)

    assert result.returncode == 0, result.stdout + result.stderr
