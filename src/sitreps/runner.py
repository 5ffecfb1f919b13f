"""Read → pipeline → output, in batches: the library behind ``sitreps extract`` and ``sitreps ingest``.

Why a module of its own: the CLI, the demo and tests (and later the API's upload endpoint) need the same loop
— stream documents from the readers, keep per-document errors apart from results, run spaCy in batches, and
(for ingest) write one transaction per batch so that a crash loses at most the batch in flight.

The pipeline is loaded lazily (``load`` is called only when a batch has something new to extract): running
``ingest`` again over stored articles never loads spaCy at all.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError
from .model import PIPELINE_VERSION, Article, ArticleResult

if TYPE_CHECKING:
    from .ingest.readers import ReadOptions
    from .pipeline import Pipeline
    from .store import Store

STDIN = "-"
PipelineLoader = Callable[[], "Pipeline"]


@dataclass
class IngestSummary:
    """What an ingest run did. ``read`` counts documents read; each lands in exactly one of new / replaced /
    already_stored / duplicates."""

    read: int = 0
    new: int = 0
    replaced: int = 0
    already_stored: int = 0  # stored before by this pipeline version: not extracted again
    duplicates: int = 0  # the same text twice in this run
    batches: int = 0
    records: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)
    stage_errors: int = 0  # articles where some stage failed (the rest of their records are kept)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def read_inputs(paths: Sequence[str | Path], options: ReadOptions | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """Documents from files, directories and globs; ``-`` reads standard input (format from ``--format``,
    else sniffed by the reader)."""
    from .ingest.readers import ReadOptions, read_document_bytes, read_documents

    options = options or ReadOptions()
    files = [p for p in paths if str(p) != STDIN]
    if len(files) != len(paths):
        data = (stdin or sys.stdin.buffer).read()
        yield from read_document_bytes(data, "<stdin>", options)
    if files:
        yield from read_documents(files, options)


def _batches(items: Iterable[Article | InputError], size: int) -> Iterator[tuple[list[Article], list[InputError]]]:
    """Group articles into batches of ``size``; errors travel with the batch they were met in."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        articles.append(item)
        if len(articles) >= size:
            yield articles, errors
            articles, errors = [], []
    if articles or errors:
        yield articles, errors


def extract_documents(items: Iterable[Article | InputError], load: PipelineLoader,
                      batch_size: int = 32) -> Iterator[ArticleResult | InputError]:
    """Extract from every article; pass errors through (each before the results of its batch)."""
    pipeline: Pipeline | None = None
    for articles, errors in _batches(items, batch_size):
        yield from errors
        if articles:
            pipeline = pipeline or load()
            yield from pipeline.pipe(articles, batch_size=batch_size)


def ingest_documents(items: Iterable[Article | InputError], store: Store, load: PipelineLoader,
                     batch_size: int = 64,
                     on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Extract and store every article not yet stored by this pipeline version, one transaction per batch.

    Articles already stored are skipped *before* extraction (cheap idempotence); unreadable documents are
    counted, kept in ``ingest_errors`` and never stop the run. ``on_batch`` sees the running summary after
    every committed batch (for a progress bar).
    """
    summary = IngestSummary()
    pipeline: Pipeline | None = None
    seen: set[str] = set()
    for articles, errors in _batches(items, batch_size):
        summary.read += len(articles)
        fresh: list[Article] = []
        for a in articles:
            if a.id in seen:
                summary.duplicates += 1
            else:
                seen.add(a.id)
                fresh.append(a)
        stored = store.stored_versions(a.id for a in fresh)
        todo = [a for a in fresh if not store.is_current(stored.get(a.id), PIPELINE_VERSION)]
        summary.already_stored += len(fresh) - len(todo)
        if todo:
            pipeline = pipeline or load()
            results = list(pipeline.pipe(todo, batch_size=batch_size))
            summary.stage_errors += sum(1 for r in results if r.errors)
            report = store.save_results(results)
            summary.new += len(report.new)
            summary.replaced += len(report.replaced)
            summary.already_stored += len(report.skipped)  # stored meanwhile by another process
            summary.records.update(report.records)
        if errors:
            store.record_errors(errors)
            summary.errors.extend(errors)
        summary.batches += 1
        if on_batch is not None:
            on_batch(summary)
    return summary


def default_loader(**overrides: object) -> PipelineLoader:
    """A loader for the default pipeline (settings from the environment / config, plus ``overrides``)."""

    def load() -> Pipeline:
        from .pipeline import load_pipeline

        return load_pipeline(None, **overrides)

    return load
