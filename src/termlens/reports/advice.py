"""Advice: what a user can do about each answer that puts their data at risk.

Actions come from the document where it offers them (a control and where it is, the feature
whose use triggers the practice, a plan or contract that excludes it, end-to-end encryption
where the text keeps encrypted content out of reach), each quoted verbatim with its section.
Only when the document offers nothing are general steps given, and they are worded so as to
state nothing about the vendor: the text alone is the source of every vendor fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termlens.reports.analyses import AnalyzedVersion
    from termlens.reports.model import TldrRow

_I = re.IGNORECASE
MAX_QUOTE = 600
MAX_PER_KIND = 2

_TOPIC = {
    "ai_training": re.compile(r"\b(?:train\w*|machine[- ]learning|artificial intelligence|AI|models?)\b", _I),
    "ownership_licence": re.compile(r"\b(?:licen[cs]\w*|own|owns|ownership)\b", _I),
    "marketing": re.compile(r"\b(?:marketing|advertis\w+|ads)\b", _I),
}
_CONTROL = re.compile(
    r"\b(?:opt(?:[- ]?out|[- ]?in)|turn(?:ed)? (?:it |this |them )?off|disabl\w+|switch(?:ed)? off|settings?|"
    r"preferences|withdraw (?:your |their )?consent|unsubscrib\w+|object to|"
    r"(?:you|users?|account owners?|admins?|administrators?) (?:can|may) (?:choose|elect|decline|request|control))\b",
    _I)
_FEATURE = re.compile(
    r"\b(?:if|when|where|once) (?:you|users?|an? (?:account )?(?:owner|admin\w*)|account owners|customers?|"
    r"the customer) "
    r"(?:(?:choose|decide|elect) to )?(?:use|uses|enable|enables|turn on|turns on|activate|activates|opt in|opts in|"
    r"consent|consents|share|shares|submit|submits|interact|interacts)\b|"
    r"\bif (?:enabled|activated|turned on|chosen|selected) by\b", _I)
_PLAN = re.compile(
    r"\b(?:(?:enterprise|business|education|team|paid|commercial|api|professional) "
    r"(?:plans?|customers?|accounts?|tiers?|subscriptions?|offerings?|users?)|data processing (?:addendum|agreement)|"
    r"separate (?:written )?agreement|(?:unless|except as) otherwise agreed|order form)\b", _I)
_E2EE = re.compile(r"\bend[- ]to[- ]end[- ]encrypt\w*", _I)
_EXCLUDES = re.compile(r"\b(?:cannot|can't|unable to|does not|do not|will not|won't|never|no one)\s+(?:\w+\s+){0,3}?"
                       r"(?:access|use|train|read|decrypt|see|view)\b", _I)
_NOT_ENCRYPTED = re.compile(r"\bnot\s+(?:be\s+)?end[- ]to[- ]end", _I)
_CONSENT = re.compile(r"\b(?:without|with) (?:your|the user's|users'|their|the customer's|customer's) "
                      r"(?:prior |express |explicit |affirmative )?(?:consent|permission|agreement)\b", _I)

CONCERNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ai_training", "AI training on your data",
     ("train.content.own", "train.content.third_party", "train.usage.own", "train.ai_io")),
    ("ownership_licence", "Ownership of, and licences to, your data", ("ownership.usage", "license.content.broad")),
    ("marketing", "Marketing and advertising with your content", ("marketing.content",)),
)
_AT_RISK = {"yes", "likely"}
_GENERAL: dict[str, tuple[str, ...]] = {
    "ai_training": (
        "Turn off or avoid the AI features you do not need, and check your account's settings for a data-use "
        "or AI-training control.",
        "Ask the vendor, in writing, whether your content and usage data are used to train AI models and how to "
        "stop it.",
        "For an organisation: negotiate a data-processing addendum that forbids training on your data.",
    ),
    "ownership_licence": (
        "Ask the vendor to confirm, in writing, what it does with usage data and with the licence it takes.",
        "For an organisation: negotiate contract terms that limit the licence to operating the service for you.",
    ),
    "marketing": (
        "Check your account's privacy and marketing preferences.",
        "Avoid uploading content you do not want used in the vendor's marketing; ask the vendor how to object.",
    ),
}
_KIND_TEXT = {
    "consent": "The document makes this depend on your consent; you can withhold it:",
    "control": "The document describes a control you can use:",
    "feature": "The document ties this to a feature or a choice; avoid or disable it if you do not want this:",
    "plan": "The document treats some plans, agreements or contracts differently; check yours:",
    "e2ee": "The document limits what happens to end-to-end encrypted content; use end-to-end encryption where "
            "it is offered:",
}


@dataclass(frozen=True)
class Action:
    """One thing to do: ``quote`` and ``section`` are set when the document itself says it."""

    kind: str
    text: str
    quote: str | None = None
    section: str | None = None
    document: str | None = None

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one action."""
        return {"kind": self.kind, "text": self.text, "quote": self.quote, "section": self.section,
                "document": self.document, "from_document": self.quote is not None}


@dataclass(frozen=True)
class Advice:
    """What to do about one concern, and which answers raised it."""

    concern: str
    title: str
    because: tuple[str, ...]  # "Trains AI on your usage data: Probably"
    actions: tuple[Action, ...]

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one piece of advice."""
        return {"concern": self.concern, "title": self.title, "because": list(self.because),
                "actions": [a.to_json() for a in self.actions]}


def _sentences(current: Sequence[AnalyzedVersion]) -> Iterator[tuple[str, str | None, str]]:
    for analyzed in current:
        structure = analyzed.structure
        for sentence in structure.sentences:
            quote = structure.text[sentence.start:sentence.end].strip()
            if 20 <= len(quote) <= MAX_QUOTE:
                yield quote, structure.section_number(sentence.section), analyzed.version.document_type


def _document_actions(concern: str, current: Sequence[AnalyzedVersion]) -> list[Action]:
    topic = _TOPIC[concern]
    found: dict[str, list[Action]] = {kind: [] for kind in _KIND_TEXT}
    seen: set[str] = set()
    for quote, section, document in _sentences(current):
        if quote in seen:
            continue
        kind = None
        if concern == "ai_training" and _E2EE.search(quote) and _EXCLUDES.search(quote) \
                and not _NOT_ENCRYPTED.search(quote):
            kind = "e2ee"
        elif topic.search(quote):
            if _CONSENT.search(quote):
                kind = "consent"
            elif _CONTROL.search(quote):
                kind = "control"
            elif _FEATURE.search(quote):
                kind = "feature"
            elif _PLAN.search(quote):
                kind = "plan"
        if kind is not None and len(found[kind]) < MAX_PER_KIND:
            seen.add(quote)
            found[kind].append(Action(kind, _KIND_TEXT[kind], quote, section, document))
    return [a for kind in _KIND_TEXT for a in found[kind]]


def advise(answers: Sequence[TldrRow], current: Sequence[AnalyzedVersion]) -> list[Advice]:
    """Advice for each concern that has an answer putting users' data at risk (yes or probably)."""
    by_question = {a.question: a for a in answers}
    advice = []
    for concern, title, questions in CONCERNS:
        risky = [by_question[q] for q in questions if q in by_question and by_question[q].verdict in _AT_RISK]
        if not risky:
            continue
        actions = _document_actions(concern, current)
        if not actions:
            actions = [Action("general", text) for text in _GENERAL[concern]]
        advice.append(Advice(concern, title, tuple(f"{a.short}: {a.words}" for a in risky), tuple(actions)))
    return advice
