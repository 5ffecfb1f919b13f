"""The synthetic training-data generator and the shipped ACLED model, on sentences written for these tests."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from sitreps.extract.events_classifier import load_acled_model
from sitreps.extract.events_classify import code_texts
from sitreps.extract.events_synth import NON_ACLED, generate
from sitreps.extract.events_taxonomy import load_taxonomy


def test_generator_is_seeded_and_covers_every_case_class() -> None:
    a = generate(per_class=20, seed=3)
    b = generate(per_class=20, seed=3)
    c = generate(per_class=20, seed=4)
    assert a == b
    assert a != c
    texts, labels = a
    expected = {s.case for s in load_taxonomy().sub_types.values()} | set(NON_ACLED)
    assert set(Counter(labels)) == expected
    assert all(n == 20 for n in Counter(labels).values())
    # Every slot and alternative is filled: no template syntax leaks into the text.
    assert not [t for t in texts if "{" in t or "}" in t or "|" in t]


def test_model_labels_are_the_case_classes() -> None:
    model = load_acled_model()
    tax = load_taxonomy()
    assert set(model.labels) == {s.case for s in tax.sub_types.values()} | set(tax.non_acled)
    probs = model.predict_proba(["Rebels and soldiers fought near the bridge."])
    assert probs.shape == (1, len(model.labels))
    assert abs(float(probs.sum()) - 1.0) < 1e-4


@pytest.mark.parametrize(("text", "expected"), [
    ("A landslide after days of rain buried four houses in the hill village.", None),
    ("The two foreign ministers discussed trade ties during a visit to the capital.", None),
    ("A hand grenade thrown from a passing motorbike wounded three shopkeepers.", "Grenade"),
    ("Villagers carried placards and chanted slogans outside the district office over water shortages.",
     "Peaceful protest"),
    ("Gunmen shot dead a school teacher on his way home, relatives said.", "Attack"),
    ("Kidnappers seized a trader on the highway and asked his family for money.",
     "Abduction/forced disappearance"),
])
def test_snippets_coded_with_the_model(text: str, expected: str | None) -> None:
    (coding,) = code_texts([text], None, acled=load_acled_model())
    assert coding.sub_event_type == expected


def test_article_mode_keeps_a_confident_rule_decision() -> None:
    text = "A suicide bomber blew himself up at the gate of the barracks."
    (with_model,) = code_texts([text], None, non_event_check=False, acled=load_acled_model())
    (rules,) = code_texts([text], None, non_event_check=False)
    assert with_model.sub_event_type == rules.sub_event_type == "Suicide bomb"


def test_none_threshold_comes_from_training_and_gates_snippets_only() -> None:
    model = load_acled_model()
    assert 0.0 < model.none_threshold < 1.0
    text = "A fire at a fireworks warehouse killed four workers; police said it was an accident."
    (snippet,) = code_texts([text], None, acled=model)
    assert snippet.sub_event_type is None
    never = dataclasses.replace(model, none_threshold=1.01)  # nothing reaches it: the best ACLED class is given
    (forced,) = code_texts([text], None, acled=never)
    assert forced.sub_event_type is not None


def test_plover_training_examples_are_headline_and_lead_sentence(tmp_path) -> None:
    from sitreps.extract.events_classifier import read_ngec

    (tmp_path / "ngec").mkdir()
    (tmp_path / "ngec" / "gpt_synthetic_events_test.csv").write_text(
        'disclaimer,text,title,source,prompt,label,mode\n'
        'x,"Dock workers walked out on Monday over pay. The port was closed. Talks resume next week.",'
        't,s,"Dockers Strike in {city}\n\n(AP) --",PROTEST,STRIKE\n', "utf-8")
    texts, labels, groups = read_ngec(tmp_path)
    assert texts == ["Dockers Strike in", "Dock workers walked out on Monday over pay."]
    assert labels == ["PROTEST|STRIKE"] * 2
    assert groups == [1, 1]


def test_plover_model_does_not_put_short_sentences_into_one_class() -> None:
    from sitreps.extract.events_classifier import load_plover_model

    preds = load_plover_model().predict([
        "Hundreds of teachers marched through the capital demanding higher pay.",
        "Troops shelled the rebel-held town overnight, killing five.",
        "The two presidents signed a trade agreement on Friday.",
        "The minister threatened to cut off aid if the vote went ahead.",
    ])
    events = [p[0] for p in preds]
    assert events[0] == "PROTEST"
    assert len(set(events)) >= 3  # round 2's model (trained on 700-character leads) said CONCEDE for most


def test_weak_labels_keep_only_confident_sentences_the_rules_agree_with(tmp_path) -> None:
    from sitreps.extract.events_classifier import weak_acled_labels
    from sitreps.extract.events_rules import decide

    d = tmp_path / "conflibert" / "satp_relevant"
    d.mkdir(parents=True)
    (d / "train.tsv").write_text(
        "Suspected militants hurled a hand grenade at a police post in the market, wounding two constables. "
        "The weather was pleasant and the market reopened in the afternoon.\t1\t0\t0\t0\n", "utf-8")
    model = load_acled_model()
    texts, labels = weak_acled_labels(tmp_path, model)
    assert texts == ["Suspected militants hurled a hand grenade at a police post in the market, wounding two "
                     "constables."]
    assert labels == ["GRENADE"] and decide(texts[0])[0] == "Grenade"
    assert weak_acled_labels(tmp_path, model, min_prob=1.01) == ([], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebel fighters retook the river port from government troops after two days of fighting.",
     "Non-state actor overtakes territory"),
    ("The national army seized control of the market town, a former insurgent stronghold.",
     "Government regains territory"),
    ("Insurgents gained control of the garrison after heavy fighting, an army spokesman said.",
     "Non-state actor overtakes territory"),
])
def test_territory_side_is_the_takers_whatever_the_verb(text: str, expected: str) -> None:
    # The model may say "territory"; which side took it is read by the rules (ACLED: the taker decides).
    (coding,) = code_texts([text], None, acled=load_acled_model())
    assert coding.sub_event_type == expected


def test_remote_violence_sub_type_follows_the_method_words() -> None:
    # A missile fired from a jet is an air strike (ACLED codes explosions by method), whatever the model's
    # ranking within the family.
    texts = ["Fighter jets fired two missiles at a farmhouse outside the village, killing a family of five.",
             "An army helicopter fired rockets at a group of fighters near the river.",
             "A drone fired a missile at a car on the highway, killing two."]
    codings = code_texts(texts, None, acled=load_acled_model())
    assert [c.sub_event_type for c in codings] == ["Air/drone strike"] * 3


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED's codebook gives coups, displacement by fighting and mass graves as its examples of "Other".
    ("Army officers seized power in the capital overnight and detained the president.", "Other"),
    ("Investigators unearthed a mass grave holding dozens of bodies outside the town.", "Other"),
    # Arson with no perpetrator named and no one hurt is property destruction.
    ("The village council office was set on fire overnight by unknown people; nobody was hurt.",
     "Looting/property destruction"),
    # Troop movements are a change to a group's activity (not "Other").
    ("Troop movements were observed near the border crossing.", "Change to group/activity"),
])
def test_strategic_developments_from_the_codebook(text: str, expected: str) -> None:
    (coding,) = code_texts([text], None, acled=load_acled_model())
    assert coding.sub_event_type == expected


def test_validation_sentences_cover_every_case_class() -> None:
    from sitreps.extract.events_classifier import read_acled_validation

    texts, labels = read_acled_validation()
    tax = load_taxonomy()
    expected = {s.case for s in tax.sub_types.values()} | set(NON_ACLED)
    counts = Counter(labels)
    assert set(counts) == expected
    assert min(counts.values()) >= 10
    assert len(set(texts)) == len(texts)


def test_acled_scores_count_a_coded_non_acled_text_as_a_false_positive() -> None:
    from sitreps.extract.events_classifier import acled_scores

    gold = ["ARREST", "ARREST", "DIPLO", "GRENADE"]
    assert acled_scores(gold, ["ARREST", "ARREST", "NONE", "GRENADE"], ["ARREST", "GRENADE"]) == (1.0, 1.0)
    w, m = acled_scores(gold, ["ARREST", "ARREST", "ARREST", "GRENADE"], ["ARREST", "GRENADE"])
    assert w == pytest.approx((0.8 * 2 + 1.0) / 3) and m == pytest.approx(0.9)


def test_shipped_model_and_rules_on_our_validation_sentences() -> None:
    # Regression floor: the shipped model + rules + chosen bonus/threshold on our own labelled sentences
    # (round 7: 85.4 weighted F1 and 88.9 % of the non-ACLED sentences given no event with the retrained model,
    # 88.2 weighted after the rule fixes found on these sentences; floors well below both)
    from sitreps.extract.events_classifier import acled_scores, read_acled_validation

    texts, labels = read_acled_validation()
    tax = load_taxonomy()
    codings = code_texts(texts, None, acled=load_acled_model())
    pred = [tax.sub_types[c.sub_event_type].case if c.sub_event_type else "NONE" for c in codings]
    weighted, _ = acled_scores(labels, pred, sorted(s.case for s in tax.sub_types.values()))
    assert weighted >= 0.82
    non = [p for g, p in zip(labels, pred, strict=True) if g in NON_ACLED]
    assert sum(p == "NONE" for p in non) / len(non) >= 0.80


def test_bonus_and_threshold_are_chosen_from_the_grids() -> None:
    from sitreps.extract.events_classifier import (
        NONE_THRESHOLD_GRID,
        RULE_BONUS_GRID,
        choose_rule_bonus,
        read_acled_validation,
    )

    texts, labels = read_acled_validation()
    bonus, tau, metrics = choose_rule_bonus(load_acled_model(), texts[::3], labels[::3])
    assert bonus in RULE_BONUS_GRID and tau in NONE_THRESHOLD_GRID
    assert 0.0 < metrics["val_smoothed_f1"] <= max(v for k, v in metrics.items() if k.startswith("val_wf1_"))


def test_shipped_coder_on_our_held_out_sentences() -> None:
    # 150 sentences of our own never used to choose or fix anything (tests/fixtures/events/acled_heldout.tsv);
    # measured 87.1 weighted F1 (87.9 after the last round-7 rule fix) and 100 % of the non-ACLED sentences
    # given no event; floors below
    from pathlib import Path

    from sitreps.extract.events_classifier import acled_scores, read_acled_validation

    texts, labels = read_acled_validation(Path(__file__).parents[1] / "fixtures" / "events" / "acled_heldout.tsv")
    tax = load_taxonomy()
    counts = Counter(labels)  # 5 per code; one sabotage sentence moved by the round-11 convention (see the file)
    assert len(texts) == 150 and counts.pop("PROPERTY_DISTRUCT") == 4 and counts.pop("REM_EXPLOS") == 6
    assert set(counts.values()) == {5}
    codings = code_texts(texts, None, acled=load_acled_model())
    pred = [tax.sub_types[c.sub_event_type].case if c.sub_event_type else "NONE" for c in codings]
    weighted, _ = acled_scores(labels, pred, sorted(s.case for s in tax.sub_types.values()))
    assert weighted >= 0.83
    non = [p for g, p in zip(labels, pred, strict=True) if g in NON_ACLED]
    assert sum(p == "NONE" for p in non) / len(non) >= 0.85


def test_a_weapon_that_went_off_is_no_disrupted_weapon_whatever_the_model_says() -> None:
    import numpy as np

    from sitreps.extract.events_rules import weapon_used

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index("DISR_WEAP")] += 50.0  # a model that says "disrupted weapons use" to everything
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    used = "A bomb hidden in a handcart went off near the bus stand, killing three porters."
    found = "The bomb squad found a device under the bridge and destroyed it in a controlled explosion."
    assert weapon_used(used) and not weapon_used(found)
    a, b = code_texts([used, found], None, acled=leaning)
    assert a.sub_event_type == "Remote explosive/landmine/IED"
    assert b.sub_event_type == "Disrupted weapons use"


def test_armed_victims_only_make_a_clash_whatever_the_model_says() -> None:
    import numpy as np

    from sitreps.extract.events_rules import armed_victims_only

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index("ATTACK")] += 50.0  # a model that says "attack" to everything
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    soldiers = "Militants ambushed an army patrol on the highway, killing four soldiers."
    villagers = "Gunmen shot dead four villagers at a market."
    assert armed_victims_only(soldiers) and not armed_victims_only(villagers)
    a, b = code_texts([soldiers, villagers], None, acled=leaning)
    assert (a.sub_event_type, b.sub_event_type) == ("Armed clash", "Attack")


def test_real_validation_file_holds_references_and_labels_only() -> None:
    # Round 8: our labels on real news sentences. The package keeps (source, line, span, hash, label), never
    # the text, and no source is one the training reads (weak labels come from the ConfliBERT train splits).
    import re
    from importlib import resources

    from sitreps.extract.events_classifier import MODEL_DIR, REAL_VALIDATION_FILE, WEAK_SOURCES

    spec = resources.files("sitreps").joinpath(MODEL_DIR).joinpath(REAL_VALIDATION_FILE).read_text("utf-8")
    rows = [r.split("\t") for r in spec.splitlines() if r.strip() and not r.startswith("#")]
    tax = load_taxonomy()
    codes = {s.case for s in tax.sub_types.values()} | set(NON_ACLED)
    assert len(rows) >= 250
    weak = {"eval/events/" + w for w in WEAK_SOURCES}
    assert not any("cameo_class" in w for w in WEAK_SOURCES)
    for rel, line, start, end, digest, label in rows:
        assert rel.startswith(("eval/events/conflibert/", "corpus/")) and rel not in weak
        # Round 12: ConfliBERT's cameo_class splits are read by no training (CAMEO classes only), so its train
        # split is held-out text too; every other train split is not
        assert not rel.endswith("train.tsv") or rel.startswith("eval/events/conflibert/cameo_class/")
        assert int(line) >= 1 and 0 <= int(start) < int(end)
        assert re.fullmatch(r"[0-9a-f]{10}", digest)
        assert label in codes
    assert len({tuple(r[:4]) for r in rows}) == len(rows)
    # Round 9: the no-event threshold is chosen on these with the written ones, so the real set must keep
    # enough sentences no ACLED sub-type fits (crime, disasters, diplomacy, attribution).
    assert sum(1 for r in rows if r[5] in NON_ACLED) >= 100


def test_real_validation_reads_text_from_the_shared_directory_and_skips_what_is_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib
    import json

    from sitreps.extract.events_classifier import read_real_validation

    first = "Gunmen torched two lorries on the ring road overnight."
    second = "Crowds marched peacefully to the governor's office on Sunday."
    doc = f"Headline here. {first} {second}"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "news.jsonl").write_text(json.dumps({"text": doc}) + "\n", "utf-8")
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "one.tsv").write_text(f"{second}\t0\t1\n", "utf-8")

    def ref(rel: str, line: int, text: str, whole: str, label: str, digest: str | None = None) -> str:
        a = whole.index(text)
        return "\t".join([rel, str(line), str(a), str(a + len(text)),
                          digest or hashlib.sha1(text.encode()).hexdigest()[:10], label])

    spec = tmp_path / "spec.tsv"
    spec.write_text("\n".join([
        "# comment",
        ref("corpus/news.jsonl", 1, first, doc, "PROPERTY_DISTRUCT"),
        ref("corpus/news.jsonl", 1, second, doc, "PEACE_PROTEST", digest="0000000000"),  # changed source: skipped
        ref("eval/one.tsv", 1, second, second, "PEACE_PROTEST"),
        ref("eval/absent.tsv", 1, first, first, "ATTACK"),  # absent file: skipped
    ]) + "\n", "utf-8")
    texts, labels = read_real_validation(tmp_path, spec)
    assert texts == [first, second] and labels == ["PROPERTY_DISTRUCT", "PEACE_PROTEST"]
    assert read_real_validation(tmp_path / "nowhere", spec) == ([], [])


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED: territory is control of a place; what else was seized or captured is coded by what it was
    ("Customs officers seized 300 kilograms of heroin hidden in a lorry at the border crossing.", None),
    ("Detectives captured two suspected car thieves and their accomplice in a flat near the stadium.", None),
    ("Coast guard agents seized a fishing boat carrying 40 bales of cannabis off the northern coast.", None),
    ("Rebels seized four fuel tankers on the road to the provincial capital.", "Looting/property destruction"),
    ("Soldiers seized a cache of rifles and ammunition in a cave above the valley.", "Disrupted weapons use"),
    ("Anti-corruption police captured a former provincial governor wanted for embezzlement.", "Arrests"),
    # a place seized stays territory, and the taker still decides the side
    ("The rebels captured the district capital after a week of fighting with the army.",
     "Non-state actor overtakes territory"),
    ("Army units seized the hilltop village after the militants fled.", "Government regains territory"),
])
def test_goods_people_or_caches_seized_are_no_territory_whatever_the_model_says(text: str,
                                                                                 expected: str | None) -> None:
    import numpy as np

    model = load_acled_model()
    bias = model.intercept.copy()
    for case in ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"):
        bias[model.labels.index(case)] += 50.0  # a model that reads every seizure as territory
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    assert code_texts([text], None, acled=leaning)[0].sub_event_type == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED's Arrests are politically significant arrests; criminals caught by the police are organised crime
    ("Police arrested three suspected cocaine smugglers at the fishing port on Sunday.", None),
    ("A man wanted for laundering money for a drug gang was detained at the airport.", None),
    ("Prosecutors arrested the town's former mayor over links to a drug gang.", "Arrests"),
    ("Police detained two members of the opposition party outside their office.", "Arrests"),
    ("Security forces arrested four militants suspected of planning attacks on the highway.", "Arrests"),
])
def test_criminals_arrested_are_no_acled_arrest_whatever_the_model_says(text: str, expected: str | None) -> None:
    import numpy as np

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index("ARREST")] += 50.0  # a model that reads every arrest as an ACLED arrest
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    assert code_texts([text], None, acled=leaning)[0].sub_event_type == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Round 11: officials, police officers or soldiers arrested are a politically significant arrest (ACLED
    # "Arrests") whatever crime they are accused of; criminals arrested stay organised crime (no event)
    ("Prosecutors detained the deputy mayor and two council officials over a bribery scheme at the port.",
     "Arrests"),
    ("Nine police officers were arrested on suspicion of protecting a smuggling gang on the border.", "Arrests"),
    ("Investigators arrested an army colonel accused of selling rifles to a drug cartel.", "Arrests"),
    ("Police arrested three suspected cocaine smugglers at the fishing port on Sunday.", None),
])
def test_officials_arrested_are_an_acled_arrest_whatever_crime_the_model_reads(text: str,
                                                                               expected: str | None) -> None:
    import numpy as np

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index("ORG_CRIME")] += 50.0  # a model that reads every arrest story as organised crime
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    assert code_texts([text], None, acled=leaning)[0].sub_event_type == expected


@pytest.mark.parametrize("case", ["PROPERTY_DISTRUCT", "CHANGE_TO_GROUP_ACT", "NON_VIOL_TERRIT_TRANSFER"])
def test_a_structure_blown_up_is_a_remote_explosive_whatever_the_model_says(case: str) -> None:
    # Round 11: ACLED codes by method; a bridge, pipeline or school destroyed with explosives is an explosion
    import numpy as np

    from sitreps.extract.events_rules import blown_up

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index(case)] += 50.0  # a model drawn to the words around the blast
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    texts = ["Retreating troops blew up the road bridge over the canal to slow the advance.",
             "Insurgents blew up a gas pipeline near the desert town overnight.",
             "The rail bridge south of the town was blown up by saboteurs before dawn.",
             "Militants set fire to a girls' school in the valley, police said."]
    assert [blown_up(t) for t in texts] == [True, True, True, False]
    codings = code_texts(texts, None, acled=leaning)
    assert [c.sub_event_type for c in codings[:3]] == ["Remote explosive/landmine/IED"] * 3
    assert codings[3].sub_event_type != "Remote explosive/landmine/IED"


@pytest.mark.parametrize(("case", "text", "expected"), [
    ("PEACE_PROTEST", "Students protesting the fee rise threw stones at the police and set a bus on fire.",
     "Violent demonstration"),
    ("PEACE_PROTEST", "Soldiers opened fire on the marchers in the main square, killing three of them.",
     "Excessive force against protesters"),
    ("PEACE_PROTEST", "Police fired tear gas to break up a sit-in by nurses demanding unpaid wages.",
     "Protest with intervention"),
    ("PEACE_PROTEST", "Nurses held a sit-in outside the hospital and dispersed peacefully in the afternoon.",
     "Peaceful protest"),
    # ACLED: force used against rioters is part of the riot
    ("FORCE_AGAINST_PROTEST", "Rioters hurled petrol bombs at the police, who fired live rounds in reply.",
     "Violent demonstration"),
    # only towards more force: a model reading more than the words tell is left alone
    ("VIOL_DEMONSTR", "Police fired tear gas to break up a sit-in by nurses demanding unpaid wages.",
     "Violent demonstration"),
])
def test_how_a_protest_went_is_read_from_who_used_force(case: str, text: str, expected: str) -> None:
    # Round 12: the model tells the protest family, the words' roles tell how the protest went
    import numpy as np

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index(case)] += 50.0  # a model that reads every protest as this class
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    assert code_texts([text], None, acled=leaning)[0].sub_event_type == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Police detained thirty demonstrators at the rally outside the court.", "Protest with intervention"),
    ("The poet was arrested at a vigil against the war in the city centre.", "Protest with intervention"),
    ("Riot police arrested dozens of rioters who had set cars on fire during the protest.", "Violent demonstration"),
    # an arrest for a protest, not at one: still an arrest
    ("Police arrested an activist on charges of organising an illegal protest last month.", "Arrests"),
    ("Officers rounded up a dozen students on the eve of the planned march to the parliament.", "Arrests"),
])
def test_people_detained_at_a_protest_are_how_the_protest_went(text: str, expected: str) -> None:
    # Round 12, ACLED: arrests made at a protest are a protest with intervention (or part of a riot)
    import numpy as np

    model = load_acled_model()
    bias = model.intercept.copy()
    bias[model.labels.index("ARREST")] += 50.0  # a model that reads every detention as an arrest
    leaning = dataclasses.replace(model, intercept=bias.astype(np.float32))
    assert code_texts([text], None, acled=leaning)[0].sub_event_type == expected
