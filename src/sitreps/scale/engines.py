"""Engines: where :func:`~sitreps.scale.batch.run_partition` runs. Each is a thin loop over the same function.

An engine takes ``(specs, job, on_done)``, calls ``on_done(spec, counts)`` in the driver for every finished
partition (the driver writes the manifest: one writer, no races) and returns ``{partition id: error}`` for the
partitions that still failed after their retries. One failing partition never stops the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ..errors import ConfigError, SitrepsError
from .batch import BatchJob, Engine, PartitionSpec, run_partition

log = logging.getLogger(__name__)
ENGINES = ("dask", "local", "spark")
OnDone = Callable[[PartitionSpec, dict[str, Any]], None]


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, SitrepsError) else f"{type(exc).__name__}: {exc}"


def run_local(specs: list[PartitionSpec], job: BatchJob, on_done: OnDone, *, retries: int = 2) -> dict[str, str]:
    """In this process, one partition after the other; the same retries as the distributed engines."""
    failed: dict[str, str] = {}
    for spec in specs:
        for attempt in range(retries + 1):
            try:
                counts = run_partition(spec, job)
            except Exception as exc:  # noqa: BLE001 - any failure of one partition is reported, others go on
                log.warning("partition %s failed (attempt %d of %d): %s", spec.id, attempt + 1, retries + 1,
                            _describe(exc))
                if attempt == retries:
                    failed[spec.id] = _describe(exc)
            else:
                on_done(spec, counts)
                break
    return failed


def run_dask(specs: list[PartitionSpec], job: BatchJob, on_done: OnDone, *, workers: int = 2,
             scheduler: str | None = None, retries: int = 2) -> dict[str, str]:
    """On Dask distributed: a LocalCluster of ``workers`` single-threaded processes, or an existing scheduler.

    Single-threaded worker processes because spaCy holds the GIL for most of its work: processes, not
    threads, scale it. Each worker loads the models once (see :func:`~sitreps.scale.batch.worker_pipeline`).
    """
    # distributed ships no type hints: its objects are Any here
    import distributed

    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    as_completed: Any = distributed.as_completed

    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    failed: dict[str, str] = {}
    try:
        futures = {client.submit(run_partition, spec, job, key=f"sitreps-partition-{spec.id}", pure=False,
                                 retries=retries): spec for spec in specs}
        for fut in as_completed(list(futures)):
            spec = futures[fut]
            if fut.status == "finished":
                on_done(spec, fut.result())
            else:
                exc = fut.exception()
                failed[spec.id] = _describe(exc) if exc is not None else fut.status
                log.warning("partition %s failed after %d retries: %s", spec.id, retries, failed[spec.id])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return failed


def get_engine(name: str, *, workers: int = 2, scheduler: str | None = None, retries: int = 2) -> Engine:
    """The engine called ``name`` with its options bound."""
    if name == "local":
        return lambda specs, job, on_done: run_local(specs, job, on_done, retries=retries)
    if name == "dask":
        return lambda specs, job, on_done: run_dask(specs, job, on_done, workers=workers, scheduler=scheduler,
                                                    retries=retries)
    if name == "spark":
        from .spark import run_spark

        return lambda specs, job, on_done: run_spark(specs, job, on_done, retries=retries)
    raise ConfigError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")
