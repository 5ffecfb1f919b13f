"""Boilerplate detection on captions, credits and bylines written for these tests; spans always match text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitreps.ingest import make_article
from sitreps.ingest.boilerplate import (
    is_byline,
    is_caps_headline,
    is_caption,
    is_credit,
    is_promo,
    is_related,
)

NEWS = [
    "Russian forces shelled the northern districts of Kharkiv on Saturday, the regional governor said.",
    "Ukrainian units pushed toward the border after retaking two villages east of the city this week.",
    "The General Staff said the enemy was trying to protect its supply routes near Belgorod.",
    "Analysts warned that artillery could still reach the city centre from positions across the border.",
    "Residents of Saltivka began clearing debris as power returned to several apartment blocks.",
    "According to local officials, 12 people were wounded and 3 killed in strikes on Friday (local time).",
    "A spokesman for the Ministry of Defence (MoD) declined to comment on the report.",
    "Zelensky thanked the defenders of the city in his nightly address (video).",
]

CAPTION_A = ("Soldiers of a territorial defence unit rest beside a damaged armoured vehicle outside Kharkiv "
             "(Olena Petrenko). Source:")
CAPTION_B = ("Soldiers of a territorial defence unit rest beside a damaged armoured vehicle outside Kharkiv "
             "(Olena Petrenko/Twitter)")


def _blocks(paragraphs: list[str]):
    art = make_article("\n\n".join(paragraphs))
    return art, [(b.kind, b.skip, b.evidence.text) for b in art.boilerplate]


def test_ingest_boilerplate_near_identical_caption_counted_once() -> None:
    art, blocks = _blocks([NEWS[0], NEWS[1], CAPTION_A, CAPTION_B, NEWS[2]])
    assert blocks == [("caption", False, CAPTION_A), ("caption", True, CAPTION_B)]
    for b in art.boilerplate:
        assert art.text[b.evidence.start:b.evidence.end] == b.evidence.text


def test_ingest_boilerplate_single_caption_read_once() -> None:
    _, blocks = _blocks([NEWS[0], CAPTION_B, NEWS[1]])
    assert blocks == [("caption", False, CAPTION_B)]


def test_ingest_boilerplate_exact_repeat_of_news_paragraph() -> None:
    art, blocks = _blocks([NEWS[0], NEWS[1], NEWS[2], NEWS[1]])
    assert blocks == [("repeated", False, NEWS[1]), ("repeated", True, NEWS[1])]
    assert art.boilerplate[1].evidence.start > art.boilerplate[0].evidence.start


def test_ingest_boilerplate_same_frame_different_place_is_not_a_repeat() -> None:
    a = "Russian forces conducted unsuccessful ground assaults toward Bakhmut and Soledar on Monday."
    b = "Russian forces conducted unsuccessful ground assaults toward Avdiivka and Marinka on Monday."
    c = "Russian forces conducted unsuccessful ground assaults toward Bakhmut and Soledar on Tuesday."
    d = "Russian forces conducted 14 unsuccessful ground assaults toward Bakhmut and Soledar on Monday."
    _, blocks = _blocks([a, b, c, d])
    assert blocks == []


def test_ingest_boilerplate_function_word_edit_is_a_repeat() -> None:
    a = "Officials said the convoy may reach the river crossing within days if the weather holds."
    b = "Officials said the convoy could reach the river crossing within days if the weather holds."
    _, blocks = _blocks([a, NEWS[0], b])
    assert blocks == [("repeated", False, a), ("repeated", True, b)]


def test_ingest_boilerplate_credits_and_bylines() -> None:
    paras = ["By Marta Kowalska and John Reed", NEWS[0], "Photo: Ministry of Defence of Ukraine",
             "Mykola Ivanenko / Reuters", NEWS[1], "Source: Ukrainska Pravda",
             "Satellite image ©2022 Example Imaging.", NEWS[2]]
    _, blocks = _blocks(paras)
    assert blocks == [
        ("byline", True, paras[0]),
        ("credit", True, paras[2]),
        ("credit", True, paras[3]),
        ("credit", False, paras[5]),  # a Source: line may name who reported the news
        ("credit", True, paras[6]),
    ]


def test_ingest_boilerplate_caption_with_inline_agency_credit() -> None:
    cap = "Firefighters work at a burning warehouse in Odesa after a drone strike. Ivan Sydorenko/AFP/Getty Images"
    _, blocks = _blocks([NEWS[0], cap])
    assert blocks == [("caption", False, cap)]


def test_ingest_boilerplate_no_false_positive_on_normal_paragraphs() -> None:
    _, blocks = _blocks(NEWS)
    assert blocks == []
    for p in NEWS:
        assert not (is_caption(p) or is_credit(p) or is_byline(p)), p


def test_ingest_boilerplate_quotes_and_lists_are_not_captions() -> None:
    quoted = "“We will hold the line near Kupiansk,” the commander said (Serhii Bondar)"
    listed = "* 93rd Mechanized Brigade (Kholodnyi Yar Brigade)"
    reported = 'The strike killed two people, "a crime", the mayor said on Sunday (AFP/ Reuters)'
    for p in (quoted, listed, reported):
        assert not is_caption(p), p


def test_ingest_boilerplate_related_links_and_promotions_are_skipped() -> None:
    related = "See also: Drones strike a fuel depot outside Dnipro overnight"
    teaser = ("Other topics of interest Finland’s minister: joint exercises near the border will go ahead "
              "The minister said the drills would take place in March.")
    promo = "Thank you for reading.Sign up for our weekly newsletter to get the best analysis first"
    art, blocks = _blocks([NEWS[0], related, NEWS[1], teaser, NEWS[2], promo])
    assert blocks == [("related", True, related), ("related", True, teaser), ("promo", True, promo)]
    # news paragraphs that merely start with the same words are news
    for p in ("Related to the strike, the mayor said the bridge was closed.", "Read more about it below.",
              "Recommended routes were closed after the shelling.", *NEWS):
        assert not (is_related(p) or is_promo(p)), p


def test_ingest_boilerplate_capitalised_headlines_and_ad_markers_are_skipped() -> None:
    other = "NAVY DRONES HIT FERRY AT KERCH, OFFICIALS SAY"
    watch = "WATCH: GOVERNOR TOURS THE RUINED SCHOOL IN 'HEROIC' TOWN OF 5,000"
    ad, click = "Advertisement", "CLICK HERE TO GET OUR DAILY BRIEFING"
    art, blocks = _blocks([NEWS[0], other, NEWS[1], ad, NEWS[2], watch, click, NEWS[3]])
    assert blocks == [("related", True, other), ("promo", True, ad), ("related", True, watch),
                      ("promo", True, click)]
    # the article's own headline (first paragraph), short acronym headings and news with capitals are news
    art, blocks = _blocks(["ARMY RETAKES THREE VILLAGES NEAR IZIUM", NEWS[0], "KHARKIV OBLAST", NEWS[1],
                           "The ISW and the UN said the OSCE SMM had left.", "NATO SAID IT WOULD MEET."])
    assert blocks == []
    assert not is_caps_headline("Kharkiv: ZSU says 3 villages RETAKEN")
    assert not is_promo("The advertisement campaign was paid for by the regional council.")


def test_ingest_boilerplate_related_story_has_no_events(pipeline, make_article) -> None:
    text = (f"{NEWS[0]}\n\nSee also: Russian troops withdraw from the village of Dovhenke, officials said\n\n"
            f"{NEWS[4]}")
    result = pipeline.extract(make_article(text))
    inside = text.index("See also")
    assert not [c for c in result.claims if c.evidence.start >= inside and c.evidence.start < inside + 80]
    assert not [e for e in result.events if inside <= e.evidence.start < inside + 80]


def test_ingest_boilerplate_short_heading_by_itself_is_news() -> None:
    assert not is_byline("By the end of the week the front had stabilised near Lyman.")
    assert not is_credit("Photographs from the scene showed a destroyed bridge near Izium.")


PARA = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
LINES = st.lists(st.one_of(PARA, st.sampled_from(NEWS + [CAPTION_A, CAPTION_B, "By Jane Doe", "", " \t"])),
                 max_size=12)


@settings(max_examples=150, deadline=None)
@given(LINES, st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n\n\n"]))
def test_ingest_boilerplate_spans_always_match_text(lines: list[str], sep: str) -> None:
    art = make_article(sep.join(lines))
    for span in art.paragraphs + [b.evidence for b in art.boilerplate]:
        assert 0 <= span.start <= span.end <= len(art.text)
        assert art.text[span.start:span.end] == span.text
    starts = [b.evidence.start for b in art.boilerplate]
    assert starts == sorted(set(starts))
    assert all(any(b.evidence == p for p in art.paragraphs) for b in art.boilerplate)
