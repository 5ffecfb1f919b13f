"""``sitreps train events``: train the PLOVER event classifier again from NGEC (see events_classifier)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import train_app


@train_app.command("events")
def train_events_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The events directory holding ngec/gpt_synthetic_events_*.csv; "
        "default: ../shared/eval/events.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write model.npz and meta.json (default: the package's data/models/events).")] = None,
) -> None:
    """Fit TF-IDF + logistic regression on NGEC's synthetic PLOVER-labelled stories (CPU, about a minute;
    same data gives the same model). CASE-2021 dev is never read here: it is for measuring only."""
    from ..evaluate.common import find_shared, run_or_skip
    from ..extract.events_classifier import MODEL_DIR, train_plover_model

    def run() -> Path:
        base = find_shared("eval/events", data, what="NGEC training stories")
        model, metrics = train_plover_model(base)
        target = out or Path(__file__).resolve().parents[1] / MODEL_DIR
        model.save(target)
        typer.echo(", ".join(f"{k}={v:.3f}" for k, v in metrics.items()))
        return target

    target = run_or_skip(run, echo=typer.echo)
    if target is not None:
        typer.echo(f"wrote {target}/model.npz")
