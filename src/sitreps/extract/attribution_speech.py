"""Attribution step "speech": is a claim something someone *says* or *thinks*, or an *act or intention*?

PolNeAR, the evaluation set of issue #4, annotates acts and intentions ("supports", "refused", "voted to
authorize", "plans to", "wants") as attributions alongside speech and thought ("said", "according to",
"believes", "a video shows"). Dropping them would lower the PolNeAR score, and analysts reading war news
do not count them as claims. So every claim is kept and :func:`mark_speech` sets :attr:`Claim.speech`: True
for speech, writing, reports, thought, belief, estimates, showing and indicating; False for acts and
intentions, so readers can filter (``sitreps show`` tags them "act", the API takes ``speech=``). The flag
changes no span and drops no claim.

The decision, per claim, cheapest test first:

1. no cue (a quotation continuing a speaker, the outlet's own voice): speech;
2. the content is quoted (``direct``, or it lies inside a quotation): speech;
3. the cue is "according to", a colon, or names a channel or an utterance ("statement", "report",
   "claims", "allegations"): speech;
4. a cue with "will" (what someone will do or say: an intention) or a passive "seen" ("is seen as",
   "were seen marked with": nobody is said to say it) is an act;
5. otherwise the cue's words are read in order, skipping auxiliaries, adverbs and aspectual verbs
   ("continued to claim", "has repeatedly said"); the first word that is a saying / thinking verb or noun
   decides speech, the first act or intention verb ("supports", "refused", "voted", "wants", "plans",
   "decided", "signed", "agree to") decides act. Light verbs ("made a reference", "issued a warning",
   "delivering [his remarks]") pass the decision to the nouns after them; a cue of aspectual verbs alone
   ("is continuing") to the verb after it in the text;
6. a cue none of whose words decides: speech when one of its words is a reporting or hedging adverb
   ("reportedly", "allegedly", "likely") or a form of the GGT reporting-verb list the lexicon ships
   (:func:`attribution_lexicon.load_cue_forms`), act otherwise ("will enjoy", "ran").

Word lists, not a model, for the reasons :mod:`attribution_lexicon` gives; each word was decided with a
sentence of our own (``tests/extract/test_attribution_speech.py``). Only dictionary look-ups per claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..doctext import doc_text
from .attribution_lexicon import CUE_LEMMAS, HEDGES, REPORTING, load_cue_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Claim

# Verbs of saying, writing, reporting, thinking, believing, estimating, showing and indicating; demands and
# commitments are speech acts too ("called for", "urged", "pledged", "vowed", "threatened"). The lexicon's
# CUE_LEMMAS are all speech here ("agreed that ..."; "agreed to ..." is the act of _ACT_BEFORE).
SPEECH_VERBS: frozenset[str] = CUE_LEMMAS | frozenset("""
accept acclaim advise assure clarify comment convince decry declaim demonstrate denounce describe disclaim
dispute exclaim highlight illustrate preach present proclaim rave reassert reassure reckon reconfirm remind
restate retell notify express voice
call demand urge appeal pledge swear threaten
condemn criticise blast slam brand label frame dub term characterize characterise portray
accuse blame justify welcome applaud hail commend thank congratulate apologize apologise lament regret
deplore protest object caution recommend propose request plead beg invite implore
speak talk discuss remark chat converse address debate
reaffirm affirm convey alert update outline detail specify summarize summarise
refer reference mention cite quote recall reminisce recount narrate
see view consider regard deem guess imagine wonder assume presume speculate anticipate foresee forecast
project envisage envision figure infer deduce realize realise recognize recognise notice learn discover
determine establish verify assess evaluate analyze analyse appear seem appreciate
clear unclear obvious evident certain uncertain sure unsure aware convinced confident
amplify echo spread circulate
hint imply signal signify mean reflect prove evidence reveal expose
document record depict capture feature display film photograph geolocate
concern query inquire enquire concede grant confess boast brag exclude
""".split())

# Nouns naming an utterance, a report or a thought: "his statement", "the claims", "allegations".
SPEECH_NOUNS: frozenset[str] = frozenset("""
statement communique communiqué briefing conference speech address announcement report assessment update
analysis bulletin study tweet post video footage clip interview blog message letter note memo cable
claim allegation accusation assertion remark comment word quote quotation testimony talks criticism
condemnation praise declaration objection assurance discussion speculation
warning threat promise pledge vow demand appeal call plea request proposal question answer reply
response denial rebuttal estimate estimation forecast prediction projection view opinion belief thought
concern fear hope doubt suspicion impression feeling sense attention
reference story article coverage headline editorial column account narrative rumor rumour
evidence data figure imagery image photo photograph document record transcript leak
""".split())

# Acts and intentions: doing, deciding, wanting, planning, supporting or opposing, taking part.
ACT_VERBS: frozenset[str] = frozenset("""
support back endorse oppose resist defend favor favour refuse decline balk vote elect decide choose
resolve opt want wish need desire like love enjoy admire hate dislike prefer plan intend aim seek
try attempt strive prepare plot scheme mobilize mobilise
sign ratify approve authorize authorise veto ban block bar forbid prohibit sanction order command direct
instruct allow permit let commit undertake engage
attack strike shell bomb hit kill fire launch invade capture seize occupy withdraw retreat advance
deploy supply fund finance pay buy sell ship transfer
arm train equip build destroy tear demolish damage repair restore
meet visit travel host convene attend join leave quit resign appoint nominate hire sack replace
become remain stay focus include involve contain
adopt implement introduce pass enact impose lift extend suspend halt stop cease end close open pursue
""".split())

# Nouns of an attitude to act, an intention or a decision: "an interest in", "popular support for".
ACT_NOUNS: frozenset[str] = frozenset("""
support opposition interest enthusiasm intention intent plan desire willingness readiness determination
commitment refusal decision bid effort attempt goal aim sign part vote
""".split())

# Verbs of time or phase that leave the decision to the verb after them ("continued to claim", "began to
# warn", "stopped coverage of"), and light verbs that leave it to the nouns after them ("made a reference
# to", "issued a warning", "held talks", "provided weapons").
ASPECT_VERBS: frozenset[str] = frozenset("continue keep begin start persist go".split())
LIGHT_VERBS: frozenset[str] = frozenset("make give issue send run deliver release take put raise offer share "
                                        "draw spell lodge file publish air post hold provide".split())
# A light verb with no noun after it in the cue still says something ("released", "posted", "published").
_LIGHT_ALONE_SPEECH: frozenset[str] = frozenset("issue release publish post air share raise spell".split())

# Verbs that are an act when a given word follows ("agree to the terms", "agreed on a ceasefire"; "hope to
# keep their jobs"; the form "known for its drones") and speech otherwise ("agreed that the plan was flawed",
# "hopes that talks resume", "knows for sure").
_ACT_BEFORE: dict[str, frozenset[str]] = {"agree": frozenset({"to", "on"}), "hope": frozenset({"to"})}
_ACT_BEFORE_FORM: dict[str, frozenset[str]] = {"known": frozenset({"for"})}

_SKIP_WORDS: frozenset[str] = frozenset("""
be is are was were been being am 's 're has have had having do does did done will would shall should can could
may might must not n't never also still just only already previously again further additionally notably fully
firmly publicly privately openly formally officially repeatedly reportedly allegedly likely unlikely probably
possibly apparently clearly explicitly quickly swiftly once even yet ever then now today yesterday later last
year week month to a an the his her their its our my your this that these those of in on at for with about by
from into against over as it there he she they we i you who which what all both each some any no so too very
more most less least quite rather really actually indeed genuinely genuine utterly lately recently soon
""".split())

_DISTANCE_WORDS: frozenset[str] = frozenset(REPORTING) | frozenset(HEDGES)

_IRREGULAR: dict[str, str] = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "knew": "know", "known": "know", "found": "find", "saw": "see", "seen": "see", "spoke": "speak",
    "spoken": "speak", "swore": "swear", "sworn": "swear", "drew": "draw", "drawn": "draw", "made": "make",
    "gave": "give", "given": "give", "sent": "send", "ran": "run", "took": "take", "taken": "take",
    "meant": "mean", "felt": "feel", "held": "hold", "left": "leave", "chose": "choose", "chosen": "choose",
    "began": "begin", "begun": "begin", "went": "go", "gone": "go", "became": "become", "sought": "seek",
    "tore": "tear", "torn": "tear", "struck": "strike", "fought": "fight", "bought": "buy", "sold": "sell",
    "understood": "understand", "taught": "teach", "built": "build", "kept": "keep", "let": "let",
    "undertook": "undertake", "undertaken": "undertake", "foresaw": "foresee", "foreseen": "foresee",
    "forbade": "forbid", "forbidden": "forbid", "shown": "show", "proven": "prove", "put": "put",
    "spelled": "spell", "spelt": "spell", "met": "meet", "quit": "quit", "hit": "hit", "data": "data",
    "news": "news", "analysis": "analysis", "thoughts": "thought", "claims": "claim",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|:")


@lru_cache(maxsize=4096)
def lemma_of(word: str) -> str:
    """The lemma of one lower-case word form, by the irregular table and English suffix rules, checked
    against the lists of this module (so "supporting" -> "support", "decried" -> "decry")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    known = _KNOWN
    if word in known:
        return word
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + repl
            if stem in known:
                return stem
            # a doubled consonant before the ending: "submitted", "planned", "vetting"
            if suffix in ("ed", "ing") and not repl and len(stem) > 2 and stem[-1] == stem[-2]:
                if stem[:-1] in known:
                    return stem[:-1]
    return word


_KNOWN: frozenset[str] = SPEECH_VERBS | SPEECH_NOUNS | ACT_VERBS | ACT_NOUNS | ASPECT_VERBS | LIGHT_VERBS


def _inside_quote(start: int, end: int, quotes: Sequence[tuple[int, int]]) -> bool:
    return any(qs <= start and end <= qe for qs, qe in quotes)


def cue_is_speech(cue: str, after: str = "") -> bool:
    """True when the words of ``cue`` (the cue's text) say that someone says or thinks; ``after`` is the text
    right after the cue ("agreed to" or "agreed that"; "continued" to what). See the module's rules 3 to 6."""
    low = cue.lower().replace("’", "'")
    stripped = low.strip()
    if stripped in ("", ":") or stripped.endswith(":") or "according to" in low:
        return True
    all_words = _WORD.findall(low)
    if "will" in all_words:  # what someone will do or say is an intention, not something said
        return False
    if _PASSIVE.search(low):  # "is seen as", "widely seen as", "were denied entry": nobody is said to say it
        return False
    after_words = _WORD.findall(after.lower().replace("’", "'"))[:6]
    decided = _decide(all_words, after_words)
    if decided is not None:
        return decided
    words = [w for w in all_words if w not in _SKIP_WORDS and w != ":"]
    if words and all(lemma_of(w) in ASPECT_VERBS for w in words):
        # "is continuing" [to institutionalize ...], "continued" [to claim ...]: the verb after decides
        return bool(_decide(after_words, []))
    # no word decided: a that-clause after the cue is a proposition someone holds ("celebrated that ...");
    # a reporting or hedging adverb ("reportedly", "allegedly", "likely") is someone's report or judgment;
    # otherwise a form of the GGT list
    if after_words[:1] == ["that"]:
        return True
    forms = load_cue_forms()
    return any((w in forms and lemma_of(w) not in ASPECT_VERBS) or w in _DISTANCE_WORDS for w in all_words)


_PASSIVE = re.compile(r"(?<!\bhave )(?<!\bhas )(?<!\bhad )\bseen\b"
                      r"|\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?denied\b")


def _decide(words: list[str], after_words: list[str]) -> bool | None:
    """The first deciding word of ``words`` (rule 4; ``after_words`` follow them in the text): True for
    speech, False for an act, None if no word decides."""
    for i, word in enumerate(words):
        if word in _SKIP_WORDS or word == ":":
            continue
        lemma = lemma_of(word)
        if lemma in ASPECT_VERBS:
            continue
        rest = words[i + 1:] or after_words
        if lemma in LIGHT_VERBS and lemma not in SPEECH_VERBS:
            nouns = [lemma_of(w) for w in [*words[i + 1:], *after_words][:6] if w not in _SKIP_WORDS]
            return _light(lemma, nouns)
        if word in _ACT_BEFORE_FORM:
            return not (rest and rest[0] in _ACT_BEFORE_FORM[word])
        if lemma in _ACT_BEFORE:
            return not (rest and rest[0] in _ACT_BEFORE[lemma])
        if lemma in SPEECH_VERBS or lemma in SPEECH_NOUNS:
            return True
        if lemma in ACT_VERBS or lemma in ACT_NOUNS:
            return False
    return None


def _light(verb: str, rest: list[str]) -> bool:
    """A light verb's decision: by the nouns after it ("made a clear reference to", "delivering [his
    remarks]": speech; "took part in": act), or by the verb alone when no word after it decides."""
    for lemma in rest:
        if lemma in SPEECH_NOUNS or lemma in SPEECH_VERBS:
            return True
        if lemma in ACT_NOUNS or lemma in ACT_VERBS:
            return False
    return verb in _LIGHT_ALONE_SPEECH


def _utterance_source(name: str) -> bool:
    """A source that is itself an utterance, a report or a record ("Unconfirmed estimates circulated by
    officials", "the ministry's statement", "A video posted on Telegram"): whatever its verb, what it carries is
    said, not done. The head noun is the last word before a participle or preposition ("estimates" in
    "estimates circulated by ..."), else the name's last word."""
    words = [w.lower().strip(".,’'\"“”") for w in name.split()]
    for i, w in enumerate(words):
        if i and (w in ("of", "by", "from", "in", "on", "at", "for", "with") or w.endswith("ed")):
            words = words[:i]
            break
    if not words:
        return False
    head = words[-1]
    return lemma_of(head) in SPEECH_NOUNS


def is_speech(claim: Claim, text: str, quotes: Sequence[tuple[int, int]]) -> bool:
    """The decision for one claim: see the module's docstring."""
    if claim.cue is None or claim.direct:
        return True
    if _inside_quote(claim.evidence.start, claim.evidence.end, quotes):
        return True
    if _utterance_source(claim.source.name):  # "estimates put the losses at ...", "the report links ..."
        return True
    after = text[claim.cue.end: claim.cue.end + 40] if text else ""
    return cue_is_speech(claim.cue.text, after)


def mark_speech(doc: Doc, claims: Iterable[Claim], quotes: Sequence[tuple[int, int]]) -> None:
    """Pipeline step: set ``claim.speech`` on every claim (False for an act or an intention)."""
    text = doc_text(doc)
    for claim in claims:
        claim.speech = is_speech(claim, text, quotes)
