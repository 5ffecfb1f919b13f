"""A sentence never runs across a blank line.

spaCy's parser decides sentence boundaries from the parse, and in scraped news a line without a full stop - a
headline, a photo credit, a "See also" link - is glued to the paragraph after it: "Jane Doe/AP\\n\\nKyiv
residents queued for water" became one sentence whose subject was the photographer. A blank line is the
writer's own boundary, so this component (run before the parser, which keeps the sentence starts it finds set)
marks the first token after every blank line as a sentence start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "sitreps_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a blank line when the paragraph before it ends in a
    letter, a digit or a closing bracket: a headline, a credit, a label. A paragraph ending in a full stop or
    a closing quote is already a sentence end for the parser (forcing it there only perturbs the parse:
    PolNeAR dev -0.2 to -0.4), and one ending in a colon, comma or dash goes on in the next ("he said:")."""
    n = len(doc)
    for i in range(1, n - 1):
        t = doc[i]
        if t.is_space and t.text.count("\n") >= 2:
            last = doc[i - 1].text[-1:]
            if last.isalnum() or last in ")]":
                doc[i + 1].is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Put the component in ``nlp`` before its parser (a pipeline without a parser needs none)."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=paragraph_breaks)
    nlp.add_pipe(COMPONENT, before="parser")
