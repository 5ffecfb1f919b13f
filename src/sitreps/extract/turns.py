"""Speakers of a transcript's turns: "I" and "we" are whoever holds the floor.

Press briefings, call transcripts and interviews print each turn after its speaker's label::

    MODERATOR: Thank you. Our speaker tonight is a senior official.

    SENIOR ADMINISTRATION OFFICIAL: Thanks. I think this visit will underscore our commitment ...

    MR. KIRBY: We have seen no sign that ...

The attribution stage names a claim whose subject is "I" or "we" after that pronoun, since nothing in the
sentence names the speaker; in a transcript the turn's label does. This pass gives every such claim (outside
quotation marks, inside a turn) the label's speaker: "Senior Administration Official", "Kirby". Questions ("Q:",
"QUESTION:") are turns too, but a questioner is nobody in particular: their "I" stays as it was.

A label is a line-initial run of capitalised words (at least two letters, at most six words, all capitals, an
optional "MR." / "MS." / "DR." / "THE" first) followed by a colon; the turn runs to the next label. Articles
where no speaker's label comes twice are no transcript and are left alone (capitalised headlines with a colon,
"PENTAGON: ..."; a "PENCE: ..." line in a news story is a regex rule of the attribution stage already).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .attribution_lexicon import certainty_of, kind_of

if TYPE_CHECKING:
    from ..model import Claim

_LABEL = re.compile(r"^[ \t]*((?:(?:MR|MS|MRS|DR|GEN|ADM|AMB|SEN|REP)\.\s+)?(?:[A-Z][A-Z'’\-]+)(?:\s+[A-Z][A-Z'’\-.]*){0,5})"
                    r"[ \t]*:", re.MULTILINE)
_QUESTION = re.compile(r"^[ \t]*Q(?::|[ \t]+)", re.MULTILINE)  # "Q  Thank you ..." (no colon in many transcripts)
_QUESTIONERS = frozenset({"Q", "QUESTION", "REPORTER", "AUDIENCE MEMBER"})
# capitalised line labels that are no speaker: "WATCH: ...", "UPDATE: ...", "EDITOR'S NOTE: ..."
_NOT_SPEAKERS = frozenset("""WATCH READ UPDATE UPDATED NOTE BREAKING LIVE VIDEO PHOTO PHOTOS RELATED ADVERTISEMENT
CORRECTION SOURCE SOURCES CREDIT ALSO READ MORE LISTEN SUBSCRIBE""".split()) | {"EDITOR'S NOTE", "EDITOR’S NOTE",
                                                                                "READ MORE", "ALSO READ"}
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
_SMALL_WORDS = frozenset({"THE", "OF", "AND", "FOR", "ON", "TO"})  # lower-cased inside a title-cased label
_HONORIFIC = re.compile(r"^(?:MR|MS|MRS|DR)\.\s+")


def _name(label: str) -> str:
    """ "MR. KIRBY" -> "Kirby"; "SENIOR ADMINISTRATION OFFICIAL" -> "Senior Administration Official";
    "THE PRESIDENT" -> "The President"."""
    label = _HONORIFIC.sub("", label.strip())
    return " ".join(w if len(w) <= 4 and w.isupper() and w not in _SMALL_WORDS else w[:1] + w[1:].lower()
                    for w in label.split())


def turns(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each turn of a transcript, or [] when no speaker's label comes twice (no transcript)."""
    found = [(m.start(), m.end(), m.group(1).strip()) for m in _LABEL.finditer(text)
             if len(m.group(1).replace(" ", "")) >= 2 and not m.group(1).endswith(".")
             and m.group(1).strip() not in _NOT_SPEAKERS]
    found += [(m.start(), m.end(), "Q") for m in _QUESTION.finditer(text)]
    found.sort()
    speakers = Counter(label for _, _, label in found if label not in _QUESTIONERS)
    if not speakers or speakers.most_common(1)[0][1] < 2:
        return []  # a transcript gives someone the floor twice; headlines in capitals ("PENTAGON: ...") do not
    return [(end, found[k + 1][0] if k + 1 < len(found) else len(text), label)
            for k, (_, end, label) in enumerate(found)]


def turn_speakers(text: str, claims: list[Claim], quotes: list[tuple[int, int]]) -> set[str]:
    """Name the first-person source of each claim after the label of the turn it lies in (in place), and
    return the ids of what a questioner puts to the speaker ("Can you talk about why now ...?": the source
    "you" in a question turn is asked, nobody asserts it) for the caller to drop."""
    spans = turns(text)
    if not spans or not claims:
        return set()
    labels = {label for _, _, label in spans}
    asked: set[str] = set()
    for c in claims:
        if c.source.name.strip() in labels and c.source.name.strip() not in _QUESTIONERS:
            c.source.name = _name(c.source.name)  # "MR. KIRBY: ..." (the label line itself): "Kirby"
            continue
        ev = c.source.evidence
        if ev is None or any(a <= ev.start < b for a, b in quotes):
            continue
        turn = next((t for t in spans if t[0] <= ev.start < t[1]), None)
        if turn is None:
            continue
        if turn[2] in _QUESTIONERS:
            if ev.text.lower() == "you":
                asked.add(c.id)
            continue
        if ev.text.lower() not in _FIRST_PERSON:
            continue
        name = _name(turn[2])
        kind = kind_of(name)
        c.source.name = name
        if kind != "unknown" or c.source.kind == "unknown":
            c.source.kind = kind
        c.certainty = certainty_of(c.hedges, c.reporting, c.source.kind, True)
    return asked
