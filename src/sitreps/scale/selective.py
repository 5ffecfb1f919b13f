"""Selective parsing: run spaCy's expensive components only on the sentences that need them.

Why: on this machine spaCy's small English pipeline does about 3 k words per CPU-second while its tokenizer
alone does well over 100 k. Most of the cost is tok2vec + parser + NER (see docs/BENCHMARKS.md for the split).
A cheap rule-based sentence splitter and a cheap scan decide, sentence by sentence, what each one needs:

* ``full``  - every component (tok2vec, tagger, parser, attribute_ruler, lemmatizer, NER): sentences with a
  reporting cue, an event trigger, a quote mark, or a word a stage asked for (``parse_cues``);
* ``ner``   - NER only (it carries its own tok2vec in en_core_web_sm): sentences with a capitalised word
  past the first, a digit or a number word, but no cue;
* ``none``  - tokens and sentence starts only.

Adjacent sentences of the same tier are processed together as one run so the parser and NER see the same
context they would in the full text; the annotations of every run are copied back into one ``Doc`` over the
whole text, so ``doc.text == text`` and token boundaries are the tokenizer's on the full text.

Stages steer the scan without any change to the stage interface: a stage object may carry

* ``parse_cues``: iterable of lower-case words or phrases whose sentences need a full parse, and
* ``needs``: a set among ``{"parser", "ner", "tagger", "lemma"}``; when no loaded stage declares ``needs``
  every component is assumed to be needed (the safe default).

The policy is chosen by ``settings.extra["selective_policy"]``: ``"tiers"`` (default, as above) or
``"cues"`` (only ``full`` and ``none``: every sentence with any cue, capital or number is fully parsed -
slower, closest to the full parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

import numpy
from numpy.typing import NDArray

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..extract.registry import Resources, Stage
    from ..settings import Settings

FULL, NER, NONE = 2, 1, 0
POLICIES = ("tiers", "cues")

# Words that make a sentence need the parser: reporting cues (who says so) and event triggers (what happened).
# Inflected forms are listed because the scan runs before any lemmatiser.
DEFAULT_CUES: frozenset[str] = frozenset("""
say says said saying tell tells told report reports reported reporting claim claims claimed claiming
state states stated statement announce announced announces confirm confirmed confirms deny denied denies
accuse accused accuses add added adds note noted notes warn warned warns write wrote written post posted
tweet tweeted show showed shown shows indicate indicated indicates suggest suggested suggests assess assessed
assesses estimate estimated estimates according reportedly allegedly likely unlikely appear appears appeared
believe believed believes expect expected alleged allege acknowledge acknowledged admitted admit
attack attacks attacked attacking assault assaulted offensive counteroffensive counterattack counterattacks
strike strikes struck striking shell shelled shelling shells bomb bombed bombing bombs airstrike airstrikes
missile missiles rocket rockets drone drones artillery fire fired firing explosion explosions exploded
kill killed kills killing dead died death deaths wound wounded injured injuring casualties casualty
capture captured captures seize seized seizes take took taken retake retook retaken recapture recaptured
liberate liberated occupy occupied control controlled withdraw withdrew withdrawn retreat retreated
advance advanced advances advancing push pushed repel repelled repulsed encircle encircled surround surrounded
destroy destroyed destroys damage damaged shoot shot downed intercept intercepted sink sank sunk
fight fighting fought clash clashes clashed battle battles protest protests protested riot riots arrest
arrested detain detained abduct abducted execute executed massacre evacuate evacuated flee fled displaced
raid raided ambush ambushed mine mined landmine sabotage loot looted burn burned
""".split())
QUOTES = frozenset('"“”‘’«»')
NUMBER_WORDS: frozenset[str] = frozenset("""
one two three four five six seven eight nine ten eleven twelve dozen dozens twenty thirty forty fifty sixty
seventy eighty ninety hundred hundreds thousand thousands million millions billion half several few
first second third fourth fifth january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
week weeks month months year years day days
""".split())
# Words ending a sentence-final "." that do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset("""
mr mrs ms dr gen lt col maj capt sgt adm cmdr st no nos vs etc approx jan feb mar apr jun jul aug sep sept
oct nov dec u.s u.k e.g i.e lt.gen maj.gen brig inc ltd co corp jr sr prof gov sen rep
""".split())

_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*\s+(?=[^\sa-z])|\n\s*""")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ANNOTATIONS = ("TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID")
_COMPONENTS_FOR_NEED = {
    "parser": ("tok2vec", "tagger", "sitreps_paragraph_breaks", "parser"),
    "tagger": ("tok2vec", "tagger", "attribute_ruler"),
    "lemma": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "ner": ("ner",),
}


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start, by rule: cheap, no model.

    A sentence ends at ``. ! ?`` (with closing quotes or brackets) followed by whitespace and a character that
    is not a lower-case letter, unless the word before is a known abbreviation; a newline always ends one.
    """
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if m.group(0)[0] == ".":
            w = text.rfind(" ", 0, m.start()) + 1
            word = text[w:m.start()].lower().lstrip("(\"'“")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        if end > starts[-1]:
            starts.append(end)
    return starts


def scan_sentence(sentence: str, cues: frozenset[str], phrases: tuple[str, ...]) -> int:
    """The tier a sentence needs (FULL, NER or NONE), from its words alone."""
    words = _WORD.findall(sentence)
    has_entity_hint = False
    for i, w in enumerate(words):
        low = w.lower()
        if low in cues:
            return FULL
        if not has_entity_hint and ((i > 0 and w[0].isupper()) or low in NUMBER_WORDS):
            has_entity_hint = True
    if any(c in QUOTES for c in sentence):
        return FULL
    if phrases:
        low_sentence = sentence.lower()
        if any(p in low_sentence for p in phrases):
            return FULL
    if has_entity_hint or any(c.isdigit() for c in sentence):
        return NER
    return NONE


class SelectiveDocMaker:
    """``(texts) -> docs``: one Doc per text with parser/NER annotations only where the scan asked for them."""

    def __init__(self, nlp: Language, *, cues: Iterable[str] = DEFAULT_CUES, needs: set[str] | None = None,
                 policy: str = "tiers", batch_size: int = 64) -> None:
        if policy not in POLICIES:
            raise ConfigError(f"selective_policy {policy!r} is unknown; use one of {', '.join(POLICIES)}")
        self.nlp = nlp
        cue_set = {c.lower() for c in cues}
        self.cues = frozenset(c for c in cue_set if " " not in c)
        self.phrases = tuple(sorted(c for c in cue_set if " " in c))
        self.policy = policy
        self.batch_size = batch_size
        names = list(nlp.pipe_names)
        if needs is None:
            full = names
        else:
            wanted = {c for need in needs for c in _COMPONENTS_FOR_NEED.get(need, (need,))}
            full = [n for n in names if n in wanted]
        self.full_disable = [n for n in names if n not in full]
        self.ner_disable = [n for n in names if n != "ner"]
        self.ner_available = "ner" in full
        self.stats = {"sentences": 0, FULL: 0, NER: 0, NONE: 0}
        from spacy.attrs import IDS

        self._attrs = [IDS[a] for a in _ANNOTATIONS]
        self._sent_start = IDS["SENT_START"]

    def tiers(self, text: str) -> list[tuple[int, int, int]]:
        """``(start_char, end_char, tier)`` for each rule-based sentence of ``text``."""
        starts = sentence_starts(text)
        bounds = starts + [len(text)]
        out = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            tier = scan_sentence(text[a:b], self.cues, self.phrases)
            if self.policy == "cues" and tier == NER:
                tier = FULL
            if tier == NER and not self.ner_available:
                tier = NONE
            out.append((a, b, tier))
        return out

    def __call__(self, texts: list[str]) -> list[Doc]:
        docs = [self.nlp.make_doc(t) for t in texts]
        plans = []  # per doc: list of (tok_start, tok_end, tier) runs, and token sentence starts
        full_jobs: list[Doc] = []
        ner_jobs: list[Doc] = []
        for doc, text in zip(docs, texts, strict=True):
            runs, starts = self._plan(doc, text)
            for a, b, tier in runs:
                if tier == FULL:
                    full_jobs.append(doc[a:b].as_doc())
                elif tier == NER:
                    ner_jobs.append(doc[a:b].as_doc())
            plans.append((runs, starts))
        full_done = iter(self.nlp.pipe(full_jobs, batch_size=self.batch_size, disable=self.full_disable))
        ner_done = iter(self.nlp.pipe(ner_jobs, batch_size=self.batch_size, disable=self.ner_disable))
        for doc, (runs, starts) in zip(docs, plans, strict=True):
            self._assemble(doc, runs, starts, full_done, ner_done)
        return docs

    def _plan(self, doc: Doc, text: str) -> tuple[list[tuple[int, int, int]], NDArray[numpy.bool_]]:
        """Map rule-based sentences to token ranges and merge neighbours of the same tier into runs."""
        n = len(doc)
        starts = numpy.zeros(n, dtype=bool)
        if n == 0:
            return [], starts
        tok_idx = numpy.fromiter((t.idx for t in doc), dtype=numpy.int64, count=n)
        runs: list[tuple[int, int, int]] = []
        for a_char, _b, tier in self.tiers(text):
            a = int(numpy.searchsorted(tok_idx, a_char, side="left"))
            if a >= n:
                break
            # a whitespace token that only separates sentences belongs to the previous one
            while a < n - 1 and doc[a].is_space:
                a += 1
            if runs and a <= runs[-1][0]:
                runs[-1] = (runs[-1][0], runs[-1][1], max(runs[-1][2], tier))
                continue
            starts[a] = True
            if runs:
                runs[-1] = (runs[-1][0], a, runs[-1][2])
            runs.append((a, n, tier))
        starts[0] = True
        merged: list[tuple[int, int, int]] = []
        for a, b, tier in runs:
            if merged and merged[-1][2] == tier:
                merged[-1] = (merged[-1][0], b, tier)
            else:
                merged.append((a, b, tier))
        self.stats["sentences"] += len(runs)
        for _a, _b, tier in runs:
            self.stats[tier] += 1
        return merged, starts

    def _assemble(self, doc: Doc, runs: list[tuple[int, int, int]], starts: NDArray[numpy.bool_],
                  full_done: Any, ner_done: Any) -> None:
        """Copy each processed run's annotations into ``doc``; unprocessed runs keep rule sentence starts."""
        n = len(doc)
        if n == 0:
            return
        arr = numpy.zeros((n, len(self._attrs)), dtype=numpy.uint64)
        parsed = numpy.zeros(n, dtype=bool)
        for a, b, tier in runs:
            if tier == FULL:
                sub = next(full_done)
                parsed[a:b] = sub.has_annotation("DEP")
            elif tier == NER:
                sub = next(ner_done)
            else:
                continue
            arr[a:b] = sub.to_array(self._attrs)
        doc.from_array(self._attrs, cast(Any, arr))
        # from_array recomputed sentence starts from the heads of the parsed runs; elsewhere use the rules.
        current = doc.to_array([self._sent_start]).astype(numpy.int64)
        rule = numpy.where(starts, 1, -1).astype(numpy.int64)
        merged = numpy.where(parsed, current, rule)
        for a, _b, _tier in runs:  # every run starts a sentence
            merged[a] = 1
        doc.from_array([self._sent_start], cast(Any, merged.astype(numpy.uint64).reshape(-1, 1)))


def stage_cues(stages: Iterable[Stage]) -> tuple[set[str], set[str] | None]:
    """Union of the ``parse_cues`` and ``needs`` the loaded stages declare (``needs`` None: not declared)."""
    cues: set[str] = set()
    needs: set[str] | None = None
    for stage in stages:
        cues.update(c.lower() for c in getattr(stage, "parse_cues", ()) or ())
        declared = getattr(stage, "needs", None)
        if declared is not None:
            needs = (needs or set()) | set(declared)
    return cues, needs


def make_selective_doc_maker(settings: Settings, resources: Resources,
                             stages: list[Stage]) -> Callable[[list[str]], list[Doc]]:
    """Called by :func:`sitreps.pipeline.load_pipeline` when ``settings.selective_parse`` is true."""
    cues, needs = stage_cues(stages)
    policy = str(settings.extra.get("selective_policy", "tiers"))
    return SelectiveDocMaker(resources.nlp, cues=DEFAULT_CUES | cues, needs=needs, policy=policy,
                             batch_size=settings.batch_size)
