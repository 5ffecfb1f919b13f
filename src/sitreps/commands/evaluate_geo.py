"""``sitreps evaluate geo``: score the geoparser on GWN, LGL, GeoVirus and WikToR (see :mod:`sitreps.evaluate.geo`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..cli import evaluate_app


@evaluate_app.command("geo")
def geo_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="Directory holding GWN.xml, lgl.xml, GeoVirus.xml, wiktor.jsonl "
        "(default: ../shared/eval/geo next to the repository).")] = None,
    sets: Annotated[str, typer.Option("--sets", help="Comma-separated sets to score.")] = "GWN,LGL,GeoVirus,WikToR",
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N documents of each set.")] = None,
    wiktor_limit: Annotated[int, typer.Option(
        "--wiktor-limit", help="Documents of WikToR scored when --limit is not given (it has 5,000).")] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False,
) -> None:
    """Recognition P/R/F1 (exact spans); resolution on gold spans (acc@161 km, AUC, mean/median km, id, country);
    end-to-end acc@161 km. Exits 0 with a 'skipped: …' line when the data is absent."""
    from ..evaluate.common import run_or_skip
    from ..evaluate.geo import evaluate_geo, render

    names = tuple(s.strip() for s in sets.split(",") if s.strip())
    rows = run_or_skip(lambda: evaluate_geo(data, names, limit, wiktor_limit), echo=typer.echo)
    if rows is None:
        return
    typer.echo(json.dumps(rows, indent=2) if as_json else render(rows))
