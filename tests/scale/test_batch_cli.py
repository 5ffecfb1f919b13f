"""`sitreps batch` then `sitreps load`: Parquet tables into the store, the same results as in the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitreps.scale import batch as batch_mod

REPORTS = [
    {"date": "2022-09-08", "text": "Ukrainian troops entered Balakliia on Thursday, the General Staff said."},
    {"date": "2022-09-10", "text": "Russian units withdrew from Izium after a rapid advance by Ukrainian forces."},
    {"date": "2022-09-11", "text": "Officials in Kharkiv said 20 settlements were retaken in a single day."},
]


@pytest.mark.slow
def test_batch_then_load_into_store(tmp_path: Path, pipeline, settings) -> None:
    from typer.testing import CliRunner

    from sitreps.cli import app
    from sitreps.store import open_store

    batch_mod._PIPELINES[repr(settings)] = pipeline  # the session's pipeline serves as this process's worker
    try:
        src = tmp_path / "reports.jsonl"
        src.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n{broken\n", encoding="utf-8")
        out, db = tmp_path / "out", tmp_path / "store.db"
        runner = CliRunner()
        first = runner.invoke(app, ["batch", str(src), "--output", str(out), "--engine", "local",
                                    "--partition-size", "2"])
        assert first.exit_code == 0, first.output
        assert "2 finished, 0 skipped" in first.output and "articles: 3" in first.output
        assert "unreadable records: 1" in first.output
        again = runner.invoke(app, ["batch", str(src), "--output", str(out), "--engine", "local",
                                    "--partition-size", "2"])
        assert "0 finished, 2 skipped" in again.output
        redone = runner.invoke(app, ["batch", str(src), "--output", str(out), "--engine", "local",
                                     "--partition-size", "2", "--redo"])
        assert "2 finished, 0 skipped" in redone.output
        loaded = runner.invoke(app, ["load", str(out), "--db", str(db), "--no-link"])
        assert loaded.exit_code == 0, loaded.output
        assert "articles: 3 new" in loaded.output
        expected = {r.article.id: r.to_dict() for r in batch_mod.read_output(str(out))}
        with open_store(str(db)) as store:
            assert sorted(store.article_ids()) == sorted(expected)
            for aid, want in expected.items():
                assert store.load_result(aid).to_dict() == want
        bad_engine = runner.invoke(app, ["batch", str(src), "--output", str(out), "--engine", "hadoop"])
        assert bad_engine.exit_code != 0 and "unknown engine" in str(bad_engine.exception)
    finally:
        batch_mod._PIPELINES.pop(repr(settings), None)
