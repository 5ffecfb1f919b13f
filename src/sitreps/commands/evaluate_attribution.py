"""``sitreps evaluate attribution``: source / cue / content P/R/F1 on PolNeAR (see evaluate.attribution)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..cli import evaluate_app


@evaluate_app.command("attribution")
def evaluate_attribution_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The PolNeAR directory (default: ../shared/eval/attribution/polnear).")] = None,
    split: Annotated[str, typer.Option("--split", help="train or dev (test is withheld).")] = "dev",
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
    agreement: Annotated[bool, typer.Option(
        "--agreement", help="Instead of running the stage, score PolNeAR's annotators against each other on "
        "the articles several of them annotated (train and dev), with the same matching: the ceiling of "
        "the metric on this data.")] = False,
) -> None:
    """Run the attribution stage on PolNeAR and report P/R/F1 for source, cue and content spans, exact and
    overlap (one-to-one, any shared character), and the share of documents processed without error.

    Exits 0 with a 'skipped: …' line when the data is absent.
    """
    from ..evaluate.attribution import annotator_agreement, evaluate_attribution
    from ..evaluate.common import run_or_skip

    if agreement:
        agreed = run_or_skip(lambda: annotator_agreement(data), echo=typer.echo)
        if agreed is not None:
            typer.echo(json.dumps(agreed.to_dict(), indent=2) if as_json else agreed.render())
        return

    report = run_or_skip(lambda: evaluate_attribution(data, split, limit), echo=typer.echo)
    if report is None:
        return
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render())
