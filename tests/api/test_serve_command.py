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


def test_serve_runs_uvicorn_on_loopback(api_db, tmp_path):
    import httpx

    if not api_db.endswith(".db"):
        pytest.skip("one database kind is enough to check the command")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sitreps = str(Path(sys.executable).with_name("sitreps"))
    proc = subprocess.Popen([sitreps, "serve", "--db", api_db, "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to 30 s on a busy machine
            try:
                r = httpx.get(base + "/api/events", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    pytest.fail(f"sitreps serve exited: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
                time.sleep(0.1)
        else:
            pytest.fail("sitreps serve did not answer within 30 s")
        assert r.status_code == 200 and r.json()["total"] == 3
        page = httpx.get(base + "/")
        assert page.status_code == 200 and "content-security-policy" in page.headers
        r = httpx.post(base + "/api/articles", json={"text": "x"})
        assert r.status_code == 403  # no --token given
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # also closes the stderr pipe
