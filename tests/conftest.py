"""Shared fixtures. Loading spaCy is expensive: the model and the pipeline are loaded once per session.

Tests never read ../shared: fixtures are texts written for this project (see tests/fixtures/).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config):
    # spaCy imports typer, which touches an API click 8.2 deprecates; under filterwarnings=error whichever
    # test first loads spaCy would fail on it. Not ours to fix.
    config.addinivalue_line("filterwarnings", "ignore:'click.utils:DeprecationWarning")


@pytest.fixture(scope="session")
def settings():
    from sitreps.settings import load_settings

    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from sitreps.nlp import load_nlp

    return load_nlp(settings)


@pytest.fixture(scope="session")
def pipeline(settings):
    from sitreps.pipeline import load_pipeline

    return load_pipeline(settings)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def make_article():
    from sitreps.ingest import make_article

    return make_article


@contextlib.contextmanager
def _pg_schema(base_url: str, prefix: str) -> Iterator[str]:
    """A URL on ``base_url``'s server whose connections use a fresh, empty schema (search_path), dropped after."""
    import sqlalchemy as sa

    from sitreps.store import database_url

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(database_url(base_url))
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in base_url else "?"
    try:
        yield f"{base_url}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_schema() -> Callable[[str, str], contextlib.AbstractContextManager[str]]:
    """``with pg_schema(base_url, prefix) as url:`` — a throw-away PostgreSQL schema for one test."""
    return _pg_schema


# -- storage on SQLite and PostgreSQL (tests/store, tests/link, tests/export) ------------------------------
# Every storage test runs on SQLite and on PostgreSQL (the ``store_url`` fixture is parametrised).
# PostgreSQL comes from ``SITREPS_TEST_PG_URL`` (``.ci/run`` starts a server and sets it). When it is unset we
# try ``scripts/start-postgres.sh`` once per session (without installing anything) and stop that server at the
# end; only when that fails too are the PostgreSQL variants skipped, with the reason. Each test gets its own
# PostgreSQL schema (dropped afterwards) or its own SQLite file, so tests never see each other's rows.

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "start-postgres.sh"


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
