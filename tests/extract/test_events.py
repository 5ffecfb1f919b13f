"""The events stage inside the real pipeline, on short reports written for these tests."""

from __future__ import annotations

import pytest

from sitreps.model import check_spans

pytestmark = pytest.mark.slow


def _events(pipeline, make_article, text: str, published: str = "2023-03-06"):
    result = pipeline.extract(make_article(text, published=published))
    check_spans(result)
    return result, result.events


def test_events_passive_voice_puts_the_agent_first(pipeline, make_article) -> None:
    text = ("Local officials said on Friday that a Russian supply column was destroyed by Ukrainian forces "
            "near the town of Balakliia.")
    _, events = _events(pipeline, make_article, text)
    ev = next(e for e in events if e.event_type in ("Battles", "Explosions/Remote violence"))
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Ukraine"
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Russia"
    assert ev.trigger is not None and ev.evidence.contains(ev.trigger)


def test_events_date_from_the_sentence_else_publication(pipeline, make_article) -> None:
    text = ("Russian artillery shelled Kupiansk on Saturday. "
            "Separately, Ukrainian troops recaptured two villages south of Izium.")
    _, events = _events(pipeline, make_article, text)
    shelling = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.date == "2023-03-04" and shelling.time_precision == 1
    regain = next(e for e in events if e.sub_event_type == "Government regains territory")
    assert regain.actor1 is not None and regain.actor1.side == "UA"
    assert regain.date == "2023-03-06" and regain.time_precision == 2


def test_events_fatalities_come_from_killed_counts(pipeline, make_article) -> None:
    text = "An air strike on the village of Hrakove killed 12 civilians on Monday, regional officials said."
    _, events = _events(pipeline, make_article, text)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.fatalities == 12


@pytest.mark.parametrize(("text", "flag"), [
    ("The ministry denied that its troops had shelled the border villages.", "negated"),
    ("Russian forces did not shell the city of Sumy this week.", "negated"),
    ("The commander threatened to launch missile strikes on the capital.", "future"),
    ("Separatist leaders said they will capture the airport next week.", "future"),
])
def test_events_denials_and_threats_are_flagged_not_dropped(pipeline, make_article, text: str, flag: str) -> None:
    _, events = _events(pipeline, make_article, text)
    assert events, "a flagged event is kept (exports skip it)"
    assert any(getattr(e, flag) for e in events)


def test_events_caption_repeating_the_body_counts_once(pipeline, make_article) -> None:
    body = ("Ukrainian soldiers reached the state border north of Kharkiv on Sunday, a regional official said. "
            "Residents returned to the villages nearby.")
    caption = "Ukrainian soldiers reached the state border north of Kharkiv (photo: press service)"
    text = body + "\n\n" + caption + "\n\n" + "Officials expect more returns in the coming weeks."
    _, events = _events(pipeline, make_article, text)
    border = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert len(border) == 1


def test_events_empty_when_nothing_happened(pipeline, make_article) -> None:
    _, events = _events(pipeline, make_article, "The weather in the capital was mild and sunny today.")
    assert events == []
