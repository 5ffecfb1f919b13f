"""A linear-chain CRF that tags source / cue / content tokens where the dependency rules stop.

Why a CRF: PolNeAR is univocal (every token has at most one role in at most one attribution), so attribution
is a tag sequence, and a CRF over parse features learns the long tail of cues ("in the eyes of", "a poll
found") and content boundaries the rules miss, while staying small (a few MB), CPU-only and fast to train.

Sequences are sentences; tags are BIO over ``SRC``, ``CUE``, ``CON``. Features are per token: the word, its
lemma, tags, entity type, whether it is a reporting cue, whether it sits inside quote marks, and — the strong
ones — how it hangs from the nearest cue in the dependency tree (``nsubj`` of "said" is a source, ``ccomp``
of "said" is content).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelNotFound
from .attribution_lexicon import load_cue_forms
from .attribution_quotes import quote_mask

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

ROLES = ("SRC", "CUE", "CON")
MODEL_FILE = "attribution.crfsuite"


def default_model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(__file__).resolve().parent.parent / "data" / "models" / "attribution" / MODEL_FILE


def _is_cue(tok: Token, forms: frozenset[str]) -> bool:
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return True
    if tok.pos_ not in ("VERB", "NOUN", "AUX") and low not in ("according",):
        return False
    return low in forms or tok.lemma_.lower() in forms


def _cue_relation(tok: Token, cues: set[int]) -> tuple[str, int]:
    """The dependency label under which ``tok`` hangs from its nearest cue ancestor, and the distance."""
    child = tok
    node = tok
    depth = 0
    while node.head.i != node.i and depth < 12:
        child, node = node, node.head
        depth += 1
        if node.i in cues:
            return child.dep_, depth
    return "none", 0


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def sentence_features(sent: SpacySpan, mask: bytearray, forms: frozenset[str]) -> list[list[str]]:
    """Feature strings for every token of one sentence."""
    toks = list(sent)
    cue_flags = [_is_cue(t, forms) for t in toks]
    cues = {t.i for t, c in zip(toks, cue_flags, strict=True) if c}
    cue_pos = [t.i for t in toks if t.i in cues]
    sent_has_cue = "scue=1" if cues else "scue=0"
    inq = [bool(mask[t.idx]) if t.idx < len(mask) else False for t in toks]
    share_q = sum(inq) / max(1, len(toks))
    sent_q = "sq=all" if share_q > 0.9 else ("sq=some" if share_q > 0 else "sq=none")
    base: list[list[str]] = []
    for k, t in enumerate(toks):
        rel, dist = _cue_relation(t, cues) if cues else ("none", 0)
        near = min(cue_pos, key=lambda c: abs(c - t.i)) if cue_pos else None
        side = "none" if near is None else ("at" if near == t.i else ("before" if t.i < near else "after"))
        f = [
            "b", f"w={t.lower_}", f"l={t.lemma_.lower()}", f"p={t.pos_}", f"t={t.tag_}", f"d={t.dep_}",
            f"hl={t.head.lemma_.lower()}", f"hp={t.head.pos_}", f"hd={t.head.dep_}",
            f"e={t.ent_iob_}{t.ent_type_}", f"s3={t.lower_[-3:]}", f"sh={t.shape_[:4]}",
            f"cue={int(cue_flags[k])}", f"rel={rel}", f"rd={_bucket(dist)}", f"side={side}",
            f"q={int(inq[k])}", sent_has_cue, sent_q, f"pos={_bucket(k)}",
            f"rel_p={rel}|{t.pos_}", f"side_q={side}|{int(inq[k])}",
        ]
        if near is not None:
            f.append(f"nearcue={toks[0].doc[near].lemma_.lower()}")
        if t.is_sent_end or k == len(toks) - 1:
            f.append("last")
        base.append(f)
    out: list[list[str]] = []
    for k, f in enumerate(base):
        g = list(f)
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < len(toks):
                t = toks[j]
                g += [f"{off}w={t.lower_}", f"{off}p={t.pos_}", f"{off}cue={int(cue_flags[j])}",
                      f"{off}q={int(inq[j])}"]
            else:
                g.append(f"{off}pad")
        out.append(g)
    return out


def doc_features(doc: Doc, only_cued: bool = False) -> list[tuple[SpacySpan, list[list[str]]]]:
    """(sentence, features) for every sentence of ``doc``. With ``only_cued`` (tagging, not training) a
    sentence with no cue word and no quote mark gets no features: the CRF almost never tags one, and
    featurising every sentence was most of the stage's cost."""
    forms = load_cue_forms()
    mask = quote_mask(doc.text)
    out = []
    for sent in doc.sents:
        if only_cued and not any(t.lower_ in forms or t.lower_ == "according" or t.text in "“”\"" for t in sent):
            out.append((sent, []))
            continue
        out.append((sent, sentence_features(sent, mask, forms)))
    return out


def token_labels(sent: SpacySpan, spans: Sequence[tuple[str, int, int, int]]) -> list[str]:
    """BIO labels of a sentence's tokens from gold ``(role, start, end, span_id)`` character spans."""
    labels: list[str] = []
    prev_id = -1
    for t in sent:
        lab, sid = "O", -1
        for role, s, e, span_id in spans:
            if s <= t.idx < e and not t.is_space:
                lab, sid = role, span_id
                break
        if lab == "O":
            labels.append("O")
        else:
            labels.append(("I-" if sid == prev_id else "B-") + lab)
        prev_id = sid
    return labels


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    role: str  # SRC, CUE, CON
    start: int  # character offsets into the doc text
    end: int
    sent_index: int


def decode(sent: SpacySpan, tags: Sequence[str], sent_index: int) -> list[TaggedSpan]:
    """Turn one sentence's BIO tags into character spans (trailing spaces and punctuation kept out of cues)."""
    out: list[TaggedSpan] = []
    cur: list[Token] = []
    cur_role = ""

    def flush() -> None:
        if cur:
            toks = list(cur)
            while toks and (toks[-1].is_space or (cur_role != "CON" and toks[-1].is_punct)):
                toks.pop()
            while toks and (toks[0].is_space or (cur_role != "CON" and toks[0].is_punct)):
                toks.pop(0)
            if toks:
                out.append(TaggedSpan(cur_role, toks[0].idx, toks[-1].idx + len(toks[-1].text), sent_index))

    for t, tag in zip(sent, tags, strict=True):
        if tag == "O":
            flush()
            cur, cur_role = [], ""
            continue
        pre, role = tag.split("-", 1)
        if pre == "B" or role != cur_role:
            flush()
            cur, cur_role = [t], role
        else:
            cur.append(t)
    flush()
    return out


class CrfTagger:
    """The trained tagger. Load with :func:`load_tagger`; nothing is read in the constructor."""

    def __init__(self, tagger: object, path: Path) -> None:
        self._tagger = tagger
        self.path = path

    def tag(self, doc: Doc) -> list[TaggedSpan]:
        """Tagged spans of the whole doc."""
        spans: list[TaggedSpan] = []
        for k, (sent, feats) in enumerate(doc_features(doc, only_cued=True)):
            if not feats:
                continue
            tags = self._tagger.tag(feats)  # type: ignore[attr-defined]
            spans += decode(sent, tags, k)
        return spans


def load_tagger(path: str | Path | None = None) -> CrfTagger:
    """Load the CRF model (default: the one shipped in the package)."""
    import pycrfsuite

    p = Path(path) if path else default_model_path()
    if not p.is_file():
        raise ModelNotFound(
            f"attribution model {p} not found; train it with `sitreps train attribution --data "
            f"../shared/eval/attribution/polnear`, or drop the CRF with settings.extra['attribution_crf']=False")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(p))
    return CrfTagger(tagger, p)


def train_crf(sequences: Iterable[tuple[list[list[str]], list[str]]], out: Path, *, c1: float = 0.05,
              c2: float = 0.01, max_iterations: int = 60, min_freq: int = 3) -> Path:
    """Train with L-BFGS on ``(features, labels)`` sequences; deterministic for the same input order."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in sequences:
        trainer.append(feats, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": min_freq,
                        "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out
