"""`sitreps serve`: the API and the map page over a database, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          log_level: str = "info") -> None:
    """Serve ``create_app(db, token=token)`` until interrupted. The database must exist already."""
    import uvicorn

    from ..api import create_app
    from ..store import open_store

    open_store(db, create=False).close()  # fail now, with the store's message, rather than on the first request
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level=log_level)


@app.command("serve")
def serve_cli(
    db: Annotated[str, typer.Option("--db", envvar="SITREPS_DB",
                                    help="Database: a SQLite file or postgresql://user@host:port/db.")],
    host: Annotated[str, typer.Option(help="Address to listen on. Keep 127.0.0.1 unless you mean to "
                                           "share the page; there is no login for reading.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="SITREPS_API_TOKEN",
        help="Bearer token that enables POST /api/articles (submit articles for extraction). Without it "
             "the write endpoint is disabled.")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level: critical, error, warning, info, debug.")]
    = "info",
) -> None:
    """Serve the map page (/) and the JSON API (/api/..., described at /api/openapi.json) over a database.

    The page works offline: its scripts, styles and map data ship with sitreps.

    Examples:

        sitreps demo && sitreps serve --db var/sitreps-demo.db

        sitreps serve --db var/sitreps.db --port 8080 --token "$(openssl rand -hex 16)"
    """
    serve(db, host=host, port=port, token=token, log_level=log_level)
