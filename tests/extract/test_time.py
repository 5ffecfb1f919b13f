"""Time expressions resolved against a publication date. Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitreps.extract.time import find_times, parse_published

PUB = "2022-05-16"  # a Monday


def by_text(text, published=PUB, doc=None):
    return {t.evidence.text: t for t in find_times(text, published, doc)}


@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "end", "precision"),
    [
        ("Officials said on Saturday that the bridge fell.", "on Saturday", "2022-05-14", None, "day"),
        ("The village was retaken last April by the army.", "last April", "2022-04", None, "month"),
        ("Shelling resumed yesterday near the river.", "yesterday", "2022-05-15", None, "day"),
        ("The governor spoke today about the evacuation.", "today", "2022-05-16", None, "day"),
        ("Officials met on Monday to discuss supplies.", "on Monday", "2022-05-16", None, "day"),
        ("Strikes intensified last week across the oblast.", "last week", "2022-05-09", "2022-05-15", "week"),
        ("Earlier this month the convoy was spotted.", "Earlier this month", "2022-05-01", "2022-05-16", "interval"),
        ("The town was encircled in March by armored units.", "in March", "2022-03", None, "month"),
        ("The bridge was blown up on March 3 by engineers.", "on March 3", "2022-03-03", None, "day"),
        ("Columns were seen on 3 March 2022 near the border.", "on 3 March 2022", "2022-03-03", None, "day"),
        ("A report dated 2022-05-13 listed the losses.", "2022-05-13", "2022-05-13", None, "day"),
        ("Counterattacks began in mid-May along the front.", "in mid-May", "2022-05-11", "2022-05-20", "interval"),
        ("Troops massed in late February on the border.", "in late February", "2022-02-21", "2022-02-28", "interval"),
        ("Little changed over the past several days, analysts wrote.", "over the past several days",
         "2022-05-09", "2022-05-16", "interval"),
        ("Fighting slowed in recent days around the city.", "in recent days", "2022-05-09", "2022-05-16", "interval"),
        ("Six villages changed hands over the past week.", "over the past week", "2022-05-09", "2022-05-16",
         "interval"),
        ("Since February 24 the city has been shelled daily.", "Since February 24", "2022-02-24", "2022-05-16",
         "interval"),
        ("The drone struck two days ago at dawn.", "two days ago", "2022-05-14", None, "day"),
        ("The annexation of Crimea in 2014 began the conflict.", "in 2014", "2014", None, "year"),
        ("The order was signed on 10.04.2022 by the commander.", "10.04.2022", "2022-04-10", None, "day"),
        ("The parade on May 9 was cancelled.", "on May 9", "2022-05-09", None, "day"),
        ("Last May the port was blockaded.", "Last May", "2021-05", None, "month"),
    ],
)
def test_time_resolves_against_publication(sentence, phrase, value, end, precision):
    found = by_text(sentence)
    assert phrase in found, found.keys()
    t = found[phrase]
    assert (t.value, t.end, t.precision) == (value, end, precision)
    assert sentence[t.evidence.start:t.evidence.end] == t.evidence.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The defeat may signal a change of plans, we think.",
        "The march on Kyiv stalled north of the capital.",
        "We will not leave anyone behind, he said.",
        "Columns march toward the river each night.",
    ],
)
def test_time_never_reads_verbs_or_pronouns_as_dates(sentence):
    assert find_times(sentence, PUB) == []


def test_time_unresolved_without_publication_but_kept():
    found = by_text("Officials said on Saturday that talks failed on 3 March 2022.", published=None)
    assert found["on Saturday"].value is None
    assert found["on 3 March 2022"].value == "2022-03-03"


def test_time_anchored_on_explicit_date_in_same_paragraph():
    text = "On 3 March 2022 the convoy stopped. The next day it turned back.\nThe next day nothing moved."
    times = find_times(text, PUB)
    anchored = [t for t in times if t.evidence.text == "The next day"]
    assert anchored[0].value == "2022-03-04" and anchored[0].anchor == "2022-03-03"
    assert anchored[1].value is None  # a new paragraph: no clear anchor


def test_time_parse_published():
    assert parse_published("2022-05-16")[1] == 2022
    assert parse_published("2022-05") == (None, 2022)
    assert parse_published(None) == (None, None)


@pytest.mark.slow
def test_time_with_parse_vetoes_modal_may_and_reads_future(nlp):
    text = "May officials confirm it? Negotiators will meet on Friday, and shelling stopped on Friday."
    times = find_times(text, PUB, nlp(text))
    values = [(t.evidence.text, t.value) for t in times]
    assert ("on Friday", "2022-05-20") in values  # future tense: the next Friday
    assert ("on Friday", "2022-05-13") in values  # past tense: the last one
    assert not any(t.evidence.text.startswith("May") for t in times)


@pytest.mark.slow
def test_time_stage_in_pipeline(pipeline, make_article):
    art = make_article("Russian forces withdrew on Saturday, the general staff said in mid-May.",
                       published=PUB)
    result = pipeline.extract(art)
    got = {t.evidence.text: t.value for t in result.times}
    assert got["on Saturday"] == "2022-05-14"
    for t in result.times:
        assert art.text[t.evidence.start:t.evidence.end] == t.evidence.text


def test_time_dateline_resolves_in_publication_year_but_anchors_nothing():
    text = "ODESA, Ukraine, Dec 30 (Test Wire) — Port officials confirmed the closure a day later."
    found = by_text(text, published="2023-01-02")
    assert (found["Dec 30"].value, found["Dec 30"].precision) == ("2022-12-30", "day")
    # the dateline dates the report: "a day later" is not counted from it
    assert found["a day later"].value is None


def test_time_days_after_an_event_are_not_counted_from_the_last_date():
    text = "On 3 March 2022 the depot burned, two days after the first strike. Two days later it was rebuilt."
    found = by_text(text)
    assert found["two days after"].value is None
    assert found["Two days later"].value == "2022-03-05"


@pytest.mark.slow
def test_time_entities_that_are_ages_or_bare_numbers_are_not_dates(nlp):
    text = "A 19-year-old conscript said the governor had put the toll at around 40 in 2021."
    times = find_times(text, PUB, nlp(text))
    assert [t.evidence.text for t in times] == ["in 2021"]


@pytest.mark.slow
def test_time_planned_action_on_a_weekday_is_the_next_one(nlp):
    text = "The minister plans to visit the front on Friday, after troops withdrew on Friday."
    times = find_times(text, PUB, nlp(text))
    assert [(t.evidence.text, t.value) for t in times] == [("on Friday", "2022-05-20"), ("on Friday", "2022-05-13")]


def test_time_a_retrospective_text_keeps_the_year_it_wrote():
    # an encyclopedia-style account published in mid-2023 of a 2022 siege: days written without a year belong
    # to the year the text last wrote, not to the year of publication
    text = ("The siege of the river port began on 2 March 2022 and ended on 30 April 2022. On 27 February, "
            "scouts had crossed the bridge. In April the garrison left. The siege lasted from 5 March to "
            "21 March 2022, the longest in the region.")
    found = {t.evidence.text: t.value for t in find_times(text, "2023-06-16")}
    assert found["On 27 February"] == "2022-02-27"
    assert found["In April"] == "2022-04"
    assert found["from 5 March"] == "2022-03-05"


def test_time_a_news_report_keeps_the_year_of_publication():
    # one dated anniversary is no retrospective; a date weeks before publication keeps its year; "since" counts
    # up to publication
    news = "A year after 24 February 2022, officials said on 5 March that shelling had eased since Jan 1."
    found = {t.evidence.text: t.value for t in find_times(news, "2023-03-07")}
    assert found["on 5 March"] == "2023-03-05"
    retro = ("The first raid came on 3 May 2022 and the last on 9 June 2022. Since Jan 1, raids have stopped; "
             "on 2 June, the mayor spoke.")
    found = {t.evidence.text: t.value for t in find_times(retro, "2023-06-16")}
    assert found["Since Jan 1"].startswith("2023-01-01")
    assert found["on 2 June"] == "2023-06-02"


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The two governments signed the treaty in May of 2019 in Minsk.", "in May of 2019", "2019-05"),
    ("In October of 2020, the ferry service stopped.", "In October of 2020", "2020-10"),
    ("In March of last year the garrison left the port.", "In March of last year", "2021-03"),
    ("Elections are due in June of next year.", "in June of next year", "2023-06"),
    ("The dam was finished in May of this year.", "in May of this year", "2022-05"),
])
def test_time_month_of_a_year(sentence, phrase, value, nlp):
    # "<month> of <year>" names the month's year; it had been read as the month of the publication's year
    found = by_text(sentence, doc=nlp(sentence))
    assert phrase in found and found[phrase].value == value
