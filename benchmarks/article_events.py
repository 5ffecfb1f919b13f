"""Events in whole articles: how many of the events sitreps reports as having happened did happen.

    .venv/bin/python benchmarks/article_events.py [--labels benchmarks/data/article_event_labels.tsv] [--list]

CASE-2021 (``sitreps evaluate events``) scores the coding of snippets that each report an event; it cannot see
an article's sentences that report none ("to demonstrate its ability", "the Chemical Weapons Convention"), and
those are most of what a user sees wrong on a map. The labels file holds a reader's verdict on every event the
pipeline output on 64 corpus articles at one commit (references only: corpus file, row id, the trigger's offset).
This script runs the current pipeline over the same articles, matches each labelled event to the event now
covering its trigger offset, and prints for each label whether the event is still reported (kept), reported
with a negated/hypothetical/future flag (flagged) or gone (dropped), then the precision of the unflagged events
among the labelled ones. Events at new places are counted and, with ``--list``, printed to be read: they carry
no label. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitreps.errors import EvaluationDataMissing
from sitreps.evaluate.common import find_shared

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--labels", default=str(HERE / "data" / "article_event_labels.tsv"))
    ap.add_argument("--list", action="store_true", help="print the unlabelled events")
    args = ap.parse_args()
    with open(args.labels, encoding="utf-8") as fh:
        labels = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in labels:
        wanted[row["corpus"]].add(row["corpus_id"])
    texts: dict[str, dict[str, object]] = {}
    for rel, ids in wanted.items():
        try:
            path = find_shared(rel, None, what=rel)
        except EvaluationDataMissing as exc:
            print(f"skipped: {exc}")
            return 0
        with Path(path).open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r["id"] in ids:
                    texts[r["id"]] = r

    from sitreps.ingest import make_article
    from sitreps.pipeline import load_pipeline

    pipeline = load_pipeline()
    events = {}
    for cid, r in texts.items():
        res = pipeline.extract(make_article(str(r["text"]), published=str(r.get("date") or "") or None))
        events[cid] = [(e.evidence.start, e.evidence.end, e.negated or e.hypothetical or e.future, e) for e in res.events]
    states: Counter[tuple[str, str]] = Counter()
    used: set[tuple[str, int]] = set()
    for row in labels:
        t = int(row["trigger_start"])
        hit = next(((a, b, f) for a, b, f, _ in events.get(row["corpus_id"], []) if a <= t < b), None)
        state = "dropped" if hit is None else ("flagged" if hit[2] else "kept")
        if hit is not None:
            used.add((row["corpus_id"], hit[0]))
        states[(row["label"], state)] += 1
    print(f"{len(labels)} labelled events on {len(texts)} articles ({args.labels})")
    print(f"{'label':28} {'kept':>5} {'flagged':>8} {'dropped':>8}")
    for label in ("event", "event_wrong_type_or_flag", "flagged_not_occurred", "no_event"):
        print(f"{label:28} {states[(label, 'kept')]:>5} {states[(label, 'flagged')]:>8} {states[(label, 'dropped')]:>8}")
    real = states[("event", "kept")] + states[("event_wrong_type_or_flag", "kept")]
    kept = sum(v for (lab, st), v in states.items() if st == "kept")
    new = [(cid, e) for cid, evs in events.items() for a, _b, _f, e in evs if (cid, a) not in used]
    print(f"labelled events reported as happened: {kept}, of which happened: {real} "
          f"({100 * real / max(kept, 1):.1f} %); with the right sub-type: {states[('event', 'kept')]}")
    print(f"events without a label (new places): {len(new)}"
          f" ({sum(1 for _, e in new if not (e.negated or e.hypothetical or e.future))} unflagged)")
    if args.list:
        for cid, e in new:
            flags = "".join("1" if x else "0" for x in (e.negated, e.hypothetical, e.future))
            print(f"  {cid} {e.evidence.start} {e.sub_event_type} {flags} {e.trigger.text if e.trigger else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
