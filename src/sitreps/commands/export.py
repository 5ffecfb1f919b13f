"""`sitreps export`: ACLED CSV, GeoJSON, Parquet or JSON lines from a store."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..cli import app


class Format(str, Enum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command("export")
def export_cli(
    db: Annotated[str, typer.Option("--db", envvar="SITREPS_DB", show_default=False,
                                    help="Database: SQLite file or postgresql://… URL. Also SITREPS_DB.")],
    fmt: Annotated[Format, typer.Option("--format", help="acled-csv: ACLED's columns, one row per event; "
                                        "geojson: FeatureCollection of points; parquet: a directory of tables; "
                                        "jsonl: one article result per line.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (a directory for parquet); "
                                         "replaced if it exists.")],
    clusters: Annotated[bool, typer.Option("--clusters", help="Event clusters instead of events (geojson, "
                                           "jsonl); fill the cluster columns of the ACLED CSV.")] = False,
) -> None:
    """Export the records of a database for other tools: pandas, QGIS/Leaflet, DuckDB, jq.

    Events flagged as negated, hypothetical or future are not exported as events. Run `sitreps link` first
    for up-to-date clusters (ingest does it after storing new articles).

    Examples:

        sitreps export --db var/sitreps.db --format acled-csv --output events.csv

        sitreps export --db var/sitreps.db --format geojson --clusters --output clusters.geojson
    """
    from ..export import export
    from ..store import open_store

    with open_store(db, create=False) as store:
        n = export(store, fmt.value, output, clusters)
    typer.echo(f"wrote {n} {'rows' if fmt is not Format.geojson else 'features'} to {output}", err=True)
