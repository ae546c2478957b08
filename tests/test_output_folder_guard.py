"""The generator replaces an output folder only when it contains a package it wrote."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import CONFIG, SPEC

STORE = Path(__file__).resolve().parents[1] / "specs/fixtures/golden/store.yaml"


def generate(output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(STORE),
            "--output",
            str(output),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "NOTES.txt").write_text("keep me")

    result = generate(output)

    assert result.returncode == 1
    assert "refusing to replace" in result.stderr
    assert "--force" in result.stderr
    assert (output / "NOTES.txt").read_text() == "keep me"


def test_force_replaces_the_folder(tmp_path: Path) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "NOTES.txt").write_text("replace me")

    result = generate(output, "--force")

    assert result.returncode == 0, result.stderr
    assert not (output / "NOTES.txt").exists()
    assert (output / "surface.json").exists()


def test_generated_folder_is_replaced_without_force(tmp_path: Path) -> None:
    output = tmp_path / "store"
    assert generate(output).returncode == 0

    result = generate(output)

    assert result.returncode == 0, result.stderr
    assert "no changes" in result.stdout


def test_check_failure_says_not_checked(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(tmp_path / "missing.yaml"),
            "--output",
            str(tmp_path / "out"),
            "--check",
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "was not checked" in result.stderr
    assert "nothing was written" not in result.stderr


def test_pip_build_artefacts_do_not_make_output_stale(tmp_path: Path) -> None:
    import shutil

    from generator.config import load_config
    from generator.pipeline import generate as generate_package

    output = tmp_path / "output"
    shutil.copytree(Path(__file__).resolve().parents[1] / "output", output)
    (output / "build/lib").mkdir(parents=True)
    (output / "build/lib/stray.py").write_text("x = 1\n")
    (output / "turbopuffer_client.egg-info").mkdir()
    (output / "turbopuffer_client.egg-info/PKG-INFO").write_text("Name: x\n")

    result = generate_package(SPEC, output, load_config(CONFIG), check=True)

    assert result.changed_files == []
