"""Numbers as war reporting writes them: "1,500", "1.5 million", "six", "two hundred", "a dozen", "dozens",
"tens of thousands", ranges ("between 50 and 70", "50-70", "50 to 70") and approximators ("some", "an
estimated", "more than").

Why a hand-written scanner: it is the cheap first pass of the quantities stage (no spaCy), it must give exact
character offsets, and it must keep ordinals ("227th"), model designations ("T-72", "Su-25") and
hyphenated modifiers ("a 34-year-old") apart from counts — things generic number parsers blur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "mln": 1_000_000, "bn": 1_000_000_000}
# vague plurals: a conservative lower bound, always approximate
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000}
APPROX = ["an estimated", "estimated", "approximately", "roughly", "around", "about", "some", "nearly", "almost",
          "more than", "over", "at least", "up to", "fewer than", "less than", "close to", "as many as",
          "upwards of", "no fewer than", "no less than", "just over", "just under", "under", "over", "roughly",
          "an approximate", "approx.", "~"]
_APPROX_RX = re.compile(r"(?i)(?:^|(?<=[\s(]))(" + "|".join(re.escape(a) for a in sorted(set(APPROX), key=len,
                                                                                         reverse=True))
                        + r")\s+$")

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)*|\S")


@dataclass
class NumberMatch:
    """A number phrase found in text: ``[start, end)`` covers the approximator, the number and any range."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    approximate: bool = False
    words: bool = False  # written in words ("six", "a dozen")
    num_start: int = 0  # where the number itself starts (after any approximator)


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _digits(s: str) -> float | None:
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def _word_value(words: list[str]) -> int | None:
    """Value of a run of number words ("two hundred and fifty", "twenty-five thousand")."""
    total, current, seen = 0, 0, False
    for w in words:
        for part in w.split("-"):
            if part in ("and",):
                continue
            if part in SMALL:
                current += SMALL[part]
            elif part in TENS:
                current += TENS[part]
            elif part == "a":
                current += 1
            elif part == "dozen":
                current = (current or 1) * 12
            elif part == "hundred":
                current = (current or 1) * 100
            elif part in SCALES:
                total += (current or 1) * SCALES[part]
                current = 0
            else:
                return None
            seen = True
    return total + current if seen else None


def _is_number_word(w: str) -> bool:
    parts = w.split("-")
    return all(p in SMALL or p in TENS for p in parts) or w in ("hundred", "thousand", "million", "billion", "dozen")


def _scan_atom(toks: list[_Tok], i: int, text: str) -> tuple[int, float, bool, bool] | None:
    """Parse one number starting at token i. Returns (next index, value, approximate, words) or None."""
    t = toks[i]
    if t.text[0].isdigit():
        v = _digits(t.text)
        if v is None:
            return None
        j = i + 1
        if j < len(toks) and toks[j].low in SCALES and toks[j].start - t.end <= 1:
            v *= SCALES[toks[j].low]
            j += 1
        elif j < len(toks) and toks[j].low == "k" and toks[j].start == t.end:
            v *= 1000
            j += 1
        return j, v, False, False
    low = t.low
    # "tens of thousands", "hundreds of thousands"
    if low in ("tens", "hundreds") and i + 2 < len(toks) and toks[i + 1].low == "of" and \
            toks[i + 2].low in ("thousands", "millions"):
        base = {"tens": 10, "hundreds": 100}[low] * {"thousands": 1_000, "millions": 1_000_000}[toks[i + 2].low]
        return i + 3, float(2 * base), True, True
    if low in VAGUE:
        return i + 1, float(VAGUE[low]), True, True
    if low in ("several", "few") or (low == "a" and i + 1 < len(toks) and toks[i + 1].low == "few"):
        j = i + (2 if low == "a" else 1)
        if j < len(toks) and toks[j].low in ("hundred", "thousand", "million", "dozen"):
            mult = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}[toks[j].low]
            return j + 1, float(3 * mult), True, True
        return None
    if low == "a":
        if i + 1 < len(toks) and toks[i + 1].low in ("dozen", "hundred", "thousand", "million"):
            words, j = ["a"], i + 1
        else:
            return None
    elif _is_number_word(low):
        words, j = [low], i + 1
    else:
        return None
    while j < len(toks):
        w = toks[j].low
        if toks[j].start - toks[j - 1].end > 1:
            break
        if _is_number_word(w):
            words.append(w)
            j += 1
        elif w == "and" and words[-1] in ("hundred", "thousand", "million") and j + 1 < len(toks) \
                and _is_number_word(toks[j + 1].low) and toks[j + 1].low not in SCALES:
            words.append(w)
            j += 1
        else:
            break
    value = _word_value(words)
    if value is None:
        return None
    return j, float(value), False, True


def scan_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in ``text`` (ranges merged, approximators attached), in order.

    Ordinals and designations are *not* removed here (the caller knows the context); this only reads numbers.
    """
    toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        atom = _scan_atom(toks, i, text)
        if atom is None:
            i += 1
            continue
        j, value, approx, words = atom
        start, end = toks[i].start, toks[j - 1].end
        value_max = None
        # a range: "50-70", "50–70", "50 to 70", "between 50 and 70", "from 50 to 70"
        if j + 1 < len(toks) and toks[j].text in ("-", "–", "to", "and"):
            joiner = toks[j].text
            between = i > 0 and toks[i - 1].low == "between"
            if joiner != "and" or between:
                k = j + 1
                if k + 1 < len(toks) and toks[k].text in ("$", "€", "£") and toks[k + 1].start == toks[k].end:
                    k += 1  # "$300-$600": the currency sign is repeated on the upper end
                nxt = _scan_atom(toks, k, text)
                if nxt is not None and (joiner != "-" or toks[j].start == end):
                    j2, v2, a2, _ = nxt
                    if v2 > value:
                        value_max, approx, end, j = v2, approx or a2, toks[j2 - 1].end, j2
                        if between or (i > 0 and toks[i - 1].low == "from" and joiner == "to"):
                            start = toks[i - 1].start
        num_start = toks[i].start
        m = _APPROX_RX.search(text[max(0, start - 20):start])
        if m:
            start = start - len(m.group(0))
            approx = True
        out.append(NumberMatch(start, end, value, value_max, approx, words, num_start))
        i = j
    return out
