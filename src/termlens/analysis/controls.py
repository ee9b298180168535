"""Does the document describe a control over AI training? (question ``control.ai_training``)"""

from __future__ import annotations

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import Reading, SentenceReading
from termlens.analysis.resolve import Proposal, describe, pick_condition, silent_answer
from termlens.analysis.statements import admin_switch_only, has, read_sentence
from termlens.analysis.switches import improvement_switch, named_switch, switch_elsewhere
from termlens.analysis.terms import Category
from termlens.domain.model import Answer, Sentence
from termlens.domain.vocabulary import Condition, Verdict


def control_ai_training(reading: Reading) -> Answer:
    """Does the document describe a user control over AI training?"""
    hits = [
        r for r in reading.sentences
        if (r.cues.ai_training or r.cues.ai_development) and not r.restricted
        and r.conditions & {Condition.OPT_IN, Condition.OPT_OUT, Condition.ADMIN}
    ]
    if not hits:
        follow = (_control_after_training(reading) or named_switch(reading) or improvement_switch(reading)
                  or _objection_to_ai(reading)
                  or _consent_to_development(reading) or _choice_to_keep_from_ai(reading))
        if follow is not None:
            return follow
        return _no_way_out(reading) or silent_answer("control.ai_training", reading)
    # The sentence that states the control ("You can choose whether …", "If you opt out, …") is the evidence,
    # ahead of a training sentence that merely mentions a setting in passing.
    # (a sentence that states the switch itself before a table cell that borrows it from its row)
    hits.sort(key=lambda r: (not has(_CONTROL_LEAD, r.sentence.text),
                             not r.cues.conditions & {Condition.OPT_OUT, Condition.OPT_IN, Condition.ADMIN},
                             -len(r.conditions & {Condition.OPT_OUT, Condition.OPT_IN, Condition.ADMIN})))
    best = hits[0]
    condition = pick_condition(best.conditions & {Condition.OPT_OUT, Condition.OPT_IN, Condition.ADMIN})
    if Condition.ADMIN in best.conditions and admin_switch_only(best.sentence.text):
        condition = Condition.ADMIN  # "unless the Team Owner switches on …": off until the owner decides
    quoted = [best]
    switch = switch_elsewhere(reading, best)
    if switch is not None and Condition.ADMIN not in best.conditions:
        # 'Where Organisation Tuning is enabled, Acme will use …' + 'administrators may enable "Organisation Tuning"'
        quoted.insert(0, switch[0])
        condition = switch[1]
    elif not has(_CONTROL_LEAD, best.sentence.text):
        follower = _control_sentence_after(reading, best)
        if follower is not None:
            quoted.insert(0, follower)
    chosen = [Proposal(Verdict.YES, best, 2, best.conditions)]
    return Answer("control.ai_training", Verdict.YES, condition, 0.85, reading.evidence(quoted),
                  describe(reading, chosen, "describes a choice you (or an admin) have over AI training."))


# A sentence whose point is the user's choice: "You can choose whether …", "If you opt out, …", "Unless you consent".
_SWITCH = (r"(?:choose (?:whether|not to|to (?:opt|share|allow|let))|opt|turn (?:off|on)|disable|object|withdraw|"
           r"decline)")
_CONTROL_LEAD = rx(
    r"^\W*(?!even\b)(?:\w+\W+){0,3}?(?<!even )(?:you (?:can|may|have the (?:option|right|choice)) (?:to )?"
    r"(?:\w+\W+){0,2}?" + _SWITCH + r"|(?:if|once|when|unless|until) you (?:\w+ ){0,2}?(?:" + _SWITCH[3:-1]
    + r"|consent|give (?:us )?(?:your )?consent)|to opt (?:out|in))\b")


def _control_sentence_after(reading: Reading, r: SentenceReading) -> SentenceReading | None:
    """The sentence just after a training statement, in its section, that states the switch over it."""
    for follower in reading.structure.sentences[r.sentence.index + 1:r.sentence.index + 5]:
        if follower.section != r.sentence.section:
            break
        text = follower.text
        if (has(_CONTROL_LEAD, text) or has(ck.ANAPHORIC_CONTROL, text)) and (
                has(lx.OPT_OUT, text) or has(lx.OPT_IN, text)) and not has(lx.NO_WAY_OUT, text):
            return SentenceReading(follower, r.cues, r.categories, r.terms,
                                   reading.structure.section_number(follower.section), r.conditions, r.own, False,
                                   False)
    return None


def _control_after_training(reading: Reading) -> Answer | None:
    """A control sentence that refers back to the training just described ("If you don't want your data
    used in this way, change your settings"), within the next four sentences of its section."""
    sentences = reading.structure.sentences
    for r in reading.sentences:
        if not r.cues.ai_training or r.cues.negated or r.restricted:
            continue
        at = r.sentence.index
        for follower in sentences[at + 1:at + 5]:
            if follower.section != r.sentence.section:
                break
            text = follower.text
            control = lx.OPT_OUT.search(text) or lx.OPT_IN.search(text)
            if control and has(ck.ANAPHORIC_CONTROL, text) and not has(lx.NO_WAY_OUT, text):
                found = SentenceReading(follower, r.cues, r.categories, r.terms,
                                        reading.structure.section_number(follower.section), r.conditions, r.own,
                                        False, False)
                condition = Condition.OPT_IN if lx.OPT_IN.search(text) else Condition.OPT_OUT
                chosen = [Proposal(Verdict.YES, found, 2, frozenset({condition}))]
                return Answer("control.ai_training", Verdict.YES, condition, 0.75, reading.evidence([found, r]),
                              describe(reading, chosen, "describes a choice you have over the AI training "
                                                        "described just before it."))
    return None


def _training_sections(reading: Reading) -> set[int | None]:
    """The sections that say the vendor trains or develops AI on the data (a control stated there is about it)."""
    return {r.sentence.section for r in reading.sentences if (r.cues.ai_training or r.cues.ai_development)
            and not r.cues.negated and not r.restricted and r.sentence.section is not None}


def _objection_to_ai(reading: Reading) -> Answer | None:
    """A right to object that the document ties to its AI processing ("You can object … where features
    supported by generative AI are based on legitimate interests"), in the sentence or in the section that
    describes the training: probably a control over it."""
    # Sections that say the vendor trains or develops AI on the data: an objection right stated there is about it.
    ai_sections = _training_sections(reading)
    for sentence in reading.structure.sentences:
        text = sentence.text
        if "bject" in text and has(ck.RIGHT_TO_OBJECT, text) and (has(lx.AI_WORDS, text)
                                                                  or sentence.section in ai_sections):
            return _opt_out_answer(reading, sentence, Verdict.LIKELY, 0.6,
                                   "gives you a right to object to processing that it ties to AI, which probably "
                                   "lets you refuse AI training.")
    return None


def _consent_to_development(reading: Reading) -> Answer | None:
    """"We will not use Customer Content to develop or improve the Services unless Customer explicitly agrees":
    a consent that governs training without naming it, so probably a control over it."""
    for r in reading.sentences:
        c = r.cues
        if (c.improve and c.negated and not r.restricted and Condition.OPT_IN in r.conditions
                and r.names(Category.CONTENT, Category.AI_IO) and has(ck.NOT_TO_DEVELOP, r.sentence.text)):
            chosen = [Proposal(Verdict.LIKELY, r, 2, frozenset({Condition.OPT_IN}))]
            return Answer("control.ai_training", Verdict.LIKELY, Condition.OPT_IN, 0.6, reading.evidence([r]),
                          describe(reading, chosen, "makes using your content to develop the service (training "
                                                    "included) depend on your agreement: probably a control over "
                                                    "AI training."))
    return None


# "You are able to tag your projects with 'NoAI' if you would like Your Content to be prohibited from use with AI",
# "you can choose to exclude your content from use by AI": the user keeps content away from AI, without the word
# "train".
_KEEP_FROM_AI = rx(
    r"\b(?:you|users|members|writers|creators|artists|customers) (?:are able to|can|may|have the (?:option|choice) to) "
    r"[^.;]{0,120}?(?:if you (?:would like|want|wish) "
    r"(?:\w+ ){0,4}?to be |to )?(?:prohibit\w*|exclud\w*|block\w*|opt\w* out|keep \w+ \w+ (?:out|away))\b"
    r"[^.;]{0,80}?\b(?:with|for|from|by|of) (?:\w+ ){0,2}?(?:AI|artificial intelligence|machine learning)\b")


def _choice_to_keep_from_ai(reading: Reading) -> Answer | None:
    """A user's choice to keep content away from AI use (a "NoAI" tag, an exclusion setting): a control over AI
    training even where the document never says "train"."""
    for sentence in reading.structure.sentences:
        text = sentence.text
        if ("AI" in text or "ntelligence" in text or "earning" in text) and has(_KEEP_FROM_AI, text):
            return _opt_out_answer(reading, sentence, Verdict.YES, 0.7,
                                   "lets you keep your content away from AI use, which covers training on it.")
    return None


def _opt_out_answer(reading: Reading, sentence: Sentence, verdict: Verdict, confidence: float,
                    what: str) -> Answer:
    """A control answer that rests on one sentence of the document, which lets the user opt out."""
    r = SentenceReading(sentence, read_sentence(sentence.text), frozenset(), (),
                        reading.structure.section_number(sentence.section), frozenset(), frozenset(), False, False)
    chosen = [Proposal(verdict, r, 2, frozenset({Condition.OPT_OUT}))]
    return Answer("control.ai_training", verdict, Condition.OPT_OUT, confidence, reading.evidence([r]),
                  describe(reading, chosen, what))


def _no_way_out(reading: Reading) -> Answer | None:
    """"At this time there is no setting that turns this use off": the document says in so many words that the AI
    training it describes has no control, which is a stated "no", not silence."""
    ai_sections = _training_sections(reading)
    for sentence in reading.structure.sentences:
        text = sentence.text
        low = text.lower()
        # (every way of saying there is no way out holds one of these words; most sentences hold none)
        if not any(w in low for w in ("possible", "cannot", "can't", "can’t", "unable", "no ", "not ", "only ")):
            continue
        if has(lx.NO_WAY_OUT, text) and (sentence.section in ai_sections or has(lx.AI_WORDS, text)):
            r = SentenceReading(sentence, read_sentence(text), frozenset(), (),
                                reading.structure.section_number(sentence.section), frozenset(), frozenset(), False,
                                False)
            chosen = [Proposal(Verdict.NO, r, 2, frozenset())]
            return Answer("control.ai_training", Verdict.NO, Condition.NONE, 0.8, reading.evidence([r]),
                          describe(reading, chosen, "says there is no way to turn the AI training it describes off."))
    return None
