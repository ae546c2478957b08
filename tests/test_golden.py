"""Golden-file tests: each fixture spec in specs/fixtures/golden generates exactly the
committed files under tests/golden/<spec name>/.

After an intended change to generated code, rewrite them with `make golden`
(UPDATE_GOLDEN=1) and review the diff like code. Runtime modules are copied verbatim
into every package, so they are left out here and tested on their own.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.config import GeneratorConfig, load_config
from generator.pipeline import generate
from generator.writer import read_folder

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "specs/fixtures/golden"
GOLDEN = REPO / "tests/golden"
RUNTIME = {path.name for path in (REPO / "templates/runtime").glob("*.py")}
SPECS = sorted(FIXTURES.glob("*.yaml"))


def generated_files(folder: Path) -> dict[str, bytes]:
    return {
        path: content
        for path, content in read_folder(folder).items()
        if Path(path).name not in RUNTIME
    }


def config_for(spec: Path) -> GeneratorConfig:
    config = spec.with_suffix(".config.yml")
    return load_config(config) if config.exists() else GeneratorConfig()


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_generated_files_match_golden(spec: Path, tmp_path: Path) -> None:
    output = tmp_path / spec.stem
    generate(spec, output, config_for(spec))
    expected_folder = GOLDEN / spec.stem

    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(expected_folder, ignore_errors=True)
        for relative, content in generated_files(output).items():
            target = expected_folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

    actual = generated_files(output)
    expected = generated_files(expected_folder)
    assert sorted(actual) == sorted(expected), "generated file list differs; run `make golden`"
    for relative in sorted(actual):
        assert actual[relative].decode() == expected[relative].decode(), (
            f"{relative} differs from its golden file; if the change is intended, "
            "run `make golden` and review the diff"
        )


def test_golden_fixtures_exist() -> None:
    assert len(SPECS) >= 2
