"""`sitreps gazetteer build|info|lookup` and `sitreps evaluate geo` through the CLI (small data written here)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from sitreps.cli import app


def _dump(tmp_path: Path) -> Path:
    cols = ["703448", "Kyiv", "Kyiv", "Kiev,Kyjiw", "50.45466", "30.5238", "P", "PPLC", "UA", "", "12", "", "", "",
            "2952301", "", "179", "Europe/Kyiv", "2024-01-01"]
    path = tmp_path / "UA.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("UA.txt", "\t".join(cols) + "\n")
    return path


def test_gazetteer_cli_build_info_lookup(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "idx.tsv.gz"
    res = runner.invoke(app, ["gazetteer", "build", str(_dump(tmp_path)), "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote 1 entries" in res.output
    res = runner.invoke(app, ["gazetteer", "lookup", "Kiev", "--index", str(out)])
    assert res.exit_code == 0 and "703448" in res.output and "PPLC" in res.output
    res = runner.invoke(app, ["gazetteer", "lookup", "Atlantis", "--index", str(out)])
    assert res.exit_code == 1 and "no entry" in res.output
    res = runner.invoke(app, ["gazetteer", "info", "--index", str(out)])
    assert res.exit_code == 0 and "entries   1" in res.output


def test_evaluate_geo_skips_cleanly_without_data(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["evaluate", "geo", "--data", str(tmp_path / "absent")])
    assert res.exit_code == 0
    assert res.output.startswith("skipped:") and "--data" in res.output


def test_evaluate_geo_realigns_shifted_offsets_and_scores(tmp_path: Path) -> None:
    from sitreps.evaluate.geo import SetScore, _align, read_geovirus

    text = "Cases rose in Pandi, Bulacan on Sunday."
    assert _align(text, 14, 19, "Pandi") == (14, 19)
    assert _align(text, 15, 20, "Pandi") == (14, 19)  # one character late, as in GeoVirus
    assert _align(text, 30, 35, "Manila") is None
    xml = tmp_path / "gv.xml"
    xml.write_text(
        "<articles><article><text>" + text + "</text><locations><location><name>Bulacan</name>"
        "<start>22</start><end>29</end><lat>14.8</lat><lon>120.9</lon></location></locations></article></articles>",
        encoding="utf-8")
    (doc,) = list(read_geovirus(xml))
    assert [(t.start, t.end, t.text) for t in doc.toponyms] == [(21, 28, "Bulacan")]
    score = SetScore("x", errors=[0.0, 100.0, 20039.0, 500.0])
    row = score.row()
    assert row["acc161"] == 0.5 and row["median_km"] == 300.0
    assert 0.0 < row["auc"] < 1.0
