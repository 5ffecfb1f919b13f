"""Read endpoints: filters, pagination, the public JSON shape, the page's headers."""

from __future__ import annotations

import pytest

# Starlette's TestClient still imports an anyio alias that anyio deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")


def _keys(body):
    return sorted((i["article"]["title"], i["id"]) for i in body["items"])


def test_api_events_lists_asserted_events_newest_first(client):
    body = client.get("/api/events").json()
    assert body["ok"] is True and body["total"] == 3
    assert [i["date"] for i in body["items"]] == ["2022-05-17", "2022-05-11", "2022-03-20"]
    first = body["items"][0]
    assert first["evidence"]["text"] == "artillery struck a grain depot near Vovchansk overnight"
    assert first["lat"] == pytest.approx(50.29) and first["place"] == "Vovchansk"


def test_api_events_include_negated(client):
    body = client.get("/api/events", params={"include_negated": "true"}).json()
    assert body["total"] == 4


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"date_from": "2022-05-01"}, {"Depot hit near Vovchansk", "Bridge destroyed"}),
        ({"date_from": "2022-05-11", "date_to": "2022-05-11"}, {"Bridge destroyed"}),
        ({"date_to": "2022-04"}, {"March in Kherson"}),
        ({"bbox": "36,50,38,51"}, {"Depot hit near Vovchansk"}),
        ({"bbox": "30,45,40,49"}, {"Bridge destroyed", "March in Kherson"}),
        ({"event_type": "Battles"}, {"Bridge destroyed"}),
        ({"sub_event_type": "Peaceful protest"}, {"March in Kherson"}),
        ({"actor": "russia"}, {"Depot hit near Vovchansk"}),
        ({"source": "Analysts"}, {"Bridge destroyed"}),
        ({"source": "south news"}, {"March in Kherson"}),
        ({"certainty": "reported"}, {"Depot hit near Vovchansk", "Bridge destroyed", "March in Kherson"}),
        ({"q": "PONTOON"}, {"Bridge destroyed"}),
        ({"country": "ua", "q": "residents"}, {"March in Kherson"}),
        ({"q": "100%"}, set()),
        ({"actor": "_"}, set()),
    ],
)
def test_api_events_filters(client, params, titles):
    body = client.get("/api/events", params=params).json()
    assert {t for t, _ in _keys(body)} == titles
    assert body["total"] == len(titles)


def test_api_events_pagination_reports_total(client):
    seen = []
    for offset in (0, 1, 2, 3):
        body = client.get("/api/events", params={"limit": 1, "offset": offset}).json()
        assert body["total"] == 3 and body["limit"] == 1 and body["offset"] == offset
        seen += [i["key"] for i in body["items"]]
    assert len(seen) == 3 == len(set(seen))


def test_api_event_detail_has_claims_and_article(client):
    key = client.get("/api/events", params={"event_type": "Battles"}).json()["items"][0]["key"]
    aid, eid = key.split(":")
    body = client.get(f"/api/events/{aid}/{eid}").json()
    assert body["event"]["event_type"] == "Battles"
    assert [c["id"] for c in body["claims"]] == ["c1", "c2"]
    text = body["article"]["text"]
    for c in body["claims"]:
        ev = c["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    assert body["claims"][1]["hedges"] == ["likely"]


def test_api_article_is_the_public_json_shape(client):
    from sitreps.store import open_store

    aid = client.get("/api/articles", params={"q": "pontoon"}).json()["items"][0]["id"]
    body = client.get(f"/api/articles/{aid}").json()
    assert set(body) >= {"article", "places", "times", "quantities", "claims", "actors", "events"}
    with open_store(client.app.state.sitreps.store_url, create=False) as store:
        assert body == store.load_result(aid).to_dict()


@pytest.mark.parametrize(("path", "params", "expect"), [
    ("/api/claims", {"certainty": "hedged"}, ["the crossing likely cost the attackers dozens of vehicles"]),
    ("/api/claims", {"source": "reporters"}, ["saw smoke over the river"]),
    ("/api/claims", {"date_from": "2022-05-15"}, ["artillery struck a grain depot near Vovchansk overnight",
                                                   "saw smoke over the river"]),
])
def test_api_claims_filters(client, path, params, expect):
    body = client.get(path, params=params).json()
    assert sorted(i["evidence"]["text"] for i in body["items"]) == sorted(expect)


def test_api_sources_places_articles_clusters_timeline(client):
    sources = client.get("/api/sources", params={"q": "ministry"}).json()
    assert [s["name"] for s in sources["items"]] == ["Ministry of Defence of Ukraine"]
    places = client.get("/api/places", params={"bbox": "32,46,33,47"}).json()
    assert [p["name"] for p in places["items"]] == ["Kherson"]
    articles = client.get("/api/articles", params={"source": "frontline"}).json()
    assert [a["title"] for a in articles["items"]] == ["Bridge destroyed"] and articles["items"][0]["events"] == 1
    clusters = client.get("/api/clusters", params={"event_type": "Protests"}).json()
    assert clusters["total"] == 1 and clusters["items"][0]["place"] == "Kherson"
    days = client.get("/api/timeline", params={"date_from": "2022-05-01"}).json()["days"]
    assert [d["date"] for d in days] == ["2022-03-20", "2022-05-11", "2022-05-17"]  # date filter ignored


def test_api_openapi_document(client):
    doc = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/clusters", "/api/claims", "/api/places", "/api/sources", "/api/articles",
            "/api/articles/{article_id}"} <= set(doc["paths"])
    assert "post" in doc["paths"]["/api/articles"]
    names = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "bbox", "event_type", "actor", "source", "certainty", "q", "limit",
            "offset"} <= names


def test_page_served_with_strict_csp(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert "<script>" not in r.text  # no inline script at all
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_api_clusters_after_linking(client):
    from sitreps.link.run import run_linking

    provisional = client.get("/api/clusters").json()["items"]
    assert provisional and all(c["provisional"] for c in provisional)
    run_linking(client.app.state.sitreps.store())
    linked = client.get("/api/clusters").json()
    assert linked["total"] >= 3 and not any(c["provisional"] for c in linked["items"])
    full = {c["id"]: c for c in linked["items"]}
    compact = client.get("/api/clusters", params={"compact": "true"}).json()["items"]
    assert compact and all("conflicts" not in c and c["members"] for c in compact)
    one = client.get(f"/api/clusters/{compact[0]['id']}").json()
    assert one["ok"] and one["conflicts"] == full[one["id"]]["conflicts"] and one["members"] == compact[0]["members"]
    protests = client.get("/api/clusters", params={"event_type": "Protests"}).json()["items"]
    assert [c["place"] for c in protests] == ["Kherson"]
    missing = client.get("/api/clusters/nope")
    assert missing.status_code == 404 and missing.json()["ok"] is False


def test_api_cluster_list_items_equal_the_cluster_detail(client):
    """List items carry sources, figures and conflicts as stored (spliced in unparsed): the same values as the
    detail endpoint, which parses them."""
    from sitreps.link.run import run_linking

    run_linking(client.app.state.sitreps.store())
    r = client.get("/api/clusters", params={"limit": 1000})
    assert r.headers["content-type"] == "application/json"
    items = r.json()["items"]
    assert items and any(i["sources"] for i in items)
    for item in items:
        one = client.get(f"/api/clusters/{item['id']}").json()
        assert {k: v for k, v in one.items() if k != "ok"} == item


def test_item_json_splices_raw_json_values():
    import json

    from sitreps.api._read import _item_json
    from sitreps.store.api_queries import RawJSON

    out = _item_json({"a": 'é "quoted"', "b": RawJSON('[1, {"x": "ü"}]'), "c": None, "d": RawJSON("null")})
    assert json.loads(out) == {"a": 'é "quoted"', "b": [1, {"x": "ü"}], "c": None, "d": None}
    assert json.loads(_item_json({"only": RawJSON("{}")})) == {"only": {}}
    assert json.loads(_item_json({"plain": [1, 2]})) == {"plain": [1, 2]}
