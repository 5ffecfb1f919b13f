"""Stage "attribution": claims — who says so, through what channel, and how sure.

Runs after time, quantities and places (it reads ``result.times`` for the date of a statement and sets
``Quantity.claim_id``) and before actors and events (which read the claims).

Steps, each a function below:

1. quotations (:mod:`attribution_quotes`, never raises on broken marks);
2. dependency rules (:mod:`attribution_rules`) for the frequent patterns;
3. the CRF (:mod:`attribution_crf`) where the rules found nothing: cues it tags outside every rule claim
   become claims with the content it tags after the cue (or before it) within two sentences of its
   block and the nearest source it tags there; a cue-like verb coordinated with a claim's cue inside its
   content ("... and called for ...") ends that content and becomes a claim of its own;
4. quote continuations: a later quotation in the same paragraph, or a paragraph that is only a quotation
   right after a direct quote, belongs to the same speaker;
5. speakers: pronouns resolved to the most recent salient source or PERSON/ORG subject, agentless reporting
   ("were reported to") given to the claim just reported on, names normalised, kind and side read off the
   words naming the source;
6. stance: hedges and reporting distance as two lists and a certainty level (``attribution_lexicon``);
   channel and date; nesting (a claim whose cue lies inside another claim's content);
7. quantities inside a claim's content get its id.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..doctext import doc_text, seed_doc_text
from ..errors import ModelNotFound
from ..model import Claim, Source, Span
from .attribution_lexicon import (
    CUE_CHANNEL,
    certainty_of,
    channel_of,
    find_hedges,
    find_reporting,
    kind_of,
    side_of,
)
from .attribution_quotes import Quote, find_quotes
from .attribution_rules import Found, find_rule_attributions
from .attribution_speech import mark_speech
from .leads import lead_end
from .speakers import outlet_voice, unify_speakers
from .turns import turn_speakers

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from ..extract.registry import Resources
    from ..gazetteer.index import Gazetteer
    from ..model import ArticleResult
    from ..settings import Settings
    from .attribution_accept import CrfAccept
    from .attribution_crf import CrfTagger, TaggedSpan
    from .attribution_cues import CueClassifier

log = logging.getLogger(__name__)

_HE = {"he", "him", "she", "her"}
_THEY = {"they", "them", "it"}  # "it said" after a ministry or a report: the organisation, never a person
_SPEAKER_PRONOUNS = frozenset(_HE | _THEY | {"i", "we"})  # a subject that names its speaker elsewhere
_ORG_KINDS = {"think_tank", "media", "government", "military", "anonymous"}


@dataclass(slots=True)
class _Speaker:
    """A source seen so far: what pronouns can refer back to."""

    name: str
    kind: str
    side: str | None
    evidence: Span | None
    at: int  # character offset of the mention
    person: bool
    channel: str | None = None


@dataclass
class _Draft:
    found: Found
    direct: bool = False
    continuation_of: int | None = None  # index of the draft this quote continues
    extra: dict[str, Any] = field(default_factory=dict)


class AttributionStage:
    """The stage. ``needs`` and ``parse_cues`` tell the selective parser (scale/selective) that sentences with
    a reporting cue need the tagger, lemmas, parser and NER: the rules read dependencies and lemmas."""

    name = "attribution"
    needs = frozenset({"parser", "ner", "tagger", "lemma"})

    def __init__(self, tagger: CrfTagger | None, classifier: CueClassifier | None = None,
                 accept: CrfAccept | None = None, gazetteer: Callable[[], Gazetteer] | None = None) -> None:

        self.tagger = tagger
        # the gazetteer, loaded (shared with the places stage) only when a source names a body after a place
        self._gazetteer = gazetteer
        self._place_sides: dict[str, str | None] = {}
        self.classifier = classifier
        self.accept = accept
        # the selective parser already fully parses sentences with the frequent reporting verbs and quote
        # marks; the whole GGT list here doubled the parsing cost for little gain (benchmarks/bench_attribution)
        self.parse_cues = ["according", "insisted", "argued", "explained", "declared", "admitted", "stressed"]

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        seed_doc_text(doc, result.article.text)  # the article's text is the doc's: no rebuilding it
        text = doc_text(doc)
        found_quotes = find_quotes(text)
        quotes = [(q.start, q.end) for q in found_quotes]
        found = self.find(doc, found_quotes)
        drafts = [_Draft(f, direct=_is_direct(f.content, quotes)) for f in found]
        drafts = _sorted_drafts(drafts + _continuations(text, drafts, quotes, result))
        claims = _resolve(doc, result, drafts, quotes)
        _nest(claims)
        claims = _drop_quoted_first_person(claims, quotes)
        _quoted_first_person_speaker(claims, quotes)
        claims = _drop_acting_groups(claims)
        # a transcript's "I"/"we" is the speaker whose label opens the turn; a questioner's "you ...?" is no claim
        claims = _without(claims, turn_speakers(text, claims, quotes))
        unify_speakers(doc, claims, self.place_side if self._gazetteer is not None else None)
        outlet_voice(claims, result.article.outlet, quotes)
        mark_speech(doc, claims, quotes)
        result.claims.extend(claims)
        _link_quantities(result, claims)

    def place_side(self, name: str) -> str | None:
        """"UA" / "RU" for a place name whose most populous town or region of that name (population 1,000 or
        more, or an administrative region) lies in Ukraine / Russia, else None; remembered per name."""
        if name not in self._place_sides:
            side = None
            if self._gazetteer is not None and name[:1].isupper():
                entries = [e for e in self._gazetteer().lookup(name)
                           if not e.is_country and (e.is_admin or (e.feature_class == "P" and e.population >= 1000))]
                if entries and entries[0].country_code in ("UA", "RU"):
                    side = entries[0].country_code
            self._place_sides[name] = side
        return self._place_sides[name]

    def find(self, doc: Doc, found_quotes: list[Quote], classify: bool = True,
             collect: list[tuple[dict[str, float], tuple[int, int]]] | None = None) -> list[Found]:
        """The attributions of rules, CRF, coordinated splits and (``classify``) the cue classifier, in text
        order; ``seed_doc_text`` must have been called on ``doc``. ``collect`` (training the CRF claim filter):
        receives the filter's features and the cue of every CRF claim, none of them dropped."""
        quotes = [(q.start, q.end) for q in found_quotes]
        found = find_rule_attributions(doc, quotes)
        n_rules = len(found)
        if self.tagger is not None:
            found += self._crf_claims(doc, found, found_quotes)
            if SPLIT_COORDINATED:
                found += _split_coordinated(doc, found, quotes, self.tagger.cue_prior)
            if classify and self.classifier is not None and CLASSIFY_CUES:
                found += self._classifier_claims(doc, found, found_quotes, n_rules, collect)
            if NO_SOURCE_FILTER and collect is None:
                found = found[:n_rules] + [f for f in found[n_rules:] if not _sourceless_non_report(doc, f)]
            found.sort(key=lambda f: (f.cue or f.content)[0])
        return found

    # -- CRF where the rules stop
    def _crf_claims(self, doc: Doc, found: list[Found], quotes: list[Quote] | None = None) -> list[Found]:
        """Claims from the CRF's own tags: each cue it tags outside every rule claim takes the contents tagged
        between it and the next cue (or, when there are none, those since the previous cue) within two
        sentences, and the nearest source tagged in that stretch."""
        assert self.tagger is not None
        taken = [f.content for f in found] + [f.cue for f in found if f.cue] + \
            [f.source for f in found if f.source]
        # sentences whose cue words and quotes all lie inside rule claims are not tagged: what the CRF finds
        # there is dropped anyway
        tagged = sorted(self.tagger.tag(doc, covered=taken, quotes=quotes), key=lambda t: t.start)
        out: list[Found] = []
        sources = {f.source for f in found if f.source}
        cue_at = [k for k, t in enumerate(tagged) if t.role == "CUE"]
        # whether tagged[k] overlaps a taken span (the test of _overlap against each): the characters of the
        # taken spans are marked in ``mask`` as ``taken`` grows (it only grows in the loop), so that a span is
        # one look-up; spans that are empty or reversed (marking no character) are tested one by one in ``odd``
        mask = bytearray()
        odd: list[tuple[int, int]] = []
        marked = 0

        def covered(k: int) -> bool:
            nonlocal marked
            if marked < len(taken):
                for span in taken[marked:]:
                    s0, s1 = span[0], span[1]
                    if 0 <= s0 < s1:
                        if s1 > len(mask):
                            mask.extend(bytes(s1 - len(mask)))
                        mask[s0:s1] = b"\x01" * (s1 - s0)
                    else:
                        odd.append((s0, s1))
                marked = len(taken)
            a, b = tagged[k].start, tagged[k].end
            if not 0 <= a < b:
                return any(a < span[1] and span[0] < b for span in taken)
            return mask.find(1, a, b) >= 0 or any(a < s1 and s0 < b for s0, s1 in odd)

        for n, ci in enumerate(cue_at):
            cue = tagged[ci]
            if covered(ci):
                continue
            lo = cue_at[n - 1] + 1 if n > 0 else 0
            hi = cue_at[n + 1] if n + 1 < len(cue_at) else len(tagged)
            near = [t for k, t in enumerate(tagged[lo:hi], lo) if abs(t.sent_index - cue.sent_index) <= 2 and
                    not covered(k)]
            after = [t for t in near if t.role == "CON" and t.start >= cue.end]
            before = [t for t in near if t.role == "CON" and t.end <= cue.start]
            cons = _contiguous(after, first=True) or _contiguous(before, first=False)
            if cons:
                start, end = cons[0].start, cons[-1].end
            else:  # a cue with no content tagged: its complement in the parse ("called on X to do Y")
                comp = _complement(doc, cue.start, cue.end, taken)
                if comp is None:
                    continue
                start, end = comp
            srcs = sorted((t for t in near if t.role == "SRC"), key=lambda s: abs(s.start - cue.start))
            src = (srcs[0].start, srcs[0].end) if srcs else None
            if src is not None and CRF_PREFER_SUBJECT:
                src = _prefer_subject(doc, (cue.start, cue.end), src, taken, sources)
            if src is None or _is_participle(doc, cue.start, cue.end):
                # "..., X said, adding that ...": a participle's speaker is its verb's subject, not a tagged
                # source nearer to it
                src = _subject(doc, cue.start, cue.end, taken, sources) or src
            if src is not None and TRIM_SOURCE:
                src = _trim_source(doc, src, cue.start)
            cue_tok = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            lemma = cue_tok.root.lemma_.lower() if cue_tok is not None and len(cue_tok) else ""
            if lemma in _WRITER_CUES:
                src = None  # "the plan seems to ...": the writer's impression, no source's claim
            src, name, is_pron = _model_source(doc, src)
            lemma = cue_tok[0].lemma_.lower() if cue_tok is not None and len(cue_tok) else ""
            cspan = (cue.start, cue.end)
            if CRF_CUE_EXTENT and cue_tok is not None and len(cue_tok) and cue_tok[0].pos_ == "VERB":
                from .attribution_rules import cue_extent

                ext = cue_extent(cue_tok[0])  # "was confirmed", "to endorse", "pointed out"
                if ext[0] < cspan[0] and not any(_overlap((ext[0], cspan[0]), s) for s in taken):
                    cspan = (ext[0], cspan[1])
                if ext[1] > cspan[1] and not _overlap((cspan[1], ext[1]), (start, end)):
                    cspan = (cspan[0], ext[1])
            f = Found(cspan, (start, end), src, name, "crf", lemma, is_pron,
                      cue_tok[0].i if cue_tok is not None and len(cue_tok) else None)
            if self.tagger.with_marginals:
                src_tag = next((t for t in near if t.role == "SRC" and (t.start, t.end) == src), None)
                f.crf = {"pc": cue.p, "rec": float(cue.recovered),
                         "pn": sum(t.p for t in cons) / len(cons) if cons else -1.0,
                         "ps": src_tag.p if src_tag is not None else -1.0,
                         "sh": 3.0 if lemma in _WRITER_CUES else 0.0 if src is None else
                         1.0 if src_tag is not None else 2.0}
            out.append(f)
            taken += [f.content, cspan] + ([src] if src else [])
            if src:
                sources.add(src)
        return out

    # -- the cue classifier where rules and CRF stop
    def _classifier_claims(self, doc: Doc, found: list[Found], quotes: list[Quote], n_rules: int,
                           collect: list[tuple[dict[str, float], tuple[int, int]]] | None = None) -> list[Found]:
        """Claims of the predicates outside every claim found so far that the cue classifier accepts
        (:mod:`attribution_cues`): the cue with its auxiliaries, its complement in the parse as content (none:
        no claim), its subject as source. The candidates are those outside the first ``n_rules`` claims (the
        rules'), as in training; one outside every claim found so far can become one."""
        assert self.tagger is not None and self.classifier is not None
        from .attribution_crf import DocAttrs
        from .attribution_cues import doc_items
        from .attribution_quotes import quote_mask
        from .attribution_rules import cue_extent

        text = doc_text(doc)
        cov = bytearray(len(text))
        for f in found[:n_rules]:
            for sp in (f.content, f.cue, f.source):
                if sp:
                    cov[sp[0]:sp[1]] = b"\x01" * (sp[1] - sp[0])
        attrs = DocAttrs.cached(doc)
        cands, items = doc_items(attrs, cov, self.tagger.cue_prior, self.tagger.cue_words, quote_mask(text, quotes))
        probs = dict(zip(cands, self.classifier.probabilities(items), strict=True))
        if collect is not None or (self.accept is not None and ACCEPT_CRF):
            from .attribution_accept import features as accept_features

            qm = quote_mask(text, quotes)
            crf = [f for f in found[n_rules:] if f.pattern == "crf" and f.cue is not None and f.crf is not None]
            xs = [accept_features(doc, f, probs, self.tagger.cue_prior, qm) for f in crf]
            if collect is not None:
                collect += [(x, f.cue) for x, f in zip(xs, crf, strict=True) if f.cue is not None]
            elif self.accept is not None:
                gone = {id(f) for f, p in zip(crf, self.accept.probabilities(xs), strict=True)
                        if p < self.accept.threshold}
                found[n_rules:] = [f for f in found[n_rules:] if id(f) not in gone]
        if DROP_CRF_BELOW > 0 and collect is None and not (self.accept is not None and ACCEPT_CRF and
                                                             not ACCEPT_AND_DROP):
            found[n_rules:] = [f for f in found[n_rules:] if not _crf_disbelieved(doc, f, probs)]
        taken = [f.content for f in found] + [f.cue for f in found if f.cue] + \
            [f.source for f in found if f.source]
        accepted = [(i, p) for i, p in probs.items() if p >= self.classifier.threshold]
        out: list[Found] = []
        sources = {f.source for f in found if f.source}
        for a0, b0 in taken:  # cov: now every claim's characters, for a quick first test
            cov[a0:b0] = b"\x01" * (b0 - a0)
        for i, _p in accepted:
            if cov[attrs.idx[i]]:
                continue  # the candidate word itself stands inside a claim
            tok = doc[i]
            start, end = tok.idx, tok.idx + len(tok.text)
            cue = cue_extent(tok)
            if CUE_PHRASE:
                cue, start, end = _cue_phrase(doc, tok, cue, self.tagger.cue_prior)
            if any(_overlap(cue, s) for s in taken):
                continue
            comp = _complement(doc, start, end, taken, prep_object=CUE_PHRASE)
            if comp is None and PHRASE_FALLBACK and CUE_PHRASE and (start, end) != (tok.idx, tok.idx + len(tok.text)):
                # the phrase took the object ("defended his endorsement"): the word's own complement
                plain = cue_extent(tok)
                if not any(_overlap(plain, s) for s in taken):
                    start, end = tok.idx, tok.idx + len(tok.text)
                    comp = _complement(doc, start, end, taken)
                    if comp is not None:
                        cue = plain
            if comp is None and NEST_ENCLOSED:
                comp = _enclosing_complement(doc, start, end, found + out, CUE_PHRASE)
            if comp is None and AS_CLAUSE:
                comp = _as_clause(doc, tok, taken)
            if comp is None:
                continue
            lemma = attrs.lemma[i]
            # the subject of the candidate word itself, not of the cue phrase's last word ("did not comment on")
            src = None if lemma in _WRITER_CUES else _subject(doc, tok.idx, tok.idx + len(tok.text), taken, sources)
            if src is not None and TRIM_SOURCE:
                src = _trim_source(doc, src, cue[0])
            src, name, is_pron = _model_source(doc, src)
            f = Found(cue, comp, src, name, "classifier", lemma, is_pron, i)
            out.append(f)
            taken += [f.content, cue] + ([src] if src else [])
            if src:
                sources.add(src)
        return out


# Predicates outside every rule / CRF claim that the cue classifier accepts become claims (round 8).
CLASSIFY_CUES = True

# Round 12: a classifier cue whose cue phrase took its object and left no complement falls back to the word
# ("defended his endorsement": cue "defended", content "his endorsement").
PHRASE_FALLBACK = True
# Round 12: a classifier cue whose complement holds whole claims found before it ("said: “X believes ...”")
# takes it as content; those claims nest in it.
NEST_ENCLOSED = True


# Round 12: "As POLITICO revealed, the party agreed to ...": an accepted cue in an "as" clause has the clause it
# hangs from as content.
AS_CLAUSE = True


def _as_clause(doc: Doc, tok: Token, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The words of the clause that the "as" clause of ``tok`` modifies, on the side away from it, when
    outside every claim."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i or not any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    head = tok.head
    while head.dep_ == "xcomp" and head.head.i != head.i:  # "agreed to resume ..., as X noted": from "agreed"
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    sub = {t.i for t in tok.subtree}
    lo_sub, hi_sub = min(sub), max(sub)
    toks = [t for t in head.subtree if t.i not in sub and not t.is_space]
    after = [t for t in toks if t.i > hi_sub]
    before = [t for t in toks if t.i < lo_sub]
    side = after if after and head.i > hi_sub else before
    while side and side[-1].is_punct:
        side.pop()
    while side and side[0].is_punct:
        side.pop(0)
    if len(side) < 2:
        return None
    lo, hi = side[0].idx, side[-1].idx + len(side[-1].text)
    if any(_overlap((lo, hi), s) for s in taken):
        return None
    return lo, hi


def _enclosing_complement(doc: Doc, start: int, end: int, claims: list[Found], prep_object: bool
                          ) -> tuple[int, int] | None:
    """The cue's complement in the parse when every claim it overlaps lies wholly inside it (cue, content
    and any source), else None."""
    comp = _complement(doc, start, end, [], prep_object=prep_object)
    if comp is None:
        return None
    lo, hi = comp
    hit = False
    for f in claims:
        spans = [s for s in (f.cue, f.content, f.source) if s]
        if not any(_overlap(comp, s) for s in spans):
            continue
        if f.cue is None or not all(lo <= s[0] and s[1] <= hi for s in spans):
            return None
        hit = True
    return comp if hit else None

# The cue phrase as PolNeAR draws it (round 10): a classifier cue runs on over an infinitive it governs ("is
# trying to show"), a preposition right after it ("referred to", "focus on"), or a stance noun object and its
# preposition ("expressed deep concern about"); a stance noun accepted as the cue starts at its light verb
# ("voiced support for"). The content is then what the last word of the phrase governs.
CUE_PHRASE = True
CUE_PHRASE_NOUN_MIN = 0.1


# Round 10: a CRF cue that starts with a verb takes the verb's auxiliaries, infinitive "to" and particle
# (cue_extent: "was confirmed", "to endorse", "pointed out"), as PolNeAR draws cues. Held-out train exact cue
# 64.2 -> 65.1, overlap unchanged.
CRF_CUE_EXTENT = True

# Round 10: a CRF claim whose cue words the cue classifier all gives P(cue) below this is dropped (the CRF
# tags only blocks holding a cue word; the classifier reads the word's parse). Held-out train cue overlap F1
# 76.3 -> 76.6 (P 78.1 -> 79.9), dev 79.0 -> 79.5. A CRF cue holding no candidate (an adjective, a name) is kept.
DROP_CRF_BELOW = 0.1

# Round 11: a CRF claim the accept model (attribution_accept, trained by cross-fitting on PolNeAR train) gives
# P(right cue) below its threshold is dropped; with ACCEPT_AND_DROP the round-10 rule above applies as well.
ACCEPT_CRF = True
ACCEPT_AND_DROP = True


# Round 11 (the lead's review of 60 war-news articles): which CRF / classifier claims with no source are no
# attribution, as a bit mask: 1 a passive of a verb that is no reporting verb, with no agent ("was approved",
# "is listed as"); 2 a gerund opening its line, source or not ("Supporting Effort #1"); 4 an infinitive of a non-reporting
# verb ("to find"); 8 a gerund of one ("demanding"); 16 a noun or adjective cue ("a desire").
NO_SOURCE_FILTER = 2


def _sourceless_non_report(doc: Doc, f: Found) -> bool:
    """Whether the model-made claim ``f`` (no source) is no attribution (see :data:`NO_SOURCE_FILTER`)."""
    if f.pattern not in ("crf", "classifier") or f.cue is None:
        return False
    span = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    verbs = [t for t in span if t.pos_ == "VERB" or (t.tag_.startswith("VB") and t.pos_ != "AUX")]
    if NO_SOURCE_FILTER & 2 and verbs and verbs[0].tag_ == "VBG" and _heading_line(doc, verbs[0]):
        return True  # "Supporting Effort #1 - Kharkiv City": a heading, whatever the CRF took as its source
    if f.source is not None:
        return False
    if not verbs:
        return bool(NO_SOURCE_FILTER & 16) and any(t.pos_ in ("NOUN", "ADJ") for t in span) and \
            not any(t.text in (":", "―") for t in span) and span[0].lower_ != "according"
    v = verbs[0]
    kids = list(v.children)
    from .attribution_lexicon import CUE_LEMMAS, load_cue_forms

    if v.lemma_.lower() in CUE_LEMMAS or v.lower_ in load_cue_forms():
        return False
    if NO_SOURCE_FILTER & 8 and v.tag_ == "VBG" and not any(k.dep_ == "aux" for k in kids):
        return True  # a gerund or participle with no subject: "demanding"
    if NO_SOURCE_FILTER & 4 and (any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) or
                                 (v.i > 0 and doc[v.i - 1].lower_ == "to")):
        return True  # "to justify"
    return bool(NO_SOURCE_FILTER & 1) and any(k.dep_ == "auxpass" for k in kids) and \
        not any(k.dep_ == "agent" for k in kids)  # "was approved", "was published"


# Round 11: a CRF or classifier source running over a paragraph or sentence break (a headline and the next paragraph's
# subject, "... April 25.[10] The Russian-appointed head ...") keeps only its piece nearest the cue.
TRIM_SOURCE = True


def _trim_source(doc: Doc, src: tuple[int, int], cue_start: int) -> tuple[int, int]:
    span = doc.char_span(src[0], src[1], alignment_mode="expand")
    if span is None or len(span) < 2:
        return src
    text = doc_text(doc)
    cuts = [t.i for t in span[1:] if t.is_sent_start or "\n" in doc[t.i - 1].whitespace_ or "\n" in t.text]
    if not cuts:
        return src
    if cue_start >= src[1]:  # the source before its cue: the last piece
        piece = [t for t in doc[cuts[-1]:span.end] if not t.is_space]
    else:
        piece = [t for t in doc[span.start:cuts[0]] if not t.is_space]
    if not piece:
        return src
    a, b = max(src[0], piece[0].idx), min(src[1], piece[-1].idx + len(piece[-1].text))
    return (a, b) if text[a:b].strip() else src


def _heading_line(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` opens a line that is a heading: at most 12 words with no sentence punctuation, or title
    case up to its first dash / colon / parenthesis ("Supporting Effort #1—Kharkiv City (Russian objective: …"),
    not "Speaking to reporters, the minister said ..."."""
    if tok.i > 0 and "\n" not in doc[tok.i - 1].text_with_ws:
        return False
    text = doc_text(doc)
    end = text.find("\n", tok.idx)
    line = text[tok.idx:end if end >= 0 else len(text)]
    if len(line.split()) <= 12 and not any(c in line for c in ".!?,"):
        return True
    head = re.split(r"[—–(:]|\s-\s", line, maxsplit=1)
    words = head[0].split()
    return len(head) > 1 and 2 <= len(words) <= 6 and all(not w[0].isalpha() or w[0].isupper() for w in words)


def _crf_disbelieved(doc: Doc, f: Found, probs: dict[int, float]) -> bool:
    """Whether the CRF claim ``f`` goes: ``probs`` is the classifier's P(cue) by token index."""
    if f.pattern != "crf" or f.cue is None:
        return False
    span = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    ps = [probs[t.i] for t in span if t.i in probs] if span is not None else []
    return bool(ps) and max(ps) < DROP_CRF_BELOW


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("pobj", "pcomp") for c in tok.children)


def _cue_phrase(doc: Doc, tok: Token, cue: tuple[int, int], prior: dict[str, float]
                ) -> tuple[tuple[int, int], int, int]:
    """(cue span, start and end of the phrase's last word) for the accepted candidate ``tok`` whose cue with
    its auxiliaries is ``cue``."""
    from .attribution_rules import cue_extent

    lo = cue[0]
    last = tok
    if tok.pos_ == "NOUN":
        verb = tok.head
        if (tok.dep_ == "dobj" and verb.i < tok.i and verb.pos_ == "VERB"
                and all(doc[j].head.i == tok.i and doc[j].dep_ in ("det", "amod", "poss", "compound")
                        for j in range(verb.i + 1, tok.i))):
            lo = cue_extent(verb)[0]
    else:
        for _ in range(3):  # "tried to show", "chose not to respond"
            xs = [c for c in last.children if c.dep_ == "xcomp" and c.i > last.i and c.pos_ == "VERB"]
            if not xs or any(doc[j].head.i != xs[0].i or doc[j].dep_ not in ("aux", "neg")
                             for j in range(last.i + 1, xs[0].i)):
                break
            last = xs[0]
        objs = [c for c in last.children if c.dep_ == "dobj" and c.i > last.i]
        if (objs and objs[0].pos_ == "NOUN" and prior.get(objs[0].lemma_.lower(), 0.0) >= CUE_PHRASE_NOUN_MIN
                and all(doc[j].head.i == objs[0].i and doc[j].dep_ in ("det", "amod", "poss", "compound")
                        for j in range(last.i + 1, objs[0].i))):
            last = objs[0]
    nxt = last.i + 1
    if nxt < len(doc) and doc[nxt].dep_ == "prep" and doc[nxt].head.i == last.i and _has_object(doc[nxt]):
        last = doc[nxt]
    if last.i == tok.i:
        return (lo, cue[1]), tok.idx, tok.idx + len(tok.text)
    end = last.idx + len(last.text)
    return (lo, max(cue[1], end)), last.idx, end


# "X criticised the plan and called for ...": a verb coordinated with a claim's cue inside that claim's content
# is PolNeAR's next attribution (held-out train: of the gold cues missed inside one of our contents, most sit in
# the cue's own sentence, many coordinated with it). Such a verb whose lemma annotators mark as a cue at least
# this share of its uses on train (the CRF's cue prior) ends the content and makes a claim of its own, with the
# same source. SPLIT_DEEP: also a subjectless verb the parse coordinates with a verb inside the content ("warned
# that the militia was regrouping and called for ..."). Held-out train (docs/EVALUATION-attribution.md, round 7):
# cue 75.2 -> 75.5, content 78.7 -> 79.0; dev cue 78.1 -> 78.4, content 81.3 -> 81.5.
SPLIT_COORDINATED = True
SPLIT_PRIOR_MIN = 0.3
SPLIT_DEEP = True


def _split_coordinated(doc: Doc, found: list[Found], quotes: list[tuple[int, int]],
                       prior: dict[str, float]) -> list[Found]:
    """New claims for cue-like verbs coordinated with a claim's cue inside its content (outside quotations);
    the claim's content is cut before the coordinating word, the new one takes the verb's complement and the
    same source. ``found`` is changed in place."""
    out: list[Found] = []
    for k, f in enumerate(found):
        if f.cue is None or _is_direct(f.content, quotes):
            continue
        span = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        if span is None or not len(span) or not span.root.dep_:
            continue
        root = span.root  # "has praised": the verb, not its auxiliary
        chain = [root]  # conjuncts of conjuncts: "said ..., accused ... and called ..."
        for c in chain:
            chain += [d for d in c.children if d.dep_ == "conj" and d.pos_ == "VERB" and d.i > c.i][:2]
            if len(chain) > 6:
                break
        if SPLIT_DEEP:  # "warned that the militia was regrouping and called for ...": the parse hangs the
            # second verb on the reported clause; with no subject of its own it is the speaker's next act
            chain += [t for t in doc.char_span(*f.content, alignment_mode="contract") or ()
                      if t.dep_ == "conj" and t.pos_ == "VERB" and t not in chain and t.head.i != root.i
                      and not any(d.dep_ in ("nsubj", "nsubjpass") for d in t.children)]
        lo, hi = f.content
        for c in chain[1:]:
            if (not lo < c.idx < hi
                    or prior.get(c.lemma_.lower(), 0.0) < SPLIT_PRIOR_MIN or c.lemma_.lower() in _WRITER_CUES
                    or any(s <= c.idx < e for s, e in quotes)):
                continue
            taken = [g.content for j, g in enumerate(found) if j != k] + [g.cue for g in found if g.cue] + \
                [g.content for g in out]
            comp = _complement(doc, c.idx, c.idx + len(c.text), taken)
            if comp is None or comp[1] > hi:
                continue
            # cut before "and" / the comma in front of the verb
            left = c.left_edge.i
            while left > root.i and (doc[left - 1].dep_ == "cc" or doc[left - 1].is_punct
                                     or doc[left - 1].is_space):
                left -= 1
            cut = doc[left - 1].idx + len(doc[left - 1].text) if left > 0 else c.idx
            if cut <= lo:
                continue
            if cut < f.content[1]:
                found[k] = f = Found(f.cue, (lo, cut), f.source, f.source_name, f.pattern, f.cue_lemma,
                                     f.source_is_pronoun, f.cue_token)
            out.append(Found((c.idx, c.idx + len(c.text)), comp, f.source, f.source_name, f.pattern + "+conj",
                             c.lemma_.lower(), f.source_is_pronoun, c.i))
    return out


# Cues PolNeAR annotates without a source: the writer's impression ("X seems to", "Y appears to"). On train,
# of the gold cues of these lemmas, 132 of 158 have no source; their parse subject is the source in 21.
_WRITER_CUES = frozenset({"seem", "appear"})

_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "dative", "oprd"})


def _complement(doc: Doc, start: int, end: int, taken: list[tuple[int, int]], prep_object: bool = False
                ) -> tuple[int, int] | None:
    """The words after a cue that its last token governs (object, clause, prepositional phrase), as one span,
    when the sentence is parsed and they lie outside every claim found so far; ``prep_object``: a cue ending
    in a preposition ("called for") governs its object."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span[-1]
    if not head.dep_:
        return None
    deps = [c for c in head.children if (c.dep_ in _COMPLEMENT_DEPS or (
        prep_object and head.dep_ == "prep" and c.dep_ in ("pobj", "pcomp"))) and c.i > head.i]
    if not deps:
        return None
    toks = [t for c in deps for t in c.subtree if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    lo, hi = min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
    if lo < end or any(_overlap((lo, hi), s) for s in taken):
        return None
    return lo, hi


def _subject(doc: Doc, start: int, end: int, taken: list[tuple[int, int]],
             shared: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> tuple[int, int] | None:
    """The parse's subject of a cue the CRF tagged with no source near it ("Rebels plan to ...", "the senator
    wants ..."), climbing from an ``xcomp`` / ``conj`` cue, or a participle (``advcl``: "..., X said,
    adding that ..."), to the verb whose subject it shares; a clause or pronoun-free subject phrase outside
    every claim found so far, or exactly the source of one (``shared``: one source can make several claims)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not span[0].dep_:
        return None
    node = span.root  # "is stressing", "has responded": the verb, not its auxiliary
    for _ in range(3):
        subj = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if len(subj) > 1 and NEAREST_SUBJECT_MODEL:
            # "9:34 p.m.  Ana Ruiz has ...": a time line parsed as another subject; the nearest in the paragraph
            text = doc_text(doc)
            near = [c for c in subj if "\n" not in text[min(c.idx, node.idx):max(c.idx, node.idx)]]
            subj = [min(near or subj, key=lambda c: abs(node.i - c.i))]
        if subj and node.dep_ == "ROOT" and subj[0].idx < lead_end(doc_text(doc), node.sent.start_char, node.idx):
            return _subject_after_dateline(doc, node, taken)  # the "subject" is the dateline's town
        if subj:
            toks = [t for t in subj[0].subtree if not t.is_space]
            while toks and toks[-1].is_punct:
                toks.pop()
            if not toks:
                return None
            lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if lo <= start < hi:
                return None
            if (lo, hi) not in shared and any(_overlap((lo, hi), s) for s in taken):
                return None
            return lo, hi
        if SUBJECT_THROUGH_PREP and node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep" and \
                node.head.head.pos_ in ("VERB", "AUX") and node.head.head.i != node.head.i:
            node = node.head.head  # "Obama closed his speech by saying ...", "after announcing ...": that verb's
            continue
        climbs = node.dep_ in ("xcomp", "conj") or (node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN"))
        if not climbs or node.head.i == node.i:
            return _subject_after_dateline(doc, node, taken) if node.dep_ == "ROOT" else None
        node = node.head
    return None


def _subject_after_dateline(doc: Doc, verb: Token, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The words between a dateline and the root verb of a story's first sentence ("KYIV, Nov 9 (Wire) —
    Russia's defence minister X on Wednesday ordered ..."): the parser hangs the name from the dateline's town,
    so the verb has no subject. The words from the dateline's end up to the verb, less a time phrase before
    it, when they hold a name and no verb or clause mark."""
    text = doc_text(doc)
    sent = verb.sent
    start = lead_end(text, sent.start_char, verb.idx)
    if start == sent.start_char:
        return None  # no dateline
    toks = [t for t in sent if start <= t.idx < verb.idx and not t.is_space]
    while toks and (toks[-1].ent_type_ in ("DATE", "TIME") or toks[-1].is_punct
                    or (toks[-1].pos_ == "ADP" and toks[-1].dep_ == "prep")):
        toks.pop()  # "... on Wednesday", "... late on Tuesday,"
    if not toks or len(toks) > 12 or not any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in toks):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "who", "which", ";", ":") for t in toks):
        return None
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if any(_overlap((lo, hi), s) for s in taken):
        return None
    return lo, hi


# Round 11: a gerund after a preposition ("by saying", "after announcing") takes the subject of the verb the
# preposition hangs from.
SUBJECT_THROUGH_PREP = True
# Round 12: a CRF claim whose cue verb has a subject in the parse takes that subject (as _subject finds it) over
# a tagged source span that does not overlap it ("On Twitter, the former governor called the senator
# 'unhinged'": the CRF tagged a name in the sentence before); pronoun and relative subjects leave the tag be.
CRF_PREFER_SUBJECT = True
# Round 12: as the rules (attribution_rules.NEAREST_SUBJECT), of several subjects the nearest in the paragraph.
NEAREST_SUBJECT_MODEL = True
_PREFER_SKIP: frozenset[str] = _SPEAKER_PRONOUNS | {"who", "which", "that"}


def _prefer_subject(doc: Doc, cue: tuple[int, int], src: tuple[int, int], taken: list[tuple[int, int]],
                    shared: set[tuple[int, int]]) -> tuple[int, int]:
    """The subject of the CRF cue's verb when the parse gives it one that is no pronoun and the tagged source
    ``src`` does not overlap it, else ``src``."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not len(span) or not any(c.dep_ == "nsubj" for c in span.root.children):
        return src
    own = _subject(doc, cue[0], cue[1], taken, shared)
    if own is None or _overlap(own, src) or doc_text(doc)[own[0]:own[1]].lower() in _PREFER_SKIP:
        return src
    return own


def _is_participle(doc: Doc, start: int, end: int) -> bool:
    """The cue is a participle clause hanging from another verb (``advcl`` VBG: "..., adding that ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "advcl" and root.tag_ == "VBG" and root.head.i != root.i


def _contiguous(cons: list[TaggedSpan], first: bool) -> list[TaggedSpan]:
    """The run of content spans nearest the cue with nothing but other content between them: the first run
    after a cue, the last one before it."""
    if not cons:
        return []
    run = [cons[0]] if first else [cons[-1]]
    seq = cons[1:] if first else list(reversed(cons[:-1]))
    for t in seq:
        last = run[-1]
        if (first and t.sent_index - last.sent_index <= 1) or (not first and last.sent_index - t.sent_index <= 1):
            run.append(t)
        else:
            break
    return sorted(run, key=lambda t: t.start)


# Round 12 (war news): a CRF or classifier source loses the quote marks and punctuation at its edges ('"He' is
# "He", resolved like any pronoun), a relative pronoun is named after the noun it stands for ("Mike Pompeo, who
# emphasized ..."), and a longer source is named like a rule source (normalise_source: "Taiwan's foreign minister
# Joseph Wu on Tuesday" -> "Joseph Wu"). The source span stays the model's.
MODEL_SOURCE_NAMES = True
_EDGE_PUNCT = "\"'“”‘’«»„‚`´,;:-–—()[] \t\n\xa0"


def _model_source(doc: Doc, src: tuple[int, int] | None) -> tuple[tuple[int, int] | None, str | None, bool]:
    """(source span, its name or None for a pronoun / no source, whether a pronoun) of a CRF or classifier
    claim."""
    if src is None:
        return None, None, False
    text = doc_text(doc)
    if MODEL_SOURCE_NAMES:
        a, b = src
        while a < b and text[a] in _EDGE_PUNCT:
            a += 1
        while b > a and text[b - 1] in _EDGE_PUNCT:
            b -= 1
        if a < b:
            src = (a, b)
    src_text = text[src[0]:src[1]]
    if src_text.lower() in _SPEAKER_PRONOUNS:
        return src, None, True
    if not MODEL_SOURCE_NAMES:
        return src, _name_from_text(src_text), False
    from .attribution_rules import RELATIVE, _antecedent, _ents_within, _np_tokens, normalise_source

    span = doc.char_span(src[0], src[1], alignment_mode="expand")
    if span is None or not len(span):
        return src, _name_from_text(src_text), False
    if len(span) == 1 and span[0].lower_ in RELATIVE:
        ante = _antecedent(span[0])
        return src, (normalise_source(_np_tokens(ante)) if ante is not None else None), False
    persons = _ents_within(doc, span.start, span.end, "PERSON")
    if len(persons) > 1 and any(t.lower_ in ("and", "&") for t in span):
        # "Guests of the programme - A, a retired general, and B, ...": the persons
        return src, "; ".join(e.text.removesuffix("’s").removesuffix("'s") for e in persons), False
    name = normalise_source([t for t in span if not t.is_space])
    return src, (name if name and name != "unknown" else _name_from_text(src_text)), False


def _name_from_text(text: str) -> str:
    from .attribution_lexicon import ALIASES

    t = text.strip()
    low = t.lower()
    for det in ("the ", "a ", "an "):
        if low.startswith(det):
            t = t[len(det):]
            break
    return ALIASES.get(t.lower(), t)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_direct(content: tuple[int, int], quotes: list[tuple[int, int]]) -> bool:
    """Direct when at least 80% of the content lies inside quotation marks."""
    n = content[1] - content[0]
    if n <= 0:
        return False
    inside = sum(max(0, min(content[1], e) - max(content[0], s)) for s, e in quotes)
    return inside >= 0.8 * n


def _paragraph_of(result: ArticleResult, pos: int) -> int:
    for k, p in enumerate(result.article.paragraphs):
        if p.start <= pos < p.end or (pos == p.end):
            return k
    return -1


def _sorted_drafts(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts in text order of their contents, each continuation still pointing at the draft it continues
    (``continuation_of`` is an index: sorting alone would leave it pointing at whatever took that place)."""
    order = sorted(range(len(drafts)), key=lambda k: drafts[k].found.content[0])
    new_index = {old: new for new, old in enumerate(order)}
    out = [drafts[k] for k in order]
    for d in out:
        if d.continuation_of is not None:
            d.continuation_of = new_index[d.continuation_of]
    return out


def _continuations(text: str, drafts: list[_Draft], quotes: list[tuple[int, int]],
                   result: ArticleResult) -> list[_Draft]:
    """Quotes that continue a speaker: later in the same paragraph, or the next paragraph when it is only a
    quotation (boilerplate paragraphs such as captions in between are skipped)."""
    paras = result.article.paragraphs
    boiler = [b.evidence for b in result.article.boilerplate]
    out: list[_Draft] = []
    claimed = drafts
    direct_by_para: dict[int, int] = {}
    for k, d in enumerate(drafts):
        # a speaker line outside the quotes: "I think" inside a quotation continues nobody, it is nested
        if d.direct and d.found.cue and not any(qs <= d.found.cue[0] < qe for qs, qe in quotes):
            direct_by_para[_paragraph_of(result, d.found.cue[0])] = k
    for qs, qe in quotes:
        # taken when a claim found outside it already has it as content (a claim whose cue lies inside the
        # quote is the speaker's own attribution, nested in this one)
        if any(_overlap((qs, qe), d.found.content) and not (d.found.cue and qs <= d.found.cue[0] < qe)
               for d in claimed):
            continue
        # a quotation with its own speaker line ("PENCE: ...", "“…” ― Ana Ruiz") continues nobody
        if any(d.found.pattern in {"colon_speaker", "dash_credit"} and _overlap((qs, qe), d.found.content)
               for d in claimed):
            continue
        pk = _paragraph_of(result, qs)
        src_k: int | None = None
        if pk in direct_by_para and drafts[direct_by_para[pk]].found.cue[0] < qs:  # type: ignore[index]
            src_k = direct_by_para[pk]
        elif pk >= 0 and text[paras[pk].start:qs].strip() in {"", "“", '"', "«", "''"}:
            prev = pk - 1
            while prev >= 0 and any(b.contains(paras[prev]) or paras[prev].contains(b) and
                                    b.end - b.start > 0.5 * (paras[prev].end - paras[prev].start)
                                    for b in boiler):
                prev -= 1
            if prev in direct_by_para:
                src_k = direct_by_para[prev]
        if src_k is None:
            continue
        base = drafts[src_k].found
        f = Found(base.cue, (qs, qe), base.source, base.source_name, "continuation", base.cue_lemma,
                  base.source_is_pronoun, base.cue_token)
        out.append(_Draft(f, direct=True, continuation_of=src_k))
        direct_by_para[pk] = src_k
    return out


def _speakers_before(doc: Doc, pos: int, seen: list[_Speaker], quotes: list[tuple[int, int]],
                     ents: list[Any], cache: dict[str, list[_Speaker]] | None = None) -> list[_Speaker]:
    """Candidate antecedents before ``pos``: earlier claim sources, and PERSON/ORG subjects outside quotes.
    ``ents`` is ``list(doc.ents)`` computed once: ``doc.ents`` walks the whole doc on every access; the
    mentions found in the text are computed once per document into ``cache``."""
    if cache is None:
        cache = {}
    if "mentions" not in cache:
        cache["mentions"] = _mentions(doc, quotes, ents)
    cands = [s for s in seen if s.at < pos] + [m for m in cache["mentions"] if m.evidence is not None and
                                               m.evidence.end <= pos]
    return sorted(cands, key=lambda s: s.at)


def _mentions(doc: Doc, quotes: list[tuple[int, int]], ents: list[Any]) -> list[_Speaker]:
    """PERSON/ORG subjects outside quotes, and sentence-initial capitalised names, over the whole text."""
    cands = []
    for ent in ents:
        if ent.label_ not in {"PERSON", "ORG"}:
            continue
        if any(qs <= ent.start_char < qe for qs, qe in quotes):
            continue
        root = ent.root
        if root.dep_ and root.dep_ not in {"nsubj", "nsubjpass", "appos", "compound", "poss"} and \
                root.head.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        name = ent.text.removesuffix("’s").removesuffix("'s")
        if name.lower().startswith("the "):
            name = name[4:]
        context = doc_text(doc)[doc[root.left_edge.i].idx if root.left_edge.i < ent.start else ent.start_char:
                           ent.end_char]
        cands.append(_Speaker(name, kind_of(context), side_of(context), Span.of(doc_text(doc), ent.start_char, ent.end_char),
                              ent.start_char, ent.label_ == "PERSON"))
    # names the small NER model does not know ("Oleksandr Syrskyi toured ..."): two or three capitalised words
    # opening a sentence, that name no organisation, side or place kind
    for m in _SUBJECT_NAME.finditer(doc_text(doc)):
        name = m.group(1)
        if kind_of(name) == "unknown" and side_of(name) is None and name.split()[0] not in _NOT_NAMES and \
                not any(qs <= m.start(1) < qe for qs, qe in quotes):
            cands.append(_Speaker(name, "unknown", None, Span.of(doc_text(doc), m.start(1), m.end(1)), m.start(1), True))
    return cands


_SUBJECT_NAME = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z]+(?:[-’'][A-Za-z]+)?(?: [A-Z][a-z]+"
                           r"(?:[-’'][A-Za-z]+)?){1,2})(?= [a-z])", re.MULTILINE)
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "At", "As", "But", "And", "After", "Before", "When", "This",
                        "That", "These", "Those", "It", "He", "She", "They", "We", "New", "Heavy"})


def _resolve_pronoun(word: str, doc: Doc, pos: int, seen: list[_Speaker],
                     quotes: list[tuple[int, int]], ents: list[Any],
                     cache: dict[str, list[_Speaker]] | None = None) -> _Speaker | None:
    cands = _speakers_before(doc, pos, seen, quotes, ents, cache)
    w = word.lower()
    for s in reversed(cands):
        if w in _HE and s.person:
            return s
        if w in _THEY and (not s.person):
            return s
    return None


def _resolve(doc: Doc, result: ArticleResult, drafts: list[_Draft], quotes: list[tuple[int, int]]) -> list[Claim]:
    text = doc_text(doc)
    ents = list(doc.ents)
    mention_cache: dict[str, list[_Speaker]] = {}
    seen: list[_Speaker] = []
    claims: list[Claim] = []
    by_draft: dict[int, Claim] = {}
    prefix = result.article.id[:8]
    order = sorted(range(len(drafts)), key=lambda k: (drafts[k].found.cue or drafts[k].found.content)[0])
    for n, k in enumerate(order):
        d = drafts[k]
        f = d.found
        speaker: _Speaker | None = None
        if d.continuation_of is not None and d.continuation_of in by_draft:
            prev = by_draft[d.continuation_of]
            speaker = _Speaker(prev.source.name, prev.source.kind, prev.source.side, prev.source.evidence,
                               f.content[0], False, prev.channel)
        elif f.source_is_pronoun and f.source:
            speaker = _resolve_pronoun(text[f.source[0]:f.source[1]], doc, f.source[0], seen, quotes, ents,
                                       mention_cache)
        elif f.source is None and f.pattern == "agentless":
            speaker = _recent_claim_speaker(claims, f.content[0], result)
        elif f.source and f.source_name and f.source_name.lower() in _POSSESSIVE:
            # "His office did not say ...": the name is the possessor's ("X's office" -> X), a pronoun here
            speaker = _resolve_pronoun(_POSSESSIVE[f.source_name.lower()], doc, f.source[0], seen, quotes, ents,
                                       mention_cache)
            if speaker is None:
                f.source_name = text[f.source[0]:f.source[1]]
        if speaker is None and f.source_name and " " not in f.source_name.strip():
            speaker = _longer_name(f.source_name, seen, f)
        if speaker is not None:
            source = Source(speaker.name, speaker.kind, speaker.evidence if f.source is None else
                            Span.of(text, *f.source), speaker.side)
            channel_hint = speaker.channel
        else:
            name = f.source_name or (text[f.source[0]:f.source[1]] if f.source else "unknown")
            kind = kind_of(name if not f.source else f"{name} {text[f.source[0]:f.source[1]]}")
            if kind == "unknown" and f.cue_lemma == "report" and f.source and name[:1].isupper():
                kind = "media"
            source = Source(name, kind, Span.of(text, *f.source) if f.source else None,
                            _span_side(doc, f.source) if f.source else side_of(name))
            channel_hint = None
        channel = _channel(doc, f, channel_hint)
        if source.kind == "unknown" and channel in {"tweet", "telegram", "social_media"} and \
                (speaker is None or speaker.person or _is_person(doc, f.source, source) if f.source else False):
            source.kind = "social_media_user"
        content = Span.of(text, *_content_end(text, _without_inference(text, f.content, quotes)
                                              if not d.direct else f.content, d.direct, quotes,
                                              f.cue[0] if f.cue else None))
        hedges = find_hedges(content.text)
        # a reporting word inside a quotation is the speaker's, not the writer's distance ("“Allegedly, the
        # sanctions hit only the elite,” the minister said" is not kept at arm's length by the writer)
        unquoted = list(content.text)
        for qs, qe in quotes:
            for i in range(max(qs, content.start), min(qe, content.end)):
                unquoted[i - content.start] = " "
        reporting = find_reporting("".join(unquoted))
        if f.cue_lemma in {"claim", "allege"} or f.pattern == "agentless":
            cue_word = text[f.cue[0]:f.cue[1]].lower() if f.cue else ""
            if cue_word and cue_word not in reporting:
                reporting.insert(0, cue_word)
        claim = Claim(
            id=f"{prefix}-c{n}", evidence=content, source=source,
            cue=Span.of(text, *f.cue) if f.cue else None, channel=channel, direct=d.direct,
            hedges=hedges, reporting=reporting,
            certainty=certainty_of(hedges, reporting, source.kind, source.name != "unknown"),
            date=by_draft[d.continuation_of].date if d.continuation_of in by_draft else _date(doc, f, result,
                                                                                              quotes),
        )
        claims.append(claim)
        by_draft[k] = claim
        if f.source and source.name != "unknown":
            seen.append(_Speaker(source.name, source.kind, source.side, source.evidence, f.source[0],
                                 _is_person(doc, f.source, source), channel))
    claims.sort(key=lambda c: c.evidence.start)
    return claims


# the writer's inference after a reported content: "X reported that A, suggesting that B" (B is the writer's)
_INFERENCE = re.compile(r",\s+(?:which\s+(?:likely\s+|may\s+|could\s+|further\s+)?|seemingly\s+|likely\s+)?"
                        r"(?:suggest|indicat|impl)(?:ing|es|s|ed)?\b")


def _without_inference(text: str, content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """An indirect content without the writer's inference trailing it (", suggesting that ...", ", which may
    indicate ..."), which is no part of what the source said; a content the inference opens stays."""
    for m in _INFERENCE.finditer(text, content[0], content[1]):
        if m.start() > content[0] and not any(qs <= m.start() < qe for qs, qe in quotes):
            return content[0], m.start()
    return content


# the speaker line after a content: "... - he said", "— she added, ..."; a correspondent's credit: ", an X
# correspondent reports"
_SPEAKER_AFTER = re.compile(r"\s*[-–—]+\s*(?:s?he|they|we|it|i)\s+(?:said|added|stressed|noted|emphasi[sz]ed|"
                            r"explained|continued|stated|wrote|underlined|pointed out)\b"
                            r"|,\s+(?:an?|the|our)\s+(?:[\w\-]+\s+){0,3}correspondent\s+reports?\b", re.IGNORECASE)
# a new turn after a sentence end, as Polish wires mark quotations: "... plan.- China showed ..."
_DASH_TURN = re.compile(r"(?<=[a-z0-9”\"][.!?])\s?[-–]\s*(?=[A-Z\"“])")
# what a cut coordination or a wire's quotation dash leaves at the end: ", and", " or", ".-"
_LOOSE_END = re.compile(r"(?:[\s,;]+(?:and|or|but)|(?:(?<=[.!?])|\s+)[-–—]+|[\s,;:]+)$", re.IGNORECASE)


_BYLINE = re.compile(r"(?:source|sources|author|authors|photo|read also|see also|editing by|reporting by)\b\s*[:/]",
                     re.IGNORECASE)


def _heading_after(text: str, nl: int) -> bool:
    """Whether the first line after the line break at ``nl`` is no continuation of a
    content: a byline or credit ("Source: ...", "Author/author: ..."), or a heading (at most 12 words, no
    sentence end)."""
    rest = text[nl:].lstrip()
    line = rest.split("\n", 1)[0].strip()
    if not line:
        return False
    return bool(_BYLINE.match(line)) or (len(line.split()) <= 12 and line[-1] not in ".!?:;,”\"'’)")


def _content_end(text: str, content: tuple[int, int], direct: bool, quotes: list[tuple[int, int]],
                 cue: int | None = None) -> tuple[int, int]:
    """A content without what follows the source's words: an indirect one ends at a line break before a
    heading or a byline ("Source: ..."), at a new quotation turn after a sentence end ("...plan.- China
    ...": the turn next to the cue is kept, the first when the cue stands before the content, the last when
    after it) and before a speaker line or a correspondent's credit outside quotation marks
    ("... - he said", ", an X correspondent reports"); any ends without a trailing "and" / "or" / "but" or
    dash left from a cut coordination or a wire's quotation mark."""
    a, b = content
    if not direct:
        nl = text.find("\n", a, b)
        if nl > a and text[a:nl].strip() and _heading_after(text, nl):
            b = nl
        turns = [m for m in _DASH_TURN.finditer(text, a, b) if m.start() > a and text[a:m.start()].strip()
                 and text[m.end():b].strip() and not any(qs <= m.start() < qe for qs, qe in quotes)]
        if turns and cue is not None and cue >= b:
            a = turns[-1].end()  # the cue after the content: the turn nearest it is the source's
        elif turns:
            b = turns[0].start()
        for m in _SPEAKER_AFTER.finditer(text, a, b):
            if m.start() > a and text[a:m.start()].strip() and not any(qs <= m.start() < qe for qs, qe in quotes):
                b = m.start()
                break
    while b > a:
        loose = _LOOSE_END.search(text, a, b)
        if loose is None or loose.start() <= a or not text[a:loose.start()].strip():
            break
        b = loose.start()
    return (a, b) if b > a else content


def _longer_name(name: str, seen: list[_Speaker], f: Found) -> _Speaker | None:
    """"Zelensky" after "Volodymyr Zelensky": the earlier, fuller name (and what we know of it)."""
    for s in reversed(seen):
        for part in s.name.split(";"):  # "A; B": several persons, each its own name
            words = part.split()
            if len(words) > 1 and words[-1].lower() == name.lower():
                full = part.strip() if ";" in s.name else s.name
                return _Speaker(full, s.kind, s.side, None, f.source[0] if f.source else 0, s.person, s.channel)
    return None


# nouns of a relation to a country: "Ukraine's partners", "allies of Russia" are not Ukraine or Russia
_RELATION_NOUNS = frozenset({"partner", "ally", "neighbour", "neighbor", "enemy", "adversary", "opponent", "rival",
                             "critic", "supporter", "friend", "backer", "creditor"})
# prepositions that place a group away from or against a country: "people outside Russia"
_AWAY_PREPS = frozenset({"outside", "against", "toward", "towards", "into", "beyond", "near"})
# "the ambassador to Russia" is the sending country's
_SENT_TO = frozenset({"ambassador", "envoy", "mission", "delegation", "delegate"})
# what a source lives under is no side: "a resident of Kherson, then under Russian occupation"
_UNDER_NOUNS = frozenset({"occupation", "control", "fire", "shelling", "siege", "attack", "bombardment", "rule"})


def _span_side(doc: Doc, span: tuple[int, int]) -> str | None:
    """The side of a source from its words, leaving out the words that name another country than the
    source's own: a participle describing what it does ("countries sending arms to Kyiv"), a country it is
    placed against ("people outside Russia"), a country it is a partner, ally or envoy of ("Beijing, a partner
    of Russia"; "Ukraine's Western partners" is WEST). An apposition or relative clause saying who a person
    is stays ("X, a former American diplomat,")."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return side_of(doc_text(doc)[span[0]:span[1]])
    out: set[int] = set()
    for t in sp:
        if t.i in out:
            continue
        if t.dep_ == "acl" or (t.dep_ == "prep" and (
                t.lower_ in _AWAY_PREPS or (t.lower_ == "to" and t.head.lemma_.lower() in _SENT_TO)
                or (t.lower_ == "of" and t.head.lemma_.lower() in _RELATION_NOUNS)
                or (t.lower_ == "under" and any(c.lemma_.lower() in _UNDER_NOUNS for c in t.children)))) \
                or (t.dep_ == "poss" and t.head.lemma_.lower() in _RELATION_NOUNS):
            out.update(x.i for x in t.subtree)
    # where a source is ("the commander of Russian forces in Ukraine") is no side when its other words give one;
    # alone it is ("officials in Kyiv")
    where = {x.i for t in sp if t.dep_ == "prep" and t.lower_ in ("in", "inside") for x in t.subtree}
    if where - out:
        own = side_of(" ".join(t.text for t in sp if t.i not in out and t.i not in where))
        if own is not None:
            return own
    return side_of(" ".join(t.text for t in sp if t.i not in out))


def _is_person(doc: Doc, span: tuple[int, int], source: Source) -> bool:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return False
    if any(t.lower_ in _HE for t in sp) or (len(sp) == 1 and sp[0].lower_ in {"who", "whom"}):
        return True  # a relative "who" as the source span ("a soldier named Maxim, who claimed ...")
    if any(t.lower_ in _THEY for t in sp):
        return False
    if any(t.ent_type_ == "PERSON" for t in sp):  # token attributes: Span.ents walks the whole doc
        return True
    root = sp.root
    if root.tag_ in {"NNS", "NNPS"} or source.kind in {"think_tank", "media"}:
        return False
    if root.pos_ == "PROPN" and not any(t.ent_type_ for t in sp):
        return True  # a bare proper name the NER left untyped ("Maxim")
    return root.lemma_.lower() in {"spokesperson", "spokesman", "spokeswoman", "officer", "official",
                                   "member", "engineer", "commander", "soldier", "analyst", "minister",
                                   "president", "ambassador", "governor", "man", "woman", "resident"}


def _recent_claim_speaker(claims: list[Claim], pos: int, result: ArticleResult) -> _Speaker | None:
    """The source of the claim just before ``pos`` in the same or the previous paragraph, if any."""
    pk = _paragraph_of(result, pos)
    for c in reversed(claims):
        if c.evidence.start >= pos or c.source.name == "unknown":
            continue
        ck = _paragraph_of(result, c.evidence.start)
        if pk - ck <= 1:
            return _Speaker(c.source.name, c.source.kind, c.source.side, c.source.evidence, c.evidence.start,
                            False, c.channel)
        return None
    return None


def _clause_text(doc: Doc, f: Found) -> str:
    """The words of the cue's sentence outside the content: where "on Twitter", "in a statement" live."""
    if f.cue is None:
        return ""
    text = doc_text(doc)
    # the cue's sentence, approximated by sentence punctuation inside its paragraph (Token.sent is costly)
    p_lo = text.rfind("\n", 0, f.cue[0]) + 1
    p_hi = text.find("\n", f.cue[1])
    p_hi = len(text) if p_hi < 0 else p_hi
    cs0, ce0 = f.content
    lo = max(p_lo, max((text.rfind(c, p_lo, min(f.cue[0], cs0)) + 2 for c in (". ", "? ", "! ")), default=p_lo))
    ends = [i for i in (text.find(c, max(f.cue[1], ce0), p_hi) for c in (". ", "? ", "! ")) if i >= 0]
    hi = min(ends) + 1 if ends else p_hi
    lo = min(lo, f.cue[0])
    cs, ce = f.content
    return text[lo:max(lo, min(cs, hi))] + " " + text[min(max(ce, lo), hi):hi]


def _channel(doc: Doc, f: Found, hint: str | None) -> str | None:
    said_how = channel_of(_clause_text(doc, f))
    src_how = channel_of(doc_text(doc)[f.source[0]:f.source[1]]) if f.source else None
    if said_how and said_how != "interview":
        return said_how
    if src_how:
        return src_how
    if hint:
        return hint
    return CUE_CHANNEL.get(f.cue_lemma) or said_how


def _date(doc: Doc, f: Found, result: ArticleResult, quotes: list[tuple[int, int]]) -> str | None:
    """The date of the statement: a resolved time expression in the cue's clause outside the content."""
    if f.cue_token is None or not result.times:
        return None
    tok = doc[f.cue_token]
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    cs, ce = f.content
    for t in result.times:
        e = t.evidence
        if t.value and lo <= e.start and e.end <= hi and not (cs <= e.start < ce) and \
                not any(qs <= e.start < qe for qs, qe in quotes):
            return t.value
    return None


def _nest(claims: list[Claim]) -> None:
    """A claim whose cue (or source) lies inside another claim's content is nested in the smallest such one."""
    for c in claims:
        anchor = c.cue or c.source.evidence
        if anchor is None:
            continue
        outer = [o for o in claims if o is not c and o.evidence.contains(anchor)
                 and o.evidence.end - o.evidence.start > c.evidence.end - c.evidence.start]
        if outer:
            c.nested_in = min(outer, key=lambda o: o.evidence.end - o.evidence.start).id


_FIRST_SECOND = frozenset({"i", "we", "you"})
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _drop_quoted_first_person(claims: list[Claim], quotes: list[tuple[int, int]]) -> list[Claim]:
    """Claims whose cue stands inside a quotation, spoken by "I", "we" or "you", and nested in no claim we
    found: the speaker is the quotation's, which we did not find, so nobody identifiable stands behind them
    (held-out PolNeAR train: 2 of 55 un-nested claims with a cue inside a quotation are annotated; the
    scheme never marks an attribution inside another's content). Nested ones stay."""
    drop = {c.id for c in claims if c.nested_in is None and c.cue is not None and c.source.evidence is not None
            and c.source.evidence.text.strip().lower() in _FIRST_SECOND
            and any(qs <= c.cue.start < qe for qs, qe in quotes)}
    return _without(claims, drop)


_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})


def _quoted_first_person_speaker(claims: list[Claim], quotes: list[tuple[int, int]]) -> None:
    """A claim whose source is "I" / "we" / "my" inside a quotation, nested in the claim that quotes it, is
    that claim's speaker's (“I think the talks will fail,” the minister said: the minister thinks so), unless
    that speaker is a "she" resolved without gender; the source span stays the pronoun. Claims are in text order, so an outer claim is named before those in it."""
    by_id = {c.id: c for c in claims}
    for c in claims:
        ev = c.source.evidence
        outer = by_id.get(c.nested_in) if c.nested_in is not None else None
        if outer is None or ev is None or c.cue is None or ev.text.strip().lower() not in _FIRST_PERSON:
            continue
        if not any(qs <= c.cue.start < qe and qs <= ev.start < qe for qs, qe in quotes):
            continue
        o = outer.source
        if o.name == "unknown" or o.name.strip().lower() in _FIRST_PERSON:
            continue
        if o.evidence is not None and o.evidence.text.strip(" “”\"'").lower() in {"she", "her"}:
            # "She added: “We know ...”": pronouns are resolved without gender, and most named speakers in war
            # news are men, so a "she" is the resolution that goes wrong (to the last man named): not passed on
            continue
        c.source = Source(o.name, o.kind, ev, o.side)
        c.certainty = certainty_of(c.hedges, c.reporting, o.kind, True)


def _without(claims: list[Claim], drop: set[str]) -> list[Claim]:
    """``claims`` less those whose id is in ``drop``; claims nested in a dropped one are nested in none."""
    if not drop:
        return claims
    for c in claims:
        if c.nested_in in drop:
            c.nested_in = None
    return [c for c in claims if c.id not in drop]


# Armed groups named as a whole act far more often than they speak: "Russian forces continued firing on ...",
# "... seek to capture ...", "attempted to advance" were claims by "Russian forces" in ISW's assessments (the cue
# classifier and the CRF, trained on political news, read any verb with a clause after it as a cue). Such a
# source keeps a claim only with a verb of speech or writing, or "according to".
_GROUP_ACTORS = frozenset("forces troops units soldiers fighters army military militants servicemen "
                          "detachments brigades battalions".split())
_SPEECH = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|claim\w*|report\w*|stat(?:e|es|ed|ing)|announc\w*|den(?:y|ies|ied|ying)|"
    r"confirm\w*|warn\w*|assert\w*|insist\w*|accus\w*|admit\w*|acknowledg\w*|declar\w*|t(?:ell|ells|old)|"
    r"wr(?:ite|ites|ote|itten)|post\w*|publish\w*|releas\w*|tweet\w*|according|allege\w*|boast\w*|"
    r"threaten\w*|vow\w*|promis\w*)\b", re.IGNORECASE)


def _drop_acting_groups(claims: list[Claim]) -> list[Claim]:
    """Drop claims whose source is an armed group named as a whole ("Russian forces", "the troops") and whose
    cue is no verb of speech or writing: the group did something, it said nothing."""
    drop = set()
    for c in claims:
        words = c.source.name.lower().split()
        if c.cue is None or not words or words[-1] not in _GROUP_ACTORS or c.direct:
            continue
        if not _SPEECH.search(c.cue.text):
            drop.add(c.id)
    return _without(claims, drop)


def _link_quantities(result: ArticleResult, claims: list[Claim]) -> None:
    """Each quantity inside a claim's content belongs to the innermost such claim (its source and stance)."""
    for q in result.quantities:
        inside = [c for c in claims if c.evidence.contains(q.evidence)]
        if inside:
            q.claim_id = min(inside, key=lambda c: c.evidence.end - c.evidence.start).id


def load(settings: Settings, resources: Resources) -> AttributionStage:
    """The stage; the CRF is loaded once per process unless ``settings.extra['attribution_crf']`` is False."""
    if not settings.extra.get("attribution_crf", True):
        return AttributionStage(None)
    from .attribution_crf import load_tagger

    path = settings.extra.get("attribution_model")
    try:
        tagger = resources.get(f"attribution.crf:{path}", lambda: load_tagger(path))
    except ModelNotFound:
        if path:
            raise
        log.warning("attribution CRF model missing; using the dependency rules only")
        tagger = None
    classifier = None
    if tagger is not None:
        from .attribution_cues import CLASSIFIER_FILE, load_classifier

        cls_path = tagger.path.parent / CLASSIFIER_FILE
        classifier = resources.get(f"attribution.cues:{cls_path}", lambda: load_classifier(cls_path))
    accept = None
    if tagger is not None and classifier is not None:
        from .attribution_accept import ACCEPT_FILE, load_accept

        acc_path = tagger.path.parent / ACCEPT_FILE
        accept = resources.get(f"attribution.accept:{acc_path}", lambda: load_accept(acc_path))
        if accept is not None:
            tagger.with_marginals = True
    from ..gazetteer.index import load_gazetteer

    key = f"gazetteer:{settings.gazetteer or 'default'}"  # the places stage's: loaded once per process
    return AttributionStage(tagger, classifier, accept,
                            lambda: resources.get(key, lambda: load_gazetteer(settings.gazetteer)))
