"""``sitreps batch`` (partitioned extraction to Parquet on Dask, locally or on Spark) and ``sitreps load``
(those Parquet tables into the store, then cross-article linking). Thin wrappers over :mod:`sitreps.scale`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import app


@app.command("batch")
def batch_cli(
    inputs: Annotated[list[str], typer.Argument(
        help="JSONL, CSV or Parquet files, folders or globs; local paths or fsspec URLs (file://, s3://, ...).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Output folder (or fsspec URL): "
                                        "<table>/part-<partition>.parquet and _manifest.json.")],
    engine: Annotated[str, typer.Option(help="dask (default: a local cluster, or --scheduler), local (this "
                                        "process) or spark (needs pyspark).")] = "dask",
    workers: Annotated[int, typer.Option(help="Worker processes of the local Dask cluster.")] = 2,
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler "
                                                  "(tcp://host:8786) instead of a local cluster.")] = None,
    partition_size: Annotated[int, typer.Option(help="Articles per partition (the unit of work, retry and "
                                                "resumption).")] = 64,
    retries: Annotated[int, typer.Option(help="Retries of a failing partition before it is reported.")] = 2,
    fmt: Annotated[str | None, typer.Option("--format", help="jsonl, csv, parquet, txt or html "
                                            "(default: by extension).")] = None,
    text_field: Annotated[str, typer.Option(help="Field/column holding the text.")] = "text",
    title_field: Annotated[str, typer.Option(help="Field/column holding the title.")] = "title",
    date_field: Annotated[str, typer.Option(help="Field/column holding the publication date.")] = "date",
    url_field: Annotated[str, typer.Option(help="Field/column holding the URL.")] = "url",
    id_field: Annotated[str, typer.Option(help="Field/column holding your own id (kept in meta).")] = "id",
    outlet_field: Annotated[str, typer.Option(help="Field/column holding the outlet.")] = "outlet",
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) for records without one.")] = None,
    config: Annotated[str | None, typer.Option(help="Settings TOML file.")] = None,
    redo: Annotated[bool, typer.Option(help="Run every partition again, finished or not (after changing "
                                       "stages or settings without a new pipeline version).")] = False,
) -> None:
    """Extract every article of INPUT... in partitions and write Parquet tables (articles, places, times,
    quantities, claims, actors, events, errors). A re-run skips finished partitions; a failing partition is
    retried, then reported, and the others are kept. Exit code 1 when a partition failed."""
    from ..ingest.readers import ReadOptions
    from ..scale.batch import run_batch
    from ..settings import load_settings

    settings = load_settings(config, published=published)
    options = ReadOptions(text_field=text_field, title_field=title_field, date_field=date_field,
                          url_field=url_field, id_field=id_field, outlet_field=outlet_field, format=fmt,
                          published=settings.published, max_chars=settings.max_chars)
    report = run_batch(inputs, output, engine=engine, settings=settings, read_options=options,
                       partition_size=partition_size, workers=workers, scheduler=scheduler, retries=retries,
                       redo=redo)
    typer.echo(f"partitions: {len(report.finished)} finished, {len(report.skipped)} skipped (already done), "
               f"{len(report.failed)} failed; articles: {report.articles}; unreadable records: "
               f"{report.read_errors} (see {output}/errors)")
    for pid, error in sorted(report.failed.items()):
        typer.secho(f"failed: {pid}: {error}", fg=typer.colors.RED, err=True)
    if report.failed:
        typer.secho("run the same command again to retry the failed partitions only", err=True)
        raise typer.Exit(1)


@app.command("load")
def load_cli(
    folder: Annotated[str, typer.Argument(help="Output folder of `sitreps batch`.")],
    db: Annotated[str, typer.Option("--db", envvar="SITREPS_DB",
                                    help="SQLite file or database URL (postgresql://...).")],
    chunk: Annotated[int, typer.Option(help="Articles saved per transaction.")] = 500,
    link: Annotated[bool, typer.Option(help="Run cross-article linking after loading.")] = True,
) -> None:
    """Load the Parquet tables written by `sitreps batch` into the store, then run cross-article linking."""
    from ..scale.batch import read_output
    from ..store import open_store

    new = replaced = skipped = 0
    with open_store(db) as store:
        batch = []
        for result in read_output(folder):
            batch.append(result)
            if len(batch) >= chunk:
                rep = store.save_results(batch)
                new, replaced, skipped = new + len(rep.new), replaced + len(rep.replaced), skipped + len(rep.skipped)
                batch = []
        if batch:
            rep = store.save_results(batch)
            new, replaced, skipped = new + len(rep.new), replaced + len(rep.replaced), skipped + len(rep.skipped)
        typer.echo(f"articles: {new} new, {replaced} replaced, {skipped} already stored")
        if link:
            try:
                from ..link import run_linking
            except ImportError:
                typer.echo("cross-article linking is not available in this build; skipped")
                return
            report = run_linking(store)
            typer.echo(f"linking: {report.articles} articles, {report.clusters} event clusters, "
                       f"{report.conflicts} conflicts")

