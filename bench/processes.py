"""Running measured commands: the shared environment, JSON workers and timed processes."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORKERS = BENCH / "workers"
# Generous limits that only a hung command reaches.
COMMAND_TIMEOUT = 900.0


def measurement_environment(work: Path) -> dict[str, str]:
    """Return the environment for every measured process, of either side.

    Bytecode is allowed and kept under `work/pycache`, so both sides import from
    compiled bytecode after their warm-up run, as they do once installed, while the
    source folders stay clean.
    """
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return environment


def run_worker(python: Path, arguments: list[str], *, work: Path) -> dict[str, Any]:
    """Run a worker script with `python` and return the JSON object it prints last."""
    completed = subprocess.run(
        [str(python), *arguments],
        env=measurement_environment(work),
        cwd=work,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"worker {' '.join(arguments[:2])} failed with exit status {completed.returncode}: "
            f"{completed.stderr.strip()[-2000:]}"
        )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


@dataclass(frozen=True)
class ProcessRun:
    """The wall time of one command and the peak resident memory of its processes."""

    seconds: float
    peak_rss_bytes: int


def timed_run(command: list[str], *, work: Path, env: dict[str, str] | None = None) -> ProcessRun:
    """Run `command` to completion and return its wall time and peak RSS.

    The peak RSS is that of the largest process among the command and the children
    it waited for, as Linux reports it to wait4. Raises RuntimeError on a non-zero exit.
    """
    log = work / "last-command.log"
    with log.open("wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            env=env or measurement_environment(work),
            cwd=work,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        # wait4 has no timeout, so a timer ends a command that hangs.
        watchdog = threading.Timer(COMMAND_TIMEOUT, process.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(
            f"{' '.join(command[:4])} failed with exit status {process.returncode}: {tail}"
        )
    # Linux reports ru_maxrss in kibibytes.
    return ProcessRun(seconds, usage.ru_maxrss * 1024)
