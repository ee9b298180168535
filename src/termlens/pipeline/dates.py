"""Read the effective date a document states about itself ("Effective Date: August 11, 2023")."""

from __future__ import annotations

import re
from datetime import date

from dateutil import parser as date_parser

_FRENCH_MONTHS = {
    "janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
    "mai": "May", "juin": "June", "juillet": "July", "août": "August", "aout": "August",
    "septembre": "September", "octobre": "October", "novembre": "November", "décembre": "December",
    "decembre": "December",
}
_DATE = (
    r"(?P<date>(?:[A-Z][a-zé]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}(?:er)?\s+[A-Za-zéû]+\.?,?\s+\d{4})"
    r"|(?:\d{4}-\d{2}-\d{2})|(?:\d{1,2}/\d{1,2}/\d{4}))"
)
_LABEL = (
    r"(?:effective\s+date|date\s+effective|effective(?:\s+as\s+of|\s+from|\s+on)?|last\s+(?:updated|modified|revised)"
    r"|updated(?:\s+on)?|revised(?:\s+on)?|date\s+of\s+last\s+revision|version\s+date|dernière\s+mise\s+à\s+jour"
    r"|mise\s+à\s+jour|en\s+vigueur(?:\s+(?:le|à\s+compter\s+du))?|date\s+d['’]entrée\s+en\s+vigueur)"
)
_STATED = re.compile(rf"{_LABEL}\W{{0,6}}(?:\s*(?:is|:|on|le|du))?\s*[*_\[]*\s*{_DATE}", re.IGNORECASE)


def _parse(raw: str) -> date | None:
    words = raw.replace("1er", "1")
    for french, english in _FRENCH_MONTHS.items():
        words = re.sub(rf"\b{french}\b", english, words, flags=re.IGNORECASE)
    try:
        parsed = date_parser.parse(words, fuzzy=False, dayfirst=False).date()
    except (ValueError, OverflowError):
        return None
    return parsed if 1990 <= parsed.year <= 2100 else None


def find_effective_date(text: str) -> str | None:
    """The ISO date a document states as effective or last updated, looking near the top first."""
    for window in (text[:4000], text[-3000:], text):
        for match in _STATED.finditer(window):
            parsed = _parse(match.group("date"))
            if parsed is not None:
                return parsed.isoformat()
    return None
