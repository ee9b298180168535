"""What a changed passage is about: AI, data use, licence, ownership, marketing.

The patterns are general legal and technical vocabulary. "Train" counts as AI only next to a
model, algorithm or AI word, so staff training is not AI; navigation menus never reach this
module because the diff already set link and label blocks aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from termlens.domain.change import ClauseChange, ClauseChangeKind, Topic

CONTEXT_TOKENS = 14  # words of unchanged text either side of an edit that count as its context

_AI_CASED = re.compile(r"\b(?:AI|A\.I\.|IA|KI|GenAI|LLMs?|ML)\b")
_AI_TERMS = re.compile(
    r"artificial[- ]intelligence|machine[- ]learning|deep[- ]learning|generative|language models?|"
    r"neural network|chatbot|intelligence artificielle|apprentissage automatique|künstliche intelligenz|"
    r"inteligencia artificial|\bai[- ](?:feature|model|service|system|tool|assistant|generated|powered)",
    re.IGNORECASE,
)
_TRAIN = re.compile(r"\b(?:train|trains|trained|training|fine-tun\w*|entraîn\w*)\b", re.IGNORECASE)
_MODEL = re.compile(
    r"\b(?:models?|algorithms?|artificial|machine|neural|AI|systems? that learn)\b", re.IGNORECASE,
)

# Matched against lower-cased text (faster than IGNORECASE on long passages).
_TOPIC_PATTERNS: dict[Topic, re.Pattern[str]] = {
    Topic.DATA_USE: re.compile(
        r"personal (?:data|information)|\bdata\b|\binformation (?:we|you|about)|\bcollect\w*|"
        r"\bshar(?:e|es|ed|ing)\b|disclos\w*|\bsell\w*|\bsale of|third[- ]part(?:y|ies)|\bcookies?\b|"
        r"\btrack\w*|\bretain\w*|retention|"
        r"\bdelet\w*|\btransfer\w*|usage data|analytics|profil\w*|\blocation\b|biometric|\bconsent\w*|"
        r"opt[- ]?(?:out|in)\b|\bprocess\w* (?:of )?(?:your|personal)|données|renseignements",
    ),
    Topic.LICENCE: re.compile(r"licen[cs]\w*|sublicens\w*|royalty[- ]free|irrevocable|perpetual|non-exclusive"),
    Topic.OWNERSHIP: re.compile(
        r"\bownership\b|(?<!your )(?<!their )(?<!its )(?<!our )(?<!my )\bowns?\b(?! risk)|all right, title|"
        r"right, title and interest|\btitle to\b|intellectual property rights?|proprietary rights|\bpropriété\b",
    ),
    Topic.MARKETING: re.compile(
        r"\bmarketing\b|advertis\w*|\bads?\b|promotional|sponsored|publicité|\bpublicitaires?\b",
    ),
}


_NAME_ENDING_IN_AI = re.compile(
    r"\b([A-Z][A-Za-z0-9&-]+) AI\b(?!-|\s+(?:[A-Z]|(?:features?|models?|tools?|systems?|technolog\w*|assistants?|"
    r"chat\w*|products?|services?|support|powered|generated|agents?|capabilit\w*|companion|outputs?|"
    r"training|act|regulation)\b))"
)


_AI_HINTS_CASED = ("AI", "A.I.", "IA", "KI", "LLM", "ML")
_AI_HINTS = (
    "artificial", "machine learning", "machine-learning", "deep learning", "generative", "language model",
    "neural", "chatbot", "intelligence artificielle", "apprentissage automatique", "künstliche",
    "inteligencia artificial", "voice cloning", "train", "fine-tun", "entraîn", "ai-", "ai ",
)
# Cheap substring tests that rule a passage out before the regular expressions run (they are slow on
# long passages); each topic pattern below can only match when one of its hints is present.
_TOPIC_HINTS: dict[Topic, tuple[str, ...]] = {
    Topic.OWNERSHIP: ("own", "title", "intellectual property", "proprietary", "propriété"),
    Topic.MARKETING: ("marketing", "advertis", "ad", "promotional", "sponsored", "publicit"),
}


def _may_be_about_ai(text: str) -> bool:
    if any(hint in text for hint in _AI_HINTS_CASED):
        return True
    lowered = text.lower()
    return any(hint in lowered for hint in _AI_HINTS)


def is_about_ai(text: str) -> bool:
    """Whether a passage concerns AI / machine learning (training, models, AI features).

    A company name ending in "AI" ("Example AI is not responsible …") is a name, not a topic.
    """
    if not _may_be_about_ai(text):
        return False
    if "AI" in text:
        text = _NAME_ENDING_IN_AI.sub(r"\1", text)
    if _AI_CASED.search(text) or _AI_TERMS.search(text):
        return True
    sentences = re.split(r"(?<=[.;:!?])\s+", text)
    return any(_TRAIN.search(s) is not None and _MODEL.search(s) is not None for s in sentences)


@lru_cache(maxsize=20_000)
def topics_of_text(text: str) -> frozenset[Topic]:
    """The topics a passage touches (without ``other``)."""
    lowered = text.lower()
    found = {
        topic for topic, pattern in _TOPIC_PATTERNS.items()
        if any(hint in lowered for hint in _TOPIC_HINTS.get(topic, ("",))) and pattern.search(lowered)
    }
    if is_about_ai(text):
        found.add(Topic.AI)
    return frozenset(found)


def change_context(change: ClauseChange) -> str:
    """The changed words of one clause change with a little unchanged text either side.

    Added and removed clauses are their whole text; for a modified clause only the edits and
    up to CONTEXT_TOKENS words around each count, so a date fixed in a paragraph about AI is not
    an AI change.
    """
    if change.kind is not ClauseChangeKind.MODIFIED:
        return " ".join(op.text for op in change.words)
    pieces: list[str] = []
    ops = change.words
    for position, op in enumerate(ops):
        if op.tag == "equal":
            continue
        if position > 0 and ops[position - 1].tag == "equal":
            pieces.append(" ".join(ops[position - 1].text.split()[-CONTEXT_TOKENS:]))
        pieces.append(op.text)
        if position + 1 < len(ops) and ops[position + 1].tag == "equal":
            pieces.append(" ".join(ops[position + 1].text.split()[:CONTEXT_TOKENS]))
    return " ".join(pieces)


def topics_of_changes(changes: Iterable[ClauseChange]) -> set[Topic]:
    """Topics of a set of clause changes (their edits in context)."""
    found: set[Topic] = set()
    for change in changes:
        found |= topics_of_text(change_context(change))
    return found


def focus_position(text: str) -> int:
    """Where the most telling part of a passage starts: its first AI mention, else its first
    topic word, else 0 (used to quote a long clause around what matters)."""
    masked = _NAME_ENDING_IN_AI.sub(lambda m: m.group(1) + "   ", text)
    found = [m.start() for m in (_AI_CASED.search(masked), _AI_TERMS.search(masked)) if m is not None]
    for sentence in re.finditer(r"[^.;:!?]+", masked):
        train = _TRAIN.search(sentence.group())
        if train is not None and _MODEL.search(sentence.group()):
            found.append(sentence.start() + train.start())
            break
    if found:
        return min(found)
    lowered = text.lower()
    topical = [m.start() for m in (p.search(lowered) for p in _TOPIC_PATTERNS.values()) if m is not None]
    return min(topical) if topical else 0
