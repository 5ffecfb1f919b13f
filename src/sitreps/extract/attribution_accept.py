"""Accept / reject the CRF's own claims (round 11).

The CRF tags cue, source and content spans; the stage turns each tagged cue outside the rule claims into a
claim. On held-out PolNeAR train about a quarter of those cues are wrong, and they were the largest pool of
wrong cues after round 10. This model reads, for each CRF claim, the CRF's marginal probability of its cue,
content and source tags, whether the best path had the cue at all (or it was recovered from its marginal), the
cue classifier's P(cue) of its words (:mod:`attribution_cues`), the cue lemma's prior, how the source was found
and what kind it is, and the sentence's shape (inside a quotation, content before / after, its length), and
says whether the cue is right (overlaps a gold cue).

It is python-crfsuite on one-item sequences (a maximum-entropy classifier, as the cue classifier). Its training
data must be CRF claims the CRF was not trained on, so ``sitreps train attribution`` cross-fits: it trains a
CRF and a cue classifier on each half of PolNeAR train, runs the stage with them over the other half, and
trains this model on the claims they make (:func:`training_items`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .attribution_cues import maxent_probabilities, open_maxent, train_maxent

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .attribution_rules import Found

ACCEPT_FILE = "crf_accept.crfsuite"
# A CRF claim whose P(right cue) is below this is dropped (chosen on held-out PolNeAR train, docs/EVALUATION-
# attribution.md round 11).
ACCEPT_THRESHOLD: float = 0.25

_PRON = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "who", "which", "that"})


def _bucket(p: float) -> str:
    for edge in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        if p < edge:
            return str(edge)
    return "1"


def features(doc: Doc, f: Found, probs: dict[int, float], prior: dict[str, float],
             qmask: bytearray) -> dict[str, float]:
    """The model's features of the CRF claim ``f`` (``f.crf`` set by the stage); ``probs``: the cue
    classifier's P(cue) by token index; ``qmask``: 1 for characters inside a quotation."""
    info = f.crf or {}
    x: dict[str, float] = {"b": 1.0}
    assert f.cue is not None
    span = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    toks = list(span) if span is not None else []
    pc = info.get("pc", 1.0)
    x["pc"] = pc
    x["pc=" + _bucket(pc)] = 1.0
    if info.get("rec"):
        x["rec"] = 1.0
    pn = info.get("pn", -1.0)
    if pn < 0:
        x["compl"] = 1.0
    else:
        x["pn"] = pn
        x["pn=" + _bucket(pn)] = 1.0
    ps = info.get("ps", -1.0)
    how = {0: "none", 1: "tag", 2: "subj", 3: "writer"}.get(int(info.get("sh", 0)), "none")
    x["sh=" + how] = 1.0
    if ps >= 0:
        x["ps"] = ps
        x["ps=" + _bucket(ps)] = 1.0
    if f.source is not None:
        src = doc.char_span(f.source[0], f.source[1], alignment_mode="expand")
        if src is not None and len(src):
            root = src.root
            kind = "pron" if root.lower_ in _PRON else (root.ent_type_ or root.pos_)
            x["sk=" + kind] = 1.0
            x["sk=" + kind + "|" + how] = 1.0
            x["sd=" + ("before" if f.source[1] <= f.cue[0] else "after")] = 1.0
    else:
        x["sk=none"] = 1.0
    ps_cls = [probs[t.i] for t in toks if t.i in probs]
    if ps_cls:
        m = max(ps_cls)
        x["pcls"] = m
        x["pcls=" + _bucket(m)] = 1.0
    else:
        x["nocand"] = 1.0
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    head = max(words, key=lambda t: prior.get(t.lemma_.lower(), 0.0)) if words else (toks[0] if toks else None)
    if head is not None:
        lem = head.lemma_.lower()
        pr = prior.get(lem)
        x["prior=" + ("na" if pr is None else _bucket(pr))] = 1.0
        x["l=" + lem] = 1.0
        x["pos=" + head.pos_] = 1.0
        x["dep=" + head.dep_] = 1.0
        x["tag=" + head.tag_] = 1.0
    else:
        x["punct"] = 1.0
    x["nw=" + str(min(len(words), 4))] = 1.0
    c0 = f.cue[0]
    if c0 < len(qmask) and qmask[c0]:
        x["inq"] = 1.0
    if f.content[0] >= f.cue[1]:
        x["con=after"] = 1.0
    else:
        x["con=before"] = 1.0
    n = len(doc.text[f.content[0]:f.content[1]].split())
    x["cl=" + ("1" if n <= 2 else "5" if n <= 5 else "12" if n <= 12 else "30" if n <= 30 else "long")] = 1.0
    if f.content[0] < len(qmask) and qmask[f.content[0]]:
        x["cinq"] = 1.0
    return x


class CrfAccept:
    """The trained model (:func:`load_accept`)."""

    def __init__(self, tagger: object, path: Path, threshold: float = ACCEPT_THRESHOLD) -> None:
        self._tagger = tagger
        self.path = path
        self.threshold = threshold

    def probabilities(self, items: list[dict[str, float]]) -> list[float]:
        """P(right cue) of every item, in one crfsuite call (the model has no transitions)."""
        return maxent_probabilities(self._tagger, items, "Y")


def load_accept(path: str | Path) -> CrfAccept | None:
    """The model stored at ``path``, or None when there is none (older model directories)."""
    tagger = open_maxent(path)
    return None if tagger is None else CrfAccept(tagger, Path(path))


def train_accept(items: Iterable[tuple[dict[str, float], str]], out: Path, *, c1: float = 0.0, c2: float = 1.0,
                 max_iterations: int = 200, min_freq: int = 2) -> Path:
    """The CRF claim filter (labels "Y" right cue / "N"): :func:`attribution_cues.train_maxent`."""
    return train_maxent(items, out, c1=c1, c2=c2, max_iterations=max_iterations, min_freq=min_freq)


def training_items(golds: list[Any], docs: list[Any], stage: Any) -> list[tuple[dict[str, float], str]]:
    """(features, label) of the CRF claims ``stage`` (an AttributionStage with a CRF and cue classifier not
    trained on these docs) makes on the PolNeAR docs: "Y" when the claim's cue overlaps a gold cue."""
    from ..doctext import doc_text
    from .attribution_quotes import find_quotes

    out: list[tuple[dict[str, float], str]] = []
    for gold, doc in zip(golds, docs, strict=True):
        text = doc_text(doc)
        cue = bytearray(len(text) + 1)
        for s, e in (seg for segs in gold.spans["cue"] for seg in segs):
            cue[s:e] = b"\x01" * (e - s)
        collected: list[tuple[dict[str, float], tuple[int, int]]] = []
        stage.find(doc, find_quotes(text), collect=collected)
        for x, (s, e) in collected:
            out.append((x, "Y" if any(cue[s:e]) else "N"))
    return out
