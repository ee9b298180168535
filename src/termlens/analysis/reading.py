"""One document read sentence by sentence, with its defined terms applied.

A :class:`Reading` is what question answering works from: for every sentence that can bear on a
question, its cues plus the data categories it names directly or through defined terms.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.list_items import (
    LIST_ITEM,
    NO_OTHER_PURPOSE,
    closes_the_list,
    fragment,
    line_indent,
    row_conditions,
)
from termlens.analysis.statements import Cues, has, read_sentence
from termlens.analysis.terms import (
    Category,
    DefinedTerm,
    categories_in,
    find_defined_terms,
    sums_up_deidentified,
    term_categories,
    without_carve_outs,
)
from termlens.domain.model import Answer, DocumentStructure, Evidence, Sentence
from termlens.domain.vocabulary import Condition

_GRANT_OPENS_LIST = rx(r"\bgrant(?:s)? (?:to )?\S+ (?:a|an|the)?\s*:\s*$")


@dataclass(frozen=True)
class SentenceReading:
    """A relevant sentence with its cues and the categories it speaks of."""

    sentence: Sentence
    cues: Cues
    categories: frozenset[Category]
    terms: tuple[str, ...]
    section: str | None
    conditions: frozenset[Condition]  # the cues' conditions plus those carried by defined terms
    own: frozenset[Category]  # categories named in the sentence itself, not borrowed from its line or lead-in
    restricted: bool  # the user's own obligation ("you may not …"), also when inherited from a lead-in
    in_licence: bool  # a list item under "you grant us a licence to:"
    boxed: bool = False  # in a block quote: a plain-language summary or call-out beside the clause it restates
    lead: str = ""  # the lead-in whose use a list item continues ("To decide which ads to show you, we use:")

    @property
    def vendor_licence(self) -> bool:
        """A licence the vendor takes to the user's data (not one it gives the user)."""
        text = self.sentence.text
        return self.in_licence or (self.cues.licence and lx.vendor_takes(text)
                                   and not (has(lx.LICENCE_TO_USER, text) and not has(lx.VENDOR_TAKES, text)))

    @property
    def direct(self) -> bool:
        """Whether the sentence names specific data itself."""
        return bool(self.own - {Category.AI_IO_BROAD, Category.PERSONAL})

    def names(self, *wanted: Category) -> bool:
        """Whether the sentence speaks of any of the wanted categories."""
        return any(c in self.categories for c in wanted)


# The key under which Reading.answers keeps the third-party answer for data that is never public (private messages,
# biometrics): what the document says of content left open to the public does not reach them.
NON_PUBLIC_THIRD_PARTY = "train.content.third_party/non-public"


@dataclass(frozen=True)
class Reading:
    """The relevant sentences of one document, in order, and its defined terms."""

    structure: DocumentStructure
    sentences: tuple[SentenceReading, ...]
    terms: dict[str, DefinedTerm]
    ai_service: bool = False  # the service is an AI assistant: the user's content is its prompts and chats
    # Answers already worked out for this document (one question may rest on another's answer).
    answers: dict[str, Answer] = field(default_factory=dict, compare=False, repr=False)

    @property
    def has_text(self) -> bool:
        """False when there is no terms text at all (empty or whitespace-only input)."""
        return bool(self.structure.text.strip())

    def evidence(self, readings: Iterable[SentenceReading]) -> tuple[Evidence, ...]:
        """Verbatim quotes with offsets for the given sentences, in document order, no repeats (a document that
        holds two copies of its text is quoted once)."""
        text = self.structure.text
        seen: set[int | str] = set()
        quotes: list[Evidence] = []
        for r in sorted(readings, key=lambda x: x.sentence.start):
            s = r.sentence
            if s.start in seen or s.text in seen:
                continue
            seen.update((s.start, s.text))
            quotes.append(Evidence(quote=text[s.start:s.end], start=s.start, end=s.end, section=r.section))
        return tuple(quotes)

    def _sentence_at(self, offset: int) -> Sentence | None:
        sentences = self.structure.sentences
        i = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1 if sentences else -1
        return sentences[i] if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, offset + 1) else None

    def definition_evidence(self, term: str) -> Evidence | None:
        """The sentence that defines a term, as a quote."""
        defined = self.terms.get(term)
        s = self._sentence_at(defined.start) if defined else None
        return self.quote(s) if s is not None else None

    def quote(self, s: Sentence) -> Evidence:
        """One sentence of the document as a verbatim quote with its offsets and section."""
        return Evidence(self.structure.text[s.start:s.end], s.start, s.end, self.structure.section_number(s.section))

    def section_at(self, offset: int) -> str | None:
        """The section citation of the text at ``offset`` (a table cell, a definition)."""
        s = self._sentence_at(offset)
        return self.structure.section_number(s.section) if s else None

    def where_defined(self, term: str) -> str | None:
        """The section citation of the sentence that defines a term."""
        defined = self.terms.get(term)
        s = self._sentence_at(defined.start) if defined else None
        return self.structure.section_number(s.section) if s else None


def paragraph(text: str, start: int, end: int) -> str:
    """The line a sentence sits on (a table row, a paragraph), capped for pathological input."""
    left = text.rfind("\n", max(0, start - 3000), start)
    right = text.find("\n", end, end + 3000)
    return text[left + 1 if left >= 0 else max(0, start - 3000):right if right >= 0 else end + 3000]


# Table cells and <br>-joined list items arrive as one long "sentence"; each cell is read on its own.
_CELL_BREAK = rx(r"(?:\s*<br\s*/?>\s*)+|\s+\|\s+|\s*\|\s*\n\|?\s*", 0)


def _pieces(sentence: Sentence) -> list[Sentence]:
    text = sentence.text
    if len(text) < 200 or ("<br" not in text and "|" not in text):
        return [sentence]
    pieces = []
    at = 0
    for m in [*_CELL_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[at:end]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk.strip("|-: "):
            start = sentence.start + at + lead
            pieces.append(Sentence(sentence.index, start, start + len(chunk), sentence.section, chunk))
        at = m.end() if m else len(text)
    return pieces or [sentence]


def read_document(structure: DocumentStructure) -> Reading:
    """Read every sentence once (cached per sentence text) and keep those that matter.

    List items inherit from their lead-in ("We use Services Data to:", "You agree not to:", "you
    grant us a licence to:"), and a sentence naming no data borrows the data named on its line.
    """
    terms = find_defined_terms(structure)
    text_all = structure.text
    # "Designated Countries" defined as the EU, EEA and Switzerland makes any clause using it regional.
    region_terms = {t for t, d in terms.items() if lx.REGION.search(text_all[d.start:d.end])}
    # '… non-personally identifiable transaction data (collectively, "Platform Data")': de-identified by definition
    deidentified_terms = {t for t, d in terms.items() if sums_up_deidentified(t, text_all[d.start:d.end])}
    kept: list[SentenceReading] = []
    lead_cats: frozenset[Category] = frozenset()
    lead_restricts = lead_licence = False
    lead_section: int | None = None
    lead_purpose = ""  # a lead-in that states a use ("To decide which ads to show you, we use:")
    lead_use = ""  # a lead-in by which the vendor uses the user's information for the purposes listed under it
    lead_end: int | None = None  # where the lead-in ends
    # An item that itself ends in ":" ("2. For administrative purposes. We use personal information for …, such
    # as:") leads the items indented under it: (indent, section, categories, restricts, licence).
    sub_lead: tuple[int, int | None, frozenset[Category], bool, bool] | None = None
    for sentence, row in ((piece, whole) for whole in structure.sentences for piece in _pieces(whole)):
        text = sentence.text
        line_start = text_all.rfind("\n", 0, sentence.start) + 1
        # The paragraph right after a licence's lead-in continues it even without a list marker (plain text, or a
        # list whose markers were lost): "…granting Acme the following license:" + "A worldwide, transferable … right"
        is_item = bool(LIST_ITEM.match(text_all, line_start, line_start + 16)) or (
            lead_licence and lead_end is not None and sentence.section == lead_section
            and not text_all[lead_end:sentence.start].strip())
        indent = line_indent(text_all, line_start)
        if sub_lead is not None and (not is_item or indent <= sub_lead[0] or sentence.section != sub_lead[1]):
            sub_lead = None
        under = sub_lead
        cues = _faq_answer(structure, sentence) or _read_with_antecedent(structure, sentence)
        if is_item and text.rstrip().endswith(":"):
            cats, _ = term_categories(without_carve_outs(text), terms) if terms else (frozenset(), ())
            sub_lead = (indent, sentence.section, categories_in(text) | cats,
                        bool(has(lx.USER_RESTRICTION, text)) or bool(has(ck.RISK_CLAUSE, text)),
                        (cues.licence or bool(has(_GRANT_OPENS_LIST, text))) and bool(has(lx.VENDOR_TAKES, text)))
        # What an item reads under: its list's lead-in, and the item it is indented under.
        outer = is_item and sentence.section == lead_section
        item_cats = (lead_cats if outer else frozenset()) | (under[2] if under else frozenset())
        item_restricts = (outer and lead_restricts) or (under is not None and under[3])
        item_licence = (outer and lead_licence) or (under is not None and under[4])
        inherit = outer or under is not None
        if cues.heading_only and inherit and (item_cats or item_licence):
            # "7. Developing new products and services;" under "We use personal information for …, such as:" is a
            # purpose in a list, not a heading, however short
            cues = replace(cues, heading_only=False)
        continued = ""
        if outer and lead_use and cues.marketing and not cues.marketing_negated and fragment(text):
            # "We use the information we collect for Acme …, including: - to provide, personalise (including ads),
            # and improve …": the vendor's use of the information the lead-in names
            cues = read_sentence(f"{lead_use} {text}")
            continued = lead_use
        elif outer and lead_purpose and (not cues.relevant or has(_VENDOR_WILL_NOT, lead_purpose)) and \
                fragment(text):
            # "To decide which ads to show you, we use: - the topics of the posts you write": the item is what the
            # lead-in's use reaches, read with it
            cues = read_sentence(f"{lead_purpose} {text}")
            continued = lead_purpose
        if _is_heading(structure, sentence):
            continue  # a heading names a topic ("Data we use to train our models"); it states nothing
        opens_list = not is_item and text.rstrip().endswith(":")
        if not is_item:
            lead_cats, lead_restricts, lead_licence, lead_section = frozenset(), False, False, sentence.section
            lead_purpose = lead_use = ""
            lead_end = None
        if not cues.relevant and not opens_list:
            continue
        via_terms, used = term_categories(without_carve_outs(text), terms) if terms else (frozenset(), ())
        categories = cues.categories | via_terms
        closing = opens_list or ("other purpose" in text and has(NO_OTHER_PURPOSE, text))
        if closing and not cues.closed_list and closes_the_list(structure, sentence):
            cues = replace(cues, closed_list=True)
        if opens_list:
            lead_end = row.end
            lead_cats = categories_in(text) | via_terms
            # "You agree not to:" and "You represent and warrant that:" both open lists of the user's own promises
            lead_restricts = bool(has(lx.USER_RESTRICTION, text)) or bool(has(ck.RISK_CLAUSE, text))
            # "you grant to the vendor a:" followed by the licence's terms as list items
            lead_licence = (cues.licence or bool(has(_GRANT_OPENS_LIST, text))) and bool(has(lx.VENDOR_TAKES, text))
            lead_use = text if has(_WE_USE_INFORMATION, text) and not cues.negated else ""
            lead_purpose = text if ((cues.marketing or cues.ai_training) and not cues.negated) or has(
                _VENDOR_WILL_NOT, text) else ""
            if not cues.relevant:
                continue
        own = categories
        if inherit:
            categories |= item_cats | ({Category.CONTENT} if item_licence else set())
        if not categories - {Category.AI_IO_BROAD} and has(ck.LICENCE_ANAPHOR, text) and any(
                k.vendor_licence and Category.CONTENT in k.categories and k.sentence.section == sentence.section
                for k in kept[-3:]):
            # "The rights you grant in this licence are for the limited purpose of …": the licence's content
            categories |= {Category.CONTENT}
        if not categories - {Category.AI_IO_BROAD}:
            line = paragraph(text_all, sentence.start, sentence.end)
            line_terms, line_used = term_categories(line, terms) if terms else (frozenset(), ())
            categories |= categories_in(line) | line_terms
            used = used or line_used
        kept.append(
            SentenceReading(
                sentence=sentence,
                cues=cues,
                categories=categories,
                terms=used,
                section=structure.section_number(sentence.section),
                conditions=cues.conditions | ({Condition.REGION} if any(t in region_terms for t in used) else set())
                | ({Condition.DEIDENTIFIED} if any(t in deidentified_terms for t in used) else set())
                | row_conditions(sentence, row, cues.ai_training),
                own=own,
                restricted=cues.user_restriction or (inherit and item_restricts) or _risk_clause(text)
                or bool(has(ck.ABOUT_THE_DOCUMENT, text))
                # ("End-to-end encryption means that your messages are encrypted …" defines, and also commits)
                or (bool(has(ck.DEFINITION_SENTENCE, text)) and not cues.sealed),
                in_licence=inherit and item_licence,
                boxed=text_all.startswith(">", line_start) or text.lstrip().startswith(">"),
                lead=continued,
            )
        )
    return Reading(structure=structure, sentences=tuple(_with_follow_up_controls(structure, kept)), terms=terms,
                   ai_service=_ai_service(structure, terms))


# A short answer in a FAQ: "No.", "Nope.", "Yes, by default.", "Not unless you say so."
_SHORT_ANSWER = rx(r"^\W*(?:(yes)|no|nope|never|not unless|absolutely not|not at all)\b")


def _risk_clause(text: str) -> bool:
    """A warranty, indemnity or liability clause, unless it rides on a grant made first ("You hereby grant, and you
    represent and warrant that you have the right to grant, to Acme a … licence")."""
    risk = ck.RISK_CLAUSE.search(text)
    if risk is None:
        return False
    grant = lx.VENDOR_TAKES.search(text)
    return grant is None or grant.start() > risk.start()


def _faq_answer(structure: DocumentStructure, sentence: Sentence) -> Cues | None:
    """A short answer says what the question just before it asks, affirmed or denied ("**Do you train AI on my
    photos?** No."): read the two together."""
    found = _SHORT_ANSWER.match(sentence.text)
    if found is None or sentence.index == 0 or len(sentence.text.split()) > 12:
        return None
    question = structure.sentences[sentence.index - 1].text.strip(" *_#>")
    if not question.endswith("?"):
        return None
    cues = read_sentence(f"{question.rstrip('?')}. {sentence.text}")
    if not cues.relevant:
        return None
    return replace(cues, negated=found.group(1) is None, heading_only=False)


# "We will never:", "Provider shall not:": a list of what the vendor promises not to do, each item read with it.
# "we use the information we collect for Acme for the purposes described …, including:"
_WE_USE_INFORMATION = rx(r"\bwe (?:\w+ ){0,2}?use (?:the |your |this |such )?(?:[\w-]+ ){0,2}?(?:information|"
                         r"data)\b[^:]{0,200}(?:including|such as|to|for)\W*:\W*$")
_VENDOR_WILL_NOT = rx(r"^\W*(?:we|(?-i:[A-Z])[\w.&-]*(?: (?-i:[A-Z])[\w.&-]*){0,2}) (?:will|shall|do|does|"
                      r"agrees?|undertakes?|promises?)(?: to)? (?:not|never)\b[^:]{0,60}:\W*$")


# "We do not use your Content for these purposes": the purpose is the one the sentence before names.
_ANAPHORIC_PURPOSE = rx(r"\bfor (?:these|those|such|this|that) (?:purposes?|uses?)\b")


def _read_with_antecedent(structure: DocumentStructure, sentence: Sentence) -> Cues:
    """A sentence's cues, reading "for these purposes" as the advertising or AI training that the sentence before
    it describes."""
    text = sentence.text
    if ("purpose" not in text and " use" not in text) or sentence.index == 0:
        return read_sentence(text)
    found = _ANAPHORIC_PURPOSE.search(text)
    if found is None or len(text) > 400:
        return read_sentence(text)
    before = read_sentence(structure.sentences[sentence.index - 1].text)
    purpose = ("advertising" if before.marketing else "training artificial intelligence models"
               if before.ai_training else None)
    if purpose is None:
        return read_sentence(text)
    return read_sentence(text[:found.start()] + f"for {purpose}" + text[found.end():])


def _is_heading(structure: DocumentStructure, sentence: Sentence) -> bool:
    """A section heading read as a sentence: it sits before the section's body and ends without a full stop."""
    if sentence.section is None or sentence.text.rstrip(" *_").endswith((".", ":", ";", "!", "?")):
        return False
    return sentence.start < structure.sections[sentence.section].body_start


def _with_follow_up_controls(structure: DocumentStructure, kept: list[SentenceReading]) -> list[SentenceReading]:
    """A training statement followed by "If you don't want your data used in this way, change your settings"
    is a default use with an opt-out."""
    sentences = structure.sentences
    out = []
    for r in kept:
        if r.cues.ai_training and not r.cues.negated and not r.conditions & {Condition.OPT_OUT, Condition.OPT_IN}:
            for follower in sentences[r.sentence.index + 1:r.sentence.index + 5]:
                if follower.section != r.sentence.section:
                    break
                if has(ck.ANAPHORIC_CONTROL, follower.text) and has(lx.OPT_OUT, follower.text) and not has(
                        lx.NO_WAY_OUT, follower.text):
                    r = replace(r, conditions=r.conditions | {Condition.OPT_OUT})
                    break
        out.append(r)
    return out


def _ai_service(structure: DocumentStructure, terms: dict[str, DefinedTerm]) -> bool:
    """Whether the document is an AI assistant's: it defines prompts or outputs as data, keeps speaking of
    prompts, of Inputs and Outputs, or of its models. There the user's content *is* its prompts and chats."""
    if any(Category.AI_IO in d.categories for d in terms.values()):
        return True
    text = structure.text  # str.count only: no regex over the whole document
    # ("respond promptly" and "you may be prompted to sign in" are not prompts to an AI)
    prompts = sum(text.count(w) for w in ("prompt", "Prompt")) - sum(
        text.count(w) for w in ("promptly", "Promptly", "prompted", "Prompted", "promptness", "prompting"))
    # (or a model developer's policy: it keeps speaking of its models and takes prompts)
    if prompts >= 3 or (prompts and text.count(" models") >= 10) or (
            # "Inputs and Outputs", capitalised, beside AI models: the pair an AI provider's terms define
            text.count("Output") >= 5 and text.count("AI") + text.count("our models") >= 5):
        return True
    # A chat assistant that never says "prompt": it keeps speaking of AI and of conversations with it.
    if text.count("AI") >= 10 and text.count("onversations with") + text.count("hats with") >= 2:
        return True
    # (a short document - an FAQ, one section - says it less often: "your chats with Acme", "the AI models behind it")
    talk = sum(text.count(w) for w in ("onversation", "chats", "Chats"))
    return len(text) < 12_000 and talk >= 2 and text.count("AI") + text.count("model") >= 2 and any(
        w in text for w in ("ssistant", "hatbot", "onversations with", "hats with", "onversations you have with"))
