"""Virtual environments for the comparison packages, created under `bench/` on first use.

Each comparison package gets its own environment, so neither it nor its dependencies
can change what this project's environment measures. Packages are pinned to exact
versions and come from PyPI through pip.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

BENCH = Path(__file__).resolve().parent

OFFICIAL_CLIENT = "turbopuffer==3.1.0"
OPENAPI_PYTHON_CLIENT = "openapi-python-client==0.29.1"
# numpy lets the official client's worker build the numpy-input workload; orjson and
# pybase64 already come with turbopuffer 3.1.0 as dependencies.
OFFICIAL_CLIENT_EXTRAS = ("numpy",)


def official_client_python() -> Path:
    """Return the Python of the environment that has the official turbopuffer client."""
    return ensure_environment(".venv-turbopuffer", [OFFICIAL_CLIENT, *OFFICIAL_CLIENT_EXTRAS])


def openapi_python_client_bin() -> Path:
    """Return the bin folder of the environment that has openapi-python-client."""
    return ensure_environment(".venv-openapi-python-client", [OPENAPI_PYTHON_CLIENT]).parent


def ensure_environment(name: str, requirements: list[str]) -> Path:
    """Create `bench/<name>` with `requirements` installed, unless it already has them.

    A marker file records the installed requirements, so changing a pin reinstalls.
    Returns the environment's Python. Raises CalledProcessError when pip fails.
    """
    folder = BENCH / name
    python = folder / "bin" / "python"
    marker = folder / "bench-requirements.txt"
    wanted = "\n".join(requirements) + "\n"
    if python.exists() and marker.exists() and marker.read_text() == wanted:
        return python

    logger.info("Installing %s into %s", ", ".join(requirements), folder)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *requirements,
        ],
        check=True,
    )
    marker.write_text(wanted)
    return python
