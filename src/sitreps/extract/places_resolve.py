"""Resolution: rank the gazetteer entries a mention can refer to, on several signals together.

Why several signals: population alone picks the wrong Hryhorivka (one of 42 in Ukraine) and proximity alone
picks the village called Kyiv (108 people) over the capital. Each candidate's score is the sum of

- a prior: how well the surface matches (primary name vs alternate), the feature (country, capital, admin
  seat, river when the text says "River"), log population;
- the mention's own cues: an admin area or country named right after it ("Ruska Lozova, Kharkiv"), a type
  word ("X oblast" wants an admin area, "X City" and "the village of X" a populated place);
- the article: its focus country (a vote of the mentions' best candidates) and the distance to the places
  other mentions resolve to (nearby places support each other);

then a last check: a name that is both a town and the admin area it heads ("Luhansk") means the area when the
article's other places in that area all lie far from the town.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import cast

import numpy as np
from numpy.typing import NDArray

from ..gazetteer.build import fold
from ..gazetteer.index import Entry, Gazetteer, haversine_km

FEATURE_PRIOR = {
    "PCLI": 3.0, "PCLD": 2.5, "PCLS": 2.5, "PCLF": 2.5, "PCL": 2.5, "ADM1": 0.6, "ADM2": 0.2, "RGN": 0.6,
    "PPLC": 1.5, "PPLA": 0.8, "PPLA2": 0.4, "PPLA3": 0.2, "PPL": 0.0, "STM": 0.0,
    # oceans and seas carry no population: "the Atlantic" is the ocean, not Atlantic County or a town
    "OCN": 2.5, "SEA": 1.5,
    # the index's islands are the large ones of the gazetteer tables (cities500 holds none): "northern Luzon" is
    # the island of 50 million people, not the village of Luzon in Mindanao
    "ISL": 1.5,
}
# A name in capitals that is a city this large is the city (a dateline: "KYIV, Ukraine -"), not an acronym.
CAPS_CITY_POPULATION = 100_000
# An alternate-name match keeps its weight above this population ("Kiev" is Kyiv, "Bombay" Mumbai).
ALT_KEEP_POPULATION = 100_000
# weights of the population prior and of the article's focus (its country, its first-level area)
POP_WEIGHT = 0.35
COUNTRY_FOCUS = 3.0
AREA_FOCUS = 2.5
# proximity support from other names' runner-up readings (see _proximity_round)
ALT_WEIGHT = 0.8
ALT_MARGIN = 2.0
ALT_K = 3
REGION_WEIGHT = 0.0
CONTAIN_BONUS = 1.0
PROX_CAP = 4.0
REGION_KM = 300.0
# support for a place near (not in) a country the text names: "Gaza" beside Israel and Egypt is not the province
# in Mozambique; exp(-km/COUNTRY_NEAR_KM) from the country's point, nothing beyond twice that distance
COUNTRY_NEAR = 1.0
COUNTRY_NEAR_KM = 200.0
THE_FEATURES = frozenset({"OCN", "SEA", "RGN", "CONT", "PEN", "MTS"})
THE_BONUS = 1.0
# "X region" names a city's metropolitan area when X is a city this large and no area, sea or region bears X
METRO_POPULATION = 1_000_000
REGION_AREA_CODES = frozenset({"ADM1", "OCN", "SEA", "RGN", "CONT", "PEN"})
MAX_CANDIDATES = 40  # per mention, by prior: 42 Hryhorivkas fit, 800 "Springfield"s are cut to the likeliest


@dataclass
class Mention:
    """A recognised toponym waiting to be resolved. ``kind`` restricts the feature type:
    admin ("X oblast"), town ("X City", "the village of X"), river ("the X River"), country (demonym)."""

    start: int
    end: int
    key: str  # folded lookup key
    surface: str
    kind: str | None = None
    role: str = "other"
    sent: int = 0
    qualifier: str | None = None  # folded key of a place named right after: "Ruska Lozova, Kharkiv"
    after_the: bool = False  # "the Donets": a bare name after "the" is likely a river or region
    list_id: int | None = None  # mentions of one enumeration ("Arizona, Georgia, Oregon and Ohio") share it
    area_cue: bool = False  # it qualifies a place before it ("Buffalo, New York") or "state"/"Governor" follows
    point_cue: bool = False  # a direction or distance from it: "east of X", "around X", "near X" (a point, a town)
    # "Y, 20 km east of X": the mention of X it lies from, the distance in km (None: not given; negative: "within"
    # it) and the bearing from X in degrees (None: not given); see _anchor_fit
    anchors: list[tuple[Mention, float | None, float | None]] = field(default_factory=list)
    pointed: bool = False  # some mention of the name is a point_cue or an anchor: the text uses it as a point
    candidates: list[Entry] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)

    def best(self) -> Entry | None:
        if not self.candidates:
            return None
        i = max(range(len(self.scores)), key=self.scores.__getitem__)
        return self.candidates[i]


def _type_fit(e: Entry, kind: str | None) -> float:
    if kind is None:
        return 0.0
    if kind == "admin":
        return 2.0 if e.is_admin else -4.0
    if kind == "town":
        return 1.0 if e.feature_class == "P" else -4.0
    if kind == "river":
        return 4.0 if e.feature_class == "H" else -4.0
    if kind == "country":
        return 3.0 if e.is_country else -6.0
    if kind == "region":  # "the Kharkiv region", "the tropical Pacific region": an area, a sea or a region
        return 2.0 if e.is_admin or e.feature_code in ("OCN", "SEA", "RGN", "CONT", "PEN") else -4.0
    if kind == "sea":
        return 4.0 if e.feature_code in ("OCN", "SEA") else -4.0
    return 0.0


def prior(e: Entry, m: Mention, named: bool = False) -> float:
    """Score of ``e`` for ``m`` before the article's context is looked at.

    ``named``: some town bears the name itself. A town that matches only through an alternate name (an old
    or local name: "Paris" for Saint Paris, "Athens" for Oshkosh) then ranks well below the towns so named.
    """
    if fold(e.name) == m.key:
        s = 1.0
    elif e.feature_code == "ADM2" and e.name.endswith(" County"):
        s = -1.0  # a bare "Atlantic", "Gulf" or "Washington" is rarely the county of that name
    else:
        s = -1.0 if named and e.feature_class == "P" and e.population < ALT_KEEP_POPULATION else 0.5
    s += FEATURE_PRIOR.get(e.feature_code, -0.3 if e.feature_class in "STL" else 0.0)
    s += POP_WEIGHT * math.log10(1 + e.population)
    if m.surface.isupper() and len(m.surface) <= 5 and e.feature_class == "P" and not e.name.isupper() \
            and not (e.population >= CAPS_CITY_POPULATION and fold(e.name) == m.key):
        s -= 3.0  # "EU", "SA": an acronym, not the town of Eu; but a dateline's "KYIV", "LVIV" is the city
    if e.feature_code == "STM" and m.kind != "river":
        # a bare name is a river only when little else carries it ("the Donets"); "Minnesota" is the state
        s += 1.0 if m.after_the and e.bbox is not None else -1.0
    elif e.bbox is not None:  # a river with its extent: as prominent as a mid-sized town
        s += 1.5
    if m.after_the and e.feature_code in THE_FEATURES:
        s += THE_BONUS  # "in the Baltic", "the Caucasus": a sea or region takes "the", a town rarely does
    if m.area_cue and (e.is_admin or e.is_country):
        s += 1.5  # "Buffalo, New York", "New York Governor ...": the state, not the city
    return s + _type_fit(e, m.kind)


def _big_cities(m: Mention, found: list[Entry]) -> list[Entry]:
    """The cities of 500,000+ people named ``m`` by their own name (see :func:`_world_city_namesake`)."""
    return [c for c in found if c.population >= BIG_CITY_POPULATION and c.feature_class == "P"
            and fold(c.name) == m.key]


# Short names two countries share in news: each is a candidate whichever the index files the name under.
SHARED_COUNTRY_NAMES = {"congo": ("CG", "CD"), "the congo": ("CG", "CD")}


def _world_city_namesake(e: Entry, m: Mention, big: list[Entry]) -> float:
    """A village named like a world city of another country ("Toronto", Ohio, 5,000 people, against Toronto,
    2.6 million) or like a city of 500,000+ of its own country (Boston, New York, against Boston) starts a point
    lower: the text's focus on the village's country or area alone should not outweigh the city; a qualifier, an
    area cue or nearby places still can."""
    if e.feature_class != "P" or e.population >= WORLD_CITY_VILLAGE or m.kind is not None:
        return 0.0
    return WORLD_CITY_PENALTY if any(c.population >= METRO_POPULATION or c.country_code == e.country_code
                                     for c in big) else 0.0


WORLD_CITY_VILLAGE = 10_000
BIG_CITY_POPULATION = 500_000
WORLD_CITY_PENALTY = 1.0


def _contains(area: Entry, e: Entry) -> bool:
    """True when ``e`` lies inside ``area`` (a country or a first-level admin area)."""
    if area.is_country:
        return e.country_code == area.country_code and e.geonameid != area.geonameid
    if area.feature_code == "ADM1":
        return e.country_code == area.country_code and e.admin1 == area.admin1 and e.geonameid != area.geonameid
    return False


def resolve(mentions: list[Mention], gaz: Gazetteer) -> None:
    """Fill ``candidates`` and ``scores`` of every mention (best first).

    Mentions that repeat a name with the same cues are resolved once: an ISW assessment names "Russian",
    "Kharkiv" or "Izyum" dozens of times, and the context signals are per name, not per occurrence.
    """
    groups: dict[tuple[str, str | None, str | None, bool], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((m.key, m.kind, m.qualifier, m.area_cue), []).append(m)
    reps = [ms[0] for ms in groups.values()]
    rep_of = {id(m): ms[0] for ms in groups.values() for m in ms}
    for ms in groups.values():
        # a distance cue of any mention of the name serves the group; the anchor's own group decides its point
        cues = [(rep_of[id(a)], km, brg) for m in ms for a, km, brg in m.anchors if id(a) in rep_of]
        ms[0].anchors = [(a, km, brg) for a, km, brg in cues if a.key != ms[0].key]
        for a, _, _ in ms[0].anchors:
            a.pointed = True
    for ms in groups.values():
        ms[0].pointed = ms[0].pointed or any(m.point_cue for m in ms)
    _resolve_distinct(reps, gaz)
    _areas_among_areas(groups)
    for ms in groups.values():
        for other in ms[1:]:
            other.candidates, other.scores = ms[0].candidates, ms[0].scores


def _resolve_distinct(mentions: list[Mention], gaz: Gazetteer) -> None:
    for m in mentions:
        found = gaz.lookup_key(m.key)
        if m.key in SHARED_COUNTRY_NAMES:
            # "Congo" is either country: both are candidates, the text decides (Ituri and Orientale are the DRC's)
            more = [c for cc in SHARED_COUNTRY_NAMES[m.key] if (c := gaz.country(cc)) is not None]
            found = found + [c for c in more if all(c.geonameid != e.geonameid for e in found)]
        named = any(e.feature_class == "P" and fold(e.name) == m.key for e in found)
        big = _big_cities(m, found)
        pri = sorted(((prior(e, m, named) - (_world_city_namesake(e, m, big) if big else 0.0), e) for e in found),
                     key=lambda t: -t[0])[:MAX_CANDIDATES]
        m.candidates = [e for _, e in pri]
        m.scores = [p for p, _ in pri]
        if m.kind == "region" and not any(e.is_country or e.feature_code in REGION_AREA_CODES for e in m.candidates):
            # "the Houston region": no first-level area, sea or region bears the name, so the region is the
            # metropolitan area of a city this large, not a namesake county (Houston County, 170 km off)
            m.scores = [sc + 6.0 if e.feature_class == "P" and e.population >= METRO_POPULATION else sc
                        for sc, e in zip(m.scores, m.candidates, strict=True)]
        if m.kind not in ("admin", "region"):
            # "Kharkiv", "Luhansk": the town by default; the area it heads only on evidence (_prefer_area)
            seats = _seats(m)
            m.scores = [sc - 1.0 if e.feature_code == "ADM1" and (e.country_code, e.admin1) in seats else sc
                        for sc, e in zip(m.scores, m.candidates, strict=True)]
    base = [list(m.scores) for m in mentions]
    seats_of = [_seats(m) for m in mentions]  # the candidates stay, only their scores change in the rounds
    qualifiers: dict[str, list[Entry]] = {}
    for m in mentions:
        if m.qualifier and m.qualifier not in qualifiers:
            qualifiers[m.qualifier] = [e for e in gaz.lookup_key(m.qualifier) if e.is_country or e.is_admin
                                       or e.feature_code in ("PPLC", "PPLA")]
    for _ in range(2):  # context uses the other mentions' current best: two rounds settle it
        votes = _focus(mentions)
        bests = _distinct_bests(mentions)
        alts = _alternates(bests) if ALT_WEIGHT > 0 else {}
        # split once per round: towns and areas support by proximity, named countries by _near_named_country
        places: list[tuple[Mention, Entry | None]] = [(o, ob) for o, ob in bests
                                                      if ob is not None and not ob.is_country]
        countries: list[tuple[Mention, Entry | None]] = [(o, ob) for o, ob in bests
                                                         if ob is not None and ob.is_country]
        rnd = _Round(places, alts, countries)
        for m, b, own, seats in zip(mentions, base, votes, seats_of, strict=True):
            focus: dict[str, float] = {}
            for other in votes:
                if other is not own and other[0]:
                    focus[other[0]] = focus.get(other[0], 0.0) + other[1]
                    if other[2]:
                        focus[other[2]] = focus.get(other[2], 0.0) + other[1]
            near = _proximity_round(m, rnd)
            total = sum(v for k, v in focus.items() if "/" not in k)
            m.scores = [b[i] + _context(e, m, focus, bests, qualifiers, gaz, total, seats) + near[i]
                        for i, e in enumerate(m.candidates)]
            if m.anchors:
                m.scores = [sc + fit for sc, fit in zip(m.scores, _anchor_fit(m), strict=True)]
    _lists_of_areas(mentions)
    _lists_of_capitals(mentions)
    _lists_of_big_places(mentions)
    for m in mentions:
        _prefer_area(m, mentions, gaz)
        _state_not_country(m, mentions)
        order = sorted(range(len(m.candidates)), key=lambda i: -m.scores[i])
        m.candidates = [m.candidates[i] for i in order]
        m.scores = [m.scores[i] for i in order]


def _anchor_fit(m: Mention) -> list[float]:
    """Per candidate of ``m``: ``ANCHOR_BONUS`` for a town that lies where the text puts it from another place
    ("Hryhorivka, 20 km east of Zaporizhzhia", "Dovhenke (south of Izium)"): within the stated distance (half to
    one and a half times it, 15 km either way; at most it and 15 km for "within"; ``ANCHOR_NEAR_KM`` when no
    distance is given) of that place's
    current reading, a town, and within ``ANCHOR_BEARING`` degrees of the stated direction. Settles village
    namesakes (Ukraine has dozens of Hryhorivkas and Mykolaivkas) that the text's other places leave close."""
    out = [0.0] * len(m.candidates)
    if m.kind in ("admin", "region", "country", "river", "sea"):
        return out
    for a, km, brg in m.anchors:
        ab = a.best()
        if ab is None or ab.feature_class != "P":
            continue  # "west of Donetsk Oblast": an area's point says little about where a village lies
        lo, hi = (0.0, ANCHOR_NEAR_KM) if km is None else (0.0, 15.0 - km) if km < 0 \
            else (0.5 * km - 15.0, 1.5 * km + 15.0)  # km < 0: "within 10 km", at most that far
        for i, e in enumerate(m.candidates):
            if e.feature_class != "P" or out[i]:
                continue
            d = haversine_km(ab.lat, ab.lon, e.lat, e.lon)
            if lo <= d <= hi and (brg is None or d < 5.0 or _bearing_gap(ab, e, brg) <= ANCHOR_BEARING):
                out[i] = ANCHOR_BONUS
    return out


def _bearing_gap(a: Entry, e: Entry, brg: float) -> float:
    """Degrees between the initial bearing from ``a`` to ``e`` and ``brg``."""
    p1, p2 = math.radians(a.lat), math.radians(e.lat)
    dl = math.radians(e.lon - a.lon)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    gap = abs(math.degrees(math.atan2(x, y)) % 360.0 - brg) % 360.0
    return min(gap, 360.0 - gap)


ANCHOR_BONUS = 3.0
ANCHOR_NEAR_KM = 80.0  # "near X, northeast of Izium": no distance given
ANCHOR_BEARING = 67.5  # the stated direction, half a compass point either side of its neighbours


def _seats(m: Mention) -> set[tuple[str, str]]:
    """The first-level areas (country, admin1) that ``m``'s town candidates lie in, and those of the areas named
    like a city of ``m``'s that they surround (:func:`_enclosing`): a bare "Kyiv" is the capital, as a bare
    "Kharkiv" is the city, the oblast only on evidence; an area so named is no candidate in its own right for
    holding the text's other places (:func:`_context`)."""
    seats = {(e.country_code, e.admin1) for e in m.candidates if e.feature_class == "P"}
    seats.update((e.country_code, a1) for e in m.candidates for a1 in _enclosing(m, e))
    return seats


def _enclosing(m: Mention, e: Entry) -> list[str]:
    """The first-level areas (admin1 codes) around ``e``, a city that is a first-level area of its own, named like
    it among ``m``'s candidates (by its own name or, for a large city, another: "Kiev"): Kyiv (its own area) inside
    Kyiv Oblast, Minsk, Lima. Towns of the oblast around it count for the city as towns of its area do
    (:func:`_context`); nothing for any other candidate."""
    if e.feature_class != "P" or fold(e.name) != m.key and e.population < ALT_KEEP_POPULATION \
            or not (e.feature_code in ("PPLC", "PPLA") or e.population >= CITY_SEAT_POPULATION):
        return []  # named so, or a city as large as keeps its other names' weight ("Kiev" is Kyiv, see prior)
    return [a.admin1 for a in m.candidates
            if a.feature_code == "ADM1" and a.country_code == e.country_code and a.admin1 != e.admin1
            and haversine_km(e.lat, e.lon, a.lat, a.lon) <= SEAT_KM]


CITY_SEAT_POPULATION = 100_000
SEAT_KM = 100.0  # Kyiv 32 km from Kyiv Oblast's point, Minsk 22, Lima 44; Washington, D.C. 3,623 from the state


def _distinct_bests(mentions: list[Mention]) -> list[tuple[Mention, Entry | None]]:
    """One (mention, best entry) per distinct name: proximity counts each named place once."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append((m, m.best()))
    return out


def _focus(mentions: list[Mention]) -> list[tuple[str, float, str]]:
    """Votes, one per mention: its best candidate's country and first-level area ("US/LA"), weighted by how
    clearly it beats the runner-up. A mention never votes for itself (see :func:`resolve`)."""
    votes: list[tuple[str, float, str]] = []
    for m in mentions:
        best = m.best()
        if not m.scores or best is None or not best.country_code:
            votes.append(("", 0.0, ""))
            continue
        s = sorted(m.scores, reverse=True)
        margin = s[0] - (s[1] if len(s) > 1 else s[0] - 3.0)
        # an area listed among others ("Arizona, California, Louisiana and Missouri") is one of several peers,
        # not the article's area: its towns ("Louisiana", "California", both towns in Missouri) get no vote
        area = "" if best.is_country or not best.admin1 or best.is_admin and m.list_id is not None \
            else f"{best.country_code}/{best.admin1}"
        votes.append((best.country_code, min(3.0, max(0.2, margin)), area))
    return votes


def _context(e: Entry, m: Mention, focus: dict[str, float], bests: list[tuple[Mention, Entry | None]],
             qualifiers: dict[str, list[Entry]], gaz: Gazetteer, total: float | None = None,
             seats: set[tuple[str, str]] | None = None) -> float:
    """``total`` (the focus votes for countries) and ``seats`` (:func:`_seats`: the areas of ``m``'s town
    candidates) are the same for every candidate of ``m``: the caller may compute them once per mention."""
    s = 0.0
    if total is None:
        total = sum(v for k, v in focus.items() if "/" not in k)
    if total and e.country_code:
        s += COUNTRY_FOCUS * focus.get(e.country_code, 0.0) / total
        if not e.is_country and e.admin1:
            area = focus.get(f"{e.country_code}/{e.admin1}", 0.0)
            if e.feature_class == "P" and e.population >= CITY_SEAT_POPULATION:
                # "Kyiv" among Brovary and Vasylkiv: the oblast around the capital is the capital's area too
                area = max([area, *(focus.get(f"{e.country_code}/{a1}", 0.0) for a1 in _enclosing(m, e))])
            s += AREA_FOCUS * area / total
    elif total and not e.country_code:
        # an ocean, sea, continent or region of several countries borders every focus: "the Atlantic" in a story
        # about Florida is the ocean, not Atlantic, Iowa; a US story's "West Coast" is not New Zealand's region
        s += COUNTRY_FOCUS * max(v for k, v in focus.items() if "/" not in k) / total
    if m.qualifier:
        areas = qualifiers.get(m.qualifier, [])
        if any(_contains(a, e) for a in areas):
            s += 3.0
        elif any(a.feature_class == "P" and haversine_km(a.lat, a.lon, e.lat, e.lon) < 60 for a in areas):
            s += 2.0
    if seats is None:
        seats = _seats(m)
    twin = e.is_admin and (e.country_code, e.admin1) in seats
    if (e.is_country or e.is_admin) and not twin:
        # an area that holds the article's other places: "Atlanta, Savannah and across Georgia"; an area named
        # like its own capital ("Kharkiv") is left to _prefer_area
        held = {o.key for o, ob in bests if o is not m and ob is not None and _contains(e, ob)}
        s += min(2.0, 1.0 * len(held))
    if m.list_id is not None:
        # an enumeration names places of one level: "Georgia, Illinois, Oregon and Wyoming" are states
        level = _level(e)
        same = {o.key for o, ob in bests if o is not m and o.list_id == m.list_id and o.key != m.key
                and ob is not None and _level(ob) == level}
        s += 1.0 * min(len(same), 3)
    return s


def _haversine_matrix(lat1: NDArray[np.float64], lon1: NDArray[np.float64], lat2: NDArray[np.float64],
                      lon2: NDArray[np.float64]) -> NDArray[np.float64]:
    """Great-circle km between every point of the first set (rows) and of the second (columns)."""
    p1, p2 = np.radians(lat1)[:, None], np.radians(lat2)[None, :]
    dl = np.radians(lon2)[None, :] - np.radians(lon1)[:, None]
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))  # type: ignore[no-any-return]


class _Round:
    """What every mention's :func:`_proximity_round` reads in one resolution round, as arrays built once per round
    instead of once per mention: the towns and areas the other names resolve to (``places``), their runner-up
    readings (``alternates``) and the named countries. A mention drops its own name's entry (names are
    distinct in each list, see :func:`_distinct_bests`); the values are the same, so are the results."""

    def __init__(self, places: list[tuple[Mention, Entry | None]], alternates: dict[str, list[Entry]],
                 countries: list[tuple[Mention, Entry | None]]) -> None:
        self.places = places
        pe = [cast(Entry, ob) for _, ob in places]
        self.entries = pe
        self.pos = {o.key: j for j, (o, _) in enumerate(places)}
        self.lat = np.array([ob.lat for ob in pe])
        self.lon = np.array([ob.lon for ob in pe])
        self.sent = np.array([o.sent for o, _ in places], dtype=np.int64)
        self.bbox = [(j, ob) for j, ob in enumerate(pe) if ob.bbox is not None]
        self.adm1 = [(j, ob) for j, ob in enumerate(pe) if ob.feature_code == "ADM1"]
        alts = [(j, a) for j, (o, _) in enumerate(places) for a in alternates.get(o.key, ())]
        self.alt_j = np.array([j for j, _ in alts], dtype=np.int64)
        self.alt_lat = np.array([a.lat for _, a in alts])
        self.alt_lon = np.array([a.lon for _, a in alts])
        named = [(o.key, ob) for o, ob in countries if ob is not None and ob.is_country]
        self.named_keys = [k for k, _ in named]
        self.named_lat = np.array([c.lat for _, c in named])
        self.named_lon = np.array([c.lon for _, c in named])
        self.named_cc = np.array([c.country_code for _, c in named])


def _proximity_round(m: Mention, rnd: _Round) -> list[float]:
    """Per candidate of ``m`` (0 for countries): support from the places the article's other names resolve to,
    each counted once — 1.5 (1 when more than a sentence away) times exp(-km/60), +1 when that place is an
    area holding the candidate — capped at 4; a runner-up reading of another name (``rnd``'s alternates, see
    :func:`_alternates`) supports at ``ALT_WEIGHT`` when it is nearer than that name's best; plus
    :func:`_near_named_country` for the named countries. Computed for all candidates and places at once from
    the round's arrays (:class:`_Round`): this term is most of the stage's time on long articles that name many
    places. The per-mention reference it must equal float for float is in tests/extract/test_stage_speedups.py."""
    cands = m.candidates
    clat = np.array([e.lat for e in cands])
    clon = np.array([e.lon for e in cands])
    cn = _near_named_country(m, [], clat, clon, rnd)
    p = rnd.pos.get(m.key)  # this name's own entry, left out
    n = len(rnd.places) - (p is not None)
    if not n or not cands:
        return [0.0 if e.is_country else float(v) for e, v in zip(cands, cn, strict=True)]
    if p is None:
        olat, olon, osent = rnd.lat, rnd.lon, rnd.sent
    else:
        olat, olon, osent = np.delete(rnd.lat, p), np.delete(rnd.lon, p), np.delete(rnd.sent, p)
    d = _haversine_matrix(clat, clon, olat, olon)

    def col(j: int) -> int:  # column of the round's place j once this name's own entry is left out
        return j - 1 if p is not None and j > p else j

    # a river counts as near (at most 50 km) to anything inside its bounding box
    for jf, ob in rnd.bbox:
        if jf == p:
            continue
        j = col(jf)
        so, we, no, ea = cast(tuple[float, float, float, float], ob.bbox)
        for i, e in enumerate(cands):
            if so <= e.lat <= no and we <= e.lon <= ea:
                d[i, j] = min(50.0, d[i, j])
    for i, e in enumerate(cands):
        if e.bbox is not None:
            so, we, no, ea = e.bbox
            for jf, pe in enumerate(rnd.entries):
                if jf != p and so <= pe.lat <= no and we <= pe.lon <= ea:
                    j = col(jf)
                    d[i, j] = min(50.0, d[i, j])
    sup = np.exp(-d / 60.0)
    if ALT_WEIGHT > 0 and len(rnd.alt_j):
        if p is None:
            aj, alat, alon = rnd.alt_j, rnd.alt_lat, rnd.alt_lon
        else:
            keep = rnd.alt_j != p
            aj = rnd.alt_j[keep]
            aj = aj - (aj > p)
            alat, alon = rnd.alt_lat[keep], rnd.alt_lon[keep]
        if len(aj):
            da = _haversine_matrix(clat, clon, alat, alon)
            sa = ALT_WEIGHT * np.exp(-da / 60.0)
            supt = sup.T
            np.maximum.at(supt, aj, sa.T)
    w = np.where(np.abs(osent - m.sent) > 1, 1.0, 1.5)
    near = (sup * w[None, :]).sum(axis=1)
    if REGION_WEIGHT > 0:
        near += REGION_WEIGHT * np.exp(-d / REGION_KM).sum(axis=1)
    for jf, ob in rnd.adm1:
        if jf != p:
            for i, e in enumerate(cands):
                if _contains(ob, e):
                    near[i] += CONTAIN_BONUS
    return [0.0 if e.is_country else min(float(v), PROX_CAP) + float(c) for e, v, c in zip(cands, near, cn, strict=True)]


def _near_named_country(m: Mention, bests: list[tuple[Mention, Entry | None]],
                        clat: NDArray[np.float64] | None = None, clon: NDArray[np.float64] | None = None,
                        rnd: _Round | None = None) -> NDArray[np.float64]:
    """Per candidate of ``m``: ``COUNTRY_NEAR`` * exp(-km/``COUNTRY_NEAR_KM``) to the nearest point of a country
    the text names that is not the candidate's own (0 beyond twice that distance). Country-to-town proximity
    that :func:`_proximity_round` leaves out: it counts towns and areas only, and a country's own places already
    take its focus vote. ``clat``/``clon``: the candidates' points; ``rnd``: the round's named countries
    (then ``bests`` is not read)."""
    cands = m.candidates
    if rnd is not None:
        keep = [k != m.key for k in rnd.named_keys]
        if COUNTRY_NEAR <= 0 or not any(keep) or not cands:
            return np.zeros(len(cands))
        if all(keep):
            nlat, nlon, ncc = rnd.named_lat, rnd.named_lon, rnd.named_cc
        else:
            sel = np.array(keep)
            nlat, nlon, ncc = rnd.named_lat[sel], rnd.named_lon[sel], rnd.named_cc[sel]
    else:
        named = [ob for o, ob in bests if ob is not None and ob.is_country and o.key != m.key]
        if COUNTRY_NEAR <= 0 or not named or not cands:
            return np.zeros(len(cands))
        nlat = np.array([c.lat for c in named])
        nlon = np.array([c.lon for c in named])
        ncc = np.array([c.country_code for c in named])
    if clat is None or clon is None:
        clat, clon = np.array([e.lat for e in cands]), np.array([e.lon for e in cands])
    d = _haversine_matrix(clat, clon, nlat, nlon)
    close = d < 2 * COUNTRY_NEAR_KM
    if not close.any():
        return np.zeros(len(cands))
    foreign = np.array([e.country_code for e in cands])[:, None] != ncc[None, :]
    near = COUNTRY_NEAR * np.exp(-d / COUNTRY_NEAR_KM) * (foreign & close)
    return near.max(axis=1)  # type: ignore[no-any-return]


def _alternates(bests: list[tuple[Mention, Entry | None]]) -> dict[str, list[Entry]]:
    """Per distinct name (key): its next-best readings within ``ALT_MARGIN`` of its best score (at most
    ``ALT_K``, countries left out). Computed once per round, shared by every mention's proximity."""
    out: dict[str, list[Entry]] = {}
    for o, ob in bests:
        if ob is None or len(o.candidates) < 2:
            continue
        top = max(o.scores)
        order = sorted(range(len(o.candidates)), key=lambda i: -o.scores[i])
        n = 0
        for i in order:
            e = o.candidates[i]
            if e is ob or e.is_country:
                continue
            if o.scores[i] < top - ALT_MARGIN or n >= ALT_K:
                break
            out.setdefault(o.key, []).append(e)
            n += 1
    return out


def _enumerations(mentions: list[Mention], least: int = 3) -> list[dict[str, Mention]]:
    """The enumerations of at least ``least`` distinct names: each one's first mention per name."""
    lists: dict[int, dict[str, Mention]] = {}
    for m in mentions:
        if m.list_id is not None:
            lists.setdefault(m.list_id, {}).setdefault(m.key, m)
    return [members for members in lists.values() if len(members) >= least]


def _lists_of_areas(mentions: list[Mention]) -> None:
    """An enumeration whose other names could all be first-level areas of one country, one of them read as such,
    lists areas: "Georgia, Oklahoma, Pennsylvania and California" are states, not the towns Oklahoma and
    California in Pennsylvania; "Washington, Pennsylvania and California" too. A town of the list that has a
    first-level-area reading of that country takes it. Decided on the readings before the step, then applied.
    """
    moves = []
    for members in _enumerations(mentions):
        for m in members.values():
            best = m.best()
            if best is None or best.feature_class != "P":
                continue
            for i, e in enumerate(m.candidates):
                if e.feature_code != "ADM1":
                    continue
                others = [o for o in members.values() if o is not m]
                read = sum(1 for o in others if (b := o.best()) is not None and b.feature_code == "ADM1"
                           and b.country_code == e.country_code)
                could = all(any(c.feature_code == "ADM1" and c.country_code == e.country_code for c in o.candidates)
                            for o in others)
                if read and could or read >= 2 and (m.qualifier is None or m.qualifier in members):
                    # two areas of one country read as such make the list's areas of that country ("New York
                    # City, Long Island, New York, Pennsylvania, and New Jersey"), though a city opens it; not
                    # a name its own qualifier follows ("Florida and Washington, D.C.")
                    moves.append((m, i))
                break
    for m, i in moves:
        m.scores[i] = max(m.scores) + 0.5


# a list naming capitals of several countries names big cities: "Istanbul, Geneva, Brussels, New York, Beijing"
LIST_CITY_POPULATION = 100_000


def _lists_of_capitals(mentions: list[Mention]) -> None:
    """An enumeration that reads as capitals of two or more countries lists world cities: a member read as a
    small town ("Geneva" in Illinois, "New York" in Donetsk Oblast) whose name a city of over 100,000 bears
    takes the most populous such city. Decided on the readings before the step, then applied."""
    moves = []
    for members in _enumerations(mentions):
        capitals = {b.country_code for o in members.values() if (b := o.best()) is not None
                    and b.feature_code == "PPLC"}
        if len(capitals) < 2:
            continue
        for m in members.values():
            best = m.best()
            if best is None or best.feature_code == "PPLC" or best.is_country or \
                    (best.feature_class == "P" and best.population >= LIST_CITY_POPULATION):
                continue
            big = [(e.population, i) for i, e in enumerate(m.candidates)
                   if e.feature_class == "P" and e.population >= LIST_CITY_POPULATION]
            if big:
                moves.append((m, max(big)[1]))
    for m, i in moves:
        m.scores[i] = max(m.scores) + 0.5


def _lists_of_big_places(mentions: list[Mention]) -> None:
    """An enumeration whose other names all read as countries, first-level areas or cities of a million or more
    lists places of that size: a member read as a town under 100,000 ("Florida" beside New York City: the
    village 80 km off; "Toronto" beside New York: a village in Australia) takes its most populous reading that
    is a first-level area of a country of the list (not the Bahamas' district Long Island beside New York and
    New Jersey) or a city of a million or more. Decided on the readings before the step, then
    applied."""
    moves = []
    for members in _enumerations(mentions, least=2):
        for m in members.values():
            best = m.best()
            if best is None or best.feature_class != "P" or best.population >= LIST_CITY_POPULATION:
                continue
            others = [o.best() for o in members.values() if o is not m]
            if not all(b is not None and (b.is_country or b.feature_code == "ADM1"
                                          or b.feature_class == "P" and b.population >= METRO_POPULATION)
                       for b in others):
                continue
            countries = {b.country_code for b in others if b is not None}
            big = [(e.population, i) for i, e in enumerate(m.candidates)
                   if e.feature_code == "ADM1" and e.country_code in countries
                   or e.feature_class == "P" and e.population >= METRO_POPULATION]
            if big:
                moves.append((m, max(big)[1]))
    for m, i in moves:
        m.scores[i] = max(m.scores) + 0.5


# other names of a sentence read as first-level areas of one country that make a capital's namesake the area
PEER_AREAS = 2


def _areas_among_areas(groups: dict[tuple[str, str | None, str | None, bool], list[Mention]]) -> None:
    """A name read as a town whose other reading is the first-level area of that town's country, in a sentence
    whose other names include two or more read as first-level areas of that country and none read as a town,
    is the area: "a case in Manitoba, another in Ontario and a third in Quebec" names the province, not the city.
    A town under 100,000 in another area than the one it is named like needs one such name: "in Wales and in
    England" is not the village of Wales in England (a city as Kharkiv beside "Poltava Oblast" stays the city).
    An enumeration its plural area noun types ("Donetsk and Luhansk oblasts") counts as one such name, whatever
    its length: the writer said which names are areas, and the name outside it is not among them ("the battle of
    Kyiv ... seize Donetsk and Luhansk oblasts"). Works on the groups of :func:`resolve` (any mention of the name
    may be in such a sentence); decided on the readings before the step, then applied and the group's candidates
    re-sorted."""
    by_sent: dict[int, list[tuple[Mention, Entry]]] = {}
    for ms in groups.values():
        b = ms[0].best()
        if b is not None:
            for m in ms:
                by_sent.setdefault(m.sent, []).append((m, b))
    moves: list[tuple[Mention, int]] = []
    for ms in groups.values():
        rep = ms[0]
        best = rep.best()
        if best is None or best.feature_class != "P" or rep.kind == "town" or rep.qualifier is not None:
            continue  # a list of states ending in "Washington, D.C.": the qualifier names the town
        area_i = next((i for i, e in enumerate(rep.candidates)
                       if e.feature_code == "ADM1" and e.country_code == best.country_code), None)
        if area_i is None:
            continue
        area = rep.candidates[area_i]
        # a village named like another area of its country ("Wales", a village in England) needs one such peer
        least = 1 if best.population < LIST_CITY_POPULATION and best.admin1 != area.admin1 else PEER_AREAS
        for m in ms:
            if m.point_cue:
                continue  # "east of Kyiv, in Sumy Oblast": the point the direction is taken from, not a peer area
            peers = [(o, ob) for o, ob in by_sent.get(m.sent, []) if o.key != m.key]
            areas = {("list", o.list_id) if o.kind == "admin" and o.list_id not in (None, m.list_id)
                     else ("area", ob.admin1)
                     for o, ob in peers if ob.feature_code == "ADM1" and ob.country_code == best.country_code
                     and ob.admin1 != area.admin1}
            if len(areas) >= least and not any(ob.feature_class == "P" and ob.country_code == best.country_code
                                                    for _, ob in peers):
                moves.append((rep, area_i))
                break
    for m, i in moves:
        m.scores[i] = max(m.scores) + 0.5
        order = sorted(range(len(m.candidates)), key=lambda j: -m.scores[j])
        m.candidates = [m.candidates[j] for j in order]
        m.scores = [m.scores[j] for j in order]


def _level(e: Entry) -> str:
    if e.is_country:
        return "country"
    if e.feature_code == "ADM1":
        return "admin1"
    return "town" if e.feature_class == "P" else e.feature_code


def _prefer_area(m: Mention, mentions: list[Mention], gaz: Gazetteer) -> None:
    """A town that shares its name with the admin area it heads gives way to the area when the article's other
    places in that area (two or more) are all far (> 40 km) from the town: "efforts shifted to Luhansk" in an
    article about Lysychansk and Bilohorivka means the oblast; not when it is listed with towns, nor when the text
    takes a direction or distance from it anywhere (``Mention.pointed``)."""
    best = m.best()
    if best is None or best.feature_class != "P" or m.kind == "town" or m.pointed:
        return  # "20 km east of Kharkiv", "around Kharkiv" elsewhere in the text: the writer's Kharkiv is the city
    if m.list_id is not None and any(o.list_id == m.list_id and o.key != m.key and (ob := o.best()) is not None
                                     and ob.feature_class == "P" for o in mentions):
        return  # listed with towns, a peer of towns: "Kharkiv, Izium and Kupiansk" names the city
    area_i = next((i for i, e in enumerate(m.candidates)
                   if e.feature_code == "ADM1" and e.country_code == best.country_code and e.admin1 == best.admin1),
                  None)
    if area_i is None:
        return
    inside = []
    for other in mentions:
        ob = other.best()
        if other is m or ob is None or other.key == m.key or ob.feature_class != "P":
            continue
        if ob.country_code == best.country_code and ob.admin1 == best.admin1:
            inside.append(haversine_km(ob.lat, ob.lon, best.lat, best.lon))
    if len(inside) >= 2 and min(inside) > 40.0:
        m.scores[area_i] = max(m.scores) + 0.5


def _state_not_country(m: Mention, mentions: list[Mention]) -> None:
    """A country named like a first-level area of another country ("Georgia") is that area when the text's
    other names place nothing in the country and at least two names, half of those with a country or more, in
    the area's country: "a lab in Georgia" in a story about Iowa and Texas is the US state."""
    best = m.best()
    if best is None or not best.is_country:
        return
    area_i = next((i for i, e in enumerate(m.candidates)
                   if e.feature_code == "ADM1" and e.country_code and e.country_code != best.country_code), None)
    if area_i is None:
        return
    cc = m.candidates[area_i].country_code
    here = there = total = 0
    for other in mentions:
        ob = other.best()
        if other is m or other.key == m.key or ob is None or not ob.country_code:
            continue
        total += 1
        here += ob.country_code == best.country_code
        there += ob.country_code == cc
    if here == 0 and there >= 2 and 2 * there >= total:
        m.scores[area_i] = max(m.scores) + 0.5


def precision_of(e: Entry) -> str:
    """The place's precision as DESIGN.md names them: point, town, district, region, country."""
    if e.is_country:
        return "country"
    if e.feature_code in ("ADM1", "RGN") or e.bbox is not None:
        return "region"
    if e.feature_code.startswith("ADM"):
        return "district"
    if e.feature_class == "P":
        return "town"
    return "point"


def softmax_score(scores: list[float]) -> float:
    """How much the best candidate stands out, in [0, 1] (1 when it is the only one)."""
    if not scores:
        return 0.0
    top = max(scores)
    z = sum(math.exp(s - top) for s in scores)
    return round(1.0 / z, 3)
