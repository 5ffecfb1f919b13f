"""POST /api/articles: bearer token, JSON and raw-file bodies, extraction through the real pipeline, storage."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings(
    "ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")

REPORT = ("Russian forces shelled the town of Vovchansk on Sunday, the regional governor said. "
          "Two houses were destroyed, according to local officials.")


def _client(db: str, **kwargs):
    from fastapi.testclient import TestClient

    from sitreps.api import create_app

    return TestClient(create_app(db, **kwargs))


def test_api_write_disabled_without_token(api_db, monkeypatch):
    monkeypatch.delenv("SITREPS_API_TOKEN", raising=False)
    with _client(api_db) as c:
        r = c.post("/api/articles", json={"text": REPORT}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "--token" in r.json()["error"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret-token", "Bearer "])
def test_api_write_refuses_missing_or_wrong_token(client, header):
    headers = {"Authorization": header} if header is not None else {}
    r = client.post("/api/articles", json={"text": REPORT}, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert r.json()["ok"] is False
    assert client.get("/api/articles").json()["total"] == 3


def test_api_write_token_from_environment(api_db, monkeypatch):
    monkeypatch.setenv("SITREPS_API_TOKEN", "from-env")
    with _client(api_db) as c:
        r = c.post("/api/articles", json={"text": ""}, headers={"Authorization": "Bearer from-env"})
    assert r.status_code == 422  # past the token check: the empty text is refused


@pytest.mark.parametrize("body", [{"title": "no text"}, {"text": "   \n "}, {"text": 5}])
def test_api_write_invalid_json_is_422(client, body):
    r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 422 and set(r.json()) == {"ok", "error", "status", "errors"}


@pytest.mark.slow
def test_api_write_extracts_and_stores(api_db, pipeline):
    with _client(api_db, token="t0ken", pipeline=pipeline) as c:
        auth = {"Authorization": "Bearer t0ken"}
        r = c.post("/api/articles", json={"text": REPORT, "title": "Vovchansk shelled", "published": "2022-05-15",
                                          "url": "https://example.org/a"}, headers=auth)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["ok"] and len(body["new"]) == 1
        aid = body["new"][0]
        stored = c.get(f"/api/articles/{aid}").json()
        assert stored == body["items"][0]
        assert stored["article"]["title"] == "Vovchansk shelled" and stored["claims"]
        again = c.post("/api/articles", json={"text": REPORT}, headers=auth).json()
        assert again["skipped"] == [aid] and again["new"] == []
        upload = ("Ukrainian troops repelled an assault near Bakhmut on Monday, the General Staff said.\n")
        r = c.post("/api/articles", params={"filename": "report.txt"}, content=upload.encode(),
                   headers={**auth, "Content-Type": "text/plain"})
        assert r.status_code == 201, r.text
        assert r.json()["items"][0]["article"]["text"].startswith("Ukrainian troops repelled")
        assert c.get("/api/articles").json()["total"] == 5
