"""Cleaning: the one normal form every article's text is kept in.

Offsets of every record point into the *cleaned* text (``Article.text``), so cleaning runs once, before any
span exists, and is idempotent: ``clean_text(clean_text(t)) == clean_text(t)``. It never changes what a
reader would read — curly quotes, dashes and non-breaking spaces stay as written — it only removes what no
reader sees (control characters, stray byte-order marks, trailing spaces) and fixes line endings.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters except \t and \n (\r is handled before, as a line ending), DEL, and U+FEFF
# which is a byte-order mark when it appears inside a text (concatenated files) and never visible.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
# For the binary test: controls that never appear in text (\r, \t, \n, form feed and a BOM may).
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TRAILING = re.compile(r"[ \t\u3000]+$", re.MULTILINE)
# More than two blank lines in a row (five or more newlines once lines are stripped) become two blank lines.
_BLANK_RUN = re.compile(r"\n{4,}")


def clean_text(text: str) -> str:
    """Return ``text`` in the normal form articles are stored in (see the module docstring for why)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("", text)
    text = _BLANK_RUN.sub("\n\n\n", text)
    return text.strip()


def control_ratio(text: str, sample: int = 65_536) -> float:
    """Share of control characters (other than whitespace) in the first ``sample`` characters.

    Decoded binary data is full of them; real text almost never has any. Used to refuse binary files that
    happen to decode in some single-byte encoding.
    """
    head = text[:sample]
    if not head:
        return 0.0
    return len(_BINARY_CONTROL.findall(head)) / len(head)
