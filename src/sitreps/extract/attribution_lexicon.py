"""Word lists for attribution: reporting cues, hedges, reporting distance, channels and known sources.

Why lists and not a model: these words are a closed class, an analyst must be able to read and extend them,
and the certainty scheme (see :func:`certainty_of`) has to be explainable item by item.

Hedges ("likely", "appears", "estimated") and reporting distance ("reportedly", "is said to", "claimed") are
kept apart on purpose: a hedge is the *source's* own uncertainty, reporting distance is the *writer* keeping
the claim at arm's length. The hedge lexicons in ../shared/eval/hedging list neither reporting cue.

The GenderGapTracker verb list (MIT) ships in ``data/lexicons/ggt_quote_verbs.txt`` and is read by
:func:`load_cue_forms`, not at import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Lemmas of verbs that introduce what someone says, writes, shows or thinks. The GGT forms are added at load.
CUE_LEMMAS: frozenset[str] = frozenset("""
say tell report claim tweet post write show indicate suggest state add note announce insist warn deny accuse
acknowledge admit estimate confirm describe explain argue predict promise vow urge ask question believe think
know reveal allege assert declare contend maintain stress emphasize emphasise observe remark reply respond
testify disclose concede complain charge recall reiterate repeat mention point conclude find hope fear expect
assess judge calculate publish broadcast quote cite brief inform tout praise criticize criticise blame
acknowledge predict recount relate agree disagree dismiss reject suspect worry doubt feel understand
""".split())

# Nouns that carry attribution as heads ("the report", "his statement that ...") and name the channel.
CHANNEL_WORDS: dict[str, str] = {
    "statement": "statement", "communique": "statement", "communiqué": "statement", "briefing": "statement",
    "press conference": "statement", "speech": "statement", "address": "statement", "announcement": "statement",
    "report": "report", "reports": "report", "assessment": "report", "update": "report", "analysis": "report",
    "bulletin": "report", "study": "report",
    "twitter": "tweet", "tweet": "tweet", "tweeted": "tweet", "tweets": "tweet",
    "telegram": "telegram", "facebook": "social_media", "instagram": "social_media", "tiktok": "social_media",
    "video": "video", "footage": "video", "videos": "video", "clip": "video", "youtube": "video",
    "interview": "interview", "told": "interview",
    "posted": "social_media", "post": "social_media", "blog": "social_media",
}

# Cue lemma -> channel when the cue itself says how it was said.
CUE_CHANNEL: dict[str, str] = {
    "tweet": "tweet", "report": "report", "announce": "statement", "state": "statement", "declare": "statement",
    "show": "video", "post": "social_media", "write": "report", "publish": "report", "tell": "interview",
    "say": "statement", "brief": "statement", "testify": "statement",
}

# The source's own uncertainty. Multi-word entries are matched as phrases.
HEDGES: tuple[str, ...] = (
    "likely", "unlikely", "probably", "possibly", "perhaps", "maybe", "apparently", "presumably", "seemingly",
    "appears", "appear", "appeared", "seems", "seem", "seemed", "may", "might", "could",
    "estimated", "estimate", "estimates", "approximately", "roughly", "suggests", "suggest", "suggested",
    "suggesting", "indicates", "believed", "believes", "suspected", "unclear", "possible", "probable",
    "assessed", "assesses",
)
HEDGE_PHRASES: tuple[str, ...] = ("it is possible", "it is unclear", "not clear", "up to", "as many as")

# The writer keeping a claim at arm's length.
REPORTING: tuple[str, ...] = (
    "reportedly", "allegedly", "purportedly", "supposedly", "ostensibly", "claimed", "claims", "claiming",
    "alleged", "unconfirmed", "unverified", "rumoured", "rumored",
)
REPORTING_PHRASES: tuple[str, ...] = (
    "is said to", "are said to", "was said to", "were said to", "is reported to", "are reported to",
    "was reported to", "were reported to", "reported to be", "according to unconfirmed reports",
    "according to reports", "according to media reports", "could not be independently verified",
    "could not be verified", "is believed to", "are believed to", "was believed to", "were believed to",
)

# Words in a source mention that tell its kind. Checked in this order; first match wins.
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("anonymous", ("anonymous", "unnamed", "a source", "sources", "source familiar", "an official who",
                   "officials who", "insider", "people familiar")),
    ("think_tank", ("institute", "think tank", "think-tank", "isw", "rusi", "csis", "rand", "council on",
                    "center for", "centre for", "foundation", "analysts")),
    ("military", ("general staff", "armed forces", "army", "military", "ministry of defence",
                  "ministry of defense", "defence ministry", "defense ministry", "commander", "brigade",
                  "battalion", "regiment", "troops", "officer", "soldier", "navy", "air force", "pentagon",
                  "mod", "national guard", "territorial defense", "territorial defence", "engineer", "general",
                  # Ukraine's operational commands and military intelligence, which ISW cites daily
                  "operational command", "command", "intelligence directorate", "military intelligence", "gur",
                  "forces", "rosgvardia")),
    ("government", ("president", "minister", "ministry", "government", "kremlin", "spokesperson",
                    "spokesman", "spokeswoman", "ambassador", "governor", "mayor", "official", "officials",
                    "administration", "white house", "state department", "prime minister", "parliament",
                    "senator", "congress", "authorities", "embassy", "secretary", "diplomat", "city council",
                    "regional council", "village council", "city hall", "police", "prosecutor",
                    "security service", "sbu", "fsb",
                    # heads of state and government and foreign ministers by their other titles
                    "chancellor", "head of state", "head of government", "foreign secretary",
                    # leaders named alone ("Putin said"): their office speaks
                    "putin", "zelensky", "zelenskyy", "zelenskiy", "shoigu", "lavrov", "peskov", "medvedev",
                    "kuleba", "yermak", "podolyak", "reznikov", "biden", "blinken", "stoltenberg", "lukashenko")),
    ("media", ("reuters", "associated press", "ap ", "afp", "bbc", "cnn", "times", "post", "news", "agency",
               "tass", "ria", "interfax", "newspaper", "outlet", "journal", "sofrep", "media", "reporter",
               "correspondent", "television", "tv", "channel", "magazine", "guardian", "kyiv independent",
               "editor", "columnist", "journalist")),
    ("social_media_user", ("blogger", "twitter user", "telegram channel", "milblogger", "user")),
    ("video", ("video", "videos", "footage", "clip", "clips", "image", "images", "photo", "photos", "photograph",
               "photographs", "satellite imagery")),
)

# Words that tell the side (affiliation) of a source.
SIDE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UA", ("ukrainian", "ukraine", "kyiv", "kiev", "zelensky", "zelenskyy", "zelenskiy",
            "kuleba", "yermak", "podolyak", "reznikov",
            # Ukraine's military intelligence as ISW names it (Russia's is the GRU)
            "gur")),
    ("RU", ("russian", "russia", "kremlin", "moscow", "putin", "peskov", "tass", "ria novosti",
            "donetsk people", "luhansk people", "dnr", "lnr", "dpr", "lpr", "wagner", "shoigu", "lavrov",
            "medvedev",
            # the occupier's bodies in occupied towns ("Melitopol's occupation administration")
            "occupation administration", "occupation authorities", "occupation authority", "occupation official",
            "occupation officials", "occupation head", "occupation government", "occupation governor",
            "occupation mayor", "occupying authorities")),
    ("US", ("american", "pentagon", "white house", "state department", "u.s.", "united states", "biden", "blinken")),
    ("GB", ("british", "uk ministry", "downing street", "uk", "u.k.", "britain")),
    ("WEST", ("western", "nato", "stoltenberg")),
)

# Acronyms and short names expanded to the full name. Only unambiguous ones.
ALIASES: dict[str, str] = {
    "isw": "Institute for the Study of War",
    "the isw": "Institute for the Study of War",
    "rusi": "Royal United Services Institute",
    "csis": "Center for Strategic and International Studies",
    "mod": "Ministry of Defence",
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "dnr": "Donetsk People's Republic",
    "dpr": "Donetsk People's Republic",
    "lnr": "Luhansk People's Republic",
    "lpr": "Luhansk People's Republic",
    "un": "United Nations",
    "osce": "Organization for Security and Co-operation in Europe",
}

# Titles stripped from person names ("Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky").
TITLE_WORDS: frozenset[str] = frozenset("""
president prime minister former ambassador to spokesperson spokesman spokeswoman secretary general
governor mayor senator rep. sen. gov. mr. mrs. ms. dr. lt. col. gen. maj. capt. sgt. commander chief deputy
foreign defence defense minister adviser advisor head of the ukrainian russian american british
""".split())


@lru_cache(maxsize=1)
def load_cue_forms() -> frozenset[str]:
    """Every reporting-verb form of the shipped GGT list plus our lemmas (lower case). Cached: read once."""
    path = resources.files("sitreps").joinpath("data", "lexicons", "ggt_quote_verbs.txt")
    forms = {line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    return frozenset(forms | CUE_LEMMAS)


def _phrase_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


_HEDGE_RE = _phrase_re(HEDGES + HEDGE_PHRASES)
_REPORTING_RE = _phrase_re(REPORTING + REPORTING_PHRASES)


# "May" the month: a capital M inside a sentence, or next to a day or year ("on May 18", "17 May 2022")
_MONTH_MAY = re.compile(r"(?<=[^\s.!?“\"(])\s+May\b|\bMay\s+\d|\d\s+May\b")
# a distance the writer gives to place a town ("Orlivka (approximately 12 km east of Dolynske)"): the
# writer's geography, not the source's doubt
_DISTANCE_GLOSS = re.compile(r"\b(?:approximately|roughly|as many as|up to)\s+[\d.,]+\s*"
                             r"(?:-\s*[\d.,]+\s*)?(?:km|kilometers|kilometres|miles|mi|meters|metres)\b", re.IGNORECASE)


def find_hedges(text: str) -> list[str]:
    """Hedge words and phrases in ``text``, lower case, in order, without repeats; not the month May, nor an
    approximate distance placing a town."""
    months = {m.start() + m.group(0).index("May") for m in _MONTH_MAY.finditer(text)}
    glosses = [(m.start(), m.end()) for m in _DISTANCE_GLOSS.finditer(text)]
    return _unique(m.group(0).lower() for m in _HEDGE_RE.finditer(text)
                   if m.start() not in months and not any(a <= m.start() < b for a, b in glosses))


def find_reporting(text: str) -> list[str]:
    """Reporting-distance markers in ``text`` (the writer's distance), lower case, in order, without repeats."""
    return _unique(m.group(0).lower() for m in _REPORTING_RE.finditer(text))


def _unique(items: object) -> list[str]:
    out: list[str] = []
    for x in items:  # type: ignore[attr-defined]
        if x not in out:
            out.append(x)
    return out


# A state named as the speaker ("Kyiv says", "Moscow denied", "Russia claimed") is its government: a source
# whose name is nothing but such names. Not single words inside longer names ("Kyiv Independent" is media).
STATE_NAMES = ("ukraine", "russia", "kyiv", "kiev", "moscow", "washington", "london", "beijing", "china", "paris",
               "france", "berlin", "germany", "warsaw", "poland", "minsk", "belarus", "ankara", "turkey", "tehran",
               "iran", "united states", "u.s.", "us", "britain", "uk", "the kremlin")
_STATE_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(STATE_NAMES, key=len, reverse=True))
                       + r")(?!\w)(?:[’']s)?")


def kind_of(name: str) -> str:
    """The kind of a source from the words naming it (government, military, think_tank, media, ...)."""
    low = f" {name.lower()} "
    for kind, words in KIND_WORDS:
        if any(has_word(low, w) for w in words):
            return kind
    if _STATE_RE.search(low) and _STATE_RE.sub(" ", low.replace(" the ", " ")).strip(" ,;") == "":
        return "government"
    if _NATIONAL_LEADER.search(low):
        return "government"
    return "unknown"


# a country's leader or a head of state's adviser ("the Belarusian leader", "China's leader", "US national
# security advisor"); not "opposition leader", "party leader", "rebel leader"
_NATIONAL_LEADER = re.compile(r"(?<!\w)(?:[a-z]+(?:ian|ese|ish|ch)|american|(?:"
                              + "|".join(re.escape(w) for w in STATE_NAMES) + r")(?:[’']s)?)\s+leader(?!\w)"
                              r"|national security advis[eo]r|advis[eo]r (?:to|of) the (?:president|prime minister)")


def side_of(name: str) -> str | None:
    """The side a source belongs to when its name says so ("Ukrainian General Staff" -> UA)."""
    low = f" {name.lower()} "
    for side, words in SIDE_WORDS:
        if any(has_word(low, w) for w in words):
            return side
    return None


def has_word(padded_lower: str, word: str) -> bool:
    """``word`` stands in ``padded_lower`` as a whole word (no word character on either side)."""
    w = word.strip()
    if w not in padded_lower:  # a plain substring test first: most words are absent, and a regex search costs
        return False
    return _word_re(w).search(padded_lower) is not None


@lru_cache(maxsize=4096)
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


def channel_of(text: str) -> str | None:
    """A channel named in ``text`` ("on Twitter" -> tweet, "a video" -> video), or None."""
    low = text.lower()
    best: tuple[int, int, str] | None = None
    for word, channel in CHANNEL_WORDS.items():
        if word not in low:
            continue
        m = _word_re(word).search(low)
        # a named platform or medium beats a generic verb ("posted on Telegram" is telegram)
        rank = 1 if word in _GENERIC_CHANNEL_WORDS else 0
        if m and (best is None or (rank, m.start()) < best[:2]):
            best = (rank, m.start(), channel)
    return best[2] if best else None


_GENERIC_CHANNEL_WORDS = frozenset({"posted", "post", "told", "blog", "update", "address"})


CERTAINTY_LEVELS = ("asserted", "reported", "hedged", "unverified")


def certainty_of(hedges: list[str], reporting: list[str], source_kind: str, identified: bool = True) -> str:
    """The certainty scheme, strongest doubt first (documented in docs/EVALUATION-attribution.md).

    - ``unverified``: nobody identifiable stands behind it (anonymous / unknown source, a lone social media
      user) or the text says it is unconfirmed;
    - ``hedged``: the source itself hedges ("likely", "appears", "estimated", "may");
    - ``reported``: the writer keeps a distance ("reportedly", "claimed", "is said to");
    - ``asserted``: an identified source states it plainly.
    """
    if not identified or source_kind in {"anonymous", "social_media_user"} or any(
            r in {"unconfirmed", "unverified"} or "verified" in r for r in reporting):
        return "unverified"
    if hedges:
        return "hedged"
    if reporting:
        return "reported"
    return "asserted"
