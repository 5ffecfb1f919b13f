"""The founding-article matcher, on small hand-built results (no spaCy, no ../shared)."""

from __future__ import annotations

import pytest
import yaml

from sitreps.evaluate.common import find_shared, format_table, prf, run_or_skip
from sitreps.evaluate.seed import FOUND, MISSED, WRONG, occurrences, score_seed
from sitreps.model import (
    Actor,
    Article,
    ArticleResult,
    Boilerplate,
    Claim,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    TimeExpr,
)

TEXT = (
    "Officials in Kyiv said on Sunday that 300 Russian soldiers were killed near Izium.\n"
    "The 93rd Mechanized Brigade advanced 30 miles toward the river.\n"
    "A tank burns outside a school near the front line.\n"
    "A tank burns outside a school near the front line.\n"
    "Moscow is determined to keep the bridgehead, a commander wrote last March."
)

EXPECTED = yaml.safe_load("""
article:
  published: 2022-09-12
  boilerplate: ["A tank burns outside a school"]
places:
  - {text: Izium, kind: city, country: UA, lat: 49.21, lon: 37.26}
  - {text: Kyiv, kind: city, country: UA, lat: 50.45, lon: 30.52}
not_places:
  - {text: Moscow}
quantities:
  - {text: "300 Russian soldiers", value: 300, unit: person, source: "Officials (Kyiv); the military"}
  - {text: "30 miles", value: 30, unit: mile, km: 48.3}
not_quantities:
  - {text: "93rd Mechanized Brigade"}
times:
  - {text: "on Sunday", value: "2022-09-11", precision: day}
  - {text: "last March", value: "2022-03", precision: month}
claims:
  - {source: "officials", cue: said, evidence: "300 Russian soldiers were killed"}
events:
  - {type: "Battles | Explosions/Remote violence", sub_type: "Armed clash", actor1: "Military Forces of Ukraine",
     location: "Izium", fatalities: {value: 300}}
""")


def sp(phrase: str, nth: int = 0) -> Span:
    start, _ = occurrences(TEXT, phrase)[nth]
    return Span.of(TEXT, start, start + len(phrase))


def article(boilerplate: bool = True) -> Article:
    blocks = []
    if boilerplate:
        line = "A tank burns outside a school near the front line."
        blocks = [Boilerplate(sp(line, 0), "caption"), Boilerplate(sp(line, 1), "repeated", skip=True)]
    return Article(id="t", text=TEXT, published="2022-09-12", boilerplate=blocks)


def good_result() -> ArticleResult:
    r = ArticleResult(article=article())
    r.places = [
        Place(sp("Izium"), 707753, "Izyum", "P", "PPLA2", "UA", lat=49.21, lon=37.25, role="event_location"),
        Place(sp("Kyiv"), 703448, "Kyiv", "P", "PPLC", "UA", lat=50.45, lon=30.52, role="origin"),
        Place(sp("Moscow"), 524901, "Moscow", "P", "PPLC", "RU", lat=55.75, lon=37.62, role="metonym"),
    ]
    claim = Claim("c1", sp("300 Russian soldiers were killed near Izium"), Source("officials in Kyiv"), sp("said"))
    r.claims = [claim]
    r.quantities = [
        Quantity(sp("300 Russian soldiers"), 300, "person", 300, "person", kind="killed", claim_id="c1"),
        Quantity(sp("30 miles"), 30, "mile", 48.3, "km", kind="distance"),
    ]
    r.times = [TimeExpr(sp("on Sunday"), "2022-09-11", precision="day"),
               TimeExpr(sp("last March"), "2022-03", precision="month")]
    r.events = [Event("e1", sp("300 Russian soldiers were killed near Izium"), "Battles", "Armed clash",
                      actor1=Actor(sp("Kyiv"), "Military Forces of Ukraine"), location=r.places[0], fatalities=300)]
    return r


ALL = ["time", "quantities", "places", "attribution", "actors", "events"]


def statuses(report, name):
    sec = next(s for s in report.sections if s.name == name)
    return [i.status for i in sec.items]


def test_seed_everything_found_on_a_correct_result():
    report = score_seed(good_result(), EXPECTED, ALL)
    for sec in report.sections:
        assert sec.implemented
        assert all(i.status == FOUND for i in sec.items), (sec.name, [i.to_dict() for i in sec.items])
    assert "summary" in report.render()


def test_seed_missing_stage_reported_not_implemented():
    report = score_seed(good_result(), EXPECTED, ["time"])
    by = {s.name: s for s in report.sections}
    assert not by["places"].implemented and not by["claims"].implemented
    assert by["times"].implemented and by["boilerplate"].implemented
    assert "not implemented" in report.render()


def test_seed_wrong_values_reported_with_what_we_produced():
    r = good_result()
    r.quantities[1].normalized_value = 50.0  # wrong conversion
    r.times[0].value = "2022-09-04"
    r.places[0].lat, r.places[0].lon = 48.0, 37.8  # ~150 km off
    r.places[2].role = "event_location"  # Moscow as a location of an event
    r.claims[0].source = Source("the Kremlin")
    report = score_seed(r, EXPECTED, ALL)
    assert statuses(report, "quantities") == [WRONG, WRONG]  # source is wrong too now, km is wrong
    assert statuses(report, "times") == [WRONG, FOUND]
    assert statuses(report, "places")[0] == WRONG
    assert statuses(report, "not_places") == [WRONG]
    assert statuses(report, "claims") == [WRONG]
    qsec = next(s for s in report.sections if s.name == "quantities")
    assert "50" in (qsec.items[1].got or "") and "normalised" in (qsec.items[1].note or "")


def test_seed_claim_flagged_as_an_act_is_wrong():
    r = good_result()
    r.claims[0].speech = False
    report = score_seed(r, EXPECTED, ALL)
    assert statuses(report, "claims") == [WRONG]
    item = next(s for s in report.sections if s.name == "claims").items[0]
    assert "act" in (item.note or "")
    expected = dict(EXPECTED, claims=[dict(EXPECTED["claims"][0], speech=False)])
    assert statuses(score_seed(r, expected, ALL), "claims") == [FOUND]


def test_seed_missed_and_not_quantities():
    r = good_result()
    r.quantities.append(Quantity(sp("93rd"), 93, None))
    r.times = []
    r.events = []
    report = score_seed(r, EXPECTED, ALL)
    assert statuses(report, "not_quantities") == [WRONG]
    assert statuses(report, "times") == [MISSED, MISSED]
    assert statuses(report, "events")[0] == MISSED


def test_seed_boilerplate_needs_one_read_copy():
    r = good_result()
    r.article = article(boilerplate=False)
    assert statuses(score_seed(r, EXPECTED, ALL), "boilerplate") == [MISSED]
    r.article = article()
    r.article.boilerplate[1].skip = False  # both copies read
    assert statuses(score_seed(r, EXPECTED, ALL), "boilerplate") == [WRONG]


def test_seed_duplicate_event_from_repeated_block_is_wrong():
    r = good_result()
    r.events.append(Event("e2", sp("A tank burns outside a school", 1), "Explosions/Remote violence",
                          "Shelling/artillery/missile attack"))
    assert statuses(score_seed(r, EXPECTED, ALL), "events")[-1] == WRONG


def test_seed_quantity_source_unchecked_without_attribution():
    report = score_seed(good_result(), EXPECTED, ["quantities"])
    qsec = next(s for s in report.sections if s.name == "quantities")
    assert qsec.items[0].status == FOUND and "unchecked" in (qsec.items[0].note or "")


def test_common_skip_and_tables(tmp_path):
    lines: list[str] = []
    assert run_or_skip(lambda: find_shared("corpus", tmp_path / "absent"), echo=lines.append) is None
    assert lines[0].startswith("skipped: ") and "--data" in lines[0]
    assert find_shared("corpus", tmp_path) == tmp_path
    assert prf(1, 1, 0) == (0.5, 1.0, pytest.approx(2 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    table = format_table(["a", "n"], [["x", 1], ["yy", 10]])
    assert table.splitlines()[2] == "x    1"


# typer's test runner touches an API that click 8.2 deprecates: not ours to fix
@pytest.mark.filterwarnings("ignore:'click.utils:DeprecationWarning")
def test_seed_command_skips_cleanly_without_data(tmp_path):
    from typer.testing import CliRunner

    from sitreps.cli import app

    out = CliRunner().invoke(app, ["evaluate", "seed", "--data", str(tmp_path / "nowhere")])
    assert out.exit_code == 0
    assert out.output.startswith("skipped: ")
