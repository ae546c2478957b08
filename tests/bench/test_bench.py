"""The benchmark scripts on tiny inputs, so that they keep working; no timing is checked.

The quick run measures this project's side only and installs nothing, so it needs no
network. It still runs every script: generator commands, client workers in their own
processes, the local server, the report and the plot.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.run import run
from bench.synthetic import multiply_spec
from bench.timing import Summary
from tests.conftest import SPEC

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MEASURES = [
    "wall time, load to formatted files on disk",
    "peak RSS",
    "scaling: time at 2x over time at 1x",
    "`--check`, nothing written",
    "request build",
    "request build, numpy float32 vectors",
    "response parse",
    "import time",
    "client CPU per request, AiohttpTransport",
    "client CPU per request, default transport",
]


def test_quick_run_writes_every_row(tmp_path: Path) -> None:
    report, plot = tmp_path / "BENCHMARKS.md", tmp_path / "scaling.png"

    run(quick=True, spec=SPEC, large_spec=None, output=report, plot=plot, work=tmp_path / "work")

    text = report.read_text()
    for measure in MEASURES:
        assert f"| {measure} |" in text, measure
    assert "**Quick run:**" in text
    assert plot.read_bytes().startswith(PNG_SIGNATURE)


def test_multiplied_spec_copies_refer_within_themselves() -> None:
    spec = {
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "responses": {"200": {"$ref": "#/components/responses/Ok"}},
                }
            }
        },
        "components": {
            "schemas": {
                "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"type": "string"},
            },
            "responses": {
                "Ok": {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}
                }
            },
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
        },
    }

    tripled = multiply_spec(spec, 3)

    assert sorted(tripled["components"]["schemas"]) == [
        "A",
        "ACopy1",
        "ACopy2",
        "B",
        "BCopy1",
        "BCopy2",
    ]
    assert tripled["components"]["schemas"]["ACopy2"]["properties"]["b"] == {
        "$ref": "#/components/schemas/BCopy2"
    }
    copy = tripled["paths"]["/copy1/a"]["get"]
    assert copy["operationId"] == "getACopy1"
    assert copy["responses"]["200"] == {"$ref": "#/components/responses/OkCopy1"}
    assert tripled["components"]["securitySchemes"] == spec["components"]["securitySchemes"]
    assert spec["components"]["schemas"]["A"]["properties"]["b"] == {
        "$ref": "#/components/schemas/B"
    }


def test_multiplied_spec_rejects_factor_below_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        multiply_spec({}, 0)


def test_summary_keeps_median_and_range() -> None:
    summary = Summary.of([0.3, 0.1, 0.2, 0.5])

    assert summary.median == pytest.approx(0.25)
    assert (summary.low, summary.high, summary.runs) == (0.1, 0.5, 4)
    assert summary.format("ms", scale=1000) == "250.0 ms (100.0–500.0, 4 runs)"
