"""Compiled patterns that skip the regex engine when a sentence cannot match.

Most cue patterns match few sentences, yet Python's ``re`` walks every position of every sentence
before it says no: most of the analyzer's time goes there. Each pattern here carries the words a
match cannot do without, worked out from the pattern's own syntax tree: ``\\b(?:once|if) you opt
out`` needs " you opt out", ``(?:sell|rent)s?`` needs "sell" or "rent". A sentence that holds none
of them is answered "no match" by a substring test, which is exact by construction: a match
consumes every literal on its mandatory path. Patterns whose every branch has no such word (single
letters, character classes, optional groups) run as before.

The syntax tree comes from ``re``'s own parser, which the pattern is then compiled from, so the
pattern is parsed once. Those modules are private; if a Python release changes them, ``rx`` falls
back to ``re.compile`` with no prefilter (slower, same answers). ``tests/analysis/test_fast_patterns.py``
checks both the exactness on real documents and that the prefilter is active.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

try:  # re's parser and compiler (private, see above)
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _C: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python that reorganised re
    _parser = _compiler = _C = None
_LITERAL, _SUBPATTERN, _BRANCH, _ATOMIC_GROUP = (
    (_C.LITERAL, _C.SUBPATTERN, _C.BRANCH, _C.ATOMIC_GROUP) if _C else (None, None, None, None))
_ASCII = [chr(code) for code in range(128)]
_ASCII_LOWER = [c.lower() for c in _ASCII]
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) if _C else ()

# A one-letter requirement rules out almost nothing, and under IGNORECASE costs a lowercase copy; a case-sensitive
# one-character test ("(" for a Markdown link) is nearly free.
_MIN_LITERAL = {True: 2, False: 1}

Literals = frozenset[str]


def _better(found: list[Literals], icase: bool) -> Literals | None:
    """The most selective requirement: longest shortest word, then fewest words."""
    usable = [s for s in found if s and min(map(len, s)) >= _MIN_LITERAL[icase]]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s))) if usable else None


def _required(items: list[tuple[Any, Any]], icase: bool) -> Literals | None:
    """Words one of which every match of this sequence of parsed items contains, or None."""
    found: list[Literals] = []
    run: list[str] = []
    chars = _ASCII_LOWER if icase else _ASCII
    for op, av in items:
        if op is _LITERAL and av < 128:  # ASCII only: no Unicode case-folding surprises
            run.append(chars[av])
            continue
        if run:
            found.append(frozenset(("".join(run),)))
            run = []
        if op is _SUBPATTERN:
            if not (av[1] | av[2]) & re.IGNORECASE:  # (a group that changes case-sensitivity is skipped)
                found.append(_required(av[3].data, icase) or frozenset())
        elif op is _BRANCH:
            alternatives = [_required(alt.data, icase) for alt in av[1]]
            if all(alternatives):
                found.append(frozenset().union(*(a for a in alternatives if a)))
        elif op in _REPEATS and av[0] >= 1:
            found.append(_required(av[2].data, icase) or frozenset())
        elif op is _ATOMIC_GROUP:
            found.append(_required(av.data, icase) or frozenset())
        # anything else (a class, a dot, an anchor, a lookaround) requires no word of its own
    if run:
        found.append(frozenset(("".join(run),)))
    return _better(found, icase)


def _without_redundant(words: Literals) -> Literals:
    """"admin" makes "administrator" redundant: keep only words that contain no other word of the set."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


_FOLD_MORE = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


_last_folded: tuple[str, str] = ("", "")  # the previous text and its folded copy: cue patterns run in a row on one text
_WIDE_WINDOW = 4096  # copying a longer window to test it costs more than the search it might save


def _folded(text: str) -> str:
    """The text lowercased as IGNORECASE compares it (the last one is remembered)."""
    global _last_folded
    last = _last_folded
    if last[0] is text:
        return last[1]
    # Under IGNORECASE ``re`` also matches "ı", "ſ" and "İ" to "i", "s" and "i"; str.lower() keeps the first
    # two and turns "İ" into "i" + a combining dot. Mapping them (and dropping the dot) only ever adds matches.
    low = text.lower()
    if "ı" in low or "ſ" in low or "\u0307" in low:
        low = low.translate(_FOLD_MORE)
    _last_folded = (text, low)
    return low


class Prefiltered:
    """A compiled pattern with the same answers as ``re.Pattern``, cheaper where it cannot match."""

    __slots__ = ("_compiled", "_hash", "_icase", "_words", "flags", "pattern")

    def __init__(self, compiled: re.Pattern[str], pattern: str, flags: int, words: Literals | None) -> None:
        self._compiled = compiled
        self._words = tuple(sorted(words, key=len)) if words else None  # (short words are found soonest)
        self._icase = bool(compiled.flags & re.IGNORECASE)
        self._hash = hash((pattern, flags))  # (cached readings key on the pattern: hash it once)
        self.pattern = pattern
        self.flags = flags

    @property
    def required_words(self) -> Literals | None:
        """The words one of which every match contains (None: no prefilter)."""
        return frozenset(self._words) if self._words else None

    def _may_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        words = self._words
        if words is None:
            return True
        if pos or endpos is not None:  # a match inside a window takes its words from the window
            end = len(text) if endpos is None else min(endpos, len(text))
            if end - pos > _WIDE_WINDOW:
                return True
            text = text[pos:end]
        haystack = _folded(text) if self._icase else text
        for word in words:  # noqa: SIM110 - a plain loop: no generator per call (this runs ~100,000 times a run)
            if word in haystack:
                return True
        return False

    @staticmethod
    def _end(text: str, endpos: int | None) -> int:
        return len(text) if endpos is None else endpos

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        if not self._may_match(text, pos, endpos):
            return None
        return self._compiled.search(text, pos, self._end(text, endpos))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        if not self._may_match(text, pos, endpos):
            return None
        return self._compiled.match(text, pos, self._end(text, endpos))

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """As ``re.Pattern.fullmatch``."""
        if not self._may_match(text, pos, endpos):
            return None
        return self._compiled.fullmatch(text, pos, self._end(text, endpos))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``."""
        if not self._may_match(text, pos, endpos):
            return iter(())
        return self._compiled.finditer(text, pos, self._end(text, endpos))

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        """As ``re.Pattern.findall``."""
        if not self._may_match(text, pos, endpos):
            return []
        return self._compiled.findall(text, pos, self._end(text, endpos))

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        """As ``re.Pattern.sub``."""
        return self._compiled.sub(repl, text, count) if self._may_match(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        """As ``re.Pattern.split``."""
        return self._compiled.split(text, maxsplit) if self._may_match(text) else [text]

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Prefiltered) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __repr__(self) -> str:
        return f"rx({self.pattern[:60]!r}…, words={sorted(self._words or ())[:5]})"


Pattern = re.Pattern[str] | Prefiltered
"""Either kind of compiled pattern (both answer search, sub, finditer … alike)."""


def rx(pattern: str, flags: int = re.IGNORECASE) -> Prefiltered:
    """Compile a pattern (case-insensitive unless told otherwise) with its required-word prefilter."""
    flags = int(flags)  # as re.compile does: RegexFlag arithmetic in the compiler is slow
    if _parser is not None:
        try:
            tree = _parser.parse(pattern, flags)
            # (inline flags such as "(?i)" count as much as the flags argument)
            words = _required(tree.data, bool((flags | tree.state.flags) & re.IGNORECASE))
            return Prefiltered(_compiler.compile(tree, flags), pattern, flags, words and _without_redundant(words))
        except (AttributeError, TypeError, ValueError):  # pragma: no cover - a changed private API
            pass
    return Prefiltered(re.compile(pattern, flags), pattern, flags, None)
