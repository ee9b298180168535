"""Comparison keys for clauses: the text with everything that cannot change meaning taken out.

Two blocks whose keys are equal say the same thing: link targets and tracking parameters,
Markdown emphasis and heading marks, list bullets, table pipes, whitespace, typographic quotes and
dashes, letter case, and clause numbering (leading numbers and cross-references such as
"Section 10.2") are all masked. Splitting a version into blocks lives here too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_INLINE_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+|mailto:[^>\s]+)>")
_BARE_URL = re.compile(r"https?://([^\s/?#)\]>]+)([^\s?#)\]>]*)(?:[?#][^\s)\]>]*)?")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_~]+|[*_~]+(?![\w*_])|`+")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s*|\s+#+\s*$", re.MULTILINE)
_SETEXT_RULE = re.compile(r"^\s*(=+|-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE)
_BLOCKQUOTE = re.compile(r"^\s*(>\s*)+", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+", re.MULTILINE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$", re.MULTILINE)
_LEADING_NUMBER = re.compile(
    r"^(?:(?:article|section|clause|§)\s+)?"
    r"(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|\([ivxlc]{1,6}\)|[ivxlc]{1,6}\.|[a-z]\.)\s+"
)
_CROSS_REFERENCE = re.compile(
    r"\b(sections?|clauses?|articles?|paragraphs?|§)\s+\d{1,3}(?:\.\d{1,3})*(?:\s*\([a-z0-9]{1,4}\))*",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "|": " ",
})


def mask_links(text: str) -> str:
    """Text with every link target removed (link text kept; bare URLs cut to host and path)."""
    text = _IMAGE.sub(r"\1", text)
    text = _INLINE_LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _REFERENCE_DEFINITION.sub("", text)
    text = _AUTOLINK.sub(lambda m: _bare_url(m.group(1)), text)
    return _BARE_URL.sub(lambda m: m.group(1) + m.group(2).rstrip("/"), text)


def _bare_url(url: str) -> str:
    match = _BARE_URL.match(url)
    return match.group(1) + match.group(2).rstrip("/") if match else url


CACHE_SIZE = 100_000  # blocks repeat across a document's versions: normalize each text once


@lru_cache(maxsize=CACHE_SIZE)
def plain_text(markdown: str) -> str:
    """Readable text of a Markdown block: links, emphasis, heading marks and bullets removed."""
    text = mask_links(markdown) if ("](" in markdown or "://" in markdown or "]:" in markdown) else markdown
    # Each pass runs only when its marker character occurs: most blocks are plain sentences.
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "--" in text or "==" in text or "***" in text or "___" in text:
        text = _SETEXT_RULE.sub("", text)
        text = _TABLE_RULE.sub("", text)
    if "#" in text:
        text = _HEADING_MARK.sub("", text)
    if ">" in text:
        text = _BLOCKQUOTE.sub("", text)
    text = _BULLET.sub("", text)
    if "*" in text or "_" in text or "~" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=CACHE_SIZE)
def comparison_key(markdown: str) -> str:
    """The key two blocks must share to say the same thing (case-folded, numbering masked)."""
    text = plain_text(markdown).casefold()
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_NUMBER.sub("", text, count=1)
    return _CROSS_REFERENCE.sub(r"\1 #", text).strip()


@lru_cache(maxsize=CACHE_SIZE)
def link_share(markdown: str) -> float:
    """Share of the block's words that sit inside link text (navigation menus are near 1)."""
    total = len(plain_text(markdown).split())
    if total == 0:
        return 0.0
    linked = sum(len(m.group(1).split()) for m in _INLINE_LINK.finditer(_IMAGE.sub(r"\1", markdown)))
    return min(1.0, linked / total)


@dataclass(frozen=True)
class Block:
    """A raw block of Markdown with its offsets and what kind of block it is."""

    start: int
    end: int
    text: str
    heading: bool
    list_item: bool


_BLOCK_START = re.compile(
    r"(?P<atx>\s{0,3}#{1,6}\s)|(?P<item>\s*(?:[-*+•]|\d{1,3}[.)])\s+\S)|(?P<row>\s*\|)"
)


def split_blocks(text: str) -> list[Block]:
    """Split a version into blocks: paragraphs, list items, table rows and headings.

    A setext underline ("=====") ends the heading line above it, so that heading is a block
    of its own; blank lines end any block.
    """
    blocks: list[Block] = []
    start = -1  # -1: no block open
    end = 0
    heading = list_item = False
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        stripped = line.strip()
        if stripped and start >= 0 and not list_item and stripped[0] in "=-" and (
            stripped.strip("=") == "" or (stripped.strip("-") == "" and len(stripped) >= 3)
        ):
            blocks.append(_block(text, start, offset, True, False))
            start = -1
            continue
        if not stripped:
            if start >= 0:
                blocks.append(_block(text, start, end, heading, list_item))
            start = -1
            continue
        kind = _BLOCK_START.match(line)
        if kind is not None or start < 0:
            if start >= 0:
                blocks.append(_block(text, start, end, heading, list_item))
            start = line_start
            heading = kind is not None and kind.lastgroup == "atx"
            list_item = kind is not None and kind.lastgroup == "item"
        end = offset
        if heading:
            blocks.append(_block(text, start, end, heading, list_item))
            start = -1
    if start >= 0:
        blocks.append(_block(text, start, end, heading, list_item))
    return [b for b in blocks if b.text.strip()]


def _block(text: str, start: int, end: int, heading: bool, list_item: bool) -> Block:
    chunk = text[start:end].rstrip()
    return Block(start, start + len(chunk), chunk, heading, list_item)
