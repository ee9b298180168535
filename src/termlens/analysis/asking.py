"""Understanding a plain-English question ("Is my meeting app training its AI on my screen shares?").

The question is mapped to a data item (by the words people use for it, longest first) and a use
(training, others' training, marketing, sale), or to one of the document-level questions when it
names no item ("Do they own my usage data?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termlens.analysis.fast_patterns import Pattern, rx
from termlens.domain.vocabulary import DATA_ITEMS, DATA_ITEMS_BY_ID, QUESTIONS_BY_ID, ItemFamily, Use

if TYPE_CHECKING:
    from termlens.analysis import Analysis

_USE_CUES: tuple[tuple[Use, Pattern], ...] = (
    (Use.SALE_OR_LICENSING, rx(r"\b(?:sell|sells|sold|selling|sale|licen[cs]e|monetiz\w+|rent)\b")),
    (Use.MARKETING, rx(r"\b(?:ads?|advert\w*|marketing|market|promot\w+|commercials?|target\w*)\b")),
    (Use.AI_TRAINING, rx(
        r"\b(?:train\w*|learn\w*|AI|A\.I\.|machine learning|models?|LLMs?|improve (?:its|their) (?:AI|models?)|"
        # ("feedback" is not feeding data to a model)
        r"feed(?!back)\w*|artificial intelligence|gpt\w*)\b")),
)
_THIRD_PARTY = rx(r"\b(?:third[- ]part\w+|others|other companies|partners?|someone else|"
                  r"outside|AI (?:companies|developers|labs)|anyone else)\b")
_GENERAL: tuple[tuple[str, Pattern], ...] = (
    ("control.ai_training", rx(r"\b(?:opt[- ]?out|opt[- ]?in|turn (?:it )?off|stop|setting|control|"
                               r"prevent|disable)\b")),
    ("ownership.usage", rx(r"\b(?:own|owns|ownership)\b")),
    ("license.content.broad", rx(r"\b(?:licen[cs]e|rights? to my)\b")),
)
_WORD_OF = {item.id: [s for s in item.synonyms] for item in DATA_ITEMS}


@dataclass(frozen=True)
class Understood:
    """What a question was understood to ask."""

    text: str
    item: str | None
    use: str | None
    question_id: str
    matched: str | None  # the words that named the item
    recognised: bool = True  # False when neither a data item, a use nor a known question was found
    use_assumed: bool = False  # the question named a data item but no use: AI training, the main question, is answered

    def describe(self) -> str:
        """One line for people: what was understood."""
        what = DATA_ITEMS_BY_ID[self.item].label if self.item else "your data in general"
        use = {None: "", "ai_training": "used to train the vendor's AI",
               "ai_training_third_party": "used to train others' AI", "marketing": "used for marketing or ads",
               "sale_or_licensing": "sold or licensed to others"}[self.use]
        if self.item and self.use:
            # ("Is my chat confidential?" names no use: say which one is answered rather than pretend it was asked)
            return f"{what} — {use}" + (" (no use was named, so training the vendor's AI is assumed)"
                                        if self.use_assumed else "")
        return QUESTIONS_BY_ID[self.question_id].text


def _find_item(text: str) -> tuple[str | None, str | None]:
    best: tuple[int, str, str] | None = None
    lowered = text.lower()
    for item_id, words in _WORD_OF.items():
        for w in words:
            m = re.search(r"\b" + re.escape(w) + r"\b", lowered)
            if m and (best is None or len(w) > best[0]):
                best = (len(w), item_id, w)
    return (best[1], best[2]) if best else (None, None)


def understand_question(text: str) -> Understood:
    """Map a natural-language question to an item and use, and to the closest document question."""
    item, matched = _find_item(text)
    use: Use | None = None
    for candidate, cue in _USE_CUES:
        if cue.search(text):
            use = candidate
            break
    if use is Use.AI_TRAINING and _THIRD_PARTY.search(text):
        use = Use.AI_TRAINING_THIRD_PARTY
    general = next((qid for qid, cue in _GENERAL if cue.search(text)), None)
    if item is None and use is None and general is None:
        return Understood(text, None, None, "train.content.own", None, recognised=False)
    if item is None or general in ("control.ai_training", "ownership.usage"):
        question = general or _question_for(None, use)
        if question == "ownership.usage" or question == "license.content.broad" or general:
            return Understood(text, item if question != "control.ai_training" else None,
                              None if general else (use.value if use else None), question, matched)
    assumed = use is None
    if use is None:
        use = Use.AI_TRAINING
    return Understood(text, item, use.value, _question_for(item, use), matched, use_assumed=assumed)


def _question_for(item: str | None, use: Use | None) -> str:
    family = DATA_ITEMS_BY_ID[item].family if item else ItemFamily.CONTENT
    if use is Use.MARKETING:
        return "marketing.content"
    if use in (Use.AI_TRAINING_THIRD_PARTY, Use.SALE_OR_LICENSING):
        return "train.content.third_party"
    if family is ItemFamily.USAGE:
        return "train.usage.own"
    if family is ItemFamily.AI_IO:
        return "train.ai_io"
    return "train.content.own"


def answer_question(understood: Understood, analysis: Analysis) -> dict[str, object]:
    """The answer for an understood question, in the output-contract shape plus item/use/understood."""
    if understood.item and understood.use:
        body = analysis.item(understood.item, understood.use).to_json()
        body["question"] = understood.question_id
    else:
        body = analysis.answer(understood.question_id).to_json()
        body["item"] = understood.item
        body["use"] = understood.use
    body["understood"] = understood.describe()
    body["asked"] = understood.text
    return body
