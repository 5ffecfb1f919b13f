"""`sitreps extract`: print the records of each document (JSON lines or tables). Also defines the reader
options shared with `sitreps ingest` (``ReaderOpts`` and :func:`read_options`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import app

if TYPE_CHECKING:
    from ..ingest.readers import ReadOptions

_READ = "Reading documents"


class OutputFormat(str, enum.Enum):
    json = "json"
    table = "table"


# Reader options, shared by extract and ingest (typer options are plain parameters, so each command lists
# them; the Annotated aliases keep the help text in one place).
PublishedOpt = Annotated[str | None, typer.Option(
    "--published", help="Publication date (e.g. 2022-05-16) for documents that carry none; relative dates "
    "('on Monday') are resolved against it.", rich_help_panel=_READ)]
InputFormatOpt = Annotated[str | None, typer.Option(
    "--input-format", help="Force the input format (txt, html, json, jsonl, csv, ...) instead of guessing it "
    "from the file name and content.", rich_help_panel=_READ)]
TextFieldOpt = Annotated[str, typer.Option(help="JSON/CSV field holding the text.", rich_help_panel=_READ)]
TitleFieldOpt = Annotated[str, typer.Option(help="JSON/CSV field holding the title.", rich_help_panel=_READ)]
DateFieldOpt = Annotated[str, typer.Option(help="JSON/CSV field holding the publication date.",
                                           rich_help_panel=_READ)]
UrlFieldOpt = Annotated[str, typer.Option(help="JSON/CSV field holding the URL.", rich_help_panel=_READ)]
IdFieldOpt = Annotated[str, typer.Option(help="JSON/CSV field holding your own document id (kept in meta; "
                                         "sitreps ids are content hashes).", rich_help_panel=_READ)]
OutletFieldOpt = Annotated[str, typer.Option(help="JSON/CSV field holding the outlet name.",
                                             rich_help_panel=_READ)]
MaxCharsOpt = Annotated[int, typer.Option(help="Refuse documents longer than this many characters.",
                                          rich_help_panel=_READ)]
DelimiterOpt = Annotated[str | None, typer.Option("--csv-delimiter", help="CSV delimiter (default: sniffed).",
                                                  rich_help_panel=_READ)]
EncodingOpt = Annotated[str | None, typer.Option(help="Text encoding of the input (default: detected).",
                                                 rich_help_panel=_READ)]
PathsArg = Annotated[list[str], typer.Argument(
    help="Files, directories (read recursively) or glob patterns: .txt, .html, .json, .jsonl, .csv and more. "
    "'-' reads standard input.", show_default=False)]


@dataclass(frozen=True)
class ReaderArgs:
    """The reader options as typed on the command line."""

    published: str | None = None
    input_format: str | None = None
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    id_field: str = "id"
    outlet_field: str = "outlet"
    max_chars: int = 5_000_000
    csv_delimiter: str | None = None
    encoding: str | None = None

    def options(self) -> ReadOptions:
        from ..ingest.readers import ReadOptions

        return ReadOptions(
            text_field=self.text_field, title_field=self.title_field, date_field=self.date_field,
            url_field=self.url_field, id_field=self.id_field, outlet_field=self.outlet_field,
            format=self.input_format, published=self.published, max_chars=self.max_chars,
            csv_delimiter=self.csv_delimiter, encoding=self.encoding,
        )


def report_error(err: Exception) -> None:
    """One line on stderr per document that could not be read."""
    typer.secho(f"error: {err}", fg=typer.colors.RED, err=True)


@app.command("extract")
def extract_cli(
    paths: PathsArg,
    output: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="json: one JSON object per article and line (the public shape of DESIGN.md). "
        "table: readable tables of the records.")] = OutputFormat.json,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents parsed together by spaCy.")] = 32,
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
    """Extract places, times, quantities, claims, actors and events from documents and print them.

    Nothing is stored (see `sitreps ingest` for that). Documents that cannot be read are reported one per line
    on standard error and the others go on; the exit code is 1 if any document failed, else 0.

    Examples:

        sitreps extract report.txt --published 2022-05-16

        sitreps extract feed.jsonl --text-field body --date-field pubDate > records.jsonl

        cat report.txt | sitreps extract - --format table
    """
    import json

    from rich.console import Console

    from ..errors import InputError
    from ..render import result_summary
    from ..runner import default_loader, extract_documents, read_inputs

    args = ReaderArgs(published, input_format, text_field, title_field, date_field, url_field, id_field,
                      outlet_field, max_chars, csv_delimiter, encoding)
    console = Console(soft_wrap=False)
    failed = 0
    for item in extract_documents(read_inputs(paths, args.options()), default_loader(), batch_size):
        if isinstance(item, InputError):
            failed += 1
            report_error(item)
        elif output is OutputFormat.json:
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            console.print(result_summary(item))
    if failed:
        raise typer.Exit(1)
