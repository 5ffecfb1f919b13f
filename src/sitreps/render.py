"""Terminal rendering with rich: an article with its evidence highlighted, tables of records, summaries.

Why highlighting matters: every record is only as good as the text it came from; `sitreps show` puts each
value next to its evidence so a reader can check it at a glance. Styles are per record kind (see
:data:`STYLES` and the legend printed above the text).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import ArticleResult, Claim, Place, Span

if TYPE_CHECKING:
    from .runner import IngestSummary

# Applied in this order, later on top: a claim's content is the background, names and numbers stand out.
STYLES: dict[str, str] = {
    "boilerplate": "dim",
    "claim": "on grey23",
    "event": "underline",
    "actor": "bold blue",
    "place": "bold green",
    "time": "bold cyan",
    "quantity": "bold magenta",
    "source": "bold yellow",
    "cue": "black on yellow",
}


def _fmt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(_fmt(v) for v in value) or "—"
    return str(value)


def legend() -> Text:
    out = Text("key: ")
    for kind, style in STYLES.items():
        out.append(kind, style=style)
        out.append("  ")
    return out


def highlighted_text(result: ArticleResult) -> Text:
    """The article text with every record's evidence styled by kind."""
    art = result.article
    out = Text(art.text)
    marks: list[tuple[str, Span | None]] = [("boilerplate", b.evidence) for b in art.boilerplate]
    marks += [("claim", c.evidence) for c in result.claims]
    marks += [("event", e.evidence) for e in result.events]
    marks += [("actor", a.evidence) for a in result.actors]
    marks += [("place", p.evidence) for p in result.places]
    marks += [("time", t.evidence) for t in result.times]
    marks += [("quantity", q.evidence) for q in result.quantities]
    marks += [("source", c.source.evidence) for c in result.claims]
    marks += [("cue", c.cue) for c in result.claims]
    for kind, span in marks:
        if span is not None and span.end > span.start:
            out.stylize(STYLES[kind], span.start, span.end)
    return out


def claim_text(claim: Claim, text: str) -> Text:
    """The stretch of text covering a claim's content, source and cue, with source and cue highlighted."""
    spans = [s for s in (claim.evidence, claim.source.evidence, claim.cue) if s is not None]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    out = Text(text[start:end])
    out.stylize(STYLES["claim"], claim.evidence.start - start, claim.evidence.end - start)
    if claim.source.evidence is not None:
        out.stylize(STYLES["source"], claim.source.evidence.start - start, claim.source.evidence.end - start)
    if claim.cue is not None:
        out.stylize(STYLES["cue"], claim.cue.start - start, claim.cue.end - start)
    return out


def _place_name(place: Place | None) -> str:
    if place is None:
        return "—"
    if not place.resolved:
        return f"{place.evidence.text} (unresolved)"
    where = f"{place.lat:.3f}, {place.lon:.3f}" if place.lat is not None and place.lon is not None else "?"
    return f"{place.name} [{place.geonameid}] ({where})"


def record_tables(result: ArticleResult) -> list[Table]:
    """One table per record kind that has records."""
    tables: list[Table] = []
    text = result.article.text

    def table(title: str, *columns: str) -> Table:
        t = Table(title=title, title_justify="left", show_lines=False, expand=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        tables.append(t)
        return t

    if result.places:
        t = table("Places", "evidence", "resolved to", "code", "role", "precision", "score")
        for p in result.places:
            t.add_row(Text(p.evidence.text, STYLES["place"]), _place_name(p), _fmt(p.feature_code), p.role,
                      _fmt(p.precision), _fmt(p.score))
    if result.times:
        t = table("Times", "evidence", "value", "end", "precision")
        for tx in result.times:
            t.add_row(Text(tx.evidence.text, STYLES["time"]), _fmt(tx.value), _fmt(tx.end), _fmt(tx.precision))
    if result.quantities:
        t = table("Quantities", "evidence", "value", "unit", "kind", "counted")
        for q in result.quantities:
            value = _fmt(q.value) if q.value_max is None else f"{_fmt(q.value)}–{_fmt(q.value_max)}"
            t.add_row(Text(q.evidence.text, STYLES["quantity"]), ("~" if q.approximate else "") + value,
                      _fmt(q.unit), q.kind, _fmt(q.counted))
    if result.claims:
        t = table("Claims", "id", "source", "claim (source and cue highlighted)", "certainty", "hedges",
                  "reporting")
        for c in result.claims:
            # an act or intention ("supports", "refused", "plans to"), not something said: tagged "act"
            certainty = c.certainty if c.speech else f"{c.certainty}, act"
            t.add_row(c.id, f"{c.source.name} ({c.source.kind})", claim_text(c, text), certainty,
                      _fmt(c.hedges), _fmt(c.reporting))
    if result.actors:
        t = table("Actors", "evidence", "name", "side", "kind", "unit")
        for a in result.actors:
            t.add_row(Text(a.evidence.text, STYLES["actor"]), a.name, _fmt(a.side), _fmt(a.kind), _fmt(a.unit))
    if result.events:
        t = table("Events", "id", "type / sub-type", "date", "location", "actors", "fatalities", "claims",
                  "certainty", "evidence")
        for e in result.events:
            actors = " vs ".join(a.name for a in (e.actor1, e.actor2) if a) or "—"
            flags = [f for f, on in (("negated", e.negated), ("hypothetical", e.hypothetical),
                                     ("future", e.future)) if on]
            t.add_row(e.id, f"{e.event_type} / {e.sub_event_type}", _fmt(e.date), _place_name(e.location), actors,
                      _fmt(e.fatalities), _fmt(e.claim_ids), " ".join([e.certainty, *flags]),
                      Text(e.evidence.text, STYLES["event"]))
    return tables


def article_header(result: ArticleResult) -> Text:
    a = result.article
    out = Text()
    out.append(a.title or "(untitled)", style="bold")
    out.append(f"\nid {a.id}")
    for label, value in (("published", a.published), ("outlet", a.outlet), ("url", a.url),
                         ("from", a.source_path), ("pipeline", result.pipeline_version)):
        if value:
            out.append(f" · {label} {value}")
    return out


def render_article(result: ArticleResult, console: Console) -> None:
    """Everything `sitreps show` prints for one article."""
    console.print(Panel(article_header(result), expand=True))
    console.print(legend())
    console.print(Panel(highlighted_text(result), title="text", title_align="left"))
    for t in record_tables(result):
        console.print(t)
    for err in result.errors:
        console.print(Text(f"stage error: {err}", style="red"))


def result_summary(result: ArticleResult) -> RenderableType:
    """A compact view for `sitreps extract --format table`: header and record tables, no full text."""
    parts: list[RenderableType] = [article_header(result), *record_tables(result)]
    parts += [Text(f"stage error: {err}", style="red") for err in result.errors]
    if len(parts) == 1:
        parts.append(Text("no records found", style="dim"))
    return Panel(Group(*parts), expand=True)


def counts_table(counts: Mapping[str, int], title: str = "Records") -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column("kind")
    t.add_column("count", justify="right")
    for kind, n in counts.items():
        t.add_row(kind, str(n))
    return t


def ingest_summary(summary: IngestSummary, kinds: Iterable[str]) -> Table:
    """The table `sitreps ingest` and `sitreps demo` print at the end."""
    t = Table(title="Ingest summary", title_justify="left")
    t.add_column("")
    t.add_column("count", justify="right")
    rows = [
        ("documents read", summary.read),
        ("articles new", summary.new),
        ("articles re-extracted (older pipeline)", summary.replaced),
        ("articles skipped (already stored)", summary.already_stored),
        ("duplicates in this run", summary.duplicates),
        ("documents that could not be read", len(summary.errors)),
        ("articles with a stage error", summary.stage_errors),
    ]
    rows += [(f"{kind} extracted", summary.records.get(kind, 0)) for kind in kinds]
    for label, n in rows:
        t.add_row(label, str(n), style="red" if n and "could not" in label else None)
    return t
