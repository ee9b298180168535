"""Data categories and the document's own defined terms.

Terms are drafted with defined terms ("Customer Content", "Service Generated Data", "Inputs"); a
statement about a defined term is a statement about every kind of data the definition covers. This
module finds the defined terms (from segmentation and from the usual drafting patterns: "X" means,
(collectively, "X"), referred to as "X") and says which data categories each one covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from termlens.analysis.condition_words import DEIDENTIFIED
from termlens.domain.model import DocumentStructure


class Category(StrEnum):
    """The kinds of data the questions distinguish."""

    CONTENT = "content"
    USAGE = "usage"
    AI_IO = "ai_io"
    ACCOUNT = "account"
    PERSONAL = "personal"  # "personal data" / "your information": may cover any of the above
    AI_IO_BROAD = "ai_io_broad"  # a content term whose definition also sweeps in outputs or transcripts


_I = re.IGNORECASE

CATEGORY_CUES: dict[Category, re.Pattern[str]] = {
    Category.CONTENT: re.compile(
        r"\b(?:(?:user|customer|your|member|creator) (?:content|input|materials?|submissions?|data|reviews?)|"
        # Content shown to the user ("personalize content and ads", "sponsored content", "content delivery
        # networks") is not content the user provides.
        # (the lookbehinds run only once "content" has matched, which keeps the pattern fast)
        r"content(?<!sponsored content)(?<!promotional content)(?<!commercial content)(?<!advertising content)"
        r"(?<!marketing content)(?<!personalized content)(?<!personalised content)(?<!personalize content)"
        r"(?<!personalise content)(?<!relevant content)(?<!recommend content)(?<!recommended content)"
        r"(?<!recommending content)(?<!suggested content)"
        r"(?! delivery| providers?| recommendations?| and (?:ads|advertis)| or (?:ads|advertis))|"
        r"uploads?|uploaded|submissions?|messages?|files?|attachments?|posts?|chats?|"
        # "When you contribute UGC" (user-generated content); "By submitting material to the Site"
        r"ugc|(?:submit|upload|post)(?:ting|ing)? (?:any )?materials?|"
        # "Anything you post may be used by Acme for any purpose"
        r"anything (?:that )?you (?:post|upload|submit|share|create|publish)|"
        # "video-call quality metrics", "audio bitrate": measurements of a call, not what was said in it
        r"(?:audio|video)(?![- ]call (?:quality|metrics|duration|logs)\b|[- ](?:quality|metrics|duration|resolution|"
        r"bitrate)\b)|"
        r"communications content|"
        r"(?:text|voice|audio|image) data|"
        r"what you (?:write|type|post|upload|say|create)|"
        # "your Projects", "your boards", "your journal entries": what the user makes on the service
        r"your (?:\w+ )?(?:projects|boards|designs|creations|artworks?|repositories|notes|entries|notebooks|"
        r"datasets)|"
        # "the contents of your notebooks", "public notebooks": what users keep or publish on the service
        r"contents? of your (?:\w+ ){0,2}?(?:notebooks?|datasets?|workspaces?|drives?|accounts?|libraries|vaults?)|"
        r"public (?:notebooks|datasets|projects|galleries|portfolios)|"
        r"conversations?|photos?|images?|recordings?|transcripts?|documents|comments|contributions|"
        r"contenus?|publications?|photos|comment|"
        # "any text that you add in a comment", "boards you create": what the user writes is content
        r"(?:text|words|things|works?|content|posts|projects?|creations?|designs?|materials?) (?:that )?you (?:create|"
        r"add|write|post|upload|type|share|make public|publish|build|make|submit|compose))\b",
        _I,
    ),
    Category.USAGE: re.compile(
        # ("Use Data" the category, not "we use data to …")
        r"\b(?:usage (?:data|information)|use data(?! to\b| for\b)|"
        r"telemetry|diagnostic\w*|service[- ]generated|log (?:data|"
        r"files?|information)|logs|technical (?:data|information)|device (?:data|information)|"
        r"analytics (?:data|information)|metadata|interaction data|information about (?:your|how you) use|"
        r"(?:information|data|records|statistics) (?:generated )?(?:by or )?(?:about|on|relating to|regarding|"
        r"concerning|derived from) (?:your |the )?use (?:and operation )?of|behaviou?ral data|"
        # "compiled from Customer Data and from Patients' use of the Services": what the use itself leaves behind
        r"from (?:your |the |(?:\w+['’]s?) )?use of (?:the|our) (?:Services?|platform|apps?|products?|website)|"
        r"(?:statistics|records|data) (?:about|of) how (?:the|our) (?:apps?|services?|platforms?|products?) "
        r"(?:is|are) used|product analytics|"
        r"usage (?:metrics|statistics)|(?:service|product|performance|operational) metrics|"
        r"(?:listening|viewing|watch|search|streaming|playback) (?:history|statistics)|"
        r"how (?:you|people|users|customers|members|organi[sz]ations|end users) (?:use|interact|engage|make use of)|"
        r"product usage|"
        # "based on your onsite and offsite activity", "your navigation on the site": what the user does there
        r"your (?:on|off)-?site (?:and (?:on|off)-?site )?activity|your navigation (?:on|of|through)|"
        r"feature (?:usage|adoption)|"
        r"error (?:reports|rates)|"
        r"performance data|"
        r"crash reports?|historical (?:use|usage)|"
        # "your acceptance or rejection of suggestions": what the user does with the product's output
        r"(?:acceptance|rejection|dismissal)s? (?:or (?:rejection|dismissal) )?of (?:\w+ )?suggestions|"
        r"données (?:d['’]utilisation|d['’]usage|techniques|de navigation)|journaux)\b",
        _I,
    ),
    Category.AI_IO: re.compile(
        # "follow the prompts on the Account page" are on-screen instructions, not what the user asks an AI
        r"\b(?:(?<!following the )(?<!follow the )(?<!on-screen )(?<!on screen )prompts?(?! on (?:the|your) (?:\w+ )?"
        r"(?:page|screen))|outputs?|(?<!user[ -])generated (?:content|text|images?|responses?)|completions?|responses|"
        r"inputs? (?:to|into|you provide to) (?:the |our )?(?:AI|assistant|models?|chatbot|features?)|"
        r"(?:your|user|customer) inputs?|"
        r"(?:AI|assistant|chatbot)[- ](?:interactions|conversations|chats|features?)|"
        r"(?:conversations?|interactions?|chats?) with (?:\w+ ){0,2}?"
        r"(?:AIs?|assistants?|chatbots?|models?|generative)\b|"
        # "the conversations you have with Acme Chat", "your chats with Acme": talking to a named product
        r"(?:conversations?|chats?) (?:you have |you hold )?with (?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+)?\b(?! "
        r"(?:support|team|staff|employees|agents|representatives|users|members|friends|businesses))|"
        r"queries|"
        r"AI[- ]generated|summaries|r[ée]sultats|requ[eê]tes)\b",
        _I,
    ),
    Category.ACCOUNT: re.compile(
        r"\b(?:account (?:data|information|details)|contact (?:data|information|details)|"
        r"profile (?:data|information|photo|picture)|e-?mail address|phone number|billing information)\b",
        _I,
    ),
    Category.PERSONAL: re.compile(
        r"\b(?:personal (?:data|information)|your (?:data|information)|information (?:you provide|we collect|"
        r"about you)|(?:what |the )?data (?:that )?we (?:collect|use) (?:about you|to personali[sz]e)|user data|"
        r"customer data|données(?: personnelles| à caractère personnel)?|"
        r"informations (?:personnelles|vous concernant)|vos (?:informations|donn[ée]es))\b",
        _I,
    ),
}

# What a defined term's own name says about it, checked before its definition's wording.
_AI_MEANING = re.compile(r"\b(?:AI|artificial intelligence|models?|generated|generative|assistant|chatbot|"
                         r"prompts?|responses?)\b", _I)
# Only a term whose own name says it is data ("Customer Content", "Service Generated Data", "Inputs")
# is a data category; "Members", "Websites" or "Organization" are not, whatever their definition says.
_DATA_NAME = re.compile(
    r"\b(?:content|data|information|inputs?|outputs?|prompts?|materials?|submissions?|posts?|messages?|files?|"
    r"uploads?|communications|telemetry|usage|logs?|metadata|recordings?|transcripts?|contenus?|donn[ée]es|"
    r"informations|interactions|activity|"
    # what users make on a service: "Customer Code", "Source Photos", "Creations", "Renders"
    # (a bare "Code" is as often a gift code, and "Documents" the legal ones)
    r"(?:source|customer|user|member|your|journal) (?:code|documents|notes|entries)|photos?|images?|videos?|"
    r"creations|generations|renders|repositories|snippets)\b",
    _I)
# A definition that sweeps in "your user data" or "information you provide" may cover content too.
_USER_DATA = re.compile(r"\b(?:(?:your )?user data|your data|information (?:that )?you provide|content you)\b", _I)
_NAME_CUES: tuple[tuple[re.Pattern[str], frozenset[Category]], ...] = (
    (re.compile(r"\b(?:prompts?|completions?)\b", _I), frozenset({Category.AI_IO})),
    (re.compile(r"\boutputs?\b", _I), frozenset({Category.AI_IO})),
    (re.compile(r"\binputs?\b", _I), frozenset({Category.CONTENT, Category.AI_IO})),
    (re.compile(r"\b(?:usage|telemetry|diagnostic|generated data|log|technical|device|metadata|analytics|"
                r"services? data)\b", _I), frozenset({Category.USAGE})),
    (re.compile(r"\b(?:content|submissions?|materials?|posts?|messages?|files?|uploads?|communications|"
                r"recordings?|transcripts?|contenus?)\b", _I),
     frozenset({Category.CONTENT})),
    (re.compile(r"\b(?:account|contact|profile)\b", _I), frozenset({Category.ACCOUNT})),
    (re.compile(r"\b(?:personal|information|data)\b", _I), frozenset({Category.PERSONAL})),
)
# "other than Customer Content", "does not include telemetry": words that define by exclusion.
_YOU_PROVIDE = re.compile(r"\byou (?:provide|submit|upload|post|give)\b", _I)
_CARVED_OUT_LEAD = re.compile(r"\b(?:does|do|shall|will) not include\b", _I)
_EXCLUDED_PART = re.compile(r"\b(?:other than|excluding|except|does not include|not including)\s+[^,;.()]{0,80}",
                            _I)

_QUOTE = "\"“”'‘’"
# ("Customer Content"), (collectively, “**Customer Input**”), (the "Services")
_PAREN_TERM = re.compile(
    r"\((?:[^()]{0,80}?,\s*)?(?:collectively|together|hereinafter|the|each|individually)?[^()\"“]{0,40}?"
    r"[" + _QUOTE + r"]\**([A-Z][\w’'\- ]{1,50}?)\**[" + _QUOTE + r"]\s*\)"
)
# "Service Generated Data" means / “Inputs” refers to / referred to as "Output"
_MEANS_TERM = re.compile(
    r"[" + _QUOTE + r"]\**([A-Z][\w’'\- ]{1,50}?)\**[" + _QUOTE + r"]\s*(?:means|refers to|includes|shall mean|"
    r"désigne)\b"
)
_REFERRED_TERM = re.compile(
    r"\b(?:referred to as|known as|called|hereinafter|collectively|together|jointly)\s+(?:the\s+)?["
    + _QUOTE + r"]\**([A-Z][\w’'\- ]{1,50}?)"
    r"\**[" + _QUOTE + r"]"
)


_NOT_TERMS = frozenset({"we", "us", "our", "you", "your", "the", "this", "these", "they", "services", "service"})


@dataclass(frozen=True)
class DefinedTerm:
    """A defined term, where it is defined, and the data categories it covers."""

    term: str
    categories: frozenset[Category]
    start: int
    end: int


# Content shown *to* the user (ads, recommendations) is not the user's content.
_SHOWN_TO_YOU = re.compile(
    r"\bpublicly available (?:information|content|data)|\b(?:information|data|content) (?:from|that is freely)"
    r" (?:other|public|third[- ]party|openly)\b[\w -]{0,30}|\bdata from third[- ]party partners\b|"
    r"\bcontent (?:that is |that we |we )?(?:present|show|display|serv|recommend|deliver)\w* to you\b|"
    r"\bcontent (?:you|that you) (?:see|view|watch)\b|"
    r"\b(?:show|present|recommend|display|serve)\w* you (?:\w+ ){0,2}?content\b|"
    r"\b(?:view|click on|interact with|engage with|watch)\w* (?:\w+ ){0,2}?content\b|"
    # "ads and other content", "content targeted to your interests", "content we show users": what is shown
    r"\b(?:advertis\w+|ads)(?:,| and| or)(?: other)? (?:\w+ )?content\b|"
    r"\bcontent (?:\w+ )?(?:targeted|tailored|personali[sz]ed|relevant) to (?:you|your|users)\b|"
    r"\bcontent (?:that )?we (?:show|display|present|recommend|serve|deliver)\w* (?:to )?(?:you|users|people|them)\b|"
    r"\b(?:popularity|performance|effectiveness) of (?:\w+ ){0,2}?content\b|"
    # "content moderation", "sponsored content", "a video ad": the word qualifies something else
    r"\bcontent (?:moderation|polic(?:y|ies)|guidelines|standards|rules|recommendations?|feeds?)\b|"
    r"\b(?:sponsored|commercial|promotional|branded) content\b|\b(?:video|audio|image|photo) ads?\b|"
    # "to develop and improve our products and AI features": the features are the purpose, not the data
    r"\b(?:develop|improv|build|enhanc|train)\w* (?:\w+ ){0,5}?(?:AI|assistant)[- ]features?\b", _I)

# (every alternative above holds one of these words; most sentences hold none of them)
_SHOWN_HINTS = ("content", "data", "information", " ad", "feature")

# "Any of the data described above (but not User Content)": the data named after the carve-out is left out.
_CARVED_OUT = re.compile(r"\b(?:but not|except(?: for)?|excluding|other than|not including|does not include)\s+"
                         r"(?:any |your |the |such )?[\w’'-]+(?: [\w’'-]+){0,2}", _I)


def without_carve_outs(text: str) -> str:
    """The text with the data it carves out ("but not User Content") removed."""
    return _CARVED_OUT.sub(" ", text) if any(w in text for w in ("but not", "xcept", "xcluding", "other than",
                                                                   "not includ")) else text


# "any suggestions, comments, improvements, ideas or other feedback": feedback about the service, not content the user
# keeps on it (a clause that licenses it licenses the feedback).
_FEEDBACK_WORDS = r"(?:questions|comments|suggestions|ideas|improvements|feedback|recommendations|proposals|requests)"
_FEEDBACK_LIST = re.compile(
    r"\b" + _FEEDBACK_WORDS + r"(?:,? (?:or |and )?(?:other |any )?" + _FEEDBACK_WORDS + r"){1,6}\b", _I)


@lru_cache(maxsize=50_000)
def categories_in(text: str) -> frozenset[Category]:
    """The data categories a piece of text names by its ordinary words."""
    text = without_carve_outs(text)
    low = text.lower()
    if any(w in low for w in _SHOWN_HINTS):
        text = _SHOWN_TO_YOU.sub(" ", text)
    if "feedback" in low or "suggestion" in low or "ideas" in low:
        text = _FEEDBACK_LIST.sub(" ", text)
    return frozenset(c for c, rx in CATEGORY_CUES.items() if rx.search(text))


def categorise_term(term: str, meaning: str) -> frozenset[Category]:
    """The categories a defined term covers: from its name first, else from its definition."""
    if not _DATA_NAME.search(term):
        # 'you provide us with things like your files, content, messages, contacts ("Your Stuff")': what the user
        # provides, by whatever name
        kept = _EXCLUDED_PART.sub(" ", meaning)
        yours = term.lower().startswith("your ") and _YOU_PROVIDE.search(kept) and \
            CATEGORY_CUES[Category.CONTENT].search(kept)
        return frozenset({Category.CONTENT}) if yours else frozenset()
    carved = _CARVED_OUT_LEAD.search(meaning)
    if carved and term in meaning[carved.end():]:
        # "Your Content does not include … data derived from the use of the platform (collectively, "Platform
        # Data")": the term sums up what is carved out, not the category it is carved out of
        meaning = meaning[carved.end():]
    meaning = _EXCLUDED_PART.sub(" ", meaning)
    for rx, cats in _NAME_CUES[:-1]:
        if rx.search(term):
            if Category.AI_IO in cats and not _AI_MEANING.search(meaning):
                # "Customer Input" of a meetings service is content, not prompts to an AI feature.
                return (cats - {Category.AI_IO}) | {Category.CONTENT, Category.AI_IO_BROAD}
            if cats == {Category.CONTENT} and CATEGORY_CUES[Category.AI_IO].search(meaning):
                return cats | {Category.AI_IO_BROAD}
            return cats
    found = categories_in(meaning[:400])
    if not _USER_DATA.search(meaning[:400]):
        found -= {Category.PERSONAL}
    return found or frozenset({Category.PERSONAL})


def _meaning_before(text: str, at: int) -> str:
    """The words a parenthetical definition sums up: the clause just before it."""
    window = text[max(0, at - 400):at]
    cut = max(window.rfind(". "), window.rfind("; "))
    return window[cut + 1:] if cut >= 0 else window


_INCLUDING_AFTER = re.compile(r",?\s*(?:including|such as|which includes?)\b[^.;()]{0,200}", _I)


def sums_up_deidentified(term: str, definition: str) -> bool:
    """A term that names data its definition calls de-identified: the words just before the quoted term (or after
    "does not include") begin with "non-personally identifiable", "aggregated", "anonymised" …"""
    at = max(definition.find(f"“{term}”"), definition.find(f'"{term}"'))
    if at <= 0:
        return False
    clause = _meaning_before(definition, at)
    carved = _CARVED_OUT_LEAD.search(clause)
    head = (clause[carved.end():] if carved else clause).lstrip(" ,:(")[:60]
    return bool(DEIDENTIFIED.search(head)) and head.lower().startswith(
        ("non", "de-", "deid", "aggregat", "anonym", "pseudonym"))


def find_defined_terms(structure: DocumentStructure) -> dict[str, DefinedTerm]:
    """Every defined term of the document with the categories it covers (first definition wins)."""
    found: dict[str, DefinedTerm] = {}

    def add(term: str, meaning: str, start: int, end: int) -> None:
        term = term.strip(" *")
        if len(term) < 3 or term in found or not term[0].isupper() or term.lower() in _NOT_TERMS:
            return
        cats = categorise_term(term, meaning)
        if not cats:
            return
        # "Inputs and Outputs together are Customer Content": a term made of other terms covers theirs.
        parts = [d.categories for t, d in found.items() if t in meaning and t != term]
        if parts and not cats & {Category.USAGE}:
            cats = cats.union(*parts) - {Category.PERSONAL}
            if Category.AI_IO in cats and Category.AI_IO_BROAD in cats:
                cats -= {Category.AI_IO_BROAD}
        if cats:
            found[term] = DefinedTerm(term, cats, start, end)

    for definition in structure.definitions:
        if len(definition.meaning) > 600:
            continue
        add(definition.term, definition.meaning, definition.start, definition.end)
    for sentence in structure.sentences:
        text = sentence.text
        if len(text) > 20_000 or not any(q in text for q in _QUOTE):
            continue
        for m in _PAREN_TERM.finditer(text):
            # 'information you provide ("Content"), including your prompts and files': the list after it counts too
            after = _INCLUDING_AFTER.match(text, m.end())
            add(m.group(1), _meaning_before(text, m.start()) + m.group(0) + (after.group(0) if after else ""),
                sentence.start, sentence.end)
        for m in _MEANS_TERM.finditer(text):
            add(m.group(1), text[m.end():m.end() + 400], sentence.start, sentence.end)
        for m in _REFERRED_TERM.finditer(text):
            add(m.group(1), _meaning_before(text, m.start()), sentence.start, sentence.end)
    # An "Input" / "Output" pair is the drafting of an AI service: both are AI inputs and outputs.
    names = " ".join(found).lower()
    if "input" in names and "output" in names:
        for term, defined in list(found.items()):
            if re.search(r"\b(?:inputs?|outputs?)\b", term, _I):
                cats = (defined.categories - {Category.AI_IO_BROAD}) | {Category.AI_IO}
                found[term] = DefinedTerm(term, cats, defined.start, defined.end)
        for term, defined in list(found.items()):
            if Category.AI_IO_BROAD in defined.categories and any(
                    t in structure.text[defined.start:defined.end] for t in found if re.search(r"put", t)):
                found[term] = DefinedTerm(term, (defined.categories - {Category.AI_IO_BROAD}) | {Category.AI_IO},
                                          defined.start, defined.end)
    return found


def term_categories(text: str, terms: dict[str, DefinedTerm]) -> tuple[frozenset[Category], tuple[str, ...]]:
    """Categories named in a sentence through defined terms, and the terms that named them."""
    cats: set[Category] = set()
    used: list[str] = []
    for term, defined in terms.items():
        # ("Creations" defined, "any published Creation" used: one of them)
        if term in text or (term.endswith("s") and len(term) > 4 and term[:-1] in text
                            and re.search(r"\b" + re.escape(term[:-1]) + r"\b", text)):
            cats |= defined.categories
            used.append(term)
    return frozenset(cats), tuple(used)
