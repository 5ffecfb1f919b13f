"""The exact speed-ups of issue #7 give what the plain code gives: per-round proximity arrays in places
resolution, per-doc token attributes in places recognition, records found by bisection in the events stage.

Texts are written for these tests. They use the shipped gazetteer and spaCy model.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXT = ("Russian forces shelled Izyum and Balakliia in Kharkiv Oblast on Monday, officials in Kyiv said. "
        "Fighting continued near Bakhmut, Soledar and Siversk along the Donets River. "
        "In Springfield, Illinois, the mayor of Athens spoke with reporters from Henderson County. "
        "Ukrainian troops retook Kupiansk, Lyman and Kherson, and Poland and Moldova sent aid to Odesa.")


def test_proximity_from_round_arrays_equals_plain(gaz):
    from sitreps.extract.places_resolve import (
        Mention,
        _alternates,
        _distinct_bests,
        _proximity_round,
        _resolve_distinct,
        _Round,
    )

    names = [("izyum", 0), ("balakliia", 0), ("kharkiv", 0), ("kyiv", 0), ("bakhmut", 1), ("soledar", 1),
             ("siversk", 1), ("donets", 1), ("springfield", 2), ("illinois", 2), ("athens", 2),
             ("henderson county", 2), ("kupiansk", 3), ("lyman", 3), ("kherson", 3), ("poland", 3),
             ("moldova", 3), ("odesa", 3), ("kharkiv", 3)]
    mentions = [Mention(10 * k, 10 * k + 5, key, key.title(), sent=s, kind="admin" if k == 18 else None)
                for k, (key, s) in enumerate(names)]
    _resolve_distinct(mentions, gaz)
    bests = _distinct_bests(mentions)
    alts = _alternates(bests)
    places = [(o, ob) for o, ob in bests if ob is not None and not ob.is_country]
    countries = [(o, ob) for o, ob in bests if ob is not None and ob.is_country]
    assert places and countries and alts
    rnd = _Round(places, alts, countries)
    seen = []
    for m in mentions:
        got = _proximity_round(m, rnd)
        assert got == _proximity_per_mention(m, places, alts, countries)
        seen.extend(got)
    assert sum(v > 0 for v in seen) > len(mentions)  # the term is not trivially zero on this text


def _proximity_per_mention(m, bests, alternates, countries):
    """The proximity term computed per mention from the (mention, entry) lists, as before the round arrays:
    the reference ``places_resolve._proximity_round`` must equal float for float. ``bests`` holds the other
    names' towns and areas, ``countries`` the named countries (as ``_resolve_distinct`` splits them)."""
    import numpy as np

    from sitreps.extract import places_resolve as pr

    cands = m.candidates
    cn = pr._near_named_country(m, countries)
    others = [(o, ob) for o, ob in bests if o is not m and ob is not None and o.key != m.key]
    if not others or not cands:
        return [0.0 if e.is_country else float(v) for e, v in zip(cands, cn, strict=True)]
    d = pr._haversine_matrix(np.array([e.lat for e in cands]), np.array([e.lon for e in cands]),
                             np.array([ob.lat for _, ob in others]), np.array([ob.lon for _, ob in others]))
    # a river counts as near (at most 50 km) to anything inside its bounding box
    for j, (_, ob) in enumerate(others):
        if ob.bbox is not None:
            so, we, no, ea = ob.bbox
            for i, e in enumerate(cands):
                if so <= e.lat <= no and we <= e.lon <= ea:
                    d[i, j] = min(50.0, d[i, j])
    for i, e in enumerate(cands):
        if e.bbox is not None:
            so, we, no, ea = e.bbox
            for j, (_, ob) in enumerate(others):
                if so <= ob.lat <= no and we <= ob.lon <= ea:
                    d[i, j] = min(50.0, d[i, j])
    sup = np.exp(-d / 60.0)
    if pr.ALT_WEIGHT > 0:
        # another name's runner-up readings count at a discount, the best of its reading and its runner-ups
        alts = [(j, a) for j, (o, _) in enumerate(others) for a in (alternates or {}).get(o.key, ())]
        if alts:
            da = pr._haversine_matrix(np.array([e.lat for e in cands]), np.array([e.lon for e in cands]),
                                      np.array([a.lat for _, a in alts]), np.array([a.lon for _, a in alts]))
            sa = pr.ALT_WEIGHT * np.exp(-da / 60.0)
            supt = sup.T
            np.maximum.at(supt, np.array([j for j, _ in alts]), sa.T)
    w = np.array([1.0 if abs(o.sent - m.sent) > 1 else 1.5 for o, _ in others])
    near = (sup * w[None, :]).sum(axis=1)
    if pr.REGION_WEIGHT > 0:
        near += pr.REGION_WEIGHT * np.exp(-d / pr.REGION_KM).sum(axis=1)
    for _, ob in others:
        if ob.feature_code == "ADM1":
            for i, e in enumerate(cands):
                if pr._contains(ob, e):
                    near[i] += pr.CONTAIN_BONUS
    return [0.0 if e.is_country else min(float(v), pr.PROX_CAP) + float(c)
            for e, v, c in zip(cands, near, cn, strict=True)]


def test_doc_attrs_equal_token_attributes(nlp):
    from sitreps.extract.places_recognize import _doc_attrs, _ent_extent, _ent_label, _prev_words

    doc = nlp(TEXT)
    at = _doc_attrs(doc)
    assert at.lower == [t.lower_ for t in doc]
    assert at.ent_type == [t.ent_type_ for t in doc]
    assert at.ent_iob == [t.ent_iob_ for t in doc]
    assert at.text == [t.text for t in doc]
    assert at.idx == [t.idx for t in doc]
    assert any(at.ent_type) and "I" in at.ent_iob
    for i in range(len(doc)):
        t = doc[i]
        want = (i, i + 1)
        if t.ent_type_:
            s, e = i, i + 1
            while s > 0 and doc[s].ent_iob_ == "I":
                s -= 1
            while e < len(doc) and doc[e].ent_iob_ == "I":
                e += 1
            want = (s, e)
        assert _ent_extent(doc, i) == want
        assert _ent_label(doc, i, min(len(doc), i + 2)) == next(
            (doc[k].ent_type_ for k in range(i, min(len(doc), i + 2)) if doc[k].ent_type_), None)
        assert _prev_words(doc, i) == _prev_words_from_tokens(doc, i)


def _prev_words_from_tokens(doc, i, k=3):  # the code before per-doc attributes, on Token objects
    out = []
    j = i - 1
    while j >= 0 and len(out) < k:
        w = doc[j].lower_
        if w not in ("the", "a", "an", "'s", ",") or not out and w == ",":
            out.append(w)
        j -= 1
    return out


def test_records_within_by_bisection_equal_scan():
    from sitreps.extract.events import _ByStart, _within
    from sitreps.model import Place, Span

    text = "a" * 200
    spans = [(50, 60), (0, 5), (50, 55), (120, 180), (10, 199), (55, 60), (60, 61), (0, 200), (100, 100)]
    places = [Place(evidence=Span.of(text, a, b), role="other") for a, b in spans]
    index = _ByStart(places)
    for a in range(0, 201, 5):
        for b in range(a, 201, 7):
            assert index.within(a, b) == [p for p in places if _within(p.evidence, a, b)]
