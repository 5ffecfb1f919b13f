"""Per-stage cost of the time and quantities stages vs the spaCy pipeline alone.

    .venv/bin/python benchmarks/bench_time_quantities.py [--data PATH.jsonl] [--docs 30]

Reads the first N documents of the ISW assessments (../shared/corpus, never copied here), parses them once
with the configured spaCy model, then times the two stages on the parsed docs. Prints seconds and ms/doc.
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import read_corpus


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None)
    ap.add_argument("--docs", type=int, default=30)
    args = ap.parse_args()
    rows = read_corpus("corpus/isw-assessments-2022-02-to-08.jsonl", args.data, args.docs, "ISW assessments")
    if rows is None:
        return 0

    from sitreps.extract.quantities import find_quantities
    from sitreps.extract.time import find_times
    from sitreps.ingest import make_article
    from sitreps.nlp import load_nlp
    from sitreps.settings import load_settings

    articles = [make_article(r["text"], published=r.get("date")) for r in rows]
    nlp = load_nlp(load_settings())
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=8))
    t_spacy = time.perf_counter() - t0

    t0 = time.perf_counter()
    all_times = [find_times(a.text, a.published, d) for a, d in zip(articles, docs, strict=True)]
    t_time = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_q = 0
    for a, d, ts in zip(articles, docs, all_times, strict=True):
        n_q += len(find_quantities(a.text, d, [(t.evidence.start, t.evidence.end) for t in ts]))
    t_qty = time.perf_counter() - t0

    chars = sum(len(a.text) for a in articles)
    n = len(articles)
    print(f"{n} docs, {chars:,} chars; {sum(map(len, all_times))} times, {n_q} quantities")
    for name, secs in (("spaCy pipeline (nlp.pipe)", t_spacy), ("time stage", t_time), ("quantities stage", t_qty)):
        print(f"{name:28} {secs:8.3f} s  {1000 * secs / n:8.1f} ms/doc  {100 * secs / t_spacy:6.1f}% of spaCy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
