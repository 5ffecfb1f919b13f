"""``sitreps evaluate seed``: score the pipeline on the founding article (see :mod:`sitreps.evaluate.seed`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..cli import evaluate_app


@evaluate_app.command("seed")
def seed_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="Directory holding kharkiv-2022-05.txt and its .expected.yaml "
        "(default: ../shared/corpus next to the repository, or found from the working directory).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
) -> None:
    """Run every available stage on the founding article and compare with the analyst's extraction.

    Prints found / wrong / missed for every expected item, what we produced instead, and a summary table.
    Exits 0 (with a 'skipped: …' line) when the data is absent.
    """
    from ..evaluate.common import run_or_skip
    from ..evaluate.seed import evaluate_seed

    report = run_or_skip(lambda: evaluate_seed(data), echo=typer.echo)
    if report is None:
        return
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.render())
