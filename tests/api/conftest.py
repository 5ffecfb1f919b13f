"""A small database for the API tests, filled with records built by hand (typed model records whose spans
are cut from the texts below with ``Span.of``), saved through the real :class:`~sitreps.store.Store`.

Building the records by hand keeps these tests fast and independent of how good the extractors are; the
browser tests (tests/web) fill their database through the real pipeline instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

TEXTS = {
    "river": (
        "Regional officials said on Tuesday that artillery struck a grain depot near Vovchansk overnight. "
        "The governor said two workers were killed. Local reporters reportedly saw smoke over the river."
    ),
    "bridge": (
        "The ministry claimed its forces destroyed a pontoon bridge near Bilohorivka on 11 May. "
        "Analysts said the crossing likely cost the attackers dozens of vehicles."
    ),
    "protest": (
        "Hundreds of residents marched in Kherson on 20 March, a city council member said. "
        "Soldiers fired shots into the air, according to a local journalist."
    ),
}


def _span(text: str, needle: str):
    from sitreps.model import Span

    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def _place(text: str, needle: str, name: str, lat: float, lon: float, gid: int):
    from sitreps.model import Place

    return Place(evidence=_span(text, needle), geonameid=gid, name=name, feature_class="P", feature_code="PPL",
                 country_code="UA", admin1="Kharkiv Oblast", lat=lat, lon=lon, role="event_location",
                 precision="town", score=0.9)


def build_results() -> list:
    from sitreps.ingest import make_article
    from sitreps.model import Actor, ArticleResult, Claim, Event, Source

    out = []
    t = TEXTS["river"]
    a = make_article(t, title="Depot hit near Vovchansk", published="2022-05-18", outlet="Kharkiv Daily")
    place = _place(t, "Vovchansk", "Vovchansk", 50.29, 36.94, 690000)
    claim = Claim(id="c1", evidence=_span(t, "artillery struck a grain depot near Vovchansk overnight"),
                  source=Source("Regional officials", "government", _span(t, "Regional officials"), "UA"),
                  cue=_span(t, "said"), certainty="reported")
    claim2 = Claim(id="c2", evidence=_span(t, "saw smoke over the river"),
                   source=Source("Local reporters", "media", _span(t, "Local reporters")),
                   cue=_span(t, "reportedly"), reporting=["reportedly"], certainty="unverified")
    ev = Event(id="e1", evidence=_span(t, "artillery struck a grain depot near Vovchansk overnight"),
               event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               actor1=Actor(_span(t, "artillery"), "Military Forces of Russia", "RU", "state_forces", 1),
               location=place, date="2022-05-17", date_precision="day", fatalities=2, claim_ids=["c1"],
               certainty="reported")
    out.append(ArticleResult(article=a, places=[place], claims=[claim, claim2], events=[ev]))

    t = TEXTS["bridge"]
    a = make_article(t, title="Bridge destroyed", published="2022-05-12", outlet="Frontline Wire")
    place = _place(t, "Bilohorivka", "Bilohorivka", 48.93, 38.24, 690001)
    claim = Claim(id="c1", evidence=_span(t, "its forces destroyed a pontoon bridge near Bilohorivka on 11 May"),
                  source=Source("Ministry of Defence of Ukraine", "military", _span(t, "The ministry"), "UA"),
                  cue=_span(t, "claimed"), reporting=["claimed"], certainty="reported")
    claim2 = Claim(id="c2", evidence=_span(t, "the crossing likely cost the attackers dozens of vehicles"),
                   source=Source("Analysts", "think_tank", _span(t, "Analysts")), cue=_span(t, "said"),
                   hedges=["likely"], certainty="hedged")
    ev = Event(id="e1", evidence=_span(t, "destroyed a pontoon bridge near Bilohorivka"),
               event_type="Battles", sub_event_type="Armed clash",
               actor1=Actor(_span(t, "its forces"), "Military Forces of Ukraine", "UA", "state_forces", 1),
               location=place, date="2022-05-11", date_precision="day", claim_ids=["c1", "c2"], certainty="reported")
    out.append(ArticleResult(article=a, places=[place], claims=[claim, claim2], events=[ev]))

    t = TEXTS["protest"]
    a = make_article(t, title="March in Kherson", published="2022-03-21", outlet="South News")
    place = _place(t, "Kherson", "Kherson", 46.64, 32.61, 706448)
    claim = Claim(id="c1", evidence=_span(t, "Hundreds of residents marched in Kherson on 20 March"),
                  source=Source("a city council member", "government", _span(t, "a city council member")),
                  cue=_span(t, "said"), certainty="reported")
    ev = Event(id="e1", evidence=_span(t, "Hundreds of residents marched in Kherson"), event_type="Protests",
               sub_event_type="Peaceful protest", actor1=Actor(_span(t, "residents"), "Protesters (Ukraine)", "UA",
                                                              "protesters", 6),
               location=place, date="2022-03-20", date_precision="day", claim_ids=["c1"], certainty="reported")
    denied = Event(id="e2", evidence=_span(t, "Soldiers fired shots into the air"),
                   event_type="Violence against civilians", sub_event_type="Attack", location=place,
                   date="2022-03-20", negated=True)
    out.append(ArticleResult(article=a, places=[place], claims=[claim], events=[ev, denied]))
    return out


@pytest.fixture
def pg_api_url(pg_schema) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh PostgreSQL schema on the server of ``SITREPS_TEST_PG_URL`` (``.ci/run`` starts one)."""
    base = os.environ.get("SITREPS_TEST_PG_URL")
    if not base:
        pytest.skip("PostgreSQL API tests skipped: SITREPS_TEST_PG_URL is unset (.ci/run sets it; "
                    "scripts/start-postgres.sh starts a server)")
    with pg_schema(base, "api") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def api_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The hand-built records in a SQLite file, and (marker ``postgres``) in a PostgreSQL schema."""
    from sitreps.store import open_store

    url = str(tmp_path / "api.db") if request.param == "sqlite" else request.getfixturevalue("pg_api_url")
    with open_store(url) as store:
        store.save_results(build_results())
    yield url


@pytest.fixture
def client(api_db: str):
    from fastapi.testclient import TestClient

    from sitreps.api import create_app

    with TestClient(create_app(api_db, token="s3cret-token")) as c:
        yield c
