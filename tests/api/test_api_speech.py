"""``speech=`` on /api/claims and /api/sources: claims someone says or thinks, or acts and intentions.
Records built by hand (texts written for these tests), saved through the real store, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

# Starlette's TestClient still imports an anyio alias that anyio deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")

TEXT = ("The mayor said the ferry runs again. The council refused to pay for a second ferry. "
        "Fishermen want the old pier rebuilt.")


def _span(needle: str):
    from sitreps.model import Span

    start = TEXT.index(needle)
    return Span.of(TEXT, start, start + len(needle))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def speech_client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from sitreps.api import create_app
    from sitreps.ingest import make_article
    from sitreps.model import ArticleResult, Claim, Source
    from sitreps.store import open_store

    url = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("pg_schema_url")
    art = make_article(TEXT, title="Ferry", published="2022-06-01", outlet="Harbour News")
    claims = [
        Claim("c0", _span("the ferry runs again"), Source("mayor", "government", _span("The mayor")), _span("said")),
        Claim("c1", _span("to pay for a second ferry"), Source("council", "government", _span("The council")),
              _span("refused"), speech=False),
        Claim("c2", _span("the old pier rebuilt"), Source("Fishermen", "unknown", _span("Fishermen")), _span("want"),
              speech=False),
    ]
    with open_store(url) as store:
        store.save_results([ArticleResult(article=art, claims=claims)])
    with TestClient(create_app(url, token="s3cret-token")) as c:
        c.store_url = url  # type: ignore[attr-defined]
        yield c


def _contents(client, **params) -> list[str]:
    body = client.get("/api/claims", params=params).json()
    assert body["total"] == len(body["items"])
    return sorted(i["evidence"]["text"] for i in body["items"])


def test_api_claims_speech_filter(speech_client):
    assert _contents(speech_client, speech="true") == ["the ferry runs again"]
    assert _contents(speech_client, speech="false") == ["the old pier rebuilt", "to pay for a second ferry"]
    assert len(_contents(speech_client)) == 3
    items = speech_client.get("/api/claims").json()["items"]
    assert {i["id"]: i["speech"] for i in items} == {"c0": True, "c1": False, "c2": False}
    sources = speech_client.get("/api/sources", params={"speech": "false"}).json()["items"]
    assert sorted(s["name"] for s in sources) == ["Fishermen", "council"]


def test_api_claims_stored_before_the_flag_count_as_speech(speech_client):
    from sitreps.store import open_store

    with open_store(speech_client.store_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE claims SET speech = NULL WHERE claim_id = 'c1'"))
    assert _contents(speech_client, speech="true") == ["the ferry runs again", "to pay for a second ferry"]
    assert _contents(speech_client, speech="false") == ["the old pier rebuilt"]


def test_api_speech_filter_rejects_a_non_boolean(speech_client):
    r = speech_client.get("/api/claims", params={"speech": "maybe"})
    assert r.status_code == 422
