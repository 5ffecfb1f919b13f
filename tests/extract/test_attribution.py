"""Claims: direct, indirect, according-to, nested, pronoun speakers, stance, broken quote marks, quantities.

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from sitreps.model import check_spans

pytestmark = pytest.mark.slow


@pytest.fixture
def extract(pipeline, make_article):
    def run(text: str, published: str = "2023-03-13"):
        result = pipeline.extract(make_article(text, published=published))
        assert not [e for e in result.errors if e.startswith("attribution")], result.errors
        check_spans(result)
        return result

    return run


def _claim_with(result, phrase: str):
    hits = [c for c in result.claims if phrase in c.evidence.text]
    assert hits, f"no claim contains {phrase!r}: {[c.evidence.text for c in result.claims]}"
    return min(hits, key=lambda c: len(c.evidence.text))


def test_attribution_direct_quote_after_speaker(extract):
    r = extract("“We pushed them back across the canal,” the regional governor said on Sunday.")
    c = _claim_with(r, "pushed them back")
    assert c.direct
    assert c.cue is not None and c.cue.text == "said"
    assert "governor" in c.source.evidence.text
    assert c.source.kind == "government"
    assert c.date == "2023-03-12"


def test_attribution_indirect_with_normalised_source(extract):
    r = extract("ISW assessed on Friday that Russian units had stalled west of the reservoir.")
    c = _claim_with(r, "Russian units had stalled")
    assert not c.direct
    assert c.source.name == "Institute for the Study of War"
    assert c.source.kind == "think_tank"


def test_attribution_according_to(extract):
    r = extract("According to the Ukrainian air force, nine attack drones were shot down overnight.")
    c = _claim_with(r, "nine attack drones")
    assert c.cue is not None and c.cue.text == "According to"
    assert "air force" in c.source.name.lower()
    assert c.source.side == "UA"
    assert "According" not in c.evidence.text


def test_attribution_spokesperson_names_the_body(extract):
    r = extract("A spokesperson for the Polish Border Guard said that 4,000 people crossed on Tuesday.")
    c = _claim_with(r, "crossed on Tuesday")
    assert c.source.name == "Polish Border Guard"


def test_attribution_nested_claim(extract):
    r = extract("The monitoring group reported that footage from a local blogger shows that the dam "
                "was breached before dawn.")
    inner = _claim_with(r, "the dam was breached")
    outer = [c for c in r.claims if c.id == inner.nested_in]
    assert outer, "the inner claim is not nested in the outer one"
    assert "monitoring group" in outer[0].source.name.lower()
    assert "blogger" in inner.source.name.lower()
    assert inner.channel == "video"


@pytest.mark.parametrize(("text", "phrase", "who"), [
    ("Oleksandr Syrskyi toured the eastern positions this week. “The line is holding,” he said.",
     "The line is holding", "Oleksandr Syrskyi"),
    ("The Institute for the Study of War published a new assessment. “Moscow lacks the reserves for a "
     "second push,” they said.", "lacks the reserves", "Institute for the Study of War"),
    # "it" stands for an organisation (never a person): here the statement's author, not the pronoun itself
    ("The Norwegian Refugee Council published its winter report on Monday. It said that four shelters near "
     "the river had lost heating.", "four shelters near", "Norwegian Refugee Council"),
])
def test_attribution_pronoun_speaker_resolved(extract, text, phrase, who):
    c = _claim_with(extract(text), phrase)
    assert c.source.name == who


def test_attribution_quote_continues_same_speaker(extract):
    r = extract("“We will not retreat,” the brigade commander said. “Our supply lines are open again.”\n\n"
                "“Every village on this road will be ours by spring.”")
    first = _claim_with(r, "We will not retreat")
    second = _claim_with(r, "supply lines are open")
    third = _claim_with(r, "Every village on this road")
    assert first.source.name == second.source.name == third.source.name
    assert second.direct and third.direct


def test_attribution_hedges_and_reporting_are_kept_apart(extract):
    r = extract("The defence ministry said that Russian forces had likely withdrawn from the island.\n\n"
                "Separately, enemy troops were reportedly massing near the northern border.")
    hedged = _claim_with(r, "likely withdrawn")
    assert "likely" in hedged.hedges and not hedged.reporting
    assert hedged.certainty == "hedged"
    distant = _claim_with(r, "massing near the northern border")
    assert "reportedly" in distant.reporting and "reportedly" not in distant.hedges
    assert distant.certainty in {"reported", "unverified"}


def test_attribution_tweet_channel_and_social_media_user(extract):
    r = extract("A volunteer medic named Taras wrote on Twitter that the field hospital had been evacuated.")
    c = _claim_with(r, "field hospital had been evacuated")
    assert c.channel == "tweet"
    assert c.source.name == "Taras"


@pytest.mark.parametrize("text", [
    "“Unclosed quote from the governor said nothing more",
    "He said \"the bridge is gone, and “the ferry too.\" Then he left.",
    "“First paragraph of a long quote.\n\n“Second paragraph, still quoting,” the mayor said.",
    "No opener here,” the officer said. “And a stray one.",
    "\"\"\"\" ” “ ” “",
    "Officials said.",
    "",
])
def test_attribution_broken_quote_marks_never_crash(extract, text):
    r = extract(text or " ")
    for c in r.claims:
        assert c.evidence.text == r.article.text[c.evidence.start:c.evidence.end]


def test_attribution_quantity_inherits_claim(extract):
    r = extract("The general staff said that 300 Russian soldiers were killed near Bakhmut on Monday.")
    c = _claim_with(r, "300 Russian soldiers")
    qs = [q for q in r.quantities if "300" in q.evidence.text]
    assert qs, "the quantities stage found no 300"
    assert qs[0].claim_id == c.id


def test_attribution_transcript_lines_keep_their_own_speakers(extract):
    r = extract("“We will rebuild the bridge,” the mayor said.\n\n"
                "“HOST: When will the bridge open again?\n\n"
                "MAYOR: We expect the first trucks by Friday.”")
    host = _claim_with(r, "When will the bridge open")
    assert host.source.evidence is not None and host.source.evidence.text == "HOST"
    assert host.cue is not None and host.cue.text == ":"
    assert host.nested_in is None
    mayor = _claim_with(r, "first trucks by Friday")
    assert mayor.source.evidence is not None and mayor.source.evidence.text == "MAYOR"


def test_attribution_dash_credit_after_a_quotation(extract):
    r = extract("Readers answered our question.\n\n“The ferry should run every hour.” ― Lena Ortiz\n")
    c = _claim_with(r, "ferry should run")
    assert c.source.name == "Lena Ortiz"
    assert c.cue is not None and c.cue.text == "―"
    assert c.direct


def test_attribution_cue_complement_from_the_parse(nlp):
    from sitreps.extract.attribution import _complement

    doc = nlp("The senator called on her colleagues to drop the bill. She has not mentioned the audit since May.")
    s = doc.text.index("called")
    span = _complement(doc, s, s + len("called"), [])
    assert span is not None and doc.text[span[0]:span[1]].startswith("on her colleagues")
    s2 = doc.text.index("mentioned")
    span2 = _complement(doc, s2, s2 + len("mentioned"), [])
    assert span2 is not None and "the audit" in doc.text[span2[0]:span2[1]]
    bill = doc.text.index("bill")
    assert _complement(doc, s, s + len("called"), [(bill, bill + 4)]) is None  # already claimed: no span


def test_attribution_cue_subject_from_the_parse(nlp):
    from sitreps.extract.attribution import _subject

    doc = nlp("The county sheriff wants to close the ferry landing. Farmers met and demanded new fences.")
    s = doc.text.index("wants")
    span = _subject(doc, s, s + len("wants"), [])
    assert span is not None and doc.text[span[0]:span[1]] == "The county sheriff"
    # an infinitive cue shares the subject of the verb it completes
    c = doc.text.index("close")
    span_c = _subject(doc, c, c + len("close"), [])
    assert span_c is not None and doc.text[span_c[0]:span_c[1]] == "The county sheriff"
    d = doc.text.index("demanded")
    span_d = _subject(doc, d, d + len("demanded"), [])
    assert span_d is not None and doc.text[span_d[0]:span_d[1]] == "Farmers"
    assert _subject(doc, s, s + len("wants"), [(0, 3)]) is None  # subject already claimed: no span


def test_attribution_cue_keeps_auxiliaries_adverbs_and_colon(extract):
    r = extract("The harbour master has also said that the pier will reopen in May. The mayor did not say "
                "whether the ferry would run. The captain said: “We sail at dawn.”")
    assert _claim_with(r, "pier will reopen").cue.text == "has also said"
    assert _claim_with(r, "ferry would run").cue.text == "did not say"
    assert _claim_with(r, "We sail at dawn").cue.text == "said:"


def test_attribution_speaker_inside_a_continued_quote_is_nested(extract):
    r = extract("“The river is rising fast,” said Mara Odell, who runs the shelter. “I think the levee will hold "
                "until Sunday.”")
    cont = _claim_with(r, "I think the levee")
    assert cont.source.name == "Mara Odell" and cont.direct
    inner = [c for c in r.claims if c.cue is not None and c.cue.text == "think"]
    assert inner and inner[0].nested_in == cont.id


def test_attribution_parenthetical_speaker_takes_the_clause_around_it(extract):
    r = extract("The old dam was a disaster, the engineer said, until it was rebuilt in 1999.")
    c = _claim_with(r, "old dam was a disaster")
    assert c.cue is not None and c.cue.text == "said"
    assert c.source.evidence is not None and c.source.evidence.text == "the engineer"
    assert c.evidence.text.endswith("rebuilt in 1999")


def test_attribution_quoted_clause_takes_the_whole_quotation(extract):
    r = extract("“The water is high. The road is closed,” said Ilse Marten, the county engineer.")
    c = _claim_with(r, "The road is closed")
    assert c.evidence.text.startswith("The water is high.")
    assert c.direct and c.source.name == "Ilse Marten"


def test_attribution_participle_cue_shares_the_speaker_subject(nlp):
    from sitreps.extract.attribution import _subject

    doc = nlp("The governor spoke for an hour, accusing the council of negligence.")
    a = doc.text.index("accusing")
    gov = (0, len("The governor"))
    span = _subject(doc, a, a + len("accusing"), [])
    assert span == gov
    # the subject already names the source of another claim: one source, several claims
    assert _subject(doc, a, a + len("accusing"), [gov], {gov}) == gov
    assert _subject(doc, a, a + len("accusing"), [gov]) is None  # taken by something else: no span
    # a cue of several words starting with an auxiliary: the subject of its verb
    doc2 = nlp("The harbour master is stressing the need for new cranes.")
    s2 = doc2.text.index("is stressing")
    assert _subject(doc2, s2, s2 + len("is stressing"), []) == (0, len("The harbour master"))


def test_attribution_source_keeps_its_bracketed_party(extract):
    r = extract("Sen. Claire Waddell (D-Mo.) said the vote on the levee was rigged.")
    c = _claim_with(r, "the vote on the levee")
    assert c.source.evidence is not None and c.source.evidence.text.endswith("(D-Mo.)")


def test_attribution_source_span_keeps_its_relative_clause_but_not_its_name(extract):
    r = extract("Ana Ruiz, who runs the river shelter, said the water is still rising.")
    c = _claim_with(r, "water is still rising")
    assert c.source.evidence is not None and c.source.evidence.text == "Ana Ruiz, who runs the river shelter"
    assert c.source.name == "Ana Ruiz"


def test_attribution_source_span_keeps_its_participle_clause(extract):
    r = extract("Two engineers working on the dam said the spillway had cracked.")
    c = _claim_with(r, "spillway had cracked")
    assert c.source.evidence is not None and c.source.evidence.text == "Two engineers working on the dam"


def test_attribution_relative_pronoun_is_the_source_span_and_its_noun_the_name(extract):
    # PolNeAR draws "who" as the source of the cue it is the subject of; the name is the noun it stands for,
    # and a later "she" still finds that person
    r = extract("The shelter is run by a retired nurse named Ana Ruiz, who said that the roof leaks in winter. "
                "She also said that the town has promised a new one.")
    c = _claim_with(r, "the roof leaks")
    assert c.source.evidence is not None and c.source.evidence.text == "who"
    assert c.source.name == "Ana Ruiz"
    c2 = _claim_with(r, "promised a new one")
    assert c2.source.evidence is not None and c2.source.evidence.text == "She" and c2.source.name == "Ana Ruiz"


def test_attribution_participle_cue_is_recognised_for_its_speaker(nlp):
    # a participle cue takes its verb's subject even when the CRF tagged a nearer source ("telling the crowd")
    from sitreps.extract.attribution import _is_participle

    doc = nlp("The governor spoke for an hour, telling the crowd that the bridge would reopen.")
    a = doc.text.index("telling")
    assert _is_participle(doc, a, a + len("telling"))
    s = doc.text.index("spoke")
    assert not _is_participle(doc, s, s + len("spoke"))


def test_attribution_first_person_inside_an_unattributed_quotation_is_no_claim(extract):
    # nobody identifiable stands behind "I think" inside a quotation whose speaker is not found; with the
    # speaker found, it stays as a claim nested in the speaker's
    lone = extract("The flood reached the old mill on Tuesday.\n\n“The water keeps rising. I think the dam will "
                   "fail before Friday.”\n\nThe mill closed.")
    assert not [c for c in lone.claims if c.cue is not None and c.cue.text == "think"]
    said = extract("“The water keeps rising. I think the dam will fail before Friday,” the engineer said.")
    inner = _claim_with(said, "the dam will fail")
    outer = _claim_with(said, "keeps rising")
    assert inner.cue is not None and inner.cue.text == "think" and inner.nested_in == outer.id


def test_attribution_typewriter_quotes_are_direct_and_nest_their_inner_speaker(extract):
    r = extract("''The levee will hold through the weekend,'' the county engineer said on Sunday. "
                "''My deputy told me, 'The pumps are running.' ''")
    c = _claim_with(r, "levee will hold")
    assert c.direct and c.cue is not None and c.cue.text == "said"
    assert c.source.evidence is not None and "engineer" in c.source.evidence.text
    cont = _claim_with(r, "My deputy told me")  # the next quotation continues the engineer
    assert cont.source.name == c.source.name and cont.direct
    inner = _claim_with(r, "pumps are running")
    assert inner.cue is not None and inner.cue.text == "told" and inner.nested_in == cont.id


def test_attribution_seems_and_appears_have_no_source(extract):
    # the writer's impression: PolNeAR marks "seems" / "appears" as cues with no source, and the subject
    # ("the council") is not claiming anything
    r = extract("Rain fell all week. The council seems to have dropped the plan for a new ferry.")
    for c in r.claims:
        if c.cue is not None and c.cue.text in {"seems", "appears"}:
            assert c.source.evidence is None and c.source.name == "unknown"
    assert [c for c in r.claims if c.cue is not None and c.cue.text == "seems"]


def test_attribution_coordinated_cue_inside_a_content_is_its_own_claim(extract):
    # the parse hangs "called" / "urged" on the reported clause; with no subject of its own, the second verb
    # is the speaker's next act, not part of what the speaker warned of
    r = extract("Colonel Ana Ruiz warned that the militia was regrouping near the border and called for more "
                "patrols. Local officials insisted the camp was safe and urged families to return before the rains.")
    warned = _claim_with(r, "regrouping")
    assert warned.cue is not None and warned.cue.text == "warned"
    assert warned.evidence.text == "that the militia was regrouping near the border"
    called = _claim_with(r, "more patrols")
    assert called.cue is not None and called.cue.text == "called"
    assert called.source.evidence is not None and called.source.evidence.text == "Colonel Ana Ruiz"
    assert _claim_with(r, "camp was safe").evidence.text == "the camp was safe"
    urged = _claim_with(r, "return before")
    assert urged.cue is not None and urged.cue.text == "urged"
    assert "Local officials" in urged.source.evidence.text


def test_attribution_split_coordinated_cue_needs_a_cue_like_verb_outside_quotes(nlp):
    from sitreps.extract.attribution import _split_coordinated
    from sitreps.extract.attribution_rules import Found

    text = "The minister criticised the plan and called for new talks with the rebels."
    doc = nlp(text)
    cue = (text.index("criticised"), text.index("criticised") + len("criticised"))
    content = (text.index("the plan"), len(text) - 1)

    def found() -> list[Found]:
        return [Found(cue, content, (0, len("The minister")), "minister", "crf", "criticise", False, 2)]

    fs = found()
    new = _split_coordinated(doc, fs, [], {"call": 0.5})
    assert text[fs[0].content[0]:fs[0].content[1]] == "the plan"
    assert len(new) == 1
    assert new[0].cue is not None and text[new[0].cue[0]:new[0].cue[1]] == "called"
    assert text[new[0].content[0]:new[0].content[1]] == "for new talks with the rebels"
    assert new[0].source == (0, len("The minister"))
    # a verb annotators rarely mark as a cue stays in the content
    fs = found()
    assert _split_coordinated(doc, fs, [], {"call": 0.1}) == [] and fs[0].content == content
    # a content inside quotation marks is the speaker's own words: not cut
    fs = found()
    assert _split_coordinated(doc, fs, [content], {"call": 0.5}) == [] and fs[0].content == content


def test_attribution_source_name_keeps_the_written_spacing(extract):
    # the name is read off the text as written, not rebuilt from tokens ("34 - year - old")
    r = extract("A 34-year-old teacher told reporters that the school had been empty since March.")
    c = _claim_with(r, "the school had been empty")
    assert c.source.name == "34-year-old teacher"


def test_attribution_continued_quote_keeps_its_speaker_after_a_nested_claim(extract):
    # the first quotation holds a claim of its own ("We do not know where ..."); the second quotation continues
    # the brother, not that nested "we"
    r = extract("Families waited at the gates all day.\n\n“We do not know where the ship is now,” said the "
                "brother of a missing sailor, standing outside the port office. “We only hope the ship reached "
                "the harbour.”\n\nThe navy said the search would go on.")
    c = _claim_with(r, "We only hope the ship")
    assert "brother" in c.source.name


def test_attribution_cue_keeps_its_particle(extract):
    r = extract("The inspector pointed out that the pier had cracked in two places.")
    assert _claim_with(r, "pier had cracked").cue.text == "pointed out"


def test_attribution_you_know_is_no_parenthetical_speaker(extract):
    r = extract("The harbour, you know, was closed for a week after the storm.")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text == "know"]


def test_attribution_possessive_source_is_its_possessor(extract):
    # round 11: "His office" was named "His" (the possessor of a speaker noun, read as a name)
    r = extract("Prime Minister Ana Ruiz said on Monday that the talks would go on. "
                "His office did not say which ministers would travel with her.")
    c = _claim_with(r, "which ministers")
    assert c.source.name == "Ana Ruiz"
    assert c.source.evidence is not None and c.source.evidence.text == "His office"
    r = extract("His office did not say when the bridge over the river would reopen.")
    c = _claim_with(r, "bridge over the river")
    assert c.source.name == "His office"


def test_attribution_heading_gerund_is_no_claim(extract):
    # round 11: report headings "Supporting Effort #1 - ..." became claims with cue "Supporting"
    r = extract("Supporting Effort #1—Northern Axis\n\nThe brigade did not conduct ground attacks north of the "
                "city.\n\nSupporting Effort #3—Coastal Areas\n\nRegional officials reported shelling of two "
                "villages.")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text.startswith("Supporting")]
    c = _claim_with(r, "shelling of two villages")
    assert c.cue is not None and c.cue.text == "reported"
    # a heading line that goes on after a dash and a parenthesis
    r = extract("The brigade held the line on Monday.\nSupporting Effort #2—Southern Axis (Brigade objective: hold "
                "the river crossings and the two bridges south of the town until the reserve arrives)\nRegional "
                "officials reported that the brigade did not advance near the bridges on Tuesday.")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text.startswith("Supporting")]


def test_attribution_crf_source_stays_in_its_paragraph(extract):
    # round 11: a CRF source ran over a heading and the paragraph break after it
    r = extract("Supporting Effort #3—Coastal Areas\n\nRegional officials reported shelling of two villages.")
    c = _claim_with(r, "shelling of two villages")
    assert c.source.evidence is not None and "\n" not in c.source.evidence.text
    assert c.source.name == "Regional officials"


def test_attribution_gerund_after_a_preposition_takes_the_verbs_subject(extract):
    # round 11: "After announcing that ..." had no source (held-out PolNeAR train source +0.3)
    r = extract("After announcing that the port would close, the harbour master left the building.")
    c = _claim_with(r, "the port would close")
    assert c.cue is not None and "announcing" in c.cue.text
    assert c.source.name == "harbour master"


@pytest.mark.slow
def test_time_line_parsed_as_a_second_subject_leaves_the_speaker_as_source(pipeline, make_article, monkeypatch):
    """Live-blog timestamps: "12:15 p.m.:" in its own paragraph is parsed as another subject of "says"; the
    speaker is the subject in the verb's paragraph nearest to it."""
    from sitreps.extract import attribution_rules as R

    text = "Talks ended late.\n\n___.\n\n12:15 p.m.:\n\nPresident Ana Ruiz says that the ferry will run again."
    (c,) = [c for c in pipeline.extract(make_article(text)).claims if c.cue is not None and c.cue.text == "says"]
    assert c.source.evidence is not None and c.source.evidence.text == "President Ana Ruiz"
    assert c.source.name == "Ana Ruiz"
    monkeypatch.setattr(R, "NEAREST_SUBJECT", False)
    (c,) = [c for c in pipeline.extract(make_article(text)).claims if c.cue is not None and c.cue.text == "says"]
    assert c.source.evidence is None


def test_armed_groups_that_act_are_no_sources(pipeline, make_article):
    # "Rebel forces continued firing on ..." tells what the forces did, not what they said; "the troops said"
    # and "according to the army" stay claims
    text = ("Rebel forces continued to fire on settlements on the left bank of the river from positions near the "
            "town. Rebel forces seek to cut the highway and encircle the garrison in the valley. "
            "Government troops said that the bridge was still intact.")
    claims = pipeline.extract(make_article(text)).claims
    by_source = [(c.source.name, c.cue.text if c.cue else "") for c in claims]
    assert not [s for s, cue in by_source if s.endswith("forces")]
    assert ("Government troops", "said") in by_source
