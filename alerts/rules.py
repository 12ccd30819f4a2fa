"""Alert rule types: parameters, validation and matching against one document version.

rule_type          params (all optional filters: kinds, sources, categories, min_score)
keyword            query: '具身智能 AND (深圳 OR 广州) NOT "扫地机器人"'; fields: [title, text]
category           categories: [leaf code | view:parent | view]
entity             names: [an org, place or policy title; canonical name or alias]
first_seen_entity  categories (required), types: [org], scope: category | archive
new_policy         issuers: [substring], levels: [national|provincial|city|district] (municipal, county
                   also accepted),
                   doc_number_prefixes: [粤府, 粤工信 …]
changed            changes: [revised, amended, abolished, expired]; kinds default [policy, interpretation]
spike              categories or names; threshold (ratio, default 3), min_count (3), baseline_days (14)
policy_deadline    days (alert this many days before a deadline a policy sets, default 7); issuers,
                   doc_number_prefixes, kinds, sources (alerts.deadlines)

A category selector is a leaf code (embodied_ai), a view and parent (guangdong:future_electronic_info)
or a whole view (guangdong). A label counts for `categories` only when its score (the classifier's
calibrated probability in [0, 1]) is at least `min_score` (default DEFAULT_MIN_SCORE).
Matching of one version is a pure function of VersionFacts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from alerts.facts import VersionFacts
from alerts.levels import LEVEL_WORDS
from alerts.query import KeywordQuery, QueryError, parse_query
from alerts.terms import TermIndex, normalize_term
from futurewatch.core.entities import ENTITY_TYPES

RULE_TYPES = ("keyword", "category", "entity", "first_seen_entity", "new_policy", "changed", "spike", "policy_deadline")
CHANGES = ("revised", "amended", "abolished", "expired")
COMMON = {"kinds", "sources", "categories", "min_score"}
DEFAULT_MIN_SCORE = 0.5
ALLOWED = {
    "keyword": COMMON | {"query", "fields"},
    "category": COMMON,
    "entity": COMMON | {"names", "types"},
    "first_seen_entity": (COMMON - {"min_score"}) | {"types", "scope"},
    "new_policy": COMMON | {"issuers", "levels", "doc_number_prefixes"},
    "changed": COMMON | {"changes", "issuers", "query"},
    "spike": {"categories", "names", "threshold", "min_count", "baseline_days", "window_hours"},
    "policy_deadline": {"kinds", "sources", "days", "issuers", "doc_number_prefixes"},
}


class RuleError(ValueError):
    """A rule whose params cannot be used; the message names the rule and the problem."""


@dataclass
class Catalog:
    """Categories of the newest taxonomy: code → name and view placements."""

    names: dict[str, str] = field(default_factory=dict)
    views: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # code → view → parents

    def expand(self, selector: str) -> set[str]:
        if ":" in selector:
            view, parent = selector.split(":", 1)
            return {c for c, v in self.views.items() if parent in v.get(view, [])}
        if selector in self.names:
            return {selector}
        return {c for c, v in self.views.items() if selector in v}

    def label(self, selector: str) -> str:
        return self.names.get(selector, selector)


@dataclass
class Match:
    terms: list[str]
    codes: list[str] = field(default_factory=list)
    change: str | None = None


@dataclass
class Rule:
    rule_id: int
    subscriber_id: int
    name: str
    rule_type: str
    params: dict
    query: KeywordQuery | None = None
    codes: set[str] | None = None          # expanded `categories`, None = any
    selectors: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # entity names/aliases, normalised
    entity_ids: set[int] = field(default_factory=set)

    @property
    def params_hash(self) -> str:
        raw = json.dumps([self.rule_type, self.params], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def in_scope(self, facts: VersionFacts) -> bool:
        p = self.params
        if p.get("kinds") and facts.kind not in p["kinds"]:
            return False
        if p.get("sources") and facts.source_id not in p["sources"]:
            return False
        return self.codes is None or bool(self.codes & self.scored_codes(facts))

    @property
    def min_score(self) -> float:
        value = self.params.get("min_score")
        return DEFAULT_MIN_SCORE if value is None else float(value)

    def scored_codes(self, facts: VersionFacts) -> frozenset[str]:
        """The version's labels whose score reaches this rule's min_score."""
        return facts.scored_codes(self.min_score)

    @cached_property
    def policy_filters(self) -> tuple[list[str], set[str], list[str]]:
        """(issuers in matching form, levels, doc number prefixes): read once, checked per version."""
        p = self.params
        return ([normalize_term(i) for i in _as_list(p.get("issuers"), "issuers", self.name)],
                {LEVEL_WORDS[word] for word in p.get("levels") or []},
                _as_list(p.get("doc_number_prefixes"), "doc_number_prefixes", self.name))


def _as_list(value, what: str, rule_name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"rule {rule_name!r}: {what} must be a list of non-empty strings")
    return [v.strip() for v in value]


def compile_rule(row: dict, catalog: Catalog) -> Rule:
    """A rule row (alert_rules) checked and made ready to match; RuleError when unusable."""
    name, rtype, params = row["name"], row["rule_type"], dict(row.get("params") or {})
    if rtype not in RULE_TYPES:
        raise RuleError(f"rule {name!r}: unknown rule_type {rtype!r}; one of {', '.join(RULE_TYPES)}")
    unknown = set(params) - ALLOWED[rtype]
    if unknown:
        raise RuleError(f"rule {name!r}: unknown params {sorted(unknown)} for {rtype}")
    rule = Rule(row["rule_id"], row["subscriber_id"], name, rtype, params)
    rule.selectors = _as_list(params.get("categories"), "categories", name)
    if rule.selectors:
        rule.codes = set().union(*(catalog.expand(s) for s in rule.selectors))
    rule.names = [normalize_term(n) for n in _as_list(params.get("names"), "names", name)]
    _check_min_score(rule)
    CHECKS[rtype](rule)
    return rule


def _check_min_score(rule: Rule) -> None:
    value = rule.params.get("min_score")
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1):
        raise RuleError(f"rule {rule.name!r}: min_score must be a number from 0 to 1")


def _check_keyword(rule: Rule) -> None:
    try:
        rule.query = parse_query(rule.params.get("query", ""))
    except QueryError as exc:
        raise RuleError(f"rule {rule.name!r}: {exc}") from None
    fields = _as_list(rule.params.get("fields"), "fields", rule.name) or ["title", "text"]
    if set(fields) - {"title", "text"}:
        raise RuleError(f"rule {rule.name!r}: fields must be title and/or text")


def _check_needs(key: str) -> Callable[[Rule], None]:
    def check(rule: Rule) -> None:
        if set(_as_list(rule.params.get("types"), "types", rule.name)) - set(ENTITY_TYPES):
            raise RuleError(f"rule {rule.name!r}: types must be among {', '.join(ENTITY_TYPES)}")
        if key == "categories" and not rule.selectors:
            raise RuleError(f"rule {rule.name!r}: {rule.rule_type} needs categories")
        if key == "names" and not rule.names:
            raise RuleError(f"rule {rule.name!r}: {rule.rule_type} needs names")
    return check


def _check_new_policy(rule: Rule) -> None:
    levels = _as_list(rule.params.get("levels"), "levels", rule.name)
    if set(levels) - set(LEVEL_WORDS):
        raise RuleError(f"rule {rule.name!r}: levels must be among national, provincial, city, district")
    _as_list(rule.params.get("issuers"), "issuers", rule.name)
    _as_list(rule.params.get("doc_number_prefixes"), "doc_number_prefixes", rule.name)


def _check_changed(rule: Rule) -> None:
    changes = _as_list(rule.params.get("changes"), "changes", rule.name)
    if set(changes) - set(CHANGES):
        raise RuleError(f"rule {rule.name!r}: changes must be among {', '.join(CHANGES)}")
    if rule.params.get("query"):
        _check_keyword(rule)


def _check_spike(rule: Rule) -> None:
    if not rule.selectors and not rule.names:
        raise RuleError(f"rule {rule.name!r}: spike needs categories or names")
    for key in ("threshold", "min_count", "baseline_days", "window_hours"):
        value = rule.params.get(key)
        if value is not None and (not isinstance(value, (int, float)) or value <= 0):
            raise RuleError(f"rule {rule.name!r}: {key} must be a positive number")


def _check_deadline(rule: Rule) -> None:
    days = rule.params.get("days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= 366):
        raise RuleError(f"rule {rule.name!r}: days must be a whole number of days between 1 and 366")
    _as_list(rule.params.get("issuers"), "issuers", rule.name)
    _as_list(rule.params.get("doc_number_prefixes"), "doc_number_prefixes", rule.name)


CHECKS: dict[str, Callable[[Rule], None]] = {
    "keyword": _check_keyword,
    "category": lambda rule: _check_needs("categories")(rule),
    "entity": _check_needs("names"),
    "first_seen_entity": _check_needs("categories"),
    "new_policy": _check_new_policy,
    "changed": _check_changed,
    "spike": _check_spike,
    "policy_deadline": lambda rule: _check_deadline(rule),
}


# --- matching one version ---------------------------------------------------------------------

def found_terms(facts: VersionFacts, index: TermIndex, fields: list[str]) -> dict[str, int]:
    """Terms of `index` in the chosen fields of a version (title offsets win)."""
    title_hits, text_hits = facts.found_with(index)
    found: dict[str, int] = {}
    if "text" in fields:
        found.update(text_hits)
    if "title" in fields:
        found.update(title_hits)
    return found


def _query_terms(rule: Rule, facts: VersionFacts, index: TermIndex) -> list[str] | None:
    fields = rule.params.get("fields") or ["title", "text"]
    if isinstance(fields, str):
        fields = [fields]
    found = found_terms(facts, index, fields)
    if not rule.query.evaluate(found):
        return None
    return sorted(rule.query.terms() & found.keys(), key=lambda t: found[t])


def match_keyword(rule: Rule, facts: VersionFacts, index: TermIndex) -> Match | None:
    terms = _query_terms(rule, facts, index)
    return None if terms is None else Match(terms, _codes_of(rule, facts))


def match_category(rule: Rule, facts: VersionFacts, index: TermIndex) -> Match | None:
    codes = sorted((rule.codes or set()) & rule.scored_codes(facts))
    return Match(facts.evidence_terms(codes), codes) if codes else None


def match_entity(rule: Rule, facts: VersionFacts, index: TermIndex) -> Match | None:
    found = found_terms(facts, index, ["title", "text"])
    terms = [n for n in rule.names if n in found]
    if not terms and not (rule.entity_ids & facts.entity_ids):
        return None
    return Match(terms or list(rule.names), _codes_of(rule, facts))


def match_new_policy(rule: Rule, facts: VersionFacts, index: TermIndex) -> Match | None:
    if not facts.is_policy or facts.version_no != 1:
        return None
    terms = _policy_terms(rule, facts)
    return None if terms is None else Match(terms, _codes_of(rule, facts))


def _policy_terms(rule: Rule, facts: VersionFacts) -> list[str] | None:
    return policy_filter_terms(rule, lambda: facts.remember("issuers", lambda: [normalize_term(i) for i in facts.issuers]),
                               facts.level, facts.doc_number)


def policy_filter_terms(rule: Rule, issuers: Callable[[], list[str]], level: Callable[[], str | None],
                        doc_number: str | None) -> list[str] | None:
    """The rule's issuer / level / number-prefix filters (each one given must hold) on a policy
    whose issuers (in matching form) and level are read only when asked: the hits, or None."""
    terms: list[str] = []
    wanted, levels, prefixes = rule.policy_filters
    if wanted:
        have = issuers()
        hits = [i for i in wanted if any(i in h for h in have)]
        if not hits:
            return None
        terms += hits
    if levels and level() not in levels:
        return None
    if prefixes:
        number = (doc_number or "").strip()
        hits = [x for x in prefixes if number.startswith(x)]
        if not hits:
            return None
        terms.append(number)
    return terms


def change_of(facts: VersionFacts) -> str | None:
    if facts.validity in ("amended", "abolished", "expired"):
        return facts.validity
    return "revised" if facts.version_no > 1 or facts.replaces_version_id else None


def match_changed(rule: Rule, facts: VersionFacts, index: TermIndex) -> Match | None:
    change = change_of(facts)
    if change is None or change not in (rule.params.get("changes") or CHANGES):
        return None
    kinds = rule.params.get("kinds") or ["policy", "interpretation"]
    if facts.kind not in kinds and not (facts.is_policy and "policy" in kinds):
        return None
    terms = _policy_terms(rule, facts)
    if terms is None:
        return None
    if rule.query is not None:
        query_terms = _query_terms(rule, facts, index)
        if query_terms is None:
            return None
        terms += query_terms
    return Match(terms, _codes_of(rule, facts), change=change)


def _codes_of(rule: Rule, facts: VersionFacts) -> list[str]:
    scored = rule.scored_codes(facts)
    return sorted(scored if rule.codes is None else rule.codes & scored)


MATCHERS: dict[str, Callable[[Rule, VersionFacts, TermIndex], Match | None]] = {
    "keyword": match_keyword,
    "category": match_category,
    "entity": match_entity,
    "new_policy": match_new_policy,
    "changed": match_changed,
}


def match_version(rule: Rule, facts: VersionFacts, index: TermIndex) -> Match | None:
    """The rule's verdict on one version (per-version rule types only)."""
    matcher = MATCHERS.get(rule.rule_type)
    if matcher is None or not rule.in_scope(facts):
        return None
    return matcher(rule, facts, index)
