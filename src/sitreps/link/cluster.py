"""Event clusters: events from different articles that describe one real-world event.

Two events are *compatible* when all four hold (each rule is one function below, tested on its own):

* **type** — the same ACLED event type (for "Strategic developments" the same sub-type too, since an
  agreement and an arrest share nothing), or both a change of territorial control (an army retaking a town
  and the other side's "regrouping" away from it are one event seen from two sides);
* **place** — the same GeoNames entry, or within a distance set by the looser of the two geo precisions:
  :data:`DISTANCE_KM` (10 km for a town, 30 km near a town or a district, 100 km for a larger part of a
  region); a region-level place (an oblast) matches any place in the same country and admin1; a country-
  level place matches nothing (a whole country is too coarse to tie two reports); an event without a
  resolved place matches nothing;
* **date** — the date intervals (a day, a week from its start, a whole month) lie within a gap set by the
  looser precision: ±1 day for days, ±7 days for weeks, overlap for months; a year-level date matches
  nothing (a year says too little to tie two reports). An event without a date takes its article's
  publication week;
* **actors** — same or unknown: the known actors of one (side where known, else name) share one with the
  other's, or either has none. ACLED's actor1/actor2 carry no direction, so the pair is a set.

Clusters are the connected components of this relation (single linkage), computed with union-find. That
makes the result independent of the order events arrive in: linking A and B together gives the clusters of
linking A, then B. Candidate pairs are blocked by date (events sorted by interval start, compared only with
those starting within :data:`MAX_SPAN_DAYS`), so the cost grows with events per few weeks, not with n².

A cluster's id is ``"c"`` + a hash of its earliest member (by published date, article id, position), so a
re-run gives the same ids, and a new article joins an existing cluster under the same id unless it is
itself an earlier report of that event.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..gazetteer.index import haversine_km

DISTANCE_KM = {1: 10.0, 2: 30.0, 3: 100.0}
DATE_TOLERANCE_DAYS = {"day": 1, "week": 7, "month": 0}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
MAX_SPAN_DAYS = 31 + 7 + 7  # longest interval (a month) + the widest tolerance + a week's length

TERRITORY = frozenset({
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Strategic developments", "Non-violent transfer of territory"),
})
_PLACE_PRECISION = {"point": 1, "town": 1, "district": 2, "region": 3, "country": 4}


@dataclass(frozen=True, slots=True)
class EventRef:
    """One event as clustering sees it (built from an :class:`~sitreps.model.Event` or a stored row)."""

    article_id: str
    ord: int
    event_id: str
    event_type: str
    sub_event_type: str
    published: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    place_level: str = "none"  # local, region, country, none
    geo_precision: int | None = None
    start: date | None = None
    end: date | None = None
    date_precision: str | None = None  # day, week, month, year
    actors: frozenset[str] = field(default_factory=frozenset)

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.ord)

    @property
    def order(self) -> tuple[str, str, int]:
        return (self.published or "9999", self.article_id, self.ord)


def parse_date(value: str | None) -> tuple[date, date, str] | None:
    """``(start, end, precision)`` of an ISO date that may be reduced ("2022-05", "2022"), else None."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
    except ValueError:
        return None
    try:
        if len(parts) >= 3:
            d = date(parts[0], parts[1], parts[2])
            return d, d, "day"
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last), "month"
        return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    except ValueError:
        return None


def event_interval(value: str | None, date_precision: str | None, time_precision: int | None,
                   published: str | None) -> tuple[date | None, date | None, str | None]:
    """The interval an event's date stands for; an undated event takes the week before its publication."""
    parsed = parse_date(value)
    if parsed is None:
        pub = parse_date(published)
        if pub is None or pub[2] != "day":
            return None, None, None
        return pub[0] - timedelta(days=6), pub[0], "week"
    start, end, natural = parsed
    precision = date_precision if date_precision in _PRECISION_RANK else _TIME_PRECISION.get(time_precision or 0)
    precision = precision or natural
    if _PRECISION_RANK[precision] < _PRECISION_RANK[natural]:
        precision = natural  # "2022-05" cannot be day-precise whatever the flag says
    if precision == "week" and natural == "day":
        end = start + timedelta(days=6)
    return start, end, precision


def place_level(precision: str | None, feature_code: str | None) -> str:
    code = feature_code or ""
    if precision == "country" or code.startswith("PCL"):
        return "country"
    if precision == "region" or code == "ADM1":
        return "region"
    return "local"


def geo_precision_of(event_geo_precision: int | None, place_precision: str | None) -> int:
    if event_geo_precision in DISTANCE_KM:
        return int(event_geo_precision)
    return min(3, _PLACE_PRECISION.get(place_precision or "", 3))


def actor_keys(*actors: dict[str, object] | None) -> frozenset[str]:
    """Comparable keys of an event's actors: the side when known (RU, UA), else the normalised name."""
    keys = set()
    for a in actors:
        if not a:
            continue
        side = a.get("side")
        name = a.get("name")
        if side:
            keys.add(f"side:{str(side).upper()}")
        elif name:
            keys.add(f"name:{' '.join(str(name).lower().split())}")
    return frozenset(keys)


# -- the four rules ----------------------------------------------------------------------------------------

def types_compatible(a: EventRef, b: EventRef) -> bool:
    if (a.event_type, a.sub_event_type) in TERRITORY and (b.event_type, b.sub_event_type) in TERRITORY:
        return True
    if a.event_type != b.event_type:
        return False
    return a.event_type != "Strategic developments" or a.sub_event_type == b.sub_event_type


def places_compatible(a: EventRef, b: EventRef) -> bool:
    # A whole country says too little to tie two reports: "fighting in Ukraine" on one day is many events.
    if "none" in (a.place_level, b.place_level) or "country" in (a.place_level, b.place_level):
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if "region" in (a.place_level, b.place_level):
        return bool(a.country_code and a.admin1 and a.country_code == b.country_code and a.admin1 == b.admin1)
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    limit = DISTANCE_KM[max(a.geo_precision or 3, b.geo_precision or 3)]
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= limit


def dates_compatible(a: EventRef, b: EventRef) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    if "year" in (a.date_precision, b.date_precision):
        return False
    looser = max(a.date_precision or "day", b.date_precision or "day", key=_PRECISION_RANK.__getitem__)
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    return gap <= DATE_TOLERANCE_DAYS[looser]


def actors_compatible(a: EventRef, b: EventRef) -> bool:
    return not a.actors or not b.actors or bool(a.actors & b.actors)


def compatible(a: EventRef, b: EventRef) -> bool:
    """True when ``a`` and ``b`` may describe the same real-world event (all four rules)."""
    return types_compatible(a, b) and dates_compatible(a, b) and places_compatible(a, b) and actors_compatible(a, b)


# -- components --------------------------------------------------------------------------------------------

def cluster_id(earliest: EventRef) -> str:
    digest = hashlib.sha1(f"{earliest.article_id}\x1f{earliest.event_id}".encode()).hexdigest()
    return "c" + digest[:16]


def cluster_events(refs: Iterable[EventRef]) -> dict[str, list[EventRef]]:
    """``{cluster_id: members (earliest first)}``; every event lands in exactly one cluster (maybe alone)."""
    items = sorted(refs, key=lambda r: r.order)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dated = sorted((i for i, r in enumerate(items) if r.start is not None), key=lambda i: items[i].start)  # type: ignore[arg-type, return-value]
    for pos, i in enumerate(dated):
        a = items[i]
        for j in dated[pos + 1 :]:
            b = items[j]
            if (b.start - a.start).days > MAX_SPAN_DAYS:  # type: ignore[operator]
                break
            if find(i) != find(j) and compatible(a, b):
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)  # the root is always the earliest member
    groups: dict[int, list[EventRef]] = {}
    for i, r in enumerate(items):
        groups.setdefault(find(i), []).append(r)
    return {cluster_id(members[0]): members for members in groups.values()}


def representative(members: Sequence[EventRef]) -> EventRef:
    """The member that best locates the cluster: the most precise place, then the earliest report."""
    located = [m for m in members if m.lat is not None] or list(members)
    return min(located, key=lambda m: (m.geo_precision or 4, m.order))
