"""`sitreps link` / `sitreps export` through the CLI, and linking end to end through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from link_builders import Ev, article
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.link import run_linking
from sitreps.store import open_store

TEXT = "Ukrainian forces recaptured Rubizhne on Friday, the General Staff said."
OTHER = "Fighting goes on in Tsyrkuny, volunteers said on Saturday."


def test_link_cli_prints_report_and_json(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    with open_store(db) as s:
        s.save_results([
            article("a", TEXT, events=(Ev("Ukrainian forces recaptured Rubizhne", "Government regains territory",
                                          source=("the General Staff", "General Staff")),)),
            article("b", OTHER, "2022-05-15", "Paper Two",
                    events=(Ev("Fighting goes on in Tsyrkuny", place="Tsyrkuny", source=("volunteers", "volunteers")),)),
        ])
    runner = CliRunner()
    res = runner.invoke(app, ["link", "--db", db])
    assert res.exit_code == 0, res.output
    assert "clusters with ≥ 2 independent sources" in res.output
    assert "status" in res.output  # the example conflict: retaken vs fighting goes on
    res = runner.invoke(app, ["link", "--db", db, "--json"])
    report = json.loads(res.stdout)
    assert report["clusters"] == 1 and report["multi_source_clusters"] == 1 and report["conflicts"] == 1
    assert report["clusters_changed"] == 0  # second run: nothing new
    out = tmp_path / "c.geojson"
    res = runner.invoke(app, ["export", "--db", db, "--format", "geojson", "--clusters", "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["features"][0]["properties"]["n_sources"] == 2
    res = runner.invoke(app, ["link", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code != 0


@pytest.mark.slow
def test_link_primary_source_through_the_pipeline(pipeline, make_article, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    primary = make_article(
        "Daily assessment. Russian commanders appear to be withdrawing their remaining battalions to the east of "
        "the river. We assess that the city will stay under Ukrainian control through the summer.",
        published="2022-05-13", outlet="Center for Conflict Studies")
    secondary = make_article(
        "KHARKIV — The Center for Conflict Studies said on Friday that \"Russian commanders appear to be "
        "withdrawing their remaining battalions to the east of the river.\" Residents said the city was quiet.",
        published="2022-05-16", outlet="Wire One")
    results = list(pipeline.pipe([primary, secondary]))
    with open_store(str(tmp_path / "e2e.db")) as store:
        store.save_results(results)
        report = run_linking(store)
        claims = store.load_result(secondary.id).claims
    linked = [c for c in claims if c.primary_article_id == primary.id]
    assert report.primary_links >= 1 and linked, [c.to_dict() for c in claims]
    assert linked[0].primary_evidence is not None
    assert "withdrawing their remaining battalions" in linked[0].primary_evidence.text
