"""Footnote markers end sentences: "... southeast of Bakhmut.[12] Russian forces ...".

Think-tank assessments (ISW's daily reports among them) put a bracketed note number straight after a
sentence's full stop, with or without a space after it. spaCy's English tokenizer keeps "Bakhmut.[12" as one
token (and "Monday.[43]Ukrainian" as one), so the place name is lost to the tagger and the parser runs every
paragraph into one sentence: an ISW paragraph of six reports became one sentence with one event. This module
teaches the tokenizer to split a ``[n]`` marker (and the full stop before it) off its neighbours, and marks
the token after a marker that follows sentence-final punctuation as a sentence start (the parser keeps the
starts it finds set). Text without a ``[digits]`` marker is tokenized and parsed exactly as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "sitreps_footnote_breaks"
_MARKER = r"\[\d{1,3}\]"
_IS_MARKER = re.compile(rf"^{_MARKER}$")
_ENDS = frozenset({".", "!", "?", "”", '"', "’", "'", ")"})


def _marker(text: str) -> bool:
    return text[:1] == "[" and _IS_MARKER.match(text) is not None


def footnote_breaks(doc: Doc) -> Doc:
    """After sentence-final punctuation, ``[n]`` markers belong to the sentence they close (no sentence
    starts at them) and the next word starts a sentence."""
    n = len(doc)
    i = 1
    while i < n - 1:
        if _marker(doc[i].text) and doc[i - 1].text in _ENDS:
            j = i
            while j < n and (_marker(doc[j].text) or (doc[j].is_space and j > i)):
                doc[j].is_sent_start = False
                j += 1
            if j < n and not doc[j].is_punct:
                doc[j].is_sent_start = True
            i = j
        i += 1
    return doc


def add_footnote_breaks(nlp: Language) -> None:
    """Split ``[n]`` markers in ``nlp``'s tokenizer and put the sentence-start component before its parser."""
    from spacy.language import Language
    from spacy.util import compile_infix_regex, compile_suffix_regex

    if COMPONENT in nlp.pipe_names:
        return
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    if not isinstance(tok, Tokenizer):
        return  # a custom tokenizer: leave it as it is
    suffixes: list[Any] = [_MARKER, *(nlp.Defaults.suffixes or ())]
    tok.suffix_search = compile_suffix_regex(suffixes).search
    infixes: list[Any] = [_MARKER, r"(?<=[A-Za-z0-9)”\"])[.!?](?=\[\d)", *(nlp.Defaults.infixes or ())]
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" not in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=footnote_breaks)
    nlp.add_pipe(COMPONENT, before="parser")
