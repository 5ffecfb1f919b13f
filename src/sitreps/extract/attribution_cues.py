"""Cue classifier: predicates outside every rule / CRF claim that PolNeAR annotators would mark as a cue.

The CRF only tags sentence blocks holding a word of ``cue_words.txt`` (or a quote mark), so the long tail of
PolNeAR's cue scheme ("cling to the hope", "sternly reprimanded", "decided not to recommend") is never seen.
This classifier looks at every verb (and every noun whose lemma annotators mark as a cue often enough, or that
is a learned cue word) left outside the claims found so far, one token at a time, with features read off the
parse: the lemma, its share of cue uses on train (``cue_prior.tsv``), its dependents (a clause, an object, a
preposition), its subject's kind, what follows it (a quote mark, "that", a colon).

It is python-crfsuite trained on one-item sequences (no transitions: a maximum-entropy classifier), so a doc's
candidates are tagged as one sequence in one call and each item's marginal P(cue) is independent of the others.
``sitreps train attribution`` trains it next to the CRF (``cue_classifier.crfsuite``) on the PolNeAR train
candidates outside the rule claims (the rules are not trained, so that is the set they leave); the stage makes
a claim of each candidate whose P(cue) reaches :data:`CUE_CLASSIFIER_THRESHOLD` and that has a complement in
the parse (its content) — the source is its subject, resolved like the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .attribution_crf import DocAttrs

CLASSIFIER_FILE = "cue_classifier.crfsuite"
# P(cue) a candidate needs to become a claim (chosen on held-out PolNeAR train, docs/EVALUATION-attribution.md
# round 8).
CUE_CLASSIFIER_THRESHOLD: float = 0.7
# A noun is a candidate when annotators mark its lemma as a cue in at least this share of its uses on train.
NOUN_PRIOR_MIN = 0.1

_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_PRONOUN_KINDS = {"he": "he", "she": "he", "him": "he", "her": "he", "they": "they", "them": "they",
                  "i": "i", "we": "i", "you": "you", "it": "it"}
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_QUOTE_ORTH = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must"})


def _prior_bucket(p: float | None) -> str:
    if p is None:
        return "na"
    for edge, name in ((0.01, "0"), (0.03, "01"), (0.06, "03"), (0.1, "06"), (0.2, "1"), (0.3, "2"),
                       (0.5, "3"), (0.7, "5")):
        if p < edge:
            return name
    return "7"


def children_of(a: DocAttrs, of: Iterable[int] | None = None) -> dict[int, list[int]]:
    """Token index -> indices of its dependents, in order, from the per-doc head list; only for the tokens
    ``of`` (and for their dependents' "mark" words: "that" of a clause) when given — one pass over the heads,
    no list per token."""
    heads, deps = a.head, a.dep
    kids: dict[int, list[int]] = {}
    if of is None:
        for i, h in enumerate(heads):
            if h != i:
                kids.setdefault(h, []).append(i)
        return kids
    kids = {k: [] for k in of}
    marks: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h == i:
            continue
        if h in kids:
            kids[h].append(i)
        if deps[i] == "mark":
            marks.setdefault(h, []).append(i)
    for k in list(kids):
        for c in kids[k]:
            if c in marks and c not in kids:
                kids[c] = marks[c]
    return kids


def candidates(a: DocAttrs, covered: bytearray | None, prior: dict[str, float],
               learned: frozenset[str]) -> list[int]:
    """Token indices worth classifying: verbs, and nouns that are learned cue words or whose lemma's cue share
    reaches :data:`NOUN_PRIOR_MIN`, parsed (a dependency label), outside ``covered`` characters."""
    out: list[int] = []
    ncov = len(covered) if covered is not None else 0
    for i, pos in enumerate(a.pos):
        if pos == "VERB":
            pass
        elif pos == "NOUN":
            lem = a.lemma[i]
            if prior.get(lem, 0.0) < NOUN_PRIOR_MIN and lem not in learned and a.lower[i] not in learned:
                continue
        else:
            continue
        if not a.dep[i]:
            continue
        if covered is not None:
            c = a.idx[i]
            if c < ncov and covered[c]:
                continue
        out.append(i)
    return out


def features(a: DocAttrs, kids: dict[int, list[int]], i: int, prior: dict[str, float], learned: frozenset[str],
             qmask: bytearray) -> list[str]:
    """The classifier's feature strings for token ``i``."""
    lem = a.lemma[i]
    pb = _prior_bucket(prior.get(lem))
    f = ["b", f"l={lem}", f"t={a.tag[i]}", f"d={a.dep[i]}", f"p={pb}", f"pd={pb}|{a.dep[i]}"]
    if lem in learned or a.lower[i] in learned:
        f.append("cw")
    h = a.head[i]
    if h != i:
        f.append(f"hd={a.dep[h]}")
        f.append(f"hl={a.lemma[h]}")
    deps = set()
    subj = -1
    for c in kids.get(i, ()):
        d = a.dep[c]
        deps.add(d)
        if d in ("prep", "agent"):
            f.append(f"pr={a.lower[c]}")
            f.append(f"lpr={lem}|{a.lower[c]}")
        elif d in ("aux", "auxpass") and a.lower[c] in _MODALS:
            f.append("modal")
        elif d in _SUBJ_DEPS and subj < 0:
            subj = c
        elif d == "ccomp":
            for g in kids.get(c, ()):
                if a.dep[g] == "mark":
                    f.append(f"mk={a.lower[g]}")
    for d in sorted(deps):
        f.append(f"c={d}")
    clause = "ccomp" in deps or "xcomp" in deps
    f.append(f"lc={lem}|{int(clause)}")
    if subj < 0:
        f.append("s=none")
    else:
        low = a.lower[subj]
        if low in _PRONOUN_KINDS:
            f.append(f"s=pron:{_PRONOUN_KINDS[low]}")
        elif low in _RELATIVE:
            f.append("s=rel")
        else:
            ent = a.ent[subj]
            f.append(f"s={ent[1:] if len(ent) > 1 else a.pos[subj]}")
        f.append(f"ls={lem}|{f[-1][2:]}")
    n = len(a.lower)
    for k in (1, 2):
        if i + k < n:
            f.append(f"n{k}={a.lower[i + k]}")
        if i - k >= 0:
            f.append(f"v{k}={a.lower[i - k]}")
    if any(a.orth[j] in _QUOTE_ORTH for j in range(i + 1, min(n, i + 4))):
        f.append("qa")
    if any(a.orth[j] in _QUOTE_ORTH for j in range(max(0, i - 3), i)):
        f.append("qb")
    c0 = a.idx[i]
    if c0 < len(qmask) and qmask[c0]:
        f.append("inq")
    return f


def doc_items(a: DocAttrs, covered: bytearray | None, prior: dict[str, float], learned: frozenset[str],
              qmask: bytearray) -> tuple[list[int], list[list[str]]]:
    """(candidate token indices, their feature lists) for one doc."""
    cands = candidates(a, covered, prior, learned)
    if not cands:
        return [], []
    kids = children_of(a, cands)
    return cands, [features(a, kids, i, prior, learned, qmask) for i in cands]


class CueClassifier:
    """The trained classifier (:func:`load_classifier`)."""

    def __init__(self, tagger: object, path: Path, threshold: float = CUE_CLASSIFIER_THRESHOLD) -> None:
        self._tagger = tagger
        self.path = path
        self.threshold = threshold

    def probabilities(self, items: list[list[str]]) -> list[float]:
        """P(cue) of every item, in one crfsuite call (the items are independent: the model has no
        transitions)."""
        return maxent_probabilities(self._tagger, items, "C")

    def accepted(self, a: DocAttrs, covered: bytearray | None, prior: dict[str, float],
                 learned: frozenset[str], qmask: bytearray) -> list[tuple[int, float]]:
        """(token index, P(cue)) of the candidates at or above the threshold, in text order."""
        cands, items = doc_items(a, covered, prior, learned, qmask)
        return [(i, p) for i, p in zip(cands, self.probabilities(items), strict=True) if p >= self.threshold]


def maxent_probabilities(tagger: Any, items: list[Any], label: str) -> list[float]:
    """P(``label``) of every item under a one-item maxent model (:func:`train_maxent`), in one crfsuite call:
    with no transitions the items are independent, so one sequence of all of them gives each its own."""
    if not items:
        return []
    tagger.set(items)
    tagger.tag()
    marginal = tagger.marginal
    return [marginal(label, k) for k in range(len(items))]


def open_maxent(path: str | Path) -> Any | None:
    """A crfsuite tagger over the model at ``path``, or None when there is none (older model directories)."""
    p = Path(path)
    if not p.is_file():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(p))
    return tagger


def train_maxent(items: Iterable[tuple[Any, str]], out: Path, *, c1: float, c2: float, max_iterations: int,
                 min_freq: int) -> Path:
    """L-BFGS maximum entropy over one-item sequences (crfsuite without transitions); ``items`` are
    (features, label) with features a list of strings or a dict of weights; deterministic for the same input
    order. Shared by the cue classifier and the CRF claim filter (attribution_accept)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, label in items:
        trainer.append([feats], [label])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": min_freq,
                        "feature.possible_transitions": False, "feature.possible_states": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def load_classifier(path: str | Path) -> CueClassifier | None:
    """The classifier stored at ``path``, or None when there is none (older model directories)."""
    tagger = open_maxent(path)
    return None if tagger is None else CueClassifier(tagger, Path(path))


def train_classifier(items: Iterable[tuple[list[str], str]], out: Path, *, c1: float = 0.1, c2: float = 0.1,
                     max_iterations: int = 100, min_freq: int = 2) -> Path:
    """The cue classifier (labels "C" cue / "O"): :func:`train_maxent`."""
    return train_maxent(items, out, c1=c1, c2=c2, max_iterations=max_iterations, min_freq=min_freq)


def training_items(golds: list[Any], docs: list[Any], prior: dict[str, float], learned: frozenset[str],
                   stage: Any = None) -> list[tuple[list[str], str]]:
    """(features, label) of every candidate of the PolNeAR train docs outside the rule claims (or, given the
    attribution ``stage``, outside the claims of its rules and CRF): "C" when the token lies inside a gold
    cue."""
    from ..doctext import doc_text
    from .attribution_crf import DocAttrs
    from .attribution_quotes import find_quotes, quote_mask
    from .attribution_rules import find_rule_attributions

    out: list[tuple[list[str], str]] = []
    for gold, doc in zip(golds, docs, strict=True):
        text = doc_text(doc)
        quotes = find_quotes(text)
        if stage is not None:
            found = stage.find(doc, quotes, classify=False)
        else:
            found = find_rule_attributions(doc, [(q.start, q.end) for q in quotes])
        cov = bytearray(len(text))
        for f in found:
            for s in (f.content, f.cue, f.source):
                if s:
                    cov[s[0]:s[1]] = b"\x01" * (s[1] - s[0])
        cue = bytearray(len(text) + 1)
        for s, e in (seg for segs in gold.spans["cue"] for seg in segs):
            cue[s:e] = b"\x01" * (e - s)
        a = DocAttrs.of(doc)
        cands, items = doc_items(a, cov, prior, learned, quote_mask(text, quotes))
        out += [(f, "C" if cue[a.idx[i]] else "O") for i, f in zip(cands, items, strict=True)]
    return out
