"""Near-duplicates: syndicated and lightly edited copies of one article, found with MinHash/LSH.

Why MinHash over word shingles: a wire story re-published with a new headline, a changed dateline or two
words edited keeps almost all of its 5-word shingles, while two different reports on the same battle share
few of them (names and figures recur, five-word runs rarely do). The Jaccard similarity of the shingle sets
is estimated from ``NUM_PERM`` hash permutations; LSH (``datasketch.MinHashLSH``) proposes candidate pairs
without comparing every pair, and each candidate is checked against :data:`THRESHOLD` on the signatures.

Why 0.8: a copy that differs by a headline and a few words scores above 0.9 on the body; separate reports of
one event score below 0.2; 0.8 also catches copies with a paragraph added or dropped (a 10-paragraph story
with one paragraph cut scores ~0.9) while staying far above what two independent write-ups share.

The text is "cleaned" for shingling: boilerplate blocks (captions, bylines, credits) are cut, since those
are exactly what differs between syndicated copies; tokens are lower-cased words and numbers.

Groups are the connected components of the "near-duplicate" relation; every member but the earliest
(by published date, then id) gets ``near_duplicate_of`` = that earliest article. The result depends only on
the set of articles, never on the order they were linked in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Span

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8
SEED = 1  # fixed: signatures stored by one run are compared with signatures computed by the next

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DedupArticle:
    """What near-duplicate detection needs to know about one article."""

    id: str
    text: str
    published: str | None = None
    boilerplate: tuple[Span, ...] = ()


def order_key(article_id: str, published: str | None) -> tuple[str, str]:
    """Earliest first: by published date (undated last), then by id, so that the choice is deterministic."""
    return (published or "9999", article_id)


def cleaned_words(text: str, boilerplate: Iterable[Span] = ()) -> list[str]:
    """Lower-cased words of ``text`` outside the boilerplate blocks."""
    cuts = sorted((b.start, b.end) for b in boilerplate)
    parts: list[str] = []
    pos = 0
    for start, end in cuts:
        if start > pos:
            parts.append(text[pos:start])
        pos = max(pos, end)
    parts.append(text[pos:])
    return [w.lower() for part in parts for w in _WORD.findall(part)]


def shingles(words: list[str], k: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``k``-word shingles (a text shorter than ``k`` words gives its whole text as one shingle)."""
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(article: DedupArticle) -> MinHash | None:
    """The MinHash of the article's shingles, or None for an article with no words."""
    sh = shingles(cleaned_words(article.text, article.boilerplate))
    if not sh:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(sorted(sh))
    return m


def signature_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), seed=SEED, hashvalues=values)


def near_duplicate_roots(signatures: Mapping[str, MinHash], published: Mapping[str, str | None],
                         threshold: float = THRESHOLD) -> dict[str, str]:
    """``{article_id: earliest article of its group}`` for every article that has a near-duplicate
    (the earliest maps to itself); articles without one are absent."""
    if not signatures:
        return {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    ids = sorted(signatures)
    for aid in ids:
        lsh.insert(aid, signatures[aid])
    parent = {aid: aid for aid in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid in ids:
        for other in lsh.query(signatures[aid]):
            if other != aid and signatures[aid].jaccard(signatures[other]) >= threshold:
                ra, rb = find(aid), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for aid in ids:
        groups.setdefault(find(aid), []).append(aid)
    roots: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda a: order_key(a, published.get(a)))
        for a in members:
            roots[a] = first
    return roots
