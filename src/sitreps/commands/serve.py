"""`sitreps serve`: the API and the map page over a database, with uvicorn."""

from __future__ import annotations

import os
import socket
from typing import Annotated

import typer

from ..cli import app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          log_level: str = "info", workers: int = 1) -> None:
    """Serve ``create_app(db, token=token)`` until interrupted. The database must exist already.

    ``workers > 1`` runs that many server processes on one socket (uvicorn's supervisor); each builds its app
    with :func:`sitreps.api.app_from_env` from the environment set here, since an app object cannot be handed
    to another process.
    """
    import uvicorn

    from ..api import DB_ENV, TOKEN_ENV, create_app
    from ..store import open_store

    open_store(db, create=False).close()  # fail now, with the store's message, rather than on the first request
    if workers <= 1:
        uvicorn.run(create_app(db, token=token), host=host, port=port, log_level=log_level)
        return
    os.environ[DB_ENV] = db
    if token is not None:
        os.environ[TOKEN_ENV] = token
    # What uvicorn.run does for workers > 1, with a socket that says it is TCP (see tcp_socket).
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("sitreps.api:app_from_env", factory=True, workers=workers, host=host, port=port,
                            log_level=log_level)
    server = uvicorn.Server(config)
    try:
        Multiprocess(config, target=server.run, sockets=[tcp_socket(config.bind_socket())]).run()
    except KeyboardInterrupt:
        pass


def tcp_socket(sock: socket.socket) -> socket.socket:
    """``sock`` re-opened from its descriptor, so that it reports its real protocol.

    uvicorn binds the socket its worker processes share as ``socket.socket(family)``: protocol 0, so asyncio
    does not set TCP_NODELAY on the connections it accepts (it does only for sockets whose protocol is
    IPPROTO_TCP), and a response written in two parts waited for the client's delayed ACK (~40 ms per
    request: measured, docs/BENCHMARKS.md "API latency")."""
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
        sock = socket.socket(fileno=sock.detach())  # family, type and protocol read from the descriptor
        sock.set_inheritable(True)
    return sock


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
    workers: Annotated[int, typer.Option(
        min=1, max=32,
        help="Server processes sharing the port. One serves a single analyst well; more use more cores for "
             "many concurrent clients (each process opens its own database connections and, on the first "
             "submitted article, loads its own extraction pipeline).")] = 1,
) -> None:
    """Serve the map page (/) and the JSON API (/api/..., described at /api/openapi.json) over a database.

    The page works offline: its scripts, styles and map data ship with sitreps.

    Examples:

        sitreps demo && sitreps serve --db var/sitreps-demo.db

        sitreps serve --db var/sitreps.db --port 8080 --token "$(openssl rand -hex 16)"

        sitreps serve --db var/sitreps.db --workers 2
    """
    serve(db, host=host, port=port, token=token, log_level=log_level, workers=workers)
