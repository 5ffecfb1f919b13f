"""Helpers every evaluation shares: finding ``../shared`` data, skipping cleanly, scores and tables.

Gold data lives outside the repository (``../shared/eval``, ``../shared/corpus``) and is never copied into it.
Evaluations find it relative to the repository root (``<repo>/../shared``), then relative to the working
directory and its parents, or take an explicit path. When it is absent they raise
:class:`~sitreps.errors.EvaluationDataMissing`; commands turn that into one ``skipped: …`` line and exit 0
(see :func:`run_or_skip`), so CI without the data stays green and says why.

Kept small and stable on purpose: several evaluation modules import it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..errors import EvaluationDataMissing

__all__ = [
    "SHARED_ENV",
    "find_shared",
    "format_table",
    "prf",
    "print_table",
    "repo_root",
    "run_or_skip",
]

#: Environment variable naming the shared data directory (the one holding ``eval/`` and ``corpus/``).
SHARED_ENV = "SITREPS_SHARED"

T = TypeVar("T")


def repo_root() -> Path:
    """The repository root of a source checkout (``src/sitreps/evaluate/common.py`` → three levels up).

    For an installed (non-editable) package this points into site-packages, where ``../shared`` does not
    exist; :func:`find_shared` then falls back to the working directory.
    """
    return Path(__file__).resolve().parents[3]


def _bases() -> list[Path]:
    bases: list[Path] = []
    env = os.environ.get(SHARED_ENV)
    if env:
        bases.append(Path(env))
    root = repo_root()
    bases += [root.parent / "shared", root / "shared"]
    cwd = Path.cwd().resolve()
    for d in (cwd, *cwd.parents):
        bases += [d / "shared", d.parent / "shared"]
    seen: set[Path] = set()
    out = []
    for b in bases:
        if b not in seen:
            seen.add(b)
            out.append(b)
    return out


def find_shared(relative: str, explicit: str | Path | None = None, *, what: str = "evaluation data") -> Path:
    """Return the path of ``relative`` (e.g. ``"corpus"`` or ``"eval/geo/lgl.xml"``) under the shared data dir.

    ``explicit`` (a ``--data`` option) wins and must exist. Otherwise ``$SITREPS_SHARED``, ``<repo>/../shared``
    and ``shared`` next to the working directory or any parent are tried in that order.
    Raises :class:`EvaluationDataMissing` naming every place tried and how to point at the data.
    """
    if explicit is not None:
        p = Path(explicit).expanduser()
        if p.exists():
            return p
        raise EvaluationDataMissing(
            f"{what} not found at {p}; pass an existing path with --data (expected {relative!r} from ../shared)"
        )
    tried = []
    for base in _bases():
        p = base / relative
        if p.exists():
            return p
        tried.append(str(p))
    raise EvaluationDataMissing(
        f"{what} ({relative}) not found; tried {', '.join(tried[:4])}{' …' if len(tried) > 4 else ''}. "
        f"Pass --data PATH or set {SHARED_ENV} to the directory holding eval/ and corpus/"
    )


def run_or_skip(fn: Callable[[], T], echo: Callable[[str], Any] = print) -> T | None:
    """Run an evaluation; when its data is missing, print ``skipped: <reason>`` and return None (exit 0)."""
    try:
        return fn()
    except EvaluationDataMissing as exc:
        echo(f"skipped: {exc}")
        return None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where undefined (no predictions or no gold) rather than NaN."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "" if v is None else str(v)


def format_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None) -> str:
    """A plain-text table (no colour, no terminal width games) that reads the same in logs, CI and tests.

    Numbers are right-aligned, floats shown with three decimals.
    """
    body = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    raw_rows = [list(r) for r in body]

    def line(cells: Sequence[str], numeric: Sequence[bool]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric, strict=False)]
        return "  ".join(parts).rstrip()

    numeric_cols = [
        bool(raw_rows) and all(_is_number(r[i]) for r in raw_rows if i < len(r) and r[i] != "")
        for i in range(len(headers))
    ]
    out = []
    if title:
        out.append(title)
    out.append(line(list(headers), [False] * len(headers)))
    out.append("  ".join("-" * w for w in widths))
    out += [line(r, numeric_cols) for r in raw_rows]
    return "\n".join(out)


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None,
                echo: Callable[[str], Any] = print) -> None:
    """Print :func:`format_table` through ``echo`` (``typer.echo`` in commands)."""
    echo(format_table(headers, rows, title))
