"""Check mode's fast path: an output generated from the same inputs, and not edited since."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import generator.pipeline
from generator import fingerprint
from generator.cli import main
from generator.config import GeneratorConfig
from generator.pipeline import generate

REPO = Path(__file__).resolve().parents[2]
STORE = REPO / "specs/fixtures/golden/store.yaml"
MULTI_FILE = REPO / "specs/fixtures/multi-file/openapi.yaml"


@pytest.fixture
def pipeline_runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the spec of every run of the full pipeline that the CLI starts."""
    runs: list[Path] = []
    real_generate = generator.pipeline.generate

    def recording_generate(spec: Path, *args: object, **kwargs: object) -> object:
        runs.append(spec)
        return real_generate(spec, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.pipeline, "generate", recording_generate)
    return runs


def check(spec: Path, output: Path, *extra: str) -> Result:
    return CliRunner().invoke(
        main, ["generate", str(spec), "--output", str(output), "--check", *extra]
    )


def test_up_to_date_output_skips_pipeline(tmp_path: Path, pipeline_runs: list[Path]) -> None:
    output = tmp_path / "out"
    generate(STORE, output, GeneratorConfig())

    result = check(STORE, output)

    assert result.exit_code == 0
    assert pipeline_runs == []
    assert f"{output} is up to date" in result.stdout


def test_fast_path_prints_full_check_report(tmp_path: Path, pipeline_runs: list[Path]) -> None:
    output = tmp_path / "out"
    generate(STORE, output, GeneratorConfig())

    fast = check(STORE, output)
    (output / fingerprint.FINGERPRINT_FILE).unlink()
    full = check(STORE, output)

    assert pipeline_runs == [STORE]
    assert fast.stdout == full.stdout
    assert fast.stderr == full.stderr
    assert "public surface: no changes since" in fast.stdout


def test_hand_edit_is_still_reported(tmp_path: Path, pipeline_runs: list[Path]) -> None:
    output = tmp_path / "out"
    generate(STORE, output, GeneratorConfig())
    readme = output / "README.md"
    readme.write_text(readme.read_text() + "edited by hand\n")

    result = check(STORE, output)

    assert result.exit_code == 1
    assert pipeline_runs == [STORE]
    assert "README.md" in result.stdout


def test_changed_spec_runs_full_check(tmp_path: Path, pipeline_runs: list[Path]) -> None:
    spec = tmp_path / "store.yaml"
    spec.write_text(STORE.read_text())
    output = tmp_path / "out"
    generate(spec, output, GeneratorConfig())
    # A new comment changes the spec's bytes but not the package generated from it.
    spec.write_text(STORE.read_text() + "# A comment added later.\n")

    result = check(spec, output)

    assert result.exit_code == 0
    assert pipeline_runs == [spec]
    assert f"{output} is up to date" in result.stdout


def test_other_options_run_full_check(tmp_path: Path, pipeline_runs: list[Path]) -> None:
    output = tmp_path / "out"
    generate(STORE, output, GeneratorConfig())

    check(STORE, output, "--package-name", "other_name")

    assert pipeline_runs == [STORE]


def test_spec_with_file_refs_has_no_fingerprint(tmp_path: Path) -> None:
    output = tmp_path / "out"
    generate(MULTI_FILE, output, GeneratorConfig(package_name="multi_file_client"))

    assert not (output / fingerprint.FINGERPRINT_FILE).exists()
    assert fingerprint.inputs_digest(MULTI_FILE, GeneratorConfig(), {}) is None


def test_inputs_digest_covers_templates() -> None:
    sources = fingerprint._generator_sources()

    assert REPO / "templates/package/_method.jinja" in sources
    assert REPO / "templates/runtime/_vectors.py" in sources
    assert REPO / "generator/renderer/methods.py" in sources
    assert not any("__pycache__" in path.parts for path in sources)
