"""One function that codes a text (a snippet or a clause) with an ACLED sub-type and a PLOVER event + mode.

Rules (:mod:`.events_rules`) decide first, because they carry ACLED's own distinctions; the learned PLOVER
model (:mod:`.events_classifier`) gives the PLOVER event alongside and, when no rule fires, a fallback ACLED
code through the PLOVER→ACLED table. Measured on CASE-2021 dev (docs/EVALUATION-events.md), the fallback
adds little: the rules carry the score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .events_rules import decide
from .events_taxonomy import load_taxonomy

if TYPE_CHECKING:
    from .events_classifier import PloverModel

__all__ = ["Coding", "code_texts"]

# Below this probability the PLOVER model's guess is not used as an ACLED code.
FALLBACK_MIN_PROB = 0.2


@dataclass(frozen=True, slots=True)
class Coding:
    sub_event_type: str | None  # None: not an ACLED event
    event_type: str | None
    plover: str | None
    plover_mode: str | None
    confidence: float
    by: str  # "rules", "model" or "none"


def code_texts(texts: list[str], model: PloverModel | None, *, non_event_check: bool = True) -> list[Coding]:
    """Code each text. ``non_event_check`` lets disaster/crime/diplomacy cues veto an event (snippets)."""
    tax = load_taxonomy()
    preds: list[tuple[str | None, str | None, float]] = (
        list(model.predict(texts)) if model is not None and texts else [(None, None, 0.0)] * len(texts))
    out: list[Coding] = []
    for text, (ev, mode, prob) in zip(texts, preds, strict=True):
        sub: str | None
        sub, conf, _ = decide(text, non_event_check=non_event_check)
        by = "rules"
        if sub is None and ev is not None and prob >= FALLBACK_MIN_PROB:
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
