"""Run every benchmark and write BENCHMARKS.md: `python -m bench.run [--quick]`.

A full run installs turbopuffer 3.1.0 and openapi-python-client into their own
environments under `bench/` (once), then takes 15 to 30 minutes on 2 cores. `--quick`
runs every script on tiny inputs, measuring this project's side only and installing
nothing; the tests use it so that the scripts cannot rot.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
from dataclasses import replace
from pathlib import Path

from bench.client_bench import ClientWorkload, client_rows
from bench.environments import official_client_python, openapi_python_client_bin
from bench.generator_bench import GeneratorWorkload, generator_rows
from bench.processes import BENCH, REPO
from bench.report import write_report

logger = logging.getLogger(__name__)

DEFAULT_SPEC = REPO.parent / "shared/specs/turbopuffer/openapi.yaml"
DEFAULT_LARGE_SPEC = REPO.parent / "shared/specs/corpus/openai.yaml"
QUICK_LARGE_SPEC = REPO / "specs/fixtures/golden/store.yaml"

METHOD = """
Every ratio divides this project's median by the alternative's median, both measured
in the same run, with the two sides' runs taken in turn. Tables give the median with
the minimum and maximum and the number of runs. All measured processes run with
bytecode caching on, kept under `bench/work/pycache`, and every command runs once
unmeasured first, so both sides import compiled bytecode.

- Generator wall time: the whole command, from process start until the formatted files
  are on disk, into a folder that does not exist yet. This project runs
  `python -m generator generate`; openapi-python-client runs `generate` with its
  default settings, which format the output with ruff too. openapi-python-client
  rejects two fields of the turbopuffer spec (`info.contact` as a bare string, a
  server variable without a default), so it reads a copy with those two fixed. Peak
  RSS is the largest process of the run, as Linux reports it to `wait4`.
- Scaling: synthetic specs that repeat all schemas and operations of the large spec
  1, 2, 4 and 8 times (renamed copies that refer only within themselves), as JSON.
- `--check`: check mode against an output folder that is up to date, compared with a
  full regeneration of the same spec into a new folder.
- Request build: CPU time (`time.process_time`) from the `write(upsert_rows=...)`
  call until the transport receives the request body, for both clients on a mock
  transport (`httpx.MockTransport`, and `httpx2.MockTransport` for the official
  client) that returns a canned response at once. Each client uses its default
  settings: no compression, base64 vectors. Each worker process makes one unmeasured
  write first.
- Response parse: CPU time of `query()` returning a canned result through the same
  mock transports, compared with `orjson.loads` of the same bytes in the same process.
- Import time: `time.perf_counter()` around the import statement in a fresh
  interpreter; interpreter start-up is not counted.
- CPU per request: the client's process CPU time for the measured queries, divided by
  their number, after a warm-up that opens the connections. The server is a minimal
  asyncio HTTP/1.1 server on 127.0.0.1 in another process, which returns the same
  small query result for every request.
"""


def main() -> None:
    arguments = _parser().parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    run(
        quick=arguments.quick,
        spec=arguments.spec,
        large_spec=arguments.large_spec,
        output=arguments.output,
        plot=arguments.plot,
        work=arguments.work,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    spec = Path(os.environ.get("TPUF_SPEC", DEFAULT_SPEC))
    parser.add_argument(
        "--quick", action="store_true", help="Tiny inputs, this project's side only."
    )
    parser.add_argument("--spec", type=Path, default=spec, help="The turbopuffer spec.")
    parser.add_argument("--large-spec", type=Path, help="The large spec (default: OpenAI's).")
    parser.add_argument(
        "--output", type=Path, default=REPO / "BENCHMARKS.md", help="Report to write."
    )
    parser.add_argument(
        "--plot", type=Path, default=BENCH / "scaling.png", help="PNG plot to write."
    )
    parser.add_argument(
        "--work", type=Path, default=BENCH / "work", help="Scratch folder, emptied first."
    )
    return parser


def run(
    *,
    quick: bool,
    spec: Path,
    large_spec: Path | None,
    output: Path,
    plot: Path,
    work: Path,
) -> None:
    """Measure every row and write the report to `output` and the plot to `plot`."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    generator_workload = GeneratorWorkload(
        turbopuffer_spec=spec.resolve(),
        large_spec=(large_spec or (QUICK_LARGE_SPEC if quick else DEFAULT_LARGE_SPEC)).resolve(),
    )
    client_workload = ClientWorkload()
    if quick:
        # The small fixture spec replaces both specs, without a configuration.
        generator_workload = replace(
            generator_workload,
            turbopuffer_spec=generator_workload.large_spec,
            turbopuffer_name=generator_workload.large_spec.name,
            config=None,
            large_name=generator_workload.large_spec.name,
            runs=1,
            factors=(1, 2),
            scaling_runs=1,
            warm_up=False,
        )
        client_workload = ClientWorkload(
            write_rows=20,
            parse_rows=10,
            dims=8,
            requests=20,
            concurrency=4,
            rounds=1,
            cpu_rounds=1,
            runs_per_round=1,
            import_runs=1,
        )

    official = None if quick else official_client_python()
    other_bin = None if quick else openapi_python_client_bin()

    rows, points = generator_rows(generator_workload, work=work, other_bin=other_bin)
    rows += client_rows(client_workload, work=work, official=official)
    write_report(rows, points, target=output, plot=plot, method=METHOD, quick=quick)
    logger.info("Wrote %s and %s", output, plot)


if __name__ == "__main__":
    main()
