"""Every storage test runs on SQLite and on PostgreSQL (the ``store_url`` fixture is parametrised).

PostgreSQL comes from ``SITREPS_TEST_PG_URL`` (``.ci/run`` starts a server and sets it). When it is unset we
try ``scripts/start-postgres.sh`` once per session (without installing anything) and stop that server at the
end; only when that fails too are the PostgreSQL variants skipped, with the reason. Each test gets its own
PostgreSQL schema (dropped afterwards) or its own SQLite file, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "start-postgres.sh"


def _start_local_server() -> tuple[str | None, str | None, str]:
    """(url, data dir, reason) from scripts/start-postgres.sh; url is None when it cannot start one."""
    if not SCRIPT.exists() or shutil.which("bash") is None:
        return None, None, f"{SCRIPT} is missing"
    env = {**os.environ, "SITREPS_PG_NO_INSTALL": "1"}
    try:
        proc = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=120, env=env,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, None, f"scripts/start-postgres.sh failed: {exc}"
    values = dict(line.removeprefix("export ").split("=", 1) for line in proc.stdout.splitlines()
                  if line.startswith("export "))
    if proc.returncode != 0 or "SITREPS_TEST_PG_URL" not in values:
        return None, None, f"scripts/start-postgres.sh could not start a server: {proc.stderr.strip()[-300:]}"
    return values["SITREPS_TEST_PG_URL"], values.get("SITREPS_TEST_PG_DIR"), ""


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    url = os.environ.get("SITREPS_TEST_PG_URL")
    if url:
        yield url
        return
    url, data_dir, reason = _start_local_server()
    if url is None:
        pytest.skip(f"PostgreSQL tests skipped: SITREPS_TEST_PG_URL is unset and {reason}")
    try:
        yield url
    finally:
        subprocess.run(["bash", str(SCRIPT), "--stop", str(data_dir)], capture_output=True, check=False)


@pytest.fixture
def pg_schema_url(pg_url: str, pg_schema) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL whose connections use a fresh, empty schema (search_path) that is dropped after the test."""
    with pg_schema(pg_url, "t") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[object]:
    from sitreps.store import open_store

    with open_store(store_url) as s:
        yield s
