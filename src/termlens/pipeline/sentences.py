"""Rule-based sentence splitting with exact character offsets (no model, nothing downloaded).

Each Markdown line block is split at sentence-final punctuation followed by a capital, a quote, an
opening bracket or emphasis, except after common legal abbreviations and initials. Offsets index the
original text, so every sentence is quotable verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    """e.g i.e etc inc ltd llc co corp no nos sec art arts para cf vs v al approx dept est fig mr mrs ms dr prof
    st jr sr u.s u.k e.u a.m p.m ex incl resp s.a s.à.r.l gmbh b.v n.v pty jan feb mar apr jun jul aug sep
    sept oct nov dec viz ibid ca u.s.c c.f.r rev ed eds vol pp p cal civ""".split()  # noqa: SIM905
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]*_]*(?=\s+[\"'“‘«(\[*_]*[A-ZÀ-ÖØ-Þ0-9])")
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:[*+-]|\d{1,3}\.)[ \t])(?![ \t]*#)[^\n]+)*")
_LEADING_MARKUP = re.compile(r"^(?:[ \t]*(?:#{1,6}|[*+-]|\d{1,3}[.)]|>)[ \t]+)+")
_WORDY = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _ends_with_abbreviation(text: str) -> bool:
    match = re.search(r"([\w.]+)\.?[\"'”’)\]]*$", text[-24:])
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    if token in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha()


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of ``text``, in order."""
    for block in _BLOCK.finditer(text):
        block_start = block.start()
        chunk = block.group(0)
        lead = _LEADING_MARKUP.match(chunk)
        cursor = lead.end() if lead else 0
        for boundary in _BOUNDARY.finditer(chunk):
            end = boundary.end()
            if end <= cursor or _ends_with_abbreviation(chunk[cursor:end]):
                continue
            yield from _emit(chunk, block_start, cursor, end)
            cursor = end
        yield from _emit(chunk, block_start, cursor, len(chunk))


def _emit(chunk: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = chunk[start:end]
    stripped_left = len(piece) - len(piece.lstrip())
    stripped_right = len(piece) - len(piece.rstrip())
    s, e = start + stripped_left, end - stripped_right
    if e > s and _WORDY.search(chunk[s:e]):
        yield offset + s, offset + e
