"""`sitreps link`: near-duplicates, event clusters (sources, conflicts) and primary sources over a store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import app

if TYPE_CHECKING:
    from rich.table import Table

    from ..link import LinkReport

DbOpt = Annotated[str, typer.Option(
    "--db", envvar="SITREPS_DB", help="Database: a SQLite file, sqlite:///FILE or postgresql://user@host/db. "
    "Also read from SITREPS_DB.", show_default=False)]


def link_table(report: LinkReport) -> Table:
    """The report as a two-column table (also printed at the end of `sitreps ingest` and `sitreps demo`)."""
    from rich.table import Table

    t = Table(title="Cross-article linking", show_header=False, title_justify="left")
    t.add_column(style="bold")
    t.add_column(justify="right")
    rows = [
        ("articles", report.articles),
        ("near-duplicate groups", report.duplicate_groups),
        ("articles that copy an earlier one", report.duplicates),
        ("events clustered", report.events),
        ("clusters", report.clusters),
        ("clusters of ≥ 2 events", report.multi_event_clusters),
        ("clusters with ≥ 2 independent sources", report.multi_source_clusters),
        ("conflicts", report.conflicts),
        ("claims linked to a primary source", f"{report.primary_links} of {report.claims}"),
        ("changed by this run (clusters / copies / links)",
         f"{report.clusters_changed} / {report.duplicates_changed} / {report.primary_changed}"),
    ]
    for k, v in rows:
        t.add_row(k, str(v))
    return t


def conflict_lines(report: LinkReport) -> list[str]:
    """One line per example conflict: what disagrees, and who says what."""
    lines = []
    for c in report.conflict_examples:
        sides = []
        for s in c["claims"]:
            said = s.get("value") if c["kind"] == "figure" else s.get("sub_event_type")
            sides.append(f"{s.get('source') or '?'}: {said}")
        what = c.get("figure") if c["kind"] == "figure" else "status"
        lines.append(f"{c['cluster_id']} {c.get('place') or '?'} ({c['sub_event_type']}) {what} — "
                     + " vs ".join(sides))
    return lines


@app.command("link")
def link_cli(
    db: DbOpt,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    examples: Annotated[int, typer.Option(min=0, help="Conflicts to show as examples.")] = 3,
) -> None:
    """Link articles across the store: mark syndicated copies, cluster events that describe one real-world
    event (first report, independent sources, figures, conflicts), and point quoted claims at the sentence of
    the primary document they came from.

    Safe to run again: the result depends only on what is stored, so a second run changes nothing. `sitreps
    ingest` and `sitreps demo` run it after storing new articles.

    Example:

        sitreps link --db var/sitreps.db
    """
    import json

    from rich.console import Console

    from ..link import run_linking
    from ..store import open_store

    with open_store(db, create=False) as store:
        report = run_linking(store, examples=examples)
    if json_out:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, default=str))
        return
    console = Console()
    console.print(link_table(report))
    for line in conflict_lines(report):
        console.print(f"  {line}", highlight=False)
