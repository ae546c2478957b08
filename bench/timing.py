"""Summaries of repeated measurements: median, minimum and maximum of the samples."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """The median, minimum and maximum of at least one sample, in the samples' unit."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Summary:
        if not samples:
            raise ValueError("a summary needs at least one sample")
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))

    def ratio_to(self, other: Summary) -> float:
        """Return this median divided by the other's."""
        return self.median / other.median

    def format(self, unit: str, *, scale: float = 1.0, digits: int = 1) -> str:
        """Render as `median unit (min-max, n runs)` after multiplying by `scale`."""
        median, low, high = (value * scale for value in (self.median, self.low, self.high))
        runs = "1 run" if self.runs == 1 else f"{self.runs} runs"
        return f"{median:.{digits}f} {unit} ({low:.{digits}f}–{high:.{digits}f}, {runs})"
