"""The CRF features read from per-doc attribute lists equal those read token by token through spaCy.

``attribution_crf.doc_features`` builds its feature strings column by column from ``Doc.to_array`` lists (round
6, for speed); the shipped model was trained on the token-by-token version below, so the two must agree string
for string, in order. Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXTS = [
    "“We pushed them back across the canal,” the regional governor said on Sunday. “It was hard.”",
    "The harbour master told reporters that the cranes, which were damaged in March, would be repaired. "
    "According to the port authority, the work may take weeks.\n\nOfficials declined to comment.",
    "Rebels plan to reopen the road, a spokesman for the group claimed in a video posted on Telegram.",
    "Ana said the road is shut. Ben: the bridge is fine. Cho insisted, “No.” Dan",
    "It rained. " * 14,
    "Yes",
    "He said \"no retreat\" and then \"more to come\nNext line, the engineer added.",
]


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


def _is_cue(tok, forms):
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return True
    if tok.pos_ not in ("VERB", "NOUN", "AUX") and low not in ("according",):
        return False
    return low in forms or tok.lemma_.lower() in forms


def _reference_features(sent, mask, forms, learned, prev_cue, k_in_block):
    """Round 5's token-by-token featurisation (what the shipped model was trained on)."""
    toks = list(sent)
    n = len(toks)
    if n == 0:
        return []
    s0 = toks[0].i
    lower = [t.lower_ for t in toks]
    lemma = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    dep = [t.dep_ for t in toks]
    head = [t.head.i - s0 if 0 <= t.head.i - s0 < n else -1 for t in toks]
    cue_flags = [_is_cue(t, forms) for t in toks]
    learned_flags = [lower[k] in learned or lemma[k] in learned for k in range(n)]
    cues = {k for k in range(n) if cue_flags[k]}
    cue_pos = sorted(cues)
    inq = [bool(mask[t.idx]) if t.idx < len(mask) else False for t in toks]
    share_q = sum(inq) / n
    sent_q = "sq=all" if share_q > 0.9 else ("sq=some" if share_q > 0 else "sq=none")
    ctx = [f"pcue={int(prev_cue)}", f"sib={_bucket(k_in_block)}", f"pcue_sq={int(prev_cue)}|{sent_q}"]
    root = next((k for k in range(n) if dep[k] == "ROOT"), None)
    root_l = f"rootl={lemma[root]}" if root is not None else "rootl=none"

    def relation(k):
        child = node = k
        depth = 0
        while head[node] >= 0 and head[node] != node and depth < 12:
            child, node = node, head[node]
            depth += 1
            if node in cues:
                return dep[child], depth
        return "none", 0

    base = []
    for k, t in enumerate(toks):
        rel, dist = relation(k) if cues else ("none", 0)
        near = min(cue_pos, key=lambda c: abs(c - k)) if cue_pos else None
        side = "none" if near is None else ("at" if near == k else ("before" if k < near else "after"))
        lc = int(learned_flags[k])
        h = head[k]
        if h >= 0:
            hl, hp, hd = lemma[h], pos[h], dep[h]
        else:
            hl, hp, hd = t.head.lemma_.lower(), t.head.pos_, t.head.dep_
        f = ["b", f"w={lower[k]}", f"l={lemma[k]}", f"p={pos[k]}", f"t={t.tag_}", f"d={dep[k]}",
             f"hl={hl}", f"hp={hp}", f"hd={hd}", f"e={t.ent_iob_}{t.ent_type_}", f"s3={lower[k][-3:]}",
             f"sh={t.shape_[:4]}", f"cue={int(cue_flags[k])}", f"lc={lc}", f"lc_d={lc}|{dep[k]}",
             f"hlc={int(h in cues)}", f"rel={rel}", f"rd={_bucket(dist)}", f"side={side}", f"q={int(inq[k])}",
             "scue=1" if cues else "scue=0", f"slc={int(any(learned_flags))}", sent_q, f"pos={_bucket(k)}",
             f"rel_p={rel}|{pos[k]}", f"side_q={side}|{int(inq[k])}", root_l, *ctx]
        if near is not None:
            f.append(f"nearcue={lemma[near]}")
        if k == 0:
            f.append("first")
        if k == n - 1 or t.is_sent_end:
            f.append("last")
        base.append(f)
    neigh = [[f"w={lower[j]}", f"p={pos[j]}", f"cue={int(cue_flags[j])}", f"lc={int(learned_flags[j])}",
              f"q={int(inq[j])}"] for j in range(n)]
    out = []
    for k, f in enumerate(base):
        g = list(f)
        for off in (-1, 1):
            j = k + off
            if 0 <= j < n:
                g += [f"{off}{x}" for x in neigh[j]]
            else:
                g.append(f"{off}pad")
        out.append(g)
    return out


def _reference_doc(doc, learned):
    from sitreps.extract.attribution_crf import _blocks
    from sitreps.extract.attribution_lexicon import load_cue_forms
    from sitreps.extract.attribution_quotes import quote_mask

    forms = load_cue_forms()
    mask = quote_mask(doc.text)
    out = []
    for block in _blocks(doc):
        feats = []
        prev = False
        for j, (_, sent) in enumerate(block):
            f = _reference_features(sent, mask, forms, learned, prev, j)
            prev = any("scue=1" in x or "slc=1" in x for x in f[:1])
            feats += f
        out.append(feats)
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_doc_features_equal_the_token_by_token_features(nlp, text):
    from sitreps.extract.attribution_crf import doc_features, load_cue_words

    learned = load_cue_words()
    doc = nlp(text)
    got = [feats for _, feats in doc_features(doc, learned=learned)]
    assert got and got == _reference_doc(doc, learned)


def test_doc_features_equal_on_an_unparsed_doc():
    import spacy

    from sitreps.extract.attribution_crf import doc_features

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for text in TEXTS:
        doc = nlp(text)
        learned = frozenset({"said", "told", ":"})
        assert [feats for _, feats in doc_features(doc, learned=learned)] == _reference_doc(doc, learned)


def test_only_cued_features_are_the_same_rows_for_the_sentences_kept(nlp):
    from sitreps.extract.attribution_crf import doc_features, load_cue_words

    learned = load_cue_words()
    text = "The weather was mild. Farmers planted wheat. " * 3 + "The mayor said the market would reopen. " + \
        "Trains ran late."
    doc = nlp(text)
    (block, feats), = doc_features(doc, only_cued=True, learned=learned)
    kept = doc.text[block.tokens[0].idx:block.tokens[-1].idx + len(block.tokens[-1])]
    assert kept == "The mayor said the market would reopen. Trains ran late."  # the cued sentence and the next
    assert len(feats) == len(block.tokens) and "cue=1" in feats[2] and "pcue=1" in feats[-1]
