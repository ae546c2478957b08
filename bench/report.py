"""Write BENCHMARKS.md and the plot of generation time against spec size."""

from __future__ import annotations

import datetime
import os
import platform
from importlib import metadata
from pathlib import Path

from bench.generator_bench import ScalingPoints
from bench.results import Row

_PACKAGES = ("httpx", "pydantic", "orjson", "pybase64", "numpy", "aiohttp", "ruff")


def write_report(
    rows: list[Row],
    points: ScalingPoints,
    *,
    target: Path,
    plot: Path,
    method: str,
    quick: bool,
) -> None:
    """Write the report to `target` and the scaling plot to `plot`."""
    plot_scaling(points, plot)
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench.run`); do not edit by hand.",
        "",
    ]
    if quick:
        lines += [
            "**Quick run:** tiny inputs and this project's side only. These numbers say",
            "nothing about speed; they show that the scripts work.",
            "",
        ]
    lines += _summary(rows)
    lines += ["## Method", "", method.strip(), ""]
    lines += ["## Machine", "", *_machine(), ""]
    lines += [
        "## Generation time against spec size",
        "",
        f"![Generation time against spec size]({os.path.relpath(plot, target.parent)})",
        "",
    ]
    lines += _scaling_table(points)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _summary(rows: list[Row]) -> list[str]:
    lines: list[str] = []
    sections = dict.fromkeys(row.section for row in rows)
    for section in sections:
        lines += [
            f"## {section}",
            "",
            "| measure | workload | this project | compared with | ratio | target | met |",
            "|---|---|---|---|---|---|---|",
        ]
        notes = []
        for row in (row for row in rows if row.section == section):
            theirs = (
                f"{row.theirs_label}: {row.shown(row.theirs)}" if row.theirs else row.theirs_label
            )
            ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "–"
            if row.bound is not None:
                target = f"≤ {row.bound * row.scale:.0f} {row.unit}"
            elif row.limit is not None:
                target = f"≤ {row.limit:g}x"
            else:
                target = "–"
            met = {True: "yes", False: "**no**", None: "not measured"}[row.met]
            lines.append(
                f"| {row.measure} | {row.workload} | {row.shown(row.ours)} | {theirs} | {ratio} | {target} | {met} |"
            )
            if row.note:
                notes.append(f"- {row.measure}: {row.note}")
        lines += ["", *notes, ""]
    return lines


def _machine() -> list[str]:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    versions = ", ".join(f"{name} {_version(name)}" for name in _PACKAGES)
    return [
        f"- Date: {now}",
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores; memory: {_memory()}",
        f"- OS: {platform.platform()}",
        f"- Python: {platform.python_version()} ({platform.python_implementation()})",
        f"- This project's environment: {versions}",
        "- Load: the machine may run other work at the same time; each ratio compares runs",
        "  taken in turn in the same run, so load that lasts reaches both sides.",
    ]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return "unknown"


def _scaling_table(points: ScalingPoints) -> list[str]:
    repeated = (
        f"Each size repeats the {points.schemas_per_copy} schemas and "
        f"{points.operations_per_copy} operations of the large spec."
    )
    lines = [
        repeated,
        "",
        "| size | this project | openapi-python-client |",
        "|---|---|---|",
    ]
    for factor, ours in sorted(points.ours.items()):
        theirs = points.theirs.get(factor)
        theirs_text = theirs.format("s", digits=2) if theirs else "not measured"
        lines.append(f"| {factor}x | {ours.format('s', digits=2)} | {theirs_text} |")
    return [*lines, ""]


def plot_scaling(points: ScalingPoints, target: Path) -> None:
    """Plot the median generation time of each side against spec size, with min-max bars."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, 4.5), dpi=100)
    for label, series, marker in (
        ("this project", points.ours, "o"),
        ("openapi-python-client", points.theirs, "s"),
    ):
        if not series:
            continue
        factors = sorted(series)
        schemas = [factor * points.schemas_per_copy for factor in factors]
        medians = [series[factor].median for factor in factors]
        errors = [
            [series[f].median - series[f].low for f in factors],
            [series[f].high - series[f].median for f in factors],
        ]
        axes.errorbar(schemas, medians, yerr=errors, marker=marker, capsize=3, label=label)

    axes.set_xlabel("schemas in the spec (operations grow in proportion)")
    axes.set_ylabel("wall time, seconds")
    axes.set_title("Generation time against spec size")
    axes.set_xlim(left=0)
    axes.set_ylim(bottom=0)
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(target)
    pyplot.close(figure)
