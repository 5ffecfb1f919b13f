"""An event located at a name the gazetteer lacks names that place but puts no point on a map. Written for
these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_event_at_an_unknown_place_has_no_guessed_point(pipeline, make_article):
    text = ("Russian artillery shelled Kharkiv on Monday, the regional governor said. "
            "On Tuesday a drone struck the village of Zhovtobrynka, killing two farmers.")
    result = pipeline.extract(make_article(text, published="2023-05-10"))
    place = next(p for p in result.places if p.evidence.text == "Zhovtobrynka")
    assert not place.resolved and place.lat is not None  # the places list keeps the story town's point
    ev = next(e for e in result.events if e.evidence.start > text.index("On Tuesday") - 1)
    assert ev.location is not None and ev.location.evidence.text == "Zhovtobrynka"
    assert ev.location.lat is None and ev.location.lon is None
    assert ev.to_dict()["location"]["lat"] is None
