"""Primary sources: link a claim to the sentence it came from, when the store holds the quoted document.

A report that quotes ISW ("Ukraine thus appears to have won the Battle of Kharkiv") repeats a run of the
assessment's words. We normalise both sides to lower-case word tokens (quotes, dashes and punctuation
dropped, curly apostrophes straightened) and measure *containment*: the share of the claim content's
:data:`NGRAM`-word n-grams found in one window of the candidate article (a sentence, or two neighbouring
sentences, since a quoted passage may cross a sentence end). A claim links when containment reaches
:data:`MIN_CONTAINMENT`; an indirect claim that keeps the wording links too, a paraphrase does not (and
should not: we only point at a sentence when the words are there).

Candidates are articles other than the claim's own (and other than its syndicated copies), published on or
before the claim's article, and either from the claimed source (source name and the article's outlet or
title match, including acronyms: "ISW" and "Institute for the Study of War") or published within
:data:`WINDOW_DAYS` before it. Sentences are indexed by the hashes of their n-grams (an inverted index), so a
claim is compared only with the sentences that share an n-gram with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Span
from ..scale.selective import sentence_starts

NGRAM = 5
MIN_CONTAINMENT = 0.8
MIN_CONTENT_WORDS = 6  # shorter contents ("the city fell") match too many sentences by chance
WINDOW_DAYS = 7

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_STOP = frozenset({"the", "of", "for", "and", "on", "in", "a", "an", "to"})


def tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Normalised word tokens with their character offsets (``offset`` added)."""
    t = text.replace("’", "'").replace("‘", "'")
    return [(m.group(0).lower(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(t)]


def ngrams(words: list[str], n: int = NGRAM) -> set[int]:
    if len(words) < n:
        return {hash(tuple(words))} if words else set()
    return {hash(tuple(words[i : i + n])) for i in range(len(words) - n + 1)}


def acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _STOP).lower()


def _norm_name(name: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (name or "").lower()))


def same_source(source_name: str, outlet: str | None, title: str | None = None) -> bool:
    """True when an article's outlet (or title) names the claimed source: by containment or by acronym."""
    src = _norm_name(source_name)
    if len(src) < 3:
        return False
    for other in (outlet, title):
        o = _norm_name(other)
        if not o:
            continue
        if f" {src} " in f" {o} " or (len(o) >= 3 and f" {o} " in f" {src} "):
            return True
        short_src, short_o = src.replace(" ", ""), o.split(" ")
        if len(short_src) >= 3 and (short_src == acronym(other or "") or short_src in short_o):
            return True
        if acronym(source_name) in short_o and len(acronym(source_name)) >= 3:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Doc:
    """A candidate primary document."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimRef:
    article_id: str
    ord: int
    claim_id: str
    content: str
    source_name: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class PrimaryLink:
    article_id: str
    evidence: Span
    containment: float


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class SentenceIndex:
    """Sentences of many documents, indexed by the hashes of their n-grams."""

    def __init__(self) -> None:
        self.docs: dict[str, Doc] = {}
        self.sentences: list[tuple[str, int, int, frozenset[int]]] = []  # doc id, start, end, n-grams
        self.postings: dict[int, list[int]] = defaultdict(list)
        self._doc_sentences: dict[str, range] = {}

    def add(self, doc: Doc) -> None:
        if doc.id in self.docs:
            return
        self.docs[doc.id] = doc
        first = len(self.sentences)
        starts = sentence_starts(doc.text)
        for i, s in enumerate(starts):
            e = starts[i + 1] if i + 1 < len(starts) else len(doc.text)
            grams = frozenset(ngrams([w for w, _, _ in tokens(doc.text[s:e])]))
            sid = len(self.sentences)
            self.sentences.append((doc.id, s, e, grams))
            for g in grams:
                self.postings[g].append(sid)
        self._doc_sentences[doc.id] = range(first, len(self.sentences))

    def candidates_ok(self, claim: ClaimRef, doc: Doc, excluded: frozenset[str]) -> bool:
        if doc.id == claim.article_id or doc.id in excluded:
            return False
        cd, dd = _day(claim.published), _day(doc.published)
        if cd is not None and dd is not None and dd > cd:
            return False  # a primary source comes first
        if same_source(claim.source_name, doc.outlet, doc.title):
            return True
        return cd is not None and dd is not None and cd - dd <= timedelta(days=WINDOW_DAYS)

    def find(self, claim: ClaimRef, excluded: Iterable[str] = ()) -> PrimaryLink | None:
        """The best-matching sentence window for ``claim``, or None below :data:`MIN_CONTAINMENT`."""
        words = [w for w, _, _ in tokens(claim.content)]
        if len(words) < MIN_CONTENT_WORDS:
            return None
        grams = ngrams(words)
        hits: Counter[int] = Counter()
        for g in grams:
            for sid in self.postings.get(g, ()):
                hits[sid] += 1
        skip = frozenset(excluded)
        best: tuple[float, int, str, str, int] | None = None  # containment, -len, published, id, ...
        best_window: tuple[int, int] | None = None
        ok_cache: dict[str, bool] = {}
        for sid in sorted(hits):
            doc_id = self.sentences[sid][0]
            if doc_id not in ok_cache:
                ok_cache[doc_id] = self.candidates_ok(claim, self.docs[doc_id], skip)
            if not ok_cache[doc_id]:
                continue
            span = self._doc_sentences[doc_id]
            for lo, hi in ((sid, sid), (sid, sid + 1), (sid - 1, sid)):
                if lo < span.start or hi >= span.stop:
                    continue
                window = frozenset().union(*(self.sentences[k][3] for k in range(lo, hi + 1)))
                score = len(grams & window) / len(grams)
                doc = self.docs[doc_id]
                rank = (score, -(hi - lo), _neg(doc.published), doc_id, -lo)
                if best is None or rank > best:
                    best, best_window = rank, (lo, hi)
        if best is None or best_window is None or best[0] < MIN_CONTAINMENT:
            return None
        lo, hi = best_window
        # Trim the window to the sentences that hold matching n-grams.
        used = [k for k in range(lo, hi + 1) if self.sentences[k][3] & grams] or [lo]
        doc_id, start = self.sentences[used[0]][0], self.sentences[used[0]][1]
        end = self.sentences[used[-1]][2]
        text = self.docs[doc_id].text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return PrimaryLink(doc_id, Span.of(text, start, end), round(best[0], 4))


def _neg(published: str | None) -> str:
    """Sort key preferring the earliest document on ties (inverted so that larger is better)."""
    if not published:
        return ""
    return "".join(chr(0x10FFFF - ord(c)) for c in published)
