"""What comes before the story in a sentence: a byline, a photo credit, a dateline, a closing quote left over
from the paragraph before. Events start after it; a claim's content does not begin with it."""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"\s*(?:By (?:[A-Z][\w.'’-]+ ?){1,4}\s*\n+"                                  # byline on its own line
    r"|\((?:Photo|Picture|Image|Credit|Source|Video)\b[^)\n]{0,80}\)\s*"          # (Photo: ...)
    r"|\([A-Z][\w.'’ -]{1,40}/[\w.'’ -]{1,40}\)\s*"                               # (Name/Agency)
    r"|[\"“”']\s*\n+"                                                              # a quote closed on the line before
    r"|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*,[^\n—–]{0,60}?\s[—–-]{1,2}\s"           # KYIV, Ukraine, May 4 (X) —
    r")")


def lead_end(text: str, a: int, b: int) -> int:
    """Where the story starts in ``text[a:b]``: after any byline, photo credit, dateline or a closing quote left
    over from the paragraph before (repeated: "By X / KYIV, Ukraine, May 4 (Y) — ..."), and any space after it."""
    pos = a
    while pos < b:
        m = _LEAD.match(text, pos, b)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    while pos < b and text[pos].isspace():
        pos += 1
    return pos
