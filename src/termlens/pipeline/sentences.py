"""Rule-based sentence splitting with exact character offsets (no model, nothing downloaded).

Each Markdown line block (re-joined across blank lines in a hard-wrapped document) is split at sentence-final
punctuation followed by a capital, a quote, an opening bracket or emphasis, except after common legal abbreviations
and initials. Offsets index the original text, so every sentence is quotable verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_ABBREVIATIONS = frozenset(
    """e.g i.e etc inc ltd llc co corp no nos sec art arts para cf vs v al approx dept est fig mr mrs ms dr prof
    st jr sr u.s u.k e.u a.m p.m ex incl resp s.a s.à.r.l gmbh b.v n.v pty jan feb mar apr jun jul aug sep
    sept oct nov dec viz ibid ca u.s.c c.f.r rev ed eds vol pp p cal civ""".split()  # noqa: SIM905
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]*_]*(?=\s+[\"'“‘«(\[*_]*[A-ZÀ-ÖØ-Þ0-9])")
# (a setext underline, "Heading\n-------", ends the heading's block: it is markup, not part of the sentence)
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:[*+-]|\d{1,3}\.)[ \t])(?![ \t]*#)"
                    r"(?![ \t]*[-=]{3,}[ \t]*(?:\n|$))[^\n]+)*")
_LEADING_MARKUP = re.compile(r"^(?:[ \t]*(?:#{1,6}|[*+-]|\d{1,3}[.)]|>)[ \t]+)+")
_WORDY = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _ends_with_abbreviation(text: str) -> bool:
    match = re.search(r"([\w.]+)\.?[\"'”’)\]]*$", text[-24:])
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    if token in _ABBREVIATIONS:
        return True
    # (an initial stands alone: the "s" of a possessive, "anyone else's.", ends a word)
    before = text[-24:][:match.start(1)]
    return len(token) == 1 and token.isalpha() and not before.endswith(("'", "’"))


_NOT_PROSE = re.compile(r"[ \t]*(?:#|\||[*+-][ \t]|\d{1,3}[.)][ \t]|>)")
_MID_SENTENCE = re.compile(r"[a-z,][\"'”’)]?[ \t]*$")
_OPEN_END = re.compile(r"[A-Za-zÀ-ÿ0-9,][\"'”’)]?[ \t]*$")
# A document hard-wrapped with blank lines between its lines (text pasted from a PDF or an e-mail) breaks its
# sentences into "paragraphs"; when most of its prose paragraphs stop mid-sentence, a paragraph that does so
# continues into the next one.
_WRAPPED_MIN_BLOCKS = 40
_WRAPPED_SHARE = 0.3  # of prose paragraphs that stop mid-sentence
_CONTINUED_SHARE = 0.3  # of those, followed by a paragraph that goes on in lower case
_CONTINUES = re.compile(r"[ \t]*[a-zà-ÿ]")


def _title_like(block: str) -> bool:
    """A short line whose words are mostly capitalised: a heading without Markdown marks."""
    words = block.split()
    return len(words) <= 10 and sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words)


def _blocks(text: str) -> list[tuple[int, int]]:
    """The line blocks of ``text``, re-joined across blank lines in a hard-wrapped document."""
    spans = [(m.start(), m.end()) for m in _BLOCK.finditer(text)]
    prose = [not _NOT_PROSE.match(text, a) for a, _ in spans]
    mid = [p and bool(_MID_SENTENCE.search(text[a:b][-8:])) for (a, b), p in zip(spans, prose, strict=True)]
    # (menus and link lists also stop without punctuation, but what follows them starts a new line of its own,
    # never a lower-case continuation)
    continued = sum(1 for open_end, (a, _) in zip(mid[:-1], spans[1:], strict=True)
                    if open_end and _CONTINUES.match(text, a))
    if (sum(prose) < _WRAPPED_MIN_BLOCKS or sum(mid) < _WRAPPED_SHARE * sum(prose)
            or continued < _CONTINUED_SHARE * sum(mid)):
        return spans
    joined: list[tuple[int, int]] = []
    carry = False
    for (a, b), is_prose in zip(spans, prose, strict=True):
        if carry and is_prose:
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
        block = text[a:b]
        # Open at the end: no closing punctuation, and not a short title-like line that starts a paragraph
        # ("Information We Collect"); "… from an AI" inside a running sentence stays open.
        carry = is_prose and bool(_OPEN_END.search(block[-8:])) and (carry or not _title_like(block))
    return joined


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of ``text``, in order."""
    for block_start, block_end in _blocks(text):
        for start, end in _block_spans(text[block_start:block_end]):
            yield block_start + start, block_start + end


@lru_cache(maxsize=50_000)
def _block_spans(chunk: str) -> tuple[tuple[int, int], ...]:
    """The sentences of one block, as offsets into it (cached: the versions of a document share most blocks)."""
    spans: list[tuple[int, int]] = []
    lead = _LEADING_MARKUP.match(chunk)
    cursor = lead.end() if lead else 0
    for boundary in _BOUNDARY.finditer(chunk):
        end = boundary.end()
        if end <= cursor or _ends_with_abbreviation(chunk[cursor:end]):
            continue
        spans.extend(_emit(chunk, 0, cursor, end))
        cursor = end
    spans.extend(_emit(chunk, 0, cursor, len(chunk)))
    return tuple(spans)


def cache_clear() -> None:
    """Forget the cached splits of blocks (benchmarks measure cold and warm runs)."""
    _block_spans.cache_clear()


def _emit(chunk: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = chunk[start:end]
    stripped_left = len(piece) - len(piece.lstrip())
    stripped_right = len(piece) - len(piece.rstrip())
    s, e = start + stripped_left, end - stripped_right
    if e > s and _WORDY.search(chunk[s:e]):
        yield offset + s, offset + e
