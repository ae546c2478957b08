"""The short summary the CLI prints after generating: counts, type coverage, overrides."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.model import AliasDefinition, Api, ObjectDefinition


def summary_lines(api: Api, warnings: list[Diagnostic]) -> list[str]:
    models = sum(isinstance(d, ObjectDefinition) for d in api.definitions)
    aliases = sum(isinstance(d, AliasDefinition) for d in api.definitions)
    coverage = api.coverage
    lines = [
        f"{api.package_name}: {len(api.operations)} operations, {models} object schemas, "
        f"{aliases} type aliases",
        f"type coverage: {coverage.percent:.1f}% of typed schema nodes precise "
        f"({coverage.precise} precise, {coverage.loosened} loosened to Any; "
        f"{coverage.open_in_spec} left open by the spec)",
    ]
    if api.overrides:
        lines.append(f"type overrides applied: {len(api.overrides)}")
        lines.extend(f"  {line}" for line in api.overrides)
    for dropped in api.dropped_variants:
        lines.append(f"  {dropped}")
    lines.append(f"warnings: {len(warnings)}")
    return lines
