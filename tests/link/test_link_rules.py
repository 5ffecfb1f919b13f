"""Clustering rules one at a time (distance by geo precision, date windows, actors, types), and the
corroboration logic (independent sources, figure and status conflicts) on hand-made members."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.link.cluster import (
    EventRef,
    actors_compatible,
    cluster_events,
    dates_compatible,
    event_interval,
    places_compatible,
    types_compatible,
)
from sitreps.link.corroborate import Figure, Member, source_groups, summarise

RUBIZHNE = (50.19, 36.45)


def ref(aid: str = "a", ord_: int = 0, *, sub: str = "Armed clash", etype: str = "Battles",
        lat: float | None = RUBIZHNE[0], lon: float | None = RUBIZHNE[1], gid: int | None = None, prec: int = 1,
        level: str = "local", admin1: str | None = "07", day: str | None = "2022-05-13", dprec: str | None = "day",
        actors: frozenset[str] = frozenset(), published: str = "2022-05-14") -> EventRef:
    start, end, p = event_interval(day, dprec, None, published)
    return EventRef(aid, ord_, f"e{ord_}", etype, sub, published, gid, lat, lon, "UA", admin1, level, prec,
                    start, end, p, actors)


def north(km: float) -> tuple[float, float]:
    """A point ``km`` north of Rubizhne (one degree of latitude is ~111.2 km)."""
    return RUBIZHNE[0] + km / 111.195, RUBIZHNE[1]


@pytest.mark.parametrize(("prec", "km", "expected"), [
    (1, 9.0, True), (1, 11.0, False),
    (2, 29.0, True), (2, 31.0, False),
    (3, 95.0, True), (3, 105.0, False),
])
def test_link_distance_depends_on_geo_precision(prec: int, km: float, expected: bool) -> None:
    lat, lon = north(km)
    a = ref(prec=1)
    b = ref("b", lat=lat, lon=lon, prec=prec)
    assert places_compatible(a, b) is expected
    assert places_compatible(b, a) is expected


def test_link_region_level_places_match_by_admin1_and_same_entry_always_matches() -> None:
    oblast = ref("b", lat=49.5, lon=36.5, prec=3, level="region", admin1="07")
    far_town = ref(lat=49.9, lon=37.9, admin1="07")  # > 100 km from the oblast centre, same oblast
    other_oblast = ref(lat=46.48, lon=30.73, admin1="17")
    assert places_compatible(oblast, far_town)
    assert not places_compatible(oblast, other_oblast)
    assert places_compatible(ref(gid=5, lat=None, lon=None), ref("b", gid=5, lat=None, lon=None))
    assert not places_compatible(ref(lat=None, lon=None, level="none"), ref("b"))
    assert not places_compatible(ref(level="country", gid=1), ref("b", level="country", gid=2))
    # the same country twice is still too coarse to tie two reports
    assert not places_compatible(ref(level="country", gid=1), ref("b", level="country", gid=1))


@pytest.mark.parametrize(("a", "b", "expected"), [
    (("2022-05-13", "day"), ("2022-05-14", "day"), True),
    (("2022-05-13", "day"), ("2022-05-15", "day"), False),
    (("2022-05-02", "week"), ("2022-05-14", "day"), True),  # week 2-8, gap 6 <= 7
    (("2022-05-02", "week"), ("2022-05-17", "day"), False),  # gap 9
    (("2022-05", "month"), ("2022-05-31", "day"), True),
    (("2022-05", "month"), ("2022-06-01", "day"), False),
    (("2022", "year"), ("2022-05-13", "day"), False),
])
def test_link_date_window_depends_on_time_precision(a: tuple[str, str], b: tuple[str, str],
                                                     expected: bool) -> None:
    ea = ref(day=a[0], dprec=a[1])
    eb = ref("b", day=b[0], dprec=b[1])
    assert dates_compatible(ea, eb) is expected
    assert dates_compatible(eb, ea) is expected


def test_link_undated_event_takes_its_publication_week() -> None:
    start, end, precision = event_interval(None, None, None, "2022-05-14")
    assert (start, end, precision) == (date(2022, 5, 8), date(2022, 5, 14), "week")
    assert event_interval(None, None, None, None) == (None, None, None)
    # A reduced date cannot claim day precision.
    assert event_interval("2022-05", "day", None, None)[2] == "month"


def test_link_actors_same_or_unknown() -> None:
    ru, ua = frozenset({"side:RU"}), frozenset({"side:UA"})
    assert actors_compatible(ref(actors=ru), ref("b"))
    assert actors_compatible(ref(actors=ru | ua), ref("b", actors=ua))
    assert not actors_compatible(ref(actors=ru), ref("b", actors=ua))


def test_link_types_family_and_territory() -> None:
    assert types_compatible(ref(sub="Armed clash"), ref("b", sub="Government regains territory"))
    assert types_compatible(ref(sub="Government regains territory"),
                            ref("b", etype="Strategic developments", sub="Non-violent transfer of territory"))
    assert not types_compatible(ref(), ref("b", etype="Explosions/Remote violence", sub="Air/drone strike"))
    assert not types_compatible(ref(etype="Strategic developments", sub="Agreement"),
                                ref("b", etype="Strategic developments", sub="Arrests"))


def test_link_clusters_are_components_independent_of_order_with_stable_ids() -> None:
    lat9, lon9 = north(9)
    lat18, lon18 = north(18)
    events = [
        ref("a", published="2022-05-14"),
        ref("b", lat=lat9, lon=lon9, published="2022-05-15"),
        ref("c", lat=lat18, lon=lon18, published="2022-05-16"),  # 9 km from b, 18 from a: chained in
        ref("d", day="2022-05-20", published="2022-05-21"),  # a week later: its own cluster
        ref("e", etype="Explosions/Remote violence", sub="Air/drone strike"),
    ]
    forward = cluster_events(events)
    backward = cluster_events(list(reversed(events)))
    assert forward == backward
    sizes = sorted(len(m) for m in forward.values())
    assert sizes == [1, 1, 3]
    big = next(m for m in forward.values() if len(m) == 3)
    assert [m.article_id for m in big] == ["a", "b", "c"]  # earliest first
    # The id follows the earliest member: without "a" the cluster is named after "b".
    ids_without_a = set(cluster_events(events[1:]).keys())
    assert next(k for k, m in forward.items() if len(m) == 3) not in ids_without_a


def member(aid: str, sources: tuple[str, ...] = (), outlet: str | None = None, dup: str | None = None,
           figures: tuple[Figure, ...] = (), sub: str = "Armed clash") -> Member:
    return Member(ref=ref(aid, sub=sub), outlet=outlet, duplicate_root=dup, sources=sources, figures=list(figures))


def test_link_independent_sources_count_copies_and_shared_sources_once() -> None:
    members = [
        member("a", ("Ukrainian General Staff",), "Wire One"),
        member("b", ("the Ukrainian General Staff",), "Paper Two"),  # quotes the same source
        member("c", (), "Wire One Copy", dup="d"),  # syndicated copy of d
        member("d", (), "Original Daily", dup="d"),
        member("e", ("Russian Defence Ministry",), "Paper Two"),
        member("f", ("they",), "Lone Blog"),  # a pronoun is not a source: the blog's own
    ]
    groups = source_groups(members)
    assert groups == [0, 0, 1, 1, 2, 3]
    assert len(summarise(members)["sources"]) == 4


def fig(value: float, kind: str = "equipment_destroyed", unit: str | None = "vehicles",
        vmax: float | None = None) -> Figure:
    return Figure(kind, value, vmax, unit, "armoured vehicles", None, {"start": 0, "end": 3, "text": "100"})


def test_link_figure_conflicts_beyond_tolerance_between_independent_sources() -> None:
    members = [
        member("a", ("Ukrainian General Staff",), figures=(fig(100),)),
        member("b", ("Open-source analysts",), figures=(fig(70),)),
        member("c", ("Ukrainian General Staff",), figures=(fig(60),)),  # same source as a: no conflict with a
        member("d", ("Regional governor",), figures=(fig(52, "killed", "persons"),)),
        member("e", ("Police",), figures=(fig(50, "killed", "persons"),)),  # within 20 %: agrees
        member("f", ("Medics",), figures=(fig(70, "killed", "persons", vmax=80),)),  # range gap too wide
    ]
    conflicts = summarise(members)["conflicts"]
    pairs = sorted(tuple(sorted(s["article_id"] for s in c["claims"])) for c in conflicts)
    assert ("a", "b") in pairs
    assert ("a", "c") not in pairs
    assert ("d", "e") not in pairs
    assert ("d", "f") in pairs and ("e", "f") in pairs
    assert ("b", "c") not in pairs  # 70 vs 60 is within tolerance
    assert all(c["kind"] == "figure" for c in conflicts)


def test_link_status_conflict_retaken_versus_fighting_goes_on() -> None:
    members = [
        member("a", ("Ukrainian General Staff",), sub="Government regains territory"),
        member("b", ("Local volunteers",), sub="Armed clash"),
        member("c", ("Ukrainian General Staff",), sub="Armed clash"),  # the same source says both: no conflict
    ]
    conflicts = summarise(members)["conflicts"]
    assert len(conflicts) == 1
    assert conflicts[0]["kind"] == "status"
    assert {s["article_id"] for s in conflicts[0]["claims"]} == {"a", "b"}


def test_link_subset_figure_is_neither_the_toll_nor_a_conflict():
    from sitreps.link.corroborate import Figure, Member, figure_conflicts, summarise

    total = Figure("killed", 50.0, None, "person", "people", "Governor",
                   {"start": 0, "end": 16, "text": "at least 50 people"})
    part = Figure("killed", 5.0, None, "person", "children", "Governor",
                  {"start": 20, "end": 44, "text": "including five children"})
    other = Figure("killed", 52.0, None, "person", "people", "Police",
                   {"start": 0, "end": 9, "text": "52 people"})
    a = Member(ref=ref("a"), outlet="Demo Wire", figures=[total, part])
    b = Member(ref=ref("b"), outlet="Sample Gazette", figures=[other])
    assert part.subset and not total.subset
    assert figure_conflicts([a, b], [0, 1]) == []
    assert summarise([a, b])["fatalities_min"] == 50
