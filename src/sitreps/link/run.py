"""``run_linking(store)``: near-duplicates, event clusters with corroboration and conflicts, primary sources.

Why one pass over the whole store rather than over the new articles only: every step is defined on the
*set* of stored articles (groups and clusters are connected components, primary links pick the best
sentence among all candidates), so recomputing gives exactly the same answer as any incremental order —
"link A and B" equals "link A, then B", and a re-run changes nothing. The costly parts are incremental:
MinHash signatures are computed once per article and stored; clustering reads compact event rows and
compares only events a few weeks apart; the primary-source index is built from article texts once per run.
Everything is written in one transaction, so a reader never sees half a run.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Span
from ..store import link_queries as lq
from .cluster import (
    EventRef,
    actor_keys,
    cluster_events,
    event_interval,
    geo_precision_of,
    place_level,
    representative,
)
from .corroborate import FIGURE_KINDS_SKIPPED, Figure, Member, summarise
from .dedup import DedupArticle, signature, signature_bytes, signature_from_bytes
from .dedup import near_duplicate_roots as _roots
from .primary import ClaimRef, Doc, SentenceIndex

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from ..store import Store

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}


@dataclass
class LinkReport:
    """What one linking run found (totals over the store) and changed."""

    articles: int = 0
    signatures_new: int = 0
    duplicate_groups: int = 0
    duplicates: int = 0  # articles that are a copy of an earlier one
    duplicates_changed: int = 0
    events: int = 0  # events clustered (not negated, hypothetical or future)
    clusters: int = 0
    multi_event_clusters: int = 0
    multi_source_clusters: int = 0  # clusters with >= 2 independent sources
    clusters_changed: int = 0  # new, changed or removed since the last run
    conflicts: int = 0
    claims: int = 0
    primary_links: int = 0
    primary_changed: int = 0
    conflict_examples: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def run_linking(store: Store, examples: int = 3) -> LinkReport:
    """Link everything in ``store`` and save the result; returns what was found and changed."""
    report = LinkReport()
    with store.write() as conn:
        meta = lq.article_meta(conn)
        report.articles = len(meta)
        roots = _link_duplicates(conn, meta, report)
        _link_clusters(conn, meta, roots, report, examples)
        _link_primary(conn, meta, roots, report)
    return report


# -- near-duplicates ---------------------------------------------------------------------------------------

def _link_duplicates(conn: Connection, meta: list[dict[str, Any]], report: LinkReport) -> dict[str, str]:
    stored = lq.signatures(conn)
    missing = [m["id"] for m in meta if m["id"] not in stored]
    new_rows = []
    for aid, text, spans in lq.article_texts(conn, missing):
        sig = signature(DedupArticle(aid, text, boilerplate=tuple(Span.of(text, s, e) for s, e in spans)))
        if sig is not None:
            data = signature_bytes(sig)
            new_rows.append({"article_id": aid, "num_perm": len(sig.hashvalues), "signature": data})
            stored[aid] = data
    lq.insert_signatures(conn, new_rows)
    report.signatures_new = len(new_rows)
    published = {m["id"]: m["published"] for m in meta}
    roots = _roots({aid: signature_from_bytes(b) for aid, b in stored.items() if aid in published}, published)
    changes: dict[str, str | None] = {}
    for m in meta:
        root = roots.get(m["id"])
        want = root if root is not None and root != m["id"] else None
        if m["near_duplicate_of"] != want:
            changes[m["id"]] = want
    lq.set_near_duplicates(conn, changes)
    report.duplicates_changed = len(changes)
    report.duplicate_groups = len(set(roots.values()))
    report.duplicates = sum(1 for a, r in roots.items() if a != r)
    return roots


# -- clusters ------------------------------------------------------------------------------------------------

def event_ref(row: dict[str, Any], published: str | None) -> EventRef:
    """An :class:`EventRef` from an ``events`` row (as :func:`lq.event_rows` gives it)."""
    loc = row.get("location") or {}
    start, end, precision = event_interval(row.get("date"), row.get("date_precision"), row.get("time_precision"),
                                           published)
    has_place = row.get("geonameid") is not None or row.get("lat") is not None
    return EventRef(
        article_id=row["article_id"], ord=row["ord"], event_id=row["event_id"], event_type=row["event_type"],
        sub_event_type=row["sub_event_type"], published=published, geonameid=row.get("geonameid"),
        lat=row.get("lat"), lon=row.get("lon"), country_code=row.get("country_code") or loc.get("country_code"),
        admin1=loc.get("admin1"),
        place_level=place_level(loc.get("precision"), loc.get("feature_code")) if has_place else "none",
        geo_precision=geo_precision_of(row.get("geo_precision"), loc.get("precision")) if has_place else None,
        start=start, end=end, date_precision=precision,
        actors=actor_keys(row.get("actor1"), row.get("actor2")),
    )


def _figures(row: dict[str, Any], quantities: list[dict[str, Any]], claim_source: dict[tuple[str, str], str],
             event_sources: list[str]) -> list[Figure]:
    default_source = event_sources[0] if event_sources else None
    out: list[Figure] = []
    for q in quantities:
        value = q["normalized_value"] if q["normalized_value"] is not None else q["value"]
        if q["kind"] in FIGURE_KINDS_SKIPPED or value is None:
            continue
        source = claim_source.get((row["article_id"], q["claim_id"])) if q["claim_id"] else None
        scale = (value / q["value"]) if q["value"] else 1.0
        vmax = q["value_max"] * scale if q["value_max"] is not None else None
        out.append(Figure(q["kind"], float(value), vmax, q["normalized_unit"] or q["unit"], q["counted"],
                          source or default_source,
                          {"start": q["start_char"], "end": q["end_char"], "text": q["evidence"]}))
    if row.get("fatalities") is not None and not any(f.kind == "killed" for f in out):
        out.append(Figure("killed", float(row["fatalities"]), None, None, None, default_source,
                          {"start": row["start_char"], "end": row["end_char"], "text": row["evidence"]}))
    return out


def _link_clusters(conn: Connection, meta: list[dict[str, Any]], roots: dict[str, str], report: LinkReport,
                   examples: int) -> None:
    by_id = {m["id"]: m for m in meta}
    rows = lq.event_rows(conn)
    row_by_key = {(r["article_id"], r["ord"]): r for r in rows}
    sources = lq.event_claim_sources(conn)
    quantities = lq.event_quantity_rows(conn)
    claim_source = lq.claim_sources(conn)
    refs = []
    members: dict[tuple[str, int], Member] = {}
    for row in rows:
        art = by_id[row["article_id"]]
        ref = event_ref(row, art["published"])
        refs.append(ref)
        names = sources.get(ref.key, [])
        members[ref.key] = Member(
            ref=ref, outlet=art["outlet"], duplicate_root=roots.get(ref.article_id), sources=tuple(names),
            figures=_figures(row, quantities.get(ref.key, []), claim_source, names),
            evidence={"start": row["start_char"], "end": row["end_char"], "text": row["evidence"]},
        )
    clusters = cluster_events(refs)
    cluster_rows, member_rows = [], []
    for cid, group in sorted(clusters.items()):
        ms = [members[r.key] for r in group]
        summary = summarise(ms)
        rep = representative(group)
        rep_loc = row_by_key[rep.key].get("location") or {}
        types = Counter((r.event_type, r.sub_event_type) for r in group)
        top = max(types.values())
        event_type, sub_type = next((r.event_type, r.sub_event_type) for r in group
                                    if types[(r.event_type, r.sub_event_type)] == top)
        starts = [r.start for r in group if r.start is not None]
        ends = [r.end for r in group if r.end is not None]
        precisions = [_TIME_PRECISION[r.date_precision] for r in group if r.date_precision in _TIME_PRECISION]
        first = group[0]
        cluster_rows.append({
            "cluster_id": cid, "event_type": event_type, "sub_event_type": sub_type,
            "location_name": rep_loc.get("name"), "geonameid": rep.geonameid, "lat": rep.lat, "lon": rep.lon,
            "country_code": rep.country_code, "admin1": rep.admin1, "geo_precision": rep.geo_precision,
            "date_first": min(starts).isoformat() if starts else None,
            "date_last": max(ends).isoformat() if ends else None,
            "time_precision": min(precisions) if precisions else None,
            "first_article_id": first.article_id, "first_reported": by_id[first.article_id]["published"],
            "n_events": len(group), "n_articles": len({r.article_id for r in group}),
            "n_sources": len(summary["sources"]), "n_conflicts": len(summary["conflicts"]),
            "fatalities_min": summary["fatalities_min"], "fatalities_max": summary["fatalities_max"],
            "sources": summary["sources"], "figures": summary["figures"], "conflicts": summary["conflicts"],
        })
        for r, g in zip(group, summary["groups"], strict=True):
            member_rows.append({"cluster_id": cid, "article_id": r.article_id, "event_ord": r.ord,
                                "event_id": r.event_id, "source_group": g})
    before = lq.stored_clusters(conn)
    before_members = lq.stored_members(conn)
    after_members = {(m["article_id"], m["event_ord"]): (m["cluster_id"], m["source_group"]) for m in member_rows}
    changed = {c["cluster_id"] for c in cluster_rows
               if c["cluster_id"] not in before or _canon(before[c["cluster_id"]]) != _canon(c)}
    changed |= set(before) - {c["cluster_id"] for c in cluster_rows}
    changed |= {v[0] for k, v in after_members.items() if before_members.get(k) != v}
    if changed or before_members.keys() != after_members.keys():
        lq.replace_clusters(conn, cluster_rows, member_rows)
    report.events = len(refs)
    report.clusters = len(cluster_rows)
    report.multi_event_clusters = sum(1 for c in cluster_rows if c["n_events"] > 1)
    report.multi_source_clusters = sum(1 for c in cluster_rows if c["n_sources"] >= 2)
    report.clusters_changed = len(changed)
    report.conflicts = sum(c["n_conflicts"] for c in cluster_rows)
    for c in cluster_rows:
        for conflict in c["conflicts"]:
            if len(report.conflict_examples) < examples:
                report.conflict_examples.append({"cluster_id": c["cluster_id"], "place": c["location_name"],
                                                 "sub_event_type": c["sub_event_type"], **conflict})


def _canon(row: dict[str, Any]) -> str:
    """A comparable form of a cluster row (JSON columns may come back as str on some drivers)."""
    out = {}
    for k, v in row.items():
        if isinstance(v, str) and k in ("sources", "figures", "conflicts"):
            v = json.loads(v)
        if isinstance(v, float):
            v = round(v, 9)
        out[k] = v
    return json.dumps(out, sort_keys=True, default=str)


# -- primary sources -----------------------------------------------------------------------------------------

def _link_primary(conn: Connection, meta: list[dict[str, Any]], roots: dict[str, str],
                  report: LinkReport) -> None:
    claims = lq.claim_rows(conn)
    report.claims = len(claims)
    by_id = {m["id"]: m for m in meta}
    index = SentenceIndex()
    if claims:
        for aid, text, _spans in lq.article_texts(conn, [m["id"] for m in meta]):
            m = by_id[aid]
            index.add(Doc(aid, text, m["published"], m["outlet"], m["title"]))
    group_of: dict[str, set[str]] = {}
    for aid, root in roots.items():
        group_of.setdefault(root, set()).add(aid)
    updates = []
    for c in claims:
        art = by_id[c["article_id"]]
        copies = group_of.get(roots.get(c["article_id"], ""), set())
        link = index.find(ClaimRef(c["article_id"], c["ord"], c["claim_id"], c["evidence"], c["source_name"],
                                   art["published"]), excluded=copies)
        want = (link.article_id, link.evidence.start, link.evidence.end) if link else (None, None, None)
        have = (c["primary_article_id"], c["primary_start"], c["primary_end"])
        if link:
            report.primary_links += 1
        if want != have:
            updates.append({"article_id": c["article_id"], "ord": c["ord"], "primary_article_id": want[0],
                            "primary_start": want[1], "primary_end": want[2],
                            "primary_evidence": link.evidence.text if link else None})
    lq.set_primary_links(conn, updates)
    report.primary_changed = len(updates)
