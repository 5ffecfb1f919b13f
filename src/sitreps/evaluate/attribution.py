"""Score claims on PolNeAR (brat standoff): source, cue and content spans, exact and overlap.

``sitreps evaluate attribution --data ../shared/eval/attribution/polnear --split dev``.

Matching, per role (source, cue, content), over all spans of a document:

- a gold span is the ``T`` annotation of that role (``Source``, ``Cue``, ``Content``); a discontinuous one
  (``start end;start end``) counts as one span whose segments all belong to it; duplicates are counted once;
- **overlap**: a predicted and a gold span of the same role match when they share at least one character
  (any segment); matching is one-to-one, greedy by the number of shared characters (largest first), as
  BBC Citron and the PARC evaluations do;
- **exact**: start and end equal the gold span's first start and last end, after trimming whitespace and
  trailing quote marks / punctuation on both sides (brat annotators differ on a closing ``.”``).

Predicted spans come from the claims the attribution stage produces (``claim.evidence`` = content,
``claim.cue``, ``claim.source.evidence``); a content split over several quote passages is one claim per
passage, and the passages of claims sharing one cue and source are scored as one discontinuous content (one
attribution, as PolNeAR annotates it). A document that raises counts as not processed, and its gold spans count as missed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationDataMissing
from .common import find_shared, format_table, prf

if TYPE_CHECKING:
    from ..model import ArticleResult

ROLES = ("source", "cue", "content")
_BRAT_ROLE = {"Source": "source", "Cue": "cue", "Content": "content"}

Segs = tuple[tuple[int, int], ...]


@dataclass
class GoldDoc:
    name: str
    text: str
    spans: dict[str, list[Segs]]  # role -> spans (each a tuple of segments)
    relations: list[dict[str, Segs]] = field(default_factory=list)  # role -> span, per attribution


def parse_ann(ann: str) -> tuple[dict[str, list[Segs]], list[dict[str, Segs]]]:
    """Read a PolNeAR ``.ann`` file: role spans and the attribution relations linking them."""
    tspans: dict[str, tuple[str, Segs]] = {}
    relations: list[dict[str, Segs]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            role = _BRAT_ROLE.get(head[0])
            if role is None or len(head) < 2:
                continue
            segs = []
            for piece in head[1].split(";"):
                nums = piece.split()
                if len(nums) == 2 and nums[0].isdigit() and nums[1].isdigit():
                    segs.append((int(nums[0]), int(nums[1])))
            if segs:
                tspans[parts[0]] = (role, tuple(segs))
    for line in ann.splitlines():
        if line.startswith("E"):
            parts = line.split("\t")
            rel: dict[str, Segs] = {}
            for arg in parts[1].split()[1:] if len(parts) > 1 else []:
                key, _, tid = arg.partition(":")
                if tid in tspans and _BRAT_ROLE.get(key):
                    rel[_BRAT_ROLE[key]] = tspans[tid][1]
            if rel:
                relations.append(rel)
    spans: dict[str, list[Segs]] = {r: [] for r in ROLES}
    for role, role_segs in tspans.values():
        if role_segs not in spans[role]:
            spans[role].append(role_segs)
    return spans, relations


def load_polnear(data: str | Path | None, split: str = "dev", limit: int | None = None) -> list[GoldDoc]:
    """Read PolNeAR ``<data>/<split>/{text,attributions}``. Raises EvaluationDataMissing when absent."""
    root = find_shared("eval/attribution/polnear", data, what="PolNeAR attribution data")
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationDataMissing(
            f"PolNeAR split {split!r} not found under {root} (expected {split}/text and {split}/attributions); "
            f"pass --split train or dev, or --data pointing at the polnear directory")
    docs = []
    for ann_path in sorted(ann_dir.glob("*.ann")):
        stem = ann_path.stem
        txt = text_dir / f"{stem}.txt"
        if not txt.is_file():  # annotation files carry an annotator suffix: name_<annotator>.ann
            txt = text_dir / f"{stem.rsplit('_', 1)[0]}.txt"
        if not txt.is_file():
            continue
        spans, rels = parse_ann(ann_path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(stem, txt.read_text(encoding="utf-8"), spans, rels))
        if limit and len(docs) >= limit:
            break
    if not docs:
        raise EvaluationDataMissing(f"no PolNeAR documents under {text_dir}; check --data and --split")
    return docs


_TRIM = re.compile(r"^[\s“”\"'‘’,.:;—–-]+|[\s“”\"'‘’,.:;—–-]+$")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    m = re.match(r"^[\s“”\"'‘’,.:;—–-]*", piece)
    lead = m.end() if m else 0
    m2 = re.search(r"[\s“”\"'‘’,.:;—–-]*$", piece)
    trail = len(piece) - m2.start() if m2 else 0
    if lead + trail >= len(piece):
        return start, end
    return start + lead, end - trail


def _shared(a: Segs, b: Segs) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp


def match_overlap(pred: list[Segs], gold: list[Segs]) -> int:
    """One-to-one matches between spans sharing at least one character, largest overlap first."""
    pairs = sorted(((_shared(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
                    if _shared(p, g) > 0), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def match_exact(text: str, pred: list[Segs], gold: list[Segs]) -> int:
    """Matches whose trimmed outer bounds are equal."""
    g_keys = [_trimmed(text, g[0][0], g[-1][1]) for g in gold]
    used: set[int] = set()
    n = 0
    for p in pred:
        key = _trimmed(text, p[0][0], p[-1][1])
        for j, gk in enumerate(g_keys):
            if j not in used and gk == key:
                used.add(j)
                n += 1
                break
    return n


def offset_map(clean: str, original: str) -> Callable[[int], int]:
    """Position in ``clean`` (the article text after ``make_article`` cleaned it) -> position in ``original``
    (the text the gold offsets refer to). Cleaning only trims or folds a few characters (a space before a line
    break, a trailing newline), so the two texts align block by block."""
    if clean == original:
        return lambda i: i
    import difflib

    blocks = difflib.SequenceMatcher(None, clean, original, autojunk=False).get_matching_blocks()

    def to_original(i: int) -> int:
        for a, b, n in blocks:
            if i < a + n or n == 0:
                return b + max(0, i - a) if i >= a else b
        return len(original)

    return to_original


def predicted_spans(result: ArticleResult, original: str | None = None,
                    univocal: bool = True) -> dict[str, list[Segs]]:
    """Role -> predicted spans from a result's claims (duplicates once), in the coordinates of ``original``.

    With ``univocal`` (PolNeAR's scheme: every token has at most one role in at most one attribution, so an
    attribution inside another's content is not annotated) claims nested in another claim are left out."""
    out: dict[str, list[Segs]] = {r: [] for r in ROLES}
    to_orig = offset_map(result.article.text, original) if original is not None else (lambda i: i)
    contents: dict[object, list[tuple[int, int]]] = {}
    for c in result.claims:
        if univocal and c.nested_in is not None:
            continue
        items = [("content", c.evidence), ("cue", c.cue), ("source", c.source.evidence)]
        for role, span in items:
            if span is None or span.end <= span.start:
                continue
            seg = (to_orig(span.start), to_orig(span.end - 1) + 1)
            if role == "content":
                # one attribution, one content: the passages of a quotation interrupted by its cue ("“…,” she
                # said. “…”") or continued in the next paragraph share the claim's cue and source, and PolNeAR
                # annotates them as one discontinuous content
                key: object = (c.cue.start, c.cue.end, c.source.evidence.start if c.source.evidence else -1) \
                    if c.cue is not None else id(c)
                contents.setdefault(key, []).append(seg)
            elif (seg,) not in out[role]:
                out[role].append((seg,))
    for segs in contents.values():
        merged: Segs = tuple(sorted(set(segs)))
        if merged not in out["content"]:
            out["content"].append(merged)
    return out


@dataclass
class AttributionReport:
    split: str
    n_docs: int
    n_ok: int
    exact: dict[str, Counts]
    overlap: dict[str, Counts]
    errors: list[str]

    def rows(self) -> list[list[Any]]:
        rows: list[list[Any]] = []
        for role in ROLES:
            for how, counts in (("exact", self.exact), ("overlap", self.overlap)):
                c = counts[role]
                p, r, f = prf(c.tp, c.fp, c.fn)
                rows.append([role, how, c.tp, c.fp, c.fn, round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)])
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "documents": self.n_docs, "processed": self.n_ok,
                "processed_share": self.n_ok / self.n_docs if self.n_docs else 0.0,
                "scores": [dict(zip(["role", "match", "tp", "fp", "fn", "P", "R", "F1"], r, strict=True))
                           for r in self.rows()],
                "errors": self.errors}

    def render(self) -> str:
        title = (f"PolNeAR {self.split}: {self.n_docs} documents, {self.n_ok} processed without error "
                 f"({100 * self.n_ok / max(1, self.n_docs):.1f}%)")
        table = format_table(["role", "match", "tp", "fp", "fn", "P", "R", "F1"], self.rows(), title)
        if self.errors:
            table += "\nerrors:\n" + "\n".join(f"  {e}" for e in self.errors[:20])
        return table


def score(docs: list[GoldDoc], results: Iterator[tuple[GoldDoc, ArticleResult | None, str | None]]
          ) -> AttributionReport:
    """Aggregate P/R/F1 over ``(gold, result or None, error or None)`` triples."""
    exact = {r: Counts() for r in ROLES}
    overlap = {r: Counts() for r in ROLES}
    n_ok = 0
    errors = []
    split = ""
    for gold, result, err in results:
        if result is None or err:
            errors.append(f"{gold.name}: {err}")
            for role in ROLES:
                exact[role].add(0, 0, len(gold.spans[role]))
                overlap[role].add(0, 0, len(gold.spans[role]))
            continue
        n_ok += 1
        pred = predicted_spans(result, gold.text)
        for role in ROLES:
            exact[role].add(match_exact(gold.text, pred[role], gold.spans[role]), len(pred[role]),
                            len(gold.spans[role]))
            overlap[role].add(match_overlap(pred[role], gold.spans[role]), len(pred[role]),
                              len(gold.spans[role]))
    return AttributionReport(split, len(docs), n_ok, exact, overlap, errors)


def evaluate_attribution(data: str | Path | None = None, split: str = "dev", limit: int | None = None,
                         progress: Callable[[int, int], None] | None = None) -> AttributionReport:
    """Run the pipeline's attribution stage (alone: it needs no other stage) on PolNeAR and score it."""
    from ..ingest import make_article
    from ..pipeline import load_pipeline
    from ..settings import load_settings

    docs = load_polnear(data, split, limit)
    # Only attribution: PolNeAR is US politics, the other stages add time but nothing these spans need.
    pipe = load_pipeline(load_settings(stages=("attribution",), selective_parse=False))

    def run() -> Iterator[tuple[GoldDoc, ArticleResult | None, str | None]]:
        for k, gold in enumerate(docs):
            if progress:
                progress(k, len(docs))
            try:
                result = pipe.extract(make_article(gold.text))
            except Exception as exc:  # noqa: BLE001 - a crash is what this measures; it is counted, not hidden
                yield gold, None, f"{type(exc).__name__}: {exc}"
                continue
            stage_errs = [e for e in result.errors if e.startswith("attribution")]
            yield gold, result, "; ".join(stage_errs) or None

    report = score(docs, run())
    report.split = split
    return report


@dataclass
class AgreementReport:
    """Annotator against annotator on the articles PolNeAR had annotated by several annotators.

    Every ordered pair of annotations of one article is scored as the system is (one annotation standing for
    the prediction, the other for the gold), so the table reads as what a system exactly as good as a second
    PolNeAR annotator would score: the ceiling of the metric on this data."""

    splits: tuple[str, ...]
    n_articles: int
    n_pairs: int
    exact: dict[str, Counts]
    overlap: dict[str, Counts]
    per_article: list[tuple[str, int, dict[str, float]]]  # name, annotations, role -> overlap F1

    def medians(self) -> dict[str, float]:
        import statistics

        return {r: statistics.median(a[2][r] for a in self.per_article) if self.per_article else 0.0
                for r in ROLES}

    def rows(self) -> list[list[Any]]:
        rows: list[list[Any]] = []
        medians = self.medians()
        for role in ROLES:
            for how, counts in (("exact", self.exact), ("overlap", self.overlap)):
                c = counts[role]
                p, r, f = prf(c.tp, c.fp, c.fn)
                median = round(100 * medians[role], 1) if how == "overlap" else ""
                rows.append([role, how, c.tp, c.fp, c.fn, round(100 * p, 1), round(100 * r, 1),
                             round(100 * f, 1), median])
        return rows

    def to_dict(self) -> dict[str, Any]:
        keys = ["role", "match", "tp", "fp", "fn", "P", "R", "F1", "median_article_F1"]
        return {"splits": list(self.splits), "articles": self.n_articles, "ordered_pairs": self.n_pairs,
                "scores": [dict(zip(keys, r, strict=True)) for r in self.rows()],
                "per_article": [{"article": n, "annotations": k, **{f"{r}_F1": v[r] for r in ROLES}}
                                for n, k, v in self.per_article]}

    def render(self) -> str:
        title = (f"PolNeAR annotator agreement ({', '.join(self.splits)}): {self.n_articles} articles annotated "
                 f"by several annotators, {self.n_pairs} ordered pairs scored as system vs gold")
        return format_table(["role", "match", "tp", "fp", "fn", "P", "R", "F1", "median article F1"],
                            self.rows(), title)


def annotator_agreement(data: str | Path | None = None, splits: tuple[str, ...] = ("train", "dev")
                        ) -> AgreementReport:
    """Score every ordered pair of annotations of each multiply annotated PolNeAR article with the system's
    own matching (:func:`match_overlap`, :func:`match_exact`). Raises EvaluationDataMissing when absent."""
    root = find_shared("eval/attribution/polnear", data, what="PolNeAR attribution data")
    exact = {r: Counts() for r in ROLES}
    overlap = {r: Counts() for r in ROLES}
    per_article: list[tuple[str, int, dict[str, float]]] = []
    n_pairs = 0
    for split in splits:
        ann_dir, text_dir = root / split / "attributions", root / split / "text"
        if not ann_dir.is_dir():
            raise EvaluationDataMissing(f"PolNeAR split {split!r} not found under {root}; pass --data "
                                        "pointing at the polnear directory")
        groups: dict[str, list[Path]] = {}
        for ann_path in sorted(ann_dir.glob("*.ann")):
            # name_<annotator>.ann when an article was annotated more than once
            groups.setdefault(ann_path.stem.rsplit("_", 1)[0], []).append(ann_path)
        for base, paths in groups.items():
            txt = text_dir / f"{base}.txt"
            if len(paths) < 2 or not txt.is_file():
                continue
            text = txt.read_text(encoding="utf-8")
            spans = [parse_ann(p.read_text(encoding="utf-8"))[0] for p in paths]
            article = {r: Counts() for r in ROLES}
            for a in range(len(spans)):
                for b in range(len(spans)):
                    if a == b:
                        continue
                    n_pairs += 1
                    for role in ROLES:
                        pred, gold = spans[a][role], spans[b][role]
                        tp = match_overlap(pred, gold)
                        overlap[role].add(tp, len(pred), len(gold))
                        article[role].add(tp, len(pred), len(gold))
                        exact[role].add(match_exact(text, pred, gold), len(pred), len(gold))
            per_article.append((base, len(paths), {r: prf(c.tp, c.fp, c.fn)[2] for r, c in article.items()}))
    if not per_article:
        raise EvaluationDataMissing(f"no PolNeAR article under {root} has more than one annotation "
                                    f"(splits {', '.join(splits)})")
    return AgreementReport(tuple(splits), len(per_article), n_pairs, exact, overlap, per_article)
