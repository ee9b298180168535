"""May users' content train third parties' AI models, or be sold or licensed to them for that? (question
``train.content.third_party``)"""

from __future__ import annotations

from dataclasses import replace

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import NON_PUBLIC_THIRD_PARTY, Reading, SentenceReading
from termlens.analysis.resolve import Proposal, describe
from termlens.analysis.statements import has
from termlens.analysis.terms import Category
from termlens.analysis.training import CONTENT, decide_training, train_content_own
from termlens.domain.model import Answer, Evidence
from termlens.domain.vocabulary import Condition, Verdict

# Passing the data to others for training: "we share … with partners … to train their models", "we
# license content to AI developers". Training *our* models on data *from* partners is not this.
_THIRD_PARTY_TRAINING = rx(
    r"\b(?:shar\w+|disclos\w+|provid\w+|sell\w*|sold|licen[cs]\w*|transfer\w*|make (?:\w+ ){1,3}?available|extends?)\b"
    r"[^.]{0,80}?"
    r"\b(?:to|with|by)\s+(?:\w+\s+){0,2}?(?:third[- ]part\w+|partners?|affiliates|other companies|others|developers|"
    r"researchers|"
    r"AI (?:companies|developers|providers))\b[^.]{0,240}?\b(?:train\w*|machine learning|AI|models?)\b|"
    # the recipients' own use: "third parties with whom we have data partnerships, who may use Member Content
    # (including to train … models)", "Model Providers may use them to improve and train their models"
    r"\b(?:third[- ]part\w+|partners?|affiliates?|(?:model |AI )?providers|developers|researchers|"
    r"organi[sz]ations)\b[^;]{0,120}?\b(?:may|can|will|are (?:permitted|allowed|entitled) to|who) use\b[^;]{0,160}?"
    r"\b(?:train\w*|fine[- ]tun\w*|(?:build|develop)\w* (?:and (?:evaluat|test|train)\w* )?(?:\w+ ){0,2}?"
    r"(?:machine[- ]learning|AI|artificial intelligence) models?)\b")


# An exclusion that names others' models beside the vendor's own: "any AI model, ours or anybody else's", "whether
# developed by Acme or by anyone else", "ours or our providers'".
_ANYONES_MODELS = rx(
    r"\b(?:ours|our own|its own|(?-i:[A-Z])[\w-]*['’]s own)(?!\w)[^.;]{0,60}?\b(?:or|nor|and not)\b[^.;]{0,30}?"
    r"\b(?:any(?:one|body)(?: else)?|others?|third[- ]part\w+|"
    r"(?:our |its )?(?:\w+ )?(?:providers?|partners?|suppliers?|vendors?)(?:['’]s?)?)(?!\w)|"
    r"\bwhether (?:developed|owned|operated|built|provided|trained) by [^.;]{0,60}? or (?:by )?(?:any(?:one|body)"
    r"(?: else)?|any (?:other )?third part\w+|others|a third part\w+)\b|"
    # "… and we don't let anyone else train on them either", "nor permit any other person to do so"
    r"\b(?:let|allow|permit)s? (?:any(?:one|body) else|any other (?:person|party|company|organi[sz]ation)|others|"
    r"(?:any )?third[- ]part(?:y|ies)) (?:to )?(?:train|use|do so|do the same)\b")


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


# Content the user made public: "publicly-posted Content", "public Acme content", "your public posts".
_PUBLIC_CONTENT = rx(r"\bpublic(?:ly[- ](?:posted|shared|available))? (?:\w+ )?(?:content|posts?|information|"
                     r"profiles?|activity)\b|\bpublicly[- ]posted\b")


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
        if c.ai_training and c.negated and (c.third_party or c.third_party_models or (
                c.service_providers and has(ck.OTHERS_MODELS_ONLY, r.sentence.text))):
            # "third parties are prohibited from using such Content to train …", "our AI supplier is not permitted to
            # use your text to train or improve its models"
            return True
        if c.ai_training and c.negated and (has(_ANYONES_MODELS, r.sentence.text)
                                            or has(ck.OTHERS_MODELS_ONLY, r.sentence.text)):
            return True  # "not used to train any model, whether developed by Acme or by anyone else"
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
    # (a grant that names the content itself: "the right to use your device's storage and to allow our business
    # partners to do the same" borrows "Content" only from its paragraph)
    licences = [r for r in reading.sentences
                if r.vendor_licence and (Category.CONTENT in r.own or r.in_licence)
                and (has(_PASSES_ON, r.sentence.text) or r.cues.third_party)]
    if answer.evidence:
        if answer.verdict is Verdict.UNLIKELY and answer.condition is Condition.NONE:
            r = next((r for r in licences if has(_PASSES_ON, r.sentence.text) and not r.cues.negated
                      and not r.restricted and not _sublicensees_bound(reading, r)), None)
            if r is not None:
                return Answer("train.content.third_party", Verdict.UNCLEAR, Condition.NONE, 0.5,
                              _beside_the_limit(reading.evidence([r])[0], answer),
                              describe(reading, [Proposal(Verdict.UNCLEAR, r, 2, r.conditions)],
                                       "lets the vendor sublicense your content without saying to whom or for what; "
                                       "the limits stated elsewhere cover only the sharing they name, so whether "
                                       "others may train AI on it is left open."))
        return answer
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
_SUBLICENSEES_BOUND = rx(
    r"\b(?:contractors|service providers|vendors|subcontractors|delegates|processors)\b|\bon (?:our|its) behalf\b|"
    r"\b(?:only|solely) (?:for|to) (?:the )?(?:limited )?(?:purposes?|extent)\b|"
    r"\bto (?:help us )?(?:provide|operate)\b")


def _sublicensees_bound(reading: Reading, r: SentenceReading) -> bool:
    """Whether the licence (or the list it opens or sits in) binds whoever gets the rights to the vendor's purposes."""
    if has(_SUBLICENSEES_BOUND, r.sentence.text) or r.cues.closed_list:
        return True
    # the rest of the licence's section: "… sublicense these rights to: … our contractors … for the limited purposes"
    return any(o.section == r.section and o.sentence.start > r.sentence.start and o.in_licence
               and has(_SUBLICENSEES_BOUND, o.sentence.text) for o in reading.sentences)


# A licence the vendor may pass on: sublicensable ("non-sublicensable" is a limit), or in plain words.
_PASSES_ON = rx(r"(?<!non-)(?<!non)(?<!not )\bsub-?licen[cs]\w+|" + lx.PASS_ON)


def _left_open(reading: Reading, answer: Answer) -> Answer:
    """Limits on what the vendor shares ("we do not sell", "service providers act on our instructions") close
    only the channels they name. Public content left open to third parties through an API, or to "business
    partners and the general public", lets others use it with no limit on what for: whether they may train on
    it is left open. (Sublicensable licences are weighed where the licences are read: only one that binds its
    sublicensees to nothing leaves it open, since most pass rights only to the contractors who run the service.)"""
    if answer.verdict not in (Verdict.UNLIKELY, Verdict.UNCLEAR) or answer.condition is not Condition.NONE:
        return answer
    # (a clause that lets others in, "we allow research organizations to compile public information", before one that
    # says in the passive what may happen to public content)
    opened = next((reading.quote(s) for kind in (ck.PUBLIC_OPEN_TO_OTHERS, ck.PUBLIC_USED_BY_OTHERS)
                   for s in reading.structure.sentences if "ublic" in s.text and has(kind, s.text)), None)
    if opened is None:
        sold = _sold_to_others(reading)
        if sold is None:
            return answer
        # "We may sell or share information about you … with selected companies": the buyers get the data for their
        # own ends, and nothing limits what those are
        where = f"Section {sold.section}" if sold.section else "The text"
        return Answer("train.content.third_party", Verdict.UNCLEAR, Condition.NONE, 0.5,
                      _beside_the_limit(sold, answer),
                      f"{where} sells or passes information about you to other companies with no limit on their use; "
                      + ("the limits stated elsewhere cover only the sharing they name, so " if answer.evidence else "")
                      + "whether others may train AI on it is left open.")
    where = f"Section {opened.section}" if opened.section else "The text"
    why = (f"{where} leaves public content open to others with no limit on their use; "
           + ("the limits stated elsewhere cover only the sharing they name, so " if answer.evidence else "")
           + "whether others may train AI on it is left open.")
    return Answer("train.content.third_party", Verdict.UNCLEAR, Condition.NONE, 0.5, _beside_the_limit(opened, answer),
                  why)


# ("lists containing your postal address", "information … that may interest you": the user's, through the paragraph)
_ABOUT_YOU = rx(r"\byou(?:r)?\b")


# The vendor selling or renting the data itself to other companies ("we may sell or rent lists containing your postal
# address to third parties"), working with resellers that do, or sharing it with partners for their own purposes: not
# tickets, nor the business, nor a rights request
_SELLS_DATA = rx(
    r"\bwe (?:\w+ ){0,2}?(?:sell|rent)(?:,? (?:or|and|and/or) (?:rent|share|sell|license|trade))?\s+(?:[\w-]+\s+){0,6}?"
    r"(?:information|data|lists?|addresses)\b[^.;]{0,300}?\b(?:to|with)\s+(?:[\w,-]+\s+){0,8}?(?:third[- ]part\w+|"
    r"companies|organi[sz]ations|partners|affiliates|advertisers|marketers)\b|"
    r"\b(?:data )?resellers? (?:that|who) (?:buy|sell)|\bdata brokers? (?:that|who) (?:buy|sell)")
# "business partners … who may use it for their own purposes in accordance with their own privacy policies"
_FOR_THEIR_OWN_ENDS = rx(
    r"\b(?:partners|third[- ]part(?:y|ies)|companies)\b[^.;]{0,100}?\b(?:may|can|will) use (?:it|them|this|that|such|"
    r"the|your)\b[^.;]{0,40}?\bfor their own (?:\w+ )?purposes\b")


def _sold_to_others(reading: Reading) -> Evidence | None:
    """A clause selling (or renting) the user's information to other companies, or passing it to them for their own
    purposes: not de-identified, not in a merger."""
    def whose(r: SentenceReading) -> frozenset[Category]:
        # (what "it" stands for in "partners … who may use it for their own purposes" is what the list shares)
        about_you = has(_ABOUT_YOU, r.sentence.text) or has(_FOR_THEIR_OWN_ENDS, r.sentence.text)
        return r.own or (r.categories if about_you else frozenset())

    found = next((r for r in reading.sentences if r.cues.third_party and not r.cues.negated
                  and not r.cues.service_providers and not r.restricted
                  and (has(_SELLS_DATA, r.sentence.text) or has(_FOR_THEIR_OWN_ENDS, r.sentence.text))
                  and whose(r) & {Category.PERSONAL, Category.CONTENT, Category.ACCOUNT}
                  and Condition.DEIDENTIFIED not in r.conditions and Condition.OPT_IN not in r.conditions
                  and not has(ck.BUSINESS_TRANSFER, r.sentence.text)), None)
    return reading.evidence([found])[0] if found is not None else None


def _beside_the_limit(opening: Evidence, limited: Answer) -> tuple[Evidence, ...]:
    """The clause that leaves others' use open, quoted with the limit it outweighs, in document order."""
    return tuple(sorted({e.start: e for e in (opening, *limited.evidence[:1])}.values(), key=lambda e: e.start))
