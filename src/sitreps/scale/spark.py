"""A thin Spark adapter: ``mapInPandas`` over the same :func:`~sitreps.scale.batch.run_partition`.

pyspark is optional (``pip install 'sitreps[spark]'``) and imported only here, only when this engine runs.
Each Spark task runs whole partitions; the executor's Python worker keeps the loaded pipeline between
partitions through the same per-process cache as Dask workers. Spark's own task retries apply on top of ours.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import ConfigError
from .batch import BatchJob, PartitionSpec, run_partition

INSTALL_HINT = ("the spark engine needs pyspark, which is not installed: `pip install 'sitreps[spark]'` "
                "(or `pip install pyspark==4.0.0` and a Java 17+ runtime); or use --engine dask")


def _require_pyspark() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError(INSTALL_HINT) from exc
    return SparkSession


def partition_mapper(job: BatchJob, retries: int) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The function given to ``mapInPandas``: spec rows in, one report row per partition out."""

    def mapper(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for frame in frames:
            out = []
            for raw in frame["spec"]:
                spec = PartitionSpec(**json.loads(raw))
                error = report = None
                for _attempt in range(retries + 1):
                    try:
                        report = json.dumps(run_partition(spec, job))
                    except Exception as exc:  # noqa: BLE001 - reported per partition, others go on
                        error = f"{type(exc).__name__}: {exc}"
                    else:
                        error = None
                        break
                out.append({"partition": spec.id, "report": report, "error": error})
            yield pd.DataFrame(out, columns=["partition", "report", "error"])

    return mapper


def run_spark(specs: list[PartitionSpec], job: BatchJob,
              on_done: Callable[[PartitionSpec, dict[str, Any]], None], *, retries: int = 2,
              spark: Any = None) -> dict[str, str]:
    session_cls = _require_pyspark()
    spark = spark or session_cls.builder.appName("sitreps-batch").getOrCreate()
    rows = [(json.dumps(dataclasses.asdict(s)),) for s in specs]
    frame = spark.createDataFrame(rows, "spec string").repartition(max(1, len(specs)))
    result = frame.mapInPandas(partition_mapper(job, retries),
                               "partition string, report string, error string").collect()
    by_id = {s.id: s for s in specs}
    failed: dict[str, str] = {}
    for row in result:
        if row["error"] is not None:
            failed[row["partition"]] = row["error"]
        else:
            on_done(by_id[row["partition"]], json.loads(row["report"]))
    return failed
