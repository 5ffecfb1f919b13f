"""Batch runner: partitions, Parquet tables, manifest, resumption, failures, engines giving the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitreps.errors import ConfigError
from sitreps.ingest.readers import ReadOptions
from sitreps.scale import batch as batch_mod
from sitreps.scale.batch import plan_partitions, read_output, read_table, run_batch

# Short reports written for these tests.
ROWS = [
    {"id": "r1", "date": "2022-05-13", "text": "Ukrainian forces recaptured Ternova on May 12, the General Staff said."},
    {"id": "r2", "date": "2022-05-14", "text": "Russian shelling killed three civilians in Kharkiv on Friday."},
    {"id": "r3", "date": "2022-05-15", "text": "Officials reported that 40 tanks were destroyed near Izium last week."},
    {"id": "r4", "date": "2022-05-16", "text": "The mayor of Mykolaiv said a missile hit a grain terminal overnight."},
    {"id": "r5", "date": "2022-05-17", "text": "Partisans claimed an attack on a rail bridge near Melitopol."},
]


def write_jsonl(path: Path, rows: list[dict[str, str]], bad_line: int | None = None) -> Path:
    lines = [json.dumps(r) for r in rows]
    if bad_line is not None:
        lines.insert(bad_line, "{this is not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def primed(pipeline, settings):
    """Reuse the session pipeline as this process's worker pipeline (the real one, loaded once)."""
    batch_mod._PIPELINES[repr(settings)] = pipeline
    yield settings
    batch_mod._PIPELINES.pop(repr(settings), None)


def test_plan_partitions_ids_are_deterministic(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS, bad_line=2)
    a = plan_partitions([str(src)], ReadOptions(), 2)
    b = plan_partitions([str(src)], ReadOptions(), 2)
    assert a == b
    assert [(s.start_row, s.n_rows) for s in a] == [(0, 2), (2, 2), (4, 2)]
    assert len({s.id for s in a}) == 3
    with pytest.raises(ConfigError, match="does not exist"):
        plan_partitions([str(tmp_path / "missing.jsonl")], ReadOptions(), 2)


@pytest.mark.slow
def test_local_batch_roundtrip_equals_single_process(tmp_path: Path, pipeline, primed, make_article) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS, bad_line=2)
    out = str(tmp_path / "out")
    report = run_batch([str(src)], out, engine="local", settings=primed, partition_size=2)
    assert report.ok and len(report.finished) == 3 and report.articles == 5 and report.read_errors == 1
    got = {r.article.id: r.to_dict() for r in read_output(out)}
    want = {}
    for row in ROWS:
        art = make_article(row["text"], published=row["date"])
        want[art.id] = pipeline.extract(art).to_dict()
    assert got == want
    errors = read_table(out, "errors")
    bad = errors[errors["stage"] == "read"]
    assert list(bad["location"]) == [f"{src}:line 3"]
    for table in ("places", "times", "quantities", "claims", "actors", "events"):
        frame = read_table(out, table)
        assert {"article_id", "evidence_start", "evidence_end", "evidence_text", "pipeline_version"} <= set(frame)
        texts = {r.article.id: r.article.text for r in read_output(out)}
        for aid, s, e, t in zip(frame["article_id"], frame["evidence_start"], frame["evidence_end"],
                                frame["evidence_text"], strict=True):
            assert texts[aid][s:e] == t
    # a re-run skips every finished partition
    again = run_batch([str(src)], out, engine="local", settings=primed, partition_size=2)
    assert again.finished == [] and len(again.skipped) == 3


@pytest.mark.slow
def test_failing_partition_is_reported_and_the_others_kept(tmp_path: Path, primed) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    good = write_jsonl(tmp_path / "a.jsonl", ROWS[:2])
    table = pa.Table.from_pylist(ROWS[2:])
    bad = tmp_path / "b.parquet"
    pq.write_table(table, bad, compression="none")
    raw = bytearray(bad.read_bytes())
    raw[4:60] = b"\xff" * 56  # the data pages are garbage, the footer (row count) still reads
    bad.write_bytes(bytes(raw))
    out = str(tmp_path / "out")
    report = run_batch([str(good), str(bad)], out, engine="local", settings=primed, partition_size=2, retries=1)
    assert len(report.finished) == 1 and len(report.failed) == 2
    assert all("b.parquet" in pid for pid in report.failed)
    assert len(list(read_output(out))) == 2
    # once the file is repaired, a re-run does only the partitions that failed
    pq.write_table(table, bad)
    again = run_batch([str(good), str(bad)], out, engine="local", settings=primed, partition_size=2)
    assert again.ok and len(again.skipped) == 1 and len(again.finished) == 2
    assert len(list(read_output(out))) == 5


@pytest.mark.slow
def test_csv_parquet_and_fsspec_inputs_give_the_same_records(tmp_path: Path, primed) -> None:
    import fsspec
    import pandas as pd

    frame = pd.DataFrame(ROWS)
    frame.to_csv(tmp_path / "in.csv", index=False)
    frame.to_parquet(tmp_path / "in.parquet")
    mem = fsspec.filesystem("memory")
    with mem.open("/sitreps-test/in.jsonl", "wb") as f:
        f.write("\n".join(json.dumps(r) for r in ROWS).encode("utf-8"))
    outs = {}
    for name, src in [("csv", str(tmp_path / "in.csv")), ("parquet", f"file://{tmp_path / 'in.parquet'}"),
                      ("jsonl", "memory://sitreps-test/in.jsonl")]:
        out = str(tmp_path / f"out-{name}")
        assert run_batch([src], out, engine="local", settings=primed, partition_size=3).ok
        outs[name] = sorted((r.to_dict() for r in read_output(out)), key=lambda d: d["article"]["id"])
    for d in outs.values():  # where a record was read from differs; everything else is the same
        for r in d:
            r["article"].pop("source_path", None)
    assert outs["csv"] == outs["parquet"] == outs["jsonl"]
    assert len(outs["csv"]) == 5
    mem.rm("/sitreps-test", recursive=True)


def test_spark_engine_without_pyspark_says_how_to_install(tmp_path: Path) -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        from sitreps.scale.spark import _require_pyspark

        with pytest.raises(ConfigError, match="pip install 'sitreps\\[spark\\]'"):
            _require_pyspark()
    else:
        pytest.skip("pyspark is installed: the dask/local equality tests cover the shared partition function")


@pytest.mark.slow
def test_dask_two_workers_equal_local(tmp_path: Path, primed) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS, bad_line=4)
    local_out, dask_out = str(tmp_path / "local"), str(tmp_path / "dask")
    assert run_batch([str(src)], local_out, engine="local", settings=primed, partition_size=2).ok
    from distributed import Client, LocalCluster

    from sitreps.scale.batch import pipelines_loaded

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report = run_batch([str(src)], dask_out, engine="dask", scheduler=cluster.scheduler_address,
                           settings=primed, partition_size=2)
        loads = client.run(pipelines_loaded)
    assert report.ok and len(report.finished) == 3
    assert sorted(loads.values()) in ([0, 1], [1, 1])  # three partitions, the models loaded once per worker
    local = [r.to_dict() for r in read_output(local_out)]
    dask = [r.to_dict() for r in read_output(dask_out)]
    assert dask == local
    assert read_table(dask_out, "errors").drop(columns=["partition"]).equals(
        read_table(local_out, "errors").drop(columns=["partition"]))


def test_folder_input_skips_files_that_are_not_documents(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", ROWS[:3])
    (tmp_path / "README.md").write_text("notes, not input\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text("x: 1\n", encoding="utf-8")
    specs = plan_partitions([str(tmp_path)], ReadOptions(), 10)
    assert [(Path(s.url).name, s.n_rows) for s in specs] == [("a.jsonl", 3)]
    with pytest.raises(ConfigError, match="--format"):
        plan_partitions([str(tmp_path / "gold.yaml")], ReadOptions(), 10)
