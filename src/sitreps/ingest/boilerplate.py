"""Boilerplate: photo captions, credits, bylines and paragraphs repeated inside one article.

Why: a caption printed twice (scraped pages often carry the image caption once from ``<figcaption>`` and once
from the image's ``alt``/credit) would otherwise count every event, place and figure in it twice, and a
byline or photo credit would give the actor and place extractors names that are not news.

Signals, all structural (never strings from a particular article):

- **Repeats.** Paragraphs are compared on their text after stripping a trailing credit — a parenthesised
  name ``(Jane Doe)``, a ``(Name/Outlet)`` or ``(Photo ...)`` credit, a dangling ``Source:``/``Photo:`` label.
  Equal stripped texts, or token sets with Jaccard similarity >= 0.8 whose differing tokens are all
  lower-case words (no names, no numbers: "shelled Izium on Monday" and "shelled Kupiansk on Tuesday" are
  two events, not a repeat), are one block printed several times. The first copy is read (``skip=False``),
  later copies are ``skip=True``. Kind: ``caption`` when any copy looks like a caption, else ``repeated``.
- **Captions**: short paragraphs (<= 70 words, not a quotation) ending in a credit as above, or opening with
  a label such as ``Photo:``. Read once (``skip=False``): a caption may describe a real event.
- **Credits**: short lines without terminal punctuation that open with ``Photo:``, ``Image by``, ``Credit:``,
  ``Source:``... or that name an agency after a slash (``Name / Reuters``). Photo credits are ``skip=True``;
  a ``Source:`` line may name who reported the news, so it stays readable.
- **Bylines**: ``By NAME`` lines (up to four capitalised words, several authors joined by ``and`` or commas).
  ``skip=True``.
- **Related links** (``related``): a paragraph of at most 90 words opening with "See also:", "Read more:",
  "Related:", "Other topics of interest" ...: another story's headline and teaser. ``skip=True``.
  Also a headline of another story set in capitals between the paragraphs ("WATCH: ...", "US TO MOVE MORE
  TROOPS ..."): 4 to 30 words, no lower-case word, not the article's first paragraph (which may be its own
  headline). ``skip=True``.
- **Promotions** (``promo``): a paragraph of at most 40 words asking the reader to sign up for a newsletter,
  subscribe to a channel, follow the outlet or "click here", and an advertisement marker line
  ("Advertisement", "Story continues below advertisement"). ``skip=True``.

A normal news paragraph has terminal punctuation, no trailing credit and no twin, so it is never marked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import Boilerplate, Span

_MAX_CAPTION_WORDS = 70
_MAX_CREDIT_WORDS = 15
_MAX_CAPTION_CHARS = 1200  # no 70-word caption is longer
_MIN_CAPTION_WORDS = 6  # a caption describes a scene before its credit
_TAIL_CHARS = 300
_MIN_EXACT_CHARS = 20
_MIN_NEAR_TOKENS = 8
_NEAR_JACCARD = 0.8
# Near-duplicates are only looked for among paragraphs sharing one of their rarest tokens (see
# _near_pairs); a token shared by more paragraphs than this is not rare and blocks nothing.
_BLOCKING_KEYS = 3
_MAX_BLOCK = 200

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Tokens that name or count something: starting with a capital (any letter but a-z) or a digit.
_MARKED = re.compile(r"\b[^\W_a-z]\w*")  # "Izium", "72", "2nd"; not "x2" (rare, and only less strict)
_QUOTE_OPEN = ("“", '"', "‘", "'", "«")
_TERMINAL = (".", "!", "?", "”", '"', "’", "»", "…", ":", ";")
_LABEL = r"(?:Sources?|Photos?|Photograph|Credits?|Images?|Pictures?|Videos?|Via|Courtesy)"

# Credits in parentheses at the end of a paragraph.
_PAREN_SLASH = r"\((?=[^()]*[a-z])[A-Z][^()/]{0,60}/\s*[A-Za-z][^()]{0,60}\)"  # (Jane Doe/Twitter)
_PAREN_LABEL = r"\((?:Photo|Image|Picture|Credit|Video|File)\b[^()]{0,80}\)"  # (Photo: AP)
_PAREN_NAME = r"\((?:[A-Z][a-z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*[a-z]\)"  # (Jane Doe)
_TAIL = rf"(?:\s*\.?\s*{_LABEL}\s*:?\s*(?:[A-Z][\w@/.'’ -]{{0,40}})?)"  # ". Source:" / " Photo: AP"
_CAPTION_END = re.compile(
    rf"(?:(?:{_PAREN_SLASH}|{_PAREN_LABEL})\.?{_TAIL}?|{_PAREN_NAME}{_TAIL}?(?<!\.)|\S\s+{_LABEL}\s*:)\s*$")
_CAPTION_START = re.compile(r"^(?:Photo|Photograph|Image|Picture|Caption|Pictured|Video|File photo)\s*:",
                            re.IGNORECASE)
_PAREN_CREDIT = re.compile(rf"{_PAREN_SLASH}|{_PAREN_LABEL}|{_PAREN_NAME}")
_LABEL_END = re.compile(rf"(?<!\S){_LABEL}\s*:?\s*(?:[A-Z][\w@/.'’ -]{{0,40}})?$")
_CREDIT = re.compile(
    r"^(?:Photo|Photograph|Image|Picture|Video|Credit|Illustration|Graphic|Map|Source|Courtesy)s?\b\s*"
    r"(?:by\b|:|credit\b|courtesy\b|/|©)", re.IGNORECASE)
_AGENCY = re.compile(r"/\s*(?:AP|AFP|Reuters|Getty Images|EPA(?:-EFE)?|Shutterstock|Anadolu|TASS|Ukrinform|"
                     r"Associated Press|East News|Xinhua|Bloomberg|Sputnik|Twitter|Telegram|Facebook|Instagram|"
                     r"PA)\b|\bAP Photo\b|\bGetty Images\b|©")
# A box of links to other stories inside the text ("See also: <headline>", "Read more: ...", "Other Topics of
# Interest <headline> <teaser>"): another story's words, whose events and claims are not this article's.
_RELATED = re.compile(
    r"^(?:See also|Read also|Also read|Read more|More on this|Related(?: articles?| stories| coverage| content)?"
    r"|Recommended|You may also like|Other topics of interest|More from [A-Z][\w ]{0,30}|Don[’']t miss)"
    r"(?:\s*[:|\-–—»>]\s*|\s+(?=(?-i:[A-Z“\"])))", re.IGNORECASE)
_MAX_RELATED_WORDS = 90
# Calls to subscribe or follow ("Sign up for our newsletter", "Subscribe to our channel"): no news.
_PROMO = re.compile(r"\b(?:sign up|subscribe)\b[^.!?\n]{0,60}\b(?:newsletter|channel|podcast|updates|alerts)\b|"
                    r"\bfollow us on\b|\bclick here\b|^(?:story continues below )?advertisement$", re.IGNORECASE)
# Another story's headline set in capitals between paragraphs: words of capitals, digits and punctuation only.
_CAPS_WORD = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")
_MIN_CAPS_WORDS, _MAX_CAPS_WORDS = 4, 30
_MAX_PROMO_WORDS = 40
# Words that may differ between two copies of one paragraph (an edit, a translation variant) without it
# becoming another statement; any other differing word makes two paragraphs two statements.
_FUNCTION_WORDS = frozenset(
    "a an the this that these those it its is are was were be been being has have had do does did will would "
    "may might can could should must shall of in on at to for from by with as and or but not no also then "
    "there here which who whom whose what when where while very just still even only already".split())
_LIST_MARKERS = ("* ", "- ", "• ", "– ")
_BYLINE = re.compile(
    r"^(?:Written\s+)?[Bb]y\s+(?:[A-Z][\w'’.-]+\s*){1,4}(?:(?:,|and|&|\|)\s*(?:[A-Z][\w'’.-]+\s*){1,4}){0,3}$")


def _tail(par: str) -> str:
    """The end of a paragraph, where credits sit; regexes anchored at the end only ever see this much, so a
    hostile paragraph (a million spaces between two words) cannot make them backtrack quadratically."""
    return par[-_TAIL_CHARS:]


def _words(s: str) -> int:
    return len(s.split())


def _ends_like_sentence(s: str) -> bool:
    return s.rstrip().endswith(_TERMINAL)


def is_caption(par: str) -> bool:
    """A short paragraph describing a picture: ends in a photo credit, or opens with a ``Photo:`` label.

    Quotations, list items and paragraphs that quote someone are never captions (a news paragraph may end
    with its agency sources in parentheses); a credit line long enough to describe a scene is.
    """
    if _words(par) > _MAX_CAPTION_WORDS or par.startswith(_QUOTE_OPEN + _LIST_MARKERS):
        return False
    if "“" in par or '"' in par:
        return False
    if _CAPTION_START.match(par) and _words(par) > _MAX_CREDIT_WORDS:
        return True
    tail = _tail(par)
    m = _CAPTION_END.search(tail)
    if m and _words(par[:len(par) - len(tail) + m.start()]) >= _MIN_CAPTION_WORDS:
        return True
    # "Soldiers rest near Izium. Jane Doe/AFP/Getty Images": a sentence and a credit without parentheses.
    return _words(par) > 8 and not _CREDIT.match(par) and _is_credit_line(par)


def _is_credit_line(par: str) -> bool:
    if _words(par) > _MAX_CREDIT_WORDS:
        return False
    if par.rstrip().endswith((".", "!", "?")) and "©" not in par:
        return False
    return bool(_CREDIT.match(par) or _AGENCY.search(par))


def is_credit(par: str) -> bool:
    """A short line that credits a photo or names a source (and is not a caption, see :func:`is_caption`)."""
    return _is_credit_line(par) and not is_caption(par)


def is_byline(par: str) -> bool:
    return _words(par) <= _MAX_CREDIT_WORDS and bool(_BYLINE.match(par.strip()))


def _strip_credit(par: str) -> str:
    """The paragraph without its trailing credits, labels and final punctuation.

    Peeled from the end one piece at a time (a closing parenthesis, a punctuation mark, a ``Source:`` label)
    rather than with one end-anchored regex, which tries every start position and cost more than the rest
    of ingest together.
    """
    s = par
    while True:
        s = s.rstrip()
        if s.endswith(")"):
            i = s.rfind("(")
            if i >= 0 and _PAREN_CREDIT.fullmatch(s, i):
                s = s[:i]
                continue
            return s
        if s.endswith((".", ",", ";", ":")):
            s = s[:-1]
            continue
        tail = s[-60:]
        m = _LABEL_END.search(tail)
        if m and m.end() > m.start():
            s = s[:len(s) - len(tail) + m.start()]
            continue
        return s


def _key(core: str) -> str:
    return " ".join(core.lower().split())


def _tokens(core: str) -> tuple[frozenset[str], frozenset[str]]:
    """(lower-cased token set, tokens that are names or numbers somewhere in the paragraph)."""
    low = frozenset(_TOKEN.findall(core.lower()))
    if len(low) < _MIN_NEAR_TOKENS:
        return low, frozenset()
    marked = frozenset(t.lower() for t in _MARKED.findall(core))
    return low, marked


def _near(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    sa, sb = a[0], b[0]
    inter = len(sa & sb)
    union = len(sa) + len(sb) - inter
    if not union or inter / union < _NEAR_JACCARD:
        return False
    diff = sa ^ sb
    # A differing name or number means a different fact, however similar the sentence frame.
    if diff & (a[1] | b[1]):
        return False
    # A differing content word too ("security" / "humanitarian assistance"), unless the paragraphs are long
    # and nearly identical (an edited repeat).
    return diff <= _FUNCTION_WORDS or (inter / union >= 0.9 and min(len(sa), len(sb)) >= 20)


def _near_pairs(cores: list[str]) -> Iterator[tuple[int, int]]:
    """Pairs of paragraphs (by index) that are near-duplicates, without comparing every pair.

    Two copies of one paragraph may differ only in function words or be >= 90 % identical; either way they
    share their rarest tokens (names and numbers are rare, and a differing one already rules a pair out), so
    each paragraph is compared only with those sharing one of its three rarest tokens. Blocks are capped, so
    a hostile document of 100,000 look-alike lines costs linear time, not quadratic.
    """
    toks: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    by_set: dict[frozenset[str], int] = {}
    for i, core in enumerate(cores):
        t = _tokens(core)
        if len(t[0]) < _MIN_NEAR_TOKENS:
            continue
        if t[0] in by_set:  # the same words (punctuation or case aside): a copy, and no need to block it
            yield by_set[t[0]], i
        else:
            by_set[t[0]] = i
            toks[i] = t
    df: Counter[str] = Counter()
    for t in toks.values():
        df.update(t[0])
    blocks: dict[str, list[int]] = {}
    for i, t in toks.items():
        for key in sorted(t[0], key=lambda w: (df[w], w))[:_BLOCKING_KEYS]:
            blocks.setdefault(key, []).append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if not 2 <= len(members) <= _MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                a, b = toks[i], toks[j]
                # Jaccard >= t needs |small| >= t * |large|: skip the set arithmetic when sizes rule it out.
                if min(len(a[0]), len(b[0])) >= _NEAR_JACCARD * max(len(a[0]), len(b[0])) and _near(a, b):
                    yield i, j


def _repeat_groups(paragraphs: list[Span]) -> list[list[int]]:
    """Indices of paragraphs printed more than once, grouped, each group in text order."""
    parent = list(range(len(paragraphs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    cores = [_strip_credit(p.text) for p in paragraphs]
    first: dict[str, int] = {}
    for i, p in enumerate(paragraphs):
        for key in {_key(p.text), _key(cores[i])}:
            if len(key) < _MIN_EXACT_CHARS:
                continue
            if key in first:
                union(first[key], i)
            else:
                first[key] = i

    for i, j in _near_pairs(cores):
        if find(i) != find(j):
            union(i, j)

    groups: dict[int, list[int]] = {}
    for i in range(len(paragraphs)):
        groups.setdefault(find(i), []).append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def detect_boilerplate(text: str, paragraphs: list[Span]) -> list[Boilerplate]:
    """Boilerplate blocks of an article, one per paragraph at most, in text order.

    ``text`` is the article text the paragraph spans point into (kept for callers that pass it; the
    paragraphs carry their own text).
    """
    del text  # the spans carry their text; the parameter stays for the public signature
    out: dict[int, Boilerplate] = {}
    for group in _repeat_groups(paragraphs):
        kinds = [_classify(paragraphs[i].text) for i in group]
        kind, first_skip = next((k for k in kinds if k is not None), ("repeated", False))
        for n, i in enumerate(group):
            out[i] = Boilerplate(paragraphs[i], kind, skip=first_skip or n > 0)
    for i, p in enumerate(paragraphs):
        if i not in out:
            got = _classify(p.text)
            if got is None and i > 0 and is_caps_headline(p.text):
                got = ("related", True)
            if got is not None:
                out[i] = Boilerplate(p, got[0], skip=got[1])
    return [out[i] for i in sorted(out)]


def _classify(par: str) -> tuple[str, bool] | None:
    """(kind, skip) of a single paragraph, or None for news."""
    if len(par) > _MAX_CAPTION_CHARS:  # cheaper than counting the words of a long paragraph
        return None
    if is_byline(par):
        return "byline", True
    if is_caption(par):
        return "caption", False
    if _is_credit_line(par):
        # A "Source:" line may name who reported the news: attribution should still see it.
        return "credit", not par.lower().startswith("source")
    if is_related(par):
        return "related", True
    if is_promo(par):
        return "promo", True
    return None


def is_related(par: str) -> bool:
    """A link to another story: a paragraph opening with "See also:", "Read more:", "Other topics of
    interest"... and short enough to be a headline and its teaser."""
    return _words(par) <= _MAX_RELATED_WORDS and _RELATED.match(par) is not None


def is_caps_headline(par: str) -> bool:
    """Another story's headline set in capitals ("WATCH: PUTIN TELLS THE WEST ..."): 4 to 30 words, every word
    holding a capital and no lower-case letter. A paragraph of news always has lower-case words."""
    words = par.split()
    if not _MIN_CAPS_WORDS <= len(words) <= _MAX_CAPS_WORDS or par.rstrip().endswith("."):
        return False
    return all(_CAPS_WORD.match(w) for w in words if any(c.isalpha() for c in w))


def is_promo(par: str) -> bool:
    """A short call to subscribe or follow the outlet ("Sign up for our newsletter")."""
    return _words(par) <= _MAX_PROMO_WORDS and _PROMO.search(par) is not None
