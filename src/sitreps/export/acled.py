"""Events as ACLED rows: ACLED's column names and codes, so analysts' scripts and dashboards read them as is.

Column meanings follow ACLED's codebook. Choices we had to make, and why:

* ``event_date`` is ISO ``YYYY-MM-DD`` (what ACLED's API and current exports give; pandas parses it without a
  format); a week- or month-precise date is the first day of its interval, with ``time_precision`` 2 or 3;
* ``disorder_type`` follows ACLED's categories (political violence, demonstrations, strategic developments);
* ``interaction`` is ACLED's two-digit code from ``inter1``/``inter2`` (lower first; ``inter1``·10 alone);
* ``admin1`` is the GeoNames admin1 code of the place (names are not in our gazetteer rows);
* ``source`` names the claims' sources and the outlet, ``; ``-separated; ``source_scale`` is left empty
  (we do not know an outlet's scale); ``tags`` carries the certainty ("certainty=hedged");
* ``timestamp`` is the Unix time the article was ingested (ACLED: when the row last changed);
* events flagged negated, hypothetical or future are left out: a denial or a threat is not an event;
* extra columns after ACLED's, prefixed ``sitreps_``, tie each row back to its article, event and cluster;
  ``sitreps_speech`` is true when one of the event's claims is something said or thought, false when its
  claims are all acts or intentions ("refused to confirm that ...", :attr:`Claim.speech`), empty without claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, select

from ..link.cluster import event_interval
from ..store import schema

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS = ("sitreps_article_id", "sitreps_event_id", "sitreps_certainty", "sitreps_cluster_id",
                 "sitreps_cluster_sources", "sitreps_speech")

# ISO 3166 alpha-2 → (numeric, alpha-3, ACLED country name, ACLED region) for the countries our corpora
# cover; others keep their alpha-2 code as the country and an empty iso.
COUNTRIES: dict[str, tuple[int, str, str, str]] = {
    "UA": (804, "UKR", "Ukraine", "Europe"),
    "RU": (643, "RUS", "Russia", "Europe"),
    "BY": (112, "BLR", "Belarus", "Europe"),
    "MD": (498, "MDA", "Moldova", "Europe"),
    "PL": (616, "POL", "Poland", "Europe"),
    "RO": (642, "ROU", "Romania", "Europe"),
    "GE": (268, "GEO", "Georgia", "Caucasus and Central Asia"),
    "TR": (792, "TUR", "Turkey", "Middle East"),
    "SY": (760, "SYR", "Syria", "Middle East"),
    "US": (840, "USA", "United States", "North America"),
    "GB": (826, "GBR", "United Kingdom", "Europe"),
    "DE": (276, "DEU", "Germany", "Europe"),
    "FR": (250, "FRA", "France", "Europe"),
}
_DEMONSTRATION_VIOLENT = {"Excessive force against protesters", "Mob violence"}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests" and sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Protests", "Riots") and sub_event_type not in _DEMONSTRATION_VIOLENT:
        return "Demonstrations"
    return "Political violence"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if not inter1 and not inter2:
        return None
    codes = sorted(c for c in (inter1, inter2) if c)
    return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]


def _sources(conn: Connection) -> dict[tuple[str, int], list[str]]:
    ec, c = schema.event_claims, schema.claims
    stmt = (select(ec.c.article_id, ec.c.event_ord, c.c.source_name)
            .join(c, and_(c.c.article_id == ec.c.article_id, c.c.claim_id == ec.c.claim_id)))
    out: dict[tuple[str, int], list[str]] = {}
    for aid, ev, name in conn.execute(stmt):
        names = out.setdefault((aid, ev), [])
        if name not in names:
            names.append(name)
    return out


def event_speech(conn: Connection) -> dict[tuple[str, int], bool]:
    """Per event (article id, event ord) with claims: True when one of its claims is speech (a NULL flag,
    stored before the flag existed, counts as speech), False when all are acts or intentions."""
    ec, c = schema.event_claims, schema.claims
    stmt = (select(ec.c.article_id, ec.c.event_ord, c.c.speech)
            .join(c, and_(c.c.article_id == ec.c.article_id, c.c.claim_id == ec.c.claim_id)))
    out: dict[tuple[str, int], bool] = {}
    for aid, ev, speech in conn.execute(stmt):
        out[(aid, ev)] = out.get((aid, ev), False) or speech is None or bool(speech)
    return out


def acled_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    """One ACLED row per event that happened (as reported), in article and event order."""
    e, a, m, cl = schema.events, schema.articles, schema.cluster_members, schema.event_clusters
    sources = _sources(conn)
    speech = event_speech(conn)
    stmt = (select(e, a.c.outlet, a.c.published, a.c.ingested_at, m.c.cluster_id, cl.c.n_sources)
            .join(a, a.c.id == e.c.article_id)
            .outerjoin(m, and_(m.c.article_id == e.c.article_id, m.c.event_ord == e.c.ord))
            .outerjoin(cl, cl.c.cluster_id == m.c.cluster_id)
            .where(e.c.negated.is_(False), e.c.hypothetical.is_(False), e.c.future.is_(False))
            .order_by(e.c.article_id, e.c.ord))
    for r in conn.execute(stmt).mappings():
        key = (r["article_id"], r["ord"])
        yield acled_row(r, sources.get(key, []), speech.get(key))


def acled_row(r: Any, claim_sources: list[str], speech: bool | None = None) -> dict[str, Any]:
    loc = r["location"] or {}
    a1, a2 = r["actor1"] or {}, r["actor2"] or {}
    cc = r["country_code"] or loc.get("country_code")
    iso, iso3, country, region = COUNTRIES.get(cc or "", (None, cc or "XXX", cc or "", ""))
    start, _end, precision = event_interval(r["date"], r["date_precision"], r["time_precision"], r["published"])
    ingested = r["ingested_at"]
    try:
        timestamp = int(datetime.fromisoformat(ingested).timestamp()) if ingested else None
    except ValueError:
        timestamp = None
    source = "; ".join([*claim_sources, *([r["outlet"]] if r["outlet"] and r["outlet"] not in claim_sources
                                          else [])])
    inter1, inter2 = a1.get("inter"), a2.get("inter")
    civilian = r["event_type"] == "Violence against civilians" or inter2 == 7 or inter1 == 7
    row = {
        "event_id_cnty": f"{iso3}-{r['article_id'][:12]}-{r['event_id']}",
        "event_date": start.isoformat() if start else None,
        "year": start.year if start else None,
        "time_precision": r["time_precision"] or _TIME_PRECISION.get(precision or "", None),
        "disorder_type": disorder_type(r["event_type"], r["sub_event_type"]),
        "event_type": r["event_type"],
        "sub_event_type": r["sub_event_type"],
        "actor1": a1.get("name"), "assoc_actor_1": None, "inter1": inter1,
        "actor2": a2.get("name"), "assoc_actor_2": None, "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else None,
        "iso": iso, "region": region, "country": country,
        "admin1": loc.get("admin1"), "admin2": None, "admin3": None,
        # a place the gazetteer lacks: its name as written, and no coordinates
        "location": loc.get("name") or (loc.get("evidence") or {}).get("text"),
        "latitude": r["lat"], "longitude": r["lon"],
        "geo_precision": r["geo_precision"],
        "source": source or None, "source_scale": None,
        "notes": r["evidence"],
        "fatalities": r["fatalities"] or 0,
        "tags": f"certainty={r['certainty']}",
        "timestamp": timestamp,
        "sitreps_article_id": r["article_id"], "sitreps_event_id": r["event_id"],
        "sitreps_certainty": r["certainty"], "sitreps_cluster_id": r["cluster_id"],
        "sitreps_cluster_sources": r["n_sources"], "sitreps_speech": speech,
    }
    return row
