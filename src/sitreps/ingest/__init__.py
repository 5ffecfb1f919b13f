"""Ingest: readers per format, encoding detection, cleaning, boilerplate, content-hash ids."""

from __future__ import annotations

from .article import article_id, make_article, split_paragraphs

__all__ = ["article_id", "make_article", "split_paragraphs"]
