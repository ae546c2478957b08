"""CI guard: the committed output/ is what the current spec and generator make."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import CONFIG, OUTPUT, REPO, SPEC


def test_check_mode_passes_on_committed_output() -> None:
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--output",
        str(OUTPUT),
        "--check",
    ]

    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "public surface: no changes since" in completed.stdout
    assert (OUTPUT / "surface.json").is_file()
    assert (OUTPUT / "CHANGES.md").is_file()
