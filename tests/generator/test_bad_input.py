"""Bad input gives one error line with the file, the JSON pointer and the reason, and exit 1.

Each case runs the real command line against a folder that already contains a package,
and checks that the folder is byte-for-byte as it was afterwards, with no staging
folder left beside it. Usage errors exit with status 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "specs/fixtures/bad"
GOOD = REPO / "specs/fixtures/multi-file/openapi.yaml"

# spec file name in specs/fixtures/bad, the pointer of the error, and words of its reason
BAD_SPECS = [
    ("malformed.yaml", "/info", "malformed YAML at line 4, column 11"),
    ("malformed.json", "/paths", "malformed JSON at line 2, column 12"),
    ("swagger-2.yaml", "/swagger", "Swagger 2.0 documents are not supported"),
    ("unknown-version.yaml", "/openapi", "unsupported OpenAPI version '4.0.0'"),
    (
        "dangling-ref.yaml",
        "/paths/~1pets/get/responses/200/content/application~1json/schema",
        "dangling $ref: '#/components/schemas/Pett' does not exist",
    ),
    ("all-of-cycle.yaml", "/components/schemas/Node", "allOf includes itself"),
    ("ref-loop.yaml", "/components/schemas/A", "$refs form a loop that never reaches a schema"),
    (
        "contradictory-types.yaml",
        "/components/schemas/Size/allOf/1",
        "requires both string and integer",
    ),
    (
        "enum-type-mismatch.yaml",
        "/components/schemas/Level/enum",
        "enum value 'high' is not of the schema's type integer",
    ),
]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones included, by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def previous_output(tmp_path: Path) -> Path:
    """An output folder that already contains a generated package."""
    output = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", str(GOOD), "--output", str(output)])
    assert result.exit_code == 0, result.output
    (output / ".keep").write_text("a hidden file the generator does not write\n")
    return output


def run(spec: Path, output: Path, *options: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["generate", str(spec), "--output", str(output), *options])
    return result.exit_code, result.stderr.splitlines()


def assert_untouched(output: Path, before: dict[str, bytes]) -> None:
    assert snapshot(output) == before
    assert [p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}")] == []


@pytest.mark.parametrize(
    ("name", "pointer", "reason"), BAD_SPECS, ids=[case[0] for case in BAD_SPECS]
)
def test_bad_spec_reports_one_error(
    previous_output: Path, name: str, pointer: str, reason: str
) -> None:
    before = snapshot(previous_output)
    spec = BAD / name

    status, lines = run(spec, previous_output)

    errors = [line for line in lines if ": error: " in line]
    assert status == 1
    assert len(errors) == 1, lines
    assert errors[0].startswith(f"{spec}#{pointer}: error: ")
    assert reason in errors[0]
    assert_untouched(previous_output, before)


def test_missing_spec_file(previous_output: Path, tmp_path: Path) -> None:
    before = snapshot(previous_output)
    spec = tmp_path / "absent.yaml"

    status, lines = run(spec, previous_output)

    assert status == 1
    assert lines[0] == f"{spec}: error: file not found; check the path to the spec"
    assert_untouched(previous_output, before)


def test_spec_that_is_not_text(previous_output: Path, tmp_path: Path) -> None:
    before = snapshot(previous_output)
    spec = tmp_path / "binary.yaml"
    spec.write_bytes(b"openapi: 3.0.3\n\xff\xfe\x00")

    status, lines = run(spec, previous_output)

    assert status == 1
    assert lines[0].startswith(f"{spec}: error: not UTF-8 text")
    assert_untouched(previous_output, before)


def test_spec_that_is_not_a_mapping(previous_output: Path, tmp_path: Path) -> None:
    before = snapshot(previous_output)
    spec = tmp_path / "list.yaml"
    spec.write_text("- openapi\n- 3.0.3\n")

    status, lines = run(spec, previous_output)

    assert status == 1
    assert "the document is a list, not a mapping" in lines[0]
    assert_untouched(previous_output, before)


def test_missing_output_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["generate", str(GOOD)])

    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["generate", str(GOOD), "--output", str(tmp_path), "--no-such-flag"]
    )

    assert result.exit_code == 2


def test_strict_turns_warnings_into_errors(previous_output: Path, tmp_path: Path) -> None:
    before = snapshot(previous_output)
    spec = tmp_path / "loose.yaml"
    spec.write_text(
        "openapi: 3.1.0\n"
        "info: {title: Loose, version: '1'}\n"
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Ratio: {type: number, const: 0.5}\n"
    )

    loose_status, loose_lines = run(spec, tmp_path / "loose-out")
    strict_status, strict_lines = run(spec, previous_output, "--strict")

    assert loose_status == 0
    assert loose_lines == [
        f"{spec}#/components/schemas/Ratio/const: warning: const value 0.5 is a float, which Literal cannot hold; typed as float"
    ]
    assert strict_status == 1
    assert strict_lines[0] == loose_lines[0].replace(": warning: ", ": error: ")
    assert_untouched(previous_output, before)


def test_warnings_are_listed_once(tmp_path: Path) -> None:
    spec = tmp_path / "repeated.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: Repeated, version: '1'}\n"
        "paths:\n"
        "  /a:\n"
        "    parameters:\n"
        "      - {name: ratio, in: query, schema: {type: number, enum: [0.5, 1.5]}}\n"
        "    get:\n"
        "      operationId: getA\n"
        "      responses: {'204': {description: Done.}}\n"
        "    post:\n"
        "      operationId: postA\n"
        "      responses: {'204': {description: Done.}}\n"
    )

    status, lines = run(spec, tmp_path / "out")

    assert status == 0
    expected = (
        f"{spec}#/paths/~1a/parameters/0/schema/enum: warning: "
        "enum value 0.5 is a float, which Literal cannot hold; typed as float"
    )
    assert [line for line in lines if ": warning: " in line] == [expected]
