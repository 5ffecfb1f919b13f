"""`sitreps serve`: refuses a missing database; serves the page and the API over a real socket."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest


def test_serve_refuses_missing_database(tmp_path):
    from typer.testing import CliRunner

    from sitreps.cli import app
    from sitreps.errors import StoreError

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert isinstance(result.exception, StoreError)
    assert "does not exist" in str(result.exception) and "sitreps demo" in str(result.exception)
    assert not (tmp_path / "missing.db").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(api_db: str, *extra: str):
    """Start `sitreps serve` on a free loopback port; wait until it answers. Returns (process, base URL)."""
    import httpx

    port = _free_port()
    sitreps = str(Path(sys.executable).with_name("sitreps"))
    proc = subprocess.Popen([sitreps, "serve", "--db", api_db, "--port", str(port), "--log-level", "warning", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):  # up to 30 s on a busy machine
        try:
            httpx.get(base + "/api/event-types", timeout=2)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None:
                pytest.fail(f"sitreps serve exited: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
            time.sleep(0.1)
    proc.terminate()
    proc.communicate(timeout=10)
    pytest.fail("sitreps serve did not answer within 30 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.communicate(timeout=20)  # also closes the stderr pipe


def test_serve_runs_uvicorn_on_loopback(api_db, tmp_path):
    import httpx

    if not api_db.endswith(".db"):
        pytest.skip("one database kind is enough to check the command")
    proc, base = _serve(api_db)
    try:
        r = httpx.get(base + "/api/events", timeout=10)
        assert r.status_code == 200 and r.json()["total"] == 3
        page = httpx.get(base + "/")
        assert page.status_code == 200 and "content-security-policy" in page.headers
        r = httpx.post(base + "/api/articles", json={"text": "x"})
        assert r.status_code == 403  # no --token given
    finally:
        _stop(proc)


def test_serve_with_two_workers_serves_the_same_database_and_token(api_db, monkeypatch):
    """--workers 2: uvicorn's supervisor and two processes built by app_from_env from the environment."""
    import httpx

    if not api_db.endswith(".db"):
        pytest.skip("one database kind is enough to check the command")
    monkeypatch.delenv("SITREPS_API_TOKEN", raising=False)
    proc, base = _serve(api_db, "--workers", "2", "--token", "w0rker-token")
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            totals = {client.get("/api/events", params={"limit": 1}).json()["total"] for _ in range(20)}
            assert totals == {3}
            # the token reached the workers: without it the write endpoint asks for it (401), not "disabled" (403)
            r = client.post("/api/articles", json={"text": "x"})
            assert r.status_code == 401 and "missing token" in r.json()["error"]
            r = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer wrong"})
            assert r.status_code == 401 and "wrong token" in r.json()["error"]
    finally:
        _stop(proc)


@pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")
def test_app_from_env_needs_the_database(api_db, monkeypatch):
    from fastapi.testclient import TestClient

    from sitreps.api import DB_ENV, app_from_env

    monkeypatch.delenv(DB_ENV, raising=False)
    with pytest.raises(RuntimeError, match=DB_ENV):
        app_from_env()
    monkeypatch.setenv(DB_ENV, api_db)
    with TestClient(app_from_env()) as client:
        assert client.get("/api/events").json()["total"] == 3


def test_worker_socket_gets_tcp_nodelay_connections():
    """The socket `serve --workers N` shares reports protocol TCP, so asyncio sets TCP_NODELAY on each accepted
    connection (without it a response written in two parts waited ~40 ms for the client's delayed ACK)."""
    import asyncio

    import uvicorn

    from sitreps.commands.serve import tcp_socket

    sock = tcp_socket(uvicorn.Config("sitreps.api:app_from_env", host="127.0.0.1", port=0).bind_socket())
    assert sock.proto == socket.IPPROTO_TCP and sock.get_inheritable()

    async def accepted_nodelay() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            seen.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=sock)
        async with server:
            _, writer = await asyncio.open_connection(*sock.getsockname()[:2])
            value = await asyncio.wait_for(seen, 10)
            writer.close()
        return value

    assert asyncio.run(accepted_nodelay()) != 0
