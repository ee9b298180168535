"""May the user's content be used in the vendor's marketing or advertising? (question ``marketing.content``)"""

from __future__ import annotations

from dataclasses import replace

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import Reading, SentenceReading
from termlens.analysis.resolve import Proposal, combine, describe
from termlens.analysis.statements import has, recipient_is_subject
from termlens.analysis.tables import marketing_rows_leave_out
from termlens.analysis.terms import Category, categories_in
from termlens.domain.model import Answer, Sentence
from termlens.domain.vocabulary import Condition, Verdict

CONTENT = (Category.CONTENT,)


def _content_beyond_publicity(reading: Reading, r: SentenceReading) -> bool:
    """Whether a publicity clause also names user content, apart from names, logos and marketing materials."""
    text = r.sentence.text[:3000]
    rest = ck.PUBLICITY.sub(" ", text)
    # "develop content around your experience as a customer (a case study)" is the vendor's content, not yours; "your
    # name, likeness and content" names content beside the name
    names = [m.span() for m in ck.PUBLICITY.finditer(text)]
    return any(not any(a <= m.start() and m.end() <= b for a, b in names) for m in USER_CONTENT.finditer(text)) or any(
        t in rest for t in r.terms if Category.CONTENT in reading.terms[t].categories)


# Content tied to the user: "your photos", "User Content", "the posts you share", "le contenu que vous créez".
# Marketing clauses are full of other content ("marketing messages", "recommending content", "post suggestions")
# that is shown to the user, not taken from them.
USER_CONTENT = rx(
    # ("your name, likeness and content": the content named last in a list of what is the user's)
    r"\b(?:your|users?['’]?|customers?['’]?|members?['’]?|creators?['’]?|their) (?:own )?"
    r"(?:(?:[\w-]+ ){0,2}?|(?:[\w-]+, ){1,3}(?:[\w-]+ )?(?:and|or) )"
    r"(?:content|posts?|photos?|videos?|messages?|files?|uploads?|comments?|images?|recordings?|music|audio|"
    r"creations?|works?|artwork|stories|reviews?|submissions?|materials?|chats?|conversations?|likes?|documents?|"
    r"designs?|boards?|projects?|notes|datasets?)\b|"
    r"\bwhat you (?:say|write|type|post|upload|share)\b|"
    # (posts published on the service are its users' posts: "public posts that use our hashtags")
    r"\bpublic (?:posts?|projects?|photos?|videos?|creations?|reviews?|boards?|datasets?|pages|templates?|"
    r"notebooks?)\b|"
    r"\b(?:content|posts?|photos?|videos?|things|text|materials?|works?|comments?|messages?|creations?|projects?|"
    r"reviews?|designs?) (?:that )?"
    r"(?:you|users|members|creators|they) (?:\w+ ){0,2}?(?:create|post|share|upload|submit|provide|add|write|send|"
    r"publish|make)\w*\b|"
    r"\b(?:vos|votre|leurs?) (?:\w+ ){0,2}?(?:contenus?|publications?|photos?|vidéos?|messages?|commentaires?)\b|"
    r"\b(?:contenus?|ce) que vous\b")


def _users_content(reading: Reading, r: SentenceReading) -> bool:
    """Whether the sentence ties the content it names to the user (or names it by a defined content term)."""
    return bool(has(USER_CONTENT, r.sentence.text)) or any(
        Category.CONTENT in reading.terms[t].categories for t in r.terms)


def _content_near_marketing(reading: Reading, r: SentenceReading) -> bool:
    """Whether the user's content (or a content defined term) sits close to the marketing word."""
    text = r.sentence.text[:6000]
    ads = [m.start() for m in lx.MARKETING.finditer(text)]
    spots = [m.start() for m in USER_CONTENT.finditer(text)]
    spots += [text.find(t if t in text else t[:-1]) for t in r.terms if Category.CONTENT in reading.terms[t].categories]
    return any(abs(a - b) <= 150 for a in ads for b in spots if b >= 0)


_CONTENT_PRONOUN = rx(r"\b(?:use|feature|showcase|highlight|include|put|display|show|promote|reproduce)\w* "
                      r"(?:it|them)\b")


# Ads chosen for the user from their information ("tailor advertising to your interests", "personalized ads").
_TAILORED_ADS = rx(
    r"\b(?:personali[sz]\w*|tailor\w*|target\w*|customi[sz]\w*|relevant|interest-based)\b[^.;]{0,80}?"
    r"\b(?:ads|advertis\w+|sponsored content)\b|\b(?:ads|advertis\w+)\b[^.;]{0,40}?\b(?:personali[sz]\w*|tailor\w*|"
    r"relevant to you|based on your (?:interests|activity))")
# Ads for the vendor's own products shown elsewhere, from data shared with ad networks: not ads built from content.
_ADS_FOR_OUR_PRODUCTS = rx(r"\bto (?:promote|advertise|market) our (?:own )?(?:products|services|offerings)|"
                           r"\bshar\w+ (?:of )?(?:your )?personal (?:data|information) for (?:targeted|"
                           r"cross-context)")
# "(but not User Content)", "excluding your content": content kept out of the purpose
_CONTENT_CARVED_OUT = rx(r"\(?\b(?:but not|excluding|except(?: for)?|other than) (?:your |any |the )?"
                         r"(?:[A-Z]\w+ )?Content\b")
# The vendor's own use of the information ("we use your personal data to tailor advertising"), not what
# partners' cookies collect or what happens if you disable them.
_WE_USE = rx(r"\bwe (?:\w+ ){0,2}?(?:use|process|analy[sz]e|rely on|combine|show|serve|customi[sz]e|"
             r"personali[sz]e|tailor|select|choose|decide)\b|\b(?:is|are|be) used (?:to|for)\b")
# "We process this content in the role of a processor on behalf of our customers": content handled for customers.
_AS_PROCESSOR = rx(r"\b(?:as|in the role of) (?:a |the )?(?:data )?processor\b|"
                   r"\bon behalf of (?:our |the |such )?(?:customers?|organi[sz]ations|businesses)\b")
# "Information we receive from consumer marketing databases … to customize advertising": others' data, not yours.
_FROM_ELSEWHERE = rx(r"\b(?:receive|obtain|get|buy|purchase)\w* (?:\w+ ){0,3}?from (?:\w+ ){0,2}?(?:databases?|"
                     r"data brokers?|third[- ]part\w+|partners|data enrichment|other sources)")
_COLLECTION = rx(r"\b(?:collect\w*|we receive|information (?:that )?you (?:provide|give|share)|"
                 r"(?:data|information) you (?:provide|give|share))\b")


class _DocumentScans:
    """Facts about the whole document that some marketing inferences need, worked out once and only when asked
    (most documents never ask)."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self._processor: bool | None = None
        self._collected: tuple[Sentence | None] | None = None

    def processor(self) -> bool:
        """Whether the vendor says it handles data as a processor, on its customers' behalf."""
        if self._processor is None:
            self._processor = any(
                ("rocessor" in s.text or "behalf of" in s.text) and has(_AS_PROCESSOR, s.text)
                and bool(categories_in(s.text) & {Category.CONTENT, Category.PERSONAL})
                for s in self.reading.structure.sentences)
        return self._processor

    def collected(self) -> Sentence | None:
        """The sentence listing what users post among the information collected, unless the document keeps
        content out of its ads in so many words or handles it for its customers."""
        if self._collected is None:
            carved_out = any(r.cues.marketing and has(_CONTENT_CARVED_OUT, r.sentence.text)
                             for r in self.reading.sentences)
            found = None if carved_out or self.processor() else _content_collected(self.reading)
            self._collected = (found,)
        return self._collected[0]


def _content_collected(reading: Reading) -> Sentence | None:
    """A sentence of a collection section ("Information we collect") that names what users post, or None."""
    structure = reading.structure
    for sentence in structure.sentences:
        if sentence.section is None or not has(USER_CONTENT, sentence.text):
            continue
        section = structure.sections[sentence.section]
        opening = structure.text[section.start:min(section.body_start + 400, section.end)]
        if has(_COLLECTION, sentence.text) or has(_COLLECTION, opening):
            return sentence
    return None


def marketing_content(reading: Reading) -> Answer:
    """May user content be used for the vendor's marketing or advertising?"""
    proposals: list[Proposal] = []
    broad = next((r for r in reading.sentences if r.vendor_licence and r.cues.licence_broad and not r.restricted
                  and Category.CONTENT in r.own and not has(lx.NON_CONTENT_OBJECT, r.sentence.text)), None)
    scans = _DocumentScans(reading)
    for r in reading.sentences:
        c = r.cues
        # ("We may feature it in our newsletters", "we won't put them in ads": the content the paragraph speaks of)
        anaphor = not r.own and Category.CONTENT in r.categories and bool(has(_CONTENT_PRONOUN, r.sentence.text))
        own = r.own | ({Category.CONTENT} if anaphor or (reading.ai_service and Category.AI_IO in r.own) else set())
        if c.marketing and not r.restricted and has(ck.AD_FREE, r.sentence.text):
            proposals.append(Proposal(Verdict.UNLIKELY, r, 1, r.conditions))  # no ads to target with content
            continue
        if r.restricted or not (own & {Category.CONTENT, Category.PERSONAL} or r.in_licence):
            continue
        # (on an AI assistant, the prompts the user types are their content)
        # (a promise not to use "meeting, webinar, or messaging content" for marketing is about what users send; one
        # about "the private content you send to friends" covers only part of it)
        content = r.in_licence or anaphor or (Category.CONTENT in own and (
            r.vendor_licence or _users_content(reading, r) or (reading.ai_service and Category.AI_IO in r.own)
            or (c.marketing_negated and c.marketing_use and "private" not in r.sentence.text.lower())))
        if not content and Category.PERSONAL not in r.own and Category.CONTENT in r.own and not (
                r.categories - r.own) & {Category.CONTENT}:
            continue  # "our marketing messages", "recommending content": nothing taken from the user
        # "We need a limited licence", followed by the licence itself, which is broad: the broad one governs.
        narrow_licence = (r.vendor_licence and c.licence and not c.licence_broad and not r.in_licence
                          and broad is None)
        if ((c.closed_list and not has(ck.RETENTION, r.sentence.text)) or narrow_licence or c.confidential
                or c.sealed) and not c.marketing and content:
            # (how long content is kept is not what it is used for; content sealed end to end cannot feed ads)
            proposals.append(Proposal(Verdict.UNLIKELY, r, 2, r.conditions))
            continue
        if has(ck.MARKETING_WAIVER, r.sentence.text) and content:
            # A waiver of approval over promotional materials made from your content: marketing is
            # contemplated, not granted in so many words.
            proposals.append(Proposal(Verdict.LIKELY, r, 2, r.conditions))
            continue
        if not c.marketing or not c.marketing_use or has(ck.NOT_CONTENT_USE, r.sentence.text):
            continue
        if has(_CONTENT_CARVED_OUT, r.sentence.text):
            # "Personalised ads: any of the data described under Information you provide (but not User Content)":
            # content is kept out of the ads, though other purposes may still list it
            proposals.append(Proposal(Verdict.UNLIKELY, r, 2, r.conditions))
            continue
        if c.limited_sharing and not (c.marketing_negated or r.vendor_licence or r.in_licence):
            continue  # vendors "that help us provide our Services", advertising among them: who serves, not what
        if has(ck.PUBLICITY, r.sentence.text) and not _content_beyond_publicity(reading, r):
            continue  # the customer's name and logo as a reference: its brand, not its content
        by_vendor = r.vendor_licence or r.in_licence or has(lx.MARKETING_BY_VENDOR, r.lead or r.sentence.text)
        if not (by_vendor or c.marketing_negated):
            continue
        if c.marketing_negated:
            # "We do not sell or share personal data for targeted advertising" denies a disclosure of personal data,
            # not every use of content in ads: it points away without excluding.
            verdict = Verdict.UNLIKELY if c.sale and not content else Verdict.NO
            proposals.append(Proposal(verdict, r, 2 if content else 1, r.conditions))
        elif not content and Category.CONTENT not in r.categories:
            # "We use your information to personalise ads": personal data may or may not include content; it
            # probably does where the policy lists what users post among the information it collects.
            tailored = (has(_TAILORED_ADS, r.sentence.text) and (has(_WE_USE, r.sentence.text) or has(_WE_USE, r.lead))
                        and not has(_ADS_FOR_OUR_PRODUCTS, r.sentence.text)
                        and not has(_FROM_ELSEWHERE, r.sentence.text) and scans.collected() is not None)
            # (ads tailored to you are not made from de-identified data, whatever the table row says)
            proposals.append(Proposal(Verdict.LIKELY if tailored else Verdict.UNCLEAR, r, 1,
                                      r.conditions - {Condition.DEIDENTIFIED} if tailored else r.conditions))
        elif not content and not has(lx.ADS_ALONGSIDE, r.sentence.text) and scans.processor():
            # content handled on customers' behalf: a purpose list that borrows it says nothing of ads made from it
            proposals.append(Proposal(Verdict.UNCLEAR, r, 1, r.conditions))
        elif not content or has(lx.ADS_ALONGSIDE, r.sentence.text):
            # Ads personalised with information whose list (on the same line or under the same lead-in)
            # includes content, or ads shown next to your content: probable, not stated.
            proposals.append(Proposal(Verdict.LIKELY, r, 1, r.conditions))
        elif (r.in_licence or r.vendor_licence or anaphor or _content_near_marketing(reading, r)
              or (reading.ai_service and Category.AI_IO in r.own)):
            # ("uses prompts and related data to provide … relevant advertising" on an AI assistant)
            proposals.append(Proposal(Verdict.YES, r, 2, r.conditions))
        elif Category.CONTENT in r.own:
            # Ads chosen from "your activity, such as … the text you add in a comment": content is among
            # the data, named apart from the ads: probable, not stated.
            proposals.append(Proposal(Verdict.LIKELY, r, 1, r.conditions))
    answer = combine("marketing.content", reading, proposals, "marketing or advertising", CONTENT)
    collected = scans.collected() if answer.verdict is Verdict.LIKELY else None
    if collected is not None and len(answer.evidence) == 1 and not has(USER_CONTENT, answer.evidence[0].quote):
        # The inference rests on two clauses: ads from "your information", and the list of information that
        # includes what you post. Quote both.
        listed = reading.quote(collected)
        evidence = tuple(sorted((*answer.evidence, listed), key=lambda e: e.start))
        answer = replace(answer, evidence=evidence, explanation=answer.explanation + (
            f" Section {listed.section or '—'} lists what you post among the information collected, so ads probably "
            "draw on it."))
    if answer.verdict is Verdict.UNCLEAR:
        rows = marketing_rows_leave_out(reading, {Category.CONTENT, Category.AI_IO})
        if rows:
            # "To communicate with you and to promote our Services | Identity and Contact Data …": the table lists the
            # data marketing uses, and the user's content is not among it.
            row = rows[0]
            return Answer(answer.question, Verdict.UNLIKELY, Condition.NONE, 0.6, (row.purpose, row.data),
                          f"Section {row.purpose.section or '—'} has a table of purposes: its marketing row lists the "
                          "data used for it, and your content appears only under other purposes.")
    if not answer.evidence and broad is None:
        other = _marketing_of_other_data_only(reading)
        if other:
            # Marketing is described, but every clause that describes it names only account, contact or usage data
            # ("we use your account information and device identifiers to personalise ads"): content is left out.
            chosen = [Proposal(Verdict.UNLIKELY, r, 1, frozenset()) for r in other[:2]]
            return Answer(answer.question, Verdict.UNLIKELY, Condition.NONE, 0.55,
                          reading.evidence(p.reading for p in chosen),
                          describe(reading, chosen, "uses only account, contact or usage data for marketing, not "
                                                    "your content."))
    if not answer.evidence and broad is not None:
        # Silent on marketing, but a broad licence (commercial exploitation, sublicensable) may reach it; one "for any
        # purpose" probably does.
        anything = bool(has(lx.ANY_PURPOSE, broad.sentence.text))
        verdict = Verdict.LIKELY if anything else Verdict.UNCLEAR
        chosen = [Proposal(verdict, broad, 2, frozenset())]
        return Answer(answer.question, verdict, Condition.NONE, 0.45, reading.evidence([broad]),
                      describe(reading, chosen, "grants a licence to your content for any purpose, which probably "
                                                "reaches marketing." if anything else
                                                "grants a broad licence to your content that names no marketing "
                                                "purpose; it may or may not reach marketing."))
    return _with_ads_switch(reading, answer)


def _marketing_of_other_data_only(reading: Reading) -> list[SentenceReading]:
    """The vendor's marketing clauses, when every one of them names only account, contact or usage data."""
    found: list[SentenceReading] = []
    for r in reading.sentences:
        c = r.cues
        if r.restricted or not (c.marketing and c.marketing_use) or c.marketing_negated:
            continue
        if r.categories & {Category.CONTENT, Category.PERSONAL, Category.AI_IO, Category.AI_IO_BROAD} or r.in_licence:
            return []
        if r.categories & {Category.ACCOUNT, Category.USAGE}:
            found.append(r)
    return found


def _with_ads_switch(reading: Reading, answer: Answer) -> Answer:
    """A use for ads that a switch for personalised ads governs ("You can control tailored advertising in your
    settings") is conditional on it."""
    if answer.verdict in (Verdict.YES, Verdict.LIKELY) and answer.condition is Condition.NONE:
        switch = next((r for r in reading.sentences if r.cues.marketing and Condition.OPT_OUT in r.conditions
                       and not r.cues.marketing_negated and not r.restricted), None)
        if switch is not None:
            return Answer(answer.question, answer.verdict, Condition.OPT_OUT, answer.confidence,
                          (*answer.evidence, *reading.evidence([switch])),
                          answer.explanation + f" Section {switch.section or '—'} lets you switch it off.")
    return answer


def marketing_of(question: str, reading: Reading, category: Category) -> Answer:
    """Is data of one non-content category (account details, usage and activity) used for marketing or ads? Ads
    chosen from "your information" or "your activity" draw on it; a promise not to use it for ads excludes it."""
    proposals: list[Proposal] = []
    for r in reading.sentences:
        c = r.cues
        if r.restricted or not (c.marketing and c.marketing_use) or not r.categories & {category, Category.PERSONAL}:
            continue
        if c.limited_sharing and not c.marketing_negated:
            continue  # vendors "that help us provide our Services", advertising among them: who serves, not what
        if c.negated and recipient_is_subject(r.sentence.text):
            continue  # "These advertising partners do not … use your name … without your consent": binds the partners
        named = category in r.own
        if r.vendor_licence and not named and not c.marketing_negated:
            continue  # a licence to content "to promote the Services" does not market the user's other data
        if c.marketing_negated:
            # ("We do not sell personal data for targeted advertising" points away without excluding)
            verdict = Verdict.UNLIKELY if c.sale or not named else Verdict.NO
        elif has(lx.MARKETING_BY_VENDOR, r.sentence.text) or has(_TAILORED_ADS, r.sentence.text):
            # Ads chosen from "your information" are chosen from what the user does and who the user is.
            verdict = Verdict.YES
        else:
            continue
        proposals.append(Proposal(verdict, r, 2 if named else 1, r.conditions))
    return _with_ads_switch(reading, combine(question, reading, proposals, "marketing or advertising", (category,)))
