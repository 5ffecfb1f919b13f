"""Boilerplate: photo captions, credits and paragraphs repeated inside one article.

Placeholder-free first version: repeated paragraphs (exact after normalisation) are marked, the first copy as
``repeated`` (read once) and later copies ``skip``. The ingest stage refines this (near-identical captions).
"""

from __future__ import annotations

from ..model import Boilerplate, Span


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def detect_boilerplate(text: str, paragraphs: list[Span]) -> list[Boilerplate]:
    seen: dict[str, Span] = {}
    out: list[Boilerplate] = []
    for p in paragraphs:
        key = _norm(p.text)
        if len(key) < 20:
            continue
        if key in seen:
            if not any(b.evidence == seen[key] for b in out):
                out.append(Boilerplate(seen[key], "repeated", skip=False))
            out.append(Boilerplate(p, "repeated", skip=True))
        else:
            seen[key] = p
    return out
