"""One measured row of BENCHMARKS.md: this project's numbers, the alternative's, the target."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timing import Summary


@dataclass(frozen=True)
class Row:
    """A measure of this project against an alternative measured in the same run.

    `limit` is the largest ratio (ours / theirs) that meets the target. A row with a
    `bound` instead meets it when its own median, in the samples' unit, is at most
    the bound. `unit`, `scale` and `digits` say how to show the samples, which are
    in seconds or bytes. `theirs` is None when the alternative was not measured, as
    in a quick run.
    """

    section: str
    measure: str
    workload: str
    ours: Summary
    theirs: Summary | None
    theirs_label: str
    limit: float | None
    unit: str = "ms"
    scale: float = 1000.0
    note: str = ""
    bound: float | None = None
    digits: int = 1

    def shown(self, summary: Summary) -> str:
        """Format a summary of this row's samples in the row's unit."""
        return summary.format(self.unit, scale=self.scale, digits=self.digits)

    @property
    def ratio(self) -> float | None:
        return None if self.theirs is None else self.ours.ratio_to(self.theirs)

    @property
    def met(self) -> bool | None:
        if self.bound is not None:
            return self.ours.median <= self.bound
        ratio = self.ratio
        if ratio is None or self.limit is None:
            return None
        return ratio <= self.limit
