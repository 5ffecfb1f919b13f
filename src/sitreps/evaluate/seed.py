"""Score the pipeline on the founding article against its hand extraction, item by item.

``sitreps evaluate seed`` reads ``kharkiv-2022-05.txt`` through :func:`sitreps.ingest.make_article` (so
boilerplate detection runs), treats it as published 2022-05-16, runs :func:`sitreps.pipeline.load_pipeline`
with whatever stages exist, and compares the result with ``kharkiv-2022-05.expected.yaml``. Every expected
item ends up **found**, **wrong** (we produced something at that evidence, but not what the analyst wrote —
the report shows what we produced instead) or **missed** (nothing there). A section whose stage is not in
:func:`sitreps.extract.available_stages` is reported as *not implemented*.

Matching rules (chosen to be what an analyst would accept, no stricter and no looser):

- An item's ``text`` / ``evidence`` phrase is located verbatim in the article (curly and straight quotes
  compare equal); "overlapping" means sharing at least one character with any occurrence.
- ``article.published``: ``article.published`` equals the expected ISO date.
- ``boilerplate``: every occurrence of the phrase lies inside a boilerplate block of kind ``caption`` or
  ``repeated``, and exactly one occurrence is read (all other copies are in blocks with ``skip=True``).
- ``places``: some place whose evidence overlaps an occurrence of the text (or whose evidence text contains
  it) is resolved to the right country and kind — city/village → GeoNames class ``P``, region → ``A`` (``L``
  accepted, as GeoNames files Donbas as an area), river → ``H`` — and lies within 25 km of lat/lon when given.
- ``not_places``: no place overlapping the text has role ``event_location``.
- ``quantities``: a quantity whose evidence overlaps the text has the same value, the same unit (singular,
  case-insensitive), normalised km within 0.1 when ``km`` is given, and, when ``source`` is given, lies in a
  claim whose source name matches (the claim named by ``Quantity.claim_id``, else a claim whose content
  contains the quantity). When the attribution stage does not exist the source is reported as unchecked.
- ``not_quantities``: no quantity overlaps the text.
- ``times``: a time expression overlapping the text has the expected ``value`` and ``precision``.
- ``claims``: a claim whose content overlaps the expected evidence has a source matching one of the
  ``;``-separated alternatives (case-insensitive overlap of content words, so "Maxim (Twitter)" matches
  "Maxim"), the cue (same word stem), and, when given, the channel (Twitter ≈ tweet), a hedge among the
  claim's hedges, ``quote: direct`` → ``direct``, ``nested_in`` naming the outer claim's source, and
  ``speech`` (true unless the item says ``speech: false``: an analyst's claims are statements, not acts).
- ``events``: no evidence phrase is given, so each expected event is paired with the produced event that
  passes most of its checks (each produced event used once): type and sub-type among the ``|`` / ``;``
  choices, actor1/actor2 names (full name, the name in parentheses or before them, or the actor's unit),
  location (a significant word of the expected location starts a word of the place's name or evidence),
  date (prefix) and date precision, fatalities and equipment counts when given. A final item checks that
  no event was read from a skipped copy of a repeated block and that no two events share type and evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationDataMissing
from ..gazetteer.index import haversine_km
from .common import find_shared, format_table

if TYPE_CHECKING:
    from ..model import Actor, ArticleResult, Claim, Event, Place, Quantity, TimeExpr

ARTICLE_FILE = "kharkiv-2022-05.txt"
EXPECTED_FILE = "kharkiv-2022-05.expected.yaml"
PUBLISHED = "2022-05-16"

#: section -> the stage that produces it (None: ingest, always present)
SECTION_STAGE: dict[str, str | None] = {
    "article.published": None,
    "boilerplate": None,
    "places": "places",
    "not_places": "places",
    "quantities": "quantities",
    "not_quantities": "quantities",
    "times": "time",
    "claims": "attribution",
    "events": "events",
}

FOUND, WRONG, MISSED = "found", "wrong", "missed"
_KIND_CLASS = {"city": {"P"}, "town": {"P"}, "village": {"P"}, "region": {"A", "L"}, "river": {"H"},
               "country": {"A"}}
_STOP = {"the", "of", "a", "an", "and", "for", "to", "in", "on", "at", "by", "from", "s", "’s"}
_LOC_STOP = _STOP | {"oblast", "river", "near", "border", "region", "province", "city", "area", "village"}
_CHANNELS = {"twitter": "tweet", "tweet": "tweet", "tweeted": "tweet", "x": "tweet", "telegram": "telegram",
             "statement": "statement", "report": "report", "video": "video", "interview": "interview"}


@dataclass
class Item:
    status: str  # found, wrong, missed
    expected: str
    got: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "expected": self.expected, "got": self.got, "note": self.note}


@dataclass
class Section:
    name: str
    stage: str | None
    implemented: bool = True
    items: list[Item] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "stage": self.stage, "implemented": self.implemented,
                "found": self.count(FOUND), "wrong": self.count(WRONG), "missed": self.count(MISSED),
                "items": [i.to_dict() for i in self.items]}


@dataclass
class SeedReport:
    sections: list[Section]
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"sections": [s.to_dict() for s in self.sections], "errors": list(self.errors)}

    def summary_rows(self) -> list[list[Any]]:
        rows = []
        for s in self.sections:
            if not s.implemented:
                rows.append([s.name, s.stage or "ingest", len(s.items), "", "", "", "not implemented"])
            else:
                ok = s.count(FOUND) == len(s.items)
                rows.append([s.name, s.stage or "ingest", len(s.items), s.count(FOUND), s.count(WRONG),
                             s.count(MISSED), "ok" if ok else "short"])
        return rows

    def render(self) -> str:
        out: list[str] = []
        for s in self.sections:
            out.append(f"== {s.name} (stage: {s.stage or 'ingest'}) ==")
            if not s.implemented:
                out.append(f"  not implemented: stage {s.stage!r} is not available; {len(s.items)} items unscored")
                continue
            for it in s.items:
                line = f"  {it.status.upper():6} {it.expected}"
                if it.got:
                    line += f"\n         got: {it.got}"
                if it.note:
                    line += f"\n         note: {it.note}"
                out.append(line)
        if self.errors:
            out.append("== stage errors ==")
            out += [f"  {e}" for e in self.errors]
        out.append("")
        out.append(format_table(["section", "stage", "expected", "found", "wrong", "missed", "status"],
                                self.summary_rows(), title="summary"))
        return "\n".join(out)


# ---------------------------------------------------------------- text helpers

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``phrase`` in ``text``; curly and straight quotes compare equal (same length)."""
    if not phrase:
        return []
    hay, needle = text.translate(_QUOTES), phrase.translate(_QUOTES)
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return out


def _overlaps(start: int, end: int, occ: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in occ)


def _words(s: str, stop: set[str] = _STOP) -> set[str]:
    return {w for w in re.findall(r"[\w’']+", s.lower()) if w not in stop}


def names_match(expected: str, got: str | None) -> bool:
    """Case-insensitive content-word overlap against any ``;``-separated alternative of ``expected``."""
    if not got:
        return False
    g = _words(got)
    return any(_words(alt) & g for alt in expected.split(";") if alt.strip())


def _stem(w: str) -> str:
    w = w.lower().strip()
    for suf in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _norm_unit(u: Any) -> str | None:
    if u is None:
        return None
    unit = str(u).lower().strip()
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def _choices(s: Any) -> list[str]:
    return [c.strip().lower() for c in re.split(r"[|;]", str(s)) if c.strip()]


# ---------------------------------------------------------------- describing what we produced

def _place_str(p: Place) -> str:
    if p.geonameid is None:
        return f"{p.evidence.text!r} unresolved (role {p.role})"
    where = f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "?"
    return (f"{p.evidence.text!r} → {p.name} ({p.feature_class}.{p.feature_code}, {p.country_code}, {where}, "
            f"role {p.role})")


def _qty_str(q: Quantity, claims: dict[str, Claim]) -> str:
    v = f"{q.value:g}" if q.value is not None else "?"
    if q.value_max is not None:
        v += f"–{q.value_max:g}"
    s = f"{q.evidence.text!r} = {v} {q.unit}"
    if q.normalized_value is not None:
        s += f" ({q.normalized_value:g} {q.normalized_unit})"
    s += f", counted {q.counted!r}, kind {q.kind}"
    if q.claim_id and q.claim_id in claims:
        s += f", source {claims[q.claim_id].source.name!r}"
    return s


def _time_str(t: TimeExpr) -> str:
    end = f"..{t.end}" if t.end else ""
    return f"{t.evidence.text!r} = {t.value}{end} ({t.precision})"


def _claim_str(c: Claim) -> str:
    cue = c.cue.text if c.cue else None
    return (f"source {c.source.name!r}, cue {cue!r}, channel {c.channel}, direct {c.direct}, "
            f"hedges {c.hedges}, nested_in {c.nested_in}, content {c.evidence.text[:70]!r}")


def _actor_str(a: Actor | None) -> str:
    return "-" if a is None else (a.name + (f" [{a.unit}]" if a.unit else ""))


def _event_str(e: Event) -> str:
    loc = e.location.name or e.location.evidence.text if e.location else None
    return (f"{e.event_type} / {e.sub_event_type}; actor1 {_actor_str(e.actor1)}; actor2 {_actor_str(e.actor2)};"
            f" location {loc}; date {e.date} ({e.date_precision}); fatalities {e.fatalities};"
            f" evidence {e.evidence.text[:60]!r}")


# ---------------------------------------------------------------- sections

def _published(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    want = expected.get("article", {}).get("published")
    if want is None:
        return []
    got = result.article.published
    status = FOUND if got == str(want) else (MISSED if got is None else WRONG)
    return [Item(status, str(want), got)]


def _boilerplate(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    art = result.article
    items = []
    for phrase in expected.get("article", {}).get("boilerplate", []) or []:
        occ = occurrences(art.text, phrase)
        blocks = []
        for s, e in occ:
            b = next((b for b in art.boilerplate if b.evidence.start <= s and e <= b.evidence.end), None)
            blocks.append(b)
        desc = "; ".join(f"[{s}:{e}] " + (f"{b.kind}{' skip' if b.skip else ''}" if b else "not boilerplate")
                         for (s, e), b in zip(occ, blocks, strict=True))
        if not occ:
            items.append(Item(MISSED, phrase, None, "phrase not in article text"))
            continue
        if all(b is None for b in blocks):
            items.append(Item(MISSED, phrase, desc or None))
            continue
        kinds_ok = all(b is not None and b.kind in ("caption", "repeated") for b in blocks)
        read = sum(1 for b in blocks if b is None or not b.skip)
        ok = kinds_ok and read == 1
        note = None if ok else f"{len(occ)} copies, {read} read (want 1), kinds caption/repeated"
        items.append(Item(FOUND if ok else WRONG, phrase, desc, note))
    return items


def _places(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    text = result.article.text
    items = []
    for exp in expected.get("places", []) or []:
        phrase = str(exp["text"])
        occ = occurrences(text, phrase)
        cands = [p for p in result.places
                 if _overlaps(p.evidence.start, p.evidence.end, occ) or phrase.lower() in p.evidence.text.lower()]
        label = f"{phrase} ({exp.get('kind')}, {exp.get('country')}" + (
            f", {exp['lat']},{exp['lon']})" if "lat" in exp else ")")
        if not cands:
            items.append(Item(MISSED, label))
            continue
        best, best_fail = None, None
        for p in cands:
            fails = _place_fails(p, exp)
            if best_fail is None or len(fails) < len(best_fail):
                best, best_fail = p, fails
        assert best is not None and best_fail is not None
        items.append(Item(FOUND if not best_fail else WRONG, label, _place_str(best),
                          "; ".join(best_fail) or None))
    return items


def _place_fails(p: Place, exp: dict[str, Any]) -> list[str]:
    fails = []
    if p.geonameid is None:
        return ["unresolved"]
    if exp.get("country") and p.country_code != exp["country"]:
        fails.append(f"country {p.country_code} ≠ {exp['country']}")
    want = _KIND_CLASS.get(str(exp.get("kind", "")).lower())
    if want and p.feature_class not in want:
        fails.append(f"feature class {p.feature_class} not in {sorted(want)}")
    if "lat" in exp and "lon" in exp:
        if p.lat is None or p.lon is None:
            fails.append("no coordinates")
        else:
            d = haversine_km(float(exp["lat"]), float(exp["lon"]), p.lat, p.lon)
            if d > 25:
                fails.append(f"{d:.0f} km from expected point (max 25)")
    return fails


def _not_places(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    text = result.article.text
    items = []
    for exp in expected.get("not_places", []) or []:
        phrase = str(exp["text"])
        occ = occurrences(text, phrase)
        bad = [p for p in result.places if p.role == "event_location"
               and (_overlaps(p.evidence.start, p.evidence.end, occ) or phrase.lower() in p.evidence.text.lower())]
        items.append(Item(WRONG if bad else FOUND, f"{phrase} is not an event location",
                          _place_str(bad[0]) if bad else None, exp.get("why") if bad else None))
    return items


def _claim_of(q: Quantity, result: ArticleResult) -> tuple[Claim | None, str]:
    by_id = {c.id: c for c in result.claims}
    if q.claim_id and q.claim_id in by_id:
        return by_id[q.claim_id], "claim_id"
    inside = [c for c in result.claims if c.evidence.contains(q.evidence)]
    if inside:
        return min(inside, key=lambda c: c.evidence.end - c.evidence.start), "containment"
    return None, ""


def _quantities(result: ArticleResult, expected: dict[str, Any], stages: set[str]) -> list[Item]:
    text = result.article.text
    claims = {c.id: c for c in result.claims}
    items = []
    for exp in expected.get("quantities", []) or []:
        phrase = str(exp["text"])
        occ = occurrences(text, phrase)
        cands = [q for q in result.quantities if _overlaps(q.evidence.start, q.evidence.end, occ)]
        label = f"{phrase!r} = {exp.get('value')} {exp.get('unit')}" + (f" ({exp['km']} km)" if "km" in exp else "")
        if exp.get("source"):
            label += f", source {exp['source']}"
        if not cands:
            items.append(Item(MISSED, label))
            continue
        scored = [(q, *_qty_fails(q, exp, result, stages)) for q in cands]
        q, fails, notes = min(scored, key=lambda t: len(t[1]))
        note = "; ".join(fails + notes) or None
        items.append(Item(FOUND if not fails else WRONG, label, _qty_str(q, claims), note))
    return items


def _qty_fails(q: Quantity, exp: dict[str, Any], result: ArticleResult,
               stages: set[str]) -> tuple[list[str], list[str]]:
    fails, notes = [], []
    if q.value is None or abs(q.value - float(exp["value"])) > 1e-9:
        fails.append(f"value {q.value} ≠ {exp['value']}")
    if exp.get("unit") and _norm_unit(q.unit) != _norm_unit(exp["unit"]):
        fails.append(f"unit {q.unit} ≠ {exp['unit']}")
    if "km" in exp:
        if q.normalized_unit != "km" or q.normalized_value is None or abs(q.normalized_value - float(exp["km"])) > 0.1 + 1e-9:
            fails.append(f"normalised {q.normalized_value} {q.normalized_unit} ≠ {exp['km']} km")
    if exp.get("source"):
        if "attribution" not in stages:
            notes.append("source unchecked: attribution stage not implemented")
        else:
            claim, how = _claim_of(q, result)
            if claim is None:
                fails.append("not inside any claim (no source)")
            elif not names_match(str(exp["source"]), claim.source.name):
                fails.append(f"source {claim.source.name!r} ≠ {exp['source']!r}")
            elif how == "containment":
                notes.append("source found by containment (Quantity.claim_id not set)")
    return fails, notes


def _not_quantities(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    text = result.article.text
    claims = {c.id: c for c in result.claims}
    items = []
    for exp in expected.get("not_quantities", []) or []:
        phrase = str(exp["text"])
        occ = occurrences(text, phrase)
        bad = [q for q in result.quantities if _overlaps(q.evidence.start, q.evidence.end, occ)]
        items.append(Item(WRONG if bad else FOUND, f"{phrase!r} is not a quantity",
                          _qty_str(bad[0], claims) if bad else None, exp.get("why") if bad else None))
    return items


def _times(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    text = result.article.text
    items = []
    for exp in expected.get("times", []) or []:
        phrase = str(exp["text"])
        occ = occurrences(text, phrase)
        cands = [t for t in result.times if _overlaps(t.evidence.start, t.evidence.end, occ)]
        label = f"{phrase!r} = {exp.get('value')} ({exp.get('precision')})"
        if not cands:
            items.append(Item(MISSED, label))
            continue
        good = [t for t in cands if str(t.value) == str(exp.get("value"))
                and (exp.get("precision") is None or t.precision == exp["precision"])]
        t = good[0] if good else cands[0]
        items.append(Item(FOUND if good else WRONG, label, _time_str(t)))
    return items


def _claims(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    text = result.article.text
    by_id = {c.id: c for c in result.claims}
    items = []
    for exp in expected.get("claims", []) or []:
        phrase = str(exp["evidence"])
        occ = occurrences(text, phrase)
        label = f"{exp.get('source')} —{exp.get('cue')}→ {phrase[:70]!r}"
        if not occ:
            items.append(Item(MISSED, label, None, "evidence phrase not found in the article text"))
            continue
        cands = [c for c in result.claims if _overlaps(c.evidence.start, c.evidence.end, occ)]
        if not cands:
            items.append(Item(MISSED, label))
            continue
        c, fails = min(((c, _claim_fails(c, exp, by_id)) for c in cands), key=lambda t: len(t[1]))
        items.append(Item(FOUND if not fails else WRONG, label, _claim_str(c), "; ".join(fails) or None))
    return items


def _claim_fails(c: Claim, exp: dict[str, Any], by_id: dict[str, Claim]) -> list[str]:
    fails = []
    if exp.get("source") and not names_match(str(exp["source"]), c.source.name):
        fails.append(f"source {c.source.name!r}")
    if exp.get("cue"):
        cue_words = {_stem(w) for w in re.findall(r"\w+", c.cue.text)} if c.cue else set()
        if _stem(str(exp["cue"])) not in cue_words:
            fails.append(f"cue {c.cue.text if c.cue else None!r}")
    if exp.get("channel"):
        want = _CHANNELS.get(str(exp["channel"]).lower(), str(exp["channel"]).lower())
        got = _CHANNELS.get(str(c.channel).lower(), str(c.channel).lower())
        if want != got:
            fails.append(f"channel {c.channel!r}")
    if exp.get("hedge") and _stem(str(exp["hedge"])) not in {_stem(h) for h in c.hedges}:
        fails.append(f"hedges {c.hedges} lack {exp['hedge']!r}")
    if exp.get("quote") == "direct" and not c.direct:
        fails.append("not marked direct")
    if not c.speech and exp.get("speech", True):  # the analyst's claims are statements unless marked
        fails.append("marked an act, not speech")
    if exp.get("nested_in"):
        outer = by_id.get(c.nested_in) if c.nested_in else None
        outer_name = outer.source.name if outer else c.nested_in
        if not names_match(str(exp["nested_in"]), outer_name):
            fails.append(f"nested_in {outer_name!r}")
    return fails


def _actor_ok(want: str, a: Actor | None) -> bool:
    if a is None:
        return False
    w = want.strip().lower()
    alts = {w, re.sub(r"\s*\(.*?\)\s*", " ", w).strip()}
    alts |= {m.strip() for m in re.findall(r"\((.*?)\)", w)}
    got = {a.name.strip().lower()} | ({a.unit.strip().lower()} if a.unit else set())
    return bool(alts & got) or any(g and g in w for g in got if a.unit and g == a.unit.strip().lower())


def _loc_ok(want: str, e: Event) -> bool:
    if e.location is None:
        return False
    got = re.findall(r"\w+", f"{e.location.name or ''} {e.location.evidence.text}".lower())
    sig = [w for w in re.findall(r"\w+", want.lower()) if w not in _LOC_STOP]
    return any(g.startswith(w[:6]) or w.startswith(g[:6]) for w in sig for g in got if len(g) >= 4)


def _event_checks(exp: dict[str, Any], e: Event) -> list[tuple[str, bool]]:
    checks = [("type", e.event_type.lower() in _choices(exp.get("type", ""))),
              ("sub_type", e.sub_event_type.lower() in _choices(exp.get("sub_type", "")))]
    if exp.get("actor1"):
        checks.append(("actor1", _actor_ok(str(exp["actor1"]), e.actor1)))
    if exp.get("actor2"):
        checks.append(("actor2", _actor_ok(str(exp["actor2"]), e.actor2)))
    if exp.get("location"):
        checks.append(("location", _loc_ok(str(exp["location"]), e)))
    if exp.get("date"):
        checks.append(("date", bool(e.date) and str(e.date).startswith(str(exp["date"]))))
    if exp.get("date_precision"):
        checks.append(("date_precision", e.date_precision == exp["date_precision"]))
    fat = exp.get("fatalities")
    if isinstance(fat, dict) and "value" in fat:
        checks.append(("fatalities", e.fatalities == int(fat["value"])))
    eq = exp.get("equipment")
    if isinstance(eq, dict) and "value" in eq:
        checks.append(("equipment", any(q.value == float(eq["value"]) for q in e.quantities)))
    return checks


def _events(result: ArticleResult, expected: dict[str, Any]) -> list[Item]:
    exps = list(expected.get("events", []) or [])
    table = [[_event_checks(x, e) for e in result.events] for x in exps]
    order = sorted(range(len(exps)),
                   key=lambda i: -max((sum(ok for _, ok in c) for c in table[i]), default=0))
    used: set[int] = set()
    items: dict[int, Item] = {}
    for i in order:
        x = exps[i]
        label = f"{x.get('what')} [{x.get('type')} / {x.get('sub_type')}]"
        free = [(j, c) for j, c in enumerate(table[i]) if j not in used]
        if not free:
            items[i] = Item(MISSED, label)
            continue
        j, checks = max(free, key=lambda t: sum(ok for _, ok in t[1]))
        passed = {n for n, ok in checks if ok}
        if not ({"type", "sub_type"} & passed) or not ({"location", "actor1"} & passed):
            items[i] = Item(MISSED, label, None, "no event shares its type and its location or actor")
            continue
        used.add(j)
        fails = [n for n, ok in checks if not ok]
        items[i] = Item(FOUND if not fails else WRONG, label, _event_str(result.events[j]),
                        ("fails: " + ", ".join(fails)) if fails else None)
    out = [items[i] for i in range(len(exps))]
    art = result.article
    dup = [e for e in result.events if art.skipped(e.evidence)]
    seen: set[tuple[str, str, str]] = set()
    for e in result.events:
        key = (e.event_type, e.sub_event_type, " ".join(e.evidence.text.split()))
        if key in seen:
            dup.append(e)
        seen.add(key)
    if art.boilerplate or result.events:
        out.append(Item(WRONG if dup else FOUND, "no duplicate event from a repeated block",
                        _event_str(dup[0]) if dup else None))
    return out


def score_seed(result: ArticleResult, expected: dict[str, Any], stages: Iterable[str]) -> SeedReport:
    """Compare one pipeline result with an expected-extraction dict (the YAML, loaded). Pure: no I/O."""
    have = set(stages)
    runners: dict[str, Callable[[], list[Item]]] = {
        "article.published": lambda: _published(result, expected),
        "boilerplate": lambda: _boilerplate(result, expected),
        "places": lambda: _places(result, expected),
        "not_places": lambda: _not_places(result, expected),
        "quantities": lambda: _quantities(result, expected, have),
        "not_quantities": lambda: _not_quantities(result, expected),
        "times": lambda: _times(result, expected),
        "claims": lambda: _claims(result, expected),
        "events": lambda: _events(result, expected),
    }
    sections = []
    for name, stage in SECTION_STAGE.items():
        sec = Section(name, stage)
        if stage is not None and stage not in have:
            sec.implemented = False
            key = name if name != "boilerplate" else None
            sec.items = [Item(MISSED, str(x)) for x in (expected.get(key, []) or [] if key else [])]
        else:
            sec.items = runners[name]()
        sections.append(sec)
    return SeedReport(sections, list(result.errors))


def load_expected(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise EvaluationDataMissing(f"{path} is not valid YAML ({exc}); restore the file from ../shared") from exc
    if not isinstance(data, dict):
        raise EvaluationDataMissing(f"{path} does not hold a mapping of sections; restore it from ../shared")
    return data


def evaluate_seed(data: str | Path | None = None, pipeline: Any = None) -> SeedReport:
    """Run the pipeline on the founding article and score it. ``data`` is the corpus directory.

    Raises :class:`EvaluationDataMissing` when the article or its expected YAML is absent.
    """
    corpus = find_shared("corpus", data, what="the founding-article corpus directory")
    art_path, exp_path = corpus / ARTICLE_FILE, corpus / EXPECTED_FILE
    for p in (art_path, exp_path):
        if not p.is_file():
            raise EvaluationDataMissing(f"{p} is missing; pass the directory holding {ARTICLE_FILE} and "
                                        f"{EXPECTED_FILE} with --data")
    from ..extract import available_stages
    from ..ingest import make_article

    expected = load_expected(exp_path)
    article = make_article(art_path.read_text(encoding="utf-8"), published=PUBLISHED, source_path=str(art_path))
    if pipeline is None:
        from ..pipeline import load_pipeline

        pipeline = load_pipeline()
    result = pipeline.extract(article)
    # A stage counts as implemented when it exists here and the pipeline ran it.
    stages = {s.name for s in pipeline.stages} & set(available_stages())
    return score_seed(result, expected, stages)
