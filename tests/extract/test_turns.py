"""Transcript turns: "I" and "we" are the speaker whose label opens the turn."""

from __future__ import annotations

from sitreps.extract.turns import _name, turns

TRANSCRIPT = (
    "MODERATOR: Good evening and welcome to the call.\n\n"
    "SENIOR DEFENSE OFFICIAL: Thanks. I think the convoy reached the river crossing on Sunday.\n\n"
    "Q  Thanks for taking this. Can you say whether the bridge still stands?\n\n"
    "MR. HALVERSEN: We believe the bridge was damaged but can still carry trucks.\n\n"
    "SENIOR DEFENSE OFFICIAL: I would add that repairs began on Tuesday.\n"
)


def test_turns_split_a_transcript_at_its_labels() -> None:
    found = [(TRANSCRIPT[a:b].strip()[:12], label) for a, b, label in turns(TRANSCRIPT)]
    assert found == [("Good evening", "MODERATOR"), ("Thanks. I th", "SENIOR DEFENSE OFFICIAL"),
                     ("Thanks for t", "Q"), ("We believe t", "MR. HALVERSEN"),
                     ("I would add ", "SENIOR DEFENSE OFFICIAL")]


def test_turns_need_two_speaker_labels_and_skip_section_labels() -> None:
    assert turns("WATCH: a clip of the parade.\n\nUPDATE: The ministry said the road is open.\n") == []
    assert turns("MINISTER: The road is open.\n\nGENERAL: The bridge stands.\n") == []


def test_turn_labels_become_names() -> None:
    assert [_name(x) for x in ("MR. HALVERSEN", "THE PRESIDENT", "SENIOR DEFENSE OFFICIAL", "UN ENVOY")] == [
        "Halversen", "The President", "Senior Defense Official", "UN Envoy"]


def test_turns_name_first_person_claims_in_the_pipeline(pipeline, make_article) -> None:
    claims = pipeline.extract(make_article(TRANSCRIPT)).claims
    by_cue = {c.cue.text if c.cue else "": c.source.name for c in claims}
    assert by_cue.get("think") == "Senior Defense Official"
    assert by_cue.get("believe") == "Halversen"
    assert not any(c.source.name in {"I", "We"} and c.cue is not None and c.cue.text == "believe" for c in claims)


def test_turns_drop_what_a_questioner_asks_the_speaker(pipeline, make_article) -> None:
    claims = pipeline.extract(make_article(TRANSCRIPT)).claims
    assert not any(c.source.evidence is not None and c.source.evidence.text == "you" for c in claims)
    assert any(c.source.name == "Halversen" for c in claims)
