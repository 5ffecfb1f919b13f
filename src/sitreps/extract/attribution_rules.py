"""Dependency rules for the frequent attribution patterns, and source-name normalisation.

Patterns (each gives a :class:`Found` with source, cue and content character spans):

- speech verb with a subject and a clausal complement: "ISW reported that …", "“…,” a spokesperson said";
- speech verb whose complement is an adjacent quotation: "“Step by step,” he said", "He said: “…”";
- a parenthetical speaker (spaCy's ``parataxis``): "Back then, he said, the bridge was open" -- the clause it
  interrupts is the content;
- "according to X, …": X is the source, the rest of the sentence the content;
- relative subjects: "a member named Maxim, who claimed that …", "a video, which shows that …" take the
  nearest noun before the pronoun (spaCy's attachment of relative clauses is unreliable);
- agentless reporting: "were reported to be destroyed", "reportedly shifting": the cue is the reporting word,
  the source is found later (the claim being reported on nearby, or unknown).

Why rules first: they give structure (which source goes with which content) exactly where it is plain, and
they are cheap; the CRF (attribution_crf) covers the long tail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doctext import doc_text
from .attribution_lexicon import ALIASES, CUE_LEMMAS, TITLE_WORDS, load_cue_forms
from .leads import lead_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "we", "i", "you"}
RELATIVE = {"who", "which", "that", "whom"}
SPEAKER_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "representative", "service", "office",
                 "press", "statement", "source", "sources", "official", "officials"}
CHANNEL_NOUNS = {"report", "reports", "video", "videos", "footage", "statement", "assessment", "images",
                 "photos", "post", "tweet", "interview", "update", "analysis", "clip", "study", "poll", "survey"}
CONTENT_DEPS = {"ccomp", "xcomp"}
XCOMP_CUES = {"claim", "allege", "promise", "vow", "pledge", "threaten", "pretend", "profess"}
_NAMED = re.compile(r"\b(?:named|called|nicknamed)\s+[“\"']?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*)")
_AGENTLESS = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|(?:is|are|was|were|been|being)\s+(?:reported|said|believed)\s+to"
    r"|according to (?:unconfirmed |media )?reports)\b", re.IGNORECASE)


@dataclass(slots=True)
class Found:
    """One attribution found by a rule: character spans into the doc text; ``pattern`` names the rule."""

    cue: tuple[int, int] | None
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_name: str | None
    pattern: str
    cue_lemma: str = ""
    source_is_pronoun: bool = False
    cue_token: int | None = None  # token index of the cue, for clause-level look-ups
    # CRF claims: the model's marginals and how the claim was put together (attribution_accept.features)
    crf: dict[str, float] | None = None


def _span_of(tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"'s", "’s"}):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            break  # "Sen. Ann Roe (D-Mo.)": a bracket opened inside the span stays closed
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _content_span(tok: Token, text: str) -> tuple[int, int] | None:
    """The subtree of a complement, without the quote marks and punctuation around it."""
    toks = [t for t in tok.subtree]
    sp = _span_of(toks)
    if sp is None:
        return None
    s, e = sp
    s = max(s, lead_end(text, s, e))  # "KYIV, May 4 (Wire) — X, officials said": the content starts at X
    while s < e and text[s] in "“”\"'‘’ ,:":
        s += 1
    while e > s and text[e - 1] in "“”\"'‘’ ,:":
        e -= 1
    return (s, e) if e > s else None


def _source_tokens(subj: Token, relcl: bool = False) -> list[Token]:
    """The subject's words without the clauses hanging off it (relative ``relcl``, participial ``acl``) unless
    ``relcl``. The source span keeps them ("Ana Ruiz, who runs the shelter,": on PolNeAR train a source holds
    ", who" 113 times and is followed by it 80 times; "officials speaking on condition of anonymity"); the
    source's name does not."""
    deps = set() if relcl else {"relcl", "acl"}
    cut = {t.i for c in subj.children if c.dep_ in deps and c.i > subj.i for t in c.subtree}
    return [t for t in subj.subtree if t.i not in cut]


def _antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun stands for: the nearest noun before it in the sentence."""
    for j in range(rel.i - 1, rel.sent.start - 1, -1):
        t = rel.doc[j]
        if t.pos_ in {"NOUN", "PROPN"}:
            return t
        if j < rel.i - 8:
            break
    return None


def is_cue_token(tok: Token, forms: frozenset[str]) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and (tok.lemma_.lower() in CUE_LEMMAS or tok.lower_ in forms)


# people named by where they are from or live ("a woman from Kherson", "a resident of Kherson"): the place is no
# name even when the small model tags it PERSON
_PERSON_FROM = frozenset("""
woman man girl boy child resident residents native citizen citizens teacher doctor nurse driver worker farmer
volunteer student pensioner refugee survivor witness mother father wife husband son daughter family neighbour
neighbor shopkeeper programmer engineer soldier official officials people person villager villagers local locals
""".split())


def normalise_source(tokens: list[Token]) -> str:
    """A readable, normalised name for the words naming a source (see the module docstring)."""
    if not tokens:
        return "unknown"
    text = doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    m = _NAMED.search(text)
    if m:
        return m.group(1)
    low = text.lower().strip()
    if low in ALIASES:
        return ALIASES[low]
    # "a spokesperson for the Ukrainian General Staff" -> "Ukrainian General Staff"; "X's spokesperson" -> X
    head = min(tokens, key=lambda t: (t.head.i in {x.i for x in tokens} and t.head.i != t.i, abs(t.i)))
    if head.lemma_.lower() in SPEAKER_NOUNS - {"source", "sources", "official", "officials"}:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return normalise_source(list(objs[0].subtree))
            if child.dep_ == "poss":
                return normalise_source([t for t in child.subtree if t.lower_ not in {"'s", "’s"}])
    if head.lemma_.lower() in CHANNEL_NOUNS:
        names = []
        for noun in [head] + [c for c in head.conjuncts]:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        names += _conj_names(objs[0])
        if names:
            return "; ".join(names)
    person = _person_name(head) if _titled(head) else None
    if person:
        return person
    # "a woman from Kherson": the words after "from" say where a person comes from, even when the tagger calls
    # the town a person
    persons = [e for e in _ents_within(tokens[0].doc, tokens[0].i, tokens[-1].i + 1, "PERSON")
               if not (e.root.dep_ == "pobj" and e.root.head.lower_ in ("from", "of")
                       and e.root.head.head.lemma_.lower() in _PERSON_FROM)]
    if persons:
        ent = persons[-1]
        doc = ent.doc
        # "Ambassador to Austria Olexander Scherba": the NER swallows the title's object into the name
        if len(ent) > 2 and ent.start > 0 and doc[ent.start - 1].lower_ in {"to", "of", "for"}:
            ent = doc[ent.start + 1:ent.end]
        return ent.text.removesuffix("’s").removesuffix("'s")
    words = [t for t in tokens if not (t.i == tokens[0].i and t.lower_ in {"the", "a", "an"})]
    # the words as written (their own spacing: "27-year-old", not "27 - year - old"), on one line
    name = re.sub(r"\s+", " ", "".join(t.text_with_ws for t in words)).strip() if words else text
    name = re.sub(r"\s+([’'],?s\b|[,.)])", r"\1", name).replace("( ", "(")
    name = re.sub(r",(\s*,)+", ",", name).strip(" ,;:")  # the commas around a clause left out: "mayor,,"
    alias = ALIASES.get(name.lower())
    return alias or name


def _ents_within(doc: Doc, start: int, end: int, label: str) -> list[SpacySpan]:
    """The ``label`` entities lying wholly inside tokens ``start:end`` (as plain slices), read off the tokens'
    IOB tags: ``doc.ents`` walks the whole document on every access."""
    out = []
    k = start
    while k < end:
        t = doc[k]
        if t.ent_iob_ == "B":
            j = k + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= end and t.ent_type_ == label:
                out.append(doc[k:j])
            k = j
        else:
            k += 1
    return out


def _conj_names(obj: Token) -> list[str]:
    """"western officials and a video from an officer of X" -> ["western officials", "an officer of X"]."""
    conjs = list(obj.conjuncts)
    cut = {t.i for c in conjs for t in c.subtree} | {c.i for c in obj.children if c.dep_ == "cc"}
    own = [t for t in obj.subtree if t.i not in cut]
    names = [_join(own)] if obj.lower_ not in CHANNEL_NOUNS else []
    for c in conjs:
        if c.lower_ in CHANNEL_NOUNS or c.lemma_.lower() in CHANNEL_NOUNS:
            for prep in c.children:
                if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "of"}:
                    names += [_join(list(p.subtree)) for p in prep.children if p.dep_ == "pobj"]
        else:
            names.append(_join([t for t in c.subtree if t.dep_ != "cc"]))
    if obj.lower_ in CHANNEL_NOUNS and not names:
        names = [_join(own)]
    return names


def _join(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _person_name(head: Token) -> str | None:
    """"Former Ambassador to Austria Olexander Scherba" -> "Olexander Scherba": the proper-noun compounds
    written right before a proper-noun head, titles dropped."""
    if head.pos_ != "PROPN":
        return None
    start = head.i
    for j in range(head.i - 1, head.sent.start - 1, -1):
        t = head.doc[j]
        if t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i in range(j + 1, head.i + 1) and \
                t.ent_type_ not in {"GPE", "ORG", "NORP", "LOC"} and head.doc[j - 1].lower_ not in {"to", "of"}:
            start = j
        else:
            break
    words = [t.text for t in head.doc[start:head.i + 1]]
    if len(words) < 2:
        return None
    return _strip_titles(" ".join(words))


PERSON_TITLES = frozenset("""president minister ambassador spokesperson spokesman spokeswoman secretary
governor mayor senator commander chief deputy adviser advisor former general colonel lieutenant captain major
sergeant officer mr. mrs. ms. dr. sen. rep. gov. gen. col. lt. capt. sgt.""".split())


def _titled(head: Token) -> bool:
    """True when a title word stands within three tokens before the proper-noun run ending in ``head``."""
    if head.ent_type_ == "PERSON":
        return True
    run_start = head.i
    while run_start > head.sent.start and head.doc[run_start - 1].pos_ == "PROPN" and \
            head.doc[run_start - 1].ent_type_ not in {"GPE", "ORG", "NORP", "LOC"}:
        run_start -= 1
    j = run_start - 1
    while j >= head.sent.start and (head.doc[j].lower_ in {"to", "of", "the"} or
                                    head.doc[j].ent_type_ in {"GPE", "LOC", "NORP"}):
        j -= 1
    return j >= head.sent.start and head.doc[j].lower_ in PERSON_TITLES


def _same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return "\n" not in text[lo:hi]


def _clip_paragraph(text: str, span: tuple[int, int] | None, anchor: int) -> tuple[int, int] | None:
    """Keep a span inside the paragraph of ``anchor``: spaCy sentences can run over a line break."""
    if span is None:
        return None
    p_start = text.rfind("\n", 0, anchor) + 1
    p_end = text.find("\n", anchor)
    p_end = len(text) if p_end < 0 else p_end
    s, e = max(span[0], p_start), min(span[1], p_end)
    while s < e and text[s] in "“”\"' ,:\n":
        s += 1
    while e > s and text[e - 1] in "“”\"' ,:\n":
        e -= 1
    return (s, e) if e > s else None


def find_rule_attributions(doc: Doc, quotes: list[tuple[int, int]]) -> list[Found]:
    """Every attribution the rules find in ``doc``, in text order."""
    forms = load_cue_forms()
    text = doc_text(doc)
    found: list[Found] = []
    has_dep = doc.has_annotation("DEP")
    for sent in doc.sents:
        if has_dep:
            found += _verb_cues(sent, text, forms, quotes)
            found += _according_to(sent, text)
        found += _agentless(sent, text, found)
    found += [f for f in _dash_credits(text, quotes) + _colon_speakers(text)
              if not any(_spans_overlap(f.content, g.content) for g in found)]
    found.sort(key=lambda f: f.content[0])
    return found


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_NAME = r"[A-Z][\w.’'\-]*(?: (?:[A-Z][\w.’'\-]*|de|da|del|van|von|la|le))*"
_DASH_CREDIT = re.compile(r"[ \t\u00a0]*([―—–])[ \t\u00a0]*(" + _NAME + r")[ \t\u00a0.]*(?=\n|$)")
_COLON_SPEAKER = re.compile(r"^([“\"]?)(" + _NAME + r"):[ \t\u00a0]+(?=\S)", re.MULTILINE)
_NOT_SPEAKERS = frozenset("""update updated note editor’s editor's watch read related photo photos video source
sources correction clarification see also more listen caption credit image images q a warning disclaimer
subscribe follow contact email tags topics advertisement sponsored breaking live key latest notice""".split())


def _dash_credits(text: str, quotes: list[tuple[int, int]]) -> list[Found]:
    """A quotation credited after a dash at the end of its line: "“We will vote.” ― Ana Ruiz"."""
    out = []
    for qs, qe in quotes:
        close = qe + 2 if text.startswith("''", qe) else (qe + 1 if qe < len(text) and text[qe] in "”\"’'" else qe)
        m = _DASH_CREDIT.match(text, close)
        if m is None or len(m.group(2).split()) > 5:
            continue
        start = qs - 2 if qs > 1 and text[qs - 2:qs] == "''" else (qs - 1 if qs > 0 and text[qs - 1] in "“\"‘'”" else qs)
        out.append(Found((m.start(1), m.end(1)), (start, close), (m.start(2), m.end(2)), m.group(2).rstrip("."),
                         "dash_credit", "say"))
    return out


def _colon_speakers(text: str) -> list[Found]:
    """A line led by a capitalised name and a colon: transcripts ("PENCE: Well, ...") and headlines
    ("Pat Caddell: Voters Are Worried"). The name is the source, the colon the cue, the rest of the line the
    content."""
    out = []
    for m in _COLON_SPEAKER.finditer(text):
        name = m.group(2)
        words = name.split()
        if len(words) > 6 or words[0].lower().rstrip(".") in _NOT_SPEAKERS or name.lower() in _NOT_SPEAKERS \
                or words[-1].lower() in _NOT_SPEAKERS:  # "Delegate Update:", "Monday's Morning Email:"
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        content = (m.end(), end)
        while content[1] > content[0] and text[content[1] - 1] in " \t\u00a0\"”":
            content = (content[0], content[1] - 1)
        if content[1] - content[0] < 3 or not any(ch.isalpha() for ch in text[content[0]:content[1]]):
            continue  # a tally ("Ana Ruiz: 1,769.") says nothing
        colon = m.end(2)
        out.append(Found((colon, colon + 1), content, (m.start(2), m.end(2)), name, "colon_speaker", "say"))
    return out


def _verb_cues(sent: SpacySpan, text: str, forms: frozenset[str], quotes: list[tuple[int, int]]) -> list[Found]:
    out = []
    for tok in sent:
        if not is_cue_token(tok, forms):
            continue
        subjs = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        subj = subjs[0] if subjs else None
        if len(subjs) > 1 and NEAREST_SUBJECT:
            # "9:30 p.m.  Donald Trump says ...": a time line parsed as a second subject; the subject in the
            # verb's paragraph nearest to it
            near = [c for c in subjs if _same_paragraph(text, c.idx, tok.idx)]
            subj = min(near or subjs, key=lambda c: abs(tok.i - c.i))
        if subj is None and tok.dep_ in {"relcl", "advcl"}:
            continue
        if subj is None:
            continue
        if tok.dep_ == "xcomp" and tok.head.lemma_ in {"seem", "appear"}:
            continue
        lemma = tok.lemma_.lower()
        comp = next((c for c in tok.children if (c.dep_ == "ccomp" or
                     (c.dep_ == "xcomp" and lemma in XCOMP_CUES)) and _same_paragraph(text, c.idx, tok.idx)),
                    None)
        if lemma == "continue" and comp is not None:
            comp = None
        content = _content_span(comp, text) if comp is not None else None
        if content is not None:
            # "“This is one. This is two,” said X": the parse gives the quote's last sentence as the clause;
            # a clause wholly inside a quotation that the cue stands outside of means the whole quotation
            q = next(((qs, qe) for qs, qe in quotes if qs <= content[0] and content[1] <= qe
                      and not qs <= tok.idx < qe), None)
            if q is not None:
                content = q
        pattern = "verb+ccomp"
        if content is None:
            content = _adjacent_quote(tok, subj, text, quotes)
            pattern = "verb+quote"
        if content is None and tok.dep_ == "parataxis" and subj.dep_ == "nsubj" and tok.head.i != tok.i \
                and not (DISCOURSE_MARKERS and (subj.lower_, tok.lower_) in _DISCOURSE_MARKERS):
            # a parenthetical speaker: "Too often, he said, the debate is ..." -- the content is the clause the
            # speaker interrupts, on both sides of it (PolNeAR: one discontinuous content)
            content = _span_of(list(tok.head.subtree))
            pattern = "parenthetical"
        if content is None:
            continue
        src_tok = subj
        is_pron = subj.lower_ in PRONOUNS
        if subj.lower_ in RELATIVE:
            ante = _antecedent(subj)
            if ante is None:
                continue
            src_tok, is_pron = ante, False
        src_tokens = _source_tokens(src_tok) if subj.lower_ not in RELATIVE else _np_tokens(src_tok)
        # a relative subject is the source's span ("officials who said ...": "who"), as PolNeAR draws it (on
        # train, of the gold cues whose subject is who / which / that, the source is the pronoun 389 times, the
        # noun it stands for 21); the name still comes from that noun
        span_tokens = _source_tokens(src_tok, relcl=True) if subj.lower_ not in RELATIVE else [subj]
        # passives ("was told by X") keep the agent as source when there is one
        if subj.dep_ == "nsubjpass":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None:
                continue
            src_tokens, is_pron = list(pobj.subtree), pobj.lower_ in PRONOUNS
            span_tokens = src_tokens
        src_tokens = [t for t in src_tokens if _same_paragraph(text, t.idx, tok.idx)]
        src_span = _span_of([t for t in span_tokens if _same_paragraph(text, t.idx, tok.idx)])
        content = _clip_paragraph(text, content, tok.idx)
        if content is None:
            continue
        cue_span = cue_extent(tok)
        name = None if is_pron else normalise_source(src_tokens)
        named = _NAMED.search(_join([t for t in src_tok.subtree if t.i < tok.i]))
        if named and not is_pron:  # "a medic named Taras": the relative/participial clause holds the name
            name = named.group(1)
        out.append(Found(cue_span, content, src_span, name, pattern, tok.lemma_.lower(), is_pron, tok.i))
    return out


# Round 12: of several subjects the parse gives a cue verb, the one in its paragraph nearest to it.
NEAREST_SUBJECT = True

_CUE_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
# a verb's particle right after it belongs to the cue ("pointed out"), as PolNeAR draws it (round 10)
CUE_PARTICLE = True
# "…, you know, …", "…, I mean, …": discourse markers, not a parenthetical speaker (round 10)
DISCOURSE_MARKERS = True
_DISCOURSE_MARKERS = frozenset({("you", "know"), ("i", "mean"), ("i", "guess"), ("you", "see")})
_NOT_CUE_ADVERBS = frozenset({"when", "where", "how", "why", "then", "so", "thus", "however", "therefore"})


def cue_extent(tok: Token) -> tuple[int, int]:
    """The characters of a verb cue as PolNeAR draws it: with the auxiliaries, negation and adverbs written
    right before the verb ("has also said", "did not say", "is now claiming") and a colon right after it
    ("said:"). Counted on PolNeAR train: "has" stands inside a cue 378 times and just before one 4 times,
    "also" 182 / 10, "not" 129 / 2; a colon right after a cue is inside it 212 times, outside 12."""
    doc = tok.doc
    lo = tok.i
    while lo - 1 >= tok.sent.start:
        prev = doc[lo - 1]
        if prev.head.i != tok.i or prev.is_space:
            break
        if prev.dep_ in _CUE_AUX_DEPS or (prev.dep_ == "advmod" and prev.tag_ == "RB" and
                                          prev.lower_ not in _NOT_CUE_ADVERBS):
            lo -= 1
        else:
            break
    end = tok.idx + len(tok.text)
    nxt = tok.i + 1
    if CUE_PARTICLE and nxt < len(doc) and doc[nxt].dep_ == "prt" and doc[nxt].head.i == tok.i:
        end = doc[nxt].idx + len(doc[nxt].text)  # "pointed out", "laid out"
        nxt += 1
    if nxt < len(doc) and doc[nxt].text == ":" and doc[nxt].idx == end:
        end += 1
    return doc[lo].idx, end


def _np_tokens(tok: Token) -> list[Token]:
    """A noun with its left modifiers (det, amod, compound, poss): the noun phrase before a relative pronoun."""
    left = [t for t in tok.lefts if t.dep_ in {"det", "amod", "compound", "poss", "nummod", "case"}]
    start = min([tok.i] + [t.left_edge.i for t in left])
    return list(tok.doc[start:tok.i + 1])


def _adjacent_quote(tok: Token, subj: Token, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation right before the clause ("“…,” he said") or right after the cue ("said: “…”")."""
    clause_start = min(tok.i, subj.left_edge.i)
    cs = tok.doc[clause_start].idx
    ce = tok.idx + len(tok.text)
    for qs, qe in quotes:
        gap_before = text[qe:cs]
        if qe <= cs and len(gap_before) <= 4 and not re.search(r"\w", gap_before):
            return qs, qe
        gap_after = text[ce:qs]
        if qs >= ce and len(gap_after) <= 4 and not re.search(r"\w", gap_after):
            return qs, qe
    return None


def _according_to(sent: SpacySpan, text: str) -> list[Found]:
    out = []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.doc[tok.i + 1].lower_ != "to":
            continue
        to = tok.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = max(pobj.right_edge.i, to.i)
        src_tokens = [t for t in pobj.subtree]
        cue_span = (tok.idx, to.idx + len(to.text))
        if tok.i <= sent.start + 1:  # "According to X, content."
            rest = [t for t in sent if t.i > phrase_end]
        else:  # "content, according to X."
            rest = [t for t in sent if t.i < tok.i]
        content = _span_of(rest)
        if content is None:
            continue
        is_pron = pobj.lower_ in PRONOUNS
        content = _clip_paragraph(text, content, tok.idx)
        if content is None:
            continue
        name = None if is_pron else normalise_source(src_tokens)
        out.append(Found(cue_span, content, _span_of(src_tokens), name, "according_to", "according to",
                         is_pron, tok.i))
    return out


def _agentless(sent: SpacySpan, text: str, found: list[Found]) -> list[Found]:
    """Reporting distance with nobody named: "were reported to be destroyed", "reportedly shifting"."""
    out = []
    s_start, s_end = sent.start_char, sent.end_char
    for m in _AGENTLESS.finditer(text, s_start, s_end):
        if any(f.content[0] <= m.start() < f.content[1] or (f.cue and f.cue[0] <= m.start() < f.cue[1])
               for f in found):
            continue
        content = _span_of([t for t in sent if not (m.start() <= t.idx < m.end())])
        if content is None:
            continue
        out.append(Found((m.start(), m.end()), content, None, None, "agentless",
                         m.group(0).lower().split()[-2] if " " in m.group(0) else m.group(0).lower()))
    return out
