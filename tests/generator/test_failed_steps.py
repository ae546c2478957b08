"""A failure at any step of generation leaves the previous output byte-for-byte as it was.

Each test makes one step fail (loading, repairing, validating, overrides, parsing,
rendering, writing, formatting, comparing, or the final folder swap) while
regenerating into a folder that already contains a package, then compares the folder
with a snapshot and checks that no staging or backup folder is left beside it.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline, writer
from generator.config import GeneratorConfig
from generator.diagnostics import GenerationError, error
from generator.pipeline import generate

REPO = Path(__file__).resolve().parents[2]
FIRST = REPO / "specs/fixtures/multi-file/openapi.yaml"
SECOND = REPO / "specs/fixtures/hostile/openapi.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def output(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    generate(FIRST, folder, GeneratorConfig())
    return folder


def fail(*args: Any, **kwargs: Any) -> Any:
    raise error("injected", "", "this step failed on purpose")


def fail_writes_into_staging(original: Callable[..., Any]) -> Callable[..., Any]:
    def write_text(self: Path, *args: Any, **kwargs: Any) -> Any:
        if ".staging-" in str(self):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return original(self, *args, **kwargs)

    return write_text


def fail_staging_rename(original: Callable[..., Any]) -> Callable[..., Any]:
    def rename(self: Path, target: Any) -> Any:
        if ".staging-" in self.name:
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(self))
        return original(self, target)

    return rename


STEPS = ["load", "repair", "validate", "overrides", "parse", "render", "compare"]


@pytest.mark.parametrize("step", STEPS)
def test_failed_pipeline_step_leaves_output(
    output: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    names = {
        "load": "load_document",
        "repair": "repair_document",
        "validate": "validate_document",
        "overrides": "apply_overrides",
        "parse": "parse_api",
        "render": "plan_release",
        "compare": "read_folder",
    }
    before = snapshot(output)
    monkeypatch.setattr(pipeline, names[step], fail)

    with pytest.raises(GenerationError, match="failed on purpose"):
        generate(SECOND, output, GeneratorConfig())

    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]


def test_failed_write_leaves_output(output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(output)
    monkeypatch.setattr(Path, "write_text", fail_writes_into_staging(Path.write_text))

    with pytest.raises(OSError, match="No space left"):
        generate(SECOND, output, GeneratorConfig())

    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]


def test_failed_formatting_leaves_output(output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(output)
    monkeypatch.setattr(writer, "_ruff", lambda: "/bin/false")

    with pytest.raises(GenerationError, match="formatting failed"):
        generate(SECOND, output, GeneratorConfig())

    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]


def test_failed_swap_restores_output(output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(output)
    monkeypatch.setattr(Path, "rename", fail_staging_rename(Path.rename))

    with pytest.raises(OSError, match="cross-device"):
        generate(SECOND, output, GeneratorConfig())

    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]


def test_successful_run_replaces_output(output: Path) -> None:
    before = snapshot(output)

    generate(SECOND, output, GeneratorConfig())

    assert snapshot(output) != before
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]
