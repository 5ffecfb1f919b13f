"""``sitreps train events``: train the ACLED and PLOVER event classifiers again (see events_classifier)."""

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
    """Fit the two event models (CPU, a few minutes; same data and seeds give the same models): the ACLED
    sub-type model on sitreps' own synthetic ACLED-style snippets (extract/events_synth.py), and the PLOVER
    event model on NGEC's synthetic PLOVER-labelled stories. CASE-2021 dev is never read here."""
    from ..evaluate.common import find_shared, run_or_skip
    from ..extract.events_classifier import MODEL_DIR, train_acled_model, train_plover_model

    def run() -> Path:
        base = find_shared("eval/events", data, what="NGEC training stories")
        target = out or Path(__file__).resolve().parents[1] / MODEL_DIR
        acled, ametrics = train_acled_model()
        acled.save(target)
        typer.echo("acled: " + ", ".join(f"{k}={v:.3f}" for k, v in ametrics.items()))
        model, metrics = train_plover_model(base)
        model.save(target)
        typer.echo("plover: " + ", ".join(f"{k}={v:.3f}" for k, v in metrics.items()))
        return target

    target = run_or_skip(run, echo=typer.echo)
    if target is not None:
        typer.echo(f"wrote {target}/model.npz")
