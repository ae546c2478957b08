"""The generated client against the official turbopuffer client, row by row.

Each row runs worker processes for the two clients in turn, round after round, so a
change in the machine's load reaches both sides alike. The generated client runs in
this project's environment from `output/`; the official client runs in its own
environment under `bench/`.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.processes import REPO, WORKERS, measurement_environment, run_worker
from bench.results import Row
from bench.timing import Summary

logger = logging.getLogger(__name__)

SECTION = "Generated client"
OUTPUT = REPO / "output"
IMPORT_SNIPPET = (
    "import time\n"
    "started = time.perf_counter()\n"
    "import {module}\n"
    "imported = time.perf_counter()\n"
    "{construct}\n"
    "print(imported - started, time.perf_counter() - started)\n"
)
CONSTRUCT = {
    "turbopuffer_client": "turbopuffer_client.Turbopuffer(api_key='k', base_url='http://127.0.0.1:9')",
    "turbopuffer": "turbopuffer.Turbopuffer(api_key='k', base_url='http://127.0.0.1:9')",
}


@dataclass(frozen=True)
class ClientWorkload:
    """Sizes of the client workloads; `rounds` worker processes run per side and row."""

    write_rows: int = 10_000
    parse_rows: int = 1_000
    dims: int = 768
    requests: int = 2_000
    concurrency: int = 64
    rounds: int = 3
    cpu_rounds: int = 5
    runs_per_round: int = 2
    import_runs: int = 7


def client_rows(workload: ClientWorkload, *, work: Path, official: Path | None) -> list[Row]:
    """Measure every client row; `official` is the official client's Python, or None to skip it."""
    lists_row = _request_build(workload, work=work, official=official, numpy_input=False)
    rows = [
        lists_row,
        _request_build(workload, work=work, official=official, numpy_input=True, lists=lists_row),
        _response_parse(workload, work=work, official=official),
        *_import_time(workload, work=work, official=official),
        *_cpu_per_request(workload, work=work, official=official),
    ]
    return rows


def _worker(client: str, command: str, arguments: list[str], *, python: Path, work: Path) -> dict:
    script = str(WORKERS / "clients.py")
    package = ["--package-path", str(OUTPUT)] if client != "official" else []
    return run_worker(
        python, [script, command, "--client", client, *package, *arguments], work=work
    )


def _interleaved(
    clients: list[tuple[str, Path]], command: str, arguments: list[str], *, rounds: int, work: Path
) -> dict[str, list[dict]]:
    """Run the worker for each client in turn, `rounds` times; return the results by client."""
    results: dict[str, list[dict]] = {client: [] for client, _ in clients}
    for round_number in range(rounds):
        for client, python in clients:
            logger.info("%s %s, round %d of %d", command, client, round_number + 1, rounds)
            results[client].append(_worker(client, command, arguments, python=python, work=work))
    return results


def _clients(official: Path | None, *, ours: str = "ours") -> list[tuple[str, Path]]:
    clients = [(ours, Path(sys.executable))]
    if official is not None:
        clients.append(("official", official))
    return clients


def _samples(results: list[dict], key: str = "samples") -> list[float]:
    return [sample for result in results for sample in result[key]]


def _request_build(
    workload: ClientWorkload,
    *,
    work: Path,
    official: Path | None,
    numpy_input: bool,
    lists: Row | None = None,
) -> Row:
    """Measure `write(upsert_rows=...)`; the numpy row compares with the `lists` row's input."""
    arguments = [
        "--rows", str(workload.write_rows),
        "--dims", str(workload.dims),
        "--runs", str(workload.runs_per_round),
        *(["--numpy"] if numpy_input else []),
    ]  # fmt: skip
    results = _interleaved(
        _clients(official), "request-build", arguments, rounds=workload.rounds, work=work
    )
    ours = results["ours"]
    if not all(result["vectors_match"] for result in ours):
        raise RuntimeError("the generated client sent vectors that do not decode to the input")

    theirs: Summary | None = None
    note = f"{ours[0]['bytes'] / 1e6:.1f} MB request body."
    if not numpy_input:
        packing = Summary.of(_samples(ours, "pack_samples"))
        note += (
            f" Packing the {workload.write_rows * workload.dims:,} floats into float32 with "
            f"`struct.pack` alone takes {packing.format('ms', scale=1000)}: work that both "
            "clients must do for list input, so it bounds how far under the official client "
            "this row can go."
        )
    if official is not None:
        official_results = results["official"]
        if "error" in official_results[0]:
            note += f" The official client raises `{official_results[0]['error']}`."
        else:
            theirs = Summary.of(_samples(official_results))

    workload_text = (
        f"{workload.write_rows:,} rows, {workload.dims}-dim vectors, 2 string attributes"
    )
    if numpy_input:
        assert lists is not None
        return Row(
            SECTION,
            "request build, numpy float32 vectors",
            workload_text + "; compared with the same rows as lists, generated client",
            Summary.of(_samples(ours)),
            lists.ours,
            "generated client, lists",
            limit=1.0,
            note=note,
        )
    return Row(
        SECTION,
        "request build",
        workload_text,
        Summary.of(_samples(ours)),
        theirs,
        "official client",
        limit=0.5,
        note=note,
    )


def _response_parse(workload: ClientWorkload, *, work: Path, official: Path | None) -> Row:
    arguments = [
        "--rows", str(workload.parse_rows),
        "--dims", str(workload.dims),
        "--runs", str(workload.runs_per_round),
    ]  # fmt: skip
    results = _interleaved(
        _clients(official), "response-parse", arguments, rounds=workload.rounds, work=work
    )
    ours = results["ours"]
    note = f"{ours[0]['bytes'] / 1e6:.1f} MB of JSON, through `query()` with a mock transport."
    if official is not None:
        official_query = Summary.of(_samples(results["official"]))
        note += f" The official client's `query()` takes {official_query.format('ms', scale=1000)}."
    return Row(
        SECTION,
        "response parse",
        f"query result of {workload.parse_rows:,} rows with {workload.dims}-dim vectors",
        Summary.of(_samples(ours)),
        Summary.of(_samples(ours, "loads_samples")),
        "bare `orjson.loads`",
        limit=1.2,
        note=note,
    )


def _import_time(workload: ClientWorkload, *, work: Path, official: Path | None) -> list[Row]:
    sides = [("turbopuffer_client", Path(sys.executable))]
    if official is not None:
        sides.append(("turbopuffer", official))

    import_samples: dict[str, list[float]] = {module: [] for module, _ in sides}
    ready_samples: dict[str, list[float]] = {module: [] for module, _ in sides}
    # The first run of each side compiles bytecode into the cache and is not counted.
    for run in range(workload.import_runs + 1):
        for module, python in sides:
            imported, ready = _time_import(module, python, work=work)
            if run > 0:
                import_samples[module].append(imported)
                ready_samples[module].append(ready)

    def summary(samples: dict[str, list[float]], module: str) -> Summary | None:
        return Summary.of(samples[module]) if samples.get(module) else None

    return [
        Row(
            SECTION,
            "import time",
            "`import turbopuffer_client` in a fresh interpreter",
            Summary.of(import_samples["turbopuffer_client"]),
            summary(import_samples, "turbopuffer"),
            "`import turbopuffer`",
            limit=0.3,
            note="The package loads its modules on first use of a name.",
        ),
        Row(
            SECTION,
            "import and construct a client",
            "import, then `Turbopuffer(api_key=..., base_url=...)`",
            Summary.of(ready_samples["turbopuffer_client"]),
            summary(ready_samples, "turbopuffer"),
            "official client",
            limit=1.0,
            note="Not a target; shows the cost of the first use after a lazy import.",
        ),
    ]


def _time_import(module: str, python: Path, *, work: Path) -> tuple[float, float]:
    snippet = IMPORT_SNIPPET.format(module=module, construct=CONSTRUCT[module])
    environment = measurement_environment(work)
    if module == "turbopuffer_client":
        environment["PYTHONPATH"] = str(OUTPUT)
    completed = subprocess.run(
        [str(python), "-c", snippet],
        env=environment,
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    imported, ready = (float(value) for value in completed.stdout.split())
    return imported, ready


def _cpu_per_request(workload: ClientWorkload, *, work: Path, official: Path | None) -> list[Row]:
    server = subprocess.Popen(
        [sys.executable, str(WORKERS / "server.py"), "--seconds", "1800"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        arguments = [
            "--port", port,
            "--requests", str(workload.requests),
            "--concurrency", str(workload.concurrency),
        ]  # fmt: skip
        clients = [("ours-aiohttp", Path(sys.executable)), ("ours", Path(sys.executable))]
        if official is not None:
            clients.append(("official", official))
        results = _interleaved(clients, "cpu", arguments, rounds=workload.cpu_rounds, work=work)
    finally:
        server.terminate()
        server.wait(timeout=30)

    theirs = Summary.of(_samples(results["official"])) if official is not None else None
    workload_text = (
        f"{workload.requests:,} small queries, {workload.concurrency} in flight, "
        "async client, server on 127.0.0.1 in another process"
    )
    return [
        Row(
            SECTION,
            "client CPU per request, AiohttpTransport",
            workload_text,
            Summary.of(_samples(results["ours-aiohttp"])),
            theirs,
            "official client (aiohttp)",
            limit=1.0,
            unit="µs",
            scale=1e6,
            note="`AsyncTurbopuffer(http_client=httpx.AsyncClient(transport=AiohttpTransport()))`.",
        ),
        Row(
            SECTION,
            "client CPU per request, default transport",
            workload_text,
            Summary.of(_samples(results["ours"])),
            theirs,
            "official client (aiohttp)",
            limit=1.0,
            unit="µs",
            scale=1e6,
            note="httpx's own transport (httpcore), which checks every pooled connection per request.",
        ),
    ]
