"""Prefiltered patterns answer exactly as ``re`` does, only faster where a sentence cannot match."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import termlens.analysis as analysis_package
from termlens.analysis.fast_patterns import Prefiltered, rx
from termlens.pipeline.extract import read_document
from termlens.pipeline.segment import segment


def _every_analyzer_pattern() -> list[Prefiltered]:
    """Every prefiltered pattern the analysis modules define, at module level or in their tables."""
    found: dict[tuple[str, int], Prefiltered] = {}

    def collect(value: object, depth: int = 0) -> None:
        if isinstance(value, Prefiltered):
            found[(value.pattern, value.flags)] = value
        elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
            for v in value:
                collect(v, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for v in value.values():
                collect(v, depth + 1)

    for module in pkgutil.iter_modules(analysis_package.__path__):
        for value in vars(importlib.import_module(f"termlens.analysis.{module.name}")).values():
            collect(value)
    return list(found.values())


def test_a_pattern_knows_the_words_a_match_needs() -> None:
    assert rx(r"\b(?:once|if) you opt out\b").required_words == {" you opt out"}
    assert rx(r"\b(?:sell|rent)s?\b").required_words == {"sell", "rent"}
    # the most selective words win: five-letter "admin"/"owner" before " may"; "admin" covers "administrator"
    assert rx(r"\b(?:administrators?|owners?|admins?) may\b").required_words == {"admin", "owner"}
    # case-insensitive patterns test a lowercase copy; case-sensitive ones the text itself
    assert rx(r"Customer Data").required_words == {"customer data"}
    assert rx(r"Customer Data", 0).required_words == {"Customer Data"}


def test_a_pattern_with_nothing_required_runs_as_before() -> None:
    # optional parts, one-letter words, classes and a branch with a wordless alternative require nothing
    for pattern in (r"(?:opt out)?\d+", r"\bA\.?I\b", r"[a-z]{3,}", r"\b(?:train|\w+s)\b"):
        assert rx(pattern).required_words is None, pattern
        assert rx(pattern).search("We train AI on 42 things") is not None


def test_case_folding_matches_re() -> None:
    # re matches "İ", "ı" and "ſ" to i and s under IGNORECASE; a lowercase copy alone would not show "in"/"is"
    for text in ("OPT İN", "opt ın", "Thiſ is", "THIS IS", "Kelvin \u212a"):
        for pattern in (r"\bopt in\b", r"\bthis is\b", r"kelvin k"):
            assert bool(rx(pattern).search(text)) == bool(re.search(pattern, text, re.IGNORECASE)), (pattern, text)


def test_local_flags_are_respected() -> None:
    # "(?-i:[A-Z])" keeps case inside a case-insensitive pattern; "(?i)" makes a pattern case-insensitive
    assert rx(r"(?-i:Acme) data").search("ACME DATA") is None
    assert rx(r"(?-i:Acme) data").search("Acme DATA") is not None
    assert rx(r"(?i)customer data", 0).search("CUSTOMER DATA") is not None


def test_methods_answer_as_re_does() -> None:
    fast, plain = rx(r"\bsell(?:s|ing)?\b"), re.compile(r"\bsell(?:s|ing)?\b", re.IGNORECASE)
    for text in ("We never sell data.", "no match here", "SELLING and sells"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert fast.findall(text) == plain.findall(text)
        assert fast.sub("X", text) == plain.sub("X", text)
        assert fast.split(text) == plain.split(text)
        assert bool(fast.match(text)) == bool(plain.match(text))
        assert bool(fast.fullmatch(text)) == bool(plain.fullmatch(text))
        # a window: the words must be inside it, though "\\b" may look outside
        for pos, end in ((0, 4), (3, 12), (9, 15), (13, 40)):
            expected = plain.search(text, pos, end)
            got = fast.search(text, pos, end)
            assert (got.span() if got else None) == (expected.span() if expected else None), (text, pos, end)
            assert bool(fast.match(text, pos, end)) == bool(plain.match(text, pos, end))


@pytest.mark.parametrize("document", [
    "Zoom/Terms of Service/2023-08-11T19-15-38Z.md",
    "Spotify/Privacy Policy",
    "Le Chat/Terms of Service",
])
def test_every_analyzer_pattern_finds_what_re_finds_on_real_documents(ota_dir: Path, document: str) -> None:
    path = ota_dir / document
    if path.is_dir():  # the latest version of that document
        path = sorted(path.glob("*.md"))[-1]
    sentences = [s.text for s in segment(read_document(path).text).sentences]
    sentences += [s.upper() for s in sentences[:40]]  # case-insensitive patterns must still fire on capitals
    patterns = _every_analyzer_pattern()
    assert len(patterns) > 200  # the analyzer's patterns really are prefiltered
    assert sum(p.required_words is not None for p in patterns) > len(patterns) * 0.8
    checked = hits = 0
    for fast in patterns:
        plain = re.compile(fast.pattern, fast.flags)
        for text in sentences:
            expected = plain.search(text)
            got = fast.search(text)
            assert (got.span() if got else None) == (expected.span() if expected else None), (fast, text)
            checked += 1
            hits += expected is not None
    assert hits > 100  # the documents exercise the patterns, not only their misses
    assert checked > 50_000
