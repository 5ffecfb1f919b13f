"""Shared by the benchmark scripts: read the first rows of a ../shared corpus, time the best of N runs.

Scripts run as ``python benchmarks/bench_x.py``, so this module is importable as ``_common``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitreps.errors import EvaluationDataMissing
from sitreps.evaluate.common import find_shared


def best_of(fn: Callable[[], Any], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds of the fastest of ``repeat`` calls (the least disturbed by other processes), by ``clock``:
    wall clock by default, ``time.process_time`` for this process's CPU time."""
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def read_corpus(relative: str, data: str | None, limit: int, what: str) -> list[dict[str, Any]] | None:
    """The first ``limit`` JSON rows of ``../shared/<relative>`` (or ``data``); None, after printing
    ``skipped: …``, when the corpus is absent (benchmarks then exit 0)."""
    try:
        path = find_shared(relative, data, what=what)
    except EvaluationDataMissing as exc:
        print(f"skipped: {exc}")
        return None
    rows: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows
