"""Word-level diffs of one clause, and whether an edit can change what the clause means.

Not changes of meaning: dates and bare numbers (a "Last updated" line, renumbered references),
punctuation, spelling variants (licence/license, honor/honour), hyphenation and spacing
(heads up/heads-up), a handful of grammar words, and a name replaced the same way throughout
the document (a rebranding). Never cosmetic: negations, modal verbs and quantifiers, numbers
with a unit ("30 days" to "90 days"), and any edit whose words belong to a topic vocabulary.
Page furniture (headings alone, link menus, short labels) is recognised here too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from termlens.domain.change import Clause, WordOp
from termlens.pipeline.normalize import link_share
from termlens.pipeline.topics import topics_of_text

LONG_CLAUSE_TOKENS = 240  # above this many tokens (both sides), diff words with rapidfuzz, not difflib
MINOR_EDIT_TOKENS = 3  # words changed in a clause by a small wording edit
RENAME_MIN_CLAUSES = 3  # the same replacement in this many clauses is a rename, not an edit

TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['’-]\w+)*|[^\w\s]")
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?)\]’”])")
_SPACE_AFTER = re.compile(r"([(\[‘“])\s+")
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
_DECISIVE = {
    "not", "no", "never", "without", "except", "unless", "nor", "neither", "none", "only", "cannot",
    "may", "might", "must", "shall", "will", "can", "should", "could", "would", "all", "any", "some",
    "every", "each", "always", "solely", "exclusively", "including", "excluding", "and", "or",
    "won't", "don't", "doesn't", "can't", "ne", "pas", "jamais", "aucun", "aucune", "nicht", "kein",
}
_GRAMMAR = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "is", "are",
    "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "please",
    "also", "such", "which", "who", "whom", "whose", "there", "here", "then", "than", "so", "very",
}
_UNITS = re.compile(
    r"^(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|%|percent|per|times|dollars?|euros?|"
    r"usd|eur|gbp|mb|gb|tb|kb|users?|members?|people|age|years-old|\$|€|£)$"
)
_NEGATING_PREFIXES = ("un", "in", "non", "dis", "im", "ir", "il")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$|^[ivx]{1,4}$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SETEXT = re.compile(r"\n\s*(=+|-{3,})\s*$")
_BULLETED = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
NOTICE_MAX_WORDS = 60
LABEL_MAX_WORDS = 12  # a line this short with no sentence punctuation is a button, menu or widget label
_SENTENCE_END = re.compile(r"[.!?;:]")
_UPDATE_NOTICE = re.compile(
    r"\b(?:we(?:'ve| have)? (?:made (?:some )?)?updated?s?\b|updates? to (?:our|this|these)\b|"
    r"(?:will|shall) (?:go|come) into effect|(?:will be|has been|have been) (?:updated|revised|amended)|"
    r"(?:comes?|came|went) into effect|takes? effect|"
    r"effective(?: date)?\s*[:(]|effective (?:as of|on|from|until)|last (?:updated?|revised|modified)\b|"
    r"^effective\b|^updated\b|^version\b|(?:current|previous|archived) (?:version|privacy|terms))"
)
_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b"
)

Rename = tuple[str, str]


@lru_cache(maxsize=50_000)
def word_diff(before: str, after: str) -> tuple[WordOp, ...]:
    """Word-level diff of two plain texts (case-insensitive), as equal/delete/insert runs.

    difflib's longest-block matching reads best; it is quadratic, so long clauses use rapidfuzz's
    LCS opcodes instead, with matches of one or two tokens inside an edit folded into the edit.
    """
    old_tokens = TOKEN.findall(before)
    new_tokens = TOKEN.findall(after)
    old_keys = [t.casefold() for t in old_tokens]
    new_keys = [t.casefold() for t in new_tokens]
    spans: list[Span]
    if len(old_keys) + len(new_keys) > LONG_CLAUSE_TOKENS:
        spans = _folded([(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
                         for o in Indel.opcodes(old_keys, new_keys)])
    else:
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        spans = [(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in spans:
        if tag == "equal":
            ops.append(WordOp("equal", " ".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            ops.append(WordOp("delete", " ".join(old_tokens[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("insert", " ".join(new_tokens[j1:j2])))
    return tuple(ops)


Span = tuple[str, int, int, int, int]


def _folded(spans: list[Span]) -> list[Span]:
    """Opcodes with short equal runs between two edits merged into one replace."""
    out: list[Span] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(spans):
        short_gap = tag == "equal" and i2 - i1 <= 2 and 0 < k < len(spans) - 1
        if (tag != "equal" or short_gap) and out and out[-1][0] == "replace":
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("replace", a1, i2, b1, j2)
        elif tag != "equal":
            out.append(("replace", i1, i2, j1, j2))
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def detokenize(text: str) -> str:
    """Diff tokens joined back into readable text (no space before a comma or after a bracket)."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))


def replacements(ops: Sequence[WordOp]) -> list[Rename]:
    """The (deleted, inserted) pairs of a word diff: a delete run directly followed by an insert."""
    return [
        (ops[k].text.casefold(), ops[k + 1].text.casefold())
        for k in range(len(ops) - 1)
        if ops[k].tag == "delete" and ops[k + 1].tag == "insert"
    ]


def find_renames(diffs: Iterable[Sequence[WordOp]]) -> frozenset[Rename]:
    """Replacements made identically in several clauses ("Twitter" to "X" throughout).

    A replacement that touches a decisive word (negation, modal, quantifier) or a topic word
    is never a rename: changing "will not" to "may" everywhere is a change of meaning.
    """
    counts: Counter[Rename] = Counter()
    for ops in diffs:
        counts.update(set(replacements(ops)))
    return frozenset(
        pair for pair, seen in counts.items()
        if seen >= RENAME_MIN_CLAUSES and not _weighty(pair[0] + " " + pair[1])
    )


def _weighty(text: str) -> bool:
    tokens = TOKEN.findall(text.casefold())
    return any(t in _DECISIVE for t in tokens) or bool(topics_of_text(text))


def judge_edit(ops: Sequence[WordOp], renames: frozenset[Rename] = frozenset()) -> str:
    """Why a clause's word-level edit cannot change its meaning; '' when it can."""
    return _judge(tuple(ops), renames)


@lru_cache(maxsize=50_000)
def _judge(all_ops: tuple[WordOp, ...], renames: frozenset[Rename]) -> str:
    ops = _without_renames(all_ops, renames)
    deleted = _changed_tokens(ops, "delete")
    inserted = _changed_tokens(ops, "insert")
    if not deleted and not inserted:
        return "renamed throughout" if renames else "no change in words"
    if any(t in _DECISIVE for t in deleted + inserted if t != "may") or _modal_may(ops):
        return ""
    deleted = [t for t in deleted if any(ch.isalnum() for ch in t)]
    inserted = [t for t in inserted if any(ch.isalnum() for ch in t)]
    if not deleted and not inserted:
        return "dates, numbers or punctuation only"
    if "".join(deleted).replace("-", "") == "".join(inserted).replace("-", ""):
        return "hyphenation or spacing only"
    if len(deleted) == len(inserted) and all(map(_spelling_variant, deleted, inserted)):
        return "spelling only"
    if topics_of_text(" ".join(deleted + inserted)):
        return ""
    if all(t in _GRAMMAR for t in deleted + inserted):
        return "grammar words only"
    return ""


def is_minor_edit(ops: Sequence[WordOp]) -> bool:
    """A small wording edit: at most MINOR_EDIT_TOKENS words changed, none decisive, none from a
    topic vocabulary ("Pro tip" to "Expert tip")."""
    changed = [t for t in _changed_tokens(ops, "delete") + _changed_tokens(ops, "insert") if t.isalpha()]
    if len(changed) > MINOR_EDIT_TOKENS or any(t in _DECISIVE for t in changed):
        return False
    return not topics_of_text(" ".join(changed))


def _without_renames(ops: Sequence[WordOp], renames: frozenset[Rename]) -> list[WordOp]:
    if not renames:
        return list(ops)
    kept: list[WordOp] = []
    skip = False
    for k, op in enumerate(ops):
        if skip:
            skip = False
            continue
        if op.tag == "delete" and k + 1 < len(ops) and ops[k + 1].tag == "insert" and (
            (op.text.casefold(), ops[k + 1].text.casefold()) in renames
        ):
            skip = True
            continue
        kept.append(op)
    return kept


def _changed_tokens(ops: Sequence[WordOp], tag: str) -> list[str]:
    """Tokens of the given side that can carry meaning (bare dates and numbers removed)."""
    tokens: list[str] = []
    for k, op in enumerate(ops):
        if op.tag != tag:
            continue
        words = TOKEN.findall(op.text.casefold())
        following = _first_token_after(ops, k)
        has_digits = any(t.isdigit() for t in words)
        for position, token in enumerate(words):
            if _ORDINAL.match(token):
                unit = words[position + 1] if position + 1 < len(words) else following
                if token.isdigit() and _UNITS.match(unit or "") and not _is_year(token):
                    tokens.append(token)
                continue
            if token in _MONTHS and (token != "may" or has_digits):
                continue
            tokens.append(token)
    return tokens


def _first_token_after(ops: Sequence[WordOp], k: int) -> str | None:
    """The token that follows op ``k`` in its own version's text."""
    side = ops[k].tag
    for op in ops[k + 1:]:
        if op.tag in ("equal", side):
            words: list[str] = TOKEN.findall(op.text.casefold())
            if words:
                return words[0]
    return None


def _is_year(token: str) -> bool:
    return len(token) == 4 and token[:2] in ("19", "20")


def _modal_may(ops: Sequence[WordOp]) -> bool:
    """"may" edited as a modal verb (not as a month in a date)."""
    for op in ops:
        if op.tag == "equal":
            continue
        words = TOKEN.findall(op.text.casefold())
        if "may" in words and not any(t.isdigit() for t in words):
            return True
    return False


def _spelling_variant(a: str, b: str) -> bool:
    """Same word spelt or inflected differently (licence/license, honor/honour,
    process/processing), not a different word (lawful/unlawful, licensor/licensee)."""
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if any(longer == prefix + shorter for prefix in _NEGATING_PREFIXES):
        return False
    if _PARTY_ENDING.sub("", a) == _PARTY_ENDING.sub("", b):
        return False
    if len(shorter) >= 5 and longer.startswith(shorter) and longer[len(shorter):] in _INFLECTIONS:
        return True
    return len(shorter) >= 5 and fuzz.ratio(a, b) >= 85


_PARTY_ENDING = re.compile(r"(?:or|ee|er|ant|ent)s?$")  # licensor/licensee, employer/employee
_INFLECTIONS = {"s", "es", "d", "ed", "ing", "ion", "ions", "al", "ly"}


def chrome_note(clause: Clause) -> str:
    """Why a clause is page furniture (heading alone, link menu, short label); '' if it is not."""
    return _chrome_note_of(clause.text, clause.key)


@lru_cache(maxsize=100_000)
def _chrome_note_of(text: str, key: str) -> str:
    if _HEADING.match(text) or _SETEXT.search(text):
        return "heading only"
    if link_share(text) >= 0.5:
        return "links or navigation"
    words = len(key.split())
    if not _BULLETED.match(text) and (words <= 3 or (words <= LABEL_MAX_WORDS and not _SENTENCE_END.search(key))):
        return "short label"
    if len(key.split()) <= NOTICE_MAX_WORDS and _UPDATE_NOTICE.search(key) and _DATE.search(key):
        return "notice about the document's own update or effective date"
    if not any(ch.isalpha() for ch in key):
        return "no words"
    return ""


def is_chrome(clause: Clause) -> bool:
    """Whether a clause is page furniture: a heading alone, a link menu, a short label."""
    return bool(chrome_note(clause))
