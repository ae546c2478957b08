"""Specs split over several files: `$ref`s to other files, and the limits on where they may point.

A `$ref` to another file resolves relative to the file that contains it. One that
leaves the spec's folder, or names a URL, is an error unless `--allow-external-refs`
is given, and without it the generator opens no network connection.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config import GeneratorConfig
from generator.diagnostics import GenerationError
from generator.pipeline import build_api, generate
from tests.generator.conftest import credentials
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response

REPO = Path(__file__).resolve().parents[2]
MULTI_FILE = REPO / "specs/fixtures/multi-file/openapi.yaml"

OPERATION = """\
openapi: 3.0.3
info: {{title: Refs, version: '1'}}
paths:
  /thing:
    get:
      operationId: getThing
      responses:
        '200':
          description: A thing.
          content:
            application/json:
              schema:
                $ref: '{ref}'
"""
THING = b"type: object\nproperties:\n  name: {type: string}\n"


def write_spec(folder: Path, ref: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "openapi.yaml"
    spec.write_text(OPERATION.format(ref=ref))
    return spec


def test_multi_file_spec_generates_one_class_per_schema(tmp_path: Path) -> None:
    output = tmp_path / "out"

    result = generate(MULTI_FILE, output, GeneratorConfig(package_name="multi_file_client"))

    names = sorted(definition.name for definition in result.api.definitions)
    assert names == ["Error", "Owner", "Pet", "Tag"]
    assert result.warnings == []


def test_multi_file_client_calls_the_api(tmp_path: Path) -> None:
    output = tmp_path / "out"
    generate(MULTI_FILE, output, GeneratorConfig(package_name="multi_file_pets_client"))
    sys.path.insert(0, str(output))
    try:
        package = importlib.import_module("multi_file_pets_client")
        with ScriptedServer() as server:
            pets = [{"name": "Rex", "tag": {"label": "dog"}, "owner": {"email": "a@b.c"}}]
            server.always("GET", "/pets", json_response(pets))
            client_type = package.MultiFilePetsClient
            with client_type(**credentials(client_type, "k"), base_url=server.url) as client:
                result = client.list_pets()
    finally:
        sys.path.remove(str(output))

    assert result[0].tag.label == "dog"
    assert result[0].owner.email == "a@b.c"


def test_sources_name_the_file_that_defines_them() -> None:
    api, _ = build_api(MULTI_FILE, GeneratorConfig())

    sources = {definition.name: definition.source for definition in api.definitions}

    assert sources["Pet"] is not None and sources["Pet"].file.endswith("schemas/pet.yaml")
    assert sources["Pet"].pointer == ""
    assert sources["Tag"] is not None and sources["Tag"].pointer == "/definitions/Tag"
    assert sources["Error"] is not None and sources["Error"].file == str(MULTI_FILE)


def test_error_in_referenced_file_names_that_file(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, "schemas/thing.yaml")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas/thing.yaml").write_text(
        "type: object\nproperties:\n  part: {$ref: '#/definitions/Missing'}\n"
    )

    with pytest.raises(GenerationError) as raised:
        build_api(spec, GeneratorConfig())

    [problem] = raised.value.diagnostics
    assert problem.file == str(tmp_path / "schemas/thing.yaml")
    assert problem.pointer == "/properties/part"
    assert (
        f"'{tmp_path / 'schemas/thing.yaml'}#/definitions/Missing' does not exist"
        in problem.message
    )


def test_missing_referenced_file(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, "absent.yaml#/Thing")

    with pytest.raises(GenerationError) as raised:
        build_api(spec, GeneratorConfig())

    [problem] = raised.value.diagnostics
    assert problem.file == str(spec)
    assert problem.pointer == "/paths/~1thing/get/responses/200/content/application~1json/schema"
    assert "names a file that does not exist" in problem.message


def test_reference_outside_the_folder_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "shared.yaml").write_bytes(THING)
    spec = write_spec(tmp_path / "api", "../shared.yaml")

    with pytest.raises(GenerationError) as raised:
        build_api(spec, GeneratorConfig())
    api, _ = build_api(spec, GeneratorConfig(), allow_external_refs=True)

    [problem] = raised.value.diagnostics
    assert "leaves the spec's folder" in problem.message
    assert "--allow-external-refs" in problem.message
    assert [definition.name for definition in api.definitions] == ["Shared"]


def test_url_reference_opens_no_connection_without_the_flag(tmp_path: Path) -> None:
    with ScriptedServer() as server:
        server.always("GET", "/thing.yaml", ScriptedResponse(body=THING))
        spec = write_spec(tmp_path, f"{server.url}/thing.yaml")
        result = CliRunner().invoke(
            main, ["generate", str(spec), "--output", str(tmp_path / "out")]
        )
        requests = server.requests

    assert result.exit_code == 1
    assert "points to a URL" in result.stderr
    assert requests == []
    assert not (tmp_path / "out").exists()


def test_url_reference_is_downloaded_with_the_flag(tmp_path: Path) -> None:
    with ScriptedServer() as server:
        server.always("GET", "/thing.yaml", ScriptedResponse(body=THING))
        spec = write_spec(tmp_path, f"{server.url}/thing.yaml")
        api, _ = build_api(spec, GeneratorConfig(), allow_external_refs=True)
        requests = server.requests

    assert [request.path for request in requests] == ["/thing.yaml"]
    assert [definition.name for definition in api.definitions] == ["Thing"]


def test_failed_download_is_an_error(tmp_path: Path) -> None:
    with ScriptedServer() as server:
        spec = write_spec(tmp_path, f"{server.url}/absent.yaml")
        with pytest.raises(GenerationError) as raised:
            build_api(spec, GeneratorConfig(), allow_external_refs=True)

    [problem] = raised.value.diagnostics
    assert "downloading" in problem.message
    assert "404" in problem.message


def test_dollar_ref_in_example_data_is_not_followed(tmp_path: Path) -> None:
    api, _ = build_api(MULTI_FILE, GeneratorConfig())

    owner = api.definition("Owner")

    assert [prop.wire_name for prop in owner.properties] == ["email", "example"]  # type: ignore[union-attr]
