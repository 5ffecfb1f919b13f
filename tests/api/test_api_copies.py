"""A near-duplicate copy (syndicated, lightly edited) repeats its original's events: the API counts them once
unless ``include_copies=true`` asks for every copy."""

from __future__ import annotations

import dataclasses

import pytest

# Starlette's TestClient still imports anyio's deprecated alias: not ours to fix (as in the other API tests)
pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")


def _result(text: str, title: str, copy_of: str | None = None):
    from sitreps.ingest import make_article
    from sitreps.model import ArticleResult, Event, Place, Span

    article = make_article(text, title=title, published="2022-05-12", outlet="Demo Wire")
    article = dataclasses.replace(article, near_duplicate_of=copy_of)
    start = text.index("Shelling")
    where = text.index("Kupiansk")
    place = Place(evidence=Span.of(text, where, where + len("Kupiansk")), geonameid=704508, name="Kupiansk",
                  feature_class="P", feature_code="PPL", country_code="UA", lat=49.71, lon=37.61,
                  role="event_location", precision="town", score=0.9)
    event = Event(id="e1", evidence=Span.of(text, start, text.index(".") + 1), event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", location=place, date="2022-05-11",
                  date_precision="day", time_precision=1)
    return ArticleResult(article=article, places=[place], events=[event])


@pytest.fixture
def copies_client(tmp_path):
    from fastapi.testclient import TestClient

    from sitreps.api import create_app
    from sitreps.store import open_store

    original = _result("Shelling hit the centre of Kupiansk on Wednesday, officials said.", "Original report")
    copy = _result("Shelling hit the centre of Kupiansk on Wednesday, officials told us.", "Syndicated copy",
                   copy_of=original.article.id)
    url = f"sqlite:///{tmp_path / 'copies.db'}"
    with open_store(url) as store:
        store.save_results([original, copy])
    with TestClient(create_app(url)) as c:
        yield c


def test_api_events_count_a_copy_once(copies_client):
    body = copies_client.get("/api/events").json()
    assert body["total"] == 1
    assert [e["article"]["title"] for e in body["items"]] == ["Original report"]


def test_api_events_include_copies_on_request(copies_client):
    body = copies_client.get("/api/events", params={"include_copies": "true"}).json()
    assert body["total"] == 2
