"""Score the geoparser on the field's gold sets (GWN, LGL, GeoVirus, WikToR in ``../shared/eval/geo``).

Metrics, as the field reports them:

- recognition P/R/F1 on exact character spans (GWN: every toponym type except ``Non_Toponym`` and the
  ``*_Expression`` wrappers, so demonyms and embedded names count; the other sets: every annotated toponym —
  WikToR annotates only its ambiguous target names, so its precision is not meaningful);
- resolution on gold spans: the gold spans are given to the resolver (with the text's parse), and each is
  scored by the error in km of the chosen entry: accuracy@161 km, AUC of ln(1+error) normalised by
  ln(20039) (Gritta et al. 2017; unresolved = the maximum error), mean and median error, exact GeoNames id
  (where the gold has one) and correct country (where it is known);
- end to end: the share of gold toponyms that a predicted place overlaps and places within 161 km.

Gold data is read at run time and never copied into the repository.
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationDataMissing
from .common import find_shared, format_table, prf

SETS = ("GWN", "LGL", "GeoVirus", "WikToR")
FILES = {"GWN": "GWN.xml", "LGL": "lgl.xml", "GeoVirus": "GeoVirus.xml", "WikToR": "wiktor.jsonl"}
MAX_KM = 20039.0
GWN_SKIP_TYPES = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country_id: int | None = None  # GeoNames id of the gold country (LGL)


@dataclass
class GoldDoc:
    text: str
    toponyms: list[GoldToponym]


@dataclass
class SetScore:
    name: str
    docs: int = 0
    limit: int | None = None
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[float] = field(default_factory=list)
    id_hits: int = 0
    id_total: int = 0
    country_hits: int = 0
    country_total: int = 0
    e2e_hits: int = 0
    e2e_total: int = 0

    def row(self) -> dict[str, Any]:
        p, r, f = prf(self.tp, self.fp, self.fn)
        n = len(self.errors)
        acc = sum(e <= 161 for e in self.errors) / n if n else 0.0
        auc = sum(math.log(1 + e) for e in self.errors) / (n * math.log(MAX_KM)) if n else 0.0
        return {
            "set": self.name, "docs": self.docs, "limit": self.limit,
            "rec_P": p, "rec_R": r, "rec_F1": f,
            "n_gold": n, "acc161": acc, "auc": auc,
            "mean_km": statistics.fmean(self.errors) if n else 0.0,
            "median_km": statistics.median(self.errors) if n else 0.0,
            "id_match": self.id_hits / self.id_total if self.id_total else None,
            "country": self.country_hits / self.country_total if self.country_total else None,
            "e2e_acc161": self.e2e_hits / self.e2e_total if self.e2e_total else 0.0,
        }


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
    """The gold span, repaired when the file's offsets are shifted by a few characters (GeoVirus is off by one)."""
    if text[start:end] == name:
        return start, end
    for d in (-1, 1, -2, 2, -3, 3):
        s = start + d
        if 0 <= s and text[s:s + len(name)] == name:
            return s, s + len(name)
    return None


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x else None
    except ValueError:
        return None


def read_gwn(path: Path) -> Iterator[GoldDoc]:
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.iter("toponym"):
            if (t.findtext("type") or "") in GWN_SKIP_TYPES:
                continue
            span = _align(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                          t.findtext("extractedName") or "")
            if span is None:
                continue
            gid = t.findtext("geonamesID")
            tops.append(GoldToponym(span[0], span[1], text[span[0]:span[1]], _f(t.findtext("latitude")),
                                    _f(t.findtext("longitude")), int(gid) if gid and gid.isdigit() else None))
        yield GoldDoc(text, tops)


def read_lgl(path: Path) -> Iterator[GoldDoc]:
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.iter("toponym"):
            span = _align(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "")
            if span is None:
                continue
            tag = t.find("gaztag")
            g = GoldToponym(span[0], span[1], text[span[0]:span[1]])
            if tag is not None:
                g.geonameid = int(tag.get("geonameid") or 0) or None
                g.lat, g.lon = _f(tag.findtext("lat")), _f(tag.findtext("lon"))
                c = tag.find("country")
                if c is not None and (c.get("geonameid") or "").isdigit():
                    g.country_id = int(c.get("geonameid") or 0)
            tops.append(g)
        yield GoldDoc(text, tops)


def read_geovirus(path: Path) -> Iterator[GoldDoc]:
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.iter("location"):
            span = _align(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("name") or "")
            if span is not None:
                tops.append(GoldToponym(span[0], span[1], text[span[0]:span[1]], _f(t.findtext("lat")),
                                        _f(t.findtext("lon"))))
        yield GoldDoc(text, tops)


def read_wiktor(path: Path) -> Iterator[GoldDoc]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = d["text"]
            tops = []
            for t in d.get("toponyms", []):
                span = _align(text, int(t["start"]), int(t["end"]), t["mention"])
                if span is not None:
                    tops.append(GoldToponym(span[0], span[1], t["mention"], _f(t.get("lat")), _f(t.get("lon"))))
            yield GoldDoc(text, tops)


READERS = {"GWN": read_gwn, "LGL": read_lgl, "GeoVirus": read_geovirus, "WikToR": read_wiktor}


def evaluate_geo(data: str | Path | None = None, sets: tuple[str, ...] = SETS, limit: int | None = None,
                 wiktor_limit: int = 500) -> list[dict[str, Any]]:
    """Run recognition, gold-span resolution and end-to-end scoring on each set; one result row per set.

    ``limit`` caps the documents of every set; WikToR (5,000 texts) is capped at ``wiktor_limit`` unless
    ``limit`` is given. Raises :class:`EvaluationDataMissing` when the data directory is absent.
    """
    from ..extract.places import geoparse, resolve_spans
    from ..gazetteer.index import haversine_km, load_gazetteer
    from ..nlp import load_nlp
    from ..settings import load_settings

    root = find_shared("eval/geo", data, what="geoparsing gold data")
    unknown = [s for s in sets if s not in READERS]
    if unknown:
        raise EvaluationDataMissing(f"unknown set(s) {', '.join(unknown)}; choose among {', '.join(SETS)}")
    settings = load_settings()
    nlp = load_nlp(settings)
    gaz = load_gazetteer(settings.gazetteer)
    rows = []
    for name in sets:
        path = root / FILES[name]
        if not path.exists():
            raise EvaluationDataMissing(f"{path} not found; pass --data pointing at ../shared/eval/geo")
        cap = limit if limit is not None else (wiktor_limit if name == "WikToR" else None)
        docs = []
        for i, d in enumerate(READERS[name](path)):
            if cap is not None and i >= cap:
                break
            docs.append(d)
        score = SetScore(name, docs=len(docs), limit=cap)
        parsed = nlp.pipe((d.text for d in docs), batch_size=16)
        for gold, doc in zip(docs, parsed, strict=True):
            places = geoparse(doc, gaz)
            pred = {(p.evidence.start, p.evidence.end) for p in places}
            gspans = {(t.start, t.end) for t in gold.toponyms}
            score.tp += len(pred & gspans)
            score.fp += len(pred - gspans)
            score.fn += len(gspans - pred)
            located = [t for t in gold.toponyms if t.lat is not None and t.lon is not None]
            resolved = resolve_spans(doc, [(t.start, t.end) for t in located], gaz)
            for t, p in zip(located, resolved, strict=True):
                assert t.lat is not None and t.lon is not None
                err = MAX_KM if p.lat is None or p.lon is None else haversine_km(t.lat, t.lon, p.lat, p.lon)
                score.errors.append(err)
                if t.geonameid:
                    score.id_total += 1
                    score.id_hits += p.geonameid == t.geonameid
                    gold_entry = gaz.by_id(t.geonameid)
                    country = gold_entry.country_code if gold_entry else None
                    if t.country_id:
                        ce = gaz.by_id(t.country_id)
                        country = ce.country_code if ce else country
                    if country:
                        score.country_total += 1
                        score.country_hits += p.country_code == country
                score.e2e_total += 1
                hit = next((q for q in places if q.evidence.start < t.end and t.start < q.evidence.end
                            and q.lat is not None and q.lon is not None), None)
                if hit is not None and hit.lat is not None and hit.lon is not None \
                        and haversine_km(t.lat, t.lon, hit.lat, hit.lon) <= 161:
                    score.e2e_hits += 1
        rows.append(score.row())
    return rows


HEADERS = ("set", "docs", "rec_P", "rec_R", "rec_F1", "n_gold", "acc161", "auc", "mean_km", "median_km",
           "id_match", "country", "e2e_acc161")


def render(rows: list[dict[str, Any]]) -> str:
    table = format_table(HEADERS, [[r[h] for h in HEADERS] for r in rows],
                         title="geoparsing: recognition (exact spans), resolution on gold spans, end to end")
    notes = [f"{r['set']}: limited to the first {r['limit']} documents" for r in rows if r.get("limit")]
    return "\n".join([table, *notes])
