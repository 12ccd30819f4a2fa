"""Which rules can possibly match a version, found by lookup instead of trying every rule.

Keyword and entity rules are indexed by their positive terms (a query that is true with no term
found, such as `A OR NOT B`, is always tried), category rules by code, entity rules also by
entity id; new-policy rules are tried on policy documents and change rules on changed versions.
The full check is still `rules.match_version`: the plan only narrows the candidates.
"""

from __future__ import annotations

from collections import defaultdict

from alerts.facts import VersionFacts
from alerts.rules import Rule, change_of
from alerts.terms import TermIndex


class RulePlan:
    def __init__(self, rules: list[Rule]):
        self.order = {r.rule_id: i for i, r in enumerate(rules)}
        self.by_term: dict[str, list[Rule]] = defaultdict(list)
        self.by_code: dict[str, list[Rule]] = defaultdict(list)
        self.by_entity: dict[int, list[Rule]] = defaultdict(list)
        self.always: list[Rule] = []
        self.policy: list[Rule] = []
        self.changed: list[Rule] = []
        for rule in rules:
            self._add(rule)

    def _add(self, rule: Rule) -> None:
        if rule.rule_type == "keyword":
            if rule.query.evaluate(set()):
                self.always.append(rule)
            for term in rule.query.terms():
                self.by_term[term].append(rule)
        elif rule.rule_type == "category":
            for code in rule.codes or ():
                self.by_code[code].append(rule)
        elif rule.rule_type == "entity":
            for name in rule.names:
                self.by_term[name].append(rule)
            for entity_id in rule.entity_ids:
                self.by_entity[entity_id].append(rule)
        elif rule.rule_type == "new_policy":
            self.policy.append(rule)
        elif rule.rule_type == "changed":
            self.changed.append(rule)
        else:
            self.always.append(rule)

    def candidates(self, facts: VersionFacts, index: TermIndex) -> list[Rule]:
        """Rules worth a full check on this version, each once, in rule order."""
        found: dict[int, Rule] = {r.rule_id: r for r in self.always}
        if self.by_term:
            title, text = facts.found_with(index)
            for term in title.keys() | text.keys():
                found.update((r.rule_id, r) for r in self.by_term.get(term, ()))
        for code in facts.codes:
            found.update((r.rule_id, r) for r in self.by_code.get(code, ()))
        for entity_id in facts.entity_ids:
            found.update((r.rule_id, r) for r in self.by_entity.get(entity_id, ()))
        if facts.is_policy and facts.version_no == 1:
            found.update((r.rule_id, r) for r in self.policy)
        if change_of(facts) is not None:
            found.update((r.rule_id, r) for r in self.changed)
        return sorted(found.values(), key=lambda r: self.order[r.rule_id])
