"""HTML pages: main text and metadata through trafilatura, with a careful fallback of our own.

Trafilatura (lxml) finds the article body and its metadata (title, date, site name, canonical url). It can
return nothing (tiny pages, unusual markup) or fail on hostile markup, so a stdlib ``HTMLParser`` fallback
extracts visible text: it is a flat event stream with no recursion and no tree, so 100,000 nested ``<div>``
cost memory proportional to the text, not to the depth. Pages nested deeper than lxml copes with go straight
to the fallback.
"""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser
from typing import Any

# libxml2 stops at depth 256 (2048 with huge_tree) and trafilatura then silently loses the text; deeper pages
# are read by the fallback alone.
_MAX_TRAFILATURA_DEPTH = 200

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "hr", "main",
    "aside", "nav", "form", "address", "caption",
})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param"})


def looks_like_html(head: str) -> bool:
    """True when the start of a document is HTML markup (for files without a telling extension)."""
    h = head.lstrip()[:1024].lower()
    return h.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.match(r"<(head|body|div|p|article|meta|title)\b", h))


def nesting_depth(html: str, limit: int = _MAX_TRAFILATURA_DEPTH) -> int:
    """Approximate element depth (open tags minus close tags), stopping early once above ``limit``."""
    depth = best = 0
    for m in re.finditer(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>", html):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        depth += -1 if m.group(1) else 1
        if depth > best:
            best = depth
            if best > limit:
                return best
    return best


class _TextCollector(HTMLParser):
    """Visible text with block elements as line breaks; title and a few meta tags on the side."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._hidden = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or "").lower()
            if key in {"og:title", "og:site_name", "og:url", "article:published_time", "date",
                       "pubdate", "dc.date", "author"} and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link":
            a = {k.lower(): (v or "") for k, v in attrs}
            if a.get("rel", "").lower() == "canonical" and a.get("href"):
                self.meta.setdefault("canonical", a["href"])
        if tag == "title":
            self._in_title = True
        if tag in _INVISIBLE:
            self._hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _INVISIBLE:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._hidden:
            self.parts.append(data)

    @property
    def title(self) -> str | None:
        t = " ".join("".join(self._title).split())
        return t or None


def _fallback(html: str) -> tuple[str, dict[str, Any]]:
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    meta: dict[str, Any] = {
        "title": parser.meta.get("og:title") or parser.title,
        "date": parser.meta.get("article:published_time") or parser.meta.get("date")
        or parser.meta.get("pubdate") or parser.meta.get("dc.date"),
        "sitename": parser.meta.get("og:site_name"),
        "url": parser.meta.get("canonical") or parser.meta.get("og:url"),
        "extractor": "fallback",
    }
    return text, meta


def _drop_repeated_tail(text: str) -> str:
    """Trafilatura 2.0 sometimes emits the body twice in a row (seen with a bare ``<article>``): drop it."""
    lines = text.split("\n")
    n = len(lines)
    for k in range(n // 2, 0, -1):
        if lines[n - 2 * k:n - k] == lines[n - k:]:
            return "\n".join(lines[:n - k])
    return text


def _trafilatura(html: str, url: str | None) -> tuple[str, dict[str, Any]] | None:
    from lxml.etree import LxmlError
    from trafilatura import bare_extraction

    with warnings.catch_warnings():
        # trafilatura 2.0 trips lxml's FutureWarning on element truth-testing; not ours to fix, and pytest
        # runs with filterwarnings=error.
        warnings.simplefilter("ignore")
        try:
            doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                  include_tables=True)
        except (LxmlError, ValueError, TypeError, RecursionError, AttributeError):
            # lxml raises these on some broken documents, recursion on pathological trees: the fallback
            # reads such pages instead.
            return None
    if doc is None:
        return None
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        return None
    meta = {"title": d.get("title"), "date": d.get("date"), "sitename": d.get("sitename"),
            "url": d.get("url"), "author": d.get("author"), "extractor": "trafilatura"}
    # Trafilatura's text is "\n"-separated paragraphs; blank lines between them keep paragraphs apart.
    return _drop_repeated_tail(text).replace("\n", "\n\n"), meta


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Main text (paragraphs separated by blank lines) and metadata of an HTML page.

    Metadata keys: title, date, sitename, url, extractor ("trafilatura" or "fallback"); values may be None.
    """
    if nesting_depth(html) <= _MAX_TRAFILATURA_DEPTH:
        got = _trafilatura(html, url)
        if got is not None:
            return got
    return _fallback(html)
