"""Policy checks: an organisation's rules evaluated against every service's current answers.

The format is documented in docs/policy.md. A rule names a question (or a data item and a use),
the verdicts it forbids, and optionally conditions that make a forbidden verdict acceptable,
the services it covers, and whether breaking it is an error (exit 1) or a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from termlens.domain.model import Evidence
from termlens.domain.vocabulary import DATA_ITEMS_BY_ID, QUESTIONS_BY_ID, Condition, Use, Verdict
from termlens.reports.analyses import AnalysisCache, best_item
from termlens.reports.portfolio import PortfolioRow

_RULE_KEYS = {"id", "description", "question", "item", "use", "forbid", "unless", "services", "except_services",
              "severity"}
_VERDICT_ALIASES = {"probably": "likely", "maybe": "unclear", "probably_not": "unlikely"}


class PolicyError(ValueError):
    """The policy file cannot be used; the message names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    """One rule of a policy."""

    id: str
    description: str
    question: str | None
    item: str | None
    use: str | None
    forbid: frozenset[Verdict]
    unless: frozenset[Condition]
    services: frozenset[str]
    except_services: frozenset[str]
    severity: str

    def covers(self, service: str) -> bool:
        """Whether this rule applies to a service (names compared case-insensitively)."""
        name = service.lower()
        return (not self.services or name in self.services) and name not in self.except_services


@dataclass(frozen=True)
class Violation:
    """A service that breaks a rule, with the answer and the clauses that show it."""

    rule: Rule
    service: str
    verdict: Verdict
    condition: Condition
    words: str
    document: str
    evidence: tuple[Evidence, ...]
    explanation: str

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one violation."""
        return {"rule": self.rule.id, "description": self.rule.description, "severity": self.rule.severity,
                "service": self.service, "verdict": self.verdict.value, "condition": self.condition.value,
                "plain": self.words, "document": self.document, "explanation": self.explanation,
                "evidence": [e.to_json() for e in self.evidence]}


def _names(raw: object, where: str, key: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise PolicyError(f"{where}: '{key}' must be a list of names")
    return frozenset(x.lower() for x in raw)


def _verdicts(raw: object, where: str) -> frozenset[Verdict]:
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values:
        raise PolicyError(f"{where}: 'forbid' must list verdicts (yes, likely, unclear, unlikely, no)")
    # YAML 1.1 reads a bare yes / no as a boolean.
    words = ["yes" if v is True else "no" if v is False else str(v).lower() for v in values]
    try:
        return frozenset(Verdict(_VERDICT_ALIASES.get(w, w)) for w in words)
    except ValueError as exc:
        raise PolicyError(f"{where}: {exc}; verdicts are yes, likely, unclear, unlikely, no") from None


def _conditions(raw: object, where: str) -> frozenset[Condition]:
    values = [] if raw is None else [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list):
        raise PolicyError(f"{where}: 'unless' must list conditions")
    try:
        return frozenset(Condition(str(v).lower()) for v in values)
    except ValueError as exc:
        raise PolicyError(f"{where}: {exc}; conditions are {', '.join(c.value for c in Condition)}") from None


def _rule(raw: object, index: int, path: str) -> Rule:
    where = f"{path}: rule {index + 1}"
    if not isinstance(raw, dict):
        raise PolicyError(f"{where}: expected a mapping with at least 'question' (or 'item') and 'forbid'")
    unknown = set(map(str, raw)) - _RULE_KEYS
    if unknown:
        raise PolicyError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    rule_id = str(raw.get("id") or f"rule-{index + 1}")
    where = f"{path}: rule {rule_id}"
    question, item, use = raw.get("question"), raw.get("item"), raw.get("use")
    if (question is None) == (item is None):
        raise PolicyError(f"{where}: give exactly one of 'question' or 'item'")
    if question is not None and question not in QUESTIONS_BY_ID:
        raise PolicyError(f"{where}: unknown question {question!r}; known: {', '.join(QUESTIONS_BY_ID)}")
    if item is not None:
        if item not in DATA_ITEMS_BY_ID:
            raise PolicyError(f"{where}: unknown item {item!r}; known: {', '.join(DATA_ITEMS_BY_ID)}")
        use = use or Use.AI_TRAINING.value
        if use not in {u.value for u in Use}:
            raise PolicyError(f"{where}: unknown use {use!r}; known: {', '.join(u.value for u in Use)}")
    severity = str(raw.get("severity") or "error")
    if severity not in ("error", "warning"):
        raise PolicyError(f"{where}: severity must be error or warning")
    return Rule(rule_id, str(raw.get("description") or ""), question, item, use, _verdicts(raw.get("forbid"), where),
                _conditions(raw.get("unless"), where), _names(raw.get("services"), where, "services"),
                _names(raw.get("except_services"), where, "except_services"), severity)


def load_policy(path: Path) -> list[Rule]:
    """Read and validate a policy file; raises PolicyError with a one-line reason."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{path}: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) or not data["rules"]:
        raise PolicyError(f"{path}: expected a mapping with a non-empty 'rules' list")
    rules = [_rule(raw, i, str(path)) for i, raw in enumerate(data["rules"])]
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise PolicyError(f"{path}: rule ids must be unique")
    return rules


def evaluate(rules: list[Rule], rows: list[PortfolioRow], cache: AnalysisCache) -> list[Violation]:
    """Every (rule, service) pair where the service's current answer is forbidden by the rule."""
    violations = []
    for row in rows:
        current = [v for v, _ in row.answers.values()]
        current = list({v.version.id: v for v in current}.values())
        for rule in rules:
            if not rule.covers(row.service):
                continue
            if rule.question is not None:
                source, answer = row.answers[rule.question]
                verdict, condition, words = answer.verdict, answer.condition, row.words(rule.question)
                evidence, explanation = answer.evidence, answer.explanation
            else:
                assert rule.item is not None and rule.use is not None
                source, item = best_item([(v, v.analysis.item(rule.item, rule.use)) for v in current])
                verdict, condition = item.verdict, item.condition
                evidence, explanation = item.evidence, item.explanation
                words = verdict.plain(item.confidence) + (f", {condition.plain()}" if condition.plain() else "")
            if verdict in rule.forbid and condition not in rule.unless:
                violations.append(Violation(rule, row.service, verdict, condition, words,
                                            source.version.document_type, evidence, explanation))
    return violations
