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

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from ..doctext import doc_text
from ..errors import ModelNotFound
from .attribution_lexicon import load_cue_forms
from .attribution_quotes import Quote, quote_mask

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

ROLES = ("SRC", "CUE", "CON")
MODEL_FILE = "attribution.crfsuite"


def default_model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(__file__).resolve().parent.parent / "data" / "models" / "attribution" / MODEL_FILE


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


@dataclass(slots=True)
class DocAttrs:
    """A doc's token attributes read once (``Doc.to_array``), as Python lists indexed by token: every spaCy
    attribute read through a ``Token`` builds the object and its string again, and the features read each
    token's attributes for the token itself, its neighbours and its dependents."""

    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent: list[str]  # IOB letter + entity type ("BGPE", "O", "")
    shape4: list[str]  # first four characters of the shape
    orth: list[str]
    head: list[int]  # absolute index of the head
    idx: list[int]  # character offset

    @classmethod
    def of(cls, doc: Doc) -> DocAttrs:
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SHAPE, TAG

        n = len(doc)
        if n == 0:
            return cls([], [], [], [], [], [], [], [], [], [])
        arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, ENT_IOB, ENT_TYPE, SHAPE, ORTH, HEAD, IDX])
        strings = doc.vocab.strings

        def col(j: int) -> list[str]:
            vals: list[int] = arr[:, j].tolist()
            table = {h: strings[h] for h in set(vals)}
            return [table[h] for h in vals]

        lemma_low = {h: strings[h].lower() for h in set(arr[:, 1].tolist())}
        iob = ("", "I", "O", "B")
        ent = [iob[i] + t for i, t in zip(arr[:, 5].tolist(), col(6), strict=True)]
        heads = [i + h for i, h in enumerate(arr[:, 9].astype("int64").tolist())]
        shapes = col(7)
        return cls(col(0), [lemma_low[h] for h in arr[:, 1].tolist()], col(2), col(3), col(4), ent,
                   [s[:4] for s in shapes], col(8), heads, arr[:, 10].tolist())

    @classmethod
    def cached(cls, doc: Doc) -> DocAttrs:
        """:meth:`of`, computed once per doc (kept in ``doc.user_data``; the CRF and the cue classifier both
        read it)."""
        key = "sitreps.attribution.attrs"
        got = doc.user_data.get(key)
        if isinstance(got, cls) and len(got.idx) == len(doc):
            return got
        attrs = cls.of(doc)
        doc.user_data[key] = attrs
        return attrs

    def is_cue(self, i: int, forms: frozenset[str]) -> bool:
        """:func:`_is_cue` from the lists."""
        low = self.lower[i]
        if low == "according" and i + 1 < len(self.lower) and self.lower[i + 1] == "to":
            return True
        if self.pos[i] not in ("VERB", "NOUN", "AUX") and low != "according":
            return False
        return low in forms or self.lemma[i] in forms


def _sentence_features(a: DocAttrs, s0: int, s1: int, mask: bytearray, forms: frozenset[str],
                       learned: frozenset[str], prev_cue: bool, k_in_block: int) -> tuple[list[list[str]], bool]:
    """Feature strings for tokens ``s0:s1`` (one sentence), and whether the sentence holds a cue or learned cue
    word (``prev_cue`` for the next sentence). See :func:`sentence_features`."""
    n = s1 - s0
    if n <= 0:
        return [], False
    lower = a.lower[s0:s1]
    lemma = a.lemma[s0:s1]
    pos = a.pos[s0:s1]
    dep = a.dep[s0:s1]
    tag = a.tag[s0:s1]
    ent = a.ent[s0:s1]
    shape4 = a.shape4[s0:s1]
    head_abs = a.head[s0:s1]
    head = [h - s0 if 0 <= h - s0 < n else -1 for h in head_abs]
    cue_flags = [a.is_cue(g, forms) for g in range(s0, s1)]
    learned_flags = [lower[k] in learned or lemma[k] in learned for k in range(n)]
    cues = {k for k in range(n) if cue_flags[k]}
    cue_pos = sorted(cues)
    sent_has_cue = "scue=1" if cues else "scue=0"
    any_learned = any(learned_flags)
    sent_has_learned = f"slc={int(any_learned)}"
    nmask = len(mask)
    inq = [bool(mask[i]) if i < nmask else False for i in a.idx[s0:s1]]
    share_q = sum(inq) / n
    sent_q = "sq=all" if share_q > 0.9 else ("sq=some" if share_q > 0 else "sq=none")
    ctx = [f"pcue={int(prev_cue)}", f"sib={_bucket(k_in_block)}", f"pcue_sq={int(prev_cue)}|{sent_q}"]
    root = next((k for k in range(n) if dep[k] == "ROOT"), None)
    root_l = f"rootl={lemma[root]}" if root is not None else "rootl=none"
    if cues:
        # how each token hangs from its nearest cue ancestor (label of the last step, depth)
        rels: list[tuple[str, int]] = []
        for k in range(n):
            child = node = k
            depth = 0
            found = ("none", 0)
            while head[node] >= 0 and head[node] != node and depth < 12:
                child, node = node, head[node]
                depth += 1
                if node in cues:
                    found = (dep[child], depth)
                    break
            rels.append(found)
    else:
        rels = [("none", 0)] * n
    # nearest cue (the earlier one on a tie) and the side of it each token stands on
    ncue = len(cue_pos)
    nears: list[int | None] = []
    for k in range(n):
        near: int | None = None
        if ncue:
            b = bisect_left(cue_pos, k)
            right = cue_pos[b] if b < ncue else None
            left = cue_pos[b - 1] if b > 0 else None
            if right == k or left is None:
                near = right
            else:
                near = left if right is None or k - left <= right - k else right
        nears.append(near)
    sides = ["none" if c is None else ("at" if c == k else ("before" if k < c else "after"))
             for k, c in enumerate(nears)]
    heads3 = [(lemma[h], pos[h], dep[h]) if h >= 0 else (a.lemma[ha], a.pos[ha], a.dep[ha])
              for h, ha in zip(head, head_abs, strict=True)]
    # the features column by column (one comprehension per feature is cheaper than one list per token), in
    # the order the model was trained with
    w_i = [f"w={w}" for w in lower]
    p_i = [f"p={p}" for p in pos]
    cue_i = ["cue=1" if c else "cue=0" for c in cue_flags]
    lc_i = ["lc=1" if c else "lc=0" for c in learned_flags]
    q_i = ["q=1" if q else "q=0" for q in inq]
    cols: list[Iterable[str]] = [
        repeat("b"), w_i, [f"l={x}" for x in lemma], p_i, [f"t={x}" for x in tag], [f"d={x}" for x in dep],
        [f"hl={x[0]}" for x in heads3], [f"hp={x[1]}" for x in heads3], [f"hd={x[2]}" for x in heads3],
        [f"e={x}" for x in ent], [f"s3={x[-3:]}" for x in lower], [f"sh={x}" for x in shape4],
        cue_i, lc_i, [f"lc_d={int(c)}|{d}" for c, d in zip(learned_flags, dep, strict=True)],
        ["hlc=1" if h in cues else "hlc=0" for h in head],
        [f"rel={r}" for r, _ in rels], [f"rd={_bucket(d)}" for _, d in rels], [f"side={x}" for x in sides],
        q_i, repeat(sent_has_cue), repeat(sent_has_learned), repeat(sent_q), [f"pos={_bucket(k)}" for k in range(n)],
        [f"rel_p={r}|{p}" for (r, _), p in zip(rels, pos, strict=True)],
        [f"side_q={x}|{int(q)}" for x, q in zip(sides, inq, strict=True)], repeat(root_l), *(repeat(c) for c in ctx),
    ]
    if ncue:
        cols.append([f"nearcue={lemma[c]}" for c in nears])  # type: ignore[index]
    base: list[list[str]] = [list(r) for r in zip(*cols, strict=False)]  # constant columns repeat
    base[0].append("first")
    base[n - 1].append("last")
    # one token either side: word, tag and flags, prefixed with the offset; "-1pad" past the sentence edge.
    # (Two either side until session 3: one is 20 % faster and scored better on held-out PolNeAR train.)
    offs = (-1, 1)
    pref = {off: [[f"{off}{x}" for x in col] for col in (w_i, p_i, cue_i, lc_i, q_i)] for off in offs}
    if n > 4:
        inner = [c[2 + off:n - 2 + off] for off in offs for c in pref[off]]
        for f, ext in zip(base[2:n - 2], zip(*inner, strict=True), strict=True):
            f.extend(ext)
    for k in sorted({0, 1, n - 2, n - 1} if n > 4 else set(range(n))):
        if k < 0 or k >= n:
            continue
        f = base[k]
        for off in offs:
            j = k + off
            if 0 <= j < n:
                f.extend(c[j] for c in pref[off])
            else:
                f.append(f"{off}pad")
    return base, bool(cues) or any_learned


def sentence_features(sent: SpacySpan, mask: bytearray, forms: frozenset[str],
                      learned: frozenset[str] = frozenset(), prev_cue: bool = False,
                      k_in_block: int = 0) -> list[list[str]]:
    """Feature strings for every token of one sentence. ``prev_cue``: the sentence before it in the same
    block had a cue (contents run over sentences); ``k_in_block``: its place in the block.

    Per token: the word, lemma, tags, dependency, head, entity, suffix, shape; whether it is a GGT cue form
    (``cue``) or a learned cue word (``lc``); how it hangs from the nearest cue ancestor (``rel``, ``rd``) and on
    which side of the nearest cue it stands; whether it is inside quote marks; sentence-level flags; and the
    word, tag and flags of the two tokens either side. :func:`doc_features` reads the doc's attributes once for
    all its sentences."""
    return _sentence_features(DocAttrs.of(sent.doc), sent.start, sent.end, mask, forms, learned, prev_cue,
                              k_in_block)[0]


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


def _wanted(a: DocAttrs, s0: int, s1: int, forms: frozenset[str], learned: frozenset[str],
            covered: bytearray | None = None, parsed_doc: bool = True) -> bool:
    """Tokens ``s0:s1`` (a sentence) are worth tagging: a cue word that was parsed (any cue word when nothing
    in the doc was), or a quote mark, outside ``covered`` characters (one byte per character of the text, 1
    where a rule claim already stands)."""
    ncov = len(covered) if covered is not None else 0
    for g in range(s0, s1):
        if covered is not None:
            i = a.idx[g]
            if i < ncov and covered[i]:
                continue
        if a.orth[g] in QUOTE_MARKS or a.orth[g] == "''":
            return True
        low = a.lower[g]
        if (low in forms or low in learned or low == "according") and (a.dep[g] or not parsed_doc):
            return True
    return False


QUOTE_MARKS = frozenset("“”\"―")


def doc_features(doc: Doc, only_cued: bool = False, learned: frozenset[str] | None = None,
                 covered: Sequence[tuple[int, int]] = (), text: str | None = None,
                 quotes: list[Quote] | None = None) -> list[tuple[Block, list[list[str]]]]:
    """(block, features) for every block of sentences of ``doc``. With ``only_cued`` (tagging, not training) a
    block with no cue word and no quote mark gets no features: the CRF almost never tags one, and
    featurising every sentence was most of the stage's cost. ``covered`` character spans (rule claims) do not
    make a block worth tagging. ``text``: the doc's text when the caller has it (``doc.text`` is rebuilt
    from the tokens on every read); ``quotes``: its quotations when already found."""
    forms = load_cue_forms()
    parsed_doc = doc.has_annotation("DEP")
    if text is None:
        text = doc_text(doc)
    cov: bytearray | None = None
    if covered:
        cov = bytearray(len(text))
        for a, b in covered:
            cov[a:b] = b"\x01" * (b - a)
    learned = load_cue_words() if learned is None else learned
    mask = quote_mask(text, quotes)
    attrs = DocAttrs.cached(doc)
    out: list[tuple[Block, list[list[str]]]] = []
    for block in _blocks(doc):
        toks: list[Token] = []
        sidx: list[int] = []
        if only_cued:
            # a wanted sentence and the one after it (a content running on); the others cost without paying
            want = [_wanted(attrs, sent.start, sent.end, forms, learned, cov, parsed_doc) for _, sent in block]
            keep = [w or (j > 0 and want[j - 1]) for j, w in enumerate(want)]
            if not any(keep):
                out.append((Block([], []), []))
                continue
            block = [b for b, k in zip(block, keep, strict=True) if k]
        feats: list[list[str]] = []
        prev_cue = False
        for j, (k, sent) in enumerate(block):
            f, prev_cue = _sentence_features(attrs, sent.start, sent.end, mask, forms, learned, prev_cue, j)
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
    # the model's mean marginal P(B-role) + P(I-role) over the span's tokens (1.0 when not computed), and
    # whether the best path left a token of it outside every role (a cue recovered by its marginal)
    p: float = 1.0
    recovered: bool = False


def decode(block: Block, tags: Sequence[str], probs: Sequence[float] | None = None,
           best: Sequence[str] | None = None) -> list[TaggedSpan]:
    """Turn one block's BIO tags into character spans (trailing spaces and punctuation kept out of cues);
    ``probs``: each token's marginal of its tag's role, ``best``: the best path before cue recovery."""
    out: list[TaggedSpan] = []
    pos = {t.i: k for k, t in enumerate(block.tokens)} if probs is not None else {}
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
                p, rec = 1.0, False
                if probs is not None:
                    ks = [pos[t.i] for t in toks]
                    p = sum(probs[k] for k in ks) / len(ks)
                    rec = best is not None and any(best[k] == "O" for k in ks)
                out.append(TaggedSpan(cur_role, toks[0].idx, toks[-1].idx + len(toks[-1].text), cur_sent, p, rec))

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
        # the spans carry the model's marginals (read by the CRF claim filter, attribution_accept)
        self.with_marginals = False

    def tag(self, doc: Doc, covered: Sequence[tuple[int, int]] = (), quotes: list[Quote] | None = None
            ) -> list[TaggedSpan]:
        """Tagged spans of the blocks worth tagging (a cue word or quote mark outside ``covered``);
        ``quotes``: the doc's quotations when already found (:func:`attribution_quotes.find_quotes`)."""
        spans: list[TaggedSpan] = []
        for block, feats in doc_features(doc, only_cued=True, learned=self.cue_words, covered=covered,
                                         quotes=quotes):
            if not feats:
                continue
            self._tagger.set(feats)  # type: ignore[attr-defined]
            tags = best = self._tagger.tag()  # type: ignore[attr-defined]
            marginal = self._tagger.marginal  # type: ignore[attr-defined]
            if self.cue_threshold is not None:
                tags = recover_cues(tags, block.tokens, self.cue_threshold, marginal,
                                    self.cue_prior, self.cue_prior_min)
            if self.with_marginals:
                probs = [0.0 if tag == "O" else marginal("B-" + tag[2:], k) + marginal("I-" + tag[2:], k)
                         for k, tag in enumerate(tags)]
                spans += decode(block, tags, probs, best)
            else:
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
