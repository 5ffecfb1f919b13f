"""Fixtures shared by the extraction tests: the shipped gazetteer and a geoparse on the real pipeline's parse."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from sitreps.gazetteer.index import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def parse(nlp, gaz):
    """``parse(text)``: the places :func:`sitreps.extract.places.geoparse` finds in ``text``."""
    from sitreps.extract.places import geoparse

    def run(text: str):
        return geoparse(nlp(text), gaz)

    return run
