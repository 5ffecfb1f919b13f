"""run_linking over a store (SQLite and PostgreSQL): near-duplicates, clusters with independent sources and
conflicts, incremental linking equal to linking at once, stable ids, primary-source links."""

from __future__ import annotations

from typing import Any

from link_builders import Ev, article
from sqlalchemy import select

from sitreps.link import run_linking
from sitreps.store import open_store, schema

BODY = (
    "Ukrainian forces recaptured the village of Rubizhne on Friday after three days of fighting, the General "
    "Staff said in its morning update. The village lies on the road that links Kharkiv to the Russian border and "
    "had been held by Russian troops since early March. Officials said about 100 armoured vehicles had been "
    "destroyed or abandoned along the river crossing west of the village during the week. Residents who stayed "
    "through the occupation described cellars crowded with neighbours and a school used as a command post. A "
    "military spokesman declined to say how many soldiers had been lost on either side. Engineers were clearing "
    "mines from the main street and the bridge, and electricity was not expected back for several weeks. Aid "
    "groups planned to bring water and medicine as soon as the road was declared safe for civilian traffic."
)
RETAKEN = "Ukrainian forces recaptured the village of Rubizhne on Friday"
VEHICLES = "about 100 armoured vehicles"

FIGHTING_TEXT = (
    "Volunteers who drove to Tsyrkuny on Saturday said fighting goes on in the fields near the village. They "
    "counted 70 armoured vehicles lost by the Russian side over the week, a lower figure than officials gave."
)


def copy_of(text: str) -> str:
    """A syndicated copy with two words edited and a credit line added."""
    return ("(Republished by Paper Two) " + text.replace("morning update", "daily update")
            .replace("several weeks", "some weeks"))


def corpus() -> dict[str, Any]:
    original = article("orig", BODY, "2022-05-14", "Wire One", (
        Ev(RETAKEN, "Government regains territory", source=("the General Staff", "General Staff of Ukraine"),
           quantities=[(VEHICLES, 100, "equipment_destroyed", "vehicles")]),
    ))
    copy_text = copy_of(BODY)
    copy = article("copy", copy_text, "2022-05-15", "Paper Two", (
        Ev(RETAKEN, "Government regains territory", quantities=[(VEHICLES, 100, "equipment_destroyed", "vehicles")]),
    ))
    fighting = article("vols", FIGHTING_TEXT, "2022-05-15", "Third Daily", (
        Ev("fighting goes on in the fields near the village", "Armed clash", place="Tsyrkuny", date="2022-05-14",
           source=("Volunteers", "volunteers"),
           quantities=[("70 armoured vehicles", 70, "equipment_destroyed", "vehicles")]),
    ))
    other_text = "A missile struck a grain terminal in Odesa on Friday, port officials said."
    strike = article("odesa", other_text, "2022-05-14", "Wire One", (
        Ev("A missile struck a grain terminal in Odesa", "Shelling/artillery/missile attack",
           "Explosions/Remote violence", place="Odesa"),
    ))
    denied_text = "Moscow denied that its troops had shelled Rubizhne on Friday."
    denied = article("denied", denied_text, "2022-05-14", "Wire One", (
        Ev("its troops had shelled Rubizhne", "Armed clash", negated=True),
    ))
    return {"orig": original, "copy": copy, "vols": fighting, "odesa": strike, "denied": denied}


def snapshot(url: str) -> dict[str, Any]:
    with open_store(url) as store, store.read() as conn:
        clusters = {r["cluster_id"]: r for r in conn.execute(select(schema.event_clusters)).mappings()}
        members = sorted(tuple(r) for r in conn.execute(select(schema.cluster_members.c.cluster_id,
                                                                schema.cluster_members.c.article_id,
                                                                schema.cluster_members.c.event_ord,
                                                                schema.cluster_members.c.source_group)))
        dups = dict(conn.execute(select(schema.articles.c.id, schema.articles.c.near_duplicate_of)).all())
    return {"clusters": {k: {c: v for c, v in r.items()} for k, r in clusters.items()}, "members": members,
            "dups": dups}


def test_link_store_finds_copies_clusters_sources_and_conflicts(store: Any) -> None:
    store.save_results(list(corpus().values()))
    report = run_linking(store)
    assert report.duplicates == 1 and report.duplicate_groups == 1
    assert report.events == 4  # the denied shelling is not an event
    assert report.clusters == 2
    snap = snapshot(store.url if store.dialect == "postgresql" else store.engine.url.database)
    assert snap["dups"]["copy"] == "orig" and snap["dups"]["orig"] is None and snap["dups"]["vols"] is None
    big = next(c for c in snap["clusters"].values() if c["n_events"] == 3)
    assert big["first_article_id"] == "orig" and big["first_reported"] == "2022-05-14"
    assert big["n_articles"] == 3
    assert big["n_sources"] == 2  # the copy counts with its original
    kinds = sorted(c["kind"] for c in big["conflicts"])
    assert kinds == ["figure", "status"]
    figure = next(c for c in big["conflicts"] if c["kind"] == "figure")
    assert sorted(s["value"] for s in figure["claims"]) == [70, 100]
    assert {s["source"] for s in figure["claims"]} == {"General Staff of Ukraine", "volunteers"}
    assert big["sub_event_type"] == "Government regains territory"
    assert big["date_first"] == "2022-05-13" and big["date_last"] == "2022-05-14"


def test_link_store_incremental_equals_at_once_and_rerun_changes_nothing(tmp_path: Any, store_url: str) -> None:
    c = corpus()
    once = str(tmp_path / "once.db")
    with open_store(once) as s:
        s.save_results(list(c.values()))
        run_linking(s)
    with open_store(store_url) as s:
        s.save_results([c["vols"], c["odesa"]])
        first = run_linking(s)
        assert first.clusters == 2
        s.save_results([c["copy"], c["denied"]])
        run_linking(s)
        s.save_results([c["orig"]])
        run_linking(s)
        again = run_linking(s)
    assert again.clusters_changed == 0 and again.duplicates_changed == 0 and again.primary_changed == 0
    assert again.signatures_new == 0
    assert snapshot(store_url) == snapshot(once)


def test_link_store_primary_source_sentence(store: Any) -> None:
    statement = (
        "Daily assessment, May 13. Ukrainian forces have likely won the battle for the city and pushed Russian "
        "units back toward the border. Russian commanders appear to be withdrawing their remaining battalions "
        "to the east of the river. We assess that Moscow will redeploy them toward Izium within days."
    )
    primary = article("isw", statement, "2022-05-13", "Center for Conflict Studies (Daily Assessment)")
    report_text = (
        "The Center for Conflict Studies said on Friday that Russian commanders appear to be withdrawing their "
        "remaining battalions to the east of the river. The think tank added that the city was quiet. A local "
        "official said Russian commanders appear to be withdrawing their remaining battalions to the east."
    )
    quoted = "Russian commanders appear to be withdrawing their remaining battalions to the east of the river"
    secondary = article("news", report_text, "2022-05-16", "Wire One")
    from link_builders import span

    from sitreps.model import Claim, Source

    secondary.claims = [
        Claim("k0", span(report_text, quoted), Source("Center for Conflict Studies"), None),
        Claim("k1", span(report_text, "the city was quiet"), Source("Center for Conflict Studies"), None),
        # Another speaker quoting the same words three days later: linked through the date window.
        Claim("k2", span(report_text, "Russian commanders appear to be withdrawing their remaining battalions to "
                                      "the east", 1), Source("a local official"), None),
    ]
    later = article("later", statement.replace("May 13", "May 20"), "2022-05-20", "Center for Conflict Studies")
    store.save_results([primary, secondary, later])
    report = run_linking(store)
    loaded = store.load_result("news")
    by_id = {c.id: c for c in loaded.claims}
    k0 = by_id["k0"]
    assert k0.primary_article_id == "isw"  # not "later": a primary comes before the report
    assert k0.primary_evidence is not None
    assert k0.primary_evidence.text == ("Russian commanders appear to be withdrawing their remaining battalions "
                                        "to the east of the river.")
    isw = store.load_result("isw").article.text
    assert isw[k0.primary_evidence.start:k0.primary_evidence.end] == k0.primary_evidence.text
    assert by_id["k1"].primary_article_id is None  # too short to link
    assert by_id["k2"].primary_article_id == "isw"  # indirect, same words, within the window
    assert report.primary_links == 2
