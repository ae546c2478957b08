"""The `base64_vectors` operation setting: how it is read, checked and rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import GenerationError
from generator.pipeline import build_api, generate

SPEC = """\
openapi: 3.0.3
info: {title: Vectors, version: '1'}
paths:
  /docs:
    post:
      operationId: writeDocs
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                upserts: {type: array, items: {type: object, additionalProperties: true}}
                columns: {type: object, additionalProperties: true}
                schema: {type: object, additionalProperties: true}
      responses:
        '200': {description: Written.}
"""

CONFIG = """\
package_name: vectors_client
operations:
  "POST /docs":
    method: write
    base64_vectors:
{settings}
"""


def write_inputs(folder: Path, settings: str) -> tuple[Path, Path]:
    spec = folder / "openapi.yaml"
    spec.write_text(SPEC)
    config = folder / "config.yaml"
    config.write_text(CONFIG.format(settings=settings))
    return spec, config


def test_setting_is_rendered_as_encode_call(tmp_path: Path) -> None:
    spec, config = write_inputs(
        tmp_path,
        "      rows: [upserts]\n      columns: [columns]\n      attributes: [vector]\n      schema: schema",
    )
    output = tmp_path / "out"

    generate(spec, output, load_config(config))

    client = (output / "vectors_client/_client.py").read_text()
    assert "from ._vectors import encode_body_vectors" in client
    assert 'rows=("upserts",)' in client
    assert 'columns=("columns",)' in client
    assert 'attributes=("vector",)' in client
    assert 'schema_key="schema"' in client


def test_unknown_property_is_an_error(tmp_path: Path) -> None:
    spec, config = write_inputs(tmp_path, "      rows: [upsert_rows]\n      attributes: [vector]")

    with pytest.raises(GenerationError) as raised:
        build_api(spec, load_config(config))

    message = str(raised.value.diagnostics[0])
    assert "'upsert_rows'" in message
    assert "not properties of the request body" in message


def test_rows_must_be_a_list(tmp_path: Path) -> None:
    _, config = write_inputs(tmp_path, "      rows: upserts")

    with pytest.raises(GenerationError) as raised:
        load_config(config)

    assert "/base64_vectors/rows" in str(raised.value.diagnostics[0])


def test_operations_without_setting_import_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC)
    config = tmp_path / "config.yaml"
    config.write_text("package_name: plain_client\n")
    output = tmp_path / "out"

    generate(spec, output, load_config(config))

    assert "encode_body_vectors" not in (output / "plain_client/_client.py").read_text()
