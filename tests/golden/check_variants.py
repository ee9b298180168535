"""Check drafting-variants files (tests/golden/variants/): shape, vocabulary, verbatim quotes.

    .venv/bin/python tests/golden/check_variants.py tests/golden/variants/*.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

VERDICTS = {"yes", "likely", "unclear", "unlikely", "no"}
CONDITIONS = {"none", "opt_in", "opt_out", "admin", "plan", "deidentified", "region"}
QUESTIONS = {"train.content.own", "train.content.third_party", "train.usage.own", "train.ai_io", "ownership.usage",
             "license.content.broad", "marketing.content", "control.ai_training"}


def _label_errors(case_id: str, question: str, label: dict[str, Any], text: str) -> list[str]:
    errors = []
    verdict = str(label.get("verdict"))
    defensible = [str(x) for x in label.get("defensible") or []]
    if verdict not in VERDICTS or verdict not in defensible or not set(defensible) <= VERDICTS:
        errors.append(f"{case_id} {question}: verdict {verdict!r} must be in defensible {defensible}")
    condition = str(label.get("condition"))
    conditions_ok = [str(x) for x in label.get("conditions_ok") or []]
    if condition not in CONDITIONS or condition not in conditions_ok or not set(conditions_ok) <= CONDITIONS:
        errors.append(f"{case_id} {question}: condition {condition!r} / conditions_ok {conditions_ok}")
    for quote in label.get("evidence") or []:
        if str(quote) not in text:
            errors.append(f"{case_id} {question}: quote not verbatim: {str(quote)[:80]!r}")
    if not label.get("evidence") and not str(label.get("rationale", "")).startswith("Silent"):
        errors.append(f"{case_id} {question}: no evidence and the rationale does not start 'Silent:'")
    return errors


def check(path: Path) -> list[str]:
    """Every problem in one file (empty when it is sound)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    errors: list[str] = []
    seen: set[str] = set()
    for i, case in enumerate(data.get("cases") or []):
        case_id = str(case.get("id", f"#{i}"))
        if case_id in seen:
            errors.append(f"{case_id}: duplicate id")
        seen.add(case_id)
        text = case.get("text")
        if not isinstance(text, str) or len(text.split()) < 40:
            errors.append(f"{case_id}: text missing or shorter than 40 words")
            continue
        answers = case.get("answers") or {}
        if not answers:
            errors.append(f"{case_id}: no answers")
        for question, label in answers.items():
            if question not in QUESTIONS:
                errors.append(f"{case_id}: unknown question {question}")
            else:
                errors += _label_errors(case_id, question, label, text)
    return errors


def main(paths: list[str]) -> int:
    """Check each file; print the problems; exit 1 if any."""
    errors = [e for p in paths for e in check(Path(p))]
    print("\n".join(errors) if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
