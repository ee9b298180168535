"""Scoring an analyzer against the golden set (tests/golden/analyzer/*.yaml).

Shared by ``bench/eval_analyzer.py`` (prints the figures) and the eval gate test. A system is any
function from a document structure to answers; the analyzer and the keyword baseline both fit.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from termlens.domain.model import Answer, DocumentStructure, Evidence, ItemAnswer
from termlens.domain.vocabulary import QUESTION_IDS

System = Callable[[DocumentStructure], tuple[Sequence[Answer], Sequence[ItemAnswer]]]


@dataclass
class Outcome:
    """How one answer compares with its label."""

    version: str
    question: str
    verdict: str
    label: str
    defensible: bool
    exact: bool
    condition_ok: bool
    evidence_ok: bool
    predicted_condition: str
    label_condition: str
    # the stricter reading: the first quote alone (quotes come in document order) overlaps a labelled one
    first_evidence_ok: bool = False
    # whether the label quotes a clause (False: the labelled answer rests on silence)
    label_quotes: bool = False


@dataclass
class Scores:
    """Aggregate figures over a split."""

    outcomes: list[Outcome] = field(default_factory=list)
    item_outcomes: list[Outcome] = field(default_factory=list)

    @staticmethod
    def _share(rows: Sequence[Outcome], attr: str) -> float:
        return sum(bool(getattr(o, attr)) for o in rows) / len(rows) if rows else 0.0

    def share(self, attr: str) -> float:
        """The share of document-level answers for which ``attr`` holds."""
        return self._share(self.outcomes, attr)

    def item_share(self, attr: str) -> float:
        """The share of item-level answers for which ``attr`` holds."""
        return self._share(self.item_outcomes, attr)

    def per_question(self) -> dict[str, tuple[float, float, int]]:
        """question id -> (within-defensible share, exact share, count)."""
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            groups[o.question].append(o)
        return {q: (self._share(groups[q], "defensible"), self._share(groups[q], "exact"), len(groups[q]))
                for q in QUESTION_IDS if q in groups}


def load_split(path: Path) -> list[dict[str, Any]]:
    """The labelled versions of one split file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    versions: list[dict[str, Any]] = data.get("versions") or []
    return versions


def split_files(golden: Path, split: str) -> list[Path]:
    """The label files of a split: ``dev`` is dev.yaml plus every dev_*.yaml (labelled in parallel by
    several annotators), ``claudette`` claudette.yaml plus every claudette_*.yaml, ``opp`` opp.yaml plus every
    opp_*.yaml; any other split is its one file."""
    files = [golden / f"{split}.yaml"]
    if split in ("dev", "claudette", "opp"):
        files += sorted(golden.glob(f"{split}_*.yaml"))
    return [f for f in files if f.exists()]


def load_split_versions(golden: Path, split: str) -> list[dict[str, Any]]:
    """Every labelled version of a split, from all of its files, none skipped."""
    return [v for path in split_files(golden, split) for v in load_split(path)]


def _spans(text: str, quotes: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for quote in quotes:
        at = text.find(quote)
        if at >= 0:
            spans.append((at, at + len(quote)))
    return spans


def evidence_agrees(text: str, predicted: Sequence[Evidence], labelled: Sequence[str]) -> bool:
    """Overlap with at least one labelled quote, or both answers rest on silence."""
    if not labelled:
        return not predicted
    spans = _spans(text, labelled)
    for e in predicted:
        if any(e.start < end and start < e.end for start, end in spans):
            return True
        if any(e.quote in q or q in e.quote for q in labelled):
            return True
    return False


def _compare(version: str, key: str, text: str, label: dict[str, Any], verdict: str, condition: str,
             evidence: Sequence[Evidence]) -> Outcome:
    defensible = [str(v) for v in label.get("defensible") or [label["verdict"]]]
    conditions_ok = [str(c) for c in label.get("conditions_ok") or [label.get("condition", "none")]]
    quotes = [str(q) for q in label.get("evidence") or []]
    return Outcome(
        version=version, question=key, verdict=verdict, label=str(label["verdict"]),
        defensible=verdict in defensible, exact=verdict == str(label["verdict"]),
        condition_ok=condition in conditions_ok,
        evidence_ok=evidence_agrees(text, evidence, quotes),
        predicted_condition=condition, label_condition=str(label.get("condition", "none")),
        first_evidence_ok=evidence_agrees(text, evidence[:1], quotes),
        label_quotes=bool(quotes),
    )


def evaluate(versions: Sequence[dict[str, Any]], ota_dir: Path, system: System,
             load: Callable[[Path], DocumentStructure],
             parse: Callable[[str], DocumentStructure] | None = None) -> Scores:
    """Run ``system`` on every labelled version and compare with the labels. A version of the archive is read
    with ``load`` from its ``path``; a CLAUDETTE terms of service (``claudette: NAME``) or a PolicyQA privacy policy
    (``policyqa: TITLE``), beside ota/ in the shared data, is read from its corpus and segmented with ``parse``."""
    scores = Scores()
    for v in versions:
        corpus = next((c for c in _CORPORA if c[0] in v), None)
        if corpus is None:
            _score(scores, v, load(ota_dir / v["path"]), system)
            continue
        key, texts_of, where, what = corpus
        texts = texts_of(ota_dir.parent)
        name = str(v[key])
        if parse is None or name not in texts:
            raise ValueError(f"{v.get('id')}: cannot read {what} {name!r} from {ota_dir.parent / where}")
        # (PolicyQA labels point at their evidence by offsets: the quotes are taken from the text)
        labels = with_quotes(v, texts[name]) if key == "policyqa" else v
        _score(scores, labels, parse(texts[name]), system)
    return scores


# The CLAUDETTE corpus (../shared/data/labeled/, CC BY 4.0): 50 real terms of service of 2012-2022, kept as
# sentences. Vendors the archive does not hold make it the one source of real drafting left to test on.
CLAUDETTE_SENTENCES = Path("labeled") / "claudette_unfair_tos" / "sentences_en.jsonl"


@lru_cache(maxsize=2)
def claudette_texts(data_dir: Path) -> dict[str, str]:
    """Each terms of service of the CLAUDETTE corpus as one text, by its ``doc`` name.

    The corpus keeps sentences, not paragraphs, so each sentence becomes a paragraph of its own; the
    golden labels quote sentences of exactly this text.
    """
    sentences: dict[str, list[str]] = defaultdict(list)
    with (data_dir / CLAUDETTE_SENTENCES).open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            sentences[str(row["doc"])].append(str(row["text"]).strip())
    return {doc: "\n\n".join(s for s in texts if s) + "\n" for doc, texts in sentences.items()}


# PolicyQA (../shared/data/labeled/policyqa/): privacy policies of 40 US websites (2012-2013) from the OPP-115
# corpus. Its text may not be redistributed, so labels on it point at the evidence by character offsets
# (``evidence_at``) instead of quoting it; the quotes are taken from the corpus when the labels are read.
POLICYQA = Path("labeled") / "policyqa"


@lru_cache(maxsize=2)
def policyqa_texts(data_dir: Path) -> dict[str, str]:
    """Each privacy policy of the PolicyQA corpus (its dev and test files) as one text, by its title: the segments
    the corpus keeps, in order, a blank line apart."""
    texts: dict[str, str] = {}
    for name in ("dev.json", "test.json"):
        data = json.loads((data_dir / POLICYQA / name).read_text(encoding="utf-8"))
        for policy in data.get("data") or []:
            segments = (str(p.get("context", "")).strip() for p in policy.get("paragraphs") or [])
            texts[str(policy["title"])] = "\n\n".join(s for s in segments if s) + "\n"
    return texts


def with_quotes(version: dict[str, Any], text: str) -> dict[str, Any]:
    """A label entry whose ``evidence_at`` offsets are turned into the quotes they point at (``evidence``)."""

    def quoted(label: dict[str, Any]) -> dict[str, Any]:
        spans = label.get("evidence_at")
        if spans is None:
            return label
        quotes = []
        for span in spans:
            start, end = int(span[0]), int(span[1])
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{version.get('id')}: evidence_at {span!r} is outside the text ({len(text)} chars)")
            quotes.append(text[start:end])
        return {**label, "evidence": quotes}

    return {**version, "answers": {q: quoted(a) for q, a in (version.get("answers") or {}).items()},
            "items": [quoted(i) for i in version.get("items") or []]}


# The corpora a label entry may name instead of an archive path: its key, its texts by name, where they live, and
# what a document of it is called in an error.
_CORPORA: tuple[tuple[str, Callable[[Path], dict[str, str]], Path, str], ...] = (
    ("policyqa", policyqa_texts, POLICYQA, "PolicyQA policy"),
    ("claudette", claudette_texts, CLAUDETTE_SENTENCES, "CLAUDETTE document"),
)


def load_variants(path: Path) -> list[dict[str, Any]]:
    """The cases of one drafting-variants file (tests/golden/variants/): excerpts written for the set, each
    carrying its own text instead of a path into the archive."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cases: list[dict[str, Any]] = data.get("cases") or []
    return cases


def evaluate_texts(cases: Sequence[dict[str, Any]], system: System,
                   parse: Callable[[str], DocumentStructure]) -> Scores:
    """Like :func:`evaluate`, for cases that carry their text."""
    scores = Scores()
    for case in cases:
        _score(scores, case, parse(case["text"]), system)
    return scores


def _score(scores: Scores, v: dict[str, Any], structure: DocumentStructure, system: System) -> None:
    answers, items = system(structure)
    by_id = {a.question: a for a in answers}
    for qid, label in (v.get("answers") or {}).items():
        if qid not in by_id:
            continue
        a = by_id[qid]
        scores.outcomes.append(_compare(v["id"], qid, structure.text, label, a.verdict.value,
                                        a.condition.value, a.evidence))
    item_by_key = {(i.item, i.use): i for i in items}
    for label in v.get("items") or []:
        found = item_by_key.get((label["item"], label["use"]))
        if found is None:
            continue
        scores.item_outcomes.append(_compare(v["id"], f"{label['item']}×{label['use']}", structure.text,
                                             label, found.verdict.value, found.condition.value,
                                             found.evidence))
