"""``sitreps train attribution``: train the attribution CRF and cue classifier again from PolNeAR train (see attribution_train)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import train_app


@train_app.command("attribution")
def train_attribution_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The PolNeAR directory (holding train/text and train/attributions); "
        "default: ../shared/eval/attribution/polnear.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the model (default: the one shipped in the package).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Use only the first N training documents.")] = None,
    iterations: Annotated[int, typer.Option("--iterations", help="L-BFGS iterations.")] = 80,
    c1: Annotated[float, typer.Option("--c1", help="L1 regularisation.")] = 0.05,
    c2: Annotated[float, typer.Option("--c2", help="L2 regularisation.")] = 0.01,
    crf_filter: Annotated[bool, typer.Option(
        "--crf-filter/--no-crf-filter", help="Also train the CRF claim filter (cross-fitted: two more CRFs on "
        "halves of the data, roughly doubling the time). Not shipped: dev did not gain (round 11).")] = False,
    only_crf_filter: Annotated[bool, typer.Option(
        "--only-crf-filter", help="Train only the CRF claim filter, next to the models already there.")] = False,
) -> None:
    """Train the source/cue/content CRF and the cue classifier (and, asked, the CRF claim filter) on PolNeAR
    train (CPU, minutes; same data gives the same model).

    The training text is read from ../shared at run time and never stored; only the weights are written.
    """
    from ..evaluate.common import run_or_skip
    from ..extract.attribution_train import train_attribution

    path = run_or_skip(lambda: train_attribution(data, out, limit=limit, max_iterations=iterations, c1=c1, c2=c2,
                                                 progress=typer.echo, accept=crf_filter,
                                                 only_accept=only_crf_filter), echo=typer.echo)
    if path is not None:
        typer.echo(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
