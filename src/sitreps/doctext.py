"""A doc's text, built once per doc and shared by every stage.

spaCy's ``Doc.text`` joins every token's text on each access; the extraction stages read slices of the text
thousands of times per article (the attribution stage once spent most of its time there, the event stage's
heading test tripled its cost the same way). :func:`doc_text` keeps the string in ``doc.user_data``;
:func:`seed_doc_text` lets the pipeline hand over the article text it parsed, so not even the first access
rebuilds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEXT_KEY = "sitreps.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def seed_doc_text(doc: Doc, text: str) -> None:
    """Let :func:`doc_text` answer ``text`` (the article text the pipeline made ``doc`` from: spaCy's
    tokenizer keeps every character, so it equals ``doc.text``) without rebuilding it from the tokens. A text
    whose length does not match the doc's last token is ignored."""
    if _TEXT_KEY in doc.user_data or not len(doc):
        return
    last = doc[-1]
    if last.idx + len(last.text_with_ws) == len(text) and doc[0].idx == 0:
        doc.user_data[_TEXT_KEY] = text
