"""The parser maps each schema construct to the intended type in the intermediate model."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.config import GeneratorConfig
from generator.diagnostics import DiagnosticLog
from generator.model import (
    AliasDefinition,
    LiteralType,
    ObjectDefinition,
    PrimitiveType,
    RefType,
    TupleType,
    UnionType,
)
from generator.parser import parse_api
from generator.pipeline import build_api

REPO = Path(__file__).resolve().parents[1]
QUERY_LANGUAGE = REPO / "specs/fixtures/golden/query-language.yaml"


def parse(document: dict) -> tuple[object, DiagnosticLog]:
    log = DiagnosticLog("inline.yaml")
    api = parse_api(document, GeneratorConfig(), log, openapi_31=True)
    return api, log


def test_prefix_items_become_tuples_named_by_variant() -> None:
    api, _ = build_api(QUERY_LANGUAGE, GeneratorConfig())

    eq = api.definition("FilterEq")
    in_ints = api.definition("FilterInInts")

    assert isinstance(eq, AliasDefinition)
    assert eq.type == TupleType((PrimitiveType("str"), LiteralType(("Eq",)), eq.type.items[2]))
    assert isinstance(in_ints, AliasDefinition)
    assert isinstance(in_ints.type, TupleType)


def test_recursive_union_refers_to_itself() -> None:
    api, _ = build_api(QUERY_LANGUAGE, GeneratorConfig())

    not_variant = api.definition("FilterNot")

    assert isinstance(not_variant, AliasDefinition)
    assert not_variant.type == TupleType((LiteralType(("Not",)), RefType("Filter")))


def test_conflicting_variant_is_dropped() -> None:
    api, _ = build_api(QUERY_LANGUAGE, GeneratorConfig())

    union = api.definition("Filter")

    assert isinstance(union, AliasDefinition)
    assert isinstance(union.type, UnionType)
    assert [v.name for v in union.type.variants] == [
        "FilterEq",
        "FilterInInts",
        "FilterNot",
        "FilterAnd",
    ]
    assert len(api.dropped_variants) == 1


def test_const_union_merges_into_one_literal() -> None:
    api, _ = build_api(QUERY_LANGUAGE, GeneratorConfig())

    metric = api.definition("Metric")

    assert isinstance(metric, AliasDefinition)
    assert metric.type == LiteralType(("cosine", "dot"))


def test_object_union_gets_discriminator() -> None:
    api, _ = build_api(QUERY_LANGUAGE, GeneratorConfig())

    job = api.definition("Job")

    assert isinstance(job, AliasDefinition)
    assert isinstance(job.type, UnionType)
    assert job.type.discriminator == "state"


def test_type_list_with_null_is_nullable() -> None:
    api, _ = build_api(QUERY_LANGUAGE, GeneratorConfig())

    document = api.definition("Document")

    assert isinstance(document, ObjectDefinition)
    score = next(p for p in document.properties if p.wire_name == "score")
    assert score.nullable
    assert score.type == UnionType((PrimitiveType("float"), PrimitiveType("none")))


def test_allof_conflict_warns_with_both_pointers() -> None:
    document = yaml.safe_load(
        """
openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Base:
      type: object
      properties:
        size: {type: integer}
    Sized:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          required: [size]
          properties:
            size: {type: string}
"""
    )

    api, log = parse(document)

    sized = api.definition("Sized")
    assert isinstance(sized, ObjectDefinition)
    assert [(p.wire_name, p.required) for p in sized.properties] == [("size", True)]
    warning = next(d for d in log.warnings if "size" in d.message)
    assert warning.pointer == "/components/schemas/Sized/allOf/1/properties/size"
    assert "/components/schemas/Base/properties/size" in warning.message


def test_coverage_is_complete_for_turbopuffer() -> None:
    from generator.config import load_config
    from tests.conftest import CONFIG, SPEC

    api, _ = build_api(SPEC, load_config(CONFIG))

    assert api.coverage.loosened == 0
    assert api.coverage.percent == 100.0
    assert api.coverage.open_in_spec > 0
