"""Exact, cheaper stand-ins for spaCy's ``attribute_ruler`` and ``lemmatizer`` components.

Why: in ``en_core_web_sm`` the attribute ruler runs a :class:`~spacy.matcher.Matcher` with 179 patterns over
every token (about 12 % of a full ``nlp.pipe``), although 170 of them test one token's tag, lower-case form and
dependency label only; the rule lemmatizer caches only some of its answers and recomputes the others from the
token's POS and morphology every time (a few more per cent). Both results are pure functions of a few token
values, so they can be looked up in a table filled on first use:

* :class:`FastAttributeRuler` wraps the loaded ruler. A pattern group whose patterns are all single tokens
  testing ``ORTH``/``LOWER``/``TAG``/``DEP``/``IS_SPACE`` (plain, ``IN``, ``NOT_IN`` or ``REGEX`` values) is evaluated once per distinct
  ``(orth, tag, dep)`` and its result cached; fixed-length multi-token patterns are matched from the same
  per-token results; any other group (operators, other keys) goes to a :class:`Matcher` holding only those. The attributes of every group that matched a
  token are applied in the ruler's own order (later groups win), which is what ``AttributeRuler`` does.
* :class:`FastLemmatizer` wraps the loaded ``rule`` or ``lookup`` lemmatizer and caches its answer per
  ``(orth, pos, morph)``: the only token values those modes read (``EnglishLemmatizer.is_base_form`` reads POS
  and morphology). Tokens that already have a lemma (set by the ruler) are left alone, as spaCy does.

The originals stay reachable as ``.original``. ``tests/test_fastattrs.py`` checks identical ``tag_``, ``pos_``,
``morph``, ``lemma_`` and ``dep_`` on our own sentences; ``benchmarks/check_fast_attrs.py`` does so over corpus
documents. Off with ``SITREPS_FAST_ATTRS=0`` (``Settings.fast_attrs``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Entries per table before it is emptied and refilled: bounds memory on an endless stream of new words.
MAX_CACHE = 500_000

# Token keys a single-token pattern may test and still be evaluated from (orth, tag, dep) alone.
_SIMPLE_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "TAG", "DEP", "IS_SPACE"})
_INDEX_KEYS = ("TAG", "LOWER", "ORTH")  # a test with an exact value on one of these is looked up, not scanned

# One token test: (key, kind, value) conditions, all of which must hold; kind is eq, in, not_in or regex.
Test = tuple[tuple[str, str, Any], ...]


def _token_test(token: dict[str, Any]) -> Test | None:
    """The Matcher's test of one pattern token, if it only reads simple keys with plain, IN, NOT_IN or REGEX
    values (the Matcher's semantics: set membership, ``re.search``); else None."""
    out: list[tuple[str, str, Any]] = []
    for key, value in token.items():
        k = key.upper()
        if k not in _SIMPLE_KEYS:
            return None
        k = "ORTH" if k == "TEXT" else k
        if k == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            out.append((k, "eq", value))
        elif isinstance(value, str):
            out.append((k, "eq", value))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op == "IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                out.append((k, "in", frozenset(arg)))
            elif op == "NOT_IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                out.append((k, "not_in", frozenset(arg)))
            elif op == "REGEX" and isinstance(arg, str):
                out.append((k, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return tuple(out)


def _passes(test: Test, values: dict[str, Any]) -> bool:
    for key, kind, want in test:
        have = values[key]
        if kind == "eq":
            ok = have == want
        elif kind == "in":
            ok = have in want
        elif kind == "not_in":
            ok = have not in want
        else:
            ok = bool(want.search(have))
        if not ok:
            return False
    return True


def _index_of(test: Test) -> list[tuple[str, str]]:
    """Bucket keys under which ``test`` is filed: the values of its first exact condition on an index key."""
    for key in _INDEX_KEYS:
        for k, kind, want in test:
            if k == key and kind == "eq":
                return [(key, want)]
            if k == key and kind == "in":
                return [(key, v) for v in want]
    return []


class FastAttributeRuler:
    """Same output as the wrapped ``AttributeRuler``, its patterns evaluated from a table per token key."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self.original = ruler
        self.name: str = ruler.name
        self.vocab = ruler.vocab
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)  # normalised: attribute id -> value id
        self._indices: list[int] = list(ruler.indices)
        # groups of single-token patterns: tests filed by an exact value, and the others (scanned)
        self._buckets: dict[tuple[str, str], list[tuple[int, Test]]] = {}
        self._scan: list[tuple[int, Test]] = []
        # groups of fixed-length patterns without operators: (group, index, test ids), tests by id
        self._seq: list[tuple[int, int, tuple[int, ...]]] = []
        self._seq_tests: list[Test] = []
        # anything else: a real Matcher with those groups only
        self._matcher = Matcher(self.vocab, validate=False)
        self._match_group: dict[int, int] = {}
        for i in range(len(self._attrs)):
            patterns = ruler.matcher.get(str(i))[1]
            tests = [[_token_test(t) if "OP" not in {k.upper() for k in t} else None for t in p] for p in patterns]
            if all(len(p) == 1 and p[0] is not None for p in tests):
                for p in tests:
                    test = cast(Test, p[0])
                    where = _index_of(test)
                    for bucket in where:
                        self._buckets.setdefault(bucket, []).append((i, test))
                    if not where:
                        self._scan.append((i, test))
            elif all(p and all(t is not None for t in p) for p in tests):
                for p in tests:
                    ids = []
                    for t in p:
                        self._seq_tests.append(cast(Test, t))
                        ids.append(len(self._seq_tests) - 1)
                    self._seq.append((i, self._indices[i], tuple(ids)))
            else:
                key = self.vocab.strings.add(f"sitreps_fast_attribute_ruler_{i}")
                self._matcher.add(key, patterns)
                self._match_group[key] = i
        self._first_mask = 0
        for _g, _index, seq_ids in self._seq:
            self._first_mask |= 1 << seq_ids[0]
        self._key_attrs = [ORTH, TAG, DEP]
        self._cols = [TAG, POS, MORPH, LEMMA]  # set through Doc.from_array; anything else per token
        self._col_index = {a: j for j, a in enumerate(self._cols)}
        self._cache: dict[tuple[int, int, int], tuple[tuple[int, ...], int]] = {}
        self._merged: dict[tuple[int, ...], tuple[tuple[tuple[int, Any], ...], dict[int, Any]]] = {}

    def _values(self, orth: int, tag: int, dep: int) -> dict[str, Any]:
        strings = self.vocab.strings
        lex = self.vocab[orth]
        return {"ORTH": lex.orth_, "LOWER": lex.lower_, "TAG": strings[tag] if tag else "",
                "DEP": strings[dep] if dep else "", "IS_SPACE": lex.is_space}

    def _lookup(self, orth: int, tag: int, dep: int) -> tuple[tuple[int, ...], int]:
        """(groups whose single-token patterns match a token with these values, bit mask of the sequence
        pattern tests it passes)."""
        values = self._values(orth, tag, dep)
        candidates = list(self._scan)
        for key in _INDEX_KEYS:
            candidates.extend(self._buckets.get((key, values[key]), ()))
        groups = {g for g, t in candidates if _passes(t, values)}
        mask = 0
        for tid, test in enumerate(self._seq_tests):
            if _passes(test, values):
                mask |= 1 << tid
        return tuple(sorted(groups)), mask

    def _merge(self, groups: tuple[int, ...]) -> tuple[tuple[tuple[int, Any], ...], dict[int, Any]]:
        """Attributes of ``groups`` applied in order: (column updates, other attributes)."""
        got = self._merged.get(groups)
        if got is None:
            merged: dict[int, Any] = {}
            for g in groups:
                merged.update(self._attrs[g])
            cols = tuple((self._col_index[a], v) for a, v in merged.items() if a in self._col_index)
            rest = {a: v for a, v in merged.items() if a not in self._col_index}
            got = self._merged[groups] = (cols, rest)
        return got

    def _target(self, group: int, start: int, end: int, doc: Doc) -> int:
        index = self._indices[group]
        i = start + index if index >= 0 else end + index
        if not start <= i < end:
            raise ValueError(f"attribute_ruler pattern {group} has index {index} outside its match "
                             f"{[t.text for t in doc[start:end]]}")
        return i

    def _multi_matches(self, doc: Doc, masks: list[int]) -> dict[int, list[int]]:
        """Token index -> groups matched by the multi-token patterns (on the values before any change, as the
        AttributeRuler's Matcher sees them)."""
        out: dict[int, list[int]] = {}
        n = len(masks)
        first = self._first_mask
        for s in [s for s, m in enumerate(masks) if m & first]:
            m = masks[s]
            for group, _index, ids in self._seq:
                end = s + len(ids)
                if m >> ids[0] & 1 and end <= n and all(masks[s + j] >> t & 1 for j, t in enumerate(ids)):
                    out.setdefault(self._target(group, s, end, doc), []).append(group)
        if self._match_group:
            for match_id, start, end in self._matcher(doc, allow_missing=True, as_spans=False):
                group = self._match_group[match_id]
                out.setdefault(self._target(group, start, end, doc), []).append(group)
        return out

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        if len(doc) == 0:
            return doc
        keys: list[list[int]] = numpy.asarray(doc.to_array(self._key_attrs)).tolist()
        cols = numpy.asarray(doc.to_array(self._cols), dtype=numpy.uint64)
        cache = self._cache
        found: list[tuple[int, ...]] = []
        masks: list[int] = []
        seen = 0
        for orth, tag, dep in keys:
            k = (orth, tag, dep)
            hit = cache.get(k)
            if hit is None:
                if len(cache) >= MAX_CACHE:
                    cache.clear()
                hit = cache[k] = self._lookup(orth, tag, dep)
            found.append(hit[0])
            masks.append(hit[1])
            seen |= hit[1]
        multi = self._multi_matches(doc, masks) if seen & self._first_mask or self._match_group else {}
        others: list[tuple[int, dict[int, Any]]] = []
        for i, groups in enumerate(found):
            if i in multi:
                groups = tuple(sorted(set(groups) | set(multi[i])))
            if not groups:
                continue
            updates, rest = self._merge(groups)
            for j, v in updates:
                cols[i, j] = v
            if rest:
                others.append((i, rest))
        doc.from_array(self._cols, cast(Any, cols))
        for i, rest in others:
            set_token_attrs(doc[i], rest)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class FastLemmatizer:
    """Same output as the wrapped rule/lookup ``Lemmatizer``, cached per ``(orth, pos, morph)``.

    In ``rule`` mode a miss runs :meth:`_rule_lemmatize`, spaCy's ``Lemmatizer.rule_lemmatize`` (MIT) with the
    ``lemma_index`` word lists read as sets: spaCy tests ``form in index`` on lists of up to 57,528 words, which
    made a miss cost about 0.3 ms. Only membership is asked of them, so the answer is the same.
    """

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.original = lemmatizer
        self.name: str = lemmatizer.name
        self.vocab = lemmatizer.vocab
        self._overwrite = bool(lemmatizer.overwrite)
        self._attrs = [ORTH, POS, MORPH, LEMMA]
        self._lemma = [LEMMA]
        self._cache: dict[tuple[int, int, int], int] = {}
        self._tables: tuple[dict[str, frozenset[str]], Any, Any] | None = None
        self._lemmatize: Callable[[Any], list[str]] = (
            self._rule_lemmatize if lemmatizer.mode == "rule" else lemmatizer.lemmatize)

    def _load_tables(self) -> tuple[dict[str, frozenset[str]], Any, Any]:
        lookups = self.original.lookups
        return ({}, lookups.get_table("lemma_exc", {}), lookups.get_table("lemma_rules", {}))

    def _index(self, univ_pos: str) -> frozenset[str]:
        assert self._tables is not None
        index_sets = self._tables[0]
        got = index_sets.get(univ_pos)
        if got is None:
            words = self.original.lookups.get_table("lemma_index", {}).get(univ_pos)
            got = index_sets[univ_pos] = frozenset(words or ())
        return got

    def _rule_lemmatize(self, token: Any) -> list[str]:
        """spaCy 3.8 ``Lemmatizer.rule_lemmatize`` without its cache (ours is in ``__call__``)."""
        if self._tables is None:
            self._tables = self._load_tables()
        _, exc_table, rules_table = self._tables
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.original.rule_lemmatize(token)  # type: ignore[no-any-return]  # (warns on "")
        if self.original.is_base_form(token):
            return [string.lower()]
        index = self._index(univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        if not any((index, exceptions, rules)):
            if univ_pos == "propn":
                return [string]
            return [string.lower()]
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        orig = self.original
        if not orig._validated:
            orig._validate_tables()
        rows: list[list[int]] = numpy.asarray(doc.to_array(self._attrs)).tolist()
        lemmas = numpy.empty((len(rows), 1), dtype=numpy.uint64)
        cache = self._cache
        add = self.vocab.strings.add
        overwrite = self._overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                lemmas[i, 0] = lemma
                continue
            k = (orth, pos, morph)
            got = cache.get(k)
            if got is None:
                if len(cache) >= MAX_CACHE:
                    cache.clear()
                got = cache[k] = add(self._lemmatize(doc[i])[0])
            lemmas[i, 0] = got
        doc.from_array(self._lemma, cast(Any, lemmas))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def install_fast_attrs(nlp: Language) -> list[str]:
    """Replace the ``attribute_ruler`` and rule/lookup ``lemmatizer`` of ``nlp`` in place by their exact fast
    stand-ins (same names, same order). Returns the names replaced; components of other kinds are left."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    replaced = []
    components: list[tuple[str, Any]] = nlp._components
    for pos, (name, proc) in enumerate(components):
        new: Any = None
        if type(proc) is AttributeRuler:
            new = FastAttributeRuler(proc)
        # only the classes whose rule/lookup lemmas read nothing but orth, POS and morphology
        elif type(proc) in (Lemmatizer, EnglishLemmatizer) and proc.mode in ("rule", "lookup"):
            new = FastLemmatizer(proc)
        if new is not None:
            components[pos] = (name, new)
            replaced.append(name)
    return replaced
