"""From sentence readings to verdicts: precedence rules of careful reading.

Per question, every relevant sentence proposes a verdict (``training.py``, ``marketing.py``): an explicit
exclusion proposes `no`, an explicit permission `yes`, a broad licence naming AI purposes `likely`, a closed
list of permitted uses `unlikely`, a vague "to improve our services" `unclear`. Precedence here decides: an
unscoped explicit exclusion beats any grant (that is what "notwithstanding" drafting does), an
exclusion scoped to a plan or region turns a permission into a conditional one, and silence gives
`unclear` (permission questions) or `no` (the "does the document…" questions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import Reading, SentenceReading
from termlens.analysis.statements import has
from termlens.analysis.terms import Category
from termlens.domain.model import Answer, Evidence
from termlens.domain.vocabulary import QUESTIONS_BY_ID, Condition, QuestionKind, Verdict

# Which condition speaks loudest when several apply (a user's own switch matters most).
CONDITION_ORDER = (Condition.OPT_OUT, Condition.OPT_IN, Condition.ADMIN, Condition.DEIDENTIFIED,
                   Condition.PLAN, Condition.REGION)
SCOPES = frozenset({Condition.PLAN, Condition.REGION})

SILENT = "The document is silent on this: no clause addresses it, so this answer rests on silence."
NO_TEXT = "no terms text found"


@dataclass(frozen=True)
class Proposal:
    """One sentence's proposed verdict for one question."""

    verdict: Verdict
    reading: SentenceReading
    strength: int  # 2: names the category directly or by a defined term; 1: only "personal data"
    conditions: frozenset[Condition]
    partial: bool = False  # an exclusion known to cover only part of the data asked about


def joint_conditions(proposals: Sequence[Proposal]) -> frozenset[Condition]:
    """The conditions that govern a use several clauses grant: a switch or scope stated anywhere counts, but
    "only de-identified data" holds only when every clause says so."""
    conds = frozenset().union(*(p.conditions for p in proposals))
    if Condition.DEIDENTIFIED in conds and not all(Condition.DEIDENTIFIED in p.conditions for p in proposals):
        conds -= {Condition.DEIDENTIFIED}
    return conds


def pick_condition(conditions: frozenset[Condition]) -> Condition:
    """The single condition to report from a set."""
    for c in CONDITION_ORDER:
        if c in conditions:
            return c
    return Condition.NONE


NAMED_KINDS = rx(
    r"\b(?:audio|videos?|chats?|screen[- ]shar\w*|attachments?|files|messages|recordings|transcripts|images|photos|"
    r"e-?mails?|voice ?mails?|documents|"
    r"voice|whiteboards?|polls?|"
    # "Your Content in private repositories", "private videos": the private part, with the public part left over
    r"private (?:[\w-]+ )?(?:repositor(?:y|ies)|content|posts|projects|videos|photos|files|boards|notebooks|"
    r"datasets|spaces|communities)|"
    # "does not … personal data that qualifies as sensitive data": one class of data, not all of it
    r"sensitive (?:personal )?(?:data|information)|special categor(?:y|ies))\b")
# "any of your content", or a list closed by a catch-all ("audio, video, chat … or other communications-like
# Customer Content"), or "we will never sell your data": the exclusion reaches the whole category, not just the kinds
# it names.
_UNIVERSAL = rx(r"\b(?:any|all) (?:of )?(?:your |the |such )?(?:\w+ )?(?:content|data|information|inputs?)\b|"
                # "the content you create on Acme (your Conversations, your photos, …)": all of it, listed
                r"\b(?:the|any) content (?:that )?you (?:create|post|upload|share|submit|provide)\b|"
                r"\b(?:never|not) (?:\w+ ){0,3}?your (?:personal )?(?:data|information)\b|"
                r"\b(?:or|and) (?:any )?other (?:[\w-]+ ){0,3}?(?:content|data|information|materials?)\b|"
                # "The text, images and voice memos you save in Acme ("Your Content")": the kinds listed
                # are what the defined term means, all of the content
                r"\(\s*(?:the\s+)?[\"“](?:[\w-]+ ){0,2}?(?:content|data|materials?)[\"”]\s*\)")


def _named_kinds(p: Proposal) -> frozenset[str]:
    """The kinds of data a sentence names ("chats", "audio"), singular and lower-case."""
    return frozenset(m.group(0).lower().rstrip("s") for m in NAMED_KINDS.finditer(p.reading.sentence.text[:2000]))


def _partial(p: Proposal) -> bool:
    """An exclusion that names only some kinds of data ("audio, video or chat content")."""
    text = p.reading.sentence.text
    return p.partial or (bool(has(NAMED_KINDS, text)) and not has(_UNIVERSAL, text))


# "… does not use Your Content to train … for these accounts", "from those Workspaces": an exclusion that points back
# to some of the users (or some countries) holds for them only.
_SUBSET = rx(r"\b(?:these|those|such) (?:[\w-]+ )?(?:(accounts|workspaces|users|customers|members|"
             r"subscribers|organi[sz]ations|teams|plans|tiers|projects)|(countries|regions|jurisdictions))\b")


def _subset_scoped(p: Proposal) -> Proposal:
    """An exclusion scoped by a demonstrative to some users (a plan) or some countries (a region)."""
    if p.conditions & SCOPES:
        return p
    found = _SUBSET.search(p.reading.sentence.text[:2000])
    if found is None:
        return p
    return replace(p, conditions=p.conditions | {Condition.PLAN if found.group(1) else Condition.REGION})


def silent_answer(question: str, reading: Reading) -> Answer:
    """The answer when nothing in the text addresses the question."""
    known = QUESTIONS_BY_ID.get(question)
    kind = known.kind if known else QuestionKind.PERMISSION
    # With no text at all nothing can be said either way, not even "the document does not".
    verdict = Verdict.NO if kind is QuestionKind.DOCUMENT and reading.has_text else Verdict.UNCLEAR
    explanation = SILENT if reading.has_text else NO_TEXT
    return Answer(question, verdict, Condition.NONE, 0.6 if reading.has_text else 0.0, (), explanation)


def describe(reading: Reading, proposals: Sequence[Proposal], what: str) -> str:
    """One or two sentences: which sections say what, naming the defined terms relied on."""
    sections = sorted({p.reading.section for p in proposals if p.reading.section}, key=str)
    where = ("Section " + ", ".join(sections)) if sections else "The text"
    terms = sorted({t for p in proposals for t in p.reading.terms})[:3]
    text = f"{where} {what}"
    if terms:
        defined = []
        for t in terms:
            at = reading.where_defined(t)
            defined.append(f"“{t}” (defined in {at})" if at else f"“{t}”")
        text += " It relies on the defined term" + ("s " if len(defined) > 1 else " ") + ", ".join(defined) + "."
    return text


# "by training, testing and improving our models": the verb itself, not "improve our technology, such as models".
_TRAIN_VERB = rx(r"\b(?:train(?:s|ed|ing)?|fine[- ]?tun\w*|entra[iî]n\w*)\b")


# "Personal Data may be shared with affiliates to … train …": what recipients get, not the vendor's own use.
SHARED_WITH = rx(
    r"\b(?:shar(?:e|ed|es|ing)|disclos\w+|transferr?\w*|provid\w+|ma(?:k|d)e \w+ available)\b (?:\w+ ){0,3}?"
    r"(?:with|to) (?:\w+ ){0,3}?(?:affiliates|third[- ]part\w+|partners|vendors|service providers|advertisers)\b")


# "… for the purposes of operating, developing and providing the Platform": the clause that says what for, ahead
# of a licence term listed on its own ("royalty-free,").
_STATES_PURPOSE = rx(r"\b(?:for the (?:\w+ )?purposes? of|purposes? (?:of|such as|including)|in order to|"
                     r"so (?:that )?we can|to (?:provide|operate|develop|improve|train|personali[sz]e))\b")
_LEGAL_BASIS_LINE = rx(r"\b(?:it )?satisfies a legitimate interest\b|\blegal bas[ie]s\b|\blegitimate interests?"
                       r" (?:we rely on|relied on)\b|"
                       # "for the business purposes described in the [What we do …] section": a pointer
                       r"\bpurposes (?:described|set out|listed|explained) (?:in|above|below)\b")
_OWN_PURPOSES_BARRED = rx(r"\b(?:cannot|may not|can['’]t|not) (?:be )?used? (?:\w+ ){0,3}?for (?:\w+ ){0,3}?"
                          r"own purposes\b")


# "Acme also allows other third parties to access public content through our APIs": what others may do.
_OTHERS_ACCESS = rx(r"\b(?:allows?|permits?|lets?|enables?) (?:\w+ ){0,3}?(?:third[- ]part\w+|partners|"
                    r"developers|others|researchers) to access\b")


_NEW_DEVELOPMENT = rx(r"\b(?:research(?:ing)?(?: and development)?|R&D|develop\w* (?:\w+ )?new|new (?:\w+ )?"
                      r"(?:features|services|products|methods|technolog\w+) to build|build\w* new)\b")


def _lead_in(text: str) -> bool:
    return text.rstrip(" *_|").endswith(":")


def rank(p: Proposal, others: bool = False) -> tuple[int, ...]:
    """Best evidence first: names the data itself, says in so many words what is done with it (train, not
    just "develop AI"), says what the vendor does, in a short sentence. For the vendor's own use, a sentence
    about sharing with others comes after one about the vendor's own purposes (``others`` reverses that)."""
    r = p.reading
    shared = has(SHARED_WITH, r.sentence.text)
    # For others' use, a sentence that limits what recipients may do ("we do not sell …", "cannot be used for
    # their own purposes") says more than one naming the providers that run the service.
    limits_others = (2 if r.cues.negated and r.cues.sale else 1) if others and (
        r.cues.negated or has(_OWN_PURPOSES_BARRED, r.sentence.text)) else 0
    if others and (has(ck.RECIPIENTS_BOUND, r.sentence.text) or has(ck.SHARING_CLOSED, r.sentence.text)):
        limits_others = 3  # what recipients may do, or the only cases of sharing, says more than "we do not sell"
    # (a grant read from a negation, "If the history setting is off, your chats are not used to train", quotes worse
    # than one stated outright)
    negated_grant = int(p.verdict in (Verdict.YES, Verdict.LIKELY) and (
        r.cues.negated or ("not" in r.sentence.text and bool(has(lx.OPTED_OUT_THEN_NOT, r.sentence.text)))))
    # For the vendor's own use, a line about its service providers, about partners' own services, or a list of
    # legal bases quotes worse than the vendor's statement of what it does with the data.
    aside = int(not others and (r.cues.service_providers or r.cues.their_services
                                or has(_LEGAL_BASIS_LINE, r.sentence.text) or has(_OTHERS_ACCESS, r.sentence.text)))
    # A plain-language summary ("> Basically… Acme won't use your content to train") restates the clause, and the
    # clause itself is the better quote; so is a lead-in that only announces what follows ("… the following licence:").
    # (a lead-in that itself excludes or closes, "We do not share … except in the following cases:", stays first)
    restates = int(r.boxed or has(ck.SUMMARY, r.sentence.text) or (_lead_in(r.sentence.text) and not (
        r.cues.negated or r.cues.closed_list or r.cues.limited_sharing)))
    # (for a guarded answer, the clause that names research or building new things is the closest to training:
    # "Research and develop new services" before "provide, operate and improve the Services")
    rnd = -int(p.verdict is Verdict.UNCLEAR and bool(has(_NEW_DEVELOPMENT, r.sentence.text)))
    # (for its own use, the grant itself before a clause that restates or applies it: it is what a reader checks)
    return (restates, -int(r.cues.ai_training), aside, rnd, -p.strength, -int(r.vendor_licence and not others),
            negated_grant, -int(r.cues.sealed), -limits_others,
            int(shared != others),
            -int(has(_TRAIN_VERB, r.sentence.text)),
            -int(p.verdict is not Verdict.NO and has(_STATES_PURPOSE, r.sentence.text)),
            int(len(r.sentence.text) > 1000), -int(r.direct),
            -int(has(lx.VENDOR_DOES, r.sentence.text)), -int(bool(r.terms) or bool(r.cues.categories)),
            min(len(r.sentence.text) // 200, 10))


def _with_definitions(reading: Reading, chosen: Sequence[Proposal], data: Sequence[Category]) -> list[Evidence]:
    """The quotes, plus the definition of a defined term through which the data is reached."""
    quotes = list(reading.evidence(p.reading for p in chosen))
    if not data:
        return quotes
    # The question's own kind of data (prompts for the AI question, even where chats are the content): a sentence
    # that reaches it only through a defined term is quoted with the definition that makes the link.
    primary = {data[0]}
    for p in chosen:
        if p.reading.cues.categories & primary:
            continue
        for term in p.reading.terms:
            defined = reading.terms.get(term)
            if defined and (defined.categories & (primary | {Category.AI_IO_BROAD})):
                quote = reading.definition_evidence(term)
                if quote and all(q.start != quote.start for q in quotes):
                    quotes.insert(0, quote)
                return quotes
    return quotes


def combine(question: str, reading: Reading, proposals: list[Proposal], use: str,
            data: Sequence[Category] = ()) -> Answer:
    """Apply precedence to the proposals for one question."""
    if not proposals:
        return silent_answer(question, reading)

    def of(verdict: Verdict, min_strength: int = 1) -> list[Proposal]:
        return sorted((p for p in proposals if p.verdict is verdict and p.strength >= min_strength),
                      key=lambda p: rank(p, others))

    others = "others'" in use

    def answer(verdict: Verdict, condition: Condition, confidence: float, chosen: Sequence[Proposal],
               what: str) -> Answer:
        if len(chosen) == 1:
            # A later clause that says the same, as directly, is quoted too: readers check one against the other.
            # (only a later one: quotes come in document order, and the clause the answer rests on stays first)
            lead = chosen[0]
            extra = next((p for p in of(lead.verdict, lead.strength) if p.reading.sentence.start
                          > lead.reading.sentence.start and p.reading.sentence.text != lead.reading.sentence.text),
                         None)
            chosen = [lead, extra] if extra is not None else chosen
        evidence = tuple(_with_definitions(reading, chosen, data))
        return Answer(question, verdict, condition, confidence, evidence, describe(reading, chosen, what))

    # An exclusion naming only some kinds of data, reached only through a broader defined term,
    # says little about the rest: it points the other way without excluding it.
    refused = [_subset_scoped(p) for p in of(Verdict.NO)]
    exclusions = [p for p in refused if not (p.conditions & SCOPES) and (p.strength == 2 or not _partial(p))]
    scoped = [p for p in refused if p.conditions & SCOPES]
    grants = of(Verdict.YES)
    broad_grants = grants + of(Verdict.LIKELY)
    # A grant that needs the user's opt-in, or that names only the kinds the exclusion names, does not reach
    # beyond the exclusion.
    kinds = {id(p): _named_kinds(p) for p in broad_grants + exclusions} if exclusions else {}
    beyond = [g for g in broad_grants if Condition.OPT_IN not in g.conditions
              and not all(kinds[id(g)] and kinds[id(g)] <= kinds[id(x)] for x in exclusions)]
    if exclusions and beyond and all(_partial(p) for p in exclusions):
        broad_grants = beyond
        grant = broad_grants[0]
        conds = joint_conditions(broad_grants)
        condition = pick_condition(conds - SCOPES)
        what = (f"grants use of this data for {use}; the exclusion in section {exclusions[0].reading.section} "
                "names only some kinds of it, so the grant still reaches the rest.")
        chosen = [grant, exclusions[0]]
        if condition is not Condition.NONE and condition not in grant.conditions:
            chosen.insert(1, next(p for p in broad_grants if condition in p.conditions))
        return answer(grant.verdict, condition, 0.7, chosen, what)
    # "12.3 Notwithstanding Section 12.2, nothing … preventing Acme from using de-identified Customer Code to
    # develop its models": a later grant that overrides the exclusion holds, on its own terms.
    overrides = [g for g in broad_grants if g.reading.cues.notwithstanding and exclusions
                 and g.reading.sentence.start > exclusions[0].reading.sentence.start]
    if overrides:
        grant = overrides[0]
        condition = pick_condition(grant.conditions)
        what = (f"grants use of this data for {use} notwithstanding the exclusion in section "
                f"{exclusions[0].reading.section}, which it overrides")
        what += f" ({condition.plain()})." if condition is not Condition.NONE else "."
        return answer(grant.verdict, condition, 0.7, [grant, exclusions[0]], what)
    if exclusions:
        lead = [p for p in exclusions if p.reading.cues.notwithstanding] or exclusions
        chosen = lead[:1]
        consent = [p for p in exclusions + grants if Condition.OPT_IN in p.conditions]
        condition = Condition.OPT_IN if consent else pick_condition(chosen[0].conditions - {Condition.OPT_OUT})
        if condition is Condition.OPT_IN and consent[0] not in chosen:
            chosen.append(consent[0])
        what = f"explicitly excludes this data from {use}"
        what += " unless you consent or opt in." if condition is Condition.OPT_IN else "."
        return answer(Verdict.NO, condition, 0.9, chosen, what)
    # "You grant us a licence … for any purpose. Notwithstanding the foregoing, we will only use your Content to provide
    # the Services": a later clause that narrows the grant, overriding it, holds.
    narrowed = [p for p in of(Verdict.UNLIKELY) if p.reading.cues.notwithstanding and not grants and any(
        g.reading.sentence.start < p.reading.sentence.start for g in broad_grants)]
    if narrowed:
        what = f"narrows an earlier, broader grant to a closed list of purposes that leaves {use} out, overriding it."
        return answer(Verdict.UNLIKELY, Condition.NONE, 0.65, [narrowed[0], broad_grants[0]], what)
    dormant = [p for p in of(Verdict.UNLIKELY) if has(ck.POSTPONED, p.reading.sentence.text)]
    if dormant:
        what = f"says the use of this data for {use} is postponed for now."
        return answer(Verdict.UNLIKELY, Condition.NONE, 0.6, dormant[:1] + (broad_grants[:1]), what)
    if grants:
        best = grants[0]
        conds = joint_conditions([p for p in grants if p.strength == best.strength])
        condition = pick_condition(conds - SCOPES) if conds - SCOPES else pick_condition(conds)
        chosen = [best]
        if condition is not Condition.NONE and condition not in best.conditions:
            chosen.append(next(p for p in grants if condition in p.conditions))
        elif (len(grants) > 1 and grants[1].strength == best.strength
              and grants[1].reading.section != best.reading.section):
            chosen.append(grants[1])  # the document says it twice (a summary and the clause): quote both
        if scoped and condition is Condition.NONE:
            condition = pick_condition(scoped[0].conditions)
            chosen.append(scoped[0])
        if condition is Condition.OPT_IN:
            what = f"says this data is used for {use} only if you opt in or consent, so by default it is not."
            return answer(Verdict.UNLIKELY, condition, 0.7, chosen, what)
        what = f"says this data is used for {use}"
        what += f" ({condition.plain()})." if condition is not Condition.NONE else "."
        return answer(Verdict.YES, condition, 0.92 if condition is Condition.NONE else 0.85, chosen, what)
    for verdict, what, confidence in (
        (Verdict.LIKELY, f"grants broad rights over this data for purposes that include {use}, "
                         "so it is likely covered.", 0.7),
        (Verdict.NO, f"excludes this data from {use} only in some cases.", 0.5),
        (Verdict.UNLIKELY, f"limits use of this data to a closed list of purposes that leaves {use} out.", 0.65),
        (Verdict.UNCLEAR, (f"uses your information for {use} without saying whether that includes your content."
                           if "marketing" in use else
                           f"allows use of this data to improve or develop services, or grants a broad licence, "
                           f"without saying whether that includes {use}."), 0.5),
    ):
        found = of(verdict)
        if verdict is Verdict.NO and found and all(p.partial for p in found) and of(Verdict.UNCLEAR, 2):
            # An exclusion of one feature's inputs beside a clause that lets the vendor improve its services with
            # the content itself: the rest stays open.
            continue
        if verdict is Verdict.UNLIKELY and any(not p.conditions & SCOPES for p in proposals):
            # a closed list for one product or region ("if you use a server version …") does not limit the rest
            found = [p for p in found if not p.conditions & SCOPES] or ([] if of(Verdict.UNCLEAR) else found)
        if not found:
            continue
        chosen = found[:1]
        condition = Condition.NONE
        if verdict is Verdict.LIKELY:
            # A switch stated in another clause of the same kind ("Develop and improve AI (subject to your
            # settings)") still governs the use.
            conds = joint_conditions(found)
            condition = pick_condition(conds - SCOPES) if conds - SCOPES else pick_condition(conds)
            if condition is not Condition.NONE and condition not in chosen[0].conditions:
                chosen.append(next(p for p in found if condition in p.conditions))
        # A guarded answer rests on more than one clause: quote the next one too when another section says it.
        second = next((p for p in found[1:] if p.strength == found[0].strength
                       and p.reading.section != found[0].reading.section), None)
        if second is not None and len(chosen) == 1:
            chosen.append(second)
        return answer(Verdict.UNLIKELY if verdict is Verdict.NO else verdict, condition, confidence, chosen, what)
    return silent_answer(question, reading)
