"""Find a document's defined terms: "X" means …, … (the "X"), … are referred to as X, collectively "X".

Drafting conventions are the same across vendors, so the patterns are general; English and French
forms are covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termlens.domain.model import Definition, Sentence

_Q_OPEN = "\"“«‘'"
_Q_CLOSE = "\"”»’'"
# (the quotes may sit inside or outside bold: "**Your Content**" or **"Your Content"**)
_TERM = (rf"[{_Q_OPEN}]\s*(?:\*\*|__)?\s*(?P<term>[A-Z0-9ÀÉ][^{_Q_CLOSE}*\n]{{1,60}}?)\s*(?:\*\*|__)?\s*[{_Q_CLOSE}]"
         r"(?:\*\*|__)?")
_PATTERNS = (
    # "Customer Content" means …  /  « Contenu » désigne …
    re.compile(rf"^(?:\W|the\s)*{_TERM}\s*(?:means|shall mean|refers to|is defined as|includes|désigne|signifie)\b",
               re.IGNORECASE),
    # … (the "Permitted Uses") / (collectively, "Zoom") / (ci-après « X »)
    re.compile(rf"\((?:the|each|each,|collectively,?|together,?|jointly,?|hereinafter|ci-après|or|a|an)?\s*"
               rf"(?:the\s)?{_TERM}"),
    # … are referred to as Service Generated Data / is referred to as **Customer Content**
    re.compile(r"(?:is|are)\s+(?:collectively\s+|hereinafter\s+)?referred\s+to\s+(?:herein\s+)?as\s+"
               rf"(?:the\s+)?(?:{_TERM}|(?:\*\*)?(?P<bare>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,4}})(?:\*\*)?)"),
    # collectively, "Zoom Property" / together, "Services"
    re.compile(rf"(?:collectively|together),?\s+{_TERM}", re.IGNORECASE),
)


def find_definitions(text: str, sentences: Iterable[Sentence]) -> tuple[Definition, ...]:
    """Defined terms with the sentence that defines them; the first definition of a term wins."""
    found: dict[str, Definition] = {}
    for sentence in sentences:
        body = sentence.text
        if not any(c in body for c in _Q_OPEN) and "referred to" not in body:
            continue
        for pattern in _PATTERNS:
            for match in pattern.finditer(body):
                term = (match.groupdict().get("term") or match.groupdict().get("bare") or "").strip(" .,;:")
                if not term or len(term) < 2 or term.lower() in {"you", "your", "we", "us", "our"}:
                    continue
                key = term.lower()
                if key not in found:
                    found[key] = Definition(
                        term=term, meaning=body, start=sentence.start, end=sentence.end, section=sentence.section
                    )
    return tuple(found.values())
