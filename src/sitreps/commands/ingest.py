"""`sitreps ingest`: read documents, extract, and store the records (SQLite file or PostgreSQL URL)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

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
    PathsArg,
    PublishedOpt,
    ReaderArgs,
    TextFieldOpt,
    TitleFieldOpt,
    UrlFieldOpt,
    report_error,
)

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from ..runner import IngestSummary

DbOpt = Annotated[str, typer.Option(
    "--db", envvar="SITREPS_DB", help="Database: a SQLite file (created if missing), sqlite:///FILE, or "
    "postgresql://user@host:port/dbname. Also read from SITREPS_DB.", show_default=False)]


def ingest_paths(paths: list[str] | list[Path], db: str, args: ReaderArgs, batch_size: int,
                 console: Console) -> IngestSummary:
    """Ingest with a progress bar on ``console`` (hidden when it is not a terminal); errors go to stderr."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from ..runner import default_loader, ingest_documents, read_inputs
    from ..store import open_store

    with open_store(db) as store, Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
        TextColumn("{task.fields[line]}"), TimeElapsedColumn(), console=console, transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=None, line="")
        reported = 0

        def on_batch(s: IngestSummary) -> None:
            nonlocal reported
            for err in s.errors[reported:]:
                if console.is_terminal:  # print above the live bar, not through it
                    progress.console.print(Text(f"error: {err}", style="red"))
                else:
                    report_error(err)
            reported = len(s.errors)
            progress.update(task, line=f"{s.read} read · {s.new} new · {s.already_stored} skipped · "
                                       f"{len(s.errors)} errors · {sum(s.records.values())} records")

        summary = ingest_documents(read_inputs(paths, args.options()), store, default_loader(), batch_size,
                                   on_batch)
        if summary.new or summary.replaced:
            # Cross-article linking over the whole store (sitreps.link): idempotent, so skipped when nothing
            # new was stored and a re-ingest stays fast.
            from ..link import run_linking
            from .link import link_table

            progress.update(task, description="linking")
            console.print(link_table(run_linking(store)))
        return summary


@app.command("ingest")
def ingest_cli(
    paths: PathsArg,
    db: DbOpt,
    batch_size: Annotated[int, typer.Option(
        min=1, help="Documents per batch: parsed together and written in one transaction. A crash loses at "
        "most the batch in flight; re-running resumes where it stopped.")] = 64,
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
) -> None:
    """Extract records from documents and store them in a database, then print a summary.

    Idempotent: articles are identified by a hash of their text, and an article already stored by this
    version of the pipeline is skipped before any language processing, so running the same command twice
    changes nothing (and the second run is fast). Articles stored by an older pipeline version are extracted
    again and their records replaced.

    Documents that cannot be read are reported on standard error, kept in the ingest_errors table, and do not
    stop the run; the exit code is 1 if any document failed, else 0.

    Examples:

        sitreps ingest reports/ --db var/sitreps.db

        sitreps ingest feed.jsonl --text-field body --db postgresql://me@localhost/sitreps
    """
    from rich.console import Console

    from ..render import ingest_summary
    from ..store import schema

    args = ReaderArgs(published, input_format, text_field, title_field, date_field, url_field, id_field,
                      outlet_field, max_chars, csv_delimiter, encoding)
    summary = ingest_paths(paths, db, args, batch_size, Console(stderr=True))
    Console().print(ingest_summary(summary, schema.RECORD_TABLES))
    if summary.failed:
        raise typer.Exit(1)
