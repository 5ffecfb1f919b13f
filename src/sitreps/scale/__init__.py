"""Scale: the same per-article pipeline over millions of articles, and faster on one core.

* :mod:`~sitreps.scale.batch` - partitions, the one partition function every engine runs, Parquet output with
  a manifest (re-runs skip finished partitions), :func:`read_output` to rebuild the results;
* :mod:`~sitreps.scale.engines` - local, Dask distributed; :mod:`~sitreps.scale.spark` - a thin Spark adapter;
* :mod:`~sitreps.scale.selective` - parser and NER only on the sentences that need them.

Nothing heavy is imported here.
"""

from __future__ import annotations

from .batch import BatchReport, read_output, read_table, run_batch

__all__ = ["BatchReport", "read_output", "read_table", "run_batch"]
