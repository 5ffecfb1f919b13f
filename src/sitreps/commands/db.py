"""`sitreps db migrate|info`: create or upgrade a database's schema, and see what it holds."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import app

db_app = typer.Typer(help="Create, upgrade and inspect a sitreps database (SQLite file or PostgreSQL).",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")

DbOpt = Annotated[str, typer.Option(
    "--db", envvar="SITREPS_DB", help="A SQLite file, sqlite:///FILE or postgresql://user@host:port/dbname. "
    "Also read from SITREPS_DB.")]


@db_app.command("migrate")
def migrate_cli(db: DbOpt = "var/sitreps.db") -> None:
    """Create the database if needed and apply every pending schema step (safe to run any time: steps already
    applied are skipped; other commands also do this when they open a database)."""
    from ..store import MIGRATIONS, open_store
    from ..store.migrations import migrate

    with open_store(db, migrate_schema=False) as store:
        applied = migrate(store.engine)
        for step in applied:
            typer.echo(f"applied {step.version}: {step.name}")
        typer.echo(f"{store.url} is at schema version {MIGRATIONS[-1].version} "
                   f"({len(applied)} step(s) applied now)")


@db_app.command("info")
def info_cli(
    db: DbOpt = "var/sitreps.db",
    limit: Annotated[int, typer.Option(help="How many recently ingested articles to list.")] = 10,
) -> None:
    """Print the database's location, schema version, row counts and the most recent articles."""
    from rich.console import Console
    from rich.table import Table

    from ..render import counts_table
    from ..store import open_store, queries

    console = Console()
    with open_store(db, create=False, migrate_schema=False) as store:
        versions = store.schema_versions()
        console.print(f"database  {store.url} ({store.dialect})")
        console.print("schema    " + (", ".join(f"{v}: {n}" for v, n in versions.items()) or "none (run `sitreps db migrate`)"))
        if not versions:
            return
        console.print(counts_table(store.counts(), title="Rows"))
        with store.read() as conn:
            recent = queries.article_summaries(conn, limit=limit)
    if recent:
        t = Table(title="Recent articles", title_justify="left")
        for col in ("id", "published", "events", "title"):
            t.add_column(col, overflow="fold")
        for r in recent:
            t.add_row(r["id"], r["published"] or "—", str(r["events"]), r["title"] or "")
        console.print(t)
