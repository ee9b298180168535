"""Turn raw bytes (Markdown, text, HTML or PDF) into the terms text that later stages read.

Every failure is an `UnreadableInput` whose message names the input and says what is wrong, so
interfaces can print one line and exit 2 instead of showing a traceback.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from charset_normalizer import from_bytes

MAX_INPUT_BYTES = 50 * 1024 * 1024
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<div|<p[\s>]|<article|<main|<section|<!--)",
                         re.IGNORECASE)


_WESTERN_ENCODINGS = ["cp1252", "iso8859_15"]
_COMMON_ENCODINGS = ["utf_16", "cp1252", "iso8859_15", "cp1251", "koi8_r", "iso8859_2", "shift_jis", "euc_jp",
                     "gb18030", "big5", "euc_kr", "cp1250", "cp1253", "cp1254", "cp1256"]


class UnreadableInput(Exception):
    """The input cannot be read as a terms document; the message is one line naming the input."""


@dataclass(frozen=True)
class ExtractedText:
    """Text extracted from an input, with the kind of input and the encoding it was read with."""

    text: str
    kind: str  # markdown | text | html | pdf
    encoding: str | None


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as text (UTF-8 first, then the detected charset); reject empty and binary data."""
    if not data:
        raise UnreadableInput(f"{name}: file is empty")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInput(f"{name}: looks binary (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(_CONTROL.findall(head)) > len(head) // 20:
        raise UnreadableInput(f"{name}: looks binary (control bytes), not a text document")
    # Restrict detection to encodings that terms pages actually use first: on short texts an
    # unrestricted guess picks exotic code pages (cp775 for French Latin-1, say).
    best = from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
    if best is None or best.chaos > 0.05:
        best = from_bytes(data, cp_isolation=_COMMON_ENCODINGS).best() or from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput(f"{name}: not UTF-8 and no text encoding could be detected")
    return str(best), best.encoding


def html_to_markdown(html: str, selectors: Sequence[str] = (), remove: Sequence[str] = ()) -> str:
    """Main text of an HTML page as Markdown; page chrome (scripts, nav, header, footer) dropped."""
    import lxml.etree
    import lxml.html
    from markdownify import markdownify

    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnreadableInput(f"HTML could not be parsed: {exc}") from exc
    def select(css: str) -> list[lxml.html.HtmlElement]:
        return cast(list[lxml.html.HtmlElement], root.cssselect(css))

    for junk in select("script, style, noscript, template, iframe, svg, form, nav, header, footer"):
        junk.drop_tree()
    for css in remove:
        for node in select(css):
            node.drop_tree()
    nodes = [n for css in selectors for n in select(css)] if selectors else [root]
    if selectors and not nodes:
        return ""
    parts: list[str] = []
    for node in nodes:
        fragment = lxml.html.tostring(node, encoding="unicode")
        try:
            parts.append(markdownify(fragment, heading_style="ATX", bullets="*"))
        except RecursionError:
            # Pathologically deep markup: keep the words rather than fail.
            parts.append("\n\n".join(str(t).strip() for t in node.itertext() if str(t).strip()))
    text = normalize_markdown("\n\n".join(parts))
    if not selectors and len(text.split()) < 5:
        # libxml2 silently drops content nested deeper than its limit; keep the words anyway.
        rough = _strip_tags(html)
        if len(rough.split()) > len(text.split()):
            return rough
    return text


def _strip_tags(html: str) -> str:
    import html as html_entities

    without_code = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    words = re.sub(r"(?s)<[^>]*>", " ", without_code)
    return normalize_markdown(re.sub(r"[ \t]+", " ", html_entities.unescape(words)))


def pdf_to_text(data: bytes, name: str) -> str:
    """Text of a PDF, page by page."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs recoverable damage on stderr; termlens reports one line of its own instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise UnreadableInput(f"{name}: broken PDF ({type(exc).__name__})") from exc
    return normalize_markdown("\n\n".join(pages))


def normalize_markdown(text: str) -> str:
    """Unify line endings, trim trailing spaces, collapse runs of blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n" if text.strip() else ""


def extract(
    data: bytes,
    name: str,
    content_type: str | None = None,
    selectors: Sequence[str] = (),
    remove: Sequence[str] = (),
) -> ExtractedText:
    """Extract terms text from bytes, choosing the reader by content sniffing before content type."""
    if data.startswith(b"%PDF-") or (content_type or "").startswith("application/pdf"):
        if not data.startswith(b"%PDF-"):
            raise UnreadableInput(f"{name}: declared as PDF but is not a PDF file")
        return ExtractedText(pdf_to_text(data, name), "pdf", None)
    text, encoding = decode_text(data, name)
    is_html = "html" in (content_type or "") or bool(_HTML_SNIFF.match(data[:2048]))
    if is_html:
        try:
            return ExtractedText(html_to_markdown(text, selectors, remove), "html", encoding)
        except UnreadableInput as exc:
            raise UnreadableInput(f"{name}: {exc}") from exc
    kind = "markdown" if name.endswith((".md", ".markdown")) else "text"
    return ExtractedText(text, kind, encoding)


def read_document(path: str | Path) -> ExtractedText:
    """Read a local Markdown, text, HTML or PDF file."""
    p = Path(path)
    if not p.exists():
        raise UnreadableInput(f"{p}: no such file")
    if p.is_dir():
        raise UnreadableInput(f"{p}: is a directory, not a document")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise UnreadableInput(f"{p}: too large ({size} bytes; limit {MAX_INPUT_BYTES})")
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    return extract(data, str(p))
