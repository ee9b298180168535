"""The shape of lists in terms: list items, fragments that continue a lead-in, indentation, and closed lists of uses.

Split out of ``reading`` so that each module stays readable.
"""

from __future__ import annotations

from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.statements import has
from termlens.domain.model import DocumentStructure, Sentence
from termlens.domain.vocabulary import Condition

LIST_ITEM = rx(r"[ \t]*(?:[*\-•+]|\(?[ivx]+\)\.?|\(?[a-z0-9]\)\.?|[a-z]\.|\d+\.)\s", 0)


def fragment(text: str) -> bool:
    """Whether a list item continues its lead-in's sentence ("the topics of the posts you write;"), rather than
    making its own statement ("For example, AcmeBot does not access password-protected pages."): it starts in lower
    case or ends open."""
    body = text.lstrip(" *_>|")
    marker = LIST_ITEM.match(body)
    body = body[marker.end():].strip(" *_") if marker else body.strip(" *_")
    return bool(body) and (body[0].islower() or body.endswith((";", ",", " and", " or")))


def line_indent(text: str, line_start: int) -> int:
    """How far a line is indented (spaces and tabs before its first character)."""
    head = text[line_start:line_start + 40]
    return len(head) - len(head.lstrip(" \t"))


# "We use Uploads only for the following purposes:", "We process Private Content only:": the items list every use.
_ONLY_LEAD = rx(r"\bonly\b(?: (?:for|in) the following (?:\w+ )?(?:purposes|ways|reasons)| as follows)?:\s*$")
# "We do not use Uploads or Renders for any other purpose.": the uses just listed are all of them.
NO_OTHER_PURPOSE = rx(r"\b(?:not|never)\b[^.;]{0,80}?\bfor any other purposes?\b")


def _develops(text: str) -> bool:
    """A listed use that could reach training or marketing: developing, improving, research, AI, advertising."""
    low = text.lower()
    return bool(has(lx.TRAIN_WORDS, text) or has(lx.IMPROVE_SERVICES, text) or has(lx.AI_DEVELOP, text)
                or has(lx.AI_PURPOSE, text) or any(w in low for w in ("research", "advertis", "marketing", "promot",
                                                                       "analy", "any other purpose")))


def closes_the_list(structure: DocumentStructure, sentence: Sentence) -> bool:
    """A lead-in that limits the uses to the items under it ("only for the following purposes:"), or a sentence that
    says the uses just listed are all ("for no other purpose"), where no listed use develops or trains anything:
    a closed list of uses that leaves AI training out."""
    sentences = structure.sentences
    if sentence.text.rstrip().endswith(":"):
        if not has(_ONLY_LEAD, sentence.text):
            return False
        listed = []
        for s in sentences[sentence.index + 1:sentence.index + 15]:
            line_start = structure.text.rfind("\n", 0, s.start) + 1
            if s.section != sentence.section or not LIST_ITEM.match(structure.text, line_start, line_start + 16):
                break
            listed.append(s.text)
    else:
        listed = [s.text for s in sentences[max(0, sentence.index - 8):sentence.index]
                  if s.section == sentence.section]
    return bool(listed) and not any(_develops(t) for t in listed) and not _develops(
        NO_OTHER_PURPOSE.sub(" ", sentence.text))


def row_conditions(piece: Sentence, row: Sentence, training: bool) -> frozenset[Condition]:
    """A purpose cell read on its own keeps the de-identification its table row puts on the data ("| To train our
    models | De-identified User Content |"), and a training cell the switch ("| … | You can switch off … |")."""
    if piece is row or piece.text == row.text:
        return frozenset()
    return frozenset(c for c, words in ((Condition.DEIDENTIFIED, lx.DEIDENTIFIED), (Condition.OPT_OUT, _ROW_SWITCH))
                     if has(words, row.text) and (training or c is Condition.DEIDENTIFIED))


# A switch in so many words, not the settings and choices a purpose table mentions in passing
_ROW_SWITCH = rx(r"\b(?:switch|turn)(?:es|ed|ing)? (?:it |this |that )?off\b|\bopt(?:s|ed)?[- ]out\b")
