"""Score event coding on the gold sets in ``../shared/eval/events`` (read at run time, never copied).

* CASE-2021 Task 2 dev: weighted and macro F1 over the 25 ACLED sub-types. A snippet whose gold label is one
  of the 5 non-ACLED classes counts as a false positive for whatever ACLED class we give it; predicting no
  event for it is right and scores nothing. Only the 25 ACLED labels enter the averages (as in CASE-2021).
* PLOVER gold sentences (PLOVER_GSR_CAMEO.json, an older 18-event draft) and PETRARCH-2 validation sentences
  (CAMEO codes mapped to PLOVER with CAMEO2PLOVER-2021.txt): accuracy of our PLOVER event. The old draft's
  names are mapped to the 2021 ontology our model uses: FIGHT→ASSAULT, DEMAND→REQUEST, DISAPPROVE→ACCUSE,
  INVESTIGATE→ACCUSE (the 2021 ontology made them modes of ACCUSE); DOCUMENT records are skipped.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationDataMissing
from .common import find_shared, format_table, prf

__all__ = ["EventsReport", "evaluate_events"]

OLD_TO_2021 = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


@dataclass
class EventsReport:
    case_n: int = 0
    weighted_f1: float = 0.0
    macro_f1: float = 0.0
    non_acled_n: int = 0
    non_acled_no_event: int = 0
    per_class: list[tuple[str, int, float, float, float]] = field(default_factory=list)
    plover: dict[str, tuple[int, float]] = field(default_factory=dict)  # set -> (n, accuracy)
    # round 8: our hand labels on real news sentences (data/models/events/real_validation.tsv; text from ../shared)
    real_n: int = 0
    real_weighted_f1: float = 0.0
    real_macro_f1: float = 0.0
    real_non_acled_n: int = 0
    real_non_acled_no_event: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "case2021_dev": {"n": self.case_n, "weighted_f1": self.weighted_f1, "macro_f1": self.macro_f1,
                             "non_acled_n": self.non_acled_n, "non_acled_no_event": self.non_acled_no_event,
                             "per_class": [dict(zip(("sub_type", "support", "p", "r", "f1"), row, strict=True))
                                           for row in self.per_class]},
            "plover": {k: {"n": n, "accuracy": acc} for k, (n, acc) in self.plover.items()},
            "real_validation": {"n": self.real_n, "weighted_f1": self.real_weighted_f1,
                                "macro_f1": self.real_macro_f1, "non_acled_n": self.real_non_acled_n,
                                "non_acled_no_event": self.real_non_acled_no_event},
        }

    def render(self) -> str:
        out = [format_table(["sub-type", "support", "P", "R", "F1"],
                            [(s, n, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}") for s, n, p, r, f in self.per_class],
                            title="CASE-2021 Task 2 dev, per ACLED sub-type")]
        out.append(format_table(
            ["set", "n", "score"],
            [("CASE-2021 dev weighted F1 (25 ACLED)", self.case_n, f"{100 * self.weighted_f1:.1f}"),
             ("CASE-2021 dev macro F1 (25 ACLED)", self.case_n, f"{100 * self.macro_f1:.1f}"),
             ("non-ACLED snippets with no event", self.non_acled_n,
              f"{100 * self.non_acled_no_event / max(1, self.non_acled_n):.1f}%"),
             *[(f"{k} PLOVER event accuracy", n, f"{100 * acc:.1f}") for k, (n, acc) in self.plover.items()],
             *([("our labels on real sentences: weighted F1 (25 ACLED)", self.real_n,
                 f"{100 * self.real_weighted_f1:.1f}"),
                ("our labels on real sentences: non-ACLED with no event", self.real_non_acled_n,
                 f"{100 * self.real_non_acled_no_event / max(1, self.real_non_acled_n):.1f}%")]
               if self.real_n else [])],
            title="Event coding (target: weighted F1 >= 84)"))
        return "\n\n".join(out)


def _case(path: Path) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["EventSnippet"] for r in rows], [r["SubType"].strip() for r in rows]


def _plover_gold(path: Path) -> list[tuple[str, str]]:
    items = json.loads(path.read_text("utf-8"))
    out = []
    for it in items:
        ev, text = it.get("event"), it.get("text")
        if not text or not ev or ev == "DOCUMENT":
            continue
        out.append((text, OLD_TO_2021.get(ev, ev)))
    return out


def _cameo_map(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def _petrarch_gold(path: Path, cameo: dict[str, str]) -> list[tuple[str, str]]:
    """(sentence, PLOVER event of its first coding). The file is not well-formed XML (comment banners,
    parse blocks), so records are read with patterns: a <Sentence>, its <EventCoding>s, its <Text>."""
    raw = path.read_text("utf-8")
    out = []
    for block in re.split(r"<Sentence\b", raw)[1:]:
        codes = re.findall(r'<EventCoding[^>]*eventcode="(\d+)"', block)
        text = re.search(r"<Text>(.*?)</Text>", block, re.DOTALL)
        if not codes or not text:
            continue
        code = codes[0]
        ev = cameo.get(code) or cameo.get(code[:3]) or cameo.get(code[:2])
        if ev:
            out.append((" ".join(text.group(1).split()), OLD_TO_2021.get(ev, ev)))
    return out


def evaluate_events(data: str | Path | None = None) -> EventsReport:
    """Run the event coder on every gold set found under ``data`` (default ../shared/eval/events)."""
    from ..extract.events_classifier import (
        acled_scores,
        load_acled_model,
        load_plover_model,
        read_real_validation,
    )
    from ..extract.events_classify import code_texts
    from ..extract.events_taxonomy import load_taxonomy

    base = find_shared("eval/events", data, what="event gold data (CASE-2021, PLOVER, PETRARCH)")
    case_path = base / "case2021_task2" / "dev.tsv"
    if not case_path.is_file():
        raise EvaluationDataMissing(f"{case_path} not found; pass --data pointing at ../shared/eval/events")
    tax = load_taxonomy()
    model = load_plover_model()
    texts, gold = _case(case_path)
    acled_model = load_acled_model()
    codings = code_texts(texts, model, acled=acled_model)
    pred = [tax.sub_types[c.sub_event_type].case if c.sub_event_type else "NONE" for c in codings]
    report = EventsReport(case_n=len(texts))
    labels = sorted(s.case for s in tax.sub_types.values())
    support = Counter(gold)
    total = sum(support[lab] for lab in labels)
    wsum = msum = 0.0
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        p_, r_, f_ = prf(tp, fp, fn)
        report.per_class.append((lab, support[lab], p_, r_, f_))
        wsum += f_ * support[lab]
        msum += f_
    report.weighted_f1 = wsum / max(1, total)
    report.macro_f1 = msum / len(labels)
    non = [(g, p) for g, p in zip(gold, pred, strict=True) if g in tax.non_acled]
    report.non_acled_n = len(non)
    report.non_acled_no_event = sum(1 for _, p in non if p == "NONE")

    # Round 8: our labels on real news sentences (references in the package, text from the shared directory)
    real_texts, real_gold = read_real_validation(base.parents[1])
    if real_texts:
        real_codings = code_texts(real_texts, model, acled=acled_model)
        real_pred = [tax.sub_types[c.sub_event_type].case if c.sub_event_type else "NONE" for c in real_codings]
        report.real_n = len(real_texts)
        report.real_weighted_f1, report.real_macro_f1 = acled_scores(real_gold, real_pred, labels)
        real_non = [p for g, p in zip(real_gold, real_pred, strict=True) if g in tax.non_acled]
        report.real_non_acled_n = len(real_non)
        report.real_non_acled_no_event = sum(1 for p in real_non if p == "NONE")

    sets: list[tuple[str, list[tuple[str, str]]]] = []
    plover_path = base / "plover" / "PLOVER_GSR_CAMEO.json"
    if plover_path.is_file():
        sets.append(("PLOVER GSR", _plover_gold(plover_path)))
    petr_path = base / "petrarch" / "PETR2_GSR_validation.xml"
    cameo_path = base / "plover" / "CAMEO2PLOVER-2021.txt"
    if petr_path.is_file() and cameo_path.is_file():
        sets.append(("PETRARCH-2 GSR", _petrarch_gold(petr_path, _cameo_map(cameo_path))))
    for name, items in sets:
        if not items:
            continue
        preds = model.predict([t for t, _ in items])
        acc = sum(1 for (_, g), (ev, _, _) in zip(items, preds, strict=True) if ev == g) / len(items)
        report.plover[name] = (len(items), acc)
    return report
