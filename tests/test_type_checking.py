"""The generated types catch wrong calls: valid calls pass the type checkers, invalid ones fail.

Each line of tests/typing/invalid_calls.py that ends in `# invalid` must get an error
from both mypy and pyright, and no other line may.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OUTPUT, REPO

BIN = Path(sys.executable).parent
TYPING = REPO / "tests/typing"
ERROR_LINE = re.compile(r"(?:^|/)(\w+\.py):(\d+)")


def run_mypy(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-incremental",
            "--cache-dir=/dev/null",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MYPYPATH": str(OUTPUT)},
    )


def run_pyright(tmp_path: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {"typeCheckingMode": "strict", "pythonVersion": "3.11", "extraPaths": [str(OUTPUT)]}
        )
    )
    return subprocess.run(
        [
            str(BIN / "pyright"),
            "--project",
            str(config),
            "--pythonpath",
            sys.executable,
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def flagged_lines(output: str, file_name: str) -> set[int]:
    return {
        int(match.group(2))
        for line in output.splitlines()
        if "error" in line and (match := ERROR_LINE.search(line)) and match.group(1) == file_name
    }


def marked_invalid_lines(path: Path) -> set[int]:
    lines = path.read_text().splitlines()
    return {number for number, line in enumerate(lines, start=1) if line.endswith("# invalid")}


def test_valid_calls_pass_mypy() -> None:
    result = run_mypy(TYPING / "valid_calls.py")

    assert result.returncode == 0, result.stdout


def test_valid_calls_pass_pyright(tmp_path: Path) -> None:
    result = run_pyright(tmp_path, TYPING / "valid_calls.py", TYPING / "valid_nested_calls.py")

    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("checker", ["mypy", "pyright"])
def test_every_invalid_call_is_flagged(checker: str, tmp_path: Path) -> None:
    invalid = TYPING / "invalid_calls.py"
    if checker == "mypy":
        result = run_mypy(invalid)
    else:
        result = run_pyright(tmp_path, invalid)

    expected = marked_invalid_lines(invalid)
    flagged = flagged_lines(result.stdout, invalid.name)
    assert len(expected) >= 15
    assert expected - flagged == set(), f"{checker} accepted invalid lines:\n{result.stdout}"
    assert flagged - expected == set(), f"{checker} flagged valid lines:\n{result.stdout}"
