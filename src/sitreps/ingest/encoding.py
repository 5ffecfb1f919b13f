"""Turn bytes into text, or refuse them with an :class:`~sitreps.errors.EncodingError` that says why.

Order of evidence, strongest first: a byte-order mark; strict UTF-8 (almost never decodes anything that is
not UTF-8); the UTF-16 pattern of NUL bytes in every other position (UTF-16 without a BOM); for
mostly-ASCII text, the Windows code page (1252 Western, 1250 Central European, 1251 Cyrillic) whose decoding
looks least wrong — charset-normalizer tends to call short English text with one "café" cp1250, turning
"Kyïv" into "Kyďv"; charset-normalizer for the rest. NUL bytes or many control characters after
decoding mean binary data (images, archives), which is refused rather than read as noise.
"""

from __future__ import annotations

import codecs
import re

from ..errors import EncodingError
from .clean import control_ratio

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_CONTROL_RATIO = 0.02
_SNIFF = 65_536


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when ``data`` starts with a byte-order mark, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 from NUL bytes in every other position (ASCII text in UTF-16), else None."""
    head = data[:_SNIFF]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _mostly_ascii(data: bytes) -> bool:
    """True for text that is mostly ASCII with some accented letters, quotes or foreign words."""
    head = data[:_SNIFF]
    non_ascii = len(head) - len(head.translate(None, bytes(range(0x80, 0x100))))
    return non_ascii <= 0.3 * len(head)


# Legacy single-byte encodings of mostly-ASCII text, most likely first (ties go to the earlier one).
_LEGACY = ("cp1252", "cp1250", "cp1251")
_ALLOWED_SYMBOLS = frozenset("“”‘’„‚–—…«»°€£§©®•·×±½¼¾ ")
_WORD = re.compile(r"\w+")


def _implausibility(text: str, encoding: str) -> int:
    """How wrong a decoding looks: stray symbols inside text, runs of accented letters, mixed-script words.

    Decoded in the wrong one of these code pages, a word comes out as "Za¿ó³æ" (symbols), "Őŕđęłâ" (a run of
    accented letters no Latin language writes) or "Zaїуіж" (Cyrillic glued to Latin).
    """
    score = 0
    for word in _WORD.findall(text[:_SNIFF]):
        if word.isascii():
            continue
        if encoding == "cp1251":
            if any("a" <= c.lower() <= "z" for c in word):
                score += 2
            continue
        run = 0
        for c in word:
            run = run + 1 if not c.isascii() else 0
            if run > 2:
                score += 1
    score += 2 * sum(1 for c in text[:_SNIFF] if not c.isascii() and not c.isalpha() and c not in _ALLOWED_SYMBOLS)
    return score


def _legacy_decoding(data: bytes) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if control_ratio(text) > _BINARY_CONTROL_RATIO:
            continue
        score = _implausibility(text, enc)
        if best is None or score < best[0]:
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


def decode_bytes(data: bytes, location: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding used); raise :class:`EncodingError` naming ``location``."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise EncodingError(location, f"unknown encoding {encoding!r}; pass a Python codec name such as "
                                          "utf-8, cp1252 or utf-16 to --encoding") from exc
        except UnicodeDecodeError as exc:
            raise EncodingError(location, f"not valid {encoding} (byte {exc.start}: {exc.reason}); "
                                          "omit --encoding to detect it, or pass the right one") from exc
    bom = bom_encoding(data)
    if bom:
        name, skip = bom
        try:
            return data[skip:].decode(name), name
        except UnicodeDecodeError as exc:
            raise EncodingError(location, f"starts with a {name} byte-order mark but is not valid {name} "
                                          f"(byte {exc.start + skip}); re-save it as UTF-8") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text or control_ratio(text) > _BINARY_CONTROL_RATIO:
            raise _binary(location)
        return text, "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if control_ratio(text) <= _BINARY_CONTROL_RATIO:
                return text, utf16
    if b"\x00" in data[:_SNIFF]:
        raise _binary(location)
    if _mostly_ascii(data):
        legacy = _legacy_decoding(data)
        if legacy:
            return legacy
    import charset_normalizer  # imported here: loading its tables costs time most inputs never need

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise _binary(location)
    text = str(best)
    if control_ratio(text) > _BINARY_CONTROL_RATIO:
        raise _binary(location)
    return text, best.encoding


def _binary(location: str) -> EncodingError:
    return EncodingError(location, "looks like binary data, not text (NUL bytes or control characters, no "
                                   "encoding fits); pass text, HTML, JSONL, CSV or Parquet, or give the "
                                   "encoding with --encoding")
