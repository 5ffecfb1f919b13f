"""Shared fixtures. Loading spaCy is expensive: the model and the pipeline are loaded once per session.

Tests never read ../shared: fixtures are texts written for this project (see tests/fixtures/).
"""

from __future__ import annotations

from pathlib import Path

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
