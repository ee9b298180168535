"""The eight document-level questions, each answered from one document reading."""

from __future__ import annotations

import re
from dataclasses import replace

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.controls import control_ai_training
from termlens.analysis.marketing import marketing_content
from termlens.analysis.reading import NON_PUBLIC_THIRD_PARTY, Reading, SentenceReading
from termlens.analysis.resolve import Proposal, describe, silent_answer
from termlens.analysis.statements import has
from termlens.analysis.tables import training_rows_leave_out
from termlens.analysis.terms import CATEGORY_CUES, Category, categories_in
from termlens.analysis.training import decide_training
from termlens.domain.model import Answer, Evidence
from termlens.domain.vocabulary import Condition, Verdict

CONTENT = (Category.CONTENT,)
USAGE = (Category.USAGE,)
AI_IO = (Category.AI_IO,)

# Passing the data to others for training: "we share … with partners … to train their models", "we
# license content to AI developers". Training *our* models on data *from* partners is not this.
_THIRD_PARTY_TRAINING = re.compile(
    r"\b(?:shar\w+|disclos\w+|provid\w+|sell\w*|sold|licens\w+|transfer\w*|make \w+ available)\b[^.]{0,80}?"
    r"\b(?:to|with|by)\s+(?:\w+\s+){0,2}?(?:third[- ]part\w+|partners?|affiliates|other companies|others|developers|"
    r"researchers|"
    r"AI (?:companies|developers|providers))\b[^.]{0,240}?\b(?:train\w*|machine learning|AI|models?)\b",
    re.IGNORECASE,
)


def _inherit(question: str, answer: Answer, source: Answer, why: str) -> Answer:
    """An answer that rests on silence takes another question's answer when the data is the same."""
    if answer.evidence or not source.evidence:
        return answer
    return Answer(question, source.verdict, source.condition, source.confidence * 0.9, source.evidence,
                  why + " " + source.explanation)


def train_content_own(reading: Reading) -> Answer:
    """May the vendor train its own AI on users' content?"""
    if "train.content.own" not in reading.answers:
        # On an AI assistant the user's content is what they type and upload: their prompts and chats.
        data = CONTENT + AI_IO if reading.ai_service else CONTENT
        reading.answers["train.content.own"] = decide_training("train.content.own", reading, data)
    return reading.answers["train.content.own"]


def train_content_third_party(reading: Reading) -> Answer:
    """May users' content train third parties' AI, or be sold / licensed to them for that?"""
    answer = _third_party_without_open_channels(reading)
    private = answer
    if answer.evidence and all(has(_PUBLIC_CONTENT, e.quote) for e in answer.evidence):
        # The answer rests only on what happens to public content ("the right to make all publicly-posted Content
        # available to third parties"): data that is never public is answered without those clauses.
        private = _third_party_without_open_channels(replace(reading, sentences=tuple(
            r for r in reading.sentences if not has(_PUBLIC_CONTENT, r.sentence.text))))
    reading.answers[NON_PUBLIC_THIRD_PARTY] = private
    return _left_open(reading, answer) if answer.verdict is Verdict.UNLIKELY or not answer.evidence else answer


# Content the user made public: "publicly-posted Content", "public Reddit content", "your public posts".
_PUBLIC_CONTENT = re.compile(r"\bpublic(?:ly[- ](?:posted|shared|available))? (?:\w+ )?(?:content|posts?|information|"
                             r"profiles?|activity)\b|\bpublicly[- ]posted\b", re.IGNORECASE)


def _third_party_without_open_channels(reading: Reading) -> Answer:
    """The third-party answer from what the document says of sharing, sale and licences."""

    def third_party_training(r: SentenceReading) -> bool:
        c = r.cues
        if c.third_party_models:
            return True
        if (c.third_party or c.service_providers) and (
                has(lx.CLOSED_LIST, r.sentence.text) or has(ck.LIMITED_SHARING, r.sentence.text)):
            return True
        if c.confidential:
            return True
        if c.third_party and c.ai_training and c.negated:
            return True  # "third parties are prohibited from using such Content to train …"
        if c.ai_training and not c.negated and has(ck.GROUP_GRANTEE, r.sentence.text):
            # Training rights taken for "us and our affiliates": other companies of the group train too.
            return True
        if c.sale and c.negated:
            return True  # "We will never sell your Content": whoever the buyer would be
        if c.service_providers and not c.sale:
            return False
        if c.third_party and c.their_services:
            return True
        if c.sale and c.third_party:
            return True
        return bool(c.third_party and (c.ai_training or c.sale) and has(_THIRD_PARTY_TRAINING, r.sentence.text))

    answer = decide_training("train.content.third_party", reading, CONTENT, third_party_training, third_party=True)
    licences = [r for r in reading.sentences
                if r.vendor_licence and (Category.CONTENT in r.own or r.in_licence)
                and (has(_PASSES_ON, r.sentence.text) or r.cues.third_party)]
    if answer.evidence:
        if answer.verdict is Verdict.UNLIKELY and answer.condition is Condition.NONE:
            unbound = [r for r in licences if has(_PASSES_ON, r.sentence.text) and not r.cues.negated
                       and not r.restricted and not _sublicensees_bound(reading, r)]
            if unbound:
                r = unbound[0]
                return Answer("train.content.third_party", Verdict.UNCLEAR, Condition.NONE, 0.5,
                              reading.evidence([r, *(p for p in reading.sentences
                                                     if p.sentence.start == answer.evidence[0].start)]),
                              describe(reading, [Proposal(Verdict.UNCLEAR, r, 2, r.conditions)],
                                       "lets the vendor sublicense your content without saying to whom or for what; "
                                       "the limits stated elsewhere cover only the sharing they name, so whether "
                                       "others may train AI on it is left open."))
        return answer
    # (a grant that names the content itself: "the right to use your device's storage and to allow our business
    # partners to do the same" borrows "Content" only from its paragraph)
    licences = [r for r in reading.sentences
                if r.vendor_licence and (Category.CONTENT in r.own or r.in_licence)
                and (has(_PASSES_ON, r.sentence.text) or r.cues.third_party)]
    licences.sort(key=lambda r: not r.cues.third_party)
    own = train_content_own(reading)
    trains = own.verdict in (Verdict.YES, Verdict.LIKELY)
    # A licence that lets partners or other companies use the content the vendor may train on
    # probably lets them train too; a merely sublicensable one (or one the vendor does not train
    # under) leaves it open.
    if licences:
        r = licences[0]
        verdict = Verdict.LIKELY if r.cues.third_party and trains else Verdict.UNCLEAR
        chosen = [Proposal(verdict, r, 2, r.conditions)]
        what = ("lets the vendor pass your content to other companies, and the vendor may train AI on it, so "
                "others' training is probably within reach." if verdict is Verdict.LIKELY else
                "lets the vendor sublicense or pass on your content without saying whether others may train AI "
                "on it.")
        return Answer("train.content.third_party", verdict, Condition.NONE, 0.55, reading.evidence([r]),
                      describe(reading, chosen, what))
    return answer


# Sublicensees bound to the vendor's purposes: "our contractors … only for the limited purposes", "others who work on
# our behalf", "service providers that help us provide the Platform".
_SUBLICENSEES_BOUND = re.compile(
    r"\b(?:contractors|service providers|vendors|subcontractors|delegates|processors)\b|\bon (?:our|its) behalf\b|"
    r"\b(?:only|solely) (?:for|to) (?:the )?(?:limited )?(?:purposes?|extent)\b|\bto (?:help us )?(?:provide|operate)\b",
    re.IGNORECASE)


def _sublicensees_bound(reading: Reading, r: SentenceReading) -> bool:
    """Whether the licence (or the list it opens or sits in) binds whoever gets the rights to the vendor's purposes."""
    if has(_SUBLICENSEES_BOUND, r.sentence.text) or r.cues.closed_list:
        return True
    # the rest of the licence's section: "… sublicense these rights to: … our contractors … for the limited purposes"
    return any(o.section == r.section and o.sentence.start > r.sentence.start and o.in_licence
               and has(_SUBLICENSEES_BOUND, o.sentence.text) for o in reading.sentences)


# A licence the vendor may pass on: sublicensable ("non-sublicensable" is a limit), or in plain words.
_PASSES_ON = re.compile(r"(?<!non-)(?<!non)(?<!not )\bsub-?licen[cs]\w+|" + lx.PASS_ON, re.IGNORECASE)


def _left_open(reading: Reading, answer: Answer) -> Answer:
    """Limits on what the vendor shares ("we do not sell", "service providers act on our instructions") close
    only the channels they name. Public content left open to third parties through an API, or to "business
    partners and the general public", lets others use it with no limit on what for: whether they may train on
    it is left open. (A sublicensable licence is not enough: most pass rights only to the contractors who run
    the service.)"""
    if answer.verdict not in (Verdict.UNLIKELY, Verdict.UNCLEAR) or answer.condition is not Condition.NONE:
        return answer
    opened = next((reading.quote(s) for s in reading.structure.sentences
                   if "ublic" in s.text and has(ck.PUBLIC_OPEN_TO_OTHERS, s.text)), None)
    if opened is None:
        return answer
    where = f"Section {opened.section}" if opened.section else "The text"
    why = (f"{where} leaves public content open to others with no limit on their use; "
           + ("the limits stated elsewhere cover only the sharing they name, so " if answer.evidence else "")
           + "whether others may train AI on it is left open.")
    evidence = tuple(sorted({e.start: e for e in (opened, *answer.evidence[:1])}.values(), key=lambda e: e.start))
    return Answer("train.content.third_party", Verdict.UNCLEAR, Condition.NONE, 0.5, evidence, why)


def train_usage_own(reading: Reading) -> Answer:
    """May the vendor train AI on usage / telemetry / service-generated data?"""
    answer = decide_training("train.usage.own", reading, USAGE)
    if answer.verdict in (Verdict.YES, Verdict.LIKELY, Verdict.UNCLEAR) and not any(
            Category.USAGE in categories_in(e.quote) for e in answer.evidence):
        rows = training_rows_leave_out(reading, Category.USAGE)
        if rows:
            # A general "personal data … to train" gives way to the purpose table that lists the training data.
            row = rows[0]
            return Answer("train.usage.own", Verdict.UNLIKELY, Condition.NONE, 0.6, (row.purpose, row.data),
                          f"Section {row.purpose.section or '—'} has a table of purposes: its training row lists the "
                          "data used to train, and usage or technical data appears only under other purposes, so "
                          "training on it is unlikely.")
    if answer.verdict is not Verdict.UNCLEAR:
        return answer
    owned = ownership_usage(reading)
    if owned.verdict is Verdict.YES:
        return Answer("train.usage.own", Verdict.LIKELY, Condition.NONE, 0.6, owned.evidence,
                      owned.explanation.replace("claims ownership of usage or service-generated data.",
                                                "says the vendor owns usage or service-generated data, and no "
                                                "clause limits what it may do with it, so training on it is "
                                                "likely."))
    return answer


# "When you use generative AI features, the inputs and outputs are your User Data."
_AI_IO_ARE_CONTENT = re.compile(
    r"\b(?:inputs?|prompts?)\b[^.;:]{0,40}?\boutputs?\b[^.;:]{0,20}?\b(?:are|is|constitute|will be)\b"
    r"(?: (?:also|considered|treated as|deemed))? (?:part of )?(?:your|the user['’]s|customer['’]s?) "
    r"(?:[\w-]+ )?(?:content|data)\b", re.IGNORECASE)


# "… whatever information you send through our services, such as Snaps and Chats, conversations with My AI, …":
# chats with the AI listed among the information the user provides.
_AI_CHATS_PROVIDED = re.compile(
    r"\b(?:information|content|data) (?:that )?you (?:send|provide|share|submit|create|upload)\b[^.;]{0,200}?"
    r"\b(?:such as|including|like|for example)\b[^.;]{0,200}?\b(?:conversations?|chats?|interactions?) with "
    r"(?:our |the )?(?:(?-i:[A-Z])\w* )?(?:AI|(?:AI )?(?:assistant|chatbot)s?)\b", re.IGNORECASE)


def _ai_io_declared_content(reading: Reading) -> Evidence | None:
    """The clause that puts AI inputs and outputs under the user's content: a declaration in so many words, a list
    of what the user provides that names chats with the AI, or the definition of a content term that names prompts
    or generated responses."""
    for s in reading.structure.sentences:
        if ("utput" in s.text or "esponse" in s.text) and has(_AI_IO_ARE_CONTENT, s.text):
            return reading.quote(s)
        if " with " in s.text and has(_AI_CHATS_PROVIDED, s.text):
            return reading.quote(s)
    for term, defined in reading.terms.items():
        if Category.CONTENT in defined.categories and Category.AI_IO_BROAD in defined.categories:
            found = reading.definition_evidence(term)
            if found is not None and has(CATEGORY_CUES[Category.AI_IO], found.quote):
                return found
    return None


def train_ai_io(reading: Reading) -> Answer:
    """Are the prompts and outputs of the vendor's AI features used for training?"""
    if reading.ai_service:
        # On an AI assistant the prompts and chats are the content the user provides.
        return decide_training("train.ai_io", reading, AI_IO + CONTENT)
    answer = decide_training("train.ai_io", reading, AI_IO)
    declared = _ai_io_declared_content(reading) if not answer.evidence else None
    if declared is not None:
        # The document itself files its AI features' inputs and outputs under the user's content: what it says of
        # the content reaches them, though only through that link (a grant becomes probable, not stated).
        own = train_content_own(reading)
        if own.evidence and own.verdict is not Verdict.NO:
            verdict = Verdict.LIKELY if own.verdict is Verdict.YES else own.verdict
            evidence = tuple(sorted({declared.start: declared, own.evidence[0].start: own.evidence[0]}.values(),
                                    key=lambda e: e.start))
            return Answer("train.ai_io", verdict, own.condition, own.confidence * 0.85, evidence,
                          f"Section {declared.section or '—'} counts the inputs and outputs of its AI features as "
                          f"your content. {own.explanation}")
    if not answer.evidence and any(("AI" in s.text or "rompt" in s.text) and has(lx.AI_WORDS, s.text)
                                   and has(CATEGORY_CUES[Category.AI_IO], s.text)
                                   for s in reading.structure.sentences):
        # The document describes AI features but says nothing of training on their inputs and outputs:
        # what the user types into them is content they provide, so the content answer carries over.
        # Only an exclusion or a limit carries over: a grant over content does not say the AI features'
        # inputs are trained on.
        own = train_content_own(reading)
        if own.verdict in (Verdict.NO, Verdict.UNLIKELY):
            answer = _inherit("train.ai_io", answer, own, "What you type into its AI features is content you "
                                                          "provide.")
    return answer


def ownership_usage(reading: Reading) -> Answer:
    """Does the vendor claim ownership of usage / telemetry / service-generated data?"""
    hits = [
        r for r in reading.sentences
        # (the data named in the claim itself: "Acme owns two hosting platforms" in a row about usage data claims
        # the platforms)
        if r.cues.ownership and Category.USAGE in r.own and not r.cues.user_owns and not r.cues.negated
    ]
    if not hits:
        return silent_answer("ownership.usage", reading)
    chosen = [Proposal(Verdict.YES, hits[0], 2, r.conditions) for r in hits[:1]]
    return Answer("ownership.usage", Verdict.YES, Condition.NONE, 0.85, reading.evidence(p.reading for p in chosen),
                  describe(reading, chosen, "claims ownership of usage or service-generated data."))


_LICENCE_SCOPE = re.compile(r"\b(?:this licen[cs]e (?:also )?(?:includes|covers|extends to|allows|permits)|"
                            r"(?:within|in) the scope of (?:this|the|that) licen[cs]e)\b", re.IGNORECASE)


_PERMISSION_DESCRIBED = re.compile(r"\b(?:cannot|can['’]t|may not) revoke (?:the |your |this )?permission\b",
                                   re.IGNORECASE)
_GRANT_WORDS = re.compile(r"\b(?:grant\w*|licen[cs]e)\b", re.IGNORECASE)


def licence_content_broad(reading: Reading) -> Answer:
    """Does the vendor take a licence to content beyond operating the service for the user?"""
    broad: list[SentenceReading] = []
    narrow: list[SentenceReading] = []
    for r in reading.sentences:
        c = r.cues
        borrowed = r.names(Category.CONTENT) and not has(lx.NON_CONTENT_OBJECT, r.sentence.text)
        if r.restricted or not (Category.CONTENT in r.own or r.in_licence or borrowed):
            continue
        if not r.vendor_licence:
            # "You retain the rights you hold in your content", "we disclaim any rights to it", "we
            # process Customer Content only on the customer's instructions".
            if Category.CONTENT in r.own and (c.user_owns or c.disclaims or has(lx.ON_INSTRUCTIONS, r.sentence.text)):
                narrow.append(r)
            continue
        if (c.licence_broad or (r.in_licence and has(lx.LICENSE_BREADTH, r.sentence.text))) and not c.negated:
            broad.append(r)
        elif c.licence:
            narrow.append(r)
    if broad:
        # The licence over the content itself, not a publicity or feedback clause beside it.
        broad.sort(key=lambda r: (_licenses_other_things(r), Category.CONTENT not in r.own,
                                  Category.AI_IO in r.own and not r.cues.ai_training,
                                  -len(lx.LICENSE_STRONG.findall(lx.NOT_BROAD.sub(" ", r.sentence.text[:2000]))),
                                  -len(lx.LICENSE_BREADTH.findall(r.sentence.text[:2000]))))
        chosen = [Proposal(Verdict.YES, broad[0], 2, broad[0].conditions)]
        # "For example, this license includes the right to use Your Content to train AI": the clause that says
        # how far the grant reaches is quoted beside the grant.
        scopes = sorted((r for r in reading.sentences if r is not broad[0] and r.section == broad[0].section
                         and not r.restricted and r.names(Category.CONTENT) and has(_LICENCE_SCOPE, r.sentence.text)),
                        key=lambda r: not r.cues.ai_training)
        scope = scopes[0] if scopes else None
        if has(_PERMISSION_DESCRIBED, broad[0].sentence.text) and not has(_GRANT_WORDS, broad[0].sentence.text):
            # "You cannot revoke permission for Acme to publish … public content": an irrevocable licence described,
            # not granted here; it lives in the document that grants it.
            return Answer("license.content.broad", Verdict.LIKELY, Condition.NONE, 0.6,
                          reading.evidence([broad[0]]),
                          describe(reading, chosen, "describes an irrevocable permission over your content that is "
                                                    "granted elsewhere, so a broad licence is probable."))
        return Answer("license.content.broad", Verdict.YES, Condition.NONE, 0.85,
                      reading.evidence([broad[0]] + ([scope] if scope else [])),
                      describe(reading, chosen, "grants the vendor a licence to your content that goes beyond "
                                                "operating the service (broad terms or purposes)."))
    if narrow:
        narrow.sort(key=lambda r: (not r.cues.licence, len(r.sentence.text) > 1200))
        chosen = [Proposal(Verdict.NO, narrow[0], 2, frozenset())]
        return Answer("license.content.broad", Verdict.NO, Condition.NONE, 0.75, reading.evidence([narrow[0]]),
                      describe(reading, chosen, "limits the licence to your content to operating the service."))
    out = next((r for r in reading.sentences if r.cues.sale and not r.cues.negated and not r.restricted
                and Category.CONTENT in r.categories and has(ck.LICENSING_OUT, r.sentence.text)), None)
    if out is not None:
        # "We charge licensing fees for access to public content": the document takes no licence itself,
        # but licensing content out presupposes a broad one granted elsewhere.
        chosen = [Proposal(Verdict.UNCLEAR, out, 2, frozenset())]
        return Answer("license.content.broad", Verdict.UNCLEAR, Condition.NONE, 0.5, reading.evidence([out]),
                      describe(reading, chosen, "describes licensing or selling your content to others without "
                                                "itself granting the licence that allows it."))
    return silent_answer("license.content.broad", reading)


def _licenses_other_things(r: SentenceReading) -> bool:
    """A licence over feedback, names or logos, not over the content: the non-content object comes before any
    content word ("a licence to your feedback"), not after it ("Your Content and any name or likeness with it")."""
    text = r.sentence.text[:3000]
    other = lx.NON_CONTENT_OBJECT.search(text)
    if other is None:
        return False
    content = CATEGORY_CUES[Category.CONTENT].search(text)
    return content is None or other.start() < content.start()


ANSWERERS = (
    train_content_own,
    train_content_third_party,
    train_usage_own,
    train_ai_io,
    ownership_usage,
    licence_content_broad,
    marketing_content,
    control_ai_training,
)
