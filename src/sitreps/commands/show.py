"""`sitreps show`: one stored article with every record's evidence highlighted, and tables of its records."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import app

DEFAULT_DB = "var/sitreps.db"


@app.command("show")
def show_cli(
    article_id: Annotated[str, typer.Argument(
        help="Article id, or any unique prefix of it (as printed by `sitreps ingest`/`sitreps db info`).",
        show_default=False)],
    db: Annotated[str, typer.Option(
        "--db", envvar="SITREPS_DB", help="Database to read: a SQLite file, sqlite:///FILE or "
        "postgresql://… URL. Also read from SITREPS_DB.")] = DEFAULT_DB,
    width: Annotated[int | None, typer.Option(help="Output width in columns (default: the terminal's).")] = None,
) -> None:
    """Show one stored article: its text with the evidence of every record highlighted (places, times,
    quantities, claims with their source and cue, actors, events), then a table per record kind.

    Example:

        sitreps show 3fa9c1 --db var/sitreps-demo.db
    """
    from rich.console import Console

    from ..render import render_article
    from ..store import open_store

    with open_store(db, create=False) as store:
        result = store.load_result(store.resolve_id(article_id))
    render_article(result, Console(width=width))
