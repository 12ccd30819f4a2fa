"""Keyword queries of alert rules, read by the shared query grammar (futurewatch/core/querygrammar.py):
terms, "quoted phrases", AND/&, OR/|, NOT/- and parentheses, AND before OR.

    具身智能 AND (深圳 OR 广州) NOT "扫地机器人"

Here the tree's terms are put in the shared matcher's form (alerts/terms.py), so Simplified
and Traditional spellings of a term are the same term, and the tree is evaluated against the
terms found in a document. Size limits: alerts/limits.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from alerts.terms import normalize_term
from futurewatch.core.querygrammar import Node, QueryError, parse

__all__ = ["KeywordQuery", "QueryError", "parse_query"]


@dataclass(frozen=True)
class KeywordQuery:
    tree: Node  # terms in matching form

    def terms(self, *, positive: bool = True) -> set[str]:
        """Terms of the query; with positive=True only those not under a NOT (a fresh set)."""
        return set(self._positive if positive else self._all)

    @cached_property
    def _positive(self) -> frozenset[str]:
        return frozenset(_terms(self.tree, True))

    @cached_property
    def _all(self) -> frozenset[str]:
        return frozenset(_terms(self.tree, False))

    def evaluate(self, found: set[str] | dict) -> bool:
        """Whether a document with these (matching-form) terms satisfies the query."""
        return _evaluate(self.tree, found)


def _terms(node: Node, positive: bool) -> set[str]:
    if node.op == "term":
        return {node.term}
    if node.op == "not" and positive:
        return set()
    return set().union(*(_terms(c, positive) for c in node.children))


def _evaluate(node: Node, found) -> bool:
    if node.op == "term":
        return node.term in found
    if node.op == "not":
        return not _evaluate(node.children[0], found)
    if node.op == "and":
        return all(_evaluate(c, found) for c in node.children)
    return any(_evaluate(c, found) for c in node.children)


def _check_term(node: Node) -> None:
    if not normalize_term(node.term):
        raise QueryError(f"keyword query term {node.written!r} is empty")


def parse_query(text: str) -> KeywordQuery:
    """Parse a keyword query; raises QueryError with a one-line message."""
    what = f"keyword query {text!r}"
    query = KeywordQuery(parse(text, what=what, check_term=_check_term).with_terms(normalize_term))
    if not query.terms(positive=True):
        raise QueryError(f"the {what} has only NOT terms; add a term to look for")
    return query
