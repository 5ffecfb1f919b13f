"""Corroboration and conflicts inside one event cluster.

**Independent sources.** What a member event rests on is its claims' sources ("Ukraine's General Staff");
an event no claim attributes rests on the outlet that printed it. Sources are counted as the connected
components of these keys: a syndicated copy (same near-duplicate group) joins its original's outlet, and two
outlets quoting the same source name are one source, so ten papers repeating one ministry statement count
once. Pronouns and empty names are not sources: such a claim counts as the outlet's own.

**Figures.** Each member contributes its quantities (casualties, equipment, displaced, ...; distances and
uncounted numbers are left out) and its fatalities when no "killed" quantity says the same, each with the
source it comes from (the quantity's own claim, else the event's claim, else the outlet).

**Conflicts.** Two figures of the same kind and unit from *different* independent sources conflict when
their ranges do not overlap and differ by more than :data:`FIGURE_TOLERANCE` of the larger (100 vs 70
vehicles conflicts; 52 vs 50 dead is the same count revised, not a contradiction). A cluster that holds both
a change of control (a town retaken, captured or handed over) and continued fighting (an armed clash) from
different sources is a *status* conflict: one says the town was taken, another that the battle goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .cluster import TERRITORY, EventRef

FIGURE_TOLERANCE = 0.2
FIGURE_KINDS_SKIPPED = frozenset({"distance", "other"})
_NOT_SOURCES = frozenset({"", "he", "she", "they", "it", "we", "i", "you", "unknown", "someone", "who"})


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str
    value: float
    value_max: float | None
    unit: str | None
    counted: str | None
    source: str | None  # claim source name, or None when the outlet says it
    evidence: dict[str, Any]  # {"start", "end", "text"} into the member's article

    @property
    def subset(self) -> bool:
        """A part of a total ("including five children", "among them 12 soldiers"): the quantities stage
        marks it by starting the evidence at the subset word. It is neither a toll nor a rival figure."""
        return str(self.evidence.get("text", "")).lower().startswith(_SUBSET_WORDS)


@dataclass(slots=True)
class Member:
    """A clustered event with what corroboration needs from its article and claims."""

    ref: EventRef
    outlet: str | None = None
    duplicate_root: str | None = None  # earliest article of its near-duplicate group (None: in no group)
    sources: tuple[str, ...] = ()  # names of the sources of the event's claims
    figures: list[Figure] = field(default_factory=list)
    evidence: dict[str, Any] | None = None


def normalise_source(name: str | None) -> str:
    s = " ".join((name or "").lower().replace("’", "'").split())
    for prefix in ("the ", "according to "):
        s = s.removeprefix(prefix)
    return "" if s in _NOT_SOURCES else s


def member_keys(m: Member) -> list[str]:
    """The keys that tie this member to others that share its source."""
    names = [n for n in (normalise_source(s) for s in m.sources) if n]
    if names:
        return [f"source:{n}" for n in names]
    root = m.duplicate_root or m.ref.article_id
    keys = [f"article:{root}"]
    if m.outlet:
        keys.append(f"outlet:{' '.join(m.outlet.lower().split())}")
    return keys


def source_groups(members: Sequence[Member]) -> list[int]:
    """For each member (in order), the index of its independent source group, numbered by first appearance."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    per_member = [member_keys(m) for m in members]
    for keys in per_member:
        for k in keys[1:]:
            union(keys[0], k)
    # A syndicated copy counts with its original, whatever either attributes.
    for m, keys in zip(members, per_member, strict=True):
        if m.duplicate_root:
            union(f"dup:{m.duplicate_root}", keys[0])
    number: dict[str, int] = {}
    out = []
    for keys in per_member:
        r = find(keys[0])
        out.append(number.setdefault(r, len(number)))
    return out


_SUBSET_WORDS = ("including", "among")


def _overlaps_or_close(a: Figure, b: Figure) -> bool:
    lo_a, hi_a = a.value, a.value_max if a.value_max is not None else a.value
    lo_b, hi_b = b.value, b.value_max if b.value_max is not None else b.value
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    gap = max(lo_b - hi_a, lo_a - hi_b)
    return gap <= FIGURE_TOLERANCE * max(abs(hi_a), abs(hi_b), 1e-9)


def figure_conflicts(members: Sequence[Member], groups: Sequence[int]) -> list[dict[str, Any]]:
    """Pairs of figures (same kind and unit, different independent sources) that disagree."""
    conflicts: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    flat = [(g, m, f) for m, g in zip(members, groups, strict=True) for f in m.figures if not f.subset]
    for i, (ga, ma, fa) in enumerate(flat):
        for gb, mb, fb in flat[i + 1 :]:
            if ga == gb or fa.kind != fb.kind or (fa.unit or "") != (fb.unit or ""):
                continue
            if _overlaps_or_close(fa, fb):
                continue
            key = (fa.kind, fa.unit, min(fa.value, fb.value), max(fa.value, fb.value), min(ga, gb), max(ga, gb))
            if key in seen:
                continue
            seen.add(key)
            conflicts.append({
                "kind": "figure", "figure": fa.kind, "unit": fa.unit,
                "claims": [_figure_side(ma, fa, ga), _figure_side(mb, fb, gb)],
            })
    return conflicts


def _figure_side(m: Member, f: Figure, group: int) -> dict[str, Any]:
    return {"article_id": m.ref.article_id, "event_id": m.ref.event_id, "source": f.source or m.outlet,
            "source_group": group, "value": f.value, "value_max": f.value_max, "counted": f.counted,
            "evidence": f.evidence}


def status_conflicts(members: Sequence[Member], groups: Sequence[int]) -> list[dict[str, Any]]:
    """A change of control and continued fighting at the same place and time, from different sources."""
    taken = [(m, g) for m, g in zip(members, groups, strict=True)
             if (m.ref.event_type, m.ref.sub_event_type) in TERRITORY]
    fighting = [(m, g) for m, g in zip(members, groups, strict=True) if m.ref.sub_event_type == "Armed clash"]
    out: list[dict[str, Any]] = []
    done: set[tuple[int, int]] = set()
    for mt, gt in taken:
        for mf, gf in fighting:
            if gt == gf or (gt, gf) in done:
                continue
            done.add((gt, gf))
            out.append({"kind": "status", "claims": [_status_side(mt, gt), _status_side(mf, gf)]})
    return out


def _status_side(m: Member, group: int) -> dict[str, Any]:
    return {"article_id": m.ref.article_id, "event_id": m.ref.event_id, "source": _source_label(m),
            "source_group": group, "sub_event_type": m.ref.sub_event_type, "evidence": m.evidence}


def _source_label(m: Member) -> str | None:
    named = [s for s in m.sources if normalise_source(s)]
    return named[0] if named else m.outlet


def summarise(members: Sequence[Member]) -> dict[str, Any]:
    """Sources, figures and conflicts of one cluster (members earliest first), as JSON-ready values."""
    groups = source_groups(members)
    sources: list[dict[str, Any]] = []
    for m, g in zip(members, groups, strict=True):
        if g == len(sources):
            sources.append({"names": [], "outlets": [], "articles": []})
        s = sources[g]
        for name in [_source_label(m)]:
            if name and name not in s["names"]:
                s["names"].append(name)
        if m.outlet and m.outlet not in s["outlets"]:
            s["outlets"].append(m.outlet)
        if m.ref.article_id not in s["articles"]:
            s["articles"].append(m.ref.article_id)
    figures = [
        {"kind": f.kind, "value": f.value, "value_max": f.value_max, "unit": f.unit, "counted": f.counted,
         "source": f.source or m.outlet, "source_group": g, "article_id": m.ref.article_id,
         "event_id": m.ref.event_id, "evidence": f.evidence}
        for m, g in zip(members, groups, strict=True) for f in m.figures
    ]
    conflicts = figure_conflicts(members, groups) + status_conflicts(members, groups)
    killed = [f for m in members for f in m.figures if f.kind == "killed" and not f.subset]
    return {
        "groups": groups,
        "sources": sources,
        "figures": figures,
        "conflicts": conflicts,
        "fatalities_min": int(min(f.value for f in killed)) if killed else None,
        "fatalities_max": int(max(f.value_max or f.value for f in killed)) if killed else None,
    }
