"""What the places stage adds to the pipeline's time on ISW assessments (target: at most 10%), and the
gazetteer's load time and memory.

    .venv/bin/python benchmarks/bench_places.py [--data PATH.jsonl] [--docs 20] [--repeat 2]

Reads the first N ISW assessments (../shared/corpus, never copied here), parses them with spaCy alone
(``nlp.pipe``, the full pipeline), then times :func:`sitreps.extract.places.geoparse` on the parsed docs.
The ratio of the two is the stage's share beside spaCy. Also runs the default sitreps pipeline (selective
parse) with and without the places stage (interleaved), and times the places stage inside the pipeline in
the same passes: its share is the robust figure on a busy machine. Best of ``--repeat`` runs; skips (exit 0)
when the data is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import psutil
from _common import best_of, read_corpus


class _Timed:
    """A stage wrapper that adds the time spent in the stage to ``total[0]``."""

    def __init__(self, stage: Any, total: list[float]) -> None:
        self.stage, self.total, self.name = stage, total, stage.name

    def __call__(self, doc: Any, result: Any) -> None:
        t0 = time.perf_counter()
        self.stage(doc, result)
        self.total[0] += time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None)
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    rows = read_corpus("corpus/isw-assessments-2022-02-to-08.jsonl", args.data, args.docs, "ISW assessments")
    if rows is None:
        return 0
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)

    from sitreps.extract.places import geoparse
    from sitreps.gazetteer.index import load_gazetteer
    from sitreps.ingest import make_article
    from sitreps.nlp import load_nlp
    from sitreps.pipeline import load_pipeline
    from sitreps.settings import load_settings

    proc = psutil.Process()
    rss0 = proc.memory_info().rss
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    gaz_mb = (proc.memory_info().rss - rss0) / 1e6
    print(f"gazetteer: {len(gaz)} entries, {len(gaz.keys)} names, loaded in {load_s:.2f} s, +{gaz_mb:.0f} MB RSS")

    settings = load_settings()
    nlp = load_nlp(settings)
    docs: list = []

    def parse() -> None:
        docs[:] = list(nlp.pipe(texts, batch_size=16))

    spacy_s = best_of(parse, args.repeat)
    places_s = best_of(lambda: [geoparse(d, gaz) for d in docs], args.repeat)
    n_places = sum(len(geoparse(d, gaz)) for d in docs)
    print(f"{len(texts)} ISW texts, {words} words, {n_places} places")
    print(f"spaCy alone (full parse): {spacy_s:.2f} s ({words / spacy_s:.0f} words/s)")
    print(f"places stage on parsed docs: {places_s:.2f} s = {100 * places_s / spacy_s:.1f}% of spaCy")

    arts = [make_article(t, published="2022-06-01") for t in texts]
    stages = tuple(s for s in settings.stages)
    with_p = load_pipeline(settings.replace(stages=stages))
    without = load_pipeline(settings.replace(stages=tuple(s for s in stages if s != "places")))
    # The places stage's own time inside the pipeline, measured in the same passes as the whole: on a shared
    # machine the with/without difference of two separate runs is mostly noise.
    in_stage = [0.0]
    for k, stage in enumerate(with_p.stages):
        if stage.name == "places":
            with_p.stages[k] = _Timed(stage, in_stage)
    t_with, t_without, share = float("inf"), float("inf"), float("inf")
    for _ in range(args.repeat):  # interleaved, best of each
        in_stage[0] = 0.0
        t0 = time.perf_counter()
        list(with_p.pipe(arts))
        t = time.perf_counter() - t0
        if t < t_with:
            t_with, share = t, in_stage[0]
        t0 = time.perf_counter()
        list(without.pipe(arts))
        t_without = min(t_without, time.perf_counter() - t0)
    print(f"sitreps pipeline (default stages, selective parse): {t_with:.2f} s with places, "
          f"{t_without:.2f} s without: {100 * (t_with - t_without) / t_without:+.1f}%")
    print(f"places stage inside that pipeline: {share:.2f} s of {t_with:.2f} s = adds "
          f"{100 * share / (t_with - share):.1f}% to the pipeline without it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
