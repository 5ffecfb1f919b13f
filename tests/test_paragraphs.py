"""settings.paragraph_breaks: a headline or credit line is not glued to the paragraph after it."""

from __future__ import annotations

import pytest
import spacy

from sitreps.nlp import load_nlp
from sitreps.paragraphs import COMPONENT, paragraph_breaks

pytestmark = pytest.mark.slow

TEXT = ("Drones hit fuel depot near Poltava\n\n"
        "Olena Marchenko/Example Wire\n\n"
        "The regional governor said on Monday that the fire was out.\n\n"
        "He added:\n\n"
        "“Nobody was hurt.”")


def _first_after(doc, words: str):
    i = doc.text.index(words) + len(words)
    return next(t for t in doc if t.idx >= i and not t.is_space)


def test_paragraph_breaks_mark_starts_after_headlines_and_credits_only():
    doc = paragraph_breaks(spacy.blank("en")(TEXT))
    assert _first_after(doc, "Poltava").is_sent_start is True
    assert _first_after(doc, "Example Wire").is_sent_start is True
    assert _first_after(doc, "the fire was out.").is_sent_start is None  # left to the parser
    assert _first_after(doc, "He added:").is_sent_start is None  # the quotation goes on from the colon


def test_paragraph_breaks_in_the_loaded_pipeline(settings, nlp):
    with_breaks = load_nlp(settings.replace(paragraph_breaks=True))
    assert with_breaks.pipe_names.index(COMPONENT) == with_breaks.pipe_names.index("parser") - 1
    heads = [s.text.strip() for s in with_breaks(TEXT).sents]
    assert heads[0] == "Drones hit fuel depot near Poltava"
    assert not any("Poltava" in s and "Olena" in s for s in heads)
    assert COMPONENT not in nlp.pipe_names  # off by default
