"""`sitreps demo`: ingest the built-in demo corpus into a SQLite file and say what to try next."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import app

DEMO_DB = "var/sitreps-demo.db"
DEMO_CORPUS = ("data", "demo", "reports.jsonl")  # package data of sitreps


def run_demo(db: str, batch_size: int = 64) -> tuple[str, object]:
    """Ingest the demo corpus into ``db``; returns (db as given, IngestSummary). Running it twice changes
    nothing: stored articles are skipped before extraction."""
    from importlib.resources import as_file, files

    from rich.console import Console

    from ..errors import ConfigError
    from .extract import ReaderArgs
    from .ingest import ingest_paths

    corpus = files("sitreps").joinpath(*DEMO_CORPUS)
    if not corpus.is_file():
        raise ConfigError(f"the demo corpus sitreps/{'/'.join(DEMO_CORPUS)} is missing from this install; "
                          f"reinstall sitreps (pip install -e . from a checkout) to restore it")
    with as_file(corpus) as path:
        summary = ingest_paths([path], db, ReaderArgs(), batch_size, Console(stderr=True))
    return db, summary


@app.command("demo")
def demo_cli(
    db: Annotated[str, typer.Option("--db", help="SQLite file (or database URL) to fill.")] = DEMO_DB,
) -> None:
    """Ingest the built-in demo corpus (short conflict reports shipped with sitreps) into a SQLite database,
    print what was found, and show the commands to explore it. Safe to run again: nothing changes.
    """
    from rich.console import Console
    from rich.table import Table

    from ..render import counts_table, ingest_summary
    from ..store import open_store, schema
    from ..store.database import database_url

    db, summary = run_demo(db)
    console = Console()
    console.print(ingest_summary(summary, schema.RECORD_TABLES))  # type: ignore[arg-type]
    with open_store(db, create=False) as store:
        counts = store.counts()
        ids = store.article_ids()
        first = _article_with_most_events(store) or (ids[0] if ids else None)
    console.print(counts_table(counts, title="In the database now"))
    where = database_url(db).removeprefix("sqlite:///")
    console.print(f"\nThe demo database is [bold]{where}[/bold]. Try next:", highlight=False)
    steps = Table.grid(padding=(0, 3))
    steps.add_column(no_wrap=True)
    steps.add_column(style="dim")
    if first:
        steps.add_row(f"  sitreps show {first[:10]} --db {db}", "one report, its evidence highlighted")
    steps.add_row(f"  sitreps db info --db {db}", "what the database holds")
    steps.add_row(f"  sitreps serve --db {db}", "map, timeline and claims in the browser")
    steps.add_row("  sitreps export --help", f"ACLED CSV, GeoJSON or Parquet from --db {db}")
    console.print(steps)
    if summary.failed:  # type: ignore[attr-defined]
        raise typer.Exit(1)


def _article_with_most_events(store: object) -> str | None:
    from sqlalchemy import func, select

    from ..store import schema

    e = schema.events
    stmt = select(e.c.article_id).group_by(e.c.article_id).order_by(func.count().desc(), e.c.article_id).limit(1)
    with store.read() as conn:  # type: ignore[attr-defined]
        row = conn.execute(stmt).first()
    return None if row is None else str(row[0])
