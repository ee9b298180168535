"""The eight document-level questions, each answered from one document reading."""

from __future__ import annotations

from dataclasses import replace

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.controls import control_ai_training
from termlens.analysis.fast_patterns import rx
from termlens.analysis.marketing import marketing_content
from termlens.analysis.reading import Reading, SentenceReading
from termlens.analysis.resolve import Proposal, describe, silent_answer
from termlens.analysis.statements import has
from termlens.analysis.tables import training_rows_leave_out
from termlens.analysis.terms import CATEGORY_CUES, Category, categories_in
from termlens.analysis.third_party import train_content_third_party
from termlens.analysis.training import AI_IO, CONTENT, decide_training, train_content_own
from termlens.domain.model import Answer, Evidence
from termlens.domain.vocabulary import Condition, Verdict

USAGE = (Category.USAGE,)

def _inherit(question: str, answer: Answer, source: Answer, why: str) -> Answer:
    """An answer that rests on silence takes another question's answer when the data is the same."""
    if answer.evidence or not source.evidence:
        return answer
    return Answer(question, source.verdict, source.condition, source.confidence * 0.9, source.evidence,
                  why + " " + source.explanation)


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
        return Answer("train.usage.own", Verdict.LIKELY, owned.condition, 0.6, owned.evidence,
                      owned.explanation.replace("claims ownership of usage or service-generated data.",
                                                "says the vendor owns usage or service-generated data, and no "
                                                "clause limits what it may do with it, so training on it is "
                                                "likely."))
    return answer


# "When you use generative AI features, the inputs and outputs are your User Data."
_AI_IO_ARE_CONTENT = rx(
    r"\b(?:inputs?|prompts?)\b[^.;:]{0,40}?\boutputs?\b[^.;:]{0,20}?\b(?:are|is|constitute|will be)\b"
    r"(?: (?:also|considered|treated as|deemed))? (?:part of )?(?:your|the user['’]s|customer['’]s?) "
    r"(?:[\w-]+ )?(?:content|data)\b")


# "… whatever information you send through our services, such as Snaps and Chats, conversations with My AI, …":
# chats with the AI listed among the information the user provides.
_AI_CHATS_PROVIDED = rx(
    r"\b(?:information|content|data) (?:that )?you (?:send|provide|share|submit|create|upload)\b[^.;]{0,200}?"
    r"\b(?:such as|including|like|for example)\b[^.;]{0,200}?\b(?:conversations?|chats?|interactions?) with "
    r"(?:our |the )?(?:(?-i:[A-Z])\w* )?(?:AI|(?:AI )?(?:assistant|chatbot)s?)\b")


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


# An AI feature of the vendor's own product: "generative AI features", "our AI assistant", "the agent".
# (AI models alone are what training clauses speak of; a feature is what users type into)
_AI_FEATURE = rx(r"\b(?:AI|artificial intelligence|generative|intelligent|smart)[- ](?:\w+[- ])?(?:features?|"
                 r"tools?|assistants?|agents?|chatbots?|capabilities)\b|\bchatbots?\b|"
                 r"\b(?:virtual|digital|voice) assistants?\b")


def train_ai_io(reading: Reading) -> Answer:
    """Are the prompts and outputs of the vendor's AI features used for training?"""
    if reading.ai_service:
        # On an AI assistant the prompts and chats are the content the user provides.
        return decide_training("train.ai_io", reading, AI_IO + CONTENT)
    answer = decide_training("train.ai_io", reading, AI_IO)
    if answer.verdict is Verdict.LIKELY and not any(has(CATEGORY_CUES[Category.AI_IO], s.text)
                                                     or has(_AI_FEATURE, s.text) for s in reading.structure.sentences):
        # A training clause over "the information we collect" in a document that never speaks of prompts, inputs
        # or outputs: it would reach an AI feature's inputs only if there were one, and none is described.
        return replace(answer, verdict=Verdict.UNCLEAR, confidence=0.45, explanation=(
            "The document never mentions prompts, inputs or outputs of an AI feature. " + answer.explanation.replace(
                "so it is likely covered.", "which would reach them only if such a feature collected them.")))
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
    # "Acme owns all Aggregated Data": a claim over de-identified statistics only
    condition = Condition.DEIDENTIFIED if Condition.DEIDENTIFIED in hits[0].conditions else Condition.NONE
    return Answer("ownership.usage", Verdict.YES, condition, 0.85, reading.evidence(p.reading for p in chosen),
                  describe(reading, chosen, "claims ownership of usage or service-generated data."))


# The user as grantor: "you grant", "Customer hereby grants", "each Member grants"
_USER_GRANTS = rx(r"\b(?:you|(?:[Ee]ach |[Tt]he )?(?:Customer|Member|Subscriber|User|Creator|Contributor)s?)"
                  r"(?: (?:hereby|\w+ly))* (?:grants?|licen[cs]es?|gives?)\b", 0)
_LICENCE_SCOPE = rx(r"\b(?:this licen[cs]e (?:also )?(?:includes|covers|extends to|allows|permits)|"
                    r"(?:within|in) the scope of (?:this|the|that) licen[cs]e)\b")


_PERMISSION_DESCRIBED = rx(r"\b(?:cannot|can['’]t|may not) revoke (?:the |your |this )?permission\b")
_GRANTED_ELSEWHERE = rx(r"\bas (?:provided|set out|set forth|described|stated|explained) in (?:our|the) "
                        r"(?:[A-Z]\w+ )?(?:Terms|User Agreement|Conditions)\b", 0)
_GRANT_WORDS = rx(r"\b(?:grant\w*|licen[cs]e)\b")


def licence_content_broad(reading: Reading) -> Answer:
    """Does the vendor take a licence to content beyond operating the service for the user?"""
    broad: list[SentenceReading] = []
    narrow: list[SentenceReading] = []
    for r in reading.sentences:
        c = r.cues
        borrowed = r.names(Category.CONTENT) and not has(lx.NON_CONTENT_OBJECT, r.sentence.text)
        # ("When you publish a Package, you grant Acme a perpetual … licence to … the Package": what the user grants a
        # licence to, whatever the document calls it, is what the user made or uploaded)
        unnamed = (r.vendor_licence and not r.own and not has(lx.NON_CONTENT_OBJECT, r.sentence.text)
                   and has(_USER_GRANTS, r.sentence.text))
        # (what the user types into an AI feature is the user's content too: "a licence to your Prompts")
        if r.restricted or not (r.own & {Category.CONTENT, Category.AI_IO} or r.in_licence or borrowed or unnamed):
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
        if has(_GRANTED_ELSEWHERE, broad[0].sentence.text):
            # "as provided in our Terms of Service, you grant us a license to all publicly-posted content": a licence
            # reported from the document that grants it, whose terms this one does not give
            return Answer("license.content.broad", Verdict.UNCLEAR, Condition.NONE, 0.5, reading.evidence([broad[0]]),
                          describe(reading, chosen, "reports a licence to your content that another document grants; "
                                                    "how broad it is depends on that document."))
        if has(_PERMISSION_DESCRIBED, broad[0].sentence.text) and not has(_GRANT_WORDS, broad[0].sentence.text):
            # "You cannot revoke permission for Acme to publish … public content": an irrevocable licence described,
            # not granted here; it lives in the document that grants it.
            return Answer("license.content.broad", Verdict.LIKELY, Condition.NONE, 0.6,
                          reading.evidence([broad[0]]),
                          describe(reading, chosen, "describes an irrevocable permission over your content that is "
                                                    "granted elsewhere, so a broad licence is probable."))
        # ("This license is transferable and sublicensable": the grant it speaks of is quoted with it)
        granted = None if Category.CONTENT in broad[0].own else next(
            (r for r in reversed(reading.sentences) if r.sentence.start < broad[0].sentence.start
             and r.section == broad[0].section and r.vendor_licence and Category.CONTENT in r.own), None)
        return Answer("license.content.broad", Verdict.YES, Condition.NONE, 0.85,
                      reading.evidence([broad[0]] + ([scope] if scope else []) + ([granted] if granted else [])),
                      describe(reading, chosen, "grants the vendor a licence to your content that goes beyond "
                                                "operating the service (broad terms or purposes)."))
    uses = _use_rights_beyond_the_service(reading)
    if uses and not any(r.cues.licence for r in narrow):
        # "We may use Materials … to develop other products and services, including training our models" in terms the
        # user agrees to: a right over the content beyond the service, granted without the word licence (what the
        # user keeps owning does not limit it).
        chosen = [Proposal(Verdict.LIKELY, uses[0], 2, frozenset())]
        return Answer("license.content.broad", Verdict.LIKELY, Condition.NONE, 0.55, reading.evidence(uses[:1]),
                      describe(reading, chosen, "takes, in terms you agree to, the right to use your content for "
                                                "purposes beyond operating the service, without calling it a licence."))
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


# A contract names itself ("these Terms", "this Agreement"); a privacy policy's "we use your data to …" is a notice,
# while the same words in terms the user accepts are a right granted.
_SELF_AS_CONTRACT = rx(r"\b(?:these|this|the) (?:(?:[A-Z]\w+ )?Terms|Agreement)\b|\b[Yy]ou (?:hereby )?agree\b", 0)
_SELF_AS_NOTICE = rx(r"\b(?:this|our) (?:[A-Z]\w+ )?(?:Privacy (?:Policy|Notice|Statement)|privacy "
                     r"(?:policy|notice|statement))\b", 0)


def _use_rights_beyond_the_service(reading: Reading) -> list[SentenceReading]:
    """In a contract, the vendor's statements that it uses the content for AI, research or new products."""
    every = reading.structure.sentences
    contract = sum(1 for s in every if ("Terms" in s.text or "gree" in s.text) and has(_SELF_AS_CONTRACT, s.text))
    if contract < 2 or sum(1 for s in every if "rivacy" in s.text and has(_SELF_AS_NOTICE, s.text)) >= contract:
        return []
    return [r for r in reading.sentences
            if not r.vendor_licence and not r.restricted and not r.cues.negated
            and (r.names(Category.CONTENT) or r.names(Category.AI_IO)) and has(_VENDOR_USES, r.sentence.text)
            and (r.cues.ai_training or r.cues.ai_development or has(lx.NEW_VENTURES, r.sentence.text))
            and not has(lx.PUBLIC_SOURCES, r.sentence.text) and not has(_POINTER, r.sentence.text)
            and Condition.OPT_IN not in r.conditions]


# The vendor as the one who uses ("We may use Materials …", "Acme uses Interactions …"), not the user ("You may apply
# the Inputs and Outputs to … training other models")
_VENDOR_USES = rx(r"\b(?:we|(?!You\b|Your\b)(?-i:[A-Z])[\w.]+)\s+(?:\w+\s+){0,3}?(?:use|uses|process)\b")
# "The Privacy Policy explains how we use your interactions to improve AI": where the use is described, not a right
_POINTER = rx(r"\b(?:explains?|describes?|sets? out|tells? you(?: more)?(?: about)?) how (?:we|[A-Z]\w+) ")


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
