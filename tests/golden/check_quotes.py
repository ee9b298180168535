"""Check a golden-set YAML file: every evidence quote must be a verbatim substring of its version.

Usage: python tests/golden/check_quotes.py tests/golden/analyzer/dev.yaml [more.yaml ...]

Versions are read from $TERMLENS_TEST_DATA/ota, else ../shared/data/ota beside the repository.
Besides the quotes, the file's shape is checked (all 8 questions, known verdicts, conditions and
item ids, `defensible` containing `verdict`), because a label that the scorer cannot read is as
useless as a quote that is not in the text. Exit 0 when everything holds, 1 when a problem is
found (one line per problem), 2 on bad usage or an unreadable file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import yaml

from termlens.analysis.evaluation import claudette_texts, policyqa_texts, with_quotes
from termlens.domain.vocabulary import DATA_ITEMS, QUESTION_IDS, Condition, Use, Verdict

REPO_ROOT = Path(__file__).resolve().parents[2]
VERDICTS = {v.value for v in Verdict}
CONDITIONS = {c.value for c in Condition}
USES = {u.value for u in Use}
ITEM_IDS = {item.id for item in DATA_ITEMS}
MIN_ITEMS, MAX_ITEMS = 2, 5


def ota_root() -> Path:
    """Where the OTA versions live: $TERMLENS_TEST_DATA/ota, else ../shared/data/ota."""
    override = os.environ.get("TERMLENS_TEST_DATA")
    base = Path(override) if override else REPO_ROOT.parent / "shared" / "data"
    return base / "ota"


def check_label(where: str, label: dict[str, Any], text: str) -> list[str]:
    """Problems with one answer or item label: verdicts, conditions and quotes."""
    problems: list[str] = []
    verdict = label.get("verdict")
    defensible = label.get("defensible") or []
    if verdict not in VERDICTS:
        problems.append(f"{where}: unknown verdict {verdict!r}")
    if not set(defensible) <= VERDICTS or verdict not in defensible:
        problems.append(f"{where}: defensible {defensible!r} must be verdicts and include {verdict!r}")
    condition = label.get("condition")
    conditions_ok = label.get("conditions_ok") or []
    if condition not in CONDITIONS:
        problems.append(f"{where}: unknown condition {condition!r}")
    if not set(conditions_ok) <= CONDITIONS or condition not in conditions_ok:
        problems.append(f"{where}: conditions_ok {conditions_ok!r} must include {condition!r}")
    if not str(label.get("rationale", "")).strip():
        problems.append(f"{where}: rationale is empty")
    evidence = label.get("evidence")
    if not isinstance(evidence, list):
        problems.append(f"{where}: evidence must be a list")
        return problems
    if not evidence and "silent" not in str(label.get("rationale", "")).lower():
        problems.append(f"{where}: no evidence, so the rationale must say the text is silent")
    for quote in evidence:
        if not isinstance(quote, str) or not quote.strip():
            problems.append(f"{where}: empty or non-text quote")
        elif quote not in text:
            problems.append(f"{where}: quote not found verbatim: {quote[:80]!r}")
    return problems


def check_version(version: dict[str, Any], root: Path, min_items: int = MIN_ITEMS) -> list[str]:
    """Problems with one labelled version."""
    vid = str(version.get("id", "?"))
    if "policyqa" in version:
        # a privacy policy of the PolicyQA corpus, whose labels point at the evidence by offsets (evidence_at)
        policies = policyqa_texts(root.parent)
        if str(version["policyqa"]) not in policies:
            return [f"{vid}: no PolicyQA policy named {version['policyqa']!r}"]
        text = policies[str(version["policyqa"])]
        labels = [*(version.get("answers") or {}).values(), *(version.get("items") or [])]
        if any("evidence" in label for label in labels):
            return [f"{vid}: PolicyQA labels give evidence_at offsets, never the quotes themselves"]
        try:
            version = with_quotes(version, text)
        except ValueError as error:
            return [str(error)]
    elif "claudette" in version:
        # a terms of service of the CLAUDETTE corpus, beside ota/ in the shared data
        texts = claudette_texts(root.parent)
        if str(version["claudette"]) not in texts:
            return [f"{vid}: no CLAUDETTE document named {version['claudette']!r}"]
        text = texts[str(version["claudette"])]
    else:
        path = root / str(version.get("path", ""))
        if not path.is_file():
            return [f"{vid}: file not found: {path}"]
        text = path.read_text(encoding="utf-8")
    problems: list[str] = []
    answers = version.get("answers") or {}
    missing = [q for q in QUESTION_IDS if q not in answers]
    extra = [q for q in answers if q not in QUESTION_IDS]
    if missing or extra:
        problems.append(f"{vid}: questions missing {missing} / unknown {extra}")
    for question, label in answers.items():
        problems += check_label(f"{vid} {question}", label, text)
    items = version.get("items") or []
    if not min_items <= len(items) <= MAX_ITEMS:
        problems.append(f"{vid}: {len(items)} item labels, expected {min_items}-{MAX_ITEMS}")
    for label in items:
        where = f"{vid} item {label.get('item')}/{label.get('use')}"
        if label.get("item") not in ITEM_IDS:
            problems.append(f"{where}: unknown item id")
        if label.get("use") not in USES:
            problems.append(f"{where}: unknown use")
        problems += check_label(where, label, text)
    return problems


def check_file(golden: Path, root: Path) -> tuple[int, list[str]]:
    # Second annotations (golden/analyzer/second/) measure agreement on the questions; item labels are optional.
    min_items = 0 if golden.parent.name == "second" else MIN_ITEMS
    """The number of versions in a golden file and the problems found in it."""
    data = yaml.safe_load(golden.read_text(encoding="utf-8"))
    versions = data.get("versions") if isinstance(data, dict) else None
    if not isinstance(versions, list):
        return 0, [f"{golden}: no top-level 'versions' list"]
    problems: list[str] = []
    ids = [str(v.get("id")) for v in versions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"{golden}: duplicate ids {duplicates}")
    for version in versions:
        problems += check_version(version, root, min_items)
    return len(versions), problems


def main(argv: list[str]) -> int:
    """Check every file named on the command line; print one line per problem."""
    if not argv:
        print("usage: check_quotes.py GOLDEN.yaml [...]", file=sys.stderr)
        return 2
    root = ota_root()
    if not root.is_dir():
        print(f"OTA data not found at {root} (set TERMLENS_TEST_DATA)", file=sys.stderr)
        return 2
    all_problems: list[str] = []
    for name in argv:
        golden = Path(name)
        try:
            count, problems = check_file(golden, root)
        except (OSError, yaml.YAMLError) as error:
            print(f"{golden}: cannot read: {str(error).splitlines()[0]}", file=sys.stderr)
            return 2
        all_problems += problems
        print(f"{golden}: {count} versions, {len(problems)} problems")
    for problem in all_problems:
        print(problem)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
