"""One function that codes a text (a snippet or a clause) with an ACLED sub-type and a PLOVER event + mode.

With the ACLED model (:class:`.events_classifier.AcledModel`, trained on our own synthetic ACLED-style
snippets): its probabilities over the 25 ACLED sub-types and the 5 non-ACLED CASE-2021 classes, plus a bonus
(chosen on our own labelled validation sentences) for the sub-type the rules (:mod:`.events_rules`) choose;
the best class wins. A non-ACLED winner means no event for a snippet; inside an article (``non_event_check``
off: the candidate sentence already holds a trigger) the rules' choice, or the best ACLED class, stands.
Without it, the rules decide and the PLOVER model's guess is a fallback through the PLOVER→ACLED table.
The PLOVER model gives the PLOVER event alongside either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .events_rules import (
    SEIZED_AS,
    armed_victims_only,
    arrest_at_protest,
    arrest_of_criminals,
    arrest_of_officials,
    blown_up,
    decide,
    disrupted_only,
    is_protest,
    non_weapon_depot,
    protest_outcome,
    seized_not_territory,
    territory_taker,
    weapon_used,
)
from .events_taxonomy import load_taxonomy

if TYPE_CHECKING:
    from .events_classifier import AcledModel, PloverModel

__all__ = ["Coding", "code_texts"]

# Below this probability the PLOVER model's guess is not used as an ACLED code.
FALLBACK_MIN_PROB = 0.2
# Inside an article the ACLED model overrides the rules only when the rules are unsure and the model is sure:
# article sentences are longer and tell several things (context, the event, its aftermath) where snippets
# tell one; the founding article's events (sitreps evaluate seed) are the check.
ARTICLE_RULE_CONF = 0.5
ARTICLE_MODEL_PROB = 0.6


@dataclass(frozen=True, slots=True)
class Coding:
    sub_event_type: str | None  # None: not an ACLED event
    event_type: str | None
    plover: str | None
    plover_mode: str | None
    confidence: float
    by: str  # "rules", "model" or "none"


_TERRITORY = {"gov": "GOV_REGAINS_TERIT", "nsa": "NON_STATE_ACTOR_OVERTAKES_TER"}
_TERRITORY_ALL = frozenset({*_TERRITORY.values(), "NON_VIOL_TERRIT_TRANSFER"})
# What the rules read before a structure blown up (blown_up): another method, a suicide attack, or people taken
_BLAST_KEEPS = frozenset({"AIR_STRIKE", "ART_MISS_ATTACK", "GRENADE", "SUIC_BOMB", "CHEM_WEAP", "ABDUCT_DISSAP",
                          "SEX_VIOL"})
_REMOTE_CASES = frozenset({"AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB", "CHEM_WEAP"})
_RIOT = re.compile(r"\briot(?:ers?|ed|ing|s)?\b", re.IGNORECASE)
_FIRST = frozenset({"Chemical weapon", "Suicide bomb", "Sexual violence"})
_VIOLENCE = frozenset({*_REMOTE_CASES, "ATTACK", "ARMED_CLASH", "MOB_VIOL", "ABDUCT_DISSAP"})
# The protest family, from how little force to how much (ACLED: force used against rioters is part of the riot)
_PROTEST_RANK = {"PEACE_PROTEST": 0, "PROTEST_WITH_INTER": 1, "FORCE_AGAINST_PROTEST": 2, "VIOL_DEMONSTR": 3}


def _acled_choice(probs: list[float], labels: list[str], rule_sub: str | None, bonus: float,
                  non_event_check: bool, none_threshold: float, text: str | None = None) -> tuple[str | None, float]:
    """The sub-type (None: no ACLED event) and its probability, from the model's row and the rules' pick.
    With ``non_event_check``, a snippet whose non-ACLED classes together reach ``none_threshold`` is none."""
    tax = load_taxonomy()
    if text is not None and labels[max(range(len(probs)), key=probs.__getitem__)] == "ORG_CRIME" \
            and arrest_of_officials(text):
        # ACLED: officials, police officers or soldiers arrested are a politically significant arrest, whatever
        # crime they are accused of; the model reads the crime words (corruption, links to a gang)
        return "Arrests", probs[labels.index("ARREST")]
    if non_event_check and sum(p for p, lab in zip(probs, labels, strict=True) if lab in tax.non_acled) \
            >= none_threshold:
        return None, 0.0
    row = list(probs)
    if rule_sub is not None:
        row[labels.index(tax.sub_types[rule_sub].case)] += bonus
    order = sorted(range(len(row)), key=row.__getitem__, reverse=True)
    for i in order:
        case = labels[i]
        if case in tax.non_acled:
            if rule_sub is not None and not non_event_check:  # a trigger sentence in an article: the rules' event stands
                return rule_sub, probs[labels.index(tax.sub_types[rule_sub].case)]
            continue
        if (rule_sub == "Suicide bomb" and case != "DISR_WEAP") or (rule_sub in _FIRST and case in _VIOLENCE):
            # ACLED's precedence: a chemical weapon, a suicide bomb or sexual violence is coded as such whatever
            # else the violence was (the rules read these only from their defining words); a suicide blast
            # whatever else the words tell ("... after police called on them to surrender"), unless the device
            # was found or neutralised
            return rule_sub, min(1.0, probs[i])
        if case not in _REMOTE_CASES and text is not None \
                and (rule_sub is None or tax.sub_types[rule_sub].case not in _BLAST_KEEPS) and blown_up(text):
            # ACLED codes by method: a bridge, pipeline or school blown up is an explosion, not property
            # destruction, a territory change or a change of activity (the words around it draw the model)
            return "Remote explosive/landmine/IED", probs[labels.index("REM_EXPLOS")]
        if case == "ARREST" and text is not None and (how := arrest_at_protest(text)) is not None:
            # ACLED: people detained at a protest make a protest with intervention (or a riot), not "Arrests"
            return tax.by_case[how].name, min(1.0, probs[i])
        if case == "ARREST" and text is not None and seized_not_territory(text) == "captive":
            # soldiers told as captives ("a captured marine", captured soldiers returned): no arrest (ACLED's
            # arrests are by the authorities; soldiers captured in a fight are part of the battle)
            return None, 0.0
        if case == "ARREST" and non_event_check and text is not None and arrest_of_criminals(text):
            return None, 0.0  # ACLED: criminals arrested by the police are no "Arrests" (organised crime)
        if case == "ATTACK" and rule_sub == "Armed clash" and text is not None and armed_victims_only(text):
            # ACLED: an attack needs civilian victims; armed victims and no civilian ones make it a clash
            return rule_sub, min(1.0, probs[i])
        if case == "DISR_WEAP" and rule_sub == "Air/drone strike" and text is not None and not disrupted_only(text):
            # an air strike that destroyed an arms depot is an air strike (a drone shot down is disrupted)
            return rule_sub, min(1.0, probs[i])
        if case == "DISR_WEAP" and text is not None and non_weapon_depot(text):
            # ACLED: an oil, fuel or grain depot is no weapons cache; struck or destroyed, it is the attack the
            # rules read (a strike, shelling), else the model's next class
            if rule_sub is not None and rule_sub != "Disrupted weapons use":
                return rule_sub, min(1.0, probs[i])
            continue
        if case == "DISR_WEAP" and rule_sub is not None and text is not None and weapon_used(text):
            # ACLED: disrupted weapons use is a weapon that was not used; one that went off or hurt people
            # is the attack the rules read ("explosives" alone draws the model to seizures)
            return rule_sub, min(1.0, probs[i])
        if case in _REMOTE_CASES and rule_sub is not None and tax.sub_types[rule_sub].case in _REMOTE_CASES:
            # Remote violence: the model tells the family, the method words the rules read tell the sub-type
            # (ACLED codes explosions by method: a missile fired from a jet is an air strike).
            return rule_sub, min(1.0, probs[i])
        if case in _TERRITORY_ALL and text is not None and (seized := seized_not_territory(text)) is not None:
            # ACLED: territory is control of a place; drugs, goods, vehicles, a weapons cache or people seized
            # change none. A cache is disrupted weapons use, officials or armed-group members captured an
            # arrest, property taken by an armed group looting; contraband seized or criminals caught by the
            # police are no ACLED event (organised crime); otherwise the next class.
            if seized in SEIZED_AS:
                return SEIZED_AS[seized], min(1.0, probs[i])
            if (seized == "crime" and non_event_check) or seized == "captive":
                return None, 0.0
            continue
        if case in (*_TERRITORY_ALL, "AGREEMENT") and rule_sub == "Non-violent transfer of territory":
            return rule_sub, min(1.0, probs[i])  # taken without a fight: the rules read that, not the words
        if case in _TERRITORY.values() and text is not None and (taker := territory_taker(text)) is not None:
            # Family from the model, side from the rules: ACLED codes territory by the taker's actor type,
            # which the words alone ("captured", "retook") do not tell; the rules read who took it.
            case = _TERRITORY[taker]
            return tax.by_case[case].name, min(1.0, probs[i])
        if case == "PROPERTY_DISTRUCT" and text is not None and protest_outcome(text) == "VIOL_DEMONSTR" \
                and (_RIOT.search(text) or is_protest(text)):
            # ACLED: property destroyed by demonstrators or rioters is a violent demonstration
            return "Violent demonstration", min(1.0, probs[i])
        if case in _PROTEST_RANK and text is not None and (how := protest_outcome(text)) is not None \
                and _PROTEST_RANK[how] > _PROTEST_RANK[case]:
            # Family from the model, how it went from the words' roles: demonstrators throwing stones or setting
            # fires make a violent demonstration, the authorities firing on them excessive force, tear gas or
            # arrests an intervention - the model reads a protest told with its outcome as the calmer class
            return tax.by_case[how].name, min(1.0, probs[i])
        return tax.by_case[case].name, min(1.0, probs[i])
    return None, 0.0


def code_texts(texts: list[str], model: PloverModel | None, *, non_event_check: bool = True,
               acled: AcledModel | None = None) -> list[Coding]:
    """Code each text. ``non_event_check``: a snippet may be no ACLED event at all (disaster, crime,
    diplomacy); off for article sentences that already hold an event trigger."""
    tax = load_taxonomy()
    preds: list[tuple[str | None, str | None, float]] = (
        list(model.predict(texts)) if model is not None and texts else [(None, None, 0.0)] * len(texts))
    aprobs = acled.predict_proba(texts).tolist() if acled is not None and texts else None
    out: list[Coding] = []
    for k, (text, (ev, mode, prob)) in enumerate(zip(texts, preds, strict=True)):
        sub: str | None
        sub, conf, _ = decide(text, non_event_check=non_event_check)
        by = "rules"
        if aprobs is not None and acled is not None:
            new, p = _acled_choice(aprobs[k], acled.labels, sub, acled.rule_bonus, non_event_check,
                                   acled.none_threshold, text)
            if not non_event_check and sub is not None and (conf >= ARTICLE_RULE_CONF or p < ARTICLE_MODEL_PROB):
                new, p = sub, conf  # in articles a confident rule decision stands (measured on the seed)
            if new != sub:
                by = "model"
            sub, conf = new, p if new is not None else 0.0
        elif sub is None and ev is not None and prob >= FALLBACK_MIN_PROB:
            sub, conf, by = tax.acled_for_plover(ev, mode), prob, "model"
        if sub is None:
            out.append(Coding(None, None, ev, mode, 0.0, "none"))
            continue
        st = tax.sub_types[sub]
        # PLOVER alongside: the model's event when it agrees with the ACLED family, else the table default.
        plover: str | None
        pmode: str | None
        if ev is not None and tax.acled_for_plover(ev, mode) == sub:
            plover, pmode = ev, mode
        else:
            plover, pmode = st.plover, st.mode
        out.append(Coding(sub, st.event_type, plover, pmode, conf, by))
    return out
