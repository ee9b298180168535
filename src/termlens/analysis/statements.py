"""Statement extraction: what one sentence says about data use.

Each sentence is read once into a :class:`Cues` record (AI training? negated? which conditions,
actors, licence breadth, ownership…). The record depends only on the sentence text and the analyzer
version, so it is cached: re-analysing the 50 versions of one document mostly hits the cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import Pattern, rx
from termlens.analysis.terms import Category, categories_in
from termlens.domain.vocabulary import Condition

# Longer "sentences" (a whole document on one line) are read by their head only: a real clause is
# never this long, and bounded work keeps pathological input fast.
MAX_SENTENCE_CHARS = 6000


@dataclass(frozen=True)
class Cues:
    """What the words of one sentence signal, before document context is applied."""

    ai_training: bool
    ai_development: bool  # "to develop and improve AI features": AI named, training not
    improve: bool
    their_services: bool  # "to develop their services": a recipient's own purposes
    marketing_use: bool
    marketing_negated: bool
    heading_only: bool
    negated: bool
    user_restriction: bool
    notwithstanding: bool
    closed_list: bool
    conditions: frozenset[Condition]
    third_party: bool
    third_party_models: bool
    service_providers: bool
    limited_sharing: bool  # recipients who act "on our behalf" / "only for the limited purposes described"
    made_available: bool  # content handed to other organisations ("via our API", "a data dump", "a firehose")
    confidential: bool  # "Customer Content is Customer's Confidential Information"
    sealed: bool  # end-to-end encrypted so that the vendor itself cannot read it
    licence: bool
    licence_broad: bool
    ownership: bool
    user_owns: bool
    disclaims: bool  # "we disclaim any rights to your content"
    marketing: bool
    sale: bool
    withheld: bool  # "will not be passed to any other organization": the data is not handed to others at all
    control: bool
    categories: frozenset[Category]

    @property
    def relevant(self) -> bool:
        """Whether the sentence can bear on any question at all."""
        return not self.heading_only and (
            self.ai_training or self.ai_development or self.licence or self.ownership or self.marketing
            or self.sale or self.improve or self.closed_list or self.their_services or self.user_owns
            or self.disclaims or self.limited_sharing or self.confidential or self.made_available or self.sealed
            or self.withheld
        )


_CLAUSE_WORDS = rx(
    r"\b(?:we|you|is|are|isn['’]t|aren['’]t|may|will|do|does|can|uses?|used|sells?|sold|shares?|shared|trains?|"
    # "Acme retains ownership of all analytics data.": a short sentence, not a heading
    r"owns|retains|belongs|shall|must|grants|licenses|collects|"
    r"nous|vous)\b")


_LINK = rx(r"\[([^\]]*)\]\([^)]*\)", 0)


def _heading_only(text: str) -> bool:
    """A heading, a table-of-contents entry or a bare link: no statement to read."""
    bare = re.sub(r"[|#*_>\[\]]|[-=]{3,}", " ", _LINK.sub(r"\1", text[:400]))
    return len(bare.split()) < 8 and not _CLAUSE_WORDS.search(bare)


def _closed_list(text: str) -> bool:
    """A closed list of permitted uses: "will not … except (a) … (b) …", "only to provide the Services",
    "only on the customer's instructions"."""
    return ((bool(lx.NOT_EXCEPT.search(lx.without_false_negations(text))) and not _DEFERS_TO_POLICY.search(text))
            or bool(lx.ON_INSTRUCTIONS.search(text))
            or (bool(lx.CLOSED_LIST.search(text)) and bool(lx.OPERATE_WORDS.search(text))))


# "does not disclose personally-identifying information to third parties except in accordance with our Privacy
# Policy": the exceptions live in another document, so this one lists nothing.
_DEFERS_TO_POLICY = rx(r"\bexcept (?:as (?:described|set out|explained|provided) in|in accordance with) "
                       r"(?:our|the|its) \[?(?:\w+ )?(?:privacy|data) (?:policy|statement|notice)")


def _negated(text: str) -> bool:
    """A real negation of the statement, not "including but not limited to" or "if you do not want"."""
    # A quoted button or setting label ("clicking on “do not train on my content”") names a control, it is
    # not the vendor's statement.
    cleaned = lx.without_false_negations(_QUOTED_LABEL.sub(" ", text))
    if ", for " in cleaned or ", e.g." in cleaned or ", in particular" in cleaned:
        cleaned = _ASIDE.sub(" ", cleaned)
    return bool(lx.NEGATED_USE.search(cleaned)) or ("not to" in text and bool(lx.VENDOR_PROMISES_NOT_TO.search(text))) \
        or (("othing" in text or "the case that" in text) and bool(lx.NOTHING_PERMITS.search(text)))


_RECIPIENTS_OWN_MARKETING = rx(r"\bfor (?:their|its) own (?:\w+ )?(?:marketing|advertising|promotional)\b")


# An aside between the negation and its verb: "we will not, for example, sell your Content"
_ASIDE = rx(r",\s*(?:for example|for instance|e\.g\.|in particular),\s*")


# (a label has several words; a single quoted word is a term of art: Acme does not "sell" personal information)
_QUOTED_LABEL = rx(r"[“\"](?=[^”\"]{0,60}\s\w)[^”\"]{1,60}[”\"]|‘(?=[^’]{0,60}\s\w)[^’]{1,60}’", 0)


_SETTINGS_PLACE = rx(r"\b(?:data controls?|(?:privacy|account|your) settings?|in (?:your |the )?settings|"
                     # withdrawing a consent given is how an opt-in is undone
                     r"withdraw\w* (?:your |their |that |this |the )?consent)\b")
# The user's own hand on the switch ("you can turn off", "if you opt out"), not only an administrator's.
_USER_SWITCHES = rx(r"\byou(?:r)? (?:\w+ ){0,3}?(?:opt|turn|switch|disabl|chang|adjust|object|withdraw|"
                    r"decline|choose|control|settings?|enabl|activat|join|enrol)\w*")


# "… any personal data of consumers, including of any consumer that we know is under 18": minors as well, not only
_MINORS_TOO = rx(r"\b(?:including|even|also|as well as)\b[^.;]{0,60}?\b(?:under|minors?|children|teens?)\b")


_ADMIN_SWITCHES = rx(
    r"\b(?:administrators?|admins?|owners?) (?:\w+ ){0,2}?(?:opt|turn|switch|enabl|activat)\w*")


def admin_switch_only(text: str) -> bool:
    """Whether the switch a sentence names is an administrator's alone ("unless the Team Owner switches on …")."""
    return bool(_ADMIN_SWITCHES.search(text)) and not _USER_SWITCHES.search(text)


def _conditions(text: str) -> frozenset[Condition]:
    found: set[Condition] = set()
    low = text.lower()
    if lx.OPT_IN.search(text):
        found.add(Condition.OPT_IN)
    # ("unless you turn on 'Help improve' in Settings > Data Controls": where the switch lives is not a way out)
    way_out = Condition.OPT_IN not in found or lx.OPT_OUT.search(_SETTINGS_PLACE.sub(" ", text))
    if lx.OPT_OUT.search(text) and way_out and not ("opt" in low and lx.NO_WAY_OUT.search(text)):
        found.add(Condition.OPT_OUT)
    if any(h in low for h in ("admin", "owner", "employer", "organi")) and lx.ADMIN.search(text):
        found.add(Condition.ADMIN)
        if Condition.OPT_OUT in found and not _USER_SWITCHES.search(text):
            found.discard(Condition.OPT_OUT)  # "unless a Workspace Administrator disables …": the admin's switch
    if lx.PLAN.search(text):
        found.add(Condition.PLAN)
    if lx.REGION.search(text):
        found.add(Condition.REGION)
    if any(h in low for h in ("identif", "aggregat", "anonym", "pseudonym", "personal", "agr")) and \
            lx.DEIDENTIFIED.search(text):
        found.add(Condition.DEIDENTIFIED)
    if lx.OPTED_OUT_THEN_NOT.search(text):
        found.add(Condition.OPT_OUT)
    return frozenset(found)


_GATE_WORDS = (
    "train", "model", "learn", "intellig", "algorithm", "llm", "licenc", "licens", "own", "title", "propert", "market",
    "advertis", "promot", "sell", "sold", "monetiz", "improv", "develop", "enhanc", "only", "solely", "exclusiv",
    "limited", "restrict", "except", "other than", "research", "optimi", "build", "publicit", "vend", "propri",
    "apprentissage", "sponsor", "their services", "disclaim", "retain", "uniquement", "seulement", "sauf", "yours",
    "behalf", "necessary to", "need to know", "onfidential", "subscriber", "firehose", "data dump",
    "derivative rights", "belong", "campaign", "right to use", "right to host", "rights to your", "rights to use",
    # licences granted without the word: "you authorize Acme to reproduce", "Acme may use, copy and distribute"
    "authori", "consent to", "assign", "reproduc", "distribut", "be used", "any purpose", "any manner",
    "without restriction", "newsletter", "social media", "social-media", "homepage",
)
# (the rest need word boundaries or accents; a plain substring test rules out most sentences far faster than one
# long case-insensitive alternation)
_GATE = rx(
    # data rented out ("rent … member name and address information"), not films rented by the user ("rent or buy
    # movies"); the word needs its boundary ("current", "parent" and "different" hold it)
    r"\bA\.?I\b|\bIA\b|\bads\b|\bsale|better\b|am[ée]lior|d[ée]velopp|entra[iî]n|"
    r"\brent(?:s|ed|ing)?\b[^.;]{0,80}?\b(?:information|data|lists?|address(?:es)?|names?)\b|"
    r"available (?:\w+ ){0,2}?(?:to|via|through)|"
    r"the following (?:limited )?(?:cases|circumstances|situations)|end[- ]to[- ]end|instructions?\b|"
    # "you grant Acme … the right to reproduce", "grant us permission to use": a grant by another name than licence
    r"\bgrant\w*\b[^.;]{0,80}?\b(?:rights?|permission)\b")


def _may_matter(text: str) -> bool:
    """Whether a sentence can matter at all (one cheap pass; payment, liability, disputes never reach the forty
    patterns below)."""
    low = text.lower()
    return any(w in low for w in _GATE_WORDS) or bool(_GATE.search(text)) or (
        # "Your contact information will not be passed to any other organization": a refusal to hand data over
        _any(low, ("not", "never", "n't", "n’t")) and bool(ck.NOT_HANDED_TO_OTHERS.search(text)))


def recipient_is_subject(text: str) -> bool:
    """Whether the words before the negation name a recipient, not the vendor: "Data sent to third-party
    AI providers is not used for training" (but not "We do not share your data with third parties")."""
    cleaned = lx.without_false_negations(text[:2000])
    found = lx.NEGATED_USE.search(cleaned)
    if found is None:
        return False
    before = cleaned[max(0, found.start() - 120):found.start()]
    return bool(lx.THIRD_PARTY.search(before) or lx.SERVICE_PROVIDERS.search(before)) and not ck.FIRST_PERSON.search(
        before) and not lx.VENDOR_SUBJECT.search(cleaned[:found.end() + 40])


_NOTHING = frozenset[Condition]()
# Cheap substring checks that rule a pattern out before the regex runs (most clauses have none of them).
_MARKETING_HINTS = ("market", "advertis", "ads", "promot", "sponsor", "publicit", "campaign", "newsletter",
                    "social media", "social-media", "homepage")
_OWNERSHIP_HINTS = ("own", "title", "propert", "belong", "retain", "assign", "propri", "appartien")
_SCOPED_HINTS = ("connect", "link", "integrat", "sync", "oauth", "api", "for example", "for instance")
_SALE_HINTS = ("sell", "sold", "sale", "rent", "monetiz", "licen", "share", "vend", "louons")


def _any(low: str, hints: tuple[str, ...]) -> bool:
    return any(h in low for h in hints)

_URL = rx(r"(?<=\])\([^)\s]{1,600}\)|\bhttps?://[^\s)\]]{1,600}", 0)


@lru_cache(maxsize=100_000)
def read_sentence(text: str) -> Cues:
    """The cues of one sentence (cached by text; the cache lives as long as the analyzer version)."""
    # Link targets ("…/personalized-ads-and-data/…") are addresses, not words of the clause.
    text = _URL.sub(" ", text[:MAX_SENTENCE_CHARS])
    if not _may_matter(text):
        return IRRELEVANT
    if text.rstrip(" *_#|").endswith("?") and len(text) < 300:
        return IRRELEVANT  # a question ("**Does Acme train AI on my files?**") asks; the answer after it states
    if "training" in text:
        text = lx.TRAINING_CARVED_OUT.sub(" ", text)
    if _any(text[:300].lower(), ("learn more", "know more", "find out more", "read more", "have published")) and \
            ck.POINTER.search(text):
        return IRRELEVANT  # "If you would like to learn more about our training methods, please refer to …"
    ai_words = bool(lx.AI_WORDS.search(text))
    train = bool(lx.TRAIN_WORDS.search(text))
    # "for … machine learning or artificial intelligence" names AI as a purpose even without "train".
    ai_purpose = bool(lx.AI_PURPOSE.search(text)) and bool(lx.AI_AS_PURPOSE.search(text))
    ai_training = (train and ai_words) or bool(lx.TRAIN_MODELS.search(text)) or ai_purpose
    ai_development = not ai_training and bool(lx.AI_DEVELOP.search(text))
    licence = bool(lx.LICENSE.search(text)) or lx.granted_otherwise(text)
    closed = _closed_list(text)
    third_party = bool(lx.THIRD_PARTY.search(text))
    service_providers = bool(lx.SERVICE_PROVIDERS.search(text))
    # "For the sole purpose of making your Content available, you grant … a licence to … prepare derivative
    # works": the purpose limit wins over the verbs; only perpetual / irrevocable / sublicensable terms
    # make such a licence broad.
    terms = lx.NOT_BROAD.sub(" ", text) if licence else ""
    licence_broad = licence and bool(lx.LICENSE_BREADTH.search(terms)) and (
        not closed or bool(lx.LICENSE_STRONG.search(terms)))
    low = text.lower()
    negated = _negated(text) and not lx.MINORS_ONLY.search(text) and not lx.OPTED_OUT_THEN_NOT.search(text)
    if negated and _any(low, _SCOPED_HINTS) and ck.SCOPED_SOURCE.search(text):
        # "If you connect a third-party service, we do not use it to train": a promise about that source only,
        # which says nothing of the user's data at large.
        return IRRELEVANT
    marketing = _any(low, _MARKETING_HINTS) and bool(lx.MARKETING.search(text))
    return Cues(
        ai_training=ai_training,
        ai_development=ai_development,
        improve=bool(lx.IMPROVE_SERVICES.search(text)),
        their_services=bool(lx.THEIR_SERVICES.search(text)),
        marketing_use=bool(lx.MARKETING_USE.search(text)),
        heading_only=_heading_only(text),
        negated=negated,
        user_restriction=bool(lx.USER_RESTRICTION.search(text)),
        notwithstanding=_any(low, ("notwithstanding", "despite", "nonobstant"))
        and bool(lx.NOTWITHSTANDING.search(text)),
        closed_list=closed,
        conditions=_conditions(text),
        third_party=third_party,
        third_party_models=(third_party or ai_words or ai_training) and bool(lx.THIRD_PARTY_MODELS.search(text)),
        service_providers=service_providers,
        limited_sharing=((third_party or service_providers) and bool(ck.LIMITED_SHARING.search(text)))
        or (_any(low, ("nstruction", "duties", "their services", "tell them", "from using"))
            and bool(ck.RECIPIENTS_BOUND.search(text)))
        or (_any(low, ("following", "limited")) and bool(ck.SHARING_CLOSED.search(text))),
        made_available=_any(low, ("available", "subscriber", "firehose", "dump", "derivative"))
        and bool(ck.MADE_AVAILABLE_TO_OTHERS.search(text)),
        confidential="onfidential" in text and bool(ck.CONFIDENTIAL.search(text)),
        sealed="ncrypt" in text and bool(ck.END_TO_END.search(text)),
        licence=licence,
        licence_broad=licence_broad,
        ownership=_any(low, _OWNERSHIP_HINTS) and bool(lx.OWNERSHIP.search(text)),
        user_owns=bool(lx.USER_OWNS.search(lx.IDENTITY_CHECK.sub(" ", text))),
        disclaims=_any(low, ("disclaim", "claim", "obtain", "acquire")) and bool(lx.DISCLAIMS.search(text)),
        marketing=marketing and bool(lx.MARKETING.search(lx.MARKETING_TO_USER.sub(" ", text))),
        # ("You can choose for us not to share your information … to personalise those ads" is a choice, not a ban)
        # ("we never show Teen Accounts ads based on their Content": a promise for minors, not for everyone)
        # ("If you do not want us to use personal information … to personalize advertisements, adjust your
        # preferences" offers a choice; "These vendors may not use your personal information for their own marketing
        # purposes" limits the recipients, not the vendor)
        marketing_negated=marketing and bool(lx.NEGATED_MARKETING.search(lx.without_false_negations(
            lx.CHOSEN_NOT_TO.sub(" ", text)))) and not (lx.MINORS_ONLY.search(text) and not _MINORS_TOO.search(text))
        and not _RECIPIENTS_OWN_MARKETING.search(text) and not recipient_is_subject(text),
        sale=_any(low, _SALE_HINTS) and bool(lx.SALE.search(text)),
        withheld=_any(low, ("not", "never", "n't", "n’t", "nor")) and bool(
            ck.NOT_HANDED_TO_OTHERS.search(lx.without_false_negations(text))),
        control=bool(lx.CONTROL_WORDS.search(text)),
        categories=categories_in(text),
    )


IRRELEVANT = Cues(
    ai_training=False, ai_development=False, improve=False, their_services=False, marketing_use=False,
    marketing_negated=False, heading_only=False, negated=False, user_restriction=False, notwithstanding=False,
    closed_list=False, conditions=_NOTHING, third_party=False, third_party_models=False, service_providers=False,
    limited_sharing=False, made_available=False, confidential=False, sealed=False,
    licence=False, licence_broad=False, ownership=False, user_owns=False, disclaims=False, marketing=False,
    sale=False, withheld=False,
    control=False, categories=frozenset(),
)


@lru_cache(maxsize=50_000)
def exception_conditions(text: str) -> frozenset[Condition]:
    """The conditions named after "except" / "unless" in a sentence (who the exclusion does not cover)."""
    found = lx.EXCEPT_WORDS.search(text[:MAX_SENTENCE_CHARS])
    # (from the word itself: "unless you turn on …" is how an opt-in is drafted)
    return _conditions(text[found.start():MAX_SENTENCE_CHARS]) if found else frozenset()


@lru_cache(maxsize=200_000)
def has(pattern: Pattern, text: str) -> bool:
    """Whether a pattern occurs in a sentence (cached like the sentence's other cues)."""
    return bool(pattern.search(text[:MAX_SENTENCE_CHARS]))


def cache_clear() -> None:
    """Forget every cached reading of sentence text (benchmarks measure cold and warm runs)."""
    read_sentence.cache_clear()
    has.cache_clear()
    exception_conditions.cache_clear()
    categories_in.cache_clear()
    lx.vendor_takes.cache_clear()
