"""Named settings that govern AI training ("Help improve Acme", 'where Organisation Tuning is enabled'), and who
turns them on or off: the control question's reading of switches named apart from the training sentence.

Split out of ``controls`` so that each module stays readable.
"""

from __future__ import annotations

import re

from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import Reading, SentenceReading
from termlens.analysis.resolve import Proposal, describe
from termlens.analysis.statements import has
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Condition, Verdict

# A setting the training depends on, by name: 'has "Contribute to caption quality" switched on', 'Where Organisation
# Tuning is enabled', 'unless you turn on **Share Chats**'.
_QUOTED_NAME = rx(r"[\"“]\**((?-i:[A-Z])[^\"“”*]{2,60}?)\**[\"”]|\*\*((?-i:[A-Z])[^*]{2,60}?)\*\*", 0)
_NAMED_CONDITION = rx(
    r"\b(?:where|if|when|once|unless|until) (?:the |your )?((?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+){0,3}) "
    r"(?:is|are|has been) (?:enabled|switched on|turned on|activated|on)\b")
_THIS_SETTING = rx(r"\b(?:this|that|the) (?:setting|toggle|option|switch|preference)\b")
_ON_BY_DEFAULT = rx(r"\b(?:switched |turned |set to )?(?:on|enabled) by default\b")
_SWITCHED = rx(r"\b(?:enabl|disabl|switch|turn|toggl|opt|activat|deactivat|untick|tick)\w*")


def _switch_names(text: str) -> set[str]:
    names = {a or b for a, b in _QUOTED_NAME.findall(text)}
    names.update(_NAMED_CONDITION.findall(text))
    return {n.strip() for n in names if len(n.strip()) > 3}


def switch_elsewhere(reading: Reading, r: SentenceReading) -> tuple[SentenceReading, Condition] | None:
    """Another sentence of the document that says who turns the named setting a training sentence depends on on or
    off, and the condition that makes: an administrator's switch, one off until turned on, or one to turn off."""
    names = _switch_names(r.sentence.text)
    if not names:
        return None
    sentences = reading.structure.sentences
    # ("For personal accounts this setting is switched on by default": the setting just named)
    near = {s.index for s in sentences[r.sentence.index + 1:r.sentence.index + 3] if s.section == r.sentence.section}
    for sentence in sentences:
        text = sentence.text
        named = any(n in text for n in names) or (sentence.index in near and has(_THIS_SETTING, text))
        if sentence.index == r.sentence.index or not named or not has(_SWITCHED, text):
            continue
        condition = _switch_condition(text, Condition.OPT_IN)
        found = SentenceReading(sentence, r.cues, r.categories, r.terms,
                                reading.structure.section_number(sentence.section), frozenset({condition}), r.own,
                                False, False)
        return found, condition
    return None


def named_switch(reading: Reading) -> Answer | None:
    """A training sentence that depends on a named setting, and a sentence elsewhere that says who may turn it on or
    off: a control over that training."""
    for r in reading.sentences:
        if not (r.cues.ai_training or r.cues.ai_development) or r.restricted:
            continue
        switch = switch_elsewhere(reading, r)
        if switch is not None:
            found, condition = switch
            chosen = [Proposal(Verdict.YES, found, 2, frozenset({condition}))]
            return Answer("control.ai_training", Verdict.YES, condition, 0.7, reading.evidence([found, r]),
                          describe(reading, chosen, "names a setting that turns the AI training it describes on or "
                                                    "off."))
    return None


def _switch_condition(text: str, lean: Condition) -> Condition:
    """Who holds a switch and which way it starts: an administrator's, one on by default (an opt-out), else the way
    its words point, leaning to ``lean`` (opt-in: "enable …"; opt-out: "switch off …") when they point both ways."""
    if any(h in text.lower() for h in ("admin", "owner")) and has(lx.ADMIN, text):
        return Condition.ADMIN
    if has(_ON_BY_DEFAULT, text):
        return Condition.OPT_OUT
    if lean is Condition.OPT_IN:
        on = has(lx.OPT_IN, text) or re.search(r"\b(?:enable|switch on|turn on|activate|tick)\b", text, re.I)
        return Condition.OPT_IN if on else Condition.OPT_OUT
    return Condition.OPT_OUT if has(lx.OPT_OUT, text) else Condition.OPT_IN


# A setting whose own label says it governs improvement or training: "Help improve Acme", "Use my content to improve
# Acme AI", "Contribute to model improvement".
_IMPROVEMENT_LABEL = rx(r"\b(?:improv\w*|train\w*|models?|AI|machine learning)\b")


def improvement_switch(reading: Reading) -> Answer | None:
    """In a document that describes AI training, a sentence that lets the user (or an admin) switch a setting
    labelled for improvement or training on or off: a control over that training, wherever it sits."""
    trains = [r for r in reading.sentences if (r.cues.ai_training or r.cues.ai_development) and not r.cues.negated
              and not r.restricted]
    if not trains:
        return None
    for sentence in reading.structure.sentences:
        text = sentence.text
        if not any(q in text for q in ('"', "“", "**")) or not has(_SWITCHED, text) or not any(
                has(_IMPROVEMENT_LABEL, name) for name in _switch_names(text)):
            continue
        condition = _switch_condition(text, Condition.OPT_OUT)
        found = SentenceReading(sentence, trains[0].cues, trains[0].categories, trains[0].terms,
                                reading.structure.section_number(sentence.section), frozenset({condition}),
                                trains[0].own, False, False)
        chosen = [Proposal(Verdict.YES, found, 2, frozenset({condition}))]
        return Answer("control.ai_training", Verdict.YES, condition, 0.7, reading.evidence([found, trains[0]]),
                      describe(reading, chosen, "names a setting for improving or training its models that you "
                                                "(or an admin) can switch."))
    return None
