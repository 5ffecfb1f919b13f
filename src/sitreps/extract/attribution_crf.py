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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelNotFound
from .attribution_lexicon import load_cue_forms
from .attribution_quotes import quote_mask
from .attribution_rules import doc_text

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


CUE_WORDS_FILE = "cue_words.txt"


@lru_cache(maxsize=4)
def load_cue_words(path: str | None = None) -> frozenset[str]:
    """Lower-case words and lemmas PolNeAR annotators marked as cues often enough (written by training next to
    the model): "plans", "wants", "called", "―" ... The CRF sees them as a feature and tags only sentence
    blocks holding one of them (or a GGT form, or a quote mark)."""
    p = Path(path) if path else default_model_path().parent / CUE_WORDS_FILE
    if not p.is_file():
        return frozenset()
    return frozenset(w.strip() for w in p.read_text(encoding="utf-8").splitlines() if w.strip())


def sentence_features(sent: SpacySpan, mask: bytearray, forms: frozenset[str],
                      learned: frozenset[str] = frozenset(), prev_cue: bool = False,
                      k_in_block: int = 0) -> list[list[str]]:
    """Feature strings for every token of one sentence. ``prev_cue``: the sentence before it in the same
    block had a cue (contents run over sentences); ``k_in_block``: its place in the block.

    Token attributes are read once into lists (a spaCy attribute read builds a Python object each time, and
    every token's attributes are used by its neighbours and dependents too)."""
    toks = list(sent)
    n = len(toks)
    if n == 0:
        return []
    s0 = toks[0].i
    lower = [t.lower_ for t in toks]
    lemma = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    dep = [t.dep_ for t in toks]
    head_abs = [t.head.i for t in toks]
    head = [h - s0 if 0 <= h - s0 < n else -1 for h in head_abs]
    cue_flags = [_is_cue(t, forms) for t in toks]
    learned_flags = [lower[k] in learned or lemma[k] in learned for k in range(n)]
    cues = {k for k in range(n) if cue_flags[k]}
    cue_pos = sorted(cues)
    sent_has_cue = "scue=1" if cues else "scue=0"
    sent_has_learned = f"slc={int(any(learned_flags))}"
    inq = [bool(mask[t.idx]) if t.idx < len(mask) else False for t in toks]
    share_q = sum(inq) / n
    sent_q = "sq=all" if share_q > 0.9 else ("sq=some" if share_q > 0 else "sq=none")
    ctx = [f"pcue={int(prev_cue)}", f"sib={_bucket(k_in_block)}", f"pcue_sq={int(prev_cue)}|{sent_q}"]
    root = next((k for k in range(n) if dep[k] == "ROOT"), None)
    root_l = f"rootl={lemma[root]}" if root is not None else "rootl=none"

    def relation(k: int, among: set[int]) -> tuple[str, int]:
        """How token k hangs from its nearest ancestor in ``among`` (see :func:`_cue_relation`)."""
        child = node = k
        depth = 0
        while head[node] >= 0 and head[node] != node and depth < 12:
            child, node = node, head[node]
            depth += 1
            if node in among:
                return dep[child], depth
        return "none", 0

    base: list[list[str]] = []
    for k, t in enumerate(toks):
        rel, dist = relation(k, cues) if cues else ("none", 0)
        near = min(cue_pos, key=lambda c: abs(c - k)) if cue_pos else None
        side = "none" if near is None else ("at" if near == k else ("before" if k < near else "after"))
        lc = int(learned_flags[k])
        h = head[k]
        if h >= 0:
            hl, hp, hd = lemma[h], pos[h], dep[h]
        else:
            ht = t.head
            hl, hp, hd = ht.lemma_.lower(), ht.pos_, ht.dep_
        f = [
            "b", f"w={lower[k]}", f"l={lemma[k]}", f"p={pos[k]}", f"t={t.tag_}", f"d={dep[k]}",
            f"hl={hl}", f"hp={hp}", f"hd={hd}",
            f"e={t.ent_iob_}{t.ent_type_}", f"s3={lower[k][-3:]}", f"sh={t.shape_[:4]}",
            f"cue={int(cue_flags[k])}", f"lc={lc}", f"lc_d={lc}|{dep[k]}", f"hlc={int(h in cues)}",
            f"rel={rel}", f"rd={_bucket(dist)}", f"side={side}",
            f"q={int(inq[k])}", sent_has_cue, sent_has_learned, sent_q, f"pos={_bucket(k)}",
            f"rel_p={rel}|{pos[k]}", f"side_q={side}|{int(inq[k])}", root_l, *ctx,
        ]
        if near is not None:
            f.append(f"nearcue={lemma[near]}")
        if k == 0:
            f.append("first")
        if k == n - 1 or t.is_sent_end:
            f.append("last")
        base.append(f)
    neigh = [[f"w={lower[j]}", f"p={pos[j]}", f"cue={int(cue_flags[j])}", f"lc={int(learned_flags[j])}",
              f"q={int(inq[j])}"] for j in range(n)]
    out: list[list[str]] = []
    for k, f in enumerate(base):
        g = list(f)
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                g += [f"{off}{x}" for x in neigh[j]]
            else:
                g.append(f"{off}pad")
        out.append(g)
    return out


@dataclass(slots=True)
class Block:
    """Consecutive sentences: one CRF sequence, so a content can run over sentences."""

    tokens: list[Token]
    sent_index: list[int]  # per token: index of its sentence in the doc


def _blocks(doc: Doc) -> list[list[tuple[int, SpacySpan]]]:
    """Runs of at most 12 consecutive sentences. Paragraph breaks do not cut them: a quotation's speaker is
    often named a paragraph before it, and the CRF uses that context."""
    out: list[list[tuple[int, SpacySpan]]] = []
    cur: list[tuple[int, SpacySpan]] = []
    for k, sent in enumerate(doc.sents):
        if len(cur) >= 12:
            out.append(cur)
            cur = []
        cur.append((k, sent))
    if cur:
        out.append(cur)
    return out


def _wanted(sent: SpacySpan, forms: frozenset[str], learned: frozenset[str], covered: bytearray | None = None,
            parsed_doc: bool = True) -> bool:
    """A sentence worth tagging: a cue word that was parsed (any cue word when nothing in the doc was), or a
    quote mark, outside ``covered`` characters (one byte per character of the text, 1 where a rule claim
    already stands)."""
    for t in sent:
        if covered is not None and t.idx < len(covered) and covered[t.idx]:
            continue
        low = t.lower_
        if t.text in QUOTE_MARKS:
            return True
        if (low in forms or low in learned or low == "according") and (t.dep_ or not parsed_doc):
            return True
    return False


QUOTE_MARKS = frozenset("“”\"―")


def doc_features(doc: Doc, only_cued: bool = False, learned: frozenset[str] | None = None,
                 covered: Sequence[tuple[int, int]] = ()) -> list[tuple[Block, list[list[str]]]]:
    """(block, features) for every block of sentences of ``doc``. With ``only_cued`` (tagging, not training) a
    block with no cue word and no quote mark gets no features: the CRF almost never tags one, and
    featurising every sentence was most of the stage's cost. ``covered`` character spans (rule claims) do not
    make a block worth tagging."""
    forms = load_cue_forms()
    parsed_doc = doc.has_annotation("DEP")
    cov: bytearray | None = None
    if covered:
        cov = bytearray(len(doc_text(doc)))
        for a, b in covered:
            cov[a:b] = b"\x01" * (b - a)
    learned = load_cue_words() if learned is None else learned
    mask = quote_mask(doc_text(doc))
    out: list[tuple[Block, list[list[str]]]] = []
    for block in _blocks(doc):
        toks: list[Token] = []
        sidx: list[int] = []
        if only_cued:
            # a wanted sentence and the one after it (a content running on); the others cost without paying
            want = [_wanted(sent, forms, learned, cov, parsed_doc) for _, sent in block]
            keep = [w or (j > 0 and want[j - 1]) for j, w in enumerate(want)]
            if not any(keep):
                out.append((Block([], []), []))
                continue
            block = [b for b, k in zip(block, keep, strict=True) if k]
        feats: list[list[str]] = []
        prev_cue = False
        for j, (k, sent) in enumerate(block):
            f = sentence_features(sent, mask, forms, learned, prev_cue, j)
            prev_cue = any("scue=1" in x or "slc=1" in x for x in f[:1])
            feats += f
            toks += list(sent)
            sidx += [k] * len(sent)
        out.append((Block(toks, sidx), feats))
    return out


def token_labels(sent: Iterable[Token], spans: Sequence[tuple[str, int, int, int]]) -> list[str]:
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


def decode(block: Block, tags: Sequence[str]) -> list[TaggedSpan]:
    """Turn one block's BIO tags into character spans (trailing spaces and punctuation kept out of cues)."""
    out: list[TaggedSpan] = []
    cur: list[Token] = []
    cur_sent = 0
    cur_role = ""

    def flush() -> None:
        if cur:
            toks = list(cur)
            while toks and (toks[-1].is_space or (cur_role != "CON" and toks[-1].is_punct and
                                                   toks[-1].text not in {":", "―"})):
                toks.pop()
            while toks and (toks[0].is_space or (cur_role != "CON" and toks[0].is_punct and
                                                  toks[0].text not in {":", "―"})):
                toks.pop(0)
            if toks:
                out.append(TaggedSpan(cur_role, toks[0].idx, toks[-1].idx + len(toks[-1].text), cur_sent))

    for t, k, tag in zip(block.tokens, block.sent_index, tags, strict=True):
        if tag == "O":
            flush()
            cur, cur_role = [], ""
            continue
        pre, role = tag.split("-", 1)
        if pre == "B" or role != cur_role:
            flush()
            cur, cur_role, cur_sent = [t], role, k
        else:
            cur.append(t)
    flush()
    return out


# A token the best path leaves outside every role becomes a cue when the model's marginal probability of a cue
# tag there is at least this high (PolNeAR's long tail of cues: the best path drops many the model half sees).
# Chosen on a held-out third of PolNeAR train with a model trained on the other two thirds (docs/EVALUATION-
# attribution.md); None keeps the best path alone.
CUE_THRESHOLD: float | None = 0.2


CUE_PRIOR_FILE = "cue_prior.tsv"
# A recovered cue word whose lemma PolNeAR train annotators marked as (part of) a cue in fewer than this share
# of its uses stays out (the table holds only lemmas seen often enough to judge; others pass).
CUE_PRIOR_MIN: float = 0.2


@lru_cache(maxsize=4)
def load_cue_prior(path: str | None = None) -> dict[str, float]:
    """Lemma -> share of its uses inside a gold cue on PolNeAR train (counts written by training next to the
    model; ``lemma<TAB>uses<TAB>in_cue``)."""
    p = Path(path) if path else default_model_path().parent / CUE_PRIOR_FILE
    if not p.is_file():
        return {}
    out: dict[str, float] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith("#"):
            out[parts[0]] = int(parts[2]) / max(1, int(parts[1]))
    return out


def recover_cues(tags: Sequence[str], tokens: Sequence[Token], threshold: float,
                 marginal: Callable[[str, int], float], prior: dict[str, float] | None = None,
                 prior_min: float = 0.0) -> list[str]:
    """``tags`` with every ``O`` word token whose marginal P(B-CUE) + P(I-CUE) reaches ``threshold`` made a
    cue (continuing a cue right before it). Punctuation and spaces stay out: a cue is a word or a dash; so
    does a word whose lemma's share of cue uses on train (``prior``) is below ``prior_min``."""
    out = list(tags)
    for i, t in enumerate(tokens):
        if out[i] != "O" or t.is_space or (t.is_punct and t.text != "―"):
            continue
        if prior and prior.get(t.lemma_.lower(), 1.0) < prior_min:
            continue
        p = marginal("B-CUE", i) + marginal("I-CUE", i)
        if p >= threshold:
            out[i] = "I-CUE" if i > 0 and out[i - 1].endswith("-CUE") else "B-CUE"
    return out


class CrfTagger:
    """The trained tagger. Load with :func:`load_tagger`; nothing is read in the constructor."""

    def __init__(self, tagger: object, path: Path, cue_threshold: float | None = CUE_THRESHOLD) -> None:
        self._tagger = tagger
        self.path = path
        self.cue_words = load_cue_words(str(path.parent / CUE_WORDS_FILE))
        self.cue_threshold = cue_threshold
        self.cue_prior = load_cue_prior(str(path.parent / CUE_PRIOR_FILE))
        self.cue_prior_min = CUE_PRIOR_MIN

    def tag(self, doc: Doc, covered: Sequence[tuple[int, int]] = ()) -> list[TaggedSpan]:
        """Tagged spans of the blocks worth tagging (a cue word or quote mark outside ``covered``)."""
        spans: list[TaggedSpan] = []
        for block, feats in doc_features(doc, only_cued=True, learned=self.cue_words, covered=covered):
            if not feats:
                continue
            self._tagger.set(feats)  # type: ignore[attr-defined]
            tags = self._tagger.tag()  # type: ignore[attr-defined]
            if self.cue_threshold is not None:
                tags = recover_cues(tags, block.tokens, self.cue_threshold,
                                    self._tagger.marginal,  # type: ignore[attr-defined]
                                    self.cue_prior, self.cue_prior_min)
            spans += decode(block, tags)
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
