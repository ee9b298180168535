"""Item-level answers: one data item (screen shares, prompts, telemetry…) × one use.

An item named directly in a sentence about the use is answered from those sentences. Otherwise it
resolves to the document's category it falls in (content, AI inputs/outputs, account, usage), named
where possible by the defined term that covers it, and inherits what the document says of that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import Pattern, rx
from termlens.analysis.marketing import marketing_of
from termlens.analysis.reading import NON_PUBLIC_THIRD_PARTY, Reading, SentenceReading, paragraph
from termlens.analysis.resolve import Proposal, combine
from termlens.analysis.statements import has
from termlens.analysis.terms import Category
from termlens.analysis.training import decide_training, made_available_to_others
from termlens.domain.model import Answer, Evidence, ItemAnswer
from termlens.domain.vocabulary import DATA_ITEMS, DATA_ITEMS_BY_ID, Condition, DataItem, ItemFamily, Use, Verdict

FAMILY_CATEGORY: dict[ItemFamily, Category] = {
    ItemFamily.CONTENT: Category.CONTENT,
    ItemFamily.AI_IO: Category.AI_IO,
    ItemFamily.ACCOUNT: Category.ACCOUNT,
    ItemFamily.USAGE: Category.USAGE,
}
# Special categories of personal data (GDPR art. 9): never presumed to fall under a general clause.
SPECIAL_CATEGORY_ITEMS = frozenset({"biometrics"})
# Private communications: a clause about "the information we collect" does not clearly reach what users say to each
# other in private (secrecy of correspondence; several services keep messages apart), so it makes their use probable.
PRIVATE_COMMUNICATION_ITEMS = frozenset({"chat"})
# Synonyms too common in legal prose to mean the item by themselves.
_TOO_COMMON = frozenset({"name", "address", "device", "usage", "face", "post", "likes", "inputs", "output",
                         "outputs", "responses", "documents", "file", "calendar", "texts", "message"})


# How terms name an item, beyond the words people use when asking about it.
DRAFTING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "audio": ("voice recordings", "audio recordings", "voice data", "voice inputs"),
    "video": ("videos", "image or video", "images and videos", "photos and videos", "video recordings"),
    "chat": ("private messages", "chat messages", "chat history", "private communications",
             "private content and communications", "communications you send"),
    "files": ("uploaded files", "files you upload", "documents you upload"),
    "transcripts": ("transcriptions",),
    "posts": ("public posts", "content you post", "content you share publicly", "publicly posted content"),
    "ai_prompts": ("queries", "questions you ask", "input", "conversations with the assistant"),
    "ai_outputs": ("generated images", "completions", "ai-generated content", "generated responses"),
    "profile_photo": ("profile photos", "profile pictures", "name and photo", "name and profile picture"),
    "name": ("your name", "username", "user name", "name and photo", "name and profile picture"),
    "location": ("precise location", "geolocation", "location data", "location information"),
    "biometrics": ("face geometry", "voiceprints", "voice prints", "biometric data", "biometric identifiers"),
    "telemetry": ("diagnostic information", "performance data", "log data", "log files", "service generated data"),
    "device_info": ("device identifiers", "device data"),
    # what the user does in the product, as privacy policies describe it when they list what ads are chosen from
    "interactions": ("your activity", "activity on", "activity information", "how you use", "how you interact",
                     "pages you visit", "links you click", "content you view", "content you engage with",
                     "actions you take", "interactions with", "your use of", "you interact with", "product usage",
                     "browsing activities", "browsing activity", "offsite activity", "votre activité"),
}


@lru_cache(maxsize=64)
def item_pattern(item_id: str) -> Pattern | None:
    """A pattern for the words that name an item directly (None when all its words are too common)."""
    synonyms = DATA_ITEMS_BY_ID[item_id].synonyms + DRAFTING_SYNONYMS.get(item_id, ())
    words = [s for s in synonyms if s not in _TOO_COMMON and " i " not in f" {s} "]
    if not words:
        return None
    return rx(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


def _direct(mentions: list[SentenceReading], use: Use) -> list[SentenceReading]:
    wanted: Callable[[SentenceReading], bool] = {
        Use.AI_TRAINING: lambda r: r.cues.ai_training,
        Use.AI_TRAINING_THIRD_PARTY: lambda r: r.cues.ai_training and (r.cues.third_party or r.cues.third_party_models),
        Use.MARKETING: lambda r: r.cues.marketing,
        Use.SALE_OR_LICENSING: lambda r: r.cues.sale,
    }[use]
    return [r for r in mentions if wanted(r) and not r.restricted]


def _sale(question: str, reading: Reading, category: Category,
          only: list[SentenceReading] | None = None) -> Answer:
    proposals: list[Proposal] = []
    withheld: list[Proposal] = []
    for r in only if only is not None else reading.sentences:
        c = r.cues
        if r.restricted:
            continue
        content = category is Category.CONTENT and (Category.CONTENT in r.own or r.in_licence)
        if content and not c.sale and (c.made_available or c.licence):
            proposals.extend(_content_licensed_out(r))
            continue
        if not (only is not None or r.own & {category, Category.PERSONAL}):
            continue
        if c.withheld and not c.sale:
            # (a refusal to share personal information says nothing of public posts licensed to others)
            if (category in r.own or category is not Category.CONTENT) and _refused_by_vendor(r.sentence.text):
                withheld.append(_withheld(r))
            continue
        if not c.sale:
            continue
        if not c.negated and (has(ck.BUSINESS_TRANSFER, r.sentence.text) or has(ck.SALE_RIGHTS, r.sentence.text)):
            # data moving with the business in a merger is not data sold; nor is a right to opt out of sales
            continue
        if c.negated and has(ck.LICENSED_NOT_SOLD, r.sentence.text):
            continue  # the vendor's software, licensed and not sold to the user
        verdict = Verdict.NO if c.negated else Verdict.YES
        if (verdict is Verdict.NO and category is Category.CONTENT and not has(_CONTENT_NOT_SOLD, r.sentence.text)
                and has(_PERSONAL_DATA, r.sentence.text)):
            # "We do not sell your personal data": public posts licensed to others are not personal data sold,
            # so the promise points away from licensing content without ruling it out.
            verdict = Verdict.UNLIKELY
        elif verdict is Verdict.NO and has(_EXCEPT_AS_DESCRIBED, r.sentence.text):
            # "We will not sell or rent … to any third party, except as stated herein": the document keeps exceptions
            # it does not name here, so the promise points away from a sale without ruling it out
            verdict = Verdict.UNLIKELY
        elif verdict is Verdict.YES and content and made_available_to_others(r, 2):
            proposals.extend(_content_licensed_out(r))
            continue
        proposals.append(Proposal(verdict, r, 2 if only is not None or category in r.own else 1, r.conditions))
    # A refusal to hand the data over counts only where no clause sells or licenses it: "we may rent your postal
    # address to advertisers" is the exception the general refusal did not spell out.
    if withheld and not any(p.verdict in (Verdict.YES, Verdict.LIKELY) for p in proposals):
        proposals.extend(withheld)
    return combine(question, reading, proposals, "sale or licensing to others")


def _withheld(r: SentenceReading) -> Proposal:
    """Data the vendor will not hand to others at all is not sold either. "Your contact information will not be
    passed to any other organization" rules it out, as does "… unless we have your permission" (with consent). An
    open exception ("except as described here", "unless otherwise noted", "except to facilitate the transaction")
    or a refusal for one purpose only ("for their direct marketing purposes") only points away from a sale."""
    text = r.sentence.text
    open_ended = has(lx.EXCEPT_WORDS, _CONSENT_EXCEPTION.sub(" ", text)) or has(_FOR_A_PURPOSE, text)
    return Proposal(Verdict.UNLIKELY if open_ended else Verdict.NO, r, 1, r.conditions)


def _refused_by_vendor(text: str) -> bool:
    """Whether the refusal is the vendor's ("We do not share …", "Your information will not be passed …"), not
    another company's ("The shipping carrier does not disclose your information …", a carrier's terms restated)."""
    found = ck.NOT_HANDED_TO_OTHERS.search(lx.without_false_negations(text))
    return found is not None and has(_REFUSER, text[max(0, found.start() - 80):found.start()])


# Right before the negation: "we" (within three words) or the data itself, in the passive.
_REFUSER = rx(r"(?:\bwe|\b(?:information|data|details|content|address(?:es)?|book|lists?)(?: [\w-]+){0,5}) ?"
              r"(?:\w+ ){0,2}$")
# (not "… or use your Customer Information for any purpose other than as described": a limit on use, not on the sale)
_EXCEPT_AS_DESCRIBED = rx(r"\b(?<!purpose )(?<!purposes )(?:except|other than|save) (?:as (?:\w+ )?(?:stated|described|"
                          r"set (?:out|forth)|provided|noted|explained|disclosed)|in accordance with)\b")
_FOR_A_PURPOSE = rx(r"\bfor (?:the purposes? of|(?:their|its) (?:own )?(?:[\w-]+ ){0,2}?purposes?)\b")
# The one exception that keeps a refusal whole: the user's own consent ("… unless we have your permission").
_CONSENT_EXCEPTION = rx(r"\b(?:unless|except (?:with|where|when|if))\b (?:we have |you give us |you provide |you )?"
                        r"(?:your )?(?:\w+ )?(?:consent|permission|authori[sz]ation|agree\w*|opt\w* in)\b")


# "We don't sell any of your information", "we will never sell your Content": the content is covered.
_CONTENT_NOT_SOLD = rx(r"\b(?:any|all) (?:of )?(?:your |the )?(?:information|data|content)\b|"
                       r"\b(?:your|user|customer) (?:content|data)\b|\b(?:aucune|aucun) de vos\b")
_WE_MAY = rx(r"\b(?:we|[A-Z][\w.]*) (?:may|can|will|might) (?:\w+ )?licen[cs]e\b", 0)
_PERSONAL_DATA = rx(r"\bpersonal (?:data|information)\b|\bdonn[ée]es (?:à caractère )?personnelles\b|"
                    r"\buser information\b")


def _content_licensed_out(r: SentenceReading) -> list[Proposal]:
    """Content the vendor hands to other companies: licensed for fees or made available to them (yes), through
    an API or a data dump (likely), or under a licence the vendor may pass on to partners (likely) or sublicense
    without naming anyone (unclear)."""
    c, text = r.cues, r.sentence.text
    if c.negated:
        return []
    if made_available_to_others(r, 2):
        named = has(ck.LICENSING_OUT, text) or has(_OTHER_ORGANISATIONS, text)
        return [Proposal(Verdict.YES if named else Verdict.LIKELY, r, 2, r.conditions - {Condition.PLAN})]
    if has(ck.LICENSING_OUT, text) and has(_WE_MAY, text):
        # "sub-licensable (this means we can license your content to others, e.g. … to trusted third parties)"
        return [Proposal(Verdict.YES, r, 2, r.conditions)]
    if r.vendor_licence and has(lx.SUBLICENSE, text):
        # probable where the licence itself runs to partners or other users, open where only the vendor takes it
        # (and where it may be sublicensed for any purpose at all: nothing keeps it from being licensed out)
        return [Proposal(Verdict.LIKELY if has(_GRANTEES_BEYOND_VENDOR, text) or has(lx.ANY_PURPOSE, text)
                         else Verdict.UNCLEAR, r, 1, r.conditions)]
    return []


# "you grant (i) to us and our affiliates, agents, service providers, partners and other connected third parties"
_GRANTEES_BEYOND_VENDOR = rx(
    r"\bgrant\w* (?:\(\w+\) )?(?:to )?(?:us|[A-Z][\w.]*)(?:,| and)(?:,? [\w-]+){0,12}? (?:partners|third[- ]parties|"
    r"(?:our |other )?users|sub-?licensees|licensees)\b", 0)


_PRIVATE_WORDS = rx(r"\b(?:messages?|chats?|conversations?|communications?|correspondence|your e-?mails?|"
                    r"e-?mails? (?:that )?you (?:send|write|receive)|including e-?mails?)\b")


def _names_item(pattern: Pattern, text: str) -> bool:
    """Whether the item's word names the data, not a product ("Acme Chat" is a name: a capitalised word after
    another capitalised word, mid-sentence)."""
    for found in pattern.finditer(text):
        before = text[:found.start()].rstrip()
        previous = before.split()[-1:] if before else []
        product = (found.group(0)[:1].isupper() and bool(previous) and previous[0][:1].isupper()
                   and not before.endswith((".", ":", "|", "*", "(", "“", '"')))
        if not product:
            return True
    return False


# Items that are public by nature ("posts and public content"): photos listed among "your documents, photos or other
# personal files" are private files, not posts.
PUBLIC_ITEMS = frozenset({"posts"})
_PRIVATE_CONTEXT = rx(r"\b(?:personal|private) (?:files|documents|communications)\b")
_OTHER_ORGANISATIONS = rx(r"\b(?:other companies|organi[sz]ations|third[- ]part(?:y|ies)|partners?|"
                          r"syndicat\w+)\b")


class ItemResolver:
    """Answers item questions for one document, reusing the document-level answers."""

    def __init__(self, reading: Reading, document_answers: dict[str, Answer]) -> None:
        self.reading = reading
        self.answers = document_answers
        self._category_cache: dict[tuple[Category, Use], Answer] = {}
        self._direct_cache: dict[tuple[Category, Use, tuple[int, ...]], Answer] = {}
        self._mentions: dict[str, list[SentenceReading]] = {}
        self._device_only: list[tuple[Evidence, str]] | None = None

    def mentions(self, item_id: str) -> list[SentenceReading]:
        """The relevant sentences that name an item directly (computed once per item)."""
        if item_id not in self._mentions:
            rx = item_pattern(item_id)
            self._mentions[item_id] = [] if rx is None else [
                r for r in self.reading.sentences if has(rx, r.sentence.text) and _names_item(rx, r.sentence.text)
                and not (item_id in PUBLIC_ITEMS and has(_PRIVATE_CONTEXT, r.sentence.text))]
        return self._mentions[item_id]

    def _by_category(self, category: Category, use: Use) -> Answer:
        key = (category, use)
        if key in self._category_cache:
            return self._category_cache[key]
        a = self.answers
        if use is Use.AI_TRAINING:
            answer = {Category.CONTENT: a["train.content.own"], Category.AI_IO: a["train.ai_io"],
                      Category.USAGE: a["train.usage.own"]}.get(category) or decide_training(
                "item", self.reading, (category,))
            if category is Category.AI_IO and not answer.evidence:
                answer = a["train.content.own"]
        elif use is Use.AI_TRAINING_THIRD_PARTY:
            answer = a["train.content.third_party"]
        elif use is Use.MARKETING:
            answer = a["marketing.content"] if category in (Category.CONTENT, Category.AI_IO) else marketing_of(
                "item", self.reading, category)
        else:
            answer = _sale("item", self.reading, category)
            if not answer.evidence and category in (Category.CONTENT, Category.AI_IO):
                answer = self._sale_from_licence(answer)
        self._category_cache[key] = answer
        return answer

    def _kept_on_device(self, item_id: str) -> Evidence | None:
        """The sentence saying the item never leaves the user's device (on its own line or list item), if any."""
        if self._device_only is None:
            # (worked out once per document: few documents say it at all)
            text = self.reading.structure.text
            self._device_only = [(self.reading.quote(s), paragraph(text, s.start, s.end))
                                 for s in self.reading.structure.sentences
                                 if ("device" in s.text or "servers" in s.text) and has(ck.ON_DEVICE_ONLY, s.text)]
        rx = item_pattern(item_id)
        return next((quote for quote, line in self._device_only if rx is not None and has(rx, line)), None)

    def _sale_from_licence(self, silent: Answer) -> Answer:
        """Silent on sale, content is unlikely to be sold or licensed out where the vendor takes no licence beyond
        running the service, or limits its sharing to a closed list: it holds no right to pass the content on."""
        for question, verdicts in (("license.content.broad", (Verdict.NO,)),
                                   ("train.content.third_party", (Verdict.NO, Verdict.UNLIKELY))):
            found = self.answers[question]
            if found.verdict in verdicts and found.evidence:
                return Answer(silent.question, Verdict.UNLIKELY, Condition.NONE, 0.5, found.evidence[:1],
                              f"Nothing speaks of selling or licensing it; {found.explanation[:1].lower()}"
                              f"{found.explanation[1:]} So the vendor holds no evident right to sell or license "
                              "it out.")
        return silent

    def _category_term(self, item: DataItem, category: Category) -> tuple[str | None, bool]:
        """The defined term an item falls under, and whether its definition names the item."""
        rx = item_pattern(item.id)
        fallback = None
        for term, defined in self.reading.terms.items():
            if category not in defined.categories or has(ck.THIRD_PARTY_CONTENT, term):
                continue  # ("Third Party Content" is what others own, not where the user's data falls)
            fallback = fallback or term
            definition = self.reading.definition_evidence(term)
            if rx is not None and definition is not None and has(rx, definition.quote):
                return term, True
        return fallback, False

    def _from_direct(self, category: Category, use: Use, direct: list[SentenceReading]) -> Answer:
        """The answer from the sentences that name an item (items named in the same sentences share it)."""
        key = (category, use, tuple(r.sentence.index for r in direct))
        if key not in self._direct_cache:
            if use is Use.SALE_OR_LICENSING:
                base = _sale("item", self.reading, category, direct)
            elif use is Use.MARKETING:
                base = combine("item", self.reading, [
                    Proposal(Verdict.NO if r.cues.negated else Verdict.YES, r, 2, r.conditions)
                    for r in direct], "marketing or advertising")
            else:
                chosen = {id(r) for r in direct}
                base = decide_training("item", self.reading, (category, Category.CONTENT, Category.AI_IO,
                                                               Category.USAGE), lambda r: id(r) in chosen)
            self._direct_cache[key] = base
        return self._direct_cache[key]

    def answer(self, item_id: str, use: Use) -> ItemAnswer:
        """The answer for one item and one use."""
        item = DATA_ITEMS_BY_ID[item_id]
        category = FAMILY_CATEGORY[item.family]
        direct = _direct(self.mentions(item.id), use)
        on_device = self._kept_on_device(item.id)
        if on_device is not None:
            return ItemAnswer(item.id, use.value, Verdict.NO, Condition.NONE, 0.8, (on_device,),
                              f"Section {on_device.section or '—'} says {item.label.lower()} stays on your device "
                              "and never reaches the vendor, so it cannot be used this way.")
        if direct:
            base = self._from_direct(category, use, direct)
            note = f"{item.label} is named directly. "
        else:
            base = self._by_category(category, use)
            if use is Use.AI_TRAINING_THIRD_PARTY and item.id in PRIVATE_COMMUNICATION_ITEMS | SPECIAL_CATEGORY_ITEMS:
                base = self.reading.answers.get(NON_PUBLIC_THIRD_PARTY, base)
            term, named_in_definition = self._category_term(item, category)
            named = f"“{term}”" if term else f"{category.value} data"
            note = f"{item.label} falls under {named}, so it inherits what the document says of it. "
            if term and base.evidence:
                # Show the definition that puts the item in the category. A usage item the definition
                # does not name ("who you talk to" under telemetry) is only probably covered.
                definition = self.reading.definition_evidence(term)
                evidence = base.evidence
                if definition and all(e.start != definition.start for e in evidence):
                    evidence = (definition, *evidence)
                verdict = base.verdict
                if verdict is Verdict.YES and not named_in_definition and item.family is ItemFamily.USAGE:
                    verdict = Verdict.LIKELY
                base = Answer(base.question, verdict, base.condition, base.confidence, evidence, base.explanation)
            # (on an AI assistant, the chats are the content itself)
            if (item.id in PRIVATE_COMMUNICATION_ITEMS and use in (Use.AI_TRAINING, Use.MARKETING)
                    and base.verdict is Verdict.YES
                    and not named_in_definition and not self.reading.ai_service
                    and not any(has(_PRIVATE_WORDS, e.quote) for e in base.evidence)):
                base = Answer(base.question, Verdict.LIKELY, base.condition, base.confidence * 0.8, base.evidence,
                              base.explanation + f" The clause does not name {item.label.lower()}, private "
                                                 "communications, so they are probably but not certainly included.")
            if item.id in SPECIAL_CATEGORY_ITEMS and use is Use.AI_TRAINING and base.verdict in (
                    Verdict.YES, Verdict.LIKELY) and not named_in_definition:
                # Biometric data is a special category (GDPR art. 9, BIPA): it needs its own consent and is rarely
                # swept into "your content". A training clause that never names it leaves it open.
                base = Answer(base.question, Verdict.UNCLEAR, base.condition, base.confidence * 0.6, base.evidence,
                              base.explanation + f" The clause never names {item.label.lower()}, a special category "
                                                 "of data that needs its own legal basis, so whether it is included "
                                                 "is unclear.")
        explanation = base.explanation if base.explanation == "no terms text found" else note + base.explanation
        return ItemAnswer(item.id, use.value, base.verdict, base.condition, base.confidence, base.evidence,
                          explanation)

    def all(self) -> tuple[ItemAnswer, ...]:
        """Every item × use, in vocabulary order."""
        return tuple(self.answer(item.id, use) for item in DATA_ITEMS for use in Use)
