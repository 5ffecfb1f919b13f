"""``sitreps evaluate events``: score ACLED/PLOVER event coding (see :mod:`sitreps.evaluate.events`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..cli import evaluate_app


@evaluate_app.command("events")
def evaluate_events_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The events gold directory (holding case2021_task2/, plover/, petrarch/); "
        "default: ../shared/eval/events.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
) -> None:
    """Weighted and macro F1 over the 25 ACLED sub-types on CASE-2021 Task 2 dev, and PLOVER event accuracy
    on the PLOVER and PETRARCH-2 gold sentences. Exits 0 with a 'skipped: …' line when the data is absent."""
    from ..evaluate.common import run_or_skip
    from ..evaluate.events import evaluate_events

    report = run_or_skip(lambda: evaluate_events(data), echo=typer.echo)
    if report is None:
        return
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render())
