"""Every export format opened in its consumer: pandas (ACLED CSV), json (GeoJSON), DuckDB (Parquet), json lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from link_builders import Ev, article

from sitreps.errors import ConfigError
from sitreps.export import export
from sitreps.export.acled import ACLED_COLUMNS, disorder_type, interaction
from sitreps.link import run_linking
from sitreps.model import Actor

TEXT_A = ("Russian artillery shelled Rubizhne on Friday, killing 4 civilians, the regional governor said. "
          "Officials said Moscow denied it had shelled Vovchansk.")
TEXT_B = "Shelling hit Tsyrkuny on Friday and 5 people died, local police said."
TEXT_C = "Ukrainian troops took back Izium in May, a commander said, though no date was given."


def fill(store: Any) -> None:
    a = article("a", TEXT_A, "2022-05-14", "Wire One", (
        Ev("Russian artillery shelled Rubizhne", "Shelling/artillery/missile attack", "Explosions/Remote violence",
           actors=(("Russian artillery", "RU"),), source=("the regional governor", "Regional governor"),
           quantities=[("4 civilians", 4, "killed", "persons")], fatalities=4),
        Ev("had shelled Vovchansk", "Shelling/artillery/missile attack", "Explosions/Remote violence",
           place="Vovchansk", negated=True),
    ))
    a.events[0].actor1 = Actor(a.events[0].actor1.evidence, "Military Forces of Russia (2000-)", "RU",  # type: ignore[union-attr]
                               "state_forces", 8)
    b = article("b", TEXT_B, "2022-05-15", "Paper Two", (
        Ev("Shelling hit Tsyrkuny", "Shelling/artillery/missile attack", "Explosions/Remote violence",
           place="Tsyrkuny", source=("local police", "local police"),
           quantities=[("5 people", 5, "killed", "persons")], fatalities=5),
    ))
    c = article("c", TEXT_C, "2022-06-01", None, (
        Ev("Ukrainian troops took back Izium", "Government regains territory", place="Izium", date="2022-05",
           date_precision="month", geo_precision=1),
    ))
    store.save_results([a, b, c])
    run_linking(store)


def test_export_acled_csv_opens_in_pandas(store: Any, tmp_path: Path) -> None:
    fill(store)
    out = tmp_path / "events.csv"
    n = export(store, "acled-csv", out, clusters=True)
    df = pd.read_csv(out, parse_dates=["event_date"])
    assert n == len(df) == 3  # the denied shelling is left out
    assert list(df.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert str(df["event_date"].dtype).startswith("datetime64")
    row = df[df["sitreps_article_id"] == "a"].iloc[0]
    assert row["event_date"] == pd.Timestamp("2022-05-13")
    assert row["year"] == 2022 and row["time_precision"] == 1
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Military Forces of Russia (2000-)" and row["inter1"] == 8 and row["interaction"] == 80
    assert row["country"] == "Ukraine" and row["iso"] == 804 and row["location"] == "Rubizhne"
    assert row["fatalities"] == 4 and row["source"] == "Regional governor; Wire One"
    assert row["notes"] == "Russian artillery shelled Rubizhne"
    month = df[df["sitreps_article_id"] == "c"].iloc[0]
    assert month["time_precision"] == 3 and month["event_date"] == pd.Timestamp("2022-05-01")
    # a and b are one shelling seen by two independent sources.
    assert df.loc[df["sitreps_article_id"] == "a", "sitreps_cluster_id"].iloc[0] == \
        df.loc[df["sitreps_article_id"] == "b", "sitreps_cluster_id"].iloc[0]
    assert row["sitreps_cluster_sources"] == 2


def test_export_geojson_events_and_clusters(store: Any, tmp_path: Path) -> None:
    fill(store)
    for clusters, expected in ((False, 3), (True, 2)):
        out = tmp_path / f"x{clusters}.geojson"
        assert export(store, "geojson", out, clusters=clusters) == expected
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection"
        assert len(data["features"]) == expected
        for f in data["features"]:
            assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
            lon, lat = f["geometry"]["coordinates"]
            assert 22 < lon < 41 and 44 < lat < 53  # [lon, lat] order, inside Ukraine
            assert isinstance(f["properties"], dict)
    shelling = next(f for f in data["features"] if f["properties"]["n_events"] == 2)
    assert shelling["properties"]["n_sources"] == 2
    assert shelling["properties"]["n_conflicts"] == 0  # 4 and 5 dead: within tolerance


def test_export_parquet_queried_with_duckdb(store: Any, tmp_path: Path) -> None:
    fill(store)
    out = tmp_path / "tables"
    export(store, "parquet", out)
    con = duckdb.connect()
    for name in ("articles", "events", "claims", "event_clusters", "cluster_members"):
        con.register(name, con.read_parquet(str(out / f"{name}.parquet")))
    assert con.execute("SELECT count(*) FROM events").fetchone() == (4,)  # every stored event, flags included
    rows = con.execute(
        "SELECT e.article_id, m.cluster_id, c.n_sources FROM events e "
        "JOIN cluster_members m ON m.article_id = e.article_id AND m.event_ord = e.ord "
        "JOIN event_clusters c USING (cluster_id) ORDER BY e.article_id").fetchall()
    assert [(r[0], r[2]) for r in rows] == [("a", 2), ("b", 2), ("c", 1)]
    names = con.execute("SELECT json_extract_string(location, '$.name') FROM events ORDER BY article_id, ord")
    assert names.fetchall()[0] == ("Rubizhne",)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    assert con.execute("SELECT count(*) FROM claims").fetchone() == (2,)


def test_export_jsonl_rereads_as_article_results(store: Any, tmp_path: Path) -> None:
    fill(store)
    out = tmp_path / "results.jsonl"
    assert export(store, "jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {d["article"]["id"]: d for d in lines}
    assert set(by_id) == {"a", "b", "c"}
    assert by_id["a"] == store.load_result("a").to_dict()
    ev = by_id["a"]["events"][0]["evidence"]
    assert by_id["a"]["article"]["text"][ev["start"]:ev["end"]] == ev["text"]
    cl = tmp_path / "clusters.jsonl"
    assert export(store, "jsonl", cl, clusters=True) == 2


def test_export_rejects_unknown_format_and_missing_folder(store: Any, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "x")
    with pytest.raises(ConfigError, match="does not exist"):
        export(store, "jsonl", tmp_path / "missing" / "x.jsonl")


def test_export_acled_codes() -> None:
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    assert interaction(1, 8) == 18 and interaction(8, 1) == 18 and interaction(1, None) == 10
    assert interaction(None, None) is None


def test_export_acled_row_for_a_place_the_gazetteer_lacks(store: Any, tmp_path: Path) -> None:
    from sitreps.model import Place, Span

    text = "A drone struck the village of Zhovtobrynka on Friday, the district head said."
    d = article("d", text, "2022-05-14", "Wire One", (
        Ev("A drone struck the village of Zhovtobrynka", "Air/drone strike", "Explosions/Remote violence",
           place=None),
    ))
    at = text.index("Zhovtobrynka")
    d.events[0].location = Place(evidence=Span.of(text, at, at + 12), role="event_location", precision="town")
    d.events[0].geo_precision = 1
    store.save_results([d])
    out = tmp_path / "events.csv"
    assert export(store, "acled-csv", out) == 1
    row = pd.read_csv(out).iloc[0]
    assert row["location"] == "Zhovtobrynka"  # named as written
    assert pd.isna(row["latitude"]) and pd.isna(row["longitude"])  # and no point
    geo = tmp_path / "events.geojson"
    export(store, "geojson", geo)
    assert json.loads(geo.read_text())["features"] == []  # nothing to put on a map


def _fill_with_an_act(store: Any) -> None:
    """As :func:`fill`, but the police claim of article b is an act (``Claim.speech`` False)."""
    a = article("a", TEXT_A, "2022-05-14", "Wire One", (
        Ev("Russian artillery shelled Rubizhne", "Shelling/artillery/missile attack", "Explosions/Remote violence",
           source=("the regional governor", "Regional governor")),))
    b = article("b", TEXT_B, "2022-05-15", "Paper Two", (
        Ev("Shelling hit Tsyrkuny", "Shelling/artillery/missile attack", "Explosions/Remote violence",
           place="Tsyrkuny", source=("local police", "local police")),))
    b.claims[0].speech = False
    c = article("c", TEXT_C, "2022-06-01", None, (Ev("Ukrainian troops took back Izium", place="Izium"),))
    store.save_results([a, b, c])


def test_export_formats_carry_the_speech_flag(store: Any, tmp_path: Path) -> None:
    _fill_with_an_act(store)
    export(store, "acled-csv", tmp_path / "e.csv")
    df = pd.read_csv(tmp_path / "e.csv", dtype={"sitreps_speech": str})
    flags = dict(zip(df["sitreps_article_id"], df["sitreps_speech"], strict=True))
    assert flags["a"] == "True" and flags["b"] == "False"
    assert pd.isna(flags["c"])  # no claim: no flag
    export(store, "geojson", tmp_path / "e.geojson")
    features = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]
    by_article = {f["properties"]["article_id"]: f["properties"]["speech"] for f in features}
    assert by_article == {"a": True, "b": False, "c": None}
    export(store, "parquet", tmp_path / "tables")
    con = duckdb.connect()
    con.register("claims", con.read_parquet(str(tmp_path / "tables" / "claims.parquet")))
    assert con.execute("SELECT article_id, speech FROM claims ORDER BY article_id").fetchall() == [
        ("a", True), ("b", False)]
    export(store, "jsonl", tmp_path / "r.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {d["article"]["id"]: [c["speech"] for c in d["claims"]] for d in lines} == {
        "a": [True], "b": [False], "c": []}
