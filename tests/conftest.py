"""Shared fixtures. Loading spaCy is expensive: the model and the pipeline are loaded once per session.

Tests never read ../shared: fixtures are texts written for this project (see tests/fixtures/).
"""

from __future__ import annotations

import contextlib
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
