"""``sitreps batch`` (partitioned extraction to Parquet on Dask, locally or on Spark) and ``sitreps load``
(those Parquet tables into the store, then cross-article linking). Thin wrappers over :mod:`sitreps.scale`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli import app
from .extract import (
    DateFieldOpt,
    DelimiterOpt,
    EncodingOpt,
    IdFieldOpt,
    InputFormatOpt,
    MaxCharsOpt,
    OutletFieldOpt,
    PublishedOpt,
    ReaderArgs,
    TextFieldOpt,
    TitleFieldOpt,
    UrlFieldOpt,
)


@app.command("batch")
def batch_cli(
    ctx: typer.Context,
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
    config: Annotated[str | None, typer.Option(help="Settings TOML file.")] = None,
    redo: Annotated[bool, typer.Option(help="Run every partition again, finished or not (after changing "
                                       "stages or settings without a new pipeline version).")] = False,
    # The reader options of `sitreps ingest` and `sitreps extract` (one definition, in commands/extract.py).
    published: PublishedOpt = None,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = "text",
    title_field: TitleFieldOpt = "title",
    date_field: DateFieldOpt = "date",
    url_field: UrlFieldOpt = "url",
    id_field: IdFieldOpt = "id",
    outlet_field: OutletFieldOpt = "outlet",
    max_chars: MaxCharsOpt = 5_000_000,
    csv_delimiter: DelimiterOpt = None,
    encoding: EncodingOpt = None,
    fmt: Annotated[str | None, typer.Option("--format", hidden=True,
                                            help="Old name of --input-format.")] = None,
) -> None:
    """Extract every article of INPUT... in partitions and write Parquet tables (articles, places, times,
    quantities, claims, actors, events, errors). A re-run skips finished partitions; a failing partition is
    retried, then reported, and the others are kept. Exit code 1 when a partition failed.

    Reads its inputs with the options of `sitreps ingest` (--text-field, --csv-delimiter, --encoding, ...)."""
    from click.core import ParameterSource

    from ..scale.batch import run_batch
    from ..settings import load_settings

    # --max-chars given on the command line wins over the settings file; its default does not
    given = ctx.get_parameter_source("max_chars") not in (None, ParameterSource.DEFAULT)
    settings = load_settings(config, published=published, **({"max_chars": max_chars} if given else {}))
    args = ReaderArgs(settings.published, input_format or fmt, text_field, title_field, date_field, url_field,
                      id_field, outlet_field, settings.max_chars, csv_delimiter, encoding)
    report = run_batch(inputs, output, engine=engine, settings=settings, read_options=args.options(),
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

