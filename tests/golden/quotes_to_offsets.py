"""Turn the evidence quotes of a PolicyQA label file into character offsets, for a corpus whose text may not be
redistributed: annotators quote (their checker verifies the quotes), and the file stored in the repository keeps
only where each quote is.

Usage: python tests/golden/quotes_to_offsets.py IN.yaml OUT.yaml

Reads the policies from $TERMLENS_TEST_DATA/labeled/policyqa, else ../shared/data/labeled/policyqa. Exit 1 with one
line per quote that is not found verbatim.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from check_quotes import ota_root

from termlens.analysis.evaluation import policyqa_texts


def to_offsets(label: dict[str, Any], text: str, where: str, problems: list[str]) -> dict[str, Any]:
    """The label with ``evidence_at`` (first occurrence of each quote) in place of ``evidence``."""
    spans = []
    for quote in label.get("evidence") or []:
        at = text.find(quote)
        if at < 0:
            problems.append(f"{where}: quote not found verbatim: {quote[:80]!r}")
        spans.append([at, at + len(quote)])
    out = {k: v for k, v in label.items() if k != "evidence"}
    out["evidence_at"] = spans
    return out


def main(argv: list[str]) -> int:
    """Convert one file."""
    if len(argv) != 2:
        print("usage: quotes_to_offsets.py IN.yaml OUT.yaml", file=sys.stderr)
        return 2
    policies = policyqa_texts(ota_root().parent)
    data = yaml.safe_load(Path(argv[0]).read_text(encoding="utf-8"))
    problems: list[str] = []
    versions = []
    for v in data.get("versions") or []:
        text = policies[str(v["policyqa"])]
        vid = str(v.get("id"))
        answers = {q: to_offsets(a, text, f"{vid} {q}", problems) for q, a in (v.get("answers") or {}).items()}
        items = [to_offsets(i, text, f"{vid} {i.get('item')}", problems) for i in v.get("items") or []]
        versions.append({**v, "answers": answers, "items": items})
    for p in problems:
        print(p)
    if problems:
        return 1
    Path(argv[1]).write_text(yaml.safe_dump({"versions": versions}, sort_keys=False, allow_unicode=True, width=120),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
