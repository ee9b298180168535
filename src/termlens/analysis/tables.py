"""Purpose tables: the rows of a privacy policy's "purpose | data used | legal basis" table.

Many privacy policies say which data serves which purpose in a table. Where the row for training AI models lists the
data it uses, and usage or technical data appears only in other rows, the table itself says that usage data is not
among the training data, whatever a general sentence about "personal data" says elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import Reading
from termlens.analysis.statements import read_sentence
from termlens.analysis.terms import Category, categories_in, term_categories
from termlens.domain.model import Evidence

_ROW = rx(r"^[ \t]*\|(.+)\|[ \t]*$", re.MULTILINE)
_RULE = rx(r"^[\s|:-]*$", 0)
# "To improve the Services and conduct research (excluding model training)": a purpose that names training to leave
# it out.
_TRAINING_EXCLUDED = rx(r"\b(?:excluding|except(?: for)?|other than|but not|not including) (?:\w+ ){0,2}?"
                        r"(?:training|train)\b")


@dataclass(frozen=True)
class PurposeRow:
    """One row of a purpose table: its purpose cell, the data it lists, and whether the purpose is training or
    marketing."""

    purpose: Evidence
    data: Evidence
    categories: frozenset[Category]
    training: bool
    marketing: bool


def purpose_rows(reading: Reading) -> list[PurposeRow]:
    """The rows of the document's tables whose first cell states a purpose and whose second lists data."""
    text = reading.structure.text
    rows: list[PurposeRow] = []
    for found in _ROW.finditer(text):
        cells, at = [], found.start(1)
        for raw in found.group(1).split("|"):
            lead = len(raw) - len(raw.lstrip())
            cells.append((raw.strip(), at + lead))
            at += len(raw) + 1
        if len(cells) < 2 or _RULE.match(found.group(0)) or not cells[0][0] or not cells[1][0]:
            continue
        (purpose, p_at), (data, d_at) = cells[0], _data_cell(cells[1:])
        via_terms, _ = term_categories(data, reading.terms) if reading.terms else (frozenset(), ())
        cues = read_sentence(purpose)
        section = reading.section_at(p_at)
        rows.append(PurposeRow(
            purpose=Evidence(text[p_at:p_at + len(purpose)], p_at, p_at + len(purpose), section),
            data=Evidence(text[d_at:d_at + len(data)], d_at, d_at + len(data), section),
            categories=categories_in(data) | via_terms,
            training=cues.ai_training and not cues.negated and not _TRAINING_EXCLUDED.search(purpose),
            marketing=bool(lx.MARKETING.search(purpose)) and not cues.marketing_negated,
        ))
    return rows


# A legal-basis cell ("Legitimate Interest<br>Consent", "Performance of a contract"): the data sits in another column.
_LEGAL_BASIS_CELL = rx(r"^(?:\W*(?:legitimate interests?|consent|(?:performance of (?:a |the )?)?contract|"
                       r"legal obligations?|compliance with (?:a )?legal obligations?|vital interests?|"
                       r"public interest|<br>)\W*)+$")


def _data_cell(cells: list[tuple[str, int]]) -> tuple[str, int]:
    """The cell that lists the data: the first after the purpose that is not a legal basis ("purpose | legal basis |
    data" tables put it third)."""
    return next((cell for cell in cells if not _LEGAL_BASIS_CELL.match(cell[0])), cells[0])


def training_rows_leave_out(reading: Reading, category: Category) -> list[PurposeRow]:
    """The training rows of a purpose table that does not list ``category`` for training but lists it for other
    purposes (empty when the table says nothing of the kind)."""
    return _rows_leaving_out(purpose_rows(reading), lambda r: r.training, {category})


def marketing_rows_leave_out(reading: Reading, categories: set[Category]) -> list[PurposeRow]:
    """The marketing rows of a purpose table that list none of ``categories`` while other rows do."""
    return _rows_leaving_out(purpose_rows(reading), lambda r: r.marketing, categories)


def _rows_leaving_out(rows: list[PurposeRow], serves: Callable[[PurposeRow], bool],
                      categories: set[Category]) -> list[PurposeRow]:
    chosen = [r for r in rows if serves(r)]
    if not chosen or any(r.categories & categories for r in chosen):
        return []
    if not any(r.categories & categories for r in rows if not serves(r)):
        return []
    return chosen
