"""Make an :class:`~sitreps.model.Article` from clean text and metadata: the one door every reader uses."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..model import Article, Span

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def article_id(text: str) -> str:
    """Content hash of the text (whitespace-normalised), so the same article twice is one article."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are runs of non-blank lines; a single newline also ends one in news copy (one per line)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span.of(text, start, end))
    return spans


def make_article(text: str, *, title: str | None = None, url: str | None = None, outlet: str | None = None,
                 published: str | None = None, source_path: str | None = None,
                 meta: dict[str, Any] | None = None) -> Article:
    """Build an article: cleaned text, id, paragraphs and boilerplate (captions, repeated blocks).

    ``text`` is cleaned first (:func:`~sitreps.ingest.clean.clean_text`, idempotent), so ``Article.text`` and
    every offset into it refer to the cleaned text whichever reader or caller built the article.
    """
    from .boilerplate import detect_boilerplate
    from .clean import clean_text
    from .dates import normalise_published

    text = clean_text(text)

    pub, precision = normalise_published(published)
    paragraphs = split_paragraphs(text)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=pub,
        published_precision=precision,
        source_path=source_path,
        paragraphs=paragraphs,
        boilerplate=detect_boilerplate(text, paragraphs),
        meta=dict(meta or {}),
    )
