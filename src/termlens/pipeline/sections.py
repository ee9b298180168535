"""Find the sections of a Markdown terms document, with the document's own numbering.

Open Terms Archive's Markdown is messy: headings come as ATX (`## …`), setext (underlined), bold lines
(`**Privacy**`), bold numbered paragraphs (`**10.2 Permitted Uses**. …`) and, worst, top-level headings
rendered as list items whose numbers were renumbered by the converter (`27. **DATA USAGE**` is section 10).
A line scanner is used instead of a full Markdown parser because import segments ~42 MB of text and
must stay fast; every pattern below is anchored at a line start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from termlens.domain.model import Section

_ATX = re.compile(r"^ {0,12}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_SETEXT = re.compile(r"^ {0,12}(=+|-+)[ \t]*$")
_LIST_BOLD_HEADING = re.compile(r"^(\d{1,3})(?P<escaped>\\?)\.\s+\*\*(?P<title>[^*\n]{2,150}?)\*\*(?P<rest>.*)$")
_LIST_PLAIN_TITLE = re.compile(r"^(\d{1,3})\.\s+(?P<title>[A-Z][^.;,:\n]{2,80})$")
_NUMBERED_PARAGRAPH = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?\s+(?P<title>[A-Z][^.\n]{2,80}?)\.\s+\S")
_BOLD_NUMBERED = re.compile(
    r"^\*\*(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?(?:\*\*[ \t]*\*\*|[ \t]+)(?P<title>[^*\n]{0,150}?)\*\*"
)
_BOLD_LINE = re.compile(r"^\*\*(?P<title>[^*\n]{2,120}?)\*\*\s*:?\s*$")
_PLAIN_NUMBERED = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+(?P<title>[A-Z][^.\n]{2,100})$")
_LEADING_NUMBER = re.compile(
    r"^(?:(?:section|article|art\.|clause|part)\s+)?(?P<num>\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?=[.)]))[.)]?\s+",
    re.IGNORECASE,
)
_MD_INLINE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_heading(raw: str) -> str:
    """Strip Markdown emphasis, escapes and link targets from a heading."""
    text = _LINK.sub(r"\1", raw)
    text = _MD_INLINE.sub(lambda m: m.group(1) or "", text)
    return " ".join(text.split()).strip(" :")


@dataclass
class _Candidate:
    start: int
    body_start: int
    heading: str
    level: int
    number: str | None
    list_number: int | None = None


def _split_number(heading: str) -> tuple[str | None, str]:
    match = _LEADING_NUMBER.match(heading)
    if not match or len(heading) == match.end():
        return None, heading
    return match.group("num"), heading[match.end():].strip()


def _is_heading_rest(title: str, rest: str) -> bool:
    """A bold list item is a heading when nothing follows it, or when it is a run-in title ("**Fees.** …")."""
    rest = rest.replace("\xa0", " ").strip()
    return not rest or rest == ":" or title.rstrip().endswith((".", ":"))


def _next_is_blank(lines: list[str], i: int) -> bool:
    return i + 1 >= len(lines) or not lines[i + 1].strip()


def _scan(text: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    lines = text.splitlines(keepends=True)
    offsets: list[int] = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    deepest_atx = 0
    previous_blank = True
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r\n").replace("\xa0", " ")
        start = offsets[i]
        body_start = start + len(raw)
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        found: _Candidate | None = None
        if m := _ATX.match(line):
            title = plain_heading(m.group(2))
            if title:
                number, heading = _split_number(title)
                level = len(m.group(1))
                deepest_atx = max(deepest_atx, level)
                found = _Candidate(start, body_start, heading, level, number)
        elif (
            i + 1 < len(lines)
            and previous_blank
            and len(stripped) <= 150
            and (m2 := _SETEXT.match(lines[i + 1].rstrip("\r\n")))
            and not stripped.startswith(("*", "-", "|", ">"))
        ):
            title = plain_heading(re.sub(r"^\d{1,3}\.[ \t]+", "", stripped) if line[:1].isdigit() else stripped)
            level = 1 if m2.group(1).startswith("=") else 2
            list_match = re.match(r"^(\d{1,3})\.[ \t]+", stripped)
            number, heading = _split_number(title)
            if list_match and number is None:
                number = list_match.group(1)
            deepest_atx = max(deepest_atx, level)
            found = _Candidate(start, offsets[i + 1] + len(lines[i + 1]), heading, level, number)
        elif (m := _LIST_BOLD_HEADING.match(line)) and _is_heading_rest(m.group("title"), m.group("rest")):
            number, heading = _split_number(plain_heading(m.group("title")).rstrip("."))
            if m.group("escaped"):  # "1\. **Title**": a literal number typed by the author, not a list
                found = _Candidate(start, start + m.end("title") + 2, heading, 1, number or m.group(1))
            else:
                found = _Candidate(start, start + m.end("title") + 2, heading, 1, number,
                                   list_number=int(m.group(1)))
        elif m := _BOLD_NUMBERED.match(line):
            num = m.group("num")
            title = plain_heading(m.group("title")).rstrip(".")
            body = start + m.end()
            found = _Candidate(start, body, title, num.count(".") + 1, num)
        elif previous_blank and (m := _BOLD_LINE.match(stripped)) and not stripped.endswith((".**", ",**")):
            number, heading = _split_number(plain_heading(m.group("title")))
            if heading and len(heading.split()) <= 16:
                level = number.count(".") + 1 if number else min(deepest_atx + 1, 6)
                found = _Candidate(start, body_start, heading, level, number)
        elif previous_blank and (m := _PLAIN_NUMBERED.match(stripped)):
            num = m.group("num")
            found = _Candidate(start, body_start, plain_heading(m.group("title")), num.count(".") + 1, num)
        elif previous_blank and (m := _NUMBERED_PARAGRAPH.match(line)) and len(m.group("title").split()) <= 10:
            num = m.group("num")
            found = _Candidate(start, start + m.end("title") + 1, plain_heading(m.group("title")),
                               num.count(".") + 1, num)
        elif (previous_blank and (m := _LIST_PLAIN_TITLE.match(line)) and len(m.group("title").split()) <= 10
              and _next_is_blank(lines, i)):
            found = _Candidate(start, body_start, plain_heading(m.group("title")), 1, None,
                               list_number=int(m.group(1)))
        if found is not None:
            candidates.append(found)
        previous_blank = False
    return candidates


def _infer_list_numbers(candidates: list[_Candidate]) -> None:
    """Give list-item headings their real numbers.

    The converter numbers list items across the whole page, so "27." may be section 10. The real
    number shows in the subsections that follow ("**10.1 …**"). When child numbers agree with the
    heading's position among list headings, the position is trusted for headings without children.
    """
    list_heads = [i for i, c in enumerate(candidates) if c.list_number is not None and c.number is None]
    if not list_heads:
        return
    list_numbers = [candidates[i].list_number for i in list_heads]
    if list_numbers == list(range(1, len(list_heads) + 1)):
        for i in list_heads:
            candidates[i].number = str(candidates[i].list_number)
        return
    from_children: dict[int, str] = {}
    for pos, i in enumerate(list_heads):
        stop = list_heads[pos + 1] if pos + 1 < len(list_heads) else len(candidates)
        for child in candidates[i + 1 : stop]:
            if child.number and "." in child.number:
                from_children[i] = child.number.split(".")[0]
                break
    if not from_children:
        return
    agree = sum(1 for pos, i in enumerate(list_heads) if from_children.get(i) == str(pos + 1))
    # Positions are only trusted when list numbers never restart (restarts mean nested lists were
    # flattened) and several headings' children confirm them.
    increasing = all(a is not None and b is not None and a < b for a, b in pairwise(list_numbers))
    trust_position = increasing and len(from_children) >= 3 and agree >= 0.8 * len(from_children)
    for pos, i in enumerate(list_heads):
        if i in from_children:
            candidates[i].number = from_children[i]
        elif trust_position:
            candidates[i].number = str(pos + 1)


# Plain text (a .txt file, text taken out of a PDF, a corpus kept as sentences) has no Markdown to mark its
# headings: they are short lines of their own, often numbered, sometimes with the number on a line before.
_PLAIN_NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)\\?\.?$")
_PLAIN_NUMBERED_TITLE = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*|[a-z])\\?[.)]\s+(?P<title>[A-Z].*)$")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
                          "with", "your", "our", "its"})


def _title_like(line: str, numbered: bool) -> bool:
    """A line that reads as a heading: short, no sentence ending, and (unless numbered) Title Case or capitals."""
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 120 or line.endswith((".", ",", ";", ":", "!")):
        return False
    if line.endswith("?"):
        return True
    if numbered:
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    return bool(content) and all(w[:1].isupper() for w in content)


def _scan_plain(text: str) -> list[_Candidate]:
    """Headings of a document with no Markdown headings: one-line paragraphs that read as titles."""
    blocks: list[tuple[int, int, str]] = []  # (start, end, the paragraph's one line, or "" when longer)
    for m in re.finditer(r"[^\n]+(?:\n[ \t]*\S[^\n]*)*", text):
        body = m.group().strip()
        blocks.append((m.start(), m.end(), body if "\n" not in body else ""))
    candidates: list[_Candidate] = []
    skip = False
    for i, (start, end, line) in enumerate(blocks):
        if skip or not line:
            skip = False
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if (alone := _PLAIN_NUMBER_ALONE.match(line)) and following and _title_like(following[2], True):
            num = alone.group("num")
            candidates.append(_Candidate(start, following[1], plain_heading(following[2]), num.count(".") + 1, num))
            skip = True
        elif (numbered := _PLAIN_NUMBERED_TITLE.match(line)) and _title_like(numbered.group("title"), True):
            num = numbered.group("num")
            level = 2 if num.isalpha() else num.count(".") + 1
            candidates.append(_Candidate(start, end, plain_heading(numbered.group("title")), level,
                                         None if num.isalpha() else num))
        elif following is not None and _title_like(line, False):
            candidates.append(_Candidate(start, end, plain_heading(line), 1, None))
    return candidates


def find_sections(text: str) -> tuple[Section, ...]:
    """Sections of a Markdown document in reading order; each ends where the next one starts. A document
    without a single Markdown heading is read as plain text, its headings being lines that read as titles."""
    candidates = _scan(text) or _scan_plain(text)
    _infer_list_numbers(candidates)
    sections: list[Section] = []
    for index, c in enumerate(candidates):
        end = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
        sections.append(
            Section(
                index=index, number=c.number, heading=c.heading[:300], level=c.level,
                start=c.start, end=end, body_start=min(c.body_start, end),
            )
        )
    return tuple(sections)
