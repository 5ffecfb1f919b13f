"""settings.footnote_breaks: "... near Lozove.[44] Russian troops ..." is two sentences, and "Lozove" a word."""

from __future__ import annotations

import pytest
import spacy

from sitreps.footnotes import COMPONENT, add_footnote_breaks
from sitreps.nlp import load_nlp

pytestmark = pytest.mark.slow

TEXT = ("Rebel units attacked Pavlivka, about 25 km from the border.[42] Government troops shelled Vremivka on "
        "Monday.[43]Militia fighters repelled an assault near Lozove.[44] The command said nothing else.[45][46] "
        "See the map (Figure [3]).")


def test_footnote_markers_are_split_from_the_words_before_and_after():
    nlp = spacy.blank("en")
    add_footnote_breaks(nlp)
    words = [t.text for t in nlp(TEXT)]
    for piece in (["border", ".", "[42]", "Government"], ["Monday", ".", "[43]", "Militia"],
                  ["Lozove", ".", "[44]", "The"], ["else", ".", "[45]", "[46]", "See"]):
        i = words.index(piece[0])
        assert words[i:i + len(piece)] == piece
    assert words[-7:] == ["(", "Figure", "[", "3", "]", ")", "."]  # a bracketed number inside a sentence


def test_footnote_breaks_leave_text_without_markers_as_spacy_tokenizes_it():
    plain, ours = spacy.blank("en"), spacy.blank("en")
    add_footnote_breaks(ours)
    for text in ("Shelling hit Kharkiv on Saturday.[Update: 3 dead] The U.S. said so.",
                 "Prices rose 3.5% (a record) in Q3; see [the report] at example.org/a[b].",
                 "“We held the line,” he said. [Photo: AP]"):
        assert [t.text for t in plain(text)] == [t.text for t in ours(text)]


def test_footnote_breaks_end_sentences_in_the_loaded_pipeline(settings, nlp):
    assert nlp.pipe_names.index(COMPONENT) == nlp.pipe_names.index("parser") - 1  # on by default
    sents = [s.text.strip() for s in nlp(TEXT).sents]
    assert sents[:4] == ["Rebel units attacked Pavlivka, about 25 km from the border.[42]",
                         "Government troops shelled Vremivka on Monday.[43]",
                         "Militia fighters repelled an assault near Lozove.[44]",
                         "The command said nothing else.[45][46]"]
    off = load_nlp(settings.replace(footnote_breaks=False))
    assert COMPONENT not in off.pipe_names
    assert len(list(off(TEXT).sents)) < 4


def test_footnote_breaks_give_each_reported_event_its_own_sentence(pipeline, make_article):
    text = ("The General Staff reported that government forces repelled an assault near Dovhenke on June 3.[12] "
            "Rebel forces shelled Bohorodychne on June 3.[13] Militia units captured Dolyna on June 3.[14]")
    events = pipeline.extract(make_article(text)).events
    assert len(events) >= 2
    assert all(e.evidence.text.count("[") <= 1 for e in events)
