"""Reader throughput on the shared JSONL corpora, and what the boilerplate detector marks.

    .venv/bin/python benchmarks/bench_ingest.py [--data DIR] [--repeat 3] [--marks 100]

Reads every ``corpus/*.jsonl`` under the shared data directory (never copied here) through
:func:`sitreps.ingest.read_documents` — decoding, cleaning, paragraphs, boilerplate, ids — and prints docs/s,
MB/s and peak RSS per file. With ``--marks N`` it also lists what the boilerplate detector marks in the first N
documents of the ISW assessments, to spot-check that no ordinary prose is marked. Skips (exit 0) when the
data is absent.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import psutil

from sitreps.errors import EvaluationDataMissing, InputError
from sitreps.evaluate.common import find_shared
from sitreps.ingest import read_documents
from sitreps.model import Article


def _bench(path: Path, repeat: int) -> tuple[int, int, float]:
    """(documents, errors, best seconds) over ``repeat`` full reads of ``path``."""
    best = float("inf")
    docs = errors = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = errors = 0
        for item in read_documents([path]):
            if isinstance(item, InputError):
                errors += 1
            else:
                docs += 1
        best = min(best, time.perf_counter() - t0)
    return docs, errors, best


def _marks(path: Path, n: int) -> None:
    kinds: Counter[str] = Counter()
    texts: Counter[tuple[str, bool, str]] = Counter()
    articles = 0
    for item in read_documents([path]):
        if not isinstance(item, Article):
            continue
        articles += 1
        for b in item.boilerplate:
            kinds[b.kind] += 1
            texts[(b.kind, b.skip, b.evidence.text[:100])] += 1
        if articles >= n:
            break
    print(f"\nboilerplate in the first {articles} documents of {path.name}: {dict(kinds) or 'none'}")
    for (kind, skip, text), count in texts.most_common():
        print(f"  {count:4d} x {kind:9s} skip={skip!s:5s} {text!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None, help="directory holding the *.jsonl corpora")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--marks", type=int, default=100, help="documents of ISW to list boilerplate for (0: none)")
    args = ap.parse_args()
    try:
        corpus = find_shared("corpus", args.data, what="shared corpora")
    except EvaluationDataMissing as exc:
        print(f"skipped: {exc}")
        return 0
    files = sorted(corpus.glob("*.jsonl"))
    if not files:
        print(f"skipped: no *.jsonl under {corpus}")
        return 0
    proc = psutil.Process()
    total_docs, total_bytes, total_s = 0, 0, 0.0
    print(f"{'file':42s} {'docs':>6s} {'errors':>6s} {'s':>7s} {'docs/s':>8s} {'MB/s':>7s}")
    for f in files:
        docs, errors, secs = _bench(f, args.repeat)
        size = f.stat().st_size
        total_docs, total_bytes, total_s = total_docs + docs, total_bytes + size, total_s + secs
        print(f"{f.name:42s} {docs:6d} {errors:6d} {secs:7.3f} {docs / secs:8.1f} {size / secs / 1e6:7.2f}")
    print(f"{'all':42s} {total_docs:6d} {'':6s} {total_s:7.3f} {total_docs / total_s:8.1f} "
          f"{total_bytes / total_s / 1e6:7.2f}")
    # ru_maxrss is the peak resident set size, in KiB on Linux (bytes on macOS).
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak_kib * 1024 if sys.platform != "darwin" else peak_kib
    print(f"peak RSS: {peak / 2**20:.0f} MiB (current {proc.memory_info().rss / 2**20:.0f} MiB)")
    isw = corpus / "isw-assessments-2022-02-to-08.jsonl"
    if args.marks and isw.exists():
        _marks(isw, args.marks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
