"""Stage "actors": spans naming armed and political actors, normalised to ACLED-style names.

Table-driven (``data/taxonomy/actors.yaml``): a country adjective or name times a force word gives
"Military Forces of <country>" with ACLED's inter code; named groups ("DNR", "Wagner Group") are listed by
alias; collective demonyms ("the Russians") and one side's words for the other ("the enemy", "the occupants")
take their side from the claim they are said in (a Ukrainian statement's enemy is Russia) or, failing that,
from the article's focus. Unit designations ("227th battalion of the 127th Territorial Defense Brigade")
become the ``unit`` of their force, never a separate actor or a count.

Regular expressions over the text rather than the parse: actor mentions are short fixed phrases, and this
stage must run on sentences the selective parser skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ..model import Actor, ArticleResult, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..settings import Settings
    from .registry import Resources

__all__ = ["ActorsStage", "ActorTables", "find_actors", "load", "load_actor_tables"]

_ORD = r"\d+(?:st|nd|rd|th)"
_FORMATION = r"(?:brigade|battalion|regiment|division|corps|company|army|squadron|detachment|group|battery)"
_UNIT = (rf"\b(?:the )?{_ORD}(?: [A-Z][\w-]*){{0,4}} {_FORMATION}"
         rf"(?: of the {_ORD}(?: [A-Z][\w-]*){{0,4}} {_FORMATION})?\b")


@dataclass(frozen=True)
class ActorTables:
    """Compiled tables. ``country_names``: code -> ACLED country name; ``adjectives``: lower word -> code."""

    country_names: dict[str, str]
    adjectives: dict[str, str]
    forces: dict[str, tuple[str, str, int]]
    demonym_plurals: dict[str, str]
    groups: dict[str, tuple[str, str | None, str, int]]
    enemy_words: tuple[str, ...]
    generic: dict[str, tuple[str, str, int]]
    forces_rx: re.Pattern[str]
    group_rx: re.Pattern[str]
    plural_rx: re.Pattern[str]
    enemy_rx: re.Pattern[str]
    home_rx: re.Pattern[str]
    generic_rx: re.Pattern[str]
    unit_rx: re.Pattern[str]
    country_rx: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_actor_tables() -> ActorTables:
    """Read and compile ``actors.yaml`` once per process."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("sitreps").joinpath("data/taxonomy/actors.yaml").read_text("utf-8"))
    names = {code: words[0] for code, words in raw["countries"].items()}
    adjectives = {w.lower(): code for code, words in raw["countries"].items() for w in words}
    forces = {k.lower(): (v[0], v[1], int(v[2])) for k, v in raw["forces"].items()}
    groups = {k.lower(): (v[0], v[1], v[2], int(v[3])) for k, v in raw["groups"].items()}
    generic = {k.lower(): (v[0], v[1], int(v[2])) for k, v in raw["generic"].items()}
    adj = _alt(list(adjectives))
    force = _alt(list(forces))
    adj_any = adj.replace("'", "['’]")  # either apostrophe in "Russia's", "Belarus'"
    forces_rx = re.compile(
        rf"\b(?:the )?(?P<adj>{adj})(?: [a-z][\w-]*){{0,2}} (?P<force>{force})\b"
        rf"|\b(?:the )?(?P<force2>{force}) of (?:the )?(?P<adj2>{adj})\b", re.IGNORECASE)
    return ActorTables(
        country_names=names, adjectives=adjectives, forces=forces,
        demonym_plurals=dict(raw["demonym_plurals"]), groups=groups,
        enemy_words=tuple(raw["enemy_words"]), generic=generic,
        forces_rx=forces_rx,
        group_rx=re.compile(rf"(?<![\w-])(?:{_alt(list(raw['groups']))})(?![\w-])", re.IGNORECASE),
        plural_rx=re.compile(rf"\b(?:[Tt]he )?(?:{_alt(list(raw['demonym_plurals']))})\b"),
        enemy_rx=re.compile(rf"\b(?:the )?(?:{_alt(list(raw['enemy_words']))})(?:'s|’s)?\b(?! state)",
                            re.IGNORECASE),
        home_rx=re.compile(r"\b(?:the )?(?:national guard|territorial defen[cs]e|border guards)\b"
                           r"|\bthe (?:army|military|armed forces)\b", re.IGNORECASE),
        generic_rx=re.compile(rf"\b(?:the )?(?:{_alt(list(generic))})\b", re.IGNORECASE),
        unit_rx=re.compile(_UNIT, re.IGNORECASE),
        # a country's name or adjective, possessive and several words included ("Kyiv's", "Mexico's",
        # "U.S.", "Saudi Arabia")
        country_rx=re.compile(rf"(?<![\w'’])(?P<c>{adj_any})(?:['’]s)?(?![\w'’])", re.IGNORECASE),
    )


def _state_name(prefix: str, code: str | None, tables: ActorTables) -> str:
    if code is None:
        return prefix
    country = tables.country_names.get(code, code)
    if prefix in ("Civilians", "Protesters", "Rioters"):
        return f"{prefix} ({country})"
    return f"{prefix} of {country}"


def _focus_country(text: str, tables: ActorTables) -> Counter[str]:
    """How often each country's adjective or name occurs: the article's focus breaks ties."""
    counts: Counter[str] = Counter()
    for m in re.finditer(r"\b[A-Z][\w'’.]*", text):
        code = tables.adjectives.get(m.group(0).lower()) or tables.demonym_plurals.get(m.group(0))
        if code:
            counts[code] += 1
    return counts


# a count or quantifier before a plural demonym: people of that country, not its forces
_COUNTED = re.compile(r"(?:\b\d[\d,.]*|\b(?:thousands?|hundreds?|millions?|dozens?|tens|several|many|some|most|"
                      r"few|ordinary|fellow|young|elderly|displaced|all))(?:\s+of)?\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w’'-]*)\s+(?:the\s+)?$")


def _opponent(side: str | None, focus: Counter[str]) -> str | None:
    """The other side of a two-sided war: the most mentioned country other than ``side``."""
    for code, _ in focus.most_common():
        if code != side:
            return code
    return None


def _speaker_side(span: Span, result: ArticleResult) -> str | None:
    """The side of the innermost claim holding ``span`` whose source has one."""
    holding = [c for c in result.claims if c.evidence.contains(span) and c.source.side]
    if not holding:
        return None
    return min(holding, key=lambda c: c.evidence.end - c.evidence.start).source.side


# a full stop that ends an abbreviation, not a sentence: "U.S. troops", "Gen. Syrskyi", "St. Petersburg"
_ABBREVIATION = re.compile(r"(?:(?<![\w.])[A-Z]|(?<![\w.])(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|"
                           r"Sgt|Adm|Gov|Sen|Rep|St|Jr|Sr|No|Pres|Prof|Rev|Brig|Cpl|Pvt|PFC))$")


def _sentence_of(text: str, start: int) -> tuple[int, int]:
    """The sentence around ``start``: between the full stops (not an abbreviation's) and line breaks."""
    a = text.rfind("\n", 0, start) + 1
    j = start
    while (j := text.rfind(". ", a, j)) != -1:
        if not _ABBREVIATION.search(text, max(a, j - 8), j):
            a = j + 1
            break
    line_end = text.find("\n", start)
    b = len(text) if line_end == -1 else line_end
    j = start
    while (j := text.find(". ", j, b)) != -1:
        if not _ABBREVIATION.search(text, max(0, j - 8), j):
            b = j
            break
        j += 2
    return a, b


def _last_country(text: str, tables: ActorTables, start: int, end: int | None = None,
                  reach: int | None = None) -> str | None:
    """The country of the last capitalised country name or adjective in the sentence before ``start``
    (up to ``end`` when given; at most ``reach`` characters back when given), else None."""
    lo, _ = _sentence_of(text, start)
    if reach is not None:
        lo = max(lo, start - reach)
    code = None
    for m in tables.country_rx.finditer(text, lo, start if end is None else end):
        if m.group(0)[0].isupper():
            code = tables.adjectives[m.group("c").lower().replace("’", "'")]
    return code


def find_actors(text: str, result: ArticleResult | None = None) -> list[Actor]:
    """Every actor mention in ``text``, longest mention first where they overlap, in text order."""
    tables = load_actor_tables()
    focus = _focus_country(text, tables)
    found: list[Actor] = []
    guessed: list[int] = []  # units given the article's main country for want of one named before them

    def add(start: int, end: int, name: str, side: str | None, kind: str, inter: int,
            unit: str | None = None) -> None:
        found.append(Actor(Span.of(text, start, end), name, side, kind, inter, unit))

    for m in tables.unit_rx.finditer(text):
        unit = m.group(0)
        unit = unit[4:] if unit.lower().startswith("the ") else unit
        # the last country named before the unit (or in it), else Ukraine's for territorial defence
        code = _last_country(text, tables, m.start(), end=m.end(), reach=60)
        if code is None and re.search(r"territorial defen[cs]e", unit, re.IGNORECASE):
            code = "UA"
        if code is None and focus:
            code = focus.most_common(1)[0][0]
            guessed.append(len(found))
        add(m.start() + (len(m.group(0)) - len(unit)), m.end(), _state_name("Military Forces", code, tables),
            code, "state_forces", 1, unit)
    for m in tables.forces_rx.finditer(text):
        adj = (m.group("adj") or m.group("adj2")).lower()
        force = (m.group("force") or m.group("force2")).lower()
        prefix, kind, inter = tables.forces[force]
        code = tables.adjectives[adj]
        add(m.start(), m.end(), _state_name(prefix, code, tables), code, kind, inter)
    for k in guessed:
        # a unit no country precedes, in a sentence whose forces are all one other country's: "a paratrooper
        # of the 325th Glider Infantry Regiment, on his way to reinforce the American forces"
        unit_actor = found[k]
        lo, hi = _sentence_of(text, unit_actor.evidence.start)
        codes = {a.side for a in found if a.unit is None and a.kind == "state_forces"
                 and lo <= a.evidence.start < hi}
        if len(codes) == 1 and None not in codes and unit_actor.side not in codes:
            code = codes.pop()
            found[k] = Actor(unit_actor.evidence, _state_name("Military Forces", code, tables), code,
                             "state_forces", 1, unit_actor.unit)
    for m in tables.group_rx.finditer(text):
        name, side, kind, inter = tables.groups[m.group(0).lower().replace("’", "'")] \
            if m.group(0).lower().replace("’", "'") in tables.groups else tables.groups[m.group(0).lower()]
        add(m.start(), m.end(), name, side, kind, inter)
    for m in tables.plural_rx.finditer(text):
        code = tables.demonym_plurals[m.group(0).split()[-1]]
        if _COUNTED.search(text, max(0, m.start() - 30), m.start()):
            # "several thousand Ukrainians", "millions of Russians": people, not an army ("the Russians")
            add(m.start(), m.end(), _state_name("Civilians", code, tables), code, "civilians", 7)
            continue
        add(m.start(), m.end(), _state_name("Military Forces", code, tables), code, "state_forces", 1)
    for m in tables.home_rx.finditer(text):
        code = _last_country(text, tables, m.start())
        if code is None and focus:
            code = focus.most_common(1)[0][0]
        if re.search(r"territorial defen[cs]e", m.group(0), re.IGNORECASE):
            code = code or "UA"
        add(m.start(), m.end(), _state_name("Military Forces", code, tables), code, "state_forces", 1)
    for m in tables.enemy_rx.finditer(text):
        span = Span.of(text, m.start(), m.end())
        end = m.end() - (2 if m.group(0).endswith(("'s", "’s")) else 0)
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).lower() in tables.adjectives:
            # "Russian invaders", "the Russian occupiers": the adjective names them, whoever speaks
            code = tables.adjectives[before.group(1).lower()]
            add(before.start(1), end, _state_name("Military Forces", code, tables), code, "state_forces", 1)
            continue
        speaker = _speaker_side(span, result) if result is not None else None
        if speaker is None and {"UA", "RU"} <= set(focus):
            speaker = "UA"  # in reporting on Russia's invasion, "the enemy/occupants" is Ukraine's word
        code = _opponent(speaker, focus) if speaker else None
        if code is None:
            continue
        add(m.start(), end, _state_name("Military Forces", code, tables), code, "state_forces", 1)
    for m in _possessive_forces_rx().finditer(text):
        # "Russia's Defence Ministry said its forces had struck ...", "Russia lost a battalion when its troops
        # ...": the forces of the last country named before them in the sentence; "our troops" (and "its"
        # with no country before it): of the side whose claim holds them
        code = None
        if m.group(1).lower() != "our":
            code = _last_country(text, tables, m.start())
        if code is None and result is not None:
            code = _speaker_side(Span.of(text, m.start(), m.end()), result)
        if code is None or code not in tables.country_names:
            continue
        prefix, kind, inter = tables.forces[m.group("force").lower()]
        add(m.start(), m.end(), _state_name(prefix, code, tables), code, kind, inter)
    for m in tables.generic_rx.finditer(text):
        word = m.group(0).lower().removeprefix("the ")
        name, kind, inter = tables.generic[word]
        add(m.start(), m.end(), name, None, kind, inter)
    return _resolve_overlaps(found)


@lru_cache(maxsize=1)
def _possessive_forces_rx() -> re.Pattern[str]:
    """ "its forces", "their troops", "our soldiers": force words after a possessive pronoun."""
    return re.compile(rf"\b(its|their|our) (?:own )?(?P<force>{_alt(list(load_actor_tables().forces))})\b",
                      re.IGNORECASE)


def _resolve_overlaps(actors: list[Actor]) -> list[Actor]:
    """Keep the longest of overlapping mentions (a unit beats the force word inside it)."""
    ranked = sorted(actors, key=lambda a: (-(a.evidence.end - a.evidence.start), a.evidence.start))
    kept: list[Actor] = []
    for a in ranked:
        if not any(a.evidence.overlaps(k.evidence) for k in kept):
            kept.append(a)
    return sorted(kept, key=lambda a: a.evidence.start)


class ActorsStage:
    """Appends every actor mention of the document to ``result.actors``."""

    name = "actors"

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        # article.text == doc.text, and is a plain str: Doc.text rebuilds the string on every access.
        result.actors.extend(find_actors(result.article.text, result))


def load(settings: Settings, resources: Resources) -> ActorsStage:
    """Stage factory (see :mod:`sitreps.extract.registry`); the tables are read on first use."""
    return ActorsStage()
