"""One JSON error shape everywhere, and SQL in a filter never reaching the database as SQL."""

from __future__ import annotations

import pytest

# Starlette's TestClient still imports an anyio alias that anyio deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")

SHAPE = {"ok", "error", "status", "errors"}


def _assert_error(r, status):
    assert r.status_code == status
    body = r.json()
    assert set(body) == SHAPE and body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"] and isinstance(body["errors"], list)
    return body


@pytest.mark.parametrize(("method", "path", "params", "status"), [
    ("get", "/api/nowhere", {}, 404),
    ("get", "/api/articles/ffffffffffff", {}, 404),
    ("get", "/api/events/ffffffffffff/e1", {}, 404),
    ("delete", "/api/events", {}, 405),
    ("get", "/api/events", {"limit": "0"}, 422),
    ("get", "/api/events", {"limit": "many"}, 422),
    ("get", "/api/events", {"offset": "-1"}, 422),
    ("get", "/api/events", {"date_from": "yesterday"}, 422),
    ("get", "/api/events", {"date_from": "2022-06-01", "date_to": "2022-05-01"}, 422),
    ("get", "/api/events", {"bbox": "1,2,3"}, 422),
    ("get", "/api/events", {"bbox": "a,b,c,d"}, 422),
    ("get", "/api/events", {"bbox": "0,95,1,96"}, 422),
    ("get", "/api/claims", {"country": "UKR"}, 422),
    ("post", "/api/articles", {}, 401),
])
def test_api_error_shape(client, method, path, params, status):
    body = _assert_error(getattr(client, method)(path, params=params), status)
    if status == 422:
        assert body["errors"] and all("param" in e for e in body["errors"])


def test_api_error_shape_on_internal_error(api_db, tmp_path):
    from fastapi.testclient import TestClient

    from sitreps.api import create_app

    # A database file that is not a database: opening it fails inside the request.
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not SQLite" * 100)
    with TestClient(create_app(str(bad)), raise_server_exceptions=False) as c:
        body = _assert_error(c.get("/api/events"), 500)
        assert "not-a-db.db" in body["error"]


INJECTIONS = [
    "'; DROP TABLE events; --",
    "\" OR 1=1 --",
    "x') UNION SELECT id, text FROM articles --",
    "%' OR '1'='1",
    "1; DELETE FROM claims",
]
_EVENT_FILTERS = ["event_type", "sub_event_type", "actor", "source", "certainty", "q", "article_id"]
# The text filters each endpoint applies (others are accepted and ignored where they mean nothing).
TEXT_FILTERS = {
    "/api/events": _EVENT_FILTERS,
    "/api/clusters": _EVENT_FILTERS,
    "/api/timeline": _EVENT_FILTERS,
    "/api/claims": ["source", "certainty", "q", "article_id"],
    "/api/sources": ["source", "certainty", "q", "article_id"],
    "/api/places": ["q", "article_id"],
    "/api/articles": ["q", "source"],
}


@pytest.mark.parametrize("value", INJECTIONS)
def test_api_sql_in_filters_is_only_text(client, value):
    from sqlalchemy import inspect

    for path, names in TEXT_FILTERS.items():
        for name in names:
            r = client.get(path, params={name: value})
            assert r.status_code == 200, (path, name, r.text)
            body = r.json()
            assert body.get("items", body.get("days")) == [] and body.get("total", 0) == 0, (path, name)
    r = client.get(f"/api/articles/{value}")
    assert r.status_code == 404
    store = client.app.state.sitreps.store()
    with store.read() as conn:
        assert {"events", "claims", "articles"} <= set(inspect(conn).get_table_names())
    assert store.counts()["events"] == 4 and store.counts()["claims"] == 5
